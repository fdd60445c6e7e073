//! What the student sets in the bioreactor lab, typed, with the valid range of every number
//! ([`ranges`]): the design, the noise, the split, the model and its training.

use super::design::DesignKind;
use crate::nn::{
    Activation, AdamConfig, DenseConfig, LayerSpec, LossConfig, LossKind, LossSemantics, ModelSpec,
    OptimizerConfig,
};
use crate::training::{EarlyStopping, Monitor, TrainConfig, ValidationMode};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

/// The valid values of every numeric setting of the bioreactor lab: its form fields and its URL
/// both use these.
pub mod ranges {
    use crate::bounds::Bounds;
    pub use crate::bounds::SEED;

    /// Simulated runs.
    pub const RUNS: Bounds<usize> = Bounds::new(20, 2000);
    /// Coefficient of variation of the titer measurement (0: exact).
    pub const NOISE_CV: Bounds<f64> = Bounds::new(0.0, 0.5);
    /// Share of the runs held out for testing.
    pub const TEST_FRACTION: Bounds<f64> = Bounds::new(0.05, 0.5);
    /// Share of the training runs held out for validation.
    pub const VALIDATION: Bounds<f64> = Bounds::new(0.0, 0.5);
    /// Custom model: hidden layers.
    pub const HIDDEN_LAYERS: Bounds<usize> = Bounds::new(1, 4);
    /// Custom model: units per hidden layer.
    pub const HIDDEN_UNITS: Bounds<usize> = Bounds::new(1, 128);
    /// Epochs at most.
    pub const EPOCHS: Bounds<usize> = Bounds::new(1, 2000);
    /// Batch size.
    pub const BATCH: Bounds<usize> = Bounds::new(1, 2000);
    /// Adam's learning rate.
    pub const LEARNING_RATE: Bounds<f32> = Bounds::new(1e-5, 1.0);
    /// Early-stopping patience in epochs (0: off).
    pub const PATIENCE: Bounds<usize> = Bounds::new(0, 500);
}

/// The model trained on the runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelPreset {
    /// `Dense(1)`: a straight plane through the conditions (what the closed-form
    /// [`super::linear::LinearFit`] computes exactly).
    Linear,
    /// `Dense(16, relu) → Dense(16, relu) → Dense(1)`.
    #[default]
    Dense,
    /// The student's hidden layers and units (ReLU), then `Dense(1)`.
    Custom,
}

impl ModelPreset {
    /// Every preset, in the order the page lists them.
    pub const ALL: [ModelPreset; 3] =
        [ModelPreset::Linear, ModelPreset::Dense, ModelPreset::Custom];

    /// The serde name (`linear`, `dense`, `custom`).
    pub fn code(self) -> &'static str {
        match self {
            ModelPreset::Linear => "linear",
            ModelPreset::Dense => "dense",
            ModelPreset::Custom => "custom",
        }
    }
}

impl fmt::Display for ModelPreset {
    /// The serde name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for ModelPreset {
    type Err = String;

    /// Reads a serde name.
    fn from_str(text: &str) -> Result<ModelPreset, String> {
        ModelPreset::ALL
            .into_iter()
            .find(|p| p.code() == text)
            .ok_or_else(|| format!("unknown model {text:?}"))
    }
}

/// Everything the student sets in the lab.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// How the runs' conditions are chosen.
    pub design: DesignKind,
    /// How many runs (the grid takes the nearest full grid).
    pub runs: usize,
    /// Seed of the design, the measurement noise and the train/test split.
    pub seed: u64,
    /// Coefficient of variation of the titer measurement.
    pub noise_cv: f64,
    /// Share of the runs held out for testing.
    pub test_fraction: f64,
    /// The model.
    pub model: ModelPreset,
    /// Custom model: hidden layers.
    pub hidden_layers: usize,
    /// Custom model: units per hidden layer.
    pub hidden_units: usize,
    /// Epochs at most.
    pub epochs: usize,
    /// Rows per gradient step.
    pub batch_size: usize,
    /// Adam's learning rate.
    pub learning_rate: f32,
    /// Early stopping on the validation loss with this patience, best weights restored (0: off).
    pub patience: usize,
    /// Share of the training runs held out for validation (the last ones, as Keras does).
    pub validation_split: f64,
    /// Seed of the initial weights and the shuffling.
    pub model_seed: u64,
}

