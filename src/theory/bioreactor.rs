//! Simulated bioreactor runs for the perceptron lesson: operating conditions (temperature, pH) →
//! protein yield, labelled high or low. Three seeded patterns: one a straight line separates, and
//! two it cannot (an optimal window, and an XOR-like checkerboard).
//!
//! Model inputs are the conditions scaled to about `[-1, 1]`: `x₁ = (T − 32.5) / 7.5`,
//! `x₂ = (pH − 7) / 1`, over `T ∈ [25, 40]` °C and `pH ∈ [6, 8]`.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Lowest and highest simulated temperature, °C.
pub const TEMPERATURE_RANGE: (f64, f64) = (25.0, 40.0);
/// Lowest and highest simulated pH.
pub const PH_RANGE: (f64, f64) = (6.0, 8.0);

/// How yield depends on the conditions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pattern {
    /// Cooler and more basic is better: a straight line separates high from low.
    Linear,
    /// Yield is high only near an optimum (about 32 °C, pH 7): a closed region.
    Window,
    /// High when exactly one of "warm" and "basic" holds: the XOR problem.
    Xor,
}

crate::choice!(Pattern {
    Linear => "linear",
    Window => "window",
    Xor => "xor",
});

/// One simulated run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Run {
    /// Temperature, °C.
    pub temperature: f64,
    /// pH.
    pub ph: f64,
    /// Protein yield, g/L.
    pub yield_g_per_l: f64,
    /// Whether the yield counts as high (≥ 2 g/L).
    pub high: bool,
}

impl Run {
    /// The model inputs `[x₁, x₂]` (see the module docs).
    pub fn inputs(&self) -> [f32; 2] {
        scale(self.temperature, self.ph)
    }
}

/// The model inputs for a temperature and pH.
pub fn scale(temperature: f64, ph: f64) -> [f32; 2] {
    [((temperature - 32.5) / 7.5) as f32, (ph - 7.0) as f32]
}

/// The yield threshold between low and high, g/L.
pub const HIGH_YIELD: f64 = 2.0;

/// `n` runs following `pattern`, conditions uniform over the ranges, with a little measurement
/// noise (so a few runs sit on the wrong side of the rule, as real data do).
pub fn simulate(pattern: Pattern, n: usize, seed: u64) -> Vec<Run> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..n)
        .map(|_| {
            let temperature = rng.random_range(TEMPERATURE_RANGE.0..TEMPERATURE_RANGE.1);
            let ph = rng.random_range(PH_RANGE.0..PH_RANGE.1);
            let [x1, x2] = scale(temperature, ph).map(f64::from);
            let score = match pattern {
                Pattern::Linear => 0.9 * x2 - x1 + 0.1,
                Pattern::Window => 0.55 - (x1 + 0.07).powi(2) - (x2 / 0.9).powi(2),
                Pattern::Xor => -4.0 * x1 * x2,
            };
            let noise = rng.random_range(-0.12..0.12);
            let yield_g_per_l = (HIGH_YIELD + 1.5 * (score + noise)).max(0.1);
            Run {
                temperature,
                ph,
                yield_g_per_l,
                high: yield_g_per_l >= HIGH_YIELD,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_seeded_in_range_and_both_classes_occur() {
        for &pattern in <Pattern as crate::choice::Choice>::ALL {
            let runs = simulate(pattern, 80, 1);
            assert_eq!(runs, simulate(pattern, 80, 1));
            assert_ne!(runs, simulate(pattern, 80, 2));
            let high = runs.iter().filter(|r| r.high).count();
            assert!((20..=60).contains(&high), "{pattern:?}: {high} high of 80");
            for r in &runs {
                assert!((25.0..40.0).contains(&r.temperature) && (6.0..8.0).contains(&r.ph));
                assert!(r.inputs().iter().all(|v| v.abs() <= 1.0));
            }
            assert_eq!(pattern.to_string().parse::<Pattern>(), Ok(pattern));
        }
    }
}
