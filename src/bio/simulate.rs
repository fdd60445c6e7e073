//! Simulated transcription-factor binding data (LECTURE.md item 12).
//!
//! Positive sequences carry a motif instance sampled column by column from the motif's PWM (each
//! column's probabilities), with uniform random flanks; negative sequences are uniform random bases.
//! The lecture plants CCGGAA in the middle of 20-nt sequences (7 + 6 + 7); a random position is
//! offered too (a CNN's filters slide, so it should not matter).
//!
//! Positives come first, then negatives, as in the lecture's `np.vstack`. The generator is ChaCha8
//! (not numpy's Mersenne Twister), so the sequences differ from the lecture's, but not their law.

use super::alphabet::{Base, Symbol, to_text};
use super::motif::{MotifError, Pfm, Pwm};
use crate::lang::{Lang, Particle, with_particle};
use ndarray::array;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// The lecture's motif matrix (rows A, C, G, T × 6 positions; consensus CCGGAA), as printed in the
/// material (`fixtures/seed_values.json`, `simulation.motif_pwm_rows_ACGT_raw`). Each column is
/// normalised to sum 1 before sampling.
pub fn lecture_motif() -> Pfm {
    Pfm::from_counts(array![
        [10.41, 22.86, 1.92, 1.55, 98.60, 86.66],
        [68.20, 65.25, 0.50, 0.35, 0.25, 2.57],
        [17.27, 8.30, 94.77, 97.32, 0.87, 0.00],
        [4.13, 3.59, 2.81, 0.78, 0.28, 10.77],
    ])
    .expect("a valid 4 × 6 matrix")
}

/// Probability given to a consensus letter when a motif is typed as a consensus string.
pub const CONSENSUS_WEIGHT: f64 = 0.85;

/// A motif from a consensus such as `CCGGAA`: each letter gets probability 0.85 and the other bases
/// 0.05 each; `N` is uniform.
///
/// # Errors
/// The [`MotifError`] of an empty or invalid consensus.
pub fn consensus_motif(consensus: &str) -> Result<Pfm, MotifError> {
    let symbols = super::alphabet::parse_sequence(consensus)
        .map_err(|error| MotifError::BadInstance { instance: 1, error })?;
    let other = (1.0 - CONSENSUS_WEIGHT) / 3.0;
    let counts = ndarray::Array2::from_shape_fn((4, symbols.len()), |(b, j)| match symbols[j] {
        Symbol::Base(base) if base.index() == b => CONSENSUS_WEIGHT,
        Symbol::Base(_) => other,
        Symbol::N => 0.25,
    });
    Pfm::from_counts(counts)
}

/// Where the motif goes in a positive sequence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// In the middle: start `(L − W) / 2` (the lecture: 7 for L = 20, W = 6).
    #[default]
    Center,
    /// Anywhere it fits, uniformly.
    Random,
}

crate::choice!(Placement {
    Center => "center",
    Random => "random",
});

/// The settings of a simulation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SimulationConfig {
    /// Sequence length `L` (lecture: 20).
    pub length: usize,
    /// Number of positive sequences (lecture: 1000).
    pub positives: usize,
    /// Number of negative sequences (lecture: 1000).
    pub negatives: usize,
    /// Where the motif is planted.
    pub placement: Placement,
    /// Seed of the generator.
    pub seed: u64,
}

impl Default for SimulationConfig {
    /// The lecture's settings with seed 0.
    fn default() -> SimulationConfig {
        SimulationConfig {
            length: 20,
            positives: 1000,
            negatives: 1000,
            placement: Placement::Center,
            seed: 0,
        }
    }
}

/// One simulated sequence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimulatedSequence {
    /// The bases.
    pub sequence: String,
    /// Whether it carries the motif (the lecture's label [1, 0]).
    pub positive: bool,
    /// 0-based start of the planted motif (positives only).
    pub motif_start: Option<usize>,
}

/// Why a simulation cannot run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SimulationError {
    /// The motif is wider than the sequences.
    MotifTooWide {
        /// Motif width.
        width: usize,
        /// Sequence length.
        length: usize,
    },
    /// No sequence requested, or more than [`MAX_SEQUENCES`].
    BadCount(usize),
}

/// The largest number of sequences a simulation makes (the browser keeps them all in memory).
pub const MAX_SEQUENCES: usize = 200_000;

