//! Finite-difference gradient checks for every layer, activation, loss and a whole model, with the
//! shared helper `seqlab::nn::gradcheck`. The scalar is `Σ output ⊙ upstream` (upstream random), so
//! its gradient w.r.t. the output is `upstream`, exactly as in the Keras fixtures.

use ndarray::{ArrayD, Ix2};
use seqlab::nn::gradcheck::{assert_gradients_close, numeric_gradient, weighted_sum};
use seqlab::nn::init::{glorot_uniform, seeded_rng};
use seqlab::nn::loss::{
    LossOutput, binary_crossentropy, categorical_crossentropy, mean_squared_error,
    sigmoid_cross_entropy_with_logits, softmax_cross_entropy_with_logits,
};
use seqlab::nn::{
    Activation, Conv1dConfig, DenseConfig, DropoutConfig, Layer, LayerSpec, LossConfig, LossKind,
    LossSemantics, MaxPool1dConfig, ModelSpec, Padding, Sequential,
};

/// Uniform(−1, 1) values of `shape` from `seed`.
fn random(shape: &[usize], seed: u64) -> ArrayD<f32> {
    // glorot with fan 3 + 3 has limit 1.
    glorot_uniform(shape, 3, 3, &mut seeded_rng(seed))
}

/// The smallest distance of a ReLU input from its kink at 0 (∞ for other layers).
fn relu_margin(layer: &Layer) -> f32 {
    match (layer.activation(), layer.preactivation()) {
        (Activation::Relu, Some(z)) => z.iter().fold(f32::INFINITY, |m, v| m.min(v.abs())),
        _ => f32::INFINITY,
    }
}

/// The smallest gap between the largest and second-largest value of any pooling window (∞ for
/// other layers): below it a finite difference can switch the arg-max.
fn pool_margin(values: &ArrayD<f32>, pool: usize) -> f32 {
    let (b, l, c) = (values.shape()[0], values.shape()[1], values.shape()[2]);
    let mut margin = f32::INFINITY;
    for n in 0..b {
        for ch in 0..c {
            for w in 0..l / pool {
                let mut window: Vec<f32> =
                    (0..pool).map(|i| values[[n, w * pool + i, ch]]).collect();
                window.sort_by(|a, b| b.total_cmp(a));
                margin = margin.min(window[0] - window[1]);
            }
        }
    }
    margin
}

/// Checks d/input and d/params of the layer described by `spec` on a random input. The first seed
/// from `seed` on whose input no finite difference can cross a ReLU kink or switch a pooling
/// arg-max is used (piecewise-linear layers have no derivative there).
fn check_layer(spec: LayerSpec, input_shape: &[usize], h: f32, seed: u64) {
    let what = format!("{spec:?}");
    let pool = match &spec {
        LayerSpec::MaxPool1d(p) => Some(p.pool_size),
        _ => None,
    };
    let safe = |seed: u64| {
        let mut layer = Layer::build(&spec, &input_shape[1..], &mut seeded_rng(seed));
        let x = random(input_shape, seed + 1);
        layer.forward(&x, true);
        relu_margin(&layer) > 0.05 && pool.is_none_or(|p| pool_margin(&x, p) > 0.01)
    };
    let seed = (seed..seed + 1000)
        .step_by(7)
        .find(|&s| safe(s))
        .expect("a kink-free input");
    let build = || Layer::build(&spec, &input_shape[1..], &mut seeded_rng(seed));
    let x = random(input_shape, seed + 1);
    let mut layer = build();
    let output = layer.forward(&x, true);
    let upstream = random(output.shape(), seed + 2);
    let grad_input = layer.backward(&upstream);
    // Every evaluation rebuilds the layer from the same seed: the same weights and dropout mask.
    let numeric = numeric_gradient(&x, h, |x| {
        weighted_sum(&build().forward(x, true), &upstream)
    });
    assert_gradients_close(
        &grad_input,
        &numeric,
        1e-2,
        1e-3,
        &format!("{what} d/input"),
    );
    let params: Vec<ArrayD<f32>> = layer.params_mut().iter().map(|p| p.value.clone()).collect();
    for (index, value) in params.iter().enumerate() {
        let numeric = numeric_gradient(value, h, |probe| {
            let mut probe_layer = build();
            *probe_layer.params_mut()[index] = seqlab::nn::Param::new("probe", probe.clone());
            weighted_sum(&probe_layer.forward(&x, true), &upstream)
        });
        let analytic = &layer.params_mut()[index].grad;
        assert_gradients_close(
            analytic,
            &numeric,
            1e-2,
            1e-3,
            &format!("{what} d/param {index}"),
        );
    }
}

