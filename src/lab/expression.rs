//! The expression lab's data and numbers (LECTURE.md item 17): sequence → expression value, a
//! regression. Rows come from the built-in real data, a simulation with a known rule, or an
//! upload; the targets are standardised (z-scores from the training rows) for training and turned
//! back for display.

use crate::data::{SequenceTable, Split, train_test_split};
use crate::lang::Lang;
use crate::metrics;
use crate::nn::{
    Activation, Conv1dConfig, DenseConfig, LayerSpec, MaxPool1dConfig, ModelSpec, Padding,
};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// The valid values of every setting of the expression lab: its form fields and its URL both use
/// these.
pub mod ranges {
    use crate::bounds::Bounds;
    pub use crate::bounds::SEED;

    /// Simulated sequences.
    pub const SIM_ROWS: Bounds<usize> = Bounds::new(20, 100_000);
    /// Simulated sequence length (nt).
    pub const SIM_LENGTH: Bounds<usize> = Bounds::new(8, 200);
    /// Share of the rows held out for testing.
    pub const TEST_FRACTION: Bounds<f64> = Bounds::new(0.05, 0.5);
    /// Share of the training rows held out for validation.
    pub const VALIDATION: Bounds<f64> = Bounds::new(0.0, 0.5);
    /// Length to cut to (0: the shortest sequence); as long as the longest upload allows.
    pub const CUT: Bounds<usize> = Bounds::new(0, 10_000);
    /// Custom: convolution layers.
    pub const CONV_LAYERS: Bounds<usize> = Bounds::new(1, 4);
    /// Custom: filters per convolution.
    pub const FILTERS: Bounds<usize> = Bounds::new(1, 128);
    /// Custom: kernel size.
    pub const KERNEL: Bounds<usize> = Bounds::new(1, 30);
    /// Custom: pool size (1: none).
    pub const POOL: Bounds<usize> = Bounds::new(1, 10);
    /// Custom: dense units.
    pub const DENSE: Bounds<usize> = Bounds::new(1, 256);
    /// The optimiser's learning rate.
    pub const LEARNING_RATE: Bounds<f32> = Bounds::new(1e-6, 1.0);
    /// Batch size.
    pub const BATCH: Bounds<usize> = Bounds::new(1, 5000);
    /// Epochs at most.
    pub const EPOCHS: Bounds<usize> = Bounds::new(1, 500);
    /// Early-stopping patience (0: off).
    pub const PATIENCE: Bounds<usize> = Bounds::new(0, 100);
}

/// One sequence and its measured (or simulated) value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// Upper-case DNA.
    pub sequence: String,
    /// The value in its own unit (mean ribosome load for the real data).
    pub value: f64,
}

/// The rule of the simulated 5′UTRs: uniform random bases; the value starts at [`SIM_BASE`], each
/// `ATG` (an upstream start codon, which lets ribosomes start too early) costs [`SIM_ATG`] (up to
/// two), a Kozak-like `A` or `G` three bases before the 3′ end adds [`SIM_KOZAK`], and Gaussian
/// noise of sd [`SIM_NOISE`] is added. A network should find the ATGs.
pub const SIM_BASE: f64 = 6.0;
/// Value change per upstream ATG.
pub const SIM_ATG: f64 = -1.5;
/// Value change for a purine at position −3 from the 3′ end.
pub const SIM_KOZAK: f64 = 0.6;
/// Noise standard deviation.
pub const SIM_NOISE: f64 = 0.4;

/// Simulates `n` 5′UTRs of `length` bases with the rule above, from `seed`.
pub fn simulate_utrs(n: usize, length: usize, seed: u64) -> Vec<Row> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..n)
        .map(|_| {
            let sequence: String = (0..length)
                .map(|_| ['A', 'C', 'G', 'T'][rng.random_range(0..4)])
                .collect();
            let atgs = sequence.matches("ATG").count().min(2) as f64;
            let kozak = length >= 3 && matches!(sequence.as_bytes()[length - 3], b'A' | b'G');
            // Box–Muller from two uniforms.
            let (u, v): (f64, f64) = (rng.random::<f64>().max(1e-12), rng.random());
            let noise = (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos() * SIM_NOISE;
            let value = SIM_BASE + SIM_ATG * atgs + if kozak { SIM_KOZAK } else { 0.0 } + noise;
            Row { sequence, value }
        })
        .collect()
}

