//! What the student sets in the protein lab, as one typed value: where the rows come from, the
//! split, the architecture and the training. The page mirrors it as signals and the URL stores it;
//! both clamp numbers with [`ranges`], and every enum reads and writes its URL name with
//! `FromStr`/`Display` (the serde names).
//!
//! Training: MSE on z-scored scores (standardised on the training rows), Adam, Keras's
//! `validation_split` (the last rows of the training set), early stopping on the validation loss
//! with the best epoch's weights restored — as the expression lab, and as the data README's Keras
//! reference run.

use super::{ProteinData, ProteinSplit};
use crate::lab::knobs::{KnobRanges, Knobs, Optimizer};
use crate::nn::{
    Activation, Conv1dConfig, DenseConfig, LayerSpec, LossConfig, LossKind, LossSemantics,
    ModelSpec, Padding,
};
use crate::training::TrainConfig;
use crate::training::job::TrainJob;
use serde::{Deserialize, Serialize};

/// The valid values of every setting of the protein lab: its form fields and its URL both use
/// these.
pub mod ranges {
    use crate::bounds::Bounds;
    pub use crate::bounds::SEED;

    /// Share of the rows held out for testing.
    pub const TEST_FRACTION: Bounds<f64> = Bounds::new(0.05, 0.5);
    /// Share of the training rows held out for validation.
    pub const VALIDATION: Bounds<f64> = Bounds::new(0.0, 0.5);
    /// Epochs at most.
    pub const EPOCHS: Bounds<usize> = Bounds::new(1, 200);
    /// Batch size.
    pub const BATCH: Bounds<usize> = Bounds::new(1, 5000);
    /// Adam's learning rate.
    pub const LEARNING_RATE: Bounds<f32> = Bounds::new(1e-6, 1.0);
    /// Early-stopping patience (0: off).
    pub const PATIENCE: Bounds<usize> = Bounds::new(0, 50);
    /// Custom: convolution layers (0: none).
    pub const CONV_LAYERS: Bounds<usize> = Bounds::new(0, 3);
    /// Custom: filters per convolution.
    pub const FILTERS: Bounds<usize> = Bounds::new(1, 64);
    /// Custom: kernel size.
    pub const KERNEL: Bounds<usize> = Bounds::new(1, 21);
    /// Custom: hidden dense units (0: none, an additive model after the convolutions).
    pub const DENSE: Bounds<usize> = Bounds::new(0, 256);
}

/// Where the rows come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Source {
    /// The built-in avGFP variants (44,024 rows).
    #[default]
    #[serde(rename = "builtin")]
    BuiltIn,
    /// The student's own table (sequences, or variants of a wild type).
    #[serde(rename = "upload")]
    Upload,
}

crate::choice!(Source {
    BuiltIn => "builtin",
    Upload => "upload",
});

/// The architectures on `[L, 21]` one-hot proteins.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// Flatten → Dense(64, relu) → Dense(1): one hidden layer, enough for avGFP's threshold
    /// (318,657 parameters for 237 residues).
    #[default]
    Dense,
    /// Flatten → Dense(1): an additive model, one weight per residue and amino acid.
    Linear,
    /// Conv1D(32, 9, same, relu) → Flatten → Dense(64, relu) → Dense(1).
    Cnn,
    /// The student's own: [`CustomModel`].
    Custom,
}

crate::choice!(Preset {
    Dense => "dense",
    Linear => "linear",
    Cnn => "cnn",
    Custom => "custom",
});

/// The custom architecture: `conv_layers` × Conv1D(filters, kernel, same, relu) → Flatten →
/// Dense(dense, relu) (none when 0) → Dense(1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CustomModel {
    /// Convolution layers (0–3).
    pub conv_layers: usize,
    /// Filters per convolution.
    pub filters: usize,
    /// Kernel size (residues).
    pub kernel_size: usize,
    /// Hidden dense units (0: none).
    pub dense: usize,
}

impl Default for CustomModel {
    /// One Conv1D(16, 9) and a Dense(32).
    fn default() -> CustomModel {
        CustomModel {
            conv_layers: 1,
            filters: 16,
            kernel_size: 9,
            dense: 32,
        }
    }
}

/// The shared knobs' ranges in the protein lab.
pub const KNOB_RANGES: KnobRanges = KnobRanges {
    epochs: ranges::EPOCHS,
    batch: ranges::BATCH,
    learning_rate: ranges::LEARNING_RATE,
    validation: ranges::VALIDATION,
    patience: ranges::PATIENCE,
};

/// The protein lab's settings.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Where the rows come from.
    pub source: Source,
    /// Share of the rows held out for testing.
    pub test_fraction: f64,
    /// Seed of the split.
    pub split_seed: u64,
    /// The architecture.
    pub preset: Preset,
    /// Its sizes when custom.
    pub custom: CustomModel,
    /// Epochs, batch, optimiser, learning rate, validation, patience, model seed.
    pub knobs: Knobs,
}

impl Default for Settings {
    /// The built-in data split 90/10 (seed 1), the dense preset, Adam 0.001, batch 128, at most 50
    /// epochs with early stopping after 3 without improvement, validation 0.1: the data README's
    /// Keras reference run.
    fn default() -> Settings {
        Settings {
            source: Source::BuiltIn,
            test_fraction: 0.1,
            split_seed: 1,
            preset: Preset::Dense,
            custom: CustomModel::default(),
            knobs: Knobs {
                epochs: 50,
                batch: 128,
                learning_rate: 0.001,
                optimizer: Optimizer::Adam,
                validation: 0.1,
                patience: 3,
                model_seed: 0,
            },
        }
    }
}

