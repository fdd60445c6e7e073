use super::*;
use crate::nn::{LossConfig, LossKind, OptimizerConfig, Padding};
use crate::training::ValidationMode;

/// The job's sequences, to spoil one.
fn sequences(job: &mut TrainJob) -> &mut Vec<String> {
    match &mut job.train {
        JobRows::Sequences(table) => &mut table.sequences,
        _ => unreachable!("a sequence job"),
    }
}

pub(super) fn job(epochs: usize) -> TrainJob {
    let sequences: Vec<String> = (0..40)
        .map(|i| {
            if i % 2 == 0 {
                "CCGGAACCGGAACCGGAACC"
            } else {
                "ATATATATATATATATATAT"
            }
            .to_string()
        })
        .collect();
    let targets = (0..40)
        .map(|i| {
            if i % 2 == 0 {
                vec![1.0, 0.0]
            } else {
                vec![0.0, 1.0]
            }
        })
        .collect();
    TrainJob {
        spec: ModelSpec::lecture(Padding::Valid),
        model_seed: 1,
        config: TrainConfig {
            batch_size: 10,
            epochs,
            validation_split: 0.25,
            validation_mode: ValidationMode::LastRows,
            shuffle: true,
            seed: 1,
            loss: LossConfig {
                kind: LossKind::CategoricalCrossentropy,
                semantics: Default::default(),
            },
            optimizer: OptimizerConfig::default(),
            early_stopping: None,
        },
        train: crate::data::SequenceTable {
            sequences,
            targets,
            alphabet: crate::bio::Alphabet::Dna,
        }
        .into(),
        fit_length: None,
        run: 0,
    }
}

#[test]
fn runs_to_the_end_and_reports_every_epoch_then_finishes() {
    let mut runner = JobRunner::start(job(2)).unwrap();
    assert_eq!(
        runner.started(),
        FromWorker::Started {
            train_rows: 30,
            validation_rows: 10,
            batches: 3
        }
    );
    let mut clock = 0.0;
    let mut now = || {
        clock += 0.001;
        clock
    };
    let mut messages = Vec::new();
    while runner.is_running() {
        messages.extend(runner.step(&mut now));
    }
    let epochs = messages
        .iter()
        .filter(|m| matches!(m, FromWorker::Epoch { .. }))
        .count();
    assert_eq!(epochs, 2);
    let Some(FromWorker::Finished {
        reason,
        history,
        samples_per_second,
        ..
    }) = messages.last()
    else {
        panic!("no finish")
    };
    assert_eq!(*reason, StopReason::Completed);
    assert_eq!(history.epochs.len(), 2);
    assert!(*samples_per_second > 0.0);
    // JSON round trip of every message (what crosses the worker boundary).
    for message in &messages {
        let text = serde_json::to_string(message).unwrap();
        assert_eq!(&serde_json::from_str::<FromWorker>(&text).unwrap(), message);
    }
}

#[test]
fn stop_pauses_and_resume_continues_past_the_end() {
    let mut runner = JobRunner::start(job(1)).unwrap();
    let mut now = || 0.0;
    runner.step(&mut now);
    assert!(matches!(runner.stop(), FromWorker::Paused { .. }));
    assert!(!runner.is_running() && runner.step(&mut now).is_empty());
    runner.resume(0);
    while runner.is_running() {
        runner.step(&mut now);
    }
    runner.resume(2);
    let mut finished = None;
    while runner.is_running() {
        finished = runner
            .step(&mut now)
            .into_iter()
            .find(|m| matches!(m, FromWorker::Finished { .. }));
    }
    let Some(FromWorker::Finished { history, .. }) = finished else {
        panic!("no finish")
    };
    assert_eq!(history.epochs.len(), 3);
}

fn run_to_end(runner: &mut JobRunner) -> Vec<FromWorker> {
    let mut now = || 0.0;
    let mut messages = Vec::new();
    while runner.is_running() {
        messages.extend(runner.step(&mut now));
    }
    messages
}

#[test]
fn zero_epochs_finish_at_once() {
    let mut runner = JobRunner::start(job(0)).unwrap();
    let messages = run_to_end(&mut runner);
    assert!(matches!(
        messages.as_slice(),
        [FromWorker::Finished { reason: StopReason::Completed, history, .. }] if history.epochs.is_empty()
    ));
}

#[test]
fn a_diverged_run_crosses_the_boundary_with_its_nan() {
    let mut diverging = job(3);
    diverging.config.optimizer = OptimizerConfig::Sgd(crate::nn::SgdConfig {
        learning_rate: f32::INFINITY,
        momentum: 0.0,
    });
    let mut runner = JobRunner::start(diverging).unwrap();
    let messages = run_to_end(&mut runner);
    let Some(finished @ FromWorker::Finished { reason, .. }) = messages.last() else {
        panic!("no finish: {messages:?}")
    };
    assert!(
        matches!(
            reason,
            StopReason::Diverged {
                epoch: 1,
                batch: 1,
                in_weights: true,
                ..
            }
        ),
        "{reason:?}"
    );
    // The weights are NaN/∞ and the message still parses on the other side.
    let text = serde_json::to_string(finished).unwrap();
    assert!(
        text.contains("\"NaN\"") || text.contains("Infinity"),
        "{text}"
    );
    let FromWorker::Finished { model, .. } = serde_json::from_str::<FromWorker>(&text).unwrap()
    else {
        panic!("not a finish")
    };
    assert!(
        model
            .weights
            .iter()
            .any(|t| t.values.iter().any(|v| !v.is_finite()))
    );
    let loss = FromWorker::Batch {
        epoch: 1,
        batch: 2,
        batches: 3,
        loss: f64::NAN,
    };
    let text = serde_json::to_string(&loss).unwrap();
    assert!(matches!(
        serde_json::from_str::<FromWorker>(&text).unwrap(),
        FromWorker::Batch { loss, .. } if loss.is_nan()
    ));
}

#[test]
fn mixed_lengths_train_with_a_fit_length() {
    let mut uneven = job(1);
    sequences(&mut uneven)[5] = "ACGT".into();
    assert!(
        JobRunner::start(uneven.clone()).is_err(),
        "without fitting, lengths must agree"
    );
    uneven.fit_length = Some(20);
    let mut runner = JobRunner::start(uneven).unwrap();
    assert!(matches!(
        run_to_end(&mut runner).last(),
        Some(FromWorker::Finished {
            reason: StopReason::Completed,
            ..
        })
    ));
}

#[test]
fn a_bad_job_fails_in_both_languages() {
    let mut bad = job(1);
    sequences(&mut bad)[3] = "ACGX".into();
    let Err(JobFailure { ko, en }) = JobRunner::start(bad) else {
        panic!("expected a failure")
    };
    assert!(en.starts_with("Row 4:") && ko.starts_with("4번째 행"));
    let message = ToWorker::Start(Box::new(job(1)));
    let text = serde_json::to_string(&message).unwrap();
    assert!(text.starts_with(r#"{"type":"start""#));
    assert_eq!(serde_json::from_str::<ToWorker>(&text).unwrap(), message);
}
