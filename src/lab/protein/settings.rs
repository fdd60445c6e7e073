//! What the student sets in the protein lab, as one typed value: where the rows come from, the
//! split, the architecture and the training. The page mirrors it as signals and the URL stores it;
//! both clamp numbers with [`ranges`], and every enum reads and writes its URL name with
//! `FromStr`/`Display` (the serde names).
//!
//! Training: MSE on z-scored scores (standardised on the training rows), Adam, Keras's
//! `validation_split` (the last rows of the training set), early stopping on the validation loss
//! with the best epoch's weights restored — as the expression lab, and as the data README's Keras
//! reference run.

use crate::nn::{
    Activation, AdamConfig, Conv1dConfig, DenseConfig, LayerSpec, LossConfig, LossKind,
    LossSemantics, ModelSpec, OptimizerConfig, Padding,
};
use crate::training::{EarlyStopping, Monitor, TrainConfig, ValidationMode};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

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
    /// Where the rows come from.
    pub const SOURCES: &[&str] = &["builtin", "upload"];
    /// Architectures.
    pub const PRESETS: &[&str] = &["dense", "linear", "cnn", "custom"];
}

/// Defines a unit enum with serde names, `Display` and `FromStr` on the same names.
macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in the form's order.
            pub const ALL: &[$name] = &[$($name::$variant),+];
        }

        impl fmt::Display for $name {
            /// The URL and serde name.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(match self { $($name::$variant => $text),+ })
            }
        }

        impl FromStr for $name {
            type Err = String;

            /// The URL and serde name.
            fn from_str(text: &str) -> Result<$name, String> {
                match text {
                    $($text => Ok($name::$variant),)+
                    other => Err(format!("not a {}: {other:?}", stringify!($name))),
                }
            }
        }
    };
}

named_enum! {
    /// Where the rows come from.
    Source {
        /// The built-in avGFP variants (44,024 rows).
        BuiltIn = "builtin",
        /// The student's own table (sequences, or variants of a wild type).
        Upload = "upload",
    }
}

named_enum! {
    /// The architectures on `[L, 21]` one-hot proteins.
    Preset {
        /// Flatten → Dense(64, relu) → Dense(1): one hidden layer, enough for avGFP's threshold
        /// (318,657 parameters for 237 residues).
        Dense = "dense",
        /// Flatten → Dense(1): an additive model, one weight per residue and amino acid.
        Linear = "linear",
        /// Conv1D(32, 9, same, relu) → Flatten → Dense(64, relu) → Dense(1).
        Cnn = "cnn",
        /// The student's own: [`CustomModel`].
        Custom = "custom",
    }
}

/// The custom architecture: `conv_layers` × Conv1D(filters, kernel, same, relu) → Flatten →
/// Dense(dense, relu) (none when 0) → Dense(1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CustomModel {
    /// Convolution layers (0–3).
    pub conv_layers: usize,
    /// Filters per convolution.
    pub filters: usize,
    /// Kernel size.
    pub kernel_size: usize,
    /// Hidden dense units (0: none).
    pub dense: usize,
}

impl Default for CustomModel {
    /// One Conv1D(16, 9) and Dense(32).
    fn default() -> CustomModel {
        CustomModel {
            conv_layers: 1,
            filters: 16,
            kernel_size: 9,
            dense: 32,
        }
    }
}

/// Every setting of the protein lab.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Where the rows come from.
    pub source: Source,
    /// Share of the rows held out for testing.
    pub test_fraction: f64,
    /// Seed of the train/test split.
    pub split_seed: u64,
    /// The architecture.
    pub preset: Preset,
    /// The custom architecture (used when `preset` is [`Preset::Custom`]).
    pub custom: CustomModel,
    /// Epochs at most.
    pub epochs: usize,
    /// Rows per gradient step.
    pub batch_size: usize,
    /// Adam's learning rate.
    pub learning_rate: f32,
    /// Early-stopping patience in epochs (0: off).
    pub patience: usize,
    /// Share of the training rows held out for validation (the last ones, as Keras).
    pub validation: f64,
    /// Seed of the initial weights and the shuffling.
    pub model_seed: u64,
}

