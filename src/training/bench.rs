//! Throughput benchmarks of the engine, callable natively (`cargo bench`) and later from the
//! browser. The clock is a parameter because `std::time::Instant` does not exist in the browser
//! (pass `performance.now()` there).
//!
//! Cases (issue 3): (a) the lecture CNN on 1,600 sequences, batch 100, in both paddings; (b) a
//! compact UTR regression CNN, 50 nt, Conv1D(32, 8, same, relu) ×2 → Flatten → Dense(32, relu) →
//! Dense(1), MSE, batch 128, 15,000 sequences; (c) an Optimus-5-Prime-style CNN, 3 × Conv1D(120, 8,
//! same, relu) → Flatten → Dense(40, relu) → Dropout(0.2) → Dense(1), batch 128.
//!
//! FLOP/s convention: one multiply-add = 2 FLOPs; inference costs the forward multiply-adds, a
//! training step three times as many (forward, gradient w.r.t. the weights, gradient w.r.t. the
//! input).

use crate::data::Dataset;
use crate::nn::init::seeded_rng;
use crate::nn::{
    Activation, Conv1dConfig, DenseConfig, DropoutConfig, Layer, LayerSpec, LossConfig, LossKind,
    LossSemantics, ModelSpec, OptimizerConfig, Padding, Sequential,
};
use crate::training::{TrainConfig, Trainer, ValidationMode};
use ndarray::{Array2, Array3};
use rand::RngExt;
use serde::{Deserialize, Serialize};

/// One benchmark: a model, a loss, a data size and a batch size.
#[derive(Clone, Debug)]
pub struct BenchCase {
    /// Short name, e.g. `a-lecture-same`.
    pub name: &'static str,
    /// The architecture.
    pub spec: ModelSpec,
    /// The loss.
    pub loss: LossKind,
    /// Training rows.
    pub samples: usize,
    /// Rows per step.
    pub batch_size: usize,
}

/// What a benchmark measured.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BenchResult {
    /// The case's name.
    pub name: String,
    /// Forward multiply-adds per sample.
    pub forward_macs: u64,
    /// Training throughput.
    pub train_samples_per_s: f64,
    /// Inference throughput.
    pub infer_samples_per_s: f64,
    /// Training GFLOP/s (3 × forward multiply-adds × 2).
    pub train_gflops: f64,
    /// Inference GFLOP/s.
    pub infer_gflops: f64,
}

fn conv(filters: usize, kernel_size: usize, padding: Padding) -> LayerSpec {
    LayerSpec::Conv1d(Conv1dConfig {
        filters,
        kernel_size,
        padding,
        activation: Activation::Relu,
    })
}

fn dense(units: usize, activation: Activation) -> LayerSpec {
    LayerSpec::Dense(DenseConfig { units, activation })
}

/// The issue's benchmark cases.
pub fn cases() -> Vec<BenchCase> {
    let utr = ModelSpec {
        input_shape: vec![50, 4],
        layers: vec![
            conv(32, 8, Padding::Same),
            conv(32, 8, Padding::Same),
            LayerSpec::Flatten,
            dense(32, Activation::Relu),
            dense(1, Activation::Linear),
        ],
    };
    let optimus = ModelSpec {
        input_shape: vec![50, 4],
        layers: vec![
            conv(120, 8, Padding::Same),
            conv(120, 8, Padding::Same),
            conv(120, 8, Padding::Same),
            LayerSpec::Flatten,
            dense(40, Activation::Relu),
            LayerSpec::Dropout(DropoutConfig { rate: 0.2 }),
            dense(1, Activation::Linear),
        ],
    };
    vec![
        BenchCase {
            name: "a-lecture-same",
            spec: ModelSpec::lecture(Padding::Same),
            loss: LossKind::CategoricalCrossentropy,
            samples: 1600,
            batch_size: 100,
        },
        BenchCase {
            name: "a-lecture-valid",
            spec: ModelSpec::lecture(Padding::Valid),
            loss: LossKind::CategoricalCrossentropy,
            samples: 1600,
            batch_size: 100,
        },
        BenchCase {
            name: "b-utr-compact",
            spec: utr,
            loss: LossKind::MeanSquaredError,
            samples: 15_000,
            batch_size: 128,
        },
        BenchCase {
            name: "c-optimus-style",
            spec: optimus,
            loss: LossKind::MeanSquaredError,
            samples: 15_000,
            batch_size: 128,
        },
    ]
}

