//! The fuzz targets of `fuzz/` on stable, bounded: for each target a seed corpus (the fixtures in
//! `tests/fixtures/`, plus motif texts, model files and worker messages made here), then a seeded
//! mutation loop (bit flips, byte insertions and deletions, splices of two entries, interesting
//! tokens, long runs of one byte) for `SEQLAB_FUZZ_SECONDS` seconds per target (default 2.0) and at
//! most 200,000 executions. The checks themselves are `tests/fuzz/targets.rs`, the same code the
//! libFuzzer targets run. A counting global allocator also bounds each execution's peak memory.
//!
//! A failing input is written to `CARGO_TARGET_TMPDIR/fuzz-<target>-failure` (replay it with
//! `cargo fuzz run <target> <file>`); `SEQLAB_FUZZ_SEED` varies the mutations and
//! `SEQLAB_FUZZ_CORPUS=<dir>` writes the seed corpora to `<dir>/<target>/` for cargo-fuzz.
#![cfg(not(target_arch = "wasm32"))]

#[path = "fuzz/engine.rs"]
mod engine;
#[path = "fuzz/targets.rs"]
mod targets;

use engine::*;

use seqlab::bio::Pfm;
use seqlab::bio::formats::{NamedMotif, to_jaspar, to_meme, to_meme_many};
use seqlab::bio::simulate::lecture_motif;
use seqlab::nn::{ModelSpec, OptimizerConfig, Padding, Sequential, SgdConfig};
use seqlab::training::job::{FromWorker, JobRunner, ToWorker, TrainJob};
use serde_json::json;

/// The lecture's CNN on 16 rows of two classes (as in `src/training/job.rs`'s tests); a
/// regression with every kind of layer on sequences of several lengths fitted to 12 (SGD with
/// momentum, shuffled validation, early stopping); the lecture's CNN diverging.
fn seed_jobs() -> [TrainJob; 3] {
    let job = |spec: serde_json::Value, train: serde_json::Value, changes: serde_json::Value| {
        let mut job = json!({"spec": spec, "model_seed": 1, "train": train, "fit_length": null,
            "config": {"batch_size": 4, "epochs": 2, "validation_split": 0.25, "shuffle": true,
                "validation_mode": "last_rows", "seed": 1, "early_stopping": null,
                "loss": {"kind": "categorical_crossentropy"}, "optimizer": {"type": "adam"}}});
        for (key, value) in changes.as_object().expect("an object") {
            match key.as_str() {
                "fit_length" => job[key] = value.clone(),
                _ => job["config"][key] = value.clone(),
            }
        }
        serde_json::from_value::<TrainJob>(job).expect("a seed job")
    };
    let class = |i: usize| i.is_multiple_of(2);
    let sequences: Vec<&str> = (0..16)
        .map(|i| match class(i) {
            true => "CCGGAACCGGAACCGGAACC",
            false => "ATATATATATATATATATAT",
        })
        .collect();
    let targets: Vec<[f32; 2]> = (0..16)
        .map(|i| match class(i) {
            true => [1.0, 0.0],
            false => [0.0, 1.0],
        })
        .collect();
    let lecture = json!({"sequences": sequences, "targets": targets});
    let cnn = || serde_json::to_value(ModelSpec::lecture(Padding::Valid)).expect("JSON");
    let regression = json!({"input_shape": [12, 4], "layers": [
        {"type": "conv1d", "filters": 3, "kernel_size": 3, "padding": "same", "activation": "relu"},
        {"type": "max_pool1d", "pool_size": 2}, {"type": "dropout", "rate": 0.25},
        {"type": "activation", "activation": "tanh"}, {"type": "flatten"},
        {"type": "dense", "units": 1, "activation": "linear"}]});
    let rows = json!({"targets": [[-1.0], [-0.5], [0.0], [0.5], [1.0], [1.5]],
        "sequences": ["ACGTACGTACGT", "TTGACA", "GGGCCCAAATTTG", "ATG", "CCAATGGCC", "acgun"]});
    let settings = json!({"batch_size": 3, "epochs": 3, "validation_mode": "shuffled",
        "fit_length": 12, "loss": {"kind": "mean_squared_error"},
        "optimizer": {"type": "sgd", "learning_rate": 0.05, "momentum": 0.9},
        "early_stopping": {"monitor": "val_loss", "patience": 1, "restore_best_weights": true}});
    // An infinite learning rate cannot be written in JSON.
    let mut diverging = job(cnn(), lecture.clone(), json!({"epochs": 1}));
    diverging.config.optimizer = OptimizerConfig::Sgd(SgdConfig {
        learning_rate: f32::INFINITY,
        momentum: 0.0,
    });
    let lecture = job(cnn(), lecture, json!({}));
    [lecture, job(regression, rows, settings), diverging]
}