/// The z-score of the training values: `z = (v − mean) / sd`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Standardizer {
    /// Mean of the training values.
    pub mean: f64,
    /// Their standard deviation (1 if they are all equal).
    pub std: f64,
}

impl Standardizer {
    /// Fits mean and standard deviation to `values`. Values that are all equal give that value
    /// as the mean and sd 1 (round-off never makes a spread out of equal values).
    pub fn fit(values: impl Iterator<Item = f64> + Clone) -> Standardizer {
        let n = values.clone().count().max(1) as f64;
        let (lo, hi) = values
            .clone()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                (a.min(v), b.max(v))
            });
        if lo == hi {
            return Standardizer { mean: lo, std: 1.0 };
        }
        let mean = values.clone().sum::<f64>() / n;
        let var = values.map(|v| (v - mean).powi(2)).sum::<f64>() / n;
        Standardizer {
            mean,
            std: if var > 0.0 { var.sqrt() } else { 1.0 },
        }
    }

    /// A value as a z-score.
    pub fn apply(&self, value: f64) -> f64 {
        (value - self.mean) / self.std
    }

    /// A z-score back in the value's unit.
    pub fn invert(&self, z: f64) -> f64 {
        z * self.std + self.mean
    }
}

/// Rows, their split and the standardisation fitted on the training rows.
#[derive(Clone, Debug, PartialEq)]
pub struct ExpressionData {
    /// Every row.
    pub rows: Vec<Row>,
    /// Training and test rows.
    pub split: Split,
    /// Fitted on the training rows.
    pub scaler: Standardizer,
}

/// Why rows cannot be learned from.
#[derive(Clone, Debug, PartialEq)]
pub enum ValuesError {
    /// Every training value is the same number: there is nothing to predict.
    AllEqual {
        /// The value.
        value: f64,
    },
}

impl ValuesError {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let ValuesError::AllEqual { value } = self;
        lang.pick(
            format!("훈련 세트 값이 모두 {value}입니다. 예측할 차이가 없으니 학습할 것이 없습니다. 값 열이 맞는지 확인하세요."),
            format!("All training values are {value}: there is nothing to predict. Check that the value column is the right one."),
        )
    }
}

crate::message!(ValuesError);

impl ExpressionData {
    /// Splits `rows` (`test_fraction` for testing, from `seed`) and fits the standardisation.
    ///
    /// # Errors
    /// [`ValuesError::AllEqual`] when the training rows all have one value (checked before any
    /// z-score is made, so round-off never invents a spread).
    pub fn new(
        rows: Vec<Row>,
        test_fraction: f64,
        seed: u64,
    ) -> Result<ExpressionData, ValuesError> {
        let split = train_test_split(rows.len(), test_fraction, seed);
        let mut values = split.train.iter().map(|&i| rows[i].value);
        if let Some(first) = values.next()
            && values.all(|v| v == first)
        {
            return Err(ValuesError::AllEqual { value: first });
        }
        let scaler = Standardizer::fit(split.train.iter().map(|&i| rows[i].value));
        Ok(ExpressionData {
            rows,
            split,
            scaler,
        })
    }

    /// `rows` as a table with standardised targets.
    pub fn table(&self, rows: &[usize]) -> SequenceTable {
        SequenceTable {
            sequences: rows
                .iter()
                .map(|&i| self.rows[i].sequence.clone())
                .collect(),
            targets: rows
                .iter()
                .map(|&i| vec![self.scaler.apply(self.rows[i].value) as f32])
                .collect(),
            alphabet: crate::bio::Alphabet::Dna,
        }
    }

    /// The first `limit` training rows (all if `None`).
    pub fn train(&self, limit: Option<usize>) -> SequenceTable {
        let n = limit.unwrap_or(usize::MAX).min(self.split.train.len());
        self.table(&self.split.train[..n])
    }

    /// The test rows.
    pub fn test(&self) -> SequenceTable {
        self.table(&self.split.test)
    }

    /// The test rows' values in their own unit.
    pub fn test_values(&self) -> Vec<f64> {
        self.split
            .test
            .iter()
            .map(|&i| self.rows[i].value)
            .collect()
    }

    /// Shortest and longest sequence.
    pub fn length_range(&self) -> (usize, usize) {
        self.rows
            .iter()
            .map(|r| r.sequence.len())
            .fold((usize::MAX, 0), |(lo, hi), l| (lo.min(l), hi.max(l)))
    }