#[test]
fn conv1d_in_both_paddings_with_every_activation() {
    let activations = [
        Activation::Linear,
        Activation::Relu,
        Activation::Sigmoid,
        Activation::Tanh,
    ];
    for (seed, (kernel, padding)) in [
        (5, Padding::Same),
        (5, Padding::Valid),
        (8, Padding::Same),
        (2, Padding::Valid),
    ]
    .into_iter()
    .enumerate()
    {
        for activation in activations {
            let spec = LayerSpec::Conv1d(Conv1dConfig {
                filters: 3,
                kernel_size: kernel,
                padding,
                activation,
            });
            let h = if activation == Activation::Relu {
                1e-3
            } else {
                1e-2
            };
            check_layer(spec, &[2, 10, 4], h, 10 * seed as u64);
        }
    }
}

#[test]
fn max_pool_flatten_dropout() {
    check_layer(
        LayerSpec::MaxPool1d(MaxPool1dConfig { pool_size: 4 }),
        &[2, 10, 3],
        1e-3,
        1,
    );
    check_layer(
        LayerSpec::MaxPool1d(MaxPool1dConfig { pool_size: 3 }),
        &[2, 8, 2],
        1e-3,
        2,
    );
    check_layer(LayerSpec::Flatten, &[2, 5, 3], 1e-2, 3);
    check_layer(
        LayerSpec::Dropout(DropoutConfig { rate: 0.3 }),
        &[4, 6],
        1e-2,
        4,
    );
}

#[test]
fn dense_with_every_activation_including_softmax() {
    let activations = [
        Activation::Linear,
        Activation::Relu,
        Activation::Sigmoid,
        Activation::Tanh,
        Activation::Softmax,
    ];
    for (seed, activation) in activations.into_iter().enumerate() {
        let h = if activation == Activation::Relu {
            1e-3
        } else {
            1e-2
        };
        check_layer(
            LayerSpec::Dense(DenseConfig {
                units: 4,
                activation,
            }),
            &[3, 6],
            h,
            100 + seed as u64,
        );
        check_layer(
            LayerSpec::Activation { activation },
            &[3, 5],
            h,
            200 + seed as u64,
        );
    }
}

