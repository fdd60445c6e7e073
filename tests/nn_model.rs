//! `Sequential`: building from a spec (and its bilingual errors), JSON round trips, shapes, and the
//! panic for a batch of the wrong shape.

use ndarray::{ArrayD, IxDyn};
use seqlab::lang::Lang;
use seqlab::nn::{
    Activation, Conv1dConfig, DenseConfig, DropoutConfig, LayerSpec, MaxPool1dConfig, ModelError,
    ModelFileError, ModelSpec, Padding, Sequential,
};

fn conv(filters: usize, kernel_size: usize, padding: Padding) -> LayerSpec {
    LayerSpec::Conv1d(Conv1dConfig {
        filters,
        kernel_size,
        padding,
        activation: Activation::Relu,
    })
}

fn dense(units: usize) -> LayerSpec {
    LayerSpec::Dense(DenseConfig {
        units,
        activation: Activation::Linear,
    })
}

#[test]
fn spec_json_is_readable_and_round_trips() {
    let text = r#"{"input_shape": [20, 4], "layers": [
        {"type": "conv1d", "filters": 10, "kernel_size": 5, "padding": "valid", "activation": "relu"},
        {"type": "max_pool1d", "pool_size": 4}, {"type": "flatten"},
        {"type": "dense", "units": 2, "activation": "sigmoid"}]}"#;
    let spec: ModelSpec = serde_json::from_str(text).unwrap();
    assert_eq!(spec, ModelSpec::lecture(Padding::Valid));
    let again: ModelSpec = serde_json::from_str(&serde_json::to_string(&spec).unwrap()).unwrap();
    assert_eq!(again, spec);
}

#[test]
fn the_optimus_style_and_utr_models_build_with_keras_parameter_counts() {
    // 3 × Conv1D(120, 8, same) → Flatten → Dense(40) → Dropout(0.2) → Dense(1) on 50 nt:
    // 3,960 + 115,320 + 115,320 + 240,040 + 41 = 474,681 parameters.
    let optimus = seqlab::training::bench::cases().remove(3);
    assert_eq!(optimus.name, "c-optimus-style");
    let model = Sequential::new(optimus.spec, 1).unwrap();
    assert_eq!(model.param_count(), 3_960 + 115_320 * 2 + 240_040 + 41);
    let names: Vec<String> = model
        .summary()
        .rows
        .iter()
        .map(|r| r.name.clone())
        .collect();
    assert_eq!(
        names,
        [
            "conv1d", "conv1d_1", "conv1d_2", "flatten", "dense", "dropout", "dense_1"
        ]
    );
}

#[test]
fn impossible_architectures_are_bilingual_errors() {
    let build = |input: Vec<usize>, layers: Vec<LayerSpec>| {
        Sequential::new(
            ModelSpec {
                input_shape: input,
                layers,
            },
            0,
        )
        .err()
    };
    assert_eq!(build(vec![20, 4], vec![]), Some(ModelError::NoLayers));
    assert_eq!(
        build(vec![0, 4], vec![dense(1)]),
        Some(ModelError::BadInputShape(vec![0, 4]))
    );
    assert_eq!(
        build(vec![20, 4], vec![dense(1)]),
        Some(ModelError::NeedsFlatten { layer: 1 })
    );
    assert_eq!(
        build(vec![4, 4], vec![conv(2, 5, Padding::Valid)]),
        Some(ModelError::KernelTooLong {
            layer: 1,
            kernel: 5,
            length: 4
        })
    );
    assert_eq!(build(vec![4, 4], vec![conv(2, 5, Padding::Same)]), None);
    assert_eq!(
        build(
            vec![20, 4],
            vec![LayerSpec::Flatten, conv(2, 3, Padding::Same)]
        ),
        Some(ModelError::NeedsSequence { layer: 2 })
    );
    assert_eq!(
        build(
            vec![3, 4],
            vec![LayerSpec::MaxPool1d(MaxPool1dConfig { pool_size: 4 })]
        ),
        Some(ModelError::PoolTooLong {
            layer: 1,
            pool: 4,
            length: 3
        })
    );
    assert_eq!(
        build(vec![20, 4], vec![conv(0, 3, Padding::Same)]),
        Some(ModelError::ZeroSize { layer: 1 })
    );
    assert_eq!(
        build(
            vec![6],
            vec![LayerSpec::Dropout(DropoutConfig { rate: 1.0 })]
        ),
        Some(ModelError::BadDropout { layer: 1 })
    );
    let message = ModelError::NeedsFlatten { layer: 3 };
    assert!(message.message(Lang::En).contains("Layer 3"));
    assert!(message.message(Lang::Ko).contains("3번째 층"));
}

