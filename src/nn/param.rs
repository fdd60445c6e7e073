//! A trainable parameter: its value and the gradient the last backward pass left for it.

use ndarray::{ArrayD, IxDyn};

/// One weight tensor (a kernel or a bias) with its gradient of the same shape.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// Keras-style name within its layer: `kernel` or `bias`.
    pub name: &'static str,
    /// The current values.
    pub value: ArrayD<f32>,
    /// d loss / d value from the last backward pass (zeros before any).
    pub grad: ArrayD<f32>,
}

impl Param {
    /// A parameter holding `value`, with a zero gradient.
    pub fn new(name: &'static str, value: ArrayD<f32>) -> Param {
        let grad = ArrayD::zeros(value.raw_dim());
        Param { name, value, grad }
    }

    /// A zero-filled parameter of `shape` (biases start like this).
    pub fn zeros(name: &'static str, shape: &[usize]) -> Param {
        Param::new(name, ArrayD::zeros(IxDyn(shape)))
    }

    /// Number of scalars.
    pub fn len(&self) -> usize {
        self.value.len()
    }

    /// Whether the parameter holds no scalar.
    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }
}