impl Default for Settings {
    /// The lab's acceptance settings (`tests/bioreactor.rs`): a Latin hypercube of 200 runs
    /// measured with 1 % noise, 80/20 split, the 2 × 16 ReLU network trained with Adam (0.005) in
    /// batches of 16 for 1,000 epochs, 10 % of the training runs shown as a validation curve,
    /// early stopping off (its 16 validation runs are too few to pick an epoch reliably; the
    /// student can switch it on).
    fn default() -> Settings {
        Settings {
            design: DesignKind::LatinHypercube,
            runs: 200,
            seed: 1,
            noise_cv: 0.01,
            test_fraction: 0.2,
            model: ModelPreset::Dense,
            hidden_layers: 2,
            hidden_units: 16,
            epochs: 1000,
            batch_size: 16,
            learning_rate: 0.005,
            patience: 0,
            validation_split: 0.1,
            model_seed: 0,
        }
    }
}

impl Hash for Settings {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.design, self.runs, self.seed, self.noise_cv.to_bits()).hash(state);
        (self.test_fraction.to_bits(), self.model).hash(state);
        (self.hidden_layers, self.hidden_units, self.epochs).hash(state);
        (self.batch_size, self.learning_rate.to_bits(), self.patience).hash(state);
        (self.validation_split.to_bits(), self.model_seed).hash(state);
    }
}

impl Settings {
    /// The model for `features` conditions: Dense layers on inputs of shape `[features]`
    /// (standardised conditions) with one linear output (the standardised titer).
    pub fn spec(&self, features: usize) -> ModelSpec {
        let hidden = |units| {
            LayerSpec::Dense(DenseConfig {
                units,
                activation: Activation::Relu,
            })
        };
        let mut layers = match self.model {
            ModelPreset::Linear => Vec::new(),
            ModelPreset::Dense => vec![hidden(16), hidden(16)],
            ModelPreset::Custom => (0..self.hidden_layers)
                .map(|_| hidden(self.hidden_units))
                .collect(),
        };
        layers.push(LayerSpec::Dense(DenseConfig {
            units: 1,
            activation: Activation::Linear,
        }));
        ModelSpec {
            input_shape: vec![features],
            layers,
        }
    }

    /// The training: mean squared error, Adam, Keras's validation split (the last rows), early
    /// stopping on the validation loss with the best weights restored.
    pub fn config(&self) -> TrainConfig {
        TrainConfig {
            batch_size: self.batch_size,
            epochs: self.epochs,
            validation_split: self.validation_split,
            validation_mode: ValidationMode::LastRows,
            shuffle: true,
            seed: self.model_seed,
            loss: LossConfig {
                kind: LossKind::MeanSquaredError,
                semantics: LossSemantics::KerasFit,
            },
            optimizer: OptimizerConfig::Adam(AdamConfig {
                learning_rate: self.learning_rate,
                ..AdamConfig::default()
            }),
            early_stopping: (self.patience > 0).then_some(EarlyStopping {
                monitor: Monitor::ValLoss,
                patience: self.patience,
                restore_best_weights: true,
            }),
        }
    }

    /// A number that changes whenever a setting does (to tell a trained model's settings apart).
    pub fn key(&self) -> u64 {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.hash(&mut hasher);
        hasher.finish()
    }

    /// Every numeric setting moved into its range (the URL reader's clamp).
    pub fn clamped(&self) -> Settings {
        Settings {
            runs: ranges::RUNS.clamp(self.runs),
            noise_cv: ranges::NOISE_CV.clamp(self.noise_cv),
            test_fraction: ranges::TEST_FRACTION.clamp(self.test_fraction),
            hidden_layers: ranges::HIDDEN_LAYERS.clamp(self.hidden_layers),
            hidden_units: ranges::HIDDEN_UNITS.clamp(self.hidden_units),
            epochs: ranges::EPOCHS.clamp(self.epochs),
            batch_size: ranges::BATCH.clamp(self.batch_size),
            learning_rate: ranges::LEARNING_RATE.clamp(self.learning_rate),
            patience: ranges::PATIENCE.clamp(self.patience),
            validation_split: ranges::VALIDATION.clamp(self.validation_split),
            ..self.clone()
        }
    }
}