/// Forward multiply-adds per sample: `L_out·K·C·F` per convolution, `in·out` per dense layer.
pub fn forward_macs(model: &Sequential) -> u64 {
    let mut shape = model.spec().input_shape.clone();
    let mut macs = 0u64;
    for (layer, spec) in model.layers().iter().zip(&model.spec().layers) {
        let next = crate::nn::spec::output_shape(spec, 0, &shape).expect("a built model's shapes");
        macs += match layer {
            Layer::Conv1d(c) => {
                (next[0] * c.config.kernel_size * c.in_channels * c.config.filters) as u64
            }
            Layer::Dense(d) => (shape[0] * d.config.units) as u64,
            _ => 0,
        };
        shape = next;
    }
    macs
}

/// Random one-hot sequences with random targets (classes or values) for `case`.
pub fn synthetic_data(case: &BenchCase, seed: u64) -> Dataset {
    let mut rng = seeded_rng(seed);
    let (length, channels) = (case.spec.input_shape[0], case.spec.input_shape[1]);
    let mut x = Array3::zeros((case.samples, length, channels));
    for n in 0..case.samples {
        for t in 0..length {
            x[[n, t, rng.random_range(0..channels)]] = 1.0;
        }
    }
    let y = match case.loss {
        LossKind::MeanSquaredError => {
            Array2::from_shape_simple_fn((case.samples, 1), || rng.random::<f32>())
        }
        _ => Array2::from_shape_fn((case.samples, 2), |(n, j)| {
            if (n % 2 == 0) == (j == 0) { 1.0 } else { 0.0 }
        }),
    };
    Dataset::new(x.into_dyn(), y)
}

/// Measures `case`: trains whole epochs until at least `min_seconds` have passed (at least one),
/// then predicts the whole dataset likewise. `now` returns seconds.
pub fn run(case: &BenchCase, min_seconds: f64, now: &mut dyn FnMut() -> f64) -> BenchResult {
    let data = synthetic_data(case, 1);
    let model = Sequential::new(case.spec.clone(), 1).expect("benchmark models are valid");
    let macs = forward_macs(&model);
    let config = TrainConfig {
        batch_size: case.batch_size,
        epochs: usize::MAX,
        validation_split: 0.0,
        validation_mode: ValidationMode::LastRows,
        shuffle: true,
        seed: 1,
        loss: LossConfig {
            kind: case.loss,
            semantics: LossSemantics::KerasFit,
        },
        optimizer: OptimizerConfig::default(),
        early_stopping: None,
    };
    let mut trainer = Trainer::new(model, data.clone(), config).expect("valid settings");
    let (start, mut trained) = (now(), 0usize);
    while trained == 0 || now() - start < min_seconds {
        let progress = trainer
            .train_batch()
            .expect("the benchmark never stops early");
        trained += trainer.rows_in_batch(progress.batch);
    }
    let train_rate = trained as f64 / (now() - start);
    let (start, mut predicted) = (now(), 0usize);
    while predicted == 0 || now() - start < min_seconds {
        trainer.model.predict(&data.x, case.batch_size);
        predicted += data.len();
    }
    let infer_rate = predicted as f64 / (now() - start);
    BenchResult {
        name: case.name.to_string(),
        forward_macs: macs,
        train_samples_per_s: train_rate,
        infer_samples_per_s: infer_rate,
        train_gflops: train_rate * 6.0 * macs as f64 / 1e9,
        infer_gflops: infer_rate * 2.0 * macs as f64 / 1e9,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiply_adds_match_the_issue() {
        let macs: Vec<u64> = cases()
            .iter()
            .map(|c| forward_macs(&Sequential::new(c.spec.clone(), 0).unwrap()))
            .collect();
        assert_eq!(macs[0], 4_100);
        assert_eq!(macs[1], 3_280);
        assert_eq!(macs[3], 11_952_040);
    }
}
