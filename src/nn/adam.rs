//! Adam exactly as Keras 3 (`keras/src/optimizers/adam.py`), in float32:
//!
//! ```text
//! t     = iterations + 1                       (iterations starts at 0)
//! α_t   = lr · sqrt(1 − β₂^t) / (1 − β₁^t)
//! m     ← m + (g − m)(1 − β₁)                   (m, v start at 0)
//! v     ← v + (g² − v)(1 − β₂)
//! θ     ← θ − α_t · m / (sqrt(v) + ε)          (ε added to sqrt of the *uncorrected* v: "epsilon-hat")
//! ```

use super::param::Param;
use ndarray::{ArrayD, Zip};
use serde::{Deserialize, Serialize};

/// Adam's settings; the defaults are Keras's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AdamConfig {
    /// Step size `lr` (0.001).
    #[serde(with = "crate::wire::f32")]
    pub learning_rate: f32,
    /// First-moment decay `β₁` (0.9).
    #[serde(with = "crate::wire::f32")]
    pub beta_1: f32,
    /// Second-moment decay `β₂` (0.999).
    #[serde(with = "crate::wire::f32")]
    pub beta_2: f32,
    /// `ε` (1e-7).
    #[serde(with = "crate::wire::f32")]
    pub epsilon: f32,
}

impl Default for AdamConfig {
    fn default() -> AdamConfig {
        AdamConfig {
            learning_rate: 0.001,
            beta_1: 0.9,
            beta_2: 0.999,
            epsilon: 1e-7,
        }
    }
}

/// The Adam optimiser with its moment estimates.
#[derive(Clone, Debug)]
pub struct Adam {
    /// The settings.
    pub config: AdamConfig,
    /// Updates applied so far (Keras's `iterations`).
    pub iterations: u64,
    /// First moments, one per parameter (in the order given to [`Adam::step`]).
    pub m: Vec<ArrayD<f32>>,
    /// Second moments.
    pub v: Vec<ArrayD<f32>>,
}

impl Adam {
    /// A fresh optimiser (no moments yet).
    pub fn new(config: AdamConfig) -> Adam {
        Adam {
            config,
            iterations: 0,
            m: Vec::new(),
            v: Vec::new(),
        }
    }

    /// Applies one update to every parameter from its `grad`.
    ///
    /// # Panics
    /// If the parameters differ in number or shape from the previous call.
    pub fn step(&mut self, params: &mut [&mut Param]) {
        if self.m.is_empty() {
            self.m = params
                .iter()
                .map(|p| ArrayD::zeros(p.value.raw_dim()))
                .collect();
            self.v = self.m.clone();
        }
        assert_eq!(
            self.m.len(),
            params.len(),
            "Adam was set up for {} parameters, got {}",
            self.m.len(),
            params.len()
        );
        let AdamConfig {
            learning_rate,
            beta_1,
            beta_2,
            epsilon,
        } = self.config;
        let t = (self.iterations + 1) as f32;
        let alpha = learning_rate * (1.0 - beta_2.powf(t)).sqrt() / (1.0 - beta_1.powf(t));
        // Keras computes `1 − β` in double precision before the float32 multiply.
        let (one_minus_b1, one_minus_b2) = (
            (1.0 - f64::from(beta_1)) as f32,
            (1.0 - f64::from(beta_2)) as f32,
        );
        for ((param, m), v) in params.iter_mut().zip(&mut self.m).zip(&mut self.v) {
            assert_eq!(
                param.value.shape(),
                m.shape(),
                "Adam: parameter {} changed shape",
                param.name
            );
            Zip::from(&mut param.value)
                .and(&param.grad)
                .and(m)
                .and(v)
                .for_each(|theta, &g, m, v| {
                    *m += (g - *m) * one_minus_b1;
                    *v += (g * g - *v) * one_minus_b2;
                    *theta -= (*m * alpha) / (v.sqrt() + epsilon);
                });
        }
        self.iterations += 1;
    }
}
