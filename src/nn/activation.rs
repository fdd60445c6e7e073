//! Activation functions, each written beside its derivative (`f` and `df`):
//!
//! | name | f(z) | f'(z), in terms of the output y where that is simpler |
//! | --- | --- | --- |
//! | linear | z | 1 |
//! | relu | max(z, 0) | 1 if z > 0 else 0 (Keras: relu'(0) = 0) |
//! | sigmoid | 1 / (1 + e^−z) | y (1 − y) |
//! | tanh | tanh z | 1 − y² |
//! | softmax (last axis) | e^z_i / Σ_j e^z_j | Jacobian diag(y) − y yᵀ, so g ↦ y ⊙ (g − Σ_j g_j y_j) |

use ndarray::{ArrayD, Axis, Zip};
use serde::{Deserialize, Serialize};

/// An elementwise (or, for softmax, last-axis) nonlinearity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Activation {
    /// The identity (Keras `linear`, the default).
    #[default]
    Linear,
    /// Rectified linear unit.
    Relu,
    /// Logistic sigmoid.
    Sigmoid,
    /// Hyperbolic tangent.
    Tanh,
    /// Softmax over the last axis.
    Softmax,
}

impl Activation {
    /// Keras's name of the activation.
    pub fn keras_name(self) -> &'static str {
        match self {
            Activation::Linear => "linear",
            Activation::Relu => "relu",
            Activation::Sigmoid => "sigmoid",
            Activation::Tanh => "tanh",
            Activation::Softmax => "softmax",
        }
    }

    /// Applies the activation in place: `z` becomes `f(z)`.
    ///
    /// # Shapes
    /// Any shape; softmax normalises along the last axis.
    pub fn apply(self, z: &mut ArrayD<f32>) {
        match self {
            Activation::Linear => {}
            Activation::Relu => z.mapv_inplace(|v| v.max(0.0)),
            Activation::Sigmoid => z.mapv_inplace(sigmoid),
            Activation::Tanh => z.mapv_inplace(f32::tanh),
            Activation::Softmax => {
                let last = Axis(z.ndim() - 1);
                for mut row in z.lanes_mut(last) {
                    let max = row.fold(f32::NEG_INFINITY, |m, &v| m.max(v));
                    row.mapv_inplace(|v| (v - max).exp());
                    let sum = row.sum();
                    row.mapv_inplace(|v| v / sum);
                }
            }
        }
    }

    /// Back through the activation: turns `grad` (d loss / d y) into d loss / d z, in place.
    /// `z` is the input and `y` the output of [`Activation::apply`].
    ///
    /// # Shapes
    /// `grad`, `z`, `y`: the same shape.
    pub fn backward(self, grad: &mut ArrayD<f32>, z: &ArrayD<f32>, y: &ArrayD<f32>) {
        match self {
            Activation::Linear => {}
            Activation::Relu => Zip::from(grad).and(z).for_each(|g, &z| {
                if z <= 0.0 {
                    *g = 0.0;
                }
            }),
            Activation::Sigmoid => Zip::from(grad).and(y).for_each(|g, &y| *g *= y * (1.0 - y)),
            Activation::Tanh => Zip::from(grad).and(y).for_each(|g, &y| *g *= 1.0 - y * y),
            Activation::Softmax => {
                let last = Axis(grad.ndim() - 1);
                for (mut g, y) in grad.lanes_mut(last).into_iter().zip(y.lanes(last)) {
                    let dot: f32 = g.iter().zip(y.iter()).map(|(g, y)| g * y).sum();
                    Zip::from(&mut g)
                        .and(&y)
                        .for_each(|g, &y| *g = y * (*g - dot));
                }
            }
        }
    }
}

/// The logistic sigmoid, computed without overflow for large |z|.
pub fn sigmoid(z: f32) -> f32 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn hand_checkable_values() {
        let mut z = array![[-1.0f32, 0.0, 2.0]].into_dyn();
        Activation::Relu.apply(&mut z);
        assert_eq!(z, array![[0.0f32, 0.0, 2.0]].into_dyn());
        let mut s = array![[0.0f32, 1000.0, -1000.0]].into_dyn();
        Activation::Sigmoid.apply(&mut s);
        assert_eq!(s, array![[0.5f32, 1.0, 0.0]].into_dyn());
        let mut p = array![[1.0f32, 1.0, 1.0, 1.0]].into_dyn();
        Activation::Softmax.apply(&mut p);
        assert!(p.iter().all(|&v| (v - 0.25).abs() < 1e-7));
    }

    #[test]
    fn relu_gradient_at_zero_is_zero_as_in_keras() {
        let z = array![[0.0f32, 1.0]].into_dyn();
        let mut y = z.clone();
        Activation::Relu.apply(&mut y);
        let mut g = array![[5.0f32, 5.0]].into_dyn();
        Activation::Relu.backward(&mut g, &z, &y);
        assert_eq!(g, array![[0.0f32, 5.0]].into_dyn());
    }
}