#[test]
fn every_loss() {
    type LossFn = fn(ndarray::ArrayView2<f32>, ndarray::ArrayView2<f32>) -> LossOutput;
    let probabilities = random(&[4, 3], 7).mapv(|v| 0.2 + 0.3 * (v + 1.0));
    let logits = random(&[4, 3], 8).mapv(|v| 3.0 * v);
    let one_hot = ndarray::array![
        [1.0f32, 0.0, 0.0],
        [0.0, 1.0, 0.0],
        [0.0, 0.0, 1.0],
        [0.0, 1.0, 0.0]
    ]
    .into_dyn();
    let soft_targets = random(&[4, 3], 9).mapv(|v| (v + 1.0) / 2.0);
    let cases: [(&str, LossFn, &ArrayD<f32>, &ArrayD<f32>); 6] = [
        (
            "softmax CE (logits)",
            softmax_cross_entropy_with_logits,
            &logits,
            &one_hot,
        ),
        (
            "categorical CE (probabilities)",
            categorical_crossentropy,
            &probabilities,
            &one_hot,
        ),
        (
            "sigmoid CE (logits)",
            sigmoid_cross_entropy_with_logits,
            &logits,
            &soft_targets,
        ),
        (
            "binary CE (probabilities)",
            binary_crossentropy,
            &probabilities,
            &soft_targets,
        ),
        ("MSE", mean_squared_error, &logits, &soft_targets),
        (
            "softmax CE, soft targets",
            softmax_cross_entropy_with_logits,
            &logits,
            &soft_targets,
        ),
    ];
    for (name, loss, input, targets) in cases {
        let y = targets.view().into_dimensionality::<Ix2>().unwrap();
        let analytic = loss(input.view().into_dimensionality::<Ix2>().unwrap(), y)
            .grad
            .into_dyn();
        let numeric = numeric_gradient(input, 1e-2, |p| {
            f64::from(loss(p.view().into_dimensionality::<Ix2>().unwrap(), y).loss)
        });
        assert_gradients_close(&analytic, &numeric, 1e-2, 1e-4, name);
    }
}

#[test]
fn whole_model_in_both_semantics_and_with_softmax() {
    for (semantics, output) in [
        (LossSemantics::KerasFit, Activation::Sigmoid),
        (LossSemantics::ClassicNormaliseClip, Activation::Sigmoid),
        (LossSemantics::KerasFit, Activation::Softmax),
    ] {
        let mut spec = ModelSpec::lecture(Padding::Same);
        spec.layers[0] = LayerSpec::Conv1d(Conv1dConfig {
            filters: 4,
            kernel_size: 5,
            padding: Padding::Same,
            activation: Activation::Tanh,
        });
        spec.layers[3] = LayerSpec::Dense(DenseConfig {
            units: 2,
            activation: output,
        });
        let loss = LossConfig {
            kind: LossKind::CategoricalCrossentropy,
            semantics,
        };
        // An input whose pooling windows have clear winners, so that h = 1e-3 cannot switch one.
        let x = (11..2000)
            .map(|seed| random(&[3, 20, 4], seed))
            .find(|x| {
                let mut probe = Sequential::new(spec.clone(), 5).unwrap();
                probe.forward(x, true);
                let Layer::Conv1d(conv) = &probe.layers()[0] else {
                    unreachable!()
                };
                pool_margin(&conv.preactivation().mapv(f32::tanh), 4) > 0.01
            })
            .expect("an input with clear pooling winners");
        let y = ndarray::array![[1.0f32, 0.0], [0.0, 1.0], [1.0, 0.0]];
        let mut model = Sequential::new(spec.clone(), 5).unwrap();
        let out = model.forward(&x, true);
        let (value, from_logits) = loss.evaluate(&model, &out, &y);
        let grad_input = model.backward(&value.grad.into_dyn(), from_logits);
        let loss_at = |x: &ArrayD<f32>| {
            let mut probe = Sequential::new(spec.clone(), 5).unwrap();
            let out = probe.forward(x, true);
            f64::from(loss.evaluate(&probe, &out, &y).0.loss)
        };
        let numeric = numeric_gradient(&x, 1e-3, loss_at);
        assert_gradients_close(
            &grad_input,
            &numeric,
            2e-2,
            2e-4,
            &format!("{semantics:?}/{output:?} d/input"),
        );
        let kernel = model.params()[0].value.clone();
        let numeric = numeric_gradient(&kernel, 1e-3, |k| {
            let mut probe = Sequential::new(spec.clone(), 5).unwrap();
            probe.params_mut()[0].value = k.clone();
            let out = probe.forward(&x, true);
            f64::from(loss.evaluate(&probe, &out, &y).0.loss)
        });
        assert_gradients_close(
            &model.params()[0].grad,
            &numeric,
            2e-2,
            2e-4,
            &format!("{semantics:?}/{output:?} d/conv kernel"),
        );
    }
}
