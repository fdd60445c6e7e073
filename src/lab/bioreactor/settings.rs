//! What the student sets in the bioreactor lab, typed, with the valid range of every number
//! ([`ranges`]): where the runs come from (a simulated design or an upload), the noise, the split,
//! the network and the shared training knobs ([`Knobs`], their ranges in [`KNOB_RANGES`]). The page
//! mirrors these fields (and the URL holds them); the model, the training settings, the worker's
//! job and the run's fingerprint are computed here.

use super::design::DesignKind;
use super::table::LabData;
use crate::choice;
use crate::lab::knobs::{KnobRanges, Knobs, Optimizer};
use crate::nn::{
    Activation, DenseConfig, LayerSpec, LossConfig, LossKind, LossSemantics, ModelSpec,
};
use crate::training::TrainConfig;
use crate::training::job::TrainJob;
use serde::{Deserialize, Serialize};

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
    pub const EPOCHS: Bounds<usize> = Bounds::new(1, 5000);
    /// Batch size.
    pub const BATCH: Bounds<usize> = Bounds::new(1, 2000);
    /// The optimiser's learning rate.
    pub const LEARNING_RATE: Bounds<f32> = Bounds::new(1e-5, 1.0);
    /// Early-stopping patience in epochs (0: off).
    pub const PATIENCE: Bounds<usize> = Bounds::new(0, 500);
}

/// The shared knobs' ranges in the bioreactor lab.
pub const KNOB_RANGES: KnobRanges = KnobRanges {
    epochs: ranges::EPOCHS,
    batch: ranges::BATCH,
    learning_rate: ranges::LEARNING_RATE,
    validation: ranges::VALIDATION,
    patience: ranges::PATIENCE,
};

/// Where the runs come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataSource {
    /// Runs of the simulator at a design's conditions.
    #[default]
    Sim,
    /// The student's CSV/TSV of runs.
    Upload,
}

choice!(DataSource {
    Sim => "sim",
    Upload => "upload",
});

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

choice!(ModelPreset {
    Dense => "dense",
    Custom => "custom",
    Linear => "linear",
});

/// Everything the student sets in the lab.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Simulated runs or an upload.
    pub source: DataSource,
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
    /// Epochs, batch, optimiser, learning rate, validation, patience, model seed.
    pub knobs: Knobs,
}

impl Default for Settings {
    /// The lab's acceptance settings (`tests/bioreactor.rs`): a Latin hypercube of 200 simulated
    /// runs measured with 1 % noise, 80/20 split, the 2 × 16 ReLU network trained with Adam
    /// (0.01) in batches of 32 for 2,000 epochs, 10 % of the training runs shown as a validation
    /// curve, early stopping off (its 16 validation runs are too few to pick an epoch reliably; the
    /// student can switch it on). Measured on seeds 1–20 (`tests/bioreactor.rs`): test r² 0.91–0.97
    /// (mean 0.94); batches of 16 at 0.005 for 1,000 epochs, the first setting, gave 0.86–0.96.
    fn default() -> Settings {
        Settings {
            source: DataSource::Sim,
            design: DesignKind::LatinHypercube,
            runs: 200,
            seed: 1,
            noise_cv: 0.01,
            test_fraction: 0.2,
            model: ModelPreset::Dense,
            hidden_layers: 2,
            hidden_units: 16,
            knobs: Knobs {
                epochs: 2000,
                batch: 32,
                learning_rate: 0.01,
                optimizer: Optimizer::Adam,
                validation: 0.1,
                patience: 0,
                model_seed: 0,
            },
        }
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

    /// Mean squared error on the standardised titer, with the shared knobs (Keras's validation
    /// split of the last rows, early stopping on the validation loss with the best weights
    /// restored when the patience is not 0).
    pub fn config(&self) -> TrainConfig {
        self.knobs.config(LossConfig {
            kind: LossKind::MeanSquaredError,
            semantics: LossSemantics::KerasFit,
        })
    }

    /// The worker's job: this model trained on `data`'s training runs, conditions and titer
    /// standardised with the training runs' means and standard deviations
    /// ([`LabData::train_table`]), sent as a table of numbers.
    pub fn job(&self, data: &LabData) -> TrainJob {
        TrainJob {
            spec: self.spec(data.table.feature_count()),
            model_seed: self.knobs.model_seed,
            config: self.config(),
            train: data.train_table().into(),
            fit_length: None,
            run: 0,
        }
    }

    /// A fingerprint of everything a run depends on: these settings and `rows_id`, a fingerprint
    /// of the rows they apply to (an upload's name, size and columns; 0 for simulated runs, which
    /// the settings describe).
    pub fn key(&self, rows_id: u64) -> u64 {
        crate::lab::fingerprint(&(self, rows_id))
    }

    /// Every numeric setting moved into its range (the URL reader's clamp).
    pub fn clamped(&self) -> Settings {
        Settings {
            runs: ranges::RUNS.clamp(self.runs),
            noise_cv: ranges::NOISE_CV.clamp(self.noise_cv),
            test_fraction: ranges::TEST_FRACTION.clamp(self.test_fraction),
            hidden_layers: ranges::HIDDEN_LAYERS.clamp(self.hidden_layers),
            hidden_units: ranges::HIDDEN_UNITS.clamp(self.hidden_units),
            knobs: self.knobs.clamped(&KNOB_RANGES),
            ..self.clone()
        }
    }
}
