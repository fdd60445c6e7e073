//! Searching for the best conditions within the ranges: `argmax_x f(x)` for the simulator (the
//! true optimum) or for a trained model (the proposal).
//!
//! Start points (a grid or seeded random draws), then from the best few a compass search: try
//! `x ± δ_k` along every condition, move to the best improvement, halve the steps when none
//! improves, stop when every step is below `tolerance` × its range. Every round is one batch of
//! evaluations, so a model predicts many points per call.
//!
//! A model's best conditions, placed against its training runs, are a [`super::proposal`].

use super::conditions::{COUNT, Conditions};
use super::model::Params;
use super::simulate::titer;
use crate::bounds::Bounds;
use ndarray::Array2;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// How the search starts and when it stops.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchOptions {
    /// Start points: `Some(levels)` for a full grid of `levels⁶`, `None` for `draws` seeded
    /// random points.
    pub grid_levels: Option<usize>,
    /// Random start points when there is no grid.
    pub draws: usize,
    /// The best start points refined by the compass search.
    pub restarts: usize,
    /// Stop when every step is below this fraction of its range.
    pub tolerance: f64,
    /// Seed of the random start points.
    pub seed: u64,
}

impl SearchOptions {
    /// For the simulator's true optimum: a 4-level grid (4,096 runs), the best 6 refined to
    /// 1e-4 of each range.
    pub const TRUTH: SearchOptions = SearchOptions {
        grid_levels: Some(4),
        draws: 0,
        restarts: 6,
        tolerance: 1e-4,
        seed: 0,
    };

    /// For a model: 2,000 seeded random points, the best 8 refined to 1e-4 of each range.
    pub fn model(seed: u64) -> SearchOptions {
        SearchOptions {
            grid_levels: None,
            draws: 2000,
            restarts: 8,
            tolerance: 1e-4,
            seed,
        }
    }
}

/// The best point found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Best {
    /// Its coordinates (conditions in their units).
    pub point: Vec<f64>,
    /// The function's value there (mg/L for titers).
    pub value: f64,
    /// How many points were evaluated.
    pub evaluations: usize,
}

impl Best {
    /// The point as the bioreactor's six conditions.
    ///
    /// # Panics
    /// If the point does not have six coordinates.
    pub fn conditions(&self) -> Conditions {
        Conditions::from_array(self.point.as_slice().try_into().expect("six conditions"))
    }
}

fn start_points(ranges: &[Bounds<f64>], options: &SearchOptions) -> Vec<Vec<f64>> {
    let at = |range: &Bounds<f64>, u: f64| range.min + (range.max - range.min) * u;
    let width = ranges.len();
    match options.grid_levels {
        Some(levels) => {
            let levels = levels.max(1);
            let u = |i: usize| {
                if levels == 1 {
                    0.5
                } else {
                    i as f64 / (levels - 1) as f64
                }
            };
            let count = levels.saturating_pow(width as u32);
            (0..count)
                .map(|mut index| {
                    ranges
                        .iter()
                        .map(|range| {
                            let value = at(range, u(index % levels));
                            index /= levels;
                            value
                        })
                        .collect()
                })
                .collect()
        }
        None => {
            let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
            (0..options.draws.max(1))
                .map(|_| {
                    ranges
                        .iter()
                        .map(|range| at(range, rng.random::<f64>()))
                        .collect()
                })
                .collect()
        }
    }
}

/// One refined start of a [`Search`]: where it is, its value and its current steps.
#[derive(Clone, Debug, PartialEq)]
struct Climb {
    point: Vec<f64>,
    value: f64,
    steps: Vec<f64>,
}

/// Where a [`Search`] stands.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
    /// The start points are to be evaluated.
    Starts,
    /// The compass trials of the climbs in `active` are to be evaluated.
    Trials {
        /// Indices of the climbs still moving.
        active: Vec<usize>,
    },
    /// Finished.
    Done,
}

/// [`maximize`] one batch at a time, for a caller that evaluates the batch in pieces (a page
/// running the simulator in short tasks): [`Search::points`] is the batch to evaluate,
/// [`Search::answer`] takes its values and prepares the next, until [`Search::is_done`].
#[derive(Clone, Debug, PartialEq)]
pub struct Search {
    ranges: Vec<Bounds<f64>>,
    options: SearchOptions,
    width: Vec<f64>,
    stage: Stage,
    points: Vec<Vec<f64>>,
    climbs: Vec<Climb>,
    evaluations: usize,
    rounds: usize,
}

/// The most compass rounds a search takes (the steps halve long before).
const MAX_ROUNDS: usize = 1000;

impl Search {
    /// A search within `ranges` (one per coordinate) starting as `options` say.
    ///
    /// # Panics
    /// If `ranges` is empty, or a grid start would have more than 100,000 points.
    pub fn new(ranges: &[Bounds<f64>], options: &SearchOptions) -> Search {
        let dims = ranges.len();
        assert!(dims > 0, "nothing to search");
        if let Some(levels) = options.grid_levels {
            assert!(
                levels
                    .max(1)
                    .checked_pow(dims as u32)
                    .is_some_and(|n| n <= 100_000),
                "a grid of {levels}^{dims} start points"
            );
        }
        Search {
            ranges: ranges.to_vec(),
            options: *options,
            width: ranges.iter().map(|r| r.max - r.min).collect(),
            stage: Stage::Starts,
            points: start_points(ranges, options),
            climbs: Vec::new(),
            evaluations: 0,
            rounds: 0,
        }
    }

