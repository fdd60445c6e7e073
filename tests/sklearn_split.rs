//! scikit-learn's `train_test_split` reproduced exactly (`data::sklearn_split`): every case of
//! `sklearn_split.json` (scikit-learn 1.9.1 / numpy 2.4.6, `train_test_split(np.arange(n),
//! test_size=f, random_state=seed)`), index for index, and the lecture's split (2000 rows, 0.2,
//! seed 125) equal to `simulated_datasets.json`'s, with its 194 positives and 206 negatives.

mod common;

use common::reference;
use seqlab::data::sklearn_split::{legacy_permutation, sklearn_train_test_split};
use serde_json::Value;

fn indices(value: &Value) -> Vec<usize> {
    value
        .as_array()
        .expect("a JSON array of indices")
        .iter()
        .map(|v| v.as_u64().expect("an index") as usize)
        .collect()
}

fn count(value: &Value) -> usize {
    value.as_u64().expect("a count") as usize
}

/// The fixture's checksum: `Σ k · list[k]`, `k` counted from 0.
fn checksum(list: &[usize]) -> u64 {
    list.iter()
        .enumerate()
        .map(|(k, &index)| k as u64 * index as u64)
        .sum()
}

#[test]
fn every_fixture_case_is_reproduced_exactly() {
    let fixture = reference("sklearn_split.json");
    let cases = fixture["cases"].as_array().expect("cases");
    assert_eq!(cases.len(), 6);
    for case in cases {
        let n = count(&case["n"]);
        let fraction = case["test_fraction"].as_f64().expect("test_fraction");
        let seed = u32::try_from(case["seed"].as_u64().expect("seed")).expect("a 32-bit seed");
        let what = format!("n = {n}, test_fraction = {fraction}, seed = {seed}");
        let split = sklearn_train_test_split(n, fraction, seed);

        assert_eq!(split.test.len(), count(&case["n_test"]), "{what}: n_test");
        assert_eq!(
            split.train.len(),
            count(&case["n_train"]),
            "{what}: n_train"
        );
        let test_head = indices(&case["test_head"]);
        let train_head = indices(&case["train_head"]);
        assert_eq!(
            split.test[..test_head.len()],
            test_head,
            "{what}: test head"
        );
        assert_eq!(
            split.train[..train_head.len()],
            train_head,
            "{what}: train head"
        );
        assert_eq!(
            checksum(&split.test),
            case["test_checksum"].as_u64().expect("test_checksum"),
            "{what}: test checksum"
        );
        assert_eq!(
            checksum(&split.train),
            case["train_checksum"].as_u64().expect("train_checksum"),
            "{what}: train checksum"
        );
        if let Some(test) = case.get("test") {
            assert_eq!(split.test, indices(test), "{what}: test");
        }
        if let Some(train) = case.get("train") {
            assert_eq!(split.train, indices(train), "{what}: train");
        }
        // The split is numpy's permutation cut in two, test rows first.
        assert_eq!(
            [split.test.as_slice(), split.train.as_slice()].concat(),
            legacy_permutation(n, seed),
            "{what}: permutation"
        );
    }
}

#[test]
fn the_lecture_split_puts_194_positives_and_206_negatives_in_the_test_set() {
    let fixture = reference("sklearn_split.json");
    let counts = &fixture["lecture_test_class_counts"];
    let split = sklearn_train_test_split(2000, 0.2, 125);
    // The lecture's X = vstack(pos, neg): rows 0..999 are the positives (label [1, 0]).
    let positives = |rows: &[usize]| rows.iter().filter(|&&row| row < 1000).count();
    let (test_positives, train_positives) = (positives(&split.test), positives(&split.train));
    assert_eq!(
        (test_positives, split.test.len() - test_positives),
        (194, 206)
    );
    assert_eq!(
        test_positives,
        count(&counts["test"]["positive_label_1_0_class_0"])
    );
    assert_eq!(
        split.test.len() - test_positives,
        count(&counts["test"]["negative_label_0_1_class_1"])
    );
    assert_eq!(
        train_positives,
        count(&counts["train"]["positive_label_1_0_class_0"])
    );
    assert_eq!(
        split.train.len() - train_positives,
        count(&counts["train"]["negative_label_0_1_class_1"])
    );

    // The same indices as the shared reference's lecture data.
    let shared = reference("simulated_datasets.json");
    assert_eq!(split.test, indices(&shared["test_index"]));
    assert_eq!(split.train, indices(&shared["train_index"]));
}
