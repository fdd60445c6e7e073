//! Weight initialisation as in Keras: `glorot_uniform` kernels, `W ~ U(−limit, limit)` with
//! `limit = sqrt(6 / (fan_in + fan_out))`, and zero biases. Dense `[in, out]`: fan_in = in,
//! fan_out = out. Conv1D `[K, C_in, F]`: fan_in = K·C_in, fan_out = K·F.
//!
//! The generator is ChaCha8 (`rand_chacha`), whose stream is fixed by its specification, so a seed
//! gives the same weights natively and in the browser, today and after a crate upgrade.

use ndarray::{ArrayD, IxDyn};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The seeded generator every random choice of the engine uses.
pub type SeededRng = ChaCha8Rng;

/// A generator from `seed`.
pub fn seeded_rng(seed: u64) -> SeededRng {
    ChaCha8Rng::seed_from_u64(seed)
}

/// Glorot's limit `sqrt(6 / (fan_in + fan_out))`.
pub fn glorot_limit(fan_in: usize, fan_out: usize) -> f64 {
    (6.0 / (fan_in + fan_out) as f64).sqrt()
}

/// A tensor of `shape` drawn from `U(−limit, limit)` with Glorot's limit.
pub fn glorot_uniform(
    shape: &[usize],
    fan_in: usize,
    fan_out: usize,
    rng: &mut SeededRng,
) -> ArrayD<f32> {
    let limit = glorot_limit(fan_in, fan_out) as f32;
    ArrayD::from_shape_simple_fn(IxDyn(shape), || rng.random_range(-limit..limit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keras_limits_of_the_seed_model() {
        // fixtures/layers.json, initializers.seed_model_limits.
        assert!((glorot_limit(5 * 4, 5 * 10) - 0.29277002188455997).abs() < 1e-15);
        assert!((glorot_limit(50, 2) - 0.3396831102433787).abs() < 1e-15);
        assert!((glorot_limit(40, 2) - 0.3779644730092272).abs() < 1e-15);
    }

    #[test]
    fn same_seed_same_weights_and_within_the_limit() {
        let a = glorot_uniform(&[5, 4, 10], 20, 50, &mut seeded_rng(7));
        let b = glorot_uniform(&[5, 4, 10], 20, 50, &mut seeded_rng(7));
        assert_eq!(a, b);
        let limit = glorot_limit(20, 50) as f32;
        assert!(a.iter().all(|w| w.abs() <= limit));
        assert_ne!(a, glorot_uniform(&[5, 4, 10], 20, 50, &mut seeded_rng(8)));
    }
}