    /// The points to evaluate next (empty once done).
    pub fn points(&self) -> &[Vec<f64>] {
        &self.points
    }

    /// Whether the search has finished.
    pub fn is_done(&self) -> bool {
        self.stage == Stage::Done
    }

    /// How many points have been evaluated so far.
    pub fn evaluations(&self) -> usize {
        self.evaluations
    }

    /// Takes the values of [`Search::points`] (in order) and prepares the next batch: the best
    /// start points become climbs; each climb moves to its best trial if that improves on it, else
    /// halves its steps; a climb whose every step is below the tolerance stops.
    ///
    /// # Panics
    /// If `values` does not have one value per point.
    pub fn answer(&mut self, values: &[f64]) {
        assert_eq!(values.len(), self.points.len(), "one value per point");
        self.evaluations += values.len();
        let dims = self.ranges.len();
        match std::mem::replace(&mut self.stage, Stage::Done) {
            Stage::Done => return,
            Stage::Starts => {
                let mut order: Vec<usize> = (0..values.len()).collect();
                order.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
                self.climbs = order
                    .iter()
                    .take(self.options.restarts.max(1))
                    .map(|&i| Climb {
                        point: self.points[i].clone(),
                        value: values[i],
                        steps: self.width.iter().map(|w| w / 10.0).collect(),
                    })
                    .collect();
            }
            Stage::Trials { active } => {
                for (a, &c) in active.iter().enumerate() {
                    let block = &values[a * 2 * dims..(a + 1) * 2 * dims];
                    let (best, &value) = block
                        .iter()
                        .enumerate()
                        .max_by(|x, y| x.1.total_cmp(y.1).then(y.0.cmp(&x.0)))
                        .expect("two trials per coordinate");
                    let climb = &mut self.climbs[c];
                    if value > climb.value {
                        climb.point = self.points[a * 2 * dims + best].clone();
                        climb.value = value;
                    } else {
                        for step in climb.steps.iter_mut() {
                            *step /= 2.0;
                        }
                    }
                }
                self.rounds += 1;
            }
        }
        self.next_trials();
    }

    /// The compass trials `x ± δ_k` of every climb still moving (or the end).
    fn next_trials(&mut self) {
        let tolerance = self.options.tolerance;
        let done = |steps: &[f64]| {
            steps
                .iter()
                .zip(&self.width)
                .all(|(s, w)| *s <= tolerance * w)
        };
        let active: Vec<usize> = (0..self.climbs.len())
            .filter(|&c| !done(&self.climbs[c].steps))
            .collect();
        self.points.clear();
        if active.is_empty() || self.rounds >= MAX_ROUNDS {
            return;
        }
        for &c in &active {
            let Climb { point, steps, .. } = &self.climbs[c];
            for k in 0..self.ranges.len() {
                for sign in [1.0, -1.0] {
                    let mut trial = point.clone();
                    trial[k] = self.ranges[k].clamp(point[k] + sign * steps[k]);
                    self.points.push(trial);
                }
            }
        }
        self.stage = Stage::Trials { active };
    }

    /// The best point found so far (`None` before the start points are evaluated).
    pub fn best(&self) -> Option<Best> {
        self.climbs
            .iter()
            .max_by(|a, b| a.value.total_cmp(&b.value))
            .map(|c| Best {
                point: c.point.clone(),
                value: c.value,
                evaluations: self.evaluations,
            })
    }
}

/// Maximises `f` (rows of points → values, one batch per call) within `ranges` (one per
/// coordinate): a [`Search`] run to its end.
///
/// # Panics
/// If `ranges` is empty, or a grid start would have more than 100,000 points.
pub fn maximize(
    mut f: impl FnMut(&[Vec<f64>]) -> Vec<f64>,
    ranges: &[Bounds<f64>],
    options: &SearchOptions,
) -> Best {
    let mut search = Search::new(ranges, options);
    while !search.is_done() {
        let values = f(search.points());
        search.answer(&values);
    }
    search.best().expect("at least one start")
}

/// The simulator's best harvest titer within `ranges` and where it is: [`maximize`] on the
/// noiseless simulator with [`SearchOptions::TRUTH`].
pub fn true_optimum(params: &Params, ranges: &[Bounds<f64>; COUNT]) -> Best {
    true_optimum_with(params, ranges, &SearchOptions::TRUTH)
}

/// [`true_optimum`] with other search options (fewer start points on a slow device).
pub fn true_optimum_with(
    params: &Params,
    ranges: &[Bounds<f64>; COUNT],
    options: &SearchOptions,
) -> Best {
    maximize(
        |rows| {
            rows.iter()
                .map(|row| {
                    let row: [f64; COUNT] = row.as_slice().try_into().expect("six conditions");
                    titer(&Conditions::from_array(row), params)
                })
                .collect()
        },
        ranges,
        options,
    )
}

/// Rows of points as the `[N, F]` matrix a predictor takes.
///
/// # Shapes
/// `N` rows of `F` → `[N, F]`.
pub fn to_matrix(rows: &[Vec<f64>]) -> Array2<f32> {
    let width = rows.first().map_or(0, Vec::len);
    Array2::from_shape_fn((rows.len(), width), |(i, k)| rows[i][k] as f32)
}
