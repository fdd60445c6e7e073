//! Losses as free functions returning the loss and its gradient, with Keras's semantics
//! (`fixtures/README.md`, "Loss semantics"). Every loss is the mean over the batch of per-sample
//! losses, so every gradient carries a `1 / B`.
//!
//! | function | per-sample loss | gradient |
//! | --- | --- | --- |
//! | [`softmax_cross_entropy_with_logits`] | `−Σ_j y_j log softmax(z)_j` | `(softmax(z)·Σ_j y_j − y) / B` w.r.t. `z` |
//! | [`categorical_crossentropy`] (probabilities) | `−Σ_j y_j log clip(p_j / Σ_k p_k)` | through the clip and the normalisation |
//! | [`sigmoid_cross_entropy_with_logits`] | `mean_j max(z,0) − z y + log(1 + e^−|z|)` | `(σ(z) − y) / (B·K)` w.r.t. `z` |
//! | [`binary_crossentropy`] (probabilities) | `mean_j −(y log q + (1−y) log(1−q))`, `q = clip(p)` | through the clip |
//! | [`mean_squared_error`] | `mean_j (y_j − p_j)²` | `2 (p − y) / (B·K)` |
//!
//! The clip is `[1e-7, 1 − 1e-7]` (Keras's epsilon); its gradient passes inside the interval
//! (bounds included) and is 0 outside.
//!
//! Which one a model uses is decided in [`crate::nn::model`]: current Keras computes
//! categorical cross-entropy on a sigmoid or softmax output layer from the layer's logits (the
//! first row of the table), while the 2020-era path normalised and clipped the sigmoid outputs
//! (the second row).

use super::activation::sigmoid;
use ndarray::{Array1, Array2, ArrayView2, Axis, Zip};

/// Keras's `epsilon()`, the clip margin of probability-space losses.
pub const EPSILON: f32 = 1e-7;

/// A loss value with its per-sample parts and gradient.
#[derive(Clone, Debug, PartialEq)]
pub struct LossOutput {
    /// Mean of `per_sample`.
    pub loss: f32,
    /// One loss per row of the batch, `[B]`.
    pub per_sample: Array1<f32>,
    /// d loss / d (the predictions or logits the function took), `[B, K]`.
    pub grad: Array2<f32>,
}

fn finish(per_sample: Array1<f32>, grad: Array2<f32>) -> LossOutput {
    let loss = per_sample.mean().unwrap_or(0.0);
    LossOutput {
        loss,
        per_sample,
        grad,
    }
}

fn check_shapes(predictions: &ArrayView2<f32>, targets: &ArrayView2<f32>) {
    assert_eq!(
        predictions.dim(),
        targets.dim(),
        "loss: predictions {:?} and targets {:?} differ in shape",
        predictions.dim(),
        targets.dim()
    );
}

/// Categorical cross-entropy from logits (softmax inside, no clipping).
///
/// # Shapes
/// `logits`, `targets`: `[B, K]`; gradient w.r.t. `logits`.
pub fn softmax_cross_entropy_with_logits(
    logits: ArrayView2<f32>,
    targets: ArrayView2<f32>,
) -> LossOutput {
    check_shapes(&logits, &targets);
    let batch = logits.nrows() as f32;
    let mut grad = Array2::zeros(logits.raw_dim());
    let mut per_sample = Array1::zeros(logits.nrows());
    for (((z, y), mut g), loss) in logits
        .rows()
        .into_iter()
        .zip(targets.rows())
        .zip(grad.rows_mut())
        .zip(&mut per_sample)
    {
        let max = z.fold(f32::NEG_INFINITY, |m, &v| m.max(v));
        let log_sum = z.iter().map(|&v| (v - max).exp()).sum::<f32>().ln() + max;
        let y_sum: f32 = y.sum();
        *loss = -y
            .iter()
            .zip(z.iter())
            .map(|(&y, &z)| y * (z - log_sum))
            .sum::<f32>();
        Zip::from(&mut g)
            .and(&z)
            .and(&y)
            .for_each(|g, &z, &y| *g = ((z - log_sum).exp() * y_sum - y) / batch);
    }
    finish(per_sample, grad)
}

/// Categorical cross-entropy on probabilities (Keras's path for a plain tensor): normalise each
/// row to sum 1, clip to `[ε, 1 − ε]`, then `−Σ y log q`.
///
/// # Shapes
/// `predictions`, `targets`: `[B, K]`; gradient w.r.t. `predictions`.
pub fn categorical_crossentropy(
    predictions: ArrayView2<f32>,
    targets: ArrayView2<f32>,
) -> LossOutput {
    check_shapes(&predictions, &targets);
    let batch = predictions.nrows() as f32;
    let mut grad = Array2::zeros(predictions.raw_dim());
    let mut per_sample = Array1::zeros(predictions.nrows());
    for (((p, y), mut g), loss) in predictions
        .rows()
        .into_iter()
        .zip(targets.rows())
        .zip(grad.rows_mut())
        .zip(&mut per_sample)
    {
        let sum: f32 = p.sum();
        let q = p.mapv(|v| v / sum);
        // d loss / d q_j = −y_j / clip(q_j), zero where the clip is active.
        let dq = Zip::from(&q).and(&y).map_collect(|&q, &y| {
            if (EPSILON..=1.0 - EPSILON).contains(&q) {
                -y / q
            } else {
                0.0
            }
        });
        *loss = -Zip::from(&q).and(&y).fold(0.0, |acc, &q, &y| {
            acc + y * q.clamp(EPSILON, 1.0 - EPSILON).ln()
        });
        // q_j = p_j / S  ⇒  d loss / d p_k = (dq_k − Σ_j dq_j q_j) / S
        let dot: f32 = dq.iter().zip(q.iter()).map(|(d, q)| d * q).sum();
        Zip::from(&mut g)
            .and(&dq)
            .for_each(|g, &d| *g = (d - dot) / sum / batch);
    }
    finish(per_sample, grad)
}

