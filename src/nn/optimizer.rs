//! The optimiser a training run uses, chosen by a serialisable description.

use super::adam::{Adam, AdamConfig};
use super::param::Param;
use super::sgd::{Sgd, SgdConfig};
use serde::{Deserialize, Serialize};

/// Which optimiser, with its settings (JSON: `{"type": "adam", "learning_rate": 0.001}`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum OptimizerConfig {
    /// [`Adam`].
    Adam(AdamConfig),
    /// [`Sgd`].
    Sgd(SgdConfig),
}

impl Default for OptimizerConfig {
    fn default() -> OptimizerConfig {
        OptimizerConfig::Adam(AdamConfig::default())
    }
}

/// A running optimiser.
#[derive(Clone, Debug)]
pub enum Optimizer {
    /// Adam.
    Adam(Adam),
    /// SGD.
    Sgd(Sgd),
}

impl Optimizer {
    /// A fresh optimiser from its description.
    pub fn new(config: &OptimizerConfig) -> Optimizer {
        match config {
            OptimizerConfig::Adam(c) => Optimizer::Adam(Adam::new(c.clone())),
            OptimizerConfig::Sgd(c) => Optimizer::Sgd(Sgd::new(c.clone())),
        }
    }

    /// Applies one update from the parameters' gradients.
    pub fn step(&mut self, params: &mut [&mut Param]) {
        match self {
            Optimizer::Adam(adam) => adam.step(params),
            Optimizer::Sgd(sgd) => sgd.step(params),
        }
    }
}
