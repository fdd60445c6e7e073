//! The lecture-shaped seed model of `layers.json` (Conv1D(10, 5, relu) → MaxPooling1D(4) → Flatten →
//! Dense(2, sigmoid), categorical cross-entropy) in both paddings and both loss semantics: forward
//! values, loss, every gradient, and the parameters and Adam moments after steps 1 and 3 of
//! `train_on_batch`, against Keras's float32 results (rtol 1e-5, atol 1e-6).

mod common;

use common::{ATOL, RTOL, assert_close, reference, tensor};
use ndarray::Ix2;
use seqlab::nn::{
    Adam, AdamConfig, Layer, LossConfig, LossKind, LossSemantics, ModelSpec, Padding, Sequential,
};
use serde_json::Value;

const PARAMS: [&str; 4] = ["conv1d.kernel", "conv1d.bias", "dense.kernel", "dense.bias"];

fn check(variant: &str, padding: Padding, result: &str, semantics: LossSemantics) {
    let fixture = reference("layers.json");
    let seed = &fixture["seed_model"];
    let case = &seed["variants"][variant];
    let expected: &Value = &case["results"][result];
    let what = |s: &str| format!("{variant} {result} {s}");
    let mut model = Sequential::new(ModelSpec::lecture(padding), 0).unwrap();
    for (param, key) in model.params_mut().into_iter().zip(PARAMS) {
        param.value = tensor(&case["params_initial"][key]);
    }
    let x = tensor(&seed["input_onehot"]);
    let y = tensor(&seed["labels"])
        .into_dimensionality::<Ix2>()
        .unwrap();
    let loss = LossConfig {
        kind: LossKind::CategoricalCrossentropy,
        semantics,
    };

    let output = model.forward(&x, true);
    let forward = &expected["forward"];
    let Layer::Conv1d(conv) = &model.layers()[0] else {
        panic!("the first layer is the convolution")
    };
    assert_close(
        conv.preactivation(),
        &tensor(&forward["conv_preactivation"]),
        RTOL,
        ATOL,
        &what("conv z"),
    );
    assert_close(
        model.logits().unwrap(),
        &tensor(&forward["dense_logits"]),
        RTOL,
        ATOL,
        &what("logits"),
    );
    assert_close(
        &output,
        &tensor(&forward["output_sigmoid"]),
        RTOL,
        ATOL,
        &what("output"),
    );

    let (out, from_logits) = loss.evaluate(&model, &output, &y);
    let expected_loss = expected["loss"].as_f64().unwrap() as f32;
    assert!(
        (out.loss - expected_loss).abs() <= RTOL * expected_loss.abs() + ATOL,
        "{}: {} vs {expected_loss}",
        what("loss"),
        out.loss
    );
    let grad_input = model.backward(&out.grad.into_dyn(), from_logits);
    assert_close(
        &grad_input,
        &tensor(&expected["grads"]["input"]),
        RTOL,
        ATOL,
        &what("d/input"),
    );
    for (param, key) in model.params().into_iter().zip(PARAMS) {
        assert_close(
            &param.grad,
            &tensor(&expected["grads"][key]),
            RTOL,
            ATOL,
            &what(&format!("d/{key}")),
        );
    }

    // Three Adam steps on the same batch, as train_on_batch ×3.
    let mut model = Sequential::new(ModelSpec::lecture(padding), 0).unwrap();
    for (param, key) in model.params_mut().into_iter().zip(PARAMS) {
        param.value = tensor(&case["params_initial"][key]);
    }
    let mut adam = Adam::new(AdamConfig::default());
    let steps = expected["adam_steps"].as_array().unwrap();
    for step in 1..=3 {
        let output = model.forward(&x, true);
        let (out, from_logits) = loss.evaluate(&model, &output, &y);
        let before = expected["adam_loss_per_step"][step - 1].as_f64().unwrap() as f32;
        assert!(
            (out.loss - before).abs() <= RTOL * before.abs() + ATOL,
            "{}: {} vs {before}",
            what(&format!("loss before step {step}")),
            out.loss
        );
        model.backward(&out.grad.into_dyn(), from_logits);
        adam.step(&mut model.params_mut());
        if let Some(snapshot) = steps.iter().find(|s| s["step"] == step) {
            assert_eq!(
                adam.iterations,
                snapshot["iterations_after"].as_u64().unwrap()
            );
            for (i, (param, key)) in model.params().into_iter().zip(PARAMS).enumerate() {
                let at = |s: &str| what(&format!("after step {step} {s} {key}"));
                assert_close(
                    &param.value,
                    &tensor(&snapshot["params_after"][key]),
                    RTOL,
                    ATOL,
                    &at("params"),
                );
                assert_close(
                    &adam.m[i],
                    &tensor(&snapshot["adam_m_after"][key]),
                    RTOL,
                    ATOL,
                    &at("m"),
                );
                assert_close(
                    &adam.v[i],
                    &tensor(&snapshot["adam_v_after"][key]),
                    RTOL,
                    ATOL,
                    &at("v"),
                );
            }
        }
    }
}

#[test]
fn valid_padding_todays_keras() {
    check(
        "valid",
        Padding::Valid,
        "float32/keras_fit",
        LossSemantics::KerasFit,
    );
}

#[test]
fn valid_padding_classic_normalise_clip() {
    check(
        "valid",
        Padding::Valid,
        "float32/classic_normalise_clip",
        LossSemantics::ClassicNormaliseClip,
    );
}

#[test]
fn same_padding_todays_keras() {
    check(
        "same",
        Padding::Same,
        "float32/keras_fit",
        LossSemantics::KerasFit,
    );
}

#[test]
fn same_padding_classic_normalise_clip() {
    check(
        "same",
        Padding::Same,
        "float32/classic_normalise_clip",
        LossSemantics::ClassicNormaliseClip,
    );
}

#[test]
fn summaries_match_keras_292_and_312() {
    let fixture = reference("seed_values.json");
    for (name, padding) in [("valid", Padding::Valid), ("same", Padding::Same)] {
        let keras = &fixture["keras_model"]["variants"][name];
        let summary = Sequential::new(ModelSpec::lecture(padding), 0)
            .unwrap()
            .summary();
        assert_eq!(
            summary.total_params() as u64,
            keras["total_params"].as_u64().unwrap()
        );
        for (row, layer) in summary.rows.iter().zip(keras["layers"].as_array().unwrap()) {
            assert_eq!(row.kind, layer["type"].as_str().unwrap());
            assert_eq!(row.params as u64, layer["params"].as_u64().unwrap());
            let shape: Vec<usize> = layer["output_shape"].as_array().unwrap()[1..]
                .iter()
                .map(|v| v.as_u64().unwrap() as usize)
                .collect();
            assert_eq!(row.output_shape, shape);
        }
    }
    let text = Sequential::new(ModelSpec::lecture(Padding::Valid), 0)
        .unwrap()
        .summary()
        .to_string();
    assert!(
        text.contains("conv1d (Conv1D)")
            && text.contains("(None, 16, 10)")
            && text.ends_with("Total params: 292"),
        "{text}"
    );
}