impl Default for Settings {
    /// The data README's reference run: built-in data, 10 % test (seed 1), the dense preset,
    /// Adam 0.001, batch 128, up to 50 epochs, validation 0.1, patience 3, model seed 0.
    fn default() -> Settings {
        Settings {
            source: Source::BuiltIn,
            test_fraction: 0.1,
            split_seed: 1,
            preset: Preset::Dense,
            custom: CustomModel::default(),
            epochs: 50,
            batch_size: 128,
            learning_rate: 0.001,
            patience: 3,
            validation: 0.1,
            model_seed: 0,
        }
    }
}

impl Hash for Settings {
    /// Every field; the floating-point ones by their bits (so a settings value can key a cache of
    /// trained models).
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.source.hash(state);
        self.test_fraction.to_bits().hash(state);
        self.split_seed.hash(state);
        self.preset.hash(state);
        self.custom.hash(state);
        self.epochs.hash(state);
        self.batch_size.hash(state);
        self.learning_rate.to_bits().hash(state);
        self.patience.hash(state);
        self.validation.to_bits().hash(state);
        self.model_seed.hash(state);
    }
}

impl Settings {
    /// Every numeric field clamped to its range (a URL or an old saved state may hold anything).
    pub fn clamped(self) -> Settings {
        Settings {
            test_fraction: ranges::TEST_FRACTION.clamp(self.test_fraction),
            epochs: ranges::EPOCHS.clamp(self.epochs),
            batch_size: ranges::BATCH.clamp(self.batch_size),
            learning_rate: ranges::LEARNING_RATE.clamp(self.learning_rate),
            patience: ranges::PATIENCE.clamp(self.patience),
            validation: ranges::VALIDATION.clamp(self.validation),
            custom: CustomModel {
                conv_layers: ranges::CONV_LAYERS.clamp(self.custom.conv_layers),
                filters: ranges::FILTERS.clamp(self.custom.filters),
                kernel_size: ranges::KERNEL.clamp(self.custom.kernel_size),
                dense: ranges::DENSE.clamp(self.custom.dense),
            },
            ..self
        }
    }

    /// The architecture for proteins of `length` residues (input `[length, 21]`, one output).
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

    /// The training settings: MSE (Keras semantics) on z-scores, Adam at `learning_rate`,
    /// `validation` of the training rows (the last ones), shuffled batches seeded by `model_seed`,
    /// early stopping on the validation loss with the best weights restored (off at patience 0).
    pub fn config(&self) -> TrainConfig {
        TrainConfig {
            batch_size: self.batch_size,
            epochs: self.epochs,
            validation_split: self.validation,
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
        for preset in Preset::ALL {
            assert_eq!(preset.to_string().parse::<Preset>(), Ok(*preset));
            let json = serde_json::to_string(preset).unwrap();
            assert_eq!(json, format!("\"{preset}\""));
        }
        let names: Vec<String> = Preset::ALL.iter().map(ToString::to_string).collect();
        assert_eq!(names, ranges::PRESETS);
        let sources: Vec<String> = Source::ALL.iter().map(ToString::to_string).collect();
        assert_eq!(sources, ranges::SOURCES);
        assert!("conv".parse::<Preset>().is_err());
        let wild = Settings {
            test_fraction: 3.0,
            learning_rate: f32::NAN,
            epochs: 0,
            ..Settings::default()
        }
        .clamped();
        assert_eq!(
            (wild.test_fraction, wild.learning_rate, wild.epochs),
            (0.5, 1e-6, 1)
        );
        let back: Settings =
            serde_json::from_str(&serde_json::to_string(&Settings::default()).unwrap()).unwrap();
        assert_eq!(back, Settings::default());
        let config = Settings::default().config();
        assert_eq!(config.early_stopping.unwrap().patience, 3);
        assert!(
            Settings {
                patience: 0,
                ..Settings::default()
            }
            .config()
            .early_stopping
            .is_none()
        );
        let hash = |s: &Settings| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            s.hash(&mut h);
            h.finish()
        };
        let other = Settings {
            learning_rate: 0.01,
            ..Settings::default()
        };
        assert_ne!(hash(&Settings::default()), hash(&other));
        assert_eq!(hash(&Settings::default()), hash(&Settings::default()));
    }
}
