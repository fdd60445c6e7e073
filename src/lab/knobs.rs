//! The training knobs every lab shares — epochs, batch size, optimiser and learning rate,
//! validation share, early-stopping patience, the model's seed — with their URL keys in one place
//! ([`keys`]) and one way to turn them into a [`TrainConfig`]. Each lab states its own ranges
//! ([`KnobRanges`]) and defaults beside its settings.
//!
//! | knob | URL key | meaning |
//! |---|---|---|
//! | epochs | `ep` | passes over the training rows (at most, with early stopping) |
//! | batch size | `bs` | rows per gradient step |
//! | learning rate | `lr` | the optimiser's step size |
//! | optimiser | `opt` | `adam` or `sgd` (momentum 0.9) |
//! | validation | `val` | share of the training rows held out, the last ones as in Keras |
//! | patience | `pat` | early stopping on the validation loss after this many epochs without improvement (0: off), best weights restored |
//! | model seed | `mseed` | the initial weights and the shuffles |
//! | test share | `test` | share of all rows held out for the test set |
//! | split seed | `split` | which rows land in the test set |

use crate::bounds::Bounds;
use crate::choice;
use crate::nn::{AdamConfig, LossConfig, OptimizerConfig, SgdConfig};
use crate::training::{EarlyStopping, Monitor, TrainConfig, ValidationMode};
use serde::{Deserialize, Serialize};

/// The URL keys of the shared knobs (the same on every page that has the knob).
pub mod keys {
    /// Epochs.
    pub const EPOCHS: &str = "ep";
    /// Batch size.
    pub const BATCH: &str = "bs";
    /// Learning rate.
    pub const LEARNING_RATE: &str = "lr";
    /// Optimiser.
    pub const OPTIMIZER: &str = "opt";
    /// Validation share.
    pub const VALIDATION: &str = "val";
    /// Early-stopping patience.
    pub const PATIENCE: &str = "pat";
    /// Seed of the model's weights and shuffles.
    pub const MODEL_SEED: &str = "mseed";
    /// Test share.
    pub const TEST: &str = "test";
    /// Split seed.
    pub const SPLIT_SEED: &str = "split";
}

/// The optimiser.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Optimizer {
    /// Adam with Keras's defaults (β₁ 0.9, β₂ 0.999, ε 1e-7).
    #[default]
    Adam,
    /// Stochastic gradient descent with momentum 0.9.
    Sgd,
}

choice!(Optimizer {
    Adam => "adam",
    Sgd => "sgd",
});

impl Optimizer {
    /// The optimiser with step size `learning_rate`.
    pub fn config(self, learning_rate: f32) -> OptimizerConfig {
        match self {
            Optimizer::Adam => OptimizerConfig::Adam(AdamConfig {
                learning_rate,
                ..AdamConfig::default()
            }),
            Optimizer::Sgd => OptimizerConfig::Sgd(SgdConfig {
                learning_rate,
                momentum: 0.9,
            }),
        }
    }
}

/// The shared knobs of one lab.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Knobs {
    /// Passes over the training rows (at most, with early stopping).
    pub epochs: usize,
    /// Rows per gradient step.
    pub batch: usize,
    /// The optimiser's step size.
    pub learning_rate: f32,
    /// Adam or SGD.
    pub optimizer: Optimizer,
    /// Share of the training rows held out for validation (the last ones, as Keras does).
    pub validation: f64,
    /// Early stopping on the validation loss with this patience (0: off), best weights restored.
    pub patience: usize,
    /// Seed of the initial weights and of the shuffles.
    pub model_seed: u64,
}

impl Knobs {
    /// The training settings with `loss`: shuffled every epoch, validation rows last.
    pub fn config(&self, loss: LossConfig) -> TrainConfig {
        TrainConfig {
            batch_size: self.batch,
            epochs: self.epochs,
            validation_split: self.validation,
            validation_mode: ValidationMode::LastRows,
            shuffle: true,
            seed: self.model_seed,
            loss,
            optimizer: self.optimizer.config(self.learning_rate),
            early_stopping: (self.patience > 0).then_some(EarlyStopping {
                monitor: Monitor::ValLoss,
                patience: self.patience,
                restore_best_weights: true,
            }),
        }
    }

    /// The knobs with every numeric value moved into `ranges` (NaN to the lower end).
    pub fn clamped(self, ranges: &KnobRanges) -> Knobs {
        Knobs {
            epochs: ranges.epochs.clamp(self.epochs),
            batch: ranges.batch.clamp(self.batch),
            learning_rate: ranges.learning_rate.clamp(self.learning_rate),
            validation: ranges.validation.clamp(self.validation),
            patience: ranges.patience.clamp(self.patience),
            ..self
        }
    }
}

/// The valid values of the shared knobs on one page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KnobRanges {
    /// Epochs (at least one: a run of none has nothing to show).
    pub epochs: Bounds<usize>,
    /// Batch size.
    pub batch: Bounds<usize>,
    /// Learning rate (high enough to show divergence).
    pub learning_rate: Bounds<f32>,
    /// Validation share.
    pub validation: Bounds<f64>,
    /// Patience (0: no early stopping).
    pub patience: Bounds<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::{LossKind, LossSemantics};

    const MSE: LossConfig = LossConfig {
        kind: LossKind::MeanSquaredError,
        semantics: LossSemantics::KerasFit,
    };

    fn knobs() -> Knobs {
        Knobs {
            epochs: 30,
            batch: 128,
            learning_rate: 0.001,
            optimizer: Optimizer::Adam,
            validation: 0.1,
            patience: 3,
            model_seed: 7,
        }
    }

    #[test]
    fn knobs_become_a_keras_like_config() {
        let config = knobs().config(MSE);
        assert_eq!(config.batch_size, 128);
        assert_eq!(config.seed, 7);
        assert_eq!(config.validation_mode, ValidationMode::LastRows);
        assert_eq!(
            config.early_stopping,
            Some(EarlyStopping {
                monitor: Monitor::ValLoss,
                patience: 3,
                restore_best_weights: true
            })
        );
        let sgd = Knobs {
            optimizer: Optimizer::Sgd,
            patience: 0,
            ..knobs()
        }
        .config(MSE);
        assert_eq!(sgd.early_stopping, None);
        assert!(matches!(sgd.optimizer, OptimizerConfig::Sgd(s) if s.momentum == 0.9));
    }

    #[test]
    fn optimizer_names_are_its_serde_names() {
        crate::choice::assert_serde_names::<Optimizer>();
        assert_eq!("sgd".parse::<Optimizer>(), Ok(Optimizer::Sgd));
    }

    #[test]
    fn clamping_keeps_the_knobs_in_range() {
        let ranges = KnobRanges {
            epochs: Bounds::new(1, 50),
            batch: Bounds::new(1, 100),
            learning_rate: Bounds::new(1e-6, 1.0),
            validation: Bounds::new(0.0, 0.5),
            patience: Bounds::new(0, 10),
        };
        let wild = Knobs {
            epochs: 0,
            batch: 1000,
            learning_rate: f32::NAN,
            validation: 0.9,
            patience: 99,
            ..knobs()
        }
        .clamped(&ranges);
        assert_eq!(
            (wild.epochs, wild.batch, wild.validation, wild.patience),
            (1, 100, 0.5, 10)
        );
        assert_eq!(wild.learning_rate, 1e-6);
    }
}