impl SimulationError {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SimulationError::MotifTooWide { width, length } => lang.pick(
                format!("모티프 폭({width})이 서열 길이({length})보다 깁니다."),
                format!("The motif ({width} positions) is longer than the sequences ({length})."),
            ),
            SimulationError::BadCount(n) => lang.pick(
                format!(
                    "서열 수 {} 1 이상 {MAX_SEQUENCES} 이하여야 합니다.",
                    with_particle(&n.to_string(), Particle::Topic)
                ),
                format!("The number of sequences ({n}) must be between 1 and {MAX_SEQUENCES}."),
            ),
        }
    }
}

crate::message!(SimulationError);

fn sample(probabilities: [f64; 4], rng: &mut ChaCha8Rng) -> Base {
    let total: f64 = probabilities.iter().sum();
    let mut u = rng.random::<f64>() * total;
    for (b, p) in probabilities.into_iter().enumerate() {
        if u < p {
            return Base::from_index(b);
        }
        u -= p;
    }
    Base::from_index(probabilities.iter().rposition(|&p| p > 0.0).unwrap_or(3))
}

/// Simulates `config.positives` sequences with `motif` planted, then `config.negatives` without.
///
/// # Errors
/// [`SimulationError`] if the motif does not fit or the count is 0 or too large.
pub fn simulate(
    motif: &Pwm,
    config: &SimulationConfig,
) -> Result<Vec<SimulatedSequence>, SimulationError> {
    let (width, length) = (motif.width(), config.length);
    if width > length {
        return Err(SimulationError::MotifTooWide { width, length });
    }
    let total = config.positives + config.negatives;
    if total == 0 || total > MAX_SEQUENCES {
        return Err(SimulationError::BadCount(total));
    }
    let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
    let uniform = [0.25; 4];
    let mut out = Vec::with_capacity(total);
    for n in 0..total {
        let positive = n < config.positives;
        let start = positive.then(|| match config.placement {
            Placement::Center => (length - width) / 2,
            Placement::Random => rng.random_range(0..=length - width),
        });
        let symbols: Vec<Symbol> = (0..length)
            .map(|i| {
                let column = start
                    .filter(|&s| (s..s + width).contains(&i))
                    .map(|s| i - s);
                let probabilities = match column {
                    Some(j) => std::array::from_fn(|b| motif.probs()[[b, j]]),
                    None => uniform,
                };
                Symbol::Base(sample(probabilities, &mut rng))
            })
            .collect();
        out.push(SimulatedSequence {
            sequence: to_text(&symbols),
            positive,
            motif_start: start,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lecture_settings_plant_ccggaa_in_the_middle_of_most_positives() {
        let pwm = lecture_motif().normalize(0.0).unwrap();
        assert_eq!(pwm.consensus(), "CCGGAA");
        let data = simulate(&pwm, &SimulationConfig::default()).unwrap();
        assert_eq!(data.len(), 2000);
        assert!(
            data[..1000]
                .iter()
                .all(|s| s.positive && s.motif_start == Some(7))
        );
        assert!(
            data[1000..]
                .iter()
                .all(|s| !s.positive && s.motif_start.is_none())
        );
        let exact = data[..1000]
            .iter()
            .filter(|s| &s.sequence[7..13] == "CCGGAA")
            .count();
        // P(CCGGAA) = 0.682 · 0.6525 · 0.9477 · 0.9732 · 0.986 · 0.8666 ≈ 0.351 (the fixture's
        // pos_exact_CCGGAA_fraction is about 0.35 for numpy's draws too).
        assert!((300..400).contains(&exact), "{exact} exact instances");
        assert_eq!(
            data,
            simulate(&pwm, &SimulationConfig::default()).unwrap(),
            "seeded"
        );
    }

    #[test]
    fn random_placement_and_errors() {
        let pwm = consensus_motif("ACGT").unwrap().normalize(0.0).unwrap();
        let config = SimulationConfig {
            length: 8,
            positives: 50,
            negatives: 0,
            placement: Placement::Random,
            seed: 3,
        };
        let data = simulate(&pwm, &config).unwrap();
        let starts: std::collections::BTreeSet<_> =
            data.iter().filter_map(|s| s.motif_start).collect();
        assert!(starts.len() > 3 && starts.iter().all(|&s| s <= 4));
        let short = SimulationConfig {
            length: 3,
            ..config.clone()
        };
        assert_eq!(
            simulate(&pwm, &short),
            Err(SimulationError::MotifTooWide {
                width: 4,
                length: 3
            })
        );
        let none = SimulationConfig {
            positives: 0,
            ..config
        };
        assert_eq!(simulate(&pwm, &none), Err(SimulationError::BadCount(0)));
    }
}
