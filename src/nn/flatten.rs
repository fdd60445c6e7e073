//! Flatten, as Keras: row-major, `out[b, t·C + c] = in[b, t, c]`. No parameters; the backward pass
//! reshapes the gradient back.

use ndarray::{ArrayD, IxDyn};

/// A Keras-style `Flatten` layer.
#[derive(Clone, Debug, Default)]
pub struct Flatten {
    input_shape: Vec<usize>,
}

impl Flatten {
    /// A flatten layer.
    pub fn new() -> Flatten {
        Flatten::default()
    }

    /// Forward pass.
    ///
    /// # Shapes
    /// `input: [B, d1, d2, …]` → `[B, d1·d2·…]`.
    pub fn forward(&mut self, input: &ArrayD<f32>) -> ArrayD<f32> {
        self.input_shape = input.shape().to_vec();
        let batch = input.shape()[0];
        let features = input.len() / batch.max(1);
        input
            .as_standard_layout()
            .into_owned()
            .into_shape_with_order(IxDyn(&[batch, features]))
            .expect("the same number of values")
    }

    /// Backward pass.
    ///
    /// # Shapes
    /// `grad_output: [B, F]` → the input's shape.
    pub fn backward(&mut self, grad_output: &ArrayD<f32>) -> ArrayD<f32> {
        grad_output
            .as_standard_layout()
            .into_owned()
            .into_shape_with_order(IxDyn(&self.input_shape))
            .expect("the same number of values")
    }
}
