//! Everything the student sets in the expression lab, as one typed value: where the rows come
//! from, how sequences of different lengths are fitted, the split, the architecture and the
//! training knobs. The page mirrors these fields (and the URL holds them); the model, the
//! training settings, the worker's jobs and the run's fingerprint are computed here.

use super::{ExpressionData, Preset, ranges};
use crate::choice;
use crate::lab::knobs::{KnobRanges, Knobs, Optimizer};
use crate::nn::{
    Activation, Conv1dConfig, DenseConfig, LayerSpec, LossConfig, LossKind, LossSemantics,
    MaxPool1dConfig, ModelSpec, Padding,
};
use crate::training::TrainConfig;
use crate::training::job::TrainJob;
use serde::{Deserialize, Serialize};

/// Where the rows come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataSource {
    /// The built-in real data (Sample et al. 2019).
    #[default]
    Real,
    /// Simulated 5′UTRs with a known rule.
    Sim,
    /// The student's CSV/TSV file.
    Upload,
}

choice!(DataSource {
    Real => "real",
    Sim => "sim",
    Upload => "upload",
});

/// How sequences of different lengths become one `[L, 4]` input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FitPolicy {
    /// Pad every sequence on the right with all-zero rows to the longest.
    #[default]
    Pad,
    /// Cut every sequence to one length, dropping its 3′ end.
    Trim,
}

choice!(FitPolicy {
    Pad => "pad",
    Trim => "trim",
});

/// The architecture: a preset or the student's own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Architecture {
    /// [`Preset::Compact`].
    #[default]
    Compact,
    /// [`Preset::Small`].
    Small,
    /// [`CustomModel`].
    Custom,
}

choice!(Architecture {
    Compact => "compact",
    Small => "small",
    Custom => "custom",
});

/// The student's own architecture: `conv_layers` × Conv1D(filters, kernel, same, relu) →
/// MaxPooling1D(pool) if pool > 1 → Flatten → Dense(dense, relu) → Dense(1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CustomModel {
    /// Convolution layers.
    pub conv_layers: usize,
    /// Filters per convolution.
    pub filters: usize,
    /// Kernel size.
    pub kernel: usize,
    /// Pool size after the convolutions (1: none).
    pub pool: usize,
    /// Hidden dense units.
    pub dense: usize,
}

/// The shared knobs' ranges in the expression lab.
pub const KNOB_RANGES: KnobRanges = KnobRanges {
    epochs: ranges::EPOCHS,
    batch: ranges::BATCH,
    learning_rate: ranges::LEARNING_RATE,
    validation: ranges::VALIDATION,
    patience: ranges::PATIENCE,
};

/// The expression lab's settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExpressionSettings {
    /// Where the rows come from.
    pub source: DataSource,
    /// Simulated rows.
    pub sim_rows: usize,
    /// Simulated sequence length.
    pub sim_length: usize,
    /// Simulation seed.
    pub sim_seed: u64,
    /// Padding or trimming when lengths differ.
    pub fit: FitPolicy,
    /// Length to cut to when trimming (0: the shortest sequence).
    pub cut: usize,
    /// Share of the rows held out for testing.
    pub test_fraction: f64,
    /// Split seed.
    pub split_seed: u64,
    /// The architecture.
    pub architecture: Architecture,
    /// Its sizes when custom.
    pub custom: CustomModel,
    /// Epochs, batch, optimiser, validation, patience, seed.
    pub knobs: Knobs,
}

