//! Finite-difference gradient checking, shared by every layer's and loss's tests.
//!
//! `∂f/∂x_i ≈ (f(x + h·e_i) − f(x − h·e_i)) / 2h` (central differences: error O(h²)). The engine is
//! float32, so `f` should accumulate in f64 and `h` should not be tiny (1e-2 suits inputs of order
//! 1: rounding error ≈ 1e-7·|f|/h stays far below the tolerance).

use ndarray::ArrayD;

/// The numerical gradient of the scalar `f` at `x`.
///
/// # Shapes
/// `x`: any shape → the same shape.
pub fn numeric_gradient(
    x: &ArrayD<f32>,
    h: f32,
    mut f: impl FnMut(&ArrayD<f32>) -> f64,
) -> ArrayD<f64> {
    let mut probe = x.clone();
    let mut grad = ArrayD::zeros(x.raw_dim());
    for (i, g) in grad.iter_mut().enumerate() {
        let original = probe.as_slice_memory_order().expect("contiguous")[i];
        probe.as_slice_memory_order_mut().expect("contiguous")[i] = original + h;
        let up = f(&probe);
        probe.as_slice_memory_order_mut().expect("contiguous")[i] = original - h;
        let down = f(&probe);
        probe.as_slice_memory_order_mut().expect("contiguous")[i] = original;
        *g = (up - down) / (2.0 * f64::from(h));
    }
    grad
}

/// Asserts `|analytic − numeric| ≤ atol + rtol·|numeric|` everywhere, naming `what` and the worst
/// element otherwise.
///
/// # Panics
/// On a mismatch in shape or value.
pub fn assert_gradients_close(
    analytic: &ArrayD<f32>,
    numeric: &ArrayD<f64>,
    rtol: f64,
    atol: f64,
    what: &str,
) {
    assert_eq!(
        analytic.shape(),
        numeric.shape(),
        "{what}: gradient shapes differ"
    );
    for (i, (&a, &n)) in analytic.iter().zip(numeric.iter()).enumerate() {
        let a = f64::from(a);
        assert!(
            (a - n).abs() <= atol + rtol * n.abs(),
            "{what}: element {i}: analytic {a} vs finite-difference {n}"
        );
    }
}

/// `Σ output ⊙ weights` in f64: the scalar whose gradient w.r.t. `output` is `weights` (the fixtures'
/// "upstream" loss).
pub fn weighted_sum(output: &ArrayD<f32>, weights: &ArrayD<f32>) -> f64 {
    output
        .iter()
        .zip(weights.iter())
        .map(|(&o, &w)| f64::from(o) * f64::from(w))
        .sum()
}