/// Binary cross-entropy from logits: `max(z, 0) − z·y + log(1 + e^−|z|)`, mean over the last axis.
///
/// # Shapes
/// `logits`, `targets`: `[B, K]`; gradient w.r.t. `logits`.
pub fn sigmoid_cross_entropy_with_logits(
    logits: ArrayView2<f32>,
    targets: ArrayView2<f32>,
) -> LossOutput {
    check_shapes(&logits, &targets);
    let (batch, k) = (logits.nrows() as f32, logits.ncols() as f32);
    let elementwise = Zip::from(&logits)
        .and(&targets)
        .map_collect(|&z, &y| z.max(0.0) - z * y + (-z.abs()).exp().ln_1p());
    let grad = Zip::from(&logits)
        .and(&targets)
        .map_collect(|&z, &y| (sigmoid(z) - y) / (batch * k));
    finish(elementwise.mean_axis(Axis(1)).expect("K ≥ 1"), grad)
}

/// Binary cross-entropy on probabilities: `q = clip(p, ε, 1 − ε)`, `−(y log q + (1 − y) log(1 − q))`,
/// mean over the last axis.
///
/// # Shapes
/// `predictions`, `targets`: `[B, K]`; gradient w.r.t. `predictions`.
pub fn binary_crossentropy(predictions: ArrayView2<f32>, targets: ArrayView2<f32>) -> LossOutput {
    check_shapes(&predictions, &targets);
    let (batch, k) = (predictions.nrows() as f32, predictions.ncols() as f32);
    let elementwise = Zip::from(&predictions).and(&targets).map_collect(|&p, &y| {
        let q = p.clamp(EPSILON, 1.0 - EPSILON);
        -(y * q.ln() + (1.0 - y) * (1.0 - q).ln())
    });
    let grad = Zip::from(&predictions).and(&targets).map_collect(|&p, &y| {
        if (EPSILON..=1.0 - EPSILON).contains(&p) {
            (-y / p + (1.0 - y) / (1.0 - p)) / (batch * k)
        } else {
            0.0
        }
    });
    finish(elementwise.mean_axis(Axis(1)).expect("K ≥ 1"), grad)
}

/// Mean squared error: `mean_j (y_j − p_j)²` per sample.
///
/// # Shapes
/// `predictions`, `targets`: `[B, K]`; gradient w.r.t. `predictions`.
pub fn mean_squared_error(predictions: ArrayView2<f32>, targets: ArrayView2<f32>) -> LossOutput {
    check_shapes(&predictions, &targets);
    let (batch, k) = (predictions.nrows() as f32, predictions.ncols() as f32);
    let squared = Zip::from(&predictions)
        .and(&targets)
        .map_collect(|&p, &y| (y - p) * (y - p));
    let grad = Zip::from(&predictions)
        .and(&targets)
        .map_collect(|&p, &y| 2.0 * (p - y) / (batch * k));
    finish(squared.mean_axis(Axis(1)).expect("K ≥ 1"), grad)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn the_lecture_example_minus_ln_0_7() {
        // LECTURE.md item 5: softmax output [0.7, 0.1, 0.2], target class 0 → −ln 0.7 = 0.35667…
        let p = array![[0.7f32, 0.1, 0.2]];
        let y = array![[1.0f32, 0.0, 0.0]];
        let out = categorical_crossentropy(p.view(), y.view());
        assert!((out.loss - 0.356_674_94).abs() < 1e-6);
        // The same distribution as logits gives the same loss.
        let z = p.mapv(f32::ln);
        assert!(
            (softmax_cross_entropy_with_logits(z.view(), y.view()).loss - out.loss).abs() < 1e-6
        );
    }

    #[test]
    fn mse_by_hand() {
        let out = mean_squared_error(array![[1.0f32, 3.0]].view(), array![[0.0f32, 1.0]].view());
        assert_eq!(out.loss, 2.5);
        assert_eq!(out.grad, array![[1.0f32, 2.0]]);
    }

    #[test]
    #[should_panic(expected = "loss: predictions (1, 2) and targets (1, 3) differ in shape")]
    fn mismatched_shapes_panic_with_both() {
        mean_squared_error(
            array![[1.0f32, 3.0]].view(),
            array![[0.0f32, 1.0, 2.0]].view(),
        );
    }
}