impl Default for ExpressionSettings {
    /// The built-in real data split 80/20 (seed 1), the compact CNN, Adam 0.001, batch 128, at
    /// most 30 epochs with early stopping after 3 without improvement, validation 0.1.
    fn default() -> ExpressionSettings {
        ExpressionSettings {
            source: DataSource::Real,
            sim_rows: 10_000,
            sim_length: 50,
            sim_seed: 0,
            fit: FitPolicy::Pad,
            cut: 0,
            test_fraction: 0.2,
            split_seed: 1,
            architecture: Architecture::Compact,
            custom: CustomModel {
                conv_layers: 2,
                filters: 32,
                kernel: 8,
                pool: 1,
                dense: 32,
            },
            knobs: Knobs {
                epochs: 30,
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

impl ExpressionSettings {
    /// The length every sequence is fitted to for sequences of `lengths` (shortest, longest), and
    /// `Some(length)` when they must be fitted (padded or cut), `None` when they already agree.
    pub fn fitted_length(&self, (shortest, longest): (usize, usize)) -> (usize, Option<usize>) {
        if shortest == longest {
            return (longest, None);
        }
        let length = match self.fit {
            FitPolicy::Pad => longest,
            FitPolicy::Trim if self.cut == 0 => shortest,
            FitPolicy::Trim => self.cut.min(longest),
        };
        (length, Some(length))
    }

    /// The architecture for sequences of `length` bases.
    pub fn spec(&self, length: usize) -> ModelSpec {
        match self.architecture {
            Architecture::Compact => Preset::Compact.spec(length),
            Architecture::Small => Preset::Small.spec(length),
            Architecture::Custom => {
                let c = self.custom;
                let conv = LayerSpec::Conv1d(Conv1dConfig {
                    filters: c.filters,
                    kernel_size: c.kernel,
                    padding: Padding::Same,
                    activation: Activation::Relu,
                });
                let mut layers = vec![conv; c.conv_layers];
                if c.pool > 1 {
                    layers.push(LayerSpec::MaxPool1d(MaxPool1dConfig { pool_size: c.pool }));
                }
                layers.push(LayerSpec::Flatten);
                layers.push(LayerSpec::Dense(DenseConfig {
                    units: c.dense,
                    activation: Activation::Relu,
                }));
                layers.push(LayerSpec::Dense(DenseConfig {
                    units: 1,
                    activation: Activation::Linear,
                }));
                ModelSpec {
                    input_shape: vec![length, 4],
                    layers,
                }
            }
        }
    }

    /// Mean squared error on the z-scored values, with the shared knobs.
    pub fn config(&self) -> TrainConfig {
        self.knobs.config(LossConfig {
            kind: LossKind::MeanSquaredError,
            semantics: LossSemantics::KerasFit,
        })
    }

    /// The worker's job: the model trained on the first `limit` training rows of `data` (all of
    /// them with `None`, the learning curve's smaller sets otherwise).
    pub fn job(&self, data: &ExpressionData, limit: Option<usize>) -> TrainJob {
        let (length, fit_length) = self.fitted_length(data.length_range());
        TrainJob {
            spec: self.spec(length),
            model_seed: self.knobs.model_seed,
            config: self.config(),
            train: data.train(limit).into(),
            fit_length,
            run: 0,
        }
    }

    /// A fingerprint of everything a run depends on: these settings and `rows_id`, a fingerprint
    /// of the rows they apply to (an upload's name, size and columns, say).
    pub fn key(&self, rows_id: u64) -> u64 {
        crate::lab::fingerprint(&(self, rows_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::choice::assert_serde_names;
    use crate::lab::expression::{Row, simulate_utrs};

    #[test]
    fn lengths_are_fitted_by_the_policy() {
        let pad = ExpressionSettings::default();
        assert_eq!(pad.fitted_length((50, 50)), (50, None));
        assert_eq!(pad.fitted_length((30, 60)), (60, Some(60)));
        let trim = ExpressionSettings {
            fit: FitPolicy::Trim,
            ..ExpressionSettings::default()
        };
        assert_eq!(trim.fitted_length((30, 60)), (30, Some(30)));
        let cut = ExpressionSettings { cut: 100, ..trim };
        assert_eq!(cut.fitted_length((30, 60)), (60, Some(60)));
    }

    #[test]
    fn the_custom_architecture_has_its_layers() {
        let settings = ExpressionSettings {
            architecture: Architecture::Custom,
            custom: CustomModel {
                conv_layers: 3,
                filters: 8,
                kernel: 5,
                pool: 2,
                dense: 16,
            },
            ..ExpressionSettings::default()
        };
        let spec = settings.spec(40);
        assert_eq!(spec.layers.len(), 3 + 1 + 1 + 2);
        assert_eq!(
            ExpressionSettings::default().spec(50),
            Preset::Compact.spec(50)
        );
        let no_pool = ExpressionSettings {
            custom: CustomModel {
                pool: 1,
                ..settings.custom
            },
            ..settings
        };
        assert!(
            !no_pool
                .spec(40)
                .layers
                .iter()
                .any(|l| matches!(l, LayerSpec::MaxPool1d(_)))
        );
    }

    #[test]
    fn jobs_fit_lengths_and_limit_rows() {
        let mut rows = simulate_utrs(100, 50, 1);
        rows.push(Row {
            sequence: "ACGT".repeat(15),
            value: 1.0,
        });
        let data = ExpressionData::new(rows, 0.2, 1).unwrap();
        let settings = ExpressionSettings::default();
        let job = settings.job(&data, Some(10));
        assert_eq!(job.fit_length, Some(60));
        assert_eq!(job.spec.input_shape, vec![60, 4]);
        assert_eq!(job.train.len(), 10);
        assert!(job.config.early_stopping.is_some());
        assert_ne!(settings.key(1), settings.key(2));
    }

    #[test]
    fn choices_are_named_as_serde_names_them() {
        assert_serde_names::<DataSource>();
        assert_serde_names::<FitPolicy>();
        assert_serde_names::<Architecture>();
    }
}
