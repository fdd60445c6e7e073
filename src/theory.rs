//! The theory lessons' computations (lessons AI/ML/DL, perceptron, softmax, backpropagation, CNN
//! anatomy): small, exact examples built on the engine, so a page only shows what these return.
//!
//! - [`splits`]: a seeded train / validation / test assignment of rows.
//! - [`bioreactor`]: simulated bioreactor runs (temperature, pH → yield), three label patterns.
//! - [`neuron`]: one neuron's weighted sum and activation, step function included.
//! - [`plane`]: a single neuron or a one-hidden-layer network trained on the bioreactor plane by
//!   full-batch gradient descent with the engine.
//! - [`softmax`]: logits → softmax → cross-entropy, its gradient, and the sigmoid pitfall.
//! - [`backprop`]: a 2-2-1 network traced node by node, against the engine and finite differences.
//! - [`descent`]: gradient descent on a two-parameter loss surface, converging or diverging.
//! - [`conv_window`]: a Conv1D filter slid over a one-hot sequence, window by window.

pub mod backprop;
pub mod bioreactor;
pub mod conv_window;
pub mod descent;
pub mod neuron;
pub mod plane;
pub mod softmax;
pub mod splits;

use crate::nn::{LossConfig, Sequential, Sgd};
use ndarray::{Array2, ArrayD};

/// One full-batch gradient-descent step with the engine: forward, loss, backward, update. Returns
/// the loss before the update (non-finite if the model has diverged; then nothing is updated).
///
/// # Shapes
/// `inputs: [N, …input_shape]`, `targets: [N, K]`.
pub fn gradient_step(
    model: &mut Sequential,
    optimizer: &mut Sgd,
    loss: LossConfig,
    inputs: &ArrayD<f32>,
    targets: &Array2<f32>,
) -> f32 {
    let output = model.forward(inputs, true);
    let (out, from_logits) = loss.evaluate(model, &output, targets);
    if out.loss.is_finite() {
        model.backward(&out.grad.into_dyn(), from_logits);
        optimizer.step(&mut model.params_mut());
    }
    out.loss
}

/// The loss of `model` on `inputs` without training it.
///
/// # Shapes
/// `inputs: [N, …input_shape]`, `targets: [N, K]`.
pub fn loss_of(
    model: &mut Sequential,
    loss: LossConfig,
    inputs: &ArrayD<f32>,
    targets: &Array2<f32>,
) -> f32 {
    let output = model.forward(inputs, false);
    loss.evaluate(model, &output, targets).0.loss
}
