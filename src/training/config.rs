//! The settings of a training run (serialisable, so the page can hand them to the worker).

use crate::nn::{LossConfig, OptimizerConfig};
use serde::{Deserialize, Serialize};

/// How the validation rows are chosen from the training rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValidationMode {
    /// Keras's `validation_split`: the **last** fraction of the rows, in their given order.
    #[default]
    LastRows,
    /// A seeded random fraction (for data that arrives sorted).
    Shuffled,
}

/// Which quantity early stopping watches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Monitor {
    /// Validation loss (training loss if there is no validation set).
    #[default]
    ValLoss,
    /// Training loss.
    Loss,
}

/// Keras's `EarlyStopping(monitor, patience, restore_best_weights)` with `min_delta = 0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlyStopping {
    /// What to watch (lower is better).
    #[serde(default)]
    pub monitor: Monitor,
    /// Epochs without improvement before stopping.
    pub patience: usize,
    /// Put back the weights of the best epoch when stopping.
    #[serde(default)]
    pub restore_best_weights: bool,
}

/// Everything about a training run except the data and the architecture.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainConfig {
    /// Rows per gradient step (Keras default 32).
    pub batch_size: usize,
    /// Passes over the training rows.
    pub epochs: usize,
    /// Fraction of the rows held out for validation, `0 ≤ f < 1`.
    #[serde(default)]
    pub validation_split: f64,
    /// How the validation rows are chosen.
    #[serde(default)]
    pub validation_mode: ValidationMode,
    /// Shuffle the training rows every epoch (Keras default true).
    #[serde(default = "yes")]
    pub shuffle: bool,
    /// Seed of every random choice of the run (shuffling, validation rows, dropout masks come from
    /// the model's own seed).
    #[serde(default)]
    pub seed: u64,
    /// The loss and its semantics.
    pub loss: LossConfig,
    /// The optimiser.
    #[serde(default)]
    pub optimizer: OptimizerConfig,
    /// Stop early when the monitored loss stops improving.
    #[serde(default)]
    pub early_stopping: Option<EarlyStopping>,
}

fn yes() -> bool {
    true
}