#[test]
fn saved_models_round_trip_with_identical_predictions() {
    let mut model = Sequential::new(ModelSpec::lecture(Padding::Same), 42).unwrap();
    let x =
        seqlab::nn::init::glorot_uniform(&[5, 20, 4], 3, 3, &mut seqlab::nn::init::seeded_rng(1));
    let before = model.predict(&x, 2);
    let json = model.to_json();
    let mut loaded = Sequential::from_json(&json).unwrap();
    assert_eq!(loaded.predict(&x, 3), before);
    let mut saved = model.to_saved();
    saved.weights[0].shape = vec![1, 2, 3];
    assert!(matches!(
        Sequential::from_saved(&saved),
        Err(ModelFileError::TensorShape { index: 1, .. })
    ));
    assert_eq!(
        Sequential::from_json("{}").err(),
        Some(ModelFileError::WrongFormat { found: None })
    );
}

#[test]
fn the_same_seed_gives_the_same_weights_and_another_seed_does_not() {
    let a = Sequential::new(ModelSpec::lecture(Padding::Valid), 7)
        .unwrap()
        .to_saved();
    let b = Sequential::new(ModelSpec::lecture(Padding::Valid), 7)
        .unwrap()
        .to_saved();
    let c = Sequential::new(ModelSpec::lecture(Padding::Valid), 8)
        .unwrap()
        .to_saved();
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
#[should_panic(
    expected = "the model takes samples of shape [20, 4], got a batch of shape [3, 19, 4]"
)]
fn a_batch_of_the_wrong_shape_panics_with_both_shapes() {
    let mut model = Sequential::new(ModelSpec::lecture(Padding::Valid), 0).unwrap();
    model.forward(&ArrayD::zeros(IxDyn(&[3, 19, 4])), false);
}

/// One-hot protein-like inputs: `rows` of `length` positions over `width` letters.
fn one_hot_rows(rows: usize, length: usize, width: usize, seed: u64) -> ArrayD<f32> {
    let mut state = seed;
    ArrayD::from_shape_fn(IxDyn(&[rows, length, width]), |idx| {
        let (r, p, c) = (idx[0], idx[1], idx[2]);
        state = (r * 7919 + p * 104_729) as u64 ^ seed;
        f32::from(u8::from(c == (state % width as u64) as usize))
    })
}

/// Training's backward pass (no input gradient before the first weights) fills the same
/// gradients as the full one, for a dense model on sparse one-hot rows (the sparse path) and for
/// the lecture's CNN; and the sparse forward pass is `x · W + b`.
#[test]
fn training_backward_and_the_sparse_path_give_the_full_gradients() {
    let protein = ModelSpec {
        input_shape: vec![30, 21],
        layers: vec![LayerSpec::Flatten, dense(8), dense(1)],
    };
    let cases = [
        (protein, one_hot_rows(6, 30, 21, 3)),
        (ModelSpec::lecture(Padding::Same), one_hot_rows(6, 20, 4, 5)),
    ];
    for (spec, x) in cases {
        let mut full = Sequential::new(spec.clone(), 2).unwrap();
        let mut lean = Sequential::new(spec, 2).unwrap();
        let (a, b) = (full.forward(&x, true), lean.forward(&x, true));
        assert_eq!(a, b);
        let grad = a.mapv(|v| v - 0.5);
        full.backward(&grad, false);
        lean.backward_params(&grad, false);
        for (p, q) in full.params().iter().zip(lean.params()) {
            let diff = (&p.grad - &q.grad)
                .mapv(f32::abs)
                .fold(0.0f32, |m, &v| m.max(v));
            assert!(diff <= 1e-6, "{}: {diff}", p.name);
        }
    }
    // The first dense layer of the protein model saw 30 ones among 630 inputs: sparse.
    let mut model = Sequential::new(
        ModelSpec {
            input_shape: vec![630],
            layers: vec![dense(4)],
        },
        1,
    )
    .unwrap();
    let x = one_hot_rows(5, 30, 21, 9)
        .into_shape_with_order(IxDyn(&[5, 630]))
        .unwrap();
    let y = model.forward(&x, false);
    let params = model.params();
    let x2 = x.clone().into_dimensionality::<ndarray::Ix2>().unwrap();
    let w = params[0]
        .value
        .clone()
        .into_dimensionality::<ndarray::Ix2>()
        .unwrap();
    let expected = x2.dot(&w)
        + &params[1]
            .value
            .clone()
            .into_dimensionality::<ndarray::Ix1>()
            .unwrap();
    let diff = (&y.into_dimensionality::<ndarray::Ix2>().unwrap() - &expected)
        .mapv(f32::abs)
        .fold(0.0f32, |m, &v| m.max(v));
    assert!(diff <= 1e-6, "{diff}");
}
