//! 1-D max pooling, as Keras `MaxPooling1D(pool_size)` with strides = pool size and `valid`
//! padding: `y[b, t, c] = max_{0 ≤ i < p} x[b, t·p + i, c]`, `L_out = ⌊L / p⌋` (the last `L mod p`
//! positions are dropped and get no gradient).
//!
//! Backward: each window's gradient goes to the position of its maximum; on a tie, to the first
//! (lowest-index) maximum, as TensorFlow does (fixture case `maxpool1d_p4_ties`).

use ndarray::{Array3, ArrayD, Ix3};
use serde::{Deserialize, Serialize};

/// The settings of a [`MaxPool1d`] layer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaxPool1dConfig {
    /// Window length and stride `p` (Keras default 2).
    pub pool_size: usize,
}

/// A Keras-style `MaxPooling1D` layer.
#[derive(Clone, Debug)]
pub struct MaxPool1d {
    /// The settings.
    pub config: MaxPool1dConfig,
    input_shape: (usize, usize, usize),
    /// For every output cell, the input position that won.
    argmax: Array3<usize>,
}

impl MaxPool1d {
    /// A pooling layer.
    ///
    /// # Panics
    /// If `pool_size` is 0.
    pub fn new(config: MaxPool1dConfig) -> MaxPool1d {
        assert!(
            config.pool_size > 0,
            "MaxPool1d needs a pool size of at least 1"
        );
        MaxPool1d {
            config,
            input_shape: (0, 0, 0),
            argmax: Array3::zeros((0, 0, 0)),
        }
    }

    /// Forward pass.
    ///
    /// # Shapes
    /// `input: [B, L, C]` → `[B, ⌊L / p⌋, C]`.
    ///
    /// # Panics
    /// If the input is not rank 3.
    pub fn forward(&mut self, input: &ArrayD<f32>) -> ArrayD<f32> {
        let x = input
            .view()
            .into_dimensionality::<Ix3>()
            .unwrap_or_else(|_| {
                panic!(
                    "MaxPool1d expects input [batch, length, channels], got shape {:?}",
                    input.shape()
                )
            });
        let (b, l, c) = x.dim();
        let p = self.config.pool_size;
        let l_out = l / p;
        let mut argmax = Array3::zeros((b, l_out, c));
        let output = Array3::from_shape_fn((b, l_out, c), |(n, t, ch)| {
            let mut best = t * p;
            for i in t * p + 1..(t + 1) * p {
                // Strictly greater: a tie keeps the first maximum.
                if x[[n, i, ch]] > x[[n, best, ch]] {
                    best = i;
                }
            }
            argmax[[n, t, ch]] = best;
            x[[n, best, ch]]
        });
        self.input_shape = (b, l, c);
        self.argmax = argmax;
        output.into_dyn()
    }

    /// Backward pass: routes every output gradient to its window's (first) maximum.
    ///
    /// # Shapes
    /// `grad_output: [B, ⌊L / p⌋, C]` → `[B, L, C]`.
    pub fn backward(&mut self, grad_output: &ArrayD<f32>) -> ArrayD<f32> {
        let mut grad = Array3::zeros(self.input_shape);
        for ((n, t, ch), &position) in self.argmax.indexed_iter() {
            grad[[n, position, ch]] += grad_output[[n, t, ch]];
        }
        grad.into_dyn()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn floor_and_first_maximum_on_ties() {
        let mut pool = MaxPool1d::new(MaxPool1dConfig { pool_size: 3 });
        let x = array![[[1.0f32], [5.0], [5.0], [0.0], [2.0], [2.0], [9.0]]].into_dyn();
        let y = pool.forward(&x);
        assert_eq!(y, array![[[5.0f32], [2.0]]].into_dyn());
        let g = pool.backward(&array![[[1.0f32], [10.0]]].into_dyn());
        assert_eq!(
            g,
            array![[[0.0f32], [1.0], [0.0], [0.0], [10.0], [0.0], [0.0]]].into_dyn()
        );
    }
}
