//! Softmax and categorical cross-entropy for one sample, computed by the engine:
//! `pⱼ = e^{zⱼ} / Σₖ e^{zₖ}`, `L = −Σⱼ yⱼ ln pⱼ`, which a one-hot target reduces to `−ln p_target`;
//! its gradient with respect to the logits is `p − y`.
//!
//! The lecture's worked example: `p = [0.7, 0.1, 0.2]`, target class 0 → `L = −ln 0.7 = 0.3567`
//! (the material prints 0.3566, a truncation). The pitfall (`fixtures/README.md`, "Loss
//! semantics"): a `Dense(sigmoid)` output with categorical cross-entropy is computed by today's Keras
//! as the softmax cross-entropy of the pre-sigmoid logits, while 2020-era tf.keras normalised and
//! clipped the sigmoid outputs — two different numbers for the same model.

use crate::nn::Activation;
use crate::nn::loss::{categorical_crossentropy, softmax_cross_entropy_with_logits};
use ndarray::{Array2, ArrayD, IxDyn};

/// The lecture's probabilities (LECTURE.md item 5).
pub const LECTURE_PROBABILITIES: [f64; 3] = [0.7, 0.1, 0.2];

/// Everything the softmax lesson shows for one set of logits and a target class.
#[derive(Clone, Debug, PartialEq)]
pub struct SoftmaxExample {
    /// The logits `z`, `[K]`.
    pub logits: Vec<f32>,
    /// `softmax(z)`, `[K]`.
    pub probabilities: Vec<f32>,
    /// The one-hot target, `[K]`.
    pub target: Vec<f32>,
    /// Each class's term `−yⱼ ln pⱼ` (zero except the target's), `[K]`.
    pub terms: Vec<f32>,
    /// The loss, `Σ terms` (the engine's softmax cross-entropy).
    pub loss: f32,
    /// `dL/dz = p − y`, `[K]`.
    pub gradient: Vec<f32>,
    /// The pitfall: `sigmoid(z)`, `[K]` (need not sum to 1).
    pub sigmoid_outputs: Vec<f32>,
    /// The pitfall: the 2020-era loss, sigmoid outputs normalised and clipped.
    pub classic_loss: f32,
}

/// The softmax example for `logits` (`[K]`, K ≥ 2) and target class `target` (< K).
///
/// # Panics
/// If `target` is not a class.
pub fn example(logits: &[f32], target: usize) -> SoftmaxExample {
    let k = logits.len();
    assert!(target < k, "target {target} of {k} classes");
    let z = Array2::from_shape_vec((1, k), logits.to_vec()).expect("[1, K]");
    let y = Array2::from_shape_fn((1, k), |(_, j)| f32::from(j == target));
    let mut p = ArrayD::from_shape_vec(IxDyn(&[1, k]), logits.to_vec()).expect("[1, K]");
    Activation::Softmax.apply(&mut p);
    let mut s = p.clone();
    s.assign(&z);
    Activation::Sigmoid.apply(&mut s);
    let ce = softmax_cross_entropy_with_logits(z.view(), y.view());
    let sigmoid_outputs: Vec<f32> = s.iter().copied().collect();
    let s2 = Array2::from_shape_vec((1, k), sigmoid_outputs.clone()).expect("[1, K]");
    let classic = categorical_crossentropy(s2.view(), y.view());
    let probabilities: Vec<f32> = p.iter().copied().collect();
    let target_vec: Vec<f32> = y.iter().copied().collect();
    let terms = probabilities
        .iter()
        .zip(&target_vec)
        .map(|(&p, &y)| if y == 0.0 { 0.0 } else { -y * p.ln() })
        .collect();
    SoftmaxExample {
        logits: logits.to_vec(),
        probabilities,
        target: target_vec,
        terms,
        loss: ce.loss,
        gradient: ce.grad.iter().copied().collect(),
        sigmoid_outputs,
        classic_loss: classic.loss,
    }
}

/// Logits whose softmax is `probabilities` (`zⱼ = ln pⱼ`; any constant could be added).
pub fn logits_for(probabilities: &[f64]) -> Vec<f32> {
    probabilities.iter().map(|p| p.ln() as f32).collect()
}

/// The valid values of the softmax page's URL settings.
pub mod ranges {
    use crate::bounds::Bounds;

    /// The true class (three classes).
    pub const TARGET: Bounds<usize> = Bounds::new(0, 2);
    /// A logit the page accepts: e¹⁰ / e⁻¹⁰ already gives probabilities 0.99995 and 0.00005.
    pub const LOGIT: Bounds<f64> = Bounds::new(-10.0, 10.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lecture_example_gives_0_3567() {
        let e = example(&logits_for(&LECTURE_PROBABILITIES), 0);
        for (p, want) in e.probabilities.iter().zip(LECTURE_PROBABILITIES) {
            assert!((f64::from(*p) - want).abs() < 1e-6);
        }
        assert_eq!(format!("{:.4}", e.loss), "0.3567");
        assert!((f64::from(e.loss) + 0.7f64.ln()).abs() < 1e-6);
        // Only the true class's term survives.
        assert_eq!(e.terms[1], 0.0);
        assert_eq!(e.terms[2], 0.0);
        assert!((e.terms[0] - e.loss).abs() < 1e-6);
        // dL/dz = p − y.
        for j in 0..3 {
            assert!((e.gradient[j] - (e.probabilities[j] - e.target[j])).abs() < 1e-6);
        }
    }

    #[test]
    fn the_sigmoid_pitfall_gives_two_different_losses() {
        let e = example(&[2.0, -1.0], 0);
        // softmax CE of the logits: ln(1 + e^(−3)).
        assert!((f64::from(e.loss) - (1.0 + (-3.0f64).exp()).ln()).abs() < 1e-6);
        // classic: normalise the sigmoid outputs, −ln(σ(2) / (σ(2) + σ(−1))).
        let (a, b) = (1.0 / (1.0 + (-2.0f64).exp()), 1.0 / (1.0 + 1.0f64.exp()));
        assert!((f64::from(e.classic_loss) + (a / (a + b)).ln()).abs() < 1e-6);
        assert!((e.loss - e.classic_loss).abs() > 0.1);
    }
}
