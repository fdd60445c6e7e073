use super::*;
use crate::nn::{ModelSpec, Padding, Sequential};
use crate::training::job::ToWorker;
use crate::training::{Evaluation, evaluate_with_predictions};

fn model() -> SavedModel {
    Sequential::new(ModelSpec::lecture(Padding::Same), 7)
        .unwrap()
        .to_saved()
}

fn sequences(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let bases = ['A', 'C', 'G', 'T'];
            (0..20).map(|j| bases[(i * 7 + j * j) % 4]).collect()
        })
        .collect()
}

/// Steps to the end; returns every message and the number of steps.
fn run(runner: &mut PredictRunner) -> (Vec<FromWorker>, usize) {
    let mut clock = 0.0;
    let mut now = || {
        clock += 0.11;
        clock
    };
    let mut messages = Vec::new();
    let mut steps = 0;
    while !runner.is_done() {
        messages.extend(runner.step(&mut now));
        steps += 1;
    }
    (messages, steps)
}

/// A prediction naming a run scores with the weights the worker last reported for it, and
/// fails in both languages for a run it does not hold.
#[test]
fn a_prediction_may_name_the_run_instead_of_sending_its_weights() {
    let held = Sequential::from_saved(&model()).unwrap();
    let named = PredictJob::sequences(1, PredictModel::Run(7), sequences(3), None);
    let by_weights = PredictJob::sequences(2, model(), sequences(3), None);
    let outputs = |mut runner: PredictRunner| {
        run(&mut runner)
            .0
            .into_iter()
            .find_map(|m| match m {
                FromWorker::Predictions { values, .. } => Some(values),
                _ => None,
            })
            .unwrap()
    };
    let a = outputs(PredictRunner::start_with(named.clone(), Some((7, &held))).unwrap());
    let b = outputs(PredictRunner::start(by_weights).unwrap());
    assert_eq!(a, b);
    let Err(JobFailure { ko, en }) = PredictRunner::start_with(named, Some((8, &held))) else {
        panic!("another run's weights")
    };
    assert!(en.contains("no longer holds") && ko.contains("모델이 더는"));
    // On the wire a run is its number.
    let json = serde_json::to_value(PredictModel::Run(7)).unwrap();
    assert_eq!(json, serde_json::json!(7));
}

#[test]
fn chunked_predictions_equal_one_pass_and_report_progress() {
    let rows = 2 * PREDICT_CHUNK_ROWS + 17;
    let job = PredictJob::sequences(5, model(), sequences(rows), None);
    let expected = {
        let data = job.rows.samples(None).unwrap().dense();
        Sequential::from_saved(&model())
            .unwrap()
            .predict(&data.x, 32)
    };
    let mut runner = PredictRunner::start(job).unwrap();
    assert_eq!(runner.request(), 5);
    let (messages, steps) = run(&mut runner);
    assert_eq!(steps, 3, "one chunk per step");
    // Progress after each chunk but the last (the test clock moves past the report interval),
    // then every output once.
    let progress: Vec<(usize, usize)> = messages
        .iter()
        .filter_map(|m| match m {
            FromWorker::Predicting {
                request: 5,
                done,
                total,
            } => Some((*done, *total)),
            _ => None,
        })
        .collect();
    assert_eq!(progress, [(250, rows), (500, rows)]);
    let Some(FromWorker::Predictions {
        request: 5,
        columns,
        values,
        evaluation: None,
    }) = messages.last().cloned()
    else {
        panic!("no predictions: {messages:?}")
    };
    let got = FromWorker::prediction_array(columns, values).unwrap();
    assert_eq!(got, expected);
    assert!(
        runner.step(&mut || 100.0).is_empty(),
        "nothing after the end"
    );
}

#[test]
fn no_rows_answer_at_once_with_no_outputs() {
    let mut runner =
        PredictRunner::start(PredictJob::sequences(1, model(), Vec::new(), None)).unwrap();
    let (messages, steps) = run(&mut runner);
    assert_eq!(steps, 1);
    assert_eq!(
        messages,
        [FromWorker::Predictions {
            request: 1,
            columns: 2,
            values: Vec::new(),
            evaluation: None
        }]
    );
}

