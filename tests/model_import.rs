//! Model files, hostile and wrong (issue "nothing lost, nothing crashes", import 12–14): the
//! description is checked with checked arithmetic before anything is allocated, every problem is
//! a typed bilingual error, and a model is built from the file's own weights.
//! Fixtures in `tests/fixtures/models/`.
#![cfg(not(target_arch = "wasm32"))]

use seqlab::lab::expression::ExpressionModel;
use seqlab::lab::motif::import_model;
use seqlab::lang::Lang;
use seqlab::nn::saved::Shape;
use seqlab::nn::{ModelError, ModelFileError, ModelSpec, Padding, SavedModel, Sequential};

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/models")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn both_languages(error: &ModelFileError) {
    let (ko, en) = (error.message(Lang::Ko), error.message(Lang::En));
    assert!(!ko.is_empty() && !en.is_empty() && ko != en, "{error:?}");
    assert!(
        !ko.contains("expected") && !ko.contains("invalid"),
        "English in Korean: {ko}"
    );
}

#[test]
fn huge_architectures_are_refused_before_anything_is_allocated() {
    let too_many = |name: &str| {
        let error = Sequential::from_json(&fixture(name)).unwrap_err();
        both_languages(&error);
        error
    };
    assert!(matches!(
        too_many("huge_filters.json"),
        ModelFileError::Spec(ModelError::TooManyParams { .. })
    ));
    assert!(matches!(
        too_many("huge_dense.json"),
        ModelFileError::Spec(ModelError::TooManyParams {
            params: 16_200_000_000,
            ..
        })
    ));
    // 2⁶³ − 1 fits a 64-bit usize (natively) and overflows on multiplication; on wasm32 it does not
    // fit at all and the file is "not laid out as a model". Either way a typed error.
    for name in [
        "units_overflow.json",
        "flatten_overflow.json",
        "kernel_overflow.json",
    ] {
        let error = too_many(name);
        assert!(
            matches!(
                error,
                ModelFileError::Spec(
                    ModelError::Overflow { .. } | ModelError::TooManyParams { .. }
                ) | ModelFileError::NotAModel { .. }
            ),
            "{name}: {error:?}"
        );
    }
    let message = ModelError::TooManyParams {
        params: 16_200_000_000,
        limit: 5_000_000,
    };
    assert!(
        message
            .message(Lang::En)
            .contains("16,200,000,000 parameters")
    );
    assert!(message.message(Lang::Ko).contains("5,000,000개"));
}

