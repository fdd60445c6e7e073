//! A trained model's best conditions ([`super::optimize::maximize`] on its predictions) and how
//! far they lie from the runs it learned from: the Euclidean distance to the nearest training run
//! in standardised units, `d = min_i ‖z(x) − z(x_i)‖`, against the largest distance from a
//! training run to its own nearest neighbour (the design's widest gap). Farther than that, or
//! outside the training runs' span of any condition, the model is extrapolating: its answer there
//! rests on no data.

use super::conditions::{COUNT, Conditions};
use super::optimize::{Best, SearchOptions, maximize, to_matrix};
use super::table::Scaling;
use crate::bounds::Bounds;
use ndarray::Array2;
use serde::{Deserialize, Serialize};

/// The best conditions according to a model, and how far they lie from its training runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    /// The conditions the model likes best, in the training matrix's column order and units.
    pub point: Vec<f64>,
    /// The titer it predicts there, mg/L.
    pub predicted: f64,
    /// The nearest training run (row of the training matrix).
    pub nearest_run: usize,
    /// Distance to it in standardised units.
    pub distance: f64,
    /// The training runs' largest distance to their own nearest neighbour.
    pub spacing: f64,
    /// Farther than `spacing` from every training run, or outside their span of a condition.
    pub extrapolating: bool,
}

impl Proposal {
    /// The point as the bioreactor's six conditions (`None` for a table of another width).
    pub fn conditions(&self) -> Option<Conditions> {
        let row: [f64; COUNT] = self.point.as_slice().try_into().ok()?;
        Some(Conditions::from_array(row))
    }
}

/// The nearest row of `training` to `row` and its distance, in `scaling`'s standardised units.
///
/// # Shapes
/// `training: [N, F]`, conditions in their own units.
pub fn nearest_run(row: &[f64], training: &Array2<f32>, scaling: &Scaling) -> (usize, f64) {
    let z = scaling.standardise_row(row);
    training
        .rows()
        .into_iter()
        .map(|r| {
            let other: Vec<f64> = r.iter().map(|&v| f64::from(v)).collect();
            let other = scaling.standardise_row(&other);
            z.iter()
                .zip(&other)
                .map(|(a, b)| (a - b).powi(2))
                .sum::<f64>()
                .sqrt()
        })
        .enumerate()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or((0, f64::INFINITY))
}

/// The largest distance from a training run to its nearest other training run (standardised).
///
/// # Shapes
/// `training: [N, F]`.
pub fn spacing(training: &Array2<f32>, scaling: &Scaling) -> f64 {
    let rows: Vec<Vec<f64>> = training
        .rows()
        .into_iter()
        .map(|r| scaling.standardise_row(&r.iter().map(|&v| f64::from(v)).collect::<Vec<_>>()))
        .collect();
    let distance = |a: &[f64], b: &[f64]| {
        a.iter()
            .zip(b)
            .map(|(x, y)| (x - y).powi(2))
            .sum::<f64>()
            .sqrt()
    };
    (0..rows.len())
        .map(|i| {
            (0..rows.len())
                .filter(|&j| j != i)
                .map(|j| distance(&rows[i], &rows[j]))
                .fold(f64::INFINITY, f64::min)
        })
        .filter(|d| d.is_finite())
        .fold(0.0, f64::max)
}

/// Searches `predict` (rows of conditions in their units → titers) for its best conditions within
/// `ranges` ([`SearchOptions::model`] with `seed`), and places the answer against the training
/// runs.
///
/// # Shapes
/// `training: [N, F]`, conditions in their own units; `ranges`: `F` ranges; the predictor
/// `[M, F]` → `M` titers.
pub fn propose(
    mut predict: impl FnMut(&Array2<f32>) -> Vec<f32>,
    training: &Array2<f32>,
    scaling: &Scaling,
    ranges: &[Bounds<f64>],
    seed: u64,
) -> Proposal {
    let best = maximize(
        |rows| {
            predict(&to_matrix(rows))
                .into_iter()
                .map(f64::from)
                .collect()
        },
        ranges,
        &SearchOptions::model(seed),
    );
    place(best, training, scaling)
}

/// A model's best point (found by [`maximize`] or a [`super::optimize::Search`]) placed against
/// its training runs: the nearest run, the distance to it, the design's spacing, and whether the
/// point lies outside what the runs cover.
///
/// # Shapes
/// `training: [N, F]`, conditions in their own units; `best.point`: `F` values.
pub fn place(best: Best, training: &Array2<f32>, scaling: &Scaling) -> Proposal {
    let row = best.point.clone();
    let (nearest_run, distance) = nearest_run(&row, training, scaling);
    let spacing = spacing(training, scaling);
    let outside = training
        .columns()
        .into_iter()
        .zip(&row)
        .any(|(column, &v)| {
            let (lo, hi) = column
                .iter()
                .fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), &x| {
                    (a.min(x), b.max(x))
                });
            (v as f32) < lo || (v as f32) > hi
        });
    Proposal {
        point: best.point,
        predicted: best.value,
        nearest_run,
        distance,
        spacing,
        extrapolating: outside || distance > spacing,
    }
}
