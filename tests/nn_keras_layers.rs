//! Every layer, activation and loss case of `layers.json` (Keras 3.15.1 / TF 2.21, float64 values)
//! against the float32 engine, with the README's tolerance rtol 1e-5 / atol 1e-6.

mod common;

use common::{ATOL, RTOL, assert_close, reference, tensor};
use ndarray::{Ix2, IxDyn};
use seqlab::nn::activation::sigmoid;
use seqlab::nn::init::seeded_rng;
use seqlab::nn::loss::{
    LossOutput, binary_crossentropy, categorical_crossentropy, mean_squared_error,
    sigmoid_cross_entropy_with_logits, softmax_cross_entropy_with_logits,
};
use seqlab::nn::{
    Activation, Conv1dConfig, DenseConfig, Layer, LayerSpec, MaxPool1dConfig, Padding,
};
use serde_json::Value;

fn layer_spec(case: &Value) -> LayerSpec {
    let config = &case["config"];
    let activation = |name: &str| {
        serde_json::from_value::<Activation>(Value::from(name)).expect("a known activation")
    };
    match case["op"].as_str().unwrap() {
        "Conv1D" => LayerSpec::Conv1d(Conv1dConfig {
            filters: config["filters"].as_u64().unwrap() as usize,
            kernel_size: config["kernel_size"].as_u64().unwrap() as usize,
            padding: if config["padding"] == "same" {
                Padding::Same
            } else {
                Padding::Valid
            },
            activation: activation(config["activation"].as_str().unwrap()),
        }),
        "MaxPooling1D" => {
            assert_eq!(config["strides"], config["pool_size"]);
            LayerSpec::MaxPool1d(MaxPool1dConfig {
                pool_size: config["pool_size"].as_u64().unwrap() as usize,
            })
        }
        "Flatten" => LayerSpec::Flatten,
        "Dense" => LayerSpec::Dense(DenseConfig {
            units: config["units"].as_u64().unwrap() as usize,
            activation: activation(config["activation"].as_str().unwrap()),
        }),
        "Activation" => LayerSpec::Activation {
            activation: activation(case["name"].as_str().unwrap()),
        },
        other => panic!("unknown op {other}"),
    }
}

#[test]
fn every_layer_case_matches_keras_forward_and_backward() {
    let fixture = reference("layers.json");
    let cases: Vec<&Value> = fixture["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "layer")
        .collect();
    assert_eq!(cases.len(), 12, "the fixture's layer cases");
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let input = tensor(&case["input"]);
        let mut layer = Layer::build(&layer_spec(case), &input.shape()[1..], &mut seeded_rng(0));
        for param in layer.params_mut() {
            param.value = tensor(&case["params"][param.name]);
        }
        let output = layer.forward(&input, true);
        assert_close(
            &output,
            &tensor(&case["output"]),
            RTOL,
            ATOL,
            &format!("{name} output"),
        );
        let loss: f64 = seqlab::nn::gradcheck::weighted_sum(&output, &tensor(&case["upstream"]));
        let expected_loss = case["loss"].as_f64().unwrap();
        assert!(
            (loss - expected_loss).abs() <= 1e-5 * expected_loss.abs() + 1e-5,
            "{name} loss {loss} vs {expected_loss}"
        );
        let grad_input = layer.backward(&tensor(&case["upstream"]));
        assert_close(
            &grad_input,
            &tensor(&case["grads"]["input"]),
            RTOL,
            ATOL,
            &format!("{name} d/input"),
        );
        for param in layer.params_mut() {
            assert_close(
                &param.grad,
                &tensor(&case["grads"][param.name]),
                RTOL,
                ATOL,
                &format!("{name} d/{}", param.name),
            );
        }
        if let Some(f32_grads) = case.get("float32_grads_input") {
            // TensorFlow's float32 kernel: the tie's gradient also goes to the first maximum.
            let expected = tensor(f32_grads)
                .into_shape_with_order(IxDyn(grad_input.shape()))
                .unwrap();
            assert_eq!(grad_input, expected, "{name}: float32 tie rule");
        }
    }
}

/// A loss function of `seqlab::nn::loss`.
type LossFn = fn(ndarray::ArrayView2<f32>, ndarray::ArrayView2<f32>) -> LossOutput;

/// The function of a loss case, and whether the fixture's input is the logits z of a sigmoid layer
/// that must go through the sigmoid first.
fn loss_function(name: &str) -> (LossFn, bool) {
    match name {
        "cce_on_sigmoid_layer_output_as_in_fit" | "cce_on_softmax_layer_output" => {
            (softmax_cross_entropy_with_logits, false)
        }
        "cce_on_sigmoid_classic_normalise_clip" => (categorical_crossentropy, true),
        "cce_on_plain_probabilities" | "cce_on_softmax_probabilities_plain" => {
            (categorical_crossentropy, false)
        }
        "bce_on_sigmoid_layer_output" => (sigmoid_cross_entropy_with_logits, false),
        "bce_on_plain_probabilities" => (binary_crossentropy, false),
        "mse" | "mse_single_output" => (mean_squared_error, false),
        other => panic!("unknown loss case {other}"),
    }
}

#[test]
fn every_loss_case_matches_keras() {
    let fixture = reference("layers.json");
    let cases: Vec<&Value> = fixture["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "loss")
        .collect();
    assert_eq!(cases.len(), 9, "the fixture's loss cases");
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let (function, through_sigmoid) = loss_function(name);
        let (key, input) = match case.get("logits_z") {
            Some(z) => ("logits_z", tensor(z)),
            None => ("y_pred", tensor(&case["y_pred"])),
        };
        let input = input.into_dimensionality::<Ix2>().unwrap();
        let targets = tensor(&case["y_true"])
            .into_dimensionality::<Ix2>()
            .unwrap();
        let probabilities = input.mapv(sigmoid);
        let out = function(
            if through_sigmoid {
                probabilities.view()
            } else {
                input.view()
            },
            targets.view(),
        );
        let expected_loss = case["loss"].as_f64().unwrap() as f32;
        assert!(
            (out.loss - expected_loss).abs() <= RTOL * expected_loss.abs() + ATOL,
            "{name}: loss {} vs {expected_loss}",
            out.loss
        );
        assert_close(
            &out.per_sample.into_dyn(),
            &tensor(&case["per_sample_loss"]),
            RTOL,
            ATOL,
            &format!("{name} per sample"),
        );
        let mut grad = out.grad;
        if through_sigmoid {
            // d/dz = d/dp · p (1 − p): the fixture differentiates w.r.t. the logits.
            grad.zip_mut_with(&probabilities, |g, &p| *g *= p * (1.0 - p));
        }
        assert_close(
            &grad.into_dyn(),
            &tensor(&case["grads"][key]),
            RTOL,
            ATOL,
            &format!("{name} gradient"),
        );
    }
}
