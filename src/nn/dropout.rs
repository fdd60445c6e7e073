//! Dropout, as Keras: while training, every value is zeroed with probability `rate` and the rest are
//! scaled by `1 / (1 − rate)` (so the expected value is unchanged); at inference it does nothing.
//! The mask comes from the layer's own seeded generator, so a run is reproducible (the stream is
//! not TensorFlow's, so masks differ from Keras's).

use super::init::SeededRng;
use ndarray::{ArrayD, Zip};
use rand::RngExt;
use serde::{Deserialize, Serialize};

/// The settings of a [`Dropout`] layer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DropoutConfig {
    /// Fraction of values dropped while training, `0 ≤ rate < 1`.
    #[serde(with = "crate::wire::f32")]
    pub rate: f32,
}

/// A Keras-style `Dropout` layer.
#[derive(Clone, Debug)]
pub struct Dropout {
    /// The settings.
    pub config: DropoutConfig,
    rng: SeededRng,
    /// `0` or `1 / (1 − rate)` per value of the last training forward pass (empty at inference).
    mask: ArrayD<f32>,
}

impl Dropout {
    /// A dropout layer drawing its masks from `rng`.
    ///
    /// # Panics
    /// If `rate` is not in `[0, 1)`.
    pub fn new(config: DropoutConfig, rng: SeededRng) -> Dropout {
        assert!(
            (0.0..1.0).contains(&config.rate),
            "dropout rate must be in [0, 1), got {}",
            config.rate
        );
        Dropout {
            config,
            rng,
            mask: ArrayD::zeros(ndarray::IxDyn(&[0])),
        }
    }

    /// Forward pass; `training` switches the dropping on.
    ///
    /// # Shapes
    /// Any shape → the same shape.
    pub fn forward(&mut self, input: &ArrayD<f32>, training: bool) -> ArrayD<f32> {
        if !training || self.config.rate == 0.0 {
            self.mask = ArrayD::zeros(ndarray::IxDyn(&[0]));
            return input.clone();
        }
        let keep = 1.0 - self.config.rate;
        let scale = 1.0 / keep;
        let rng = &mut self.rng;
        self.mask = input.mapv(|_| {
            if rng.random::<f32>() < keep {
                scale
            } else {
                0.0
            }
        });
        let mut output = input.clone();
        Zip::from(&mut output)
            .and(&self.mask)
            .for_each(|o, &m| *o *= m);
        output
    }

    /// Backward pass: the same mask applied to the gradient.
    ///
    /// # Shapes
    /// Any shape → the same shape.
    pub fn backward(&mut self, grad_output: &ArrayD<f32>) -> ArrayD<f32> {
        if self.mask.len() != grad_output.len() {
            return grad_output.clone();
        }
        let mut grad = grad_output.clone();
        Zip::from(&mut grad)
            .and(&self.mask)
            .for_each(|g, &m| *g *= m);
        grad
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::init::seeded_rng;

    #[test]
    fn inactive_at_inference_and_scaled_while_training() {
        let mut dropout = Dropout::new(DropoutConfig { rate: 0.5 }, seeded_rng(1));
        let x = ArrayD::from_elem(ndarray::IxDyn(&[100, 10]), 1.0f32);
        assert_eq!(dropout.forward(&x, false), x);
        let y = dropout.forward(&x, true);
        assert!(y.iter().all(|&v| v == 0.0 || v == 2.0));
        let kept = y.iter().filter(|&&v| v > 0.0).count();
        assert!((400..600).contains(&kept), "{kept} of 1000 kept");
        let g = dropout.backward(&x);
        assert_eq!(g, y);
    }
}
