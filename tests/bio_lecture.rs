//! The lecture's numbers (LECTURE.md items 9–12), checked against `seed_values.json`, the values
//! recomputed from the lecture code with numpy 2.4.6 and Biopython 1.88.

mod common;

use common::{matrix, reference};
use ndarray::Array2;
use seqlab::bio::motif::{Background, Pfm};
use seqlab::bio::one_hot::encode;
use seqlab::bio::scan::{Score, scan, score_window};
use seqlab::bio::{Base, Symbol, parse_sequence};

/// Tolerance for f64 values that are computed the same way as the reference (exact in practice).
const F64_TOL: f64 = 1e-12;

/// The lecture's PWM: TACAA, TACGA, TACAA with pseudocount 0.5.
fn lecture_pwm() -> seqlab::bio::Pwm {
    Pfm::from_text("TACAA TACGA TACAA")
        .unwrap()
        .normalize(0.5)
        .unwrap()
}

fn assert_close(actual: &Array2<f64>, expected: &[Vec<f64>], tol: f64) {
    assert_eq!(actual.nrows(), expected.len());
    for (row, expected_row) in actual.rows().into_iter().zip(expected) {
        assert_eq!(row.len(), expected_row.len());
        for (a, e) in row.iter().zip(expected_row) {
            assert!((a - e).abs() <= tol, "{a} vs {e}");
        }
    }
}

#[test]
fn one_hot_of_atacaa_matches_the_lecture() {
    let fixture = reference("seed_values.json");
    let sequence = fixture["onehot"]["sequence"].as_str().unwrap();
    assert_eq!(fixture["onehot"]["base_order"], "ACGT");
    let expected = matrix(&fixture["onehot"]["matrix_length_x_4"]);
    let actual = encode(sequence).unwrap().mapv(f64::from);
    assert_close(&actual, &expected, 0.0);
}

#[test]
fn pfm_and_pwm_with_pseudocount_half_match_biopython() {
    let fixture = reference("seed_values.json");
    let instances: Vec<&str> = fixture["motif_instances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let pfm = Pfm::from_instances(&instances).unwrap();
    assert_close(pfm.counts(), &matrix(&fixture["pfm_rows_ACGT"]), 0.0);
    let pwm = pfm.normalize(0.5).unwrap();
    assert_close(
        pwm.probs(),
        &matrix(&fixture["pwm_pseudocount_0_5_rows_ACGT"]),
        F64_TOL,
    );
    assert_eq!(pwm.consensus(), "TACAA");
    assert_eq!(pfm.n_sites(), 3.0);
}

#[test]
fn window_scores_match_the_lecture_digits() {
    let fixture = reference("seed_values.json");
    let scores = &fixture["window_scores"];
    let pwm = lecture_pwm();
    let windows = scan(
        &pwm,
        &parse_sequence("ATACAA").unwrap(),
        Score::LogLikelihood,
    )
    .unwrap();
    assert_eq!(windows.len(), 2);
    for (k, window) in windows.iter().enumerate() {
        assert_eq!(window.window, scores["windows"][k].as_str().unwrap());
        let expected = scores["scores"][k].as_f64().unwrap();
        assert!(
            (window.forward - expected).abs() <= F64_TOL,
            "{} vs {expected}",
            window.forward
        );
    }
    // The lecture prints -9.567015315914915 and -2.119846956314875: the same doubles.
    assert_eq!(windows[0].forward.to_string(), "-9.567015315914915");
    assert_eq!(windows[1].forward.to_string(), "-2.119846956314875");
}

#[test]
fn reverse_strand_scores_the_reverse_complement() {
    let pwm = lecture_pwm();
    let forward = scan(
        &pwm,
        &parse_sequence("ATACAA").unwrap(),
        Score::LogLikelihood,
    )
    .unwrap();
    let reverse = scan(
        &pwm,
        &parse_sequence("TTGTAT").unwrap(),
        Score::LogLikelihood,
    )
    .unwrap();
    // TTGTAT is ATACAA's reverse complement: its windows TTGTA, TGTAT read back as TACAA, ATACA.
    assert_eq!(reverse[0].reverse_window, "TACAA");
    assert_eq!(reverse[1].reverse_window, "ATACA");
    assert!((reverse[0].reverse - forward[1].forward).abs() <= F64_TOL);
    assert!((reverse[1].reverse - forward[0].forward).abs() <= F64_TOL);
}

#[test]
fn log_odds_is_biopython_log2_ratio_against_the_background() {
    let pwm = lecture_pwm();
    let window = parse_sequence("TACAA").unwrap();
    // By hand: p = 0.7, 0.7, 0.7, 0.5, 0.7 against 0.25 each.
    let expected = (0.7f64 * 0.7 * 0.7 * 0.5 * 0.7 / 0.25f64.powi(5)).log2();
    let actual = score_window(&pwm, &window, Score::LogOdds(Background::uniform()));
    assert!((actual - expected).abs() < F64_TOL);
    // The PSSM's cells sum to the same score along the window.
    let pssm = pwm.log_odds(&Background::uniform());
    let by_cells: f64 = window
        .iter()
        .enumerate()
        .map(|(j, s)| match s {
            Symbol::Base(b) => pssm.scores()[[b.index(), j]],
            Symbol::N => unreachable!(),
        })
        .sum();
    assert!((by_cells - expected).abs() < F64_TOL);
    // A GC-rich background makes a C cheaper to explain by chance, so its odds fall.
    let gc_rich = Background::from_gc(0.7).unwrap();
    assert!(
        pwm.log_odds(&gc_rich).scores()[[Base::C.index(), 2]] < pssm.scores()[[Base::C.index(), 2]]
    );
}

#[test]
fn zero_pseudocount_gives_minus_infinity_for_an_unseen_base() {
    let pwm = Pfm::from_text("TACAA TACGA TACAA")
        .unwrap()
        .normalize(0.0)
        .unwrap();
    let windows = scan(
        &pwm,
        &parse_sequence("ATACAA").unwrap(),
        Score::LogLikelihood,
    )
    .unwrap();
    assert_eq!(windows[0].forward, f64::NEG_INFINITY);
    assert!(windows[1].forward.is_finite());
}

#[test]
fn n_scores_as_the_column_average() {
    let pwm = lecture_pwm();
    let with_n = score_window(
        &pwm,
        &parse_sequence("NACAA").unwrap(),
        Score::LogLikelihood,
    );
    let expected = (0.25f64 * 0.7 * 0.7 * 0.5 * 0.7).ln();
    assert!((with_n - expected).abs() < F64_TOL);
}

#[test]
fn simulation_motif_matrix_has_consensus_ccggaa_and_the_reference_column_probabilities() {
    let fixture = reference("seed_values.json");
    let simulation = &fixture["simulation"];
    let raw = matrix(&simulation["motif_pwm_rows_ACGT_raw"]);
    let counts = Array2::from_shape_vec((4, 6), raw.concat()).unwrap();
    let pfm = Pfm::from_counts(counts).unwrap();
    assert_eq!(pfm.consensus(), "CCGGAA");
    let pwm = pfm.normalize(0.0).unwrap();
    let full = matrix(&simulation["column_probabilities_rows_ACGT_4x20"]);
    let motif_columns: Vec<Vec<f64>> = full.iter().map(|row| row[7..13].to_vec()).collect();
    assert_close(pwm.probs(), &motif_columns, F64_TOL);
    let information = pwm.information_content();
    assert!(information.iter().all(|&ic| (0.0..=2.0).contains(&ic)));
    assert!(
        information[4] > 1.8,
        "the near-certain A at motif position 4 carries almost 2 bits"
    );
}