impl Settings {
    /// The settings with every number moved into [`ranges`].
    pub fn clamped(self) -> Settings {
        Settings {
            test_fraction: ranges::TEST_FRACTION.clamp(self.test_fraction),
            knobs: self.knobs.clamped(&KNOB_RANGES),
            custom: CustomModel {
                conv_layers: ranges::CONV_LAYERS.clamp(self.custom.conv_layers),
                filters: ranges::FILTERS.clamp(self.custom.filters),
                kernel_size: ranges::KERNEL.clamp(self.custom.kernel_size),
                dense: ranges::DENSE.clamp(self.custom.dense),
            },
            ..self
        }
    }

    /// The architecture for proteins of `length` residues, `[length, 21]` one-hot.
    pub fn spec(&self, length: usize) -> ModelSpec {
        let conv = |filters, kernel_size| {
            LayerSpec::Conv1d(Conv1dConfig {
                filters,
                kernel_size,
                padding: Padding::Same,
                activation: Activation::Relu,
            })
        };
        let dense = |units, activation| LayerSpec::Dense(DenseConfig { units, activation });
        let output = dense(1, Activation::Linear);
        let layers = match self.preset {
            Preset::Dense => vec![LayerSpec::Flatten, dense(64, Activation::Relu), output],
            Preset::Linear => vec![LayerSpec::Flatten, output],
            Preset::Cnn => vec![
                conv(32, 9),
                LayerSpec::Flatten,
                dense(64, Activation::Relu),
                output,
            ],
            Preset::Custom => {
                let c = self.custom;
                let mut layers: Vec<LayerSpec> = (0..c.conv_layers)
                    .map(|_| conv(c.filters, c.kernel_size))
                    .collect();
                layers.push(LayerSpec::Flatten);
                if c.dense > 0 {
                    layers.push(dense(c.dense, Activation::Relu));
                }
                layers.push(output);
                layers
            }
        };
        ModelSpec {
            input_shape: vec![length, crate::bio::Alphabet::Protein.size()],
            layers,
        }
    }

    /// The training settings: MSE (Keras semantics) on z-scores with the shared knobs (early
    /// stopping on the validation loss with the best weights restored; off at patience 0).
    pub fn config(&self) -> TrainConfig {
        self.knobs.config(LossConfig {
            kind: LossKind::MeanSquaredError,
            semantics: LossSemantics::KerasFit,
        })
    }

    /// The worker's job: the model trained on `split`'s training rows of `data`, sent as variants
    /// of the wild type (a few bytes a row instead of the whole protein).
    pub fn job(&self, data: &ProteinData, split: &ProteinSplit) -> TrainJob {
        TrainJob {
            spec: self.spec(data.wild_type.len()),
            model_seed: self.knobs.model_seed,
            config: self.config(),
            train: split.variants(data, &split.split.train).into(),
            fit_length: None,
            run: 0,
        }
    }

    /// A fingerprint of everything a run depends on: these settings and `rows_id`, a fingerprint
    /// of the rows (an upload's name and size).
    pub fn key(&self, rows_id: u64) -> u64 {
        crate::lab::fingerprint(&(self, rows_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::Sequential;

    #[test]
    fn presets_have_the_readme_shapes() {
        let settings = Settings::default();
        let dense = Sequential::new(settings.spec(237), 0).unwrap();
        // Data README: the Keras dense model has 318,657 parameters.
        assert_eq!(dense.param_count(), 318_657);
        let linear = Settings {
            preset: Preset::Linear,
            ..settings
        };
        assert_eq!(
            Sequential::new(linear.spec(237), 0).unwrap().param_count(),
            237 * 21 + 1
        );
        let cnn = Settings {
            preset: Preset::Cnn,
            ..settings
        };
        let cnn = Sequential::new(cnn.spec(237), 0).unwrap();
        assert_eq!(cnn.output_shape(), &[1]);
        let custom = Settings {
            preset: Preset::Custom,
            custom: CustomModel {
                conv_layers: 0,
                dense: 0,
                ..CustomModel::default()
            },
            ..settings
        };
        assert_eq!(custom.spec(237), linear.spec(237));
    }

    #[test]
    fn names_round_trip_and_values_clamp() {
        crate::choice::assert_serde_names::<Preset>();
        crate::choice::assert_serde_names::<Source>();
        assert!("conv".parse::<Preset>().is_err());
        let wild = Settings {
            test_fraction: 3.0,
            knobs: Knobs {
                learning_rate: f32::NAN,
                epochs: 0,
                ..Settings::default().knobs
            },
            ..Settings::default()
        }
        .clamped();
        assert_eq!(
            (
                wild.test_fraction,
                wild.knobs.learning_rate,
                wild.knobs.epochs
            ),
            (0.5, 1e-6, 1)
        );
        let back: Settings =
            serde_json::from_str(&serde_json::to_string(&Settings::default()).unwrap()).unwrap();
        assert_eq!(back, Settings::default());
        let config = Settings::default().config();
        assert_eq!(config.early_stopping.unwrap().patience, 3);
        let other = Settings {
            knobs: Knobs {
                learning_rate: 0.01,
                ..Settings::default().knobs
            },
            ..Settings::default()
        };
        assert_ne!(Settings::default().key(0), other.key(0));
        assert_eq!(Settings::default().key(0), Settings::default().key(0));
        assert_ne!(Settings::default().key(0), Settings::default().key(1));
    }
}
