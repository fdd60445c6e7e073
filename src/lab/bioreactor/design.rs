//! Designs of experiments: which conditions the `N` runs use, each condition within its range.
//!
//! - Random: every condition uniform in its range, independently.
//! - Full grid: `L_k` equally spaced levels of condition `k` (ends included; one level is the
//!   range's middle), every combination once, `N' = Π L_k`. The levels grow one condition at a
//!   time (2, 2, …, then 3, 3, …) and the grid closest to `N` is taken, so `N'` is only about
//!   `N` (20 → 16, 200 → 216, 2000 → 1728).
//! - Latin hypercube (McKay, Beckman & Conover 1979): every range cut into `N` equal strata, each
//!   stratum used by exactly one run per condition, a uniform point within it, the strata paired
//!   across conditions by independent random permutations. Every condition's range is covered
//!   evenly even with few runs.
//!
//! All three are seeded (ChaCha8); the grid's order is shuffled by the seed too.

use super::conditions::{COUNT, Conditions};
use crate::bounds::Bounds;
use crate::choice;
use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// How the runs' conditions are chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DesignKind {
    /// Independent uniform draws.
    Random,
    /// Every combination of a few levels per condition.
    Grid,
    /// A Latin hypercube.
    #[default]
    LatinHypercube,
}

choice!(DesignKind {
    LatinHypercube => "latin_hypercube",
    Random => "random",
    Grid => "grid",
});

/// The levels per condition of the full grid closest to `runs` runs (ties go to the smaller grid).
pub fn grid_levels(runs: usize) -> [usize; COUNT] {
    let mut levels = [1; COUNT];
    let mut best = levels;
    let count = |l: &[usize; COUNT]| l.iter().product::<usize>();
    loop {
        let k = (0..COUNT).min_by_key(|&k| (levels[k], k)).expect("six");
        levels[k] += 1;
        let (below, above) = (count(&best), count(&levels));
        if above >= runs {
            if above - runs < runs.saturating_sub(below) {
                best = levels;
            }
            return best;
        }
        best = levels;
    }
}

/// `levels` equally spaced values over `range` (the middle for one level).
fn spaced(range: Bounds<f64>, levels: usize) -> Vec<f64> {
    if levels <= 1 {
        return vec![(range.min + range.max) / 2.0];
    }
    (0..levels)
        .map(|i| range.min + (range.max - range.min) * i as f64 / (levels - 1) as f64)
        .collect()
}

/// The conditions of a design of `kind` with about `runs` runs (exactly `runs` but for the
/// grid), each condition within `ranges`, from `seed`.
pub fn design(
    kind: DesignKind,
    runs: usize,
    ranges: &[Bounds<f64>; COUNT],
    seed: u64,
) -> Vec<Conditions> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let within = |range: &Bounds<f64>, u: f64| range.min + (range.max - range.min) * u;
    match kind {
        DesignKind::Random => (0..runs)
            .map(|_| {
                let mut row = [0.0; COUNT];
                for (value, range) in row.iter_mut().zip(ranges) {
                    *value = within(range, rng.random::<f64>());
                }
                Conditions::from_array(row)
            })
            .collect(),
        DesignKind::LatinHypercube => {
            let mut rows = vec![[0.0; COUNT]; runs];
            for (k, range) in ranges.iter().enumerate() {
                let mut strata: Vec<usize> = (0..runs).collect();
                strata.shuffle(&mut rng);
                for (row, stratum) in rows.iter_mut().zip(strata) {
                    let u = (stratum as f64 + rng.random::<f64>()) / runs as f64;
                    row[k] = within(range, u);
                }
            }
            rows.into_iter().map(Conditions::from_array).collect()
        }
        DesignKind::Grid => {
            let levels = grid_levels(runs);
            let values: Vec<Vec<f64>> = ranges
                .iter()
                .zip(levels)
                .map(|(range, l)| spaced(*range, l))
                .collect();
            let total: usize = levels.iter().product();
            let mut rows: Vec<Conditions> = (0..total)
                .map(|mut index| {
                    let mut row = [0.0; COUNT];
                    for k in (0..COUNT).rev() {
                        row[k] = values[k][index % levels[k]];
                        index /= levels[k];
                    }
                    Conditions::from_array(row)
                })
                .collect();
            rows.shuffle(&mut rng);
            rows
        }
    }
}