    /// Every row as `sequence,value,split` with the training rows first, in training order, so
    /// Keras's `validation_split` holds out the same rows.
    pub fn data_csv(&self) -> String {
        let mut out = String::from("sequence,value,split\n");
        for (rows, part) in [(&self.split.train, "train"), (&self.split.test, "test")] {
            for &i in rows {
                out.push_str(&format!(
                    "{},{},{part}\n",
                    self.rows[i].sequence, self.rows[i].value
                ));
            }
        }
        out
    }
}

/// How well predictions match observations, with the mean predictor as a baseline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RegressionReport {
    /// Coefficient of determination.
    pub r2: f64,
    /// Pearson correlation.
    pub pearson: f64,
    /// Mean squared error.
    pub mse: f64,
    /// Mean absolute error.
    pub mae: f64,
    /// MSE of always predicting the training mean.
    pub baseline_mse: f64,
    /// MAE of always predicting the training mean.
    pub baseline_mae: f64,
    /// r² of always predicting the training mean (about 0).
    pub baseline_r2: f64,
}

/// Compares `predicted` with `observed` (same unit); `train_mean` is the baseline's constant.
pub fn report(observed: &[f64], predicted: &[f64], train_mean: f64) -> RegressionReport {
    let o: Vec<f32> = observed.iter().map(|&v| v as f32).collect();
    let p: Vec<f32> = predicted.iter().map(|&v| v as f32).collect();
    let baseline = vec![train_mean as f32; o.len()];
    RegressionReport {
        r2: metrics::r2(&o, &p),
        pearson: metrics::pearson(&o, &p),
        mse: metrics::mse(&o, &p),
        mae: metrics::mae(&o, &p),
        baseline_mse: metrics::mse(&o, &baseline),
        baseline_mae: metrics::mae(&o, &baseline),
        baseline_r2: metrics::r2(&o, &baseline),
    }
}

/// Predictions as CSV: `sequence,observed,predicted` (observed empty for new sequences).
pub fn predictions_csv(
    sequences: &[String],
    observed: Option<&[f64]>,
    predicted: &[f64],
) -> String {
    let mut out = String::from("sequence,observed,predicted\n");
    for (i, (s, p)) in sequences.iter().zip(predicted).enumerate() {
        let o = observed.map(|o| o[i].to_string()).unwrap_or_default();
        out.push_str(&format!("{s},{o},{p}\n"));
    }
    out
}

/// The built-in architectures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// Conv1D(32, 8, same, relu) ×2 → Flatten → Dense(32, relu) → Dense(1): for thousands of rows.
    Compact,
    /// Conv1D(16, 8, same, relu) → MaxPooling1D(2) → Flatten → Dense(16, relu) → Dense(1): fewer
    /// weights, for small uploads.
    Small,
}

impl Preset {
    /// The architecture for sequences of `length` bases.
    pub fn spec(self, length: usize) -> ModelSpec {
        let conv = |filters| {
            LayerSpec::Conv1d(Conv1dConfig {
                filters,
                kernel_size: 8,
                padding: Padding::Same,
                activation: Activation::Relu,
            })
        };
        let dense = |units, activation| LayerSpec::Dense(DenseConfig { units, activation });
        let layers = match self {
            Preset::Compact => vec![
                conv(32),
                conv(32),
                LayerSpec::Flatten,
                dense(32, Activation::Relu),
                dense(1, Activation::Linear),
            ],
            Preset::Small => vec![
                conv(16),
                LayerSpec::MaxPool1d(MaxPool1dConfig { pool_size: 2 }),
                LayerSpec::Flatten,
                dense(16, Activation::Relu),
                dense(1, Activation::Linear),
            ],
        };
        ModelSpec {
            input_shape: vec![length, 4],
            layers,
        }
    }
}

/// Training-set sizes of the learning-curve experiment: 1k, 2k, 5k and all rows (those below
/// the number of training rows).
pub fn learning_curve_sizes(train_rows: usize) -> Vec<usize> {
    let mut sizes: Vec<usize> = [1000, 2000, 5000]
        .into_iter()
        .filter(|&s| s < train_rows)
        .collect();
    sizes.push(train_rows);
    sizes
}

mod model;
pub use model::{ExpressionModel, MODEL_FORMAT};

pub mod settings;
pub use settings::{
    Architecture, CustomModel, DataSource, ExpressionSettings, FitPolicy, KNOB_RANGES,
};

#[cfg(test)]
mod tests;