#[test]
fn rows_are_fitted_to_the_model_length_when_asked_and_refused_otherwise() {
    let mut short = sequences(3);
    short[1].truncate(12);
    let refused = PredictRunner::start(PredictJob::sequences(2, model(), short.clone(), None));
    let Err(JobFailure { en, ko }) = refused else {
        panic!("accepted rows of two lengths")
    };
    assert!(en.to_lowercase().contains("row 2"), "{en}");
    assert!(!ko.is_empty());
    // Fitted (zero rows after the end), as the training data was.
    let mut runner =
        PredictRunner::start(PredictJob::sequences(3, model(), short, Some(20))).unwrap();
    assert!(
        matches!(run(&mut runner).0.last(), Some(FromWorker::Predictions { values, .. }) if values.len() == 6)
    );
    // A length the model does not read.
    let refused = PredictRunner::start(PredictJob::sequences(4, model(), sequences(2), Some(30)));
    let Err(JobFailure { en, .. }) = refused else {
        panic!("accepted 30-nt rows for a 20-nt model")
    };
    assert!(en.contains("20") && en.contains("30"), "{en}");
}

#[test]
fn a_bad_row_or_a_bad_model_is_a_sentence() {
    let mut rows = sequences(4);
    rows[2] = "ACGTXACGTACGTACGTACG".into();
    let Err(JobFailure { en, .. }) =
        PredictRunner::start(PredictJob::sequences(6, model(), rows, None))
    else {
        panic!("accepted an X")
    };
    assert!(
        en.to_lowercase().contains("row 3") && en.contains('X'),
        "{en}"
    );
    let mut broken = model();
    broken.weights.pop();
    let Err(JobFailure { en, .. }) =
        PredictRunner::start(PredictJob::sequences(7, broken, sequences(2), None))
    else {
        panic!("accepted a model without its last tensor")
    };
    assert!(!en.is_empty());
}

#[test]
fn requests_and_answers_cross_the_boundary_intact() {
    let job = PredictJob::sequences(9, model(), sequences(3), None);
    let messages = [
        ToWorker::Predict(Box::new(job)),
        ToWorker::Cancel { request: 9 },
    ];
    for message in &messages {
        let text = serde_json::to_string(message).unwrap();
        assert_eq!(&serde_json::from_str::<ToWorker>(&text).unwrap(), message);
    }
    // A diverged model's outputs stay NaN on the page, not null or zero.
    let answer = FromWorker::Predictions {
        request: 9,
        columns: 2,
        values: vec![f32::NAN, 0.25],
        evaluation: Some(Evaluation {
            loss: f64::NAN,
            accuracy: Some(0.5),
            r2: None,
        }),
    };
    let text = serde_json::to_string(&answer).unwrap();
    let FromWorker::Predictions { values, .. } = serde_json::from_str(&text).unwrap() else {
        panic!()
    };
    assert!(values[0].is_nan() && values[1] == 0.25);
}

#[test]
fn a_test_set_is_evaluated_as_in_one_pass() {
    use crate::nn::{LossConfig, LossKind};
    let rows = PREDICT_CHUNK_ROWS + 40;
    let sequences = sequences(rows);
    let targets = (0..rows)
        .map(|i| {
            if i % 3 == 0 {
                vec![1.0, 0.0]
            } else {
                vec![0.0, 1.0]
            }
        })
        .collect();
    let table = SequenceTable {
        sequences,
        targets,
        alphabet: crate::bio::Alphabet::Dna,
    };
    let loss = LossConfig {
        kind: LossKind::CategoricalCrossentropy,
        semantics: Default::default(),
    };
    let (expected, predictions) = {
        let data = table.to_dataset().unwrap();
        let mut model = Sequential::from_saved(&model()).unwrap();
        evaluate_with_predictions(&mut model, loss, &data, 32)
    };
    let job = PredictJob::evaluation(11, model(), table.clone(), None, loss);
    let mut runner = PredictRunner::start(job).unwrap();
    let Some(FromWorker::Predictions {
        values,
        evaluation: Some(evaluation),
        ..
    }) = run(&mut runner).0.pop()
    else {
        panic!("no evaluation")
    };
    assert_eq!(
        FromWorker::prediction_array(2, values).unwrap(),
        predictions
    );
    assert_eq!(evaluation.accuracy, expected.accuracy);
    assert!(
        (evaluation.loss - expected.loss).abs() < 1e-6,
        "{evaluation:?} vs {expected:?}"
    );
    // Targets of another width than the outputs are refused when there is a loss.
    let mut three = table;
    three.targets = vec![vec![0.0, 0.0, 1.0]; rows];
    let Err(JobFailure { en, .. }) =
        PredictRunner::start(PredictJob::evaluation(12, model(), three, None, loss))
    else {
        panic!("accepted three classes for a two-class model")
    };
    assert!(en.contains('3'), "{en}");
}