#[test]
fn wrong_files_say_what_they_are() {
    assert!(matches!(
        SavedModel::from_json(&fixture("not_json.json")),
        Err(ModelFileError::NotJson { line: 1, .. })
    ));
    assert_eq!(
        SavedModel::from_json(&fixture("other_format.json")),
        Err(ModelFileError::WrongFormat {
            found: Some("seqlab-expression-model".into())
        })
    );
    assert_eq!(
        SavedModel::from_json(&fixture("version_7.json")),
        Err(ModelFileError::UnknownVersion { found: 7 })
    );
    assert!(matches!(
        SavedModel::from_json(r#"{"format": "seqlab-model", "version": 1, "spec": 3}"#),
        Err(ModelFileError::NotAModel { line: 1, .. })
    ));
    for error in [
        ModelFileError::NotJson { line: 1, column: 1 },
        ModelFileError::NotAModel { line: 2, column: 9 },
        ModelFileError::WrongFormat { found: None },
        ModelFileError::UnknownVersion { found: 7 },
    ] {
        both_languages(&error);
    }
}

#[test]
fn weights_are_checked_one_by_one_with_typed_errors() {
    let good = Sequential::new(ModelSpec::lecture(Padding::Same), 3)
        .unwrap()
        .to_saved();
    let mut fewer = good.clone();
    fewer.weights.pop();
    assert_eq!(
        Sequential::from_saved(&fewer).err(),
        Some(ModelFileError::TensorCount {
            expected: 4,
            found: 3
        })
    );
    let mut shape = good.clone();
    shape.weights[2].shape = vec![40, 3];
    let error = Sequential::from_saved(&shape).unwrap_err();
    assert_eq!(
        error,
        ModelFileError::TensorShape {
            index: 3,
            name: "dense/kernel".into(),
            expected: Shape(vec![50, 2]),
            found: Shape(vec![40, 3]),
        }
    );
    assert!(
        error
            .message(Lang::En)
            .contains("has shape [40, 3]; the architecture needs [50, 2]")
    );
    // Right shape, wrong number of values: not "has shape [4, 2], expected [4, 2]".
    let mut count = good.clone();
    count.weights[1].values.push(0.5);
    let error = Sequential::from_saved(&count).unwrap_err();
    assert_eq!(
        error,
        ModelFileError::ValueCount {
            index: 2,
            name: "conv1d/bias".into(),
            expected: 10,
            found: 11
        }
    );
    both_languages(&error);
    let mut nan = good.clone();
    nan.weights[0].values[7] = f32::NAN;
    let text = serde_json::to_string(&nan).unwrap();
    assert_eq!(
        Sequential::from_json(&text).err(),
        Some(ModelFileError::NotFinite {
            index: 1,
            name: "conv1d/kernel".into(),
            position: 8
        })
    );
    // `null` weights are not numbers at all.
    let null = text.replacen("\"NaN\"", "null", 1);
    assert!(matches!(
        Sequential::from_json(&null),
        Err(ModelFileError::NotAModel { .. })
    ));
}

#[test]
fn an_imported_model_must_fit_the_lab_before_it_replaces_anything() {
    let lecture = Sequential::new(ModelSpec::lecture(Padding::Same), 3).unwrap();
    let text = lecture.to_json();
    assert!(import_model(&text, 20).is_ok());
    assert_eq!(
        import_model(&text, 30).err(),
        Some(ModelFileError::WrongInput {
            expected: Shape(vec![30, 4]),
            found: Shape(vec![20, 4])
        })
    );
    let saved = lecture.to_saved();
    assert_eq!(
        saved.check_fits(&[20, 4], &[1]),
        Err(ModelFileError::WrongOutput {
            expected: Shape(vec![1]),
            found: Shape(vec![2])
        })
    );
    // The expression lab's wrapper: its own format, then the same checks.
    let wrapped = serde_json::to_string(&ExpressionModel::new(
        saved,
        seqlab::lab::expression::Standardizer {
            mean: 1.0,
            std: 2.0,
        },
        20,
    ))
    .unwrap();
    assert_eq!(
        ExpressionModel::from_json(&wrapped, 20).err(),
        Some(ModelFileError::WrongOutput {
            expected: Shape(vec![1]),
            found: Shape(vec![2])
        })
    );
    assert!(matches!(
        ExpressionModel::from_json(&text, 20),
        Err(ModelFileError::WrongFormat { found: Some(f) }) if f == "seqlab-model"
    ));
}

#[test]
fn a_loaded_model_uses_the_files_weights_exactly() {
    let mut model = Sequential::new(ModelSpec::lecture(Padding::Valid), 11).unwrap();
    let loaded = Sequential::from_json(&model.to_json()).unwrap();
    assert_eq!(loaded.to_saved(), model.to_saved());
    let x = ndarray::ArrayD::from_elem(ndarray::IxDyn(&[2, 20, 4]), 0.25f32);
    assert_eq!(loaded.clone().predict(&x, 2), model.predict(&x, 2));
}

#[test]
fn a_model_for_100000_nt_is_counted_from_its_description_never_built() {
    use seqlab::lab::expression::Preset;
    // The compact preset on one 100,000-nt row: Dense(32) after 100,000 × 32 features.
    let spec = Preset::Compact.spec(100_000);
    let started = std::time::Instant::now();
    let summary = spec.summary().unwrap();
    assert_eq!(
        summary.total_params(),
        1_056 + 8_224 + 100_000 * 32 * 32 + 32 + 33
    );
    assert!(matches!(
        spec.check(&seqlab::nn::MODEL_LIMITS),
        Err(ModelError::TooManyParams {
            params: 102_409_345,
            limit: 5_000_000
        })
    ));
    assert!(matches!(
        Sequential::new(spec, 0),
        Err(ModelError::TooManyParams { .. })
    ));
    assert!(
        started.elapsed().as_millis() < 1000,
        "counted, not allocated"
    );
}
