//! Stochastic gradient descent, as Keras `SGD`: `θ ← θ − lr · g`, or with momentum μ:
//! `u ← μ·u − lr · g`, `θ ← θ + u`.

use super::param::Param;
use ndarray::{ArrayD, Zip};
use serde::{Deserialize, Serialize};

/// SGD's settings; the defaults are Keras's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SgdConfig {
    /// Step size (0.01).
    #[serde(with = "crate::wire::f32")]
    pub learning_rate: f32,
    /// Momentum μ in `[0, 1)` (0: plain gradient descent).
    #[serde(with = "crate::wire::f32")]
    pub momentum: f32,
}

impl Default for SgdConfig {
    fn default() -> SgdConfig {
        SgdConfig {
            learning_rate: 0.01,
            momentum: 0.0,
        }
    }
}

/// SGD with optional momentum.
#[derive(Clone, Debug)]
pub struct Sgd {
    /// The settings.
    pub config: SgdConfig,
    /// Velocities, one per parameter (only with momentum).
    pub velocity: Vec<ArrayD<f32>>,
}

impl Sgd {
    /// A fresh optimiser.
    pub fn new(config: SgdConfig) -> Sgd {
        Sgd {
            config,
            velocity: Vec::new(),
        }
    }

    /// Applies one update to every parameter from its `grad`.
    pub fn step(&mut self, params: &mut [&mut Param]) {
        let SgdConfig {
            learning_rate,
            momentum,
        } = self.config;
        if momentum == 0.0 {
            for param in params.iter_mut() {
                let Param { value, grad, .. } = &mut **param;
                Zip::from(value)
                    .and(&*grad)
                    .for_each(|theta, &g| *theta -= learning_rate * g);
            }
            return;
        }
        if self.velocity.is_empty() {
            self.velocity = params
                .iter()
                .map(|p| ArrayD::zeros(p.value.raw_dim()))
                .collect();
        }
        for (param, u) in params.iter_mut().zip(&mut self.velocity) {
            let Param { value, grad, .. } = &mut **param;
            Zip::from(value)
                .and(&*grad)
                .and(u)
                .for_each(|theta, &g, u| {
                    *u = momentum * *u - learning_rate * g;
                    *theta += *u;
                });
        }
    }
}