/// Worker messages both ways: jobs, and every message of real runs (one of them failing to start,
/// one diverging).
fn job_seeds() -> Vec<Vec<u8>> {
    let [lecture, regression, diverging] = seed_jobs();
    let mut bad = lecture.clone();
    if let seqlab::training::job::JobRows::Sequences(table) = &mut bad.train {
        table.sequences[3] = "ACGX".into();
    }
    let failure = JobRunner::start(bad).expect_err("a bad sequence fails");
    let mut from_worker = vec![FromWorker::Ready, failure.into()];
    let to_worker = [
        ToWorker::Start(Box::new(lecture.clone())),
        ToWorker::Start(Box::new(regression.clone())),
        ToWorker::Stop,
        ToWorker::Resume { more_epochs: 2 },
    ];
    for job in [lecture, regression, diverging] {
        let mut runner = JobRunner::start(job).expect("a seed job starts");
        from_worker.push(runner.started());
        let mut now = || 0.0;
        while runner.is_running() {
            from_worker.extend(runner.step(&mut now));
        }
        from_worker.push(runner.stop());
    }
    let to_worker = to_worker.iter().map(serde_json::to_vec);
    let from_worker = from_worker.iter().map(serde_json::to_vec);
    let all = to_worker.chain(from_worker).collect::<Result<Vec<_>, _>>();
    all.expect("messages serialise")
}

#[test]
fn fuzz_csv_table() {
    let seeds = fixtures("csv", None);
    fuzz("csv_table", seeds, text_bound, targets::csv_table);
}

#[test]
fn fuzz_sequence() {
    let mut seeds = fixtures("csv", None);
    for seed in ["ACGT", ">seq1 example\naugc n\nAC\n", "  t a\tc\r\nNNN"] {
        seeds.push(seed.as_bytes().to_vec());
    }
    fuzz("sequence", seeds, text_bound, targets::sequence);
}

#[test]
fn fuzz_motif_text() {
    let lecture = NamedMotif {
        id: "lecture".into(),
        name: "TACAA".into(),
        pfm: lecture_motif(),
    };
    let arnt = NamedMotif {
        id: "MA0004.1".into(),
        name: "Arnt".into(),
        pfm: Pfm::from_text("CACGTG\nCACGTG\nCACGAG\nTACGTG").expect("instances"),
    };
    let seeds = [
        to_jaspar(&lecture),
        to_meme(&lecture),
        to_jaspar(&arnt),
        to_meme_many(&[lecture, arnt]),
        "4 19 0 0 0 0\n16 0 20 0 0 0\n0 1 0 20 0 20\n0 0 0 0 20 0\n".into(),
        "T [0 0 20]\nA [4 19 0]\nG [0 1 0]\nC [16 0 0]".into(),
        "MEME version 5\n\nALPHABET= ACGT\n\nMOTIF CRP\n\
         letter-probability matrix: alength= 4 w= 2\n0.5 0.5 0 0\n0 0 0.25 0.75\n\nURL x\n"
            .into(),
    ];
    let seeds = seeds.into_iter().map(String::into_bytes).collect();
    fuzz("motif_text", seeds, model_bound, targets::motif_text);
}

#[test]
fn fuzz_model_json() {
    let mut seeds = fixtures("models", Some("json"));
    let lecture = Sequential::new(ModelSpec::lecture(Padding::Same), 1).expect("the lecture CNN");
    seeds.push(lecture.to_json().into_bytes());
    let [_, regression, _] = seed_jobs();
    for spec in [ModelSpec::lecture(Padding::Valid), regression.spec] {
        seeds.push(serde_json::to_vec(&spec).expect("JSON"));
    }
    fuzz("model_json", seeds, model_bound, targets::model_json);
}

#[test]
fn fuzz_job_protocol() {
    let seeds = job_seeds();
    fuzz("job_protocol", seeds, model_bound, targets::job_protocol);
}

/// An upload read as the expression lab reads it, with the default limits (50 MB, 200,000 rows).
fn upload_with_default_limits(data: &[u8]) {
    use seqlab::data::csv::{Limits, preview, read, read_sequences};
    if let Ok(preview) = preview(data, Limits::default())
        && let Ok(table) = read(data, &preview.layout, Limits::default())
    {
        assert!(table.is_complete());
    }
    if let Ok(table) = read_sequences(data, Limits::default()) {
        assert!(table.is_complete());
    }
}

/// Large hostile uploads (issue "nothing lost, nothing crashes", upload 10): a line of 25 million
/// commas, a 20 MB sequence, and 200,000 short rows all stay within 16 bytes per input byte plus
/// 8 MiB at the peak, whichever way the file is read.
#[test]
fn large_hostile_uploads_stay_within_a_small_multiple_of_their_size() {
    let _guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let bound = |len: usize| 16 * len + (8 << 20);
    let commas = vec![b','; 25_000_000];
    execute(
        "commas",
        &commas,
        bound(commas.len()),
        upload_with_default_limits,
    );
    let mut long = b"sequence,expression\n".to_vec();
    long.extend(std::iter::repeat_n(b'A', 20_000_000));
    long.extend(b",1.5\nACGT,2\n");
    execute(
        "long-sequence",
        &long,
        bound(long.len()),
        upload_with_default_limits,
    );
    let mut rows = b"sequence,expression\n".to_vec();
    for i in 0..199_000u32 {
        rows.extend(
            format!("{:020b},{}.5\n", i, i % 7)
                .replace('0', "A")
                .replace('1', "C")
                .as_bytes(),
        );
    }
    execute(
        "many-rows",
        &rows,
        bound(rows.len()),
        upload_with_default_limits,
    );
}
