//! What a model says about each condition, given a batch predictor `f` (rows of conditions in
//! their own units → titers, mg/L):
//!
//! - Partial dependence of condition `k` (Friedman 2001): `PD_k(v) = 1/N · Σ_i f(x_i with
//!   x_ik = v)`, the titer averaged over the training runs with condition `k` set to `v` — the
//!   condition's effect with the others as they were run.
//! - A response surface: `f` on a grid of two conditions, every other condition held at chosen
//!   values.
//!
//! The same functions give the truth when `f` is the noiseless simulator ([`simulator`]), so the
//! page can draw what the model learned beside what it should have learned.

use super::conditions::{COUNT, Conditions};
use super::model::Params;
use super::simulate::titer;
use crate::bounds::Bounds;
use ndarray::Array2;
use serde::{Deserialize, Serialize};

/// `points` equally spaced values from `range.min` to `range.max` (the middle for one point).
pub fn grid(range: Bounds<f64>, points: usize) -> Vec<f64> {
    match points {
        0 => Vec::new(),
        1 => vec![(range.min + range.max) / 2.0],
        _ => (0..points)
            .map(|i| range.min + (range.max - range.min) * i as f64 / (points - 1) as f64)
            .collect(),
    }
}

/// The span of every column of `rows` (for a table that brings no ranges of its own).
///
/// # Shapes
/// `rows: [N, F]` → `F` ranges.
pub fn column_ranges(rows: &Array2<f32>) -> Vec<Bounds<f64>> {
    rows.columns()
        .into_iter()
        .map(|column| {
            let (lo, hi) = column
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
                    (a.min(f64::from(v)), b.max(f64::from(v)))
                });
            Bounds::new(lo, hi)
        })
        .collect()
}

/// One condition's partial-dependence curve.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Curve {
    /// The condition's column.
    pub column: usize,
    /// The values it was set to.
    pub values: Vec<f64>,
    /// The mean prediction at each value, mg/L.
    pub mean: Vec<f64>,
}

/// The rows [`partial_dependence`] predicts: `background` repeated once per value, `column` set
/// to the value (for a caller that predicts them in pieces, then calls [`Curve::from_predictions`]).
///
/// # Shapes
/// `background: [N, F]` → `[N·values, F]`.
///
/// # Panics
/// If `column` is not a column of `background` or it has no row.
pub fn partial_dependence_rows(
    background: &Array2<f32>,
    column: usize,
    values: &[f64],
) -> Array2<f32> {
    let (n, f) = background.dim();
    assert!(
        column < f && n > 0,
        "column {column} of a [{n}, {f}] background"
    );
    let mut rows = Array2::zeros((n * values.len(), f));
    for (g, &value) in values.iter().enumerate() {
        let mut block = rows.slice_mut(ndarray::s![g * n..(g + 1) * n, ..]);
        block.assign(background);
        block.column_mut(column).fill(value as f32);
    }
    rows
}

impl Curve {
    /// The curve from the predictions of [`partial_dependence_rows`] over `background_rows`
    /// background rows: the mean of each value's block.
    ///
    /// # Panics
    /// If `predicted` does not have `background_rows · values` values.
    pub fn from_predictions(
        column: usize,
        values: &[f64],
        background_rows: usize,
        predicted: &[f32],
    ) -> Curve {
        let n = background_rows;
        assert_eq!(predicted.len(), n * values.len(), "one prediction per row");
        let mean = (0..values.len())
            .map(|g| {
                predicted[g * n..(g + 1) * n]
                    .iter()
                    .map(|&v| f64::from(v))
                    .sum::<f64>()
                    / n.max(1) as f64
            })
            .collect();
        Curve {
            column,
            values: values.to_vec(),
            mean,
        }
    }
}

/// The partial dependence of `column` at `values`, averaged over the rows of `background`; one
/// call of `predict` with every `(value, row)` pair.
///
/// # Shapes
/// `background: [N, F]`; the predictor `[N·values, F]` → `N·values` titers.
///
/// # Panics
/// If `column` is not a column of `background` or it has no row.
pub fn partial_dependence(
    mut predict: impl FnMut(&Array2<f32>) -> Vec<f32>,
    background: &Array2<f32>,
    column: usize,
    values: &[f64],
) -> Curve {
    let rows = partial_dependence_rows(background, column, values);
    Curve::from_predictions(column, values, background.nrows(), &predict(&rows))
}

/// A model's (or the simulator's) titer over a grid of two conditions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Surface {
    /// The horizontal condition's column.
    pub x: usize,
    /// The vertical condition's column.
    pub y: usize,
    /// Its values (columns of `z`).
    pub x_values: Vec<f64>,
    /// Its values (rows of `z`).
    pub y_values: Vec<f64>,
    /// `z[j][i]`: the titer at `(x_values[i], y_values[j])`, mg/L.
    pub z: Vec<Vec<f64>>,
}

impl Surface {
    /// The highest titer on the grid and where: `(x value, y value, titer)`.
    pub fn peak(&self) -> (f64, f64, f64) {
        let mut best = (f64::NAN, f64::NAN, f64::NEG_INFINITY);
        for (j, row) in self.z.iter().enumerate() {
            for (i, &v) in row.iter().enumerate() {
                if v > best.2 {
                    best = (self.x_values[i], self.y_values[j], v);
                }
            }
        }
        best
    }
}

/// The rows [`response_surface`] predicts: `x_values × y_values` of columns `x` and `y` (x
/// fastest), every other column at `base`'s value.
///
/// # Shapes
/// `base`: `F` values → `[x_values·y_values, F]`.
///
/// # Panics
/// If `x` or `y` is not below `base.len()`.
pub fn surface_rows(
    base: &[f64],
    (x, x_values): (usize, &[f64]),
    (y, y_values): (usize, &[f64]),
) -> Array2<f32> {
    let f = base.len();
    assert!(x < f && y < f, "columns {x} and {y} of {f}");
    let (nx, ny) = (x_values.len(), y_values.len());
    Array2::from_shape_fn((nx * ny, f), |(r, k)| {
        let (j, i) = (r / nx.max(1), r % nx.max(1));
        (if k == x {
            x_values[i]
        } else if k == y {
            y_values[j]
        } else {
            base[k]
        }) as f32
    })
}

impl Surface {
    /// The surface from the predictions of [`surface_rows`].
    ///
    /// # Panics
    /// If `predicted` does not have `x_values · y_values` values.
    pub fn from_predictions(
        (x, x_values): (usize, &[f64]),
        (y, y_values): (usize, &[f64]),
        predicted: &[f32],
    ) -> Surface {
        let (nx, ny) = (x_values.len(), y_values.len());
        assert_eq!(predicted.len(), nx * ny, "one prediction per grid point");
        let z = (0..ny)
            .map(|j| (0..nx).map(|i| f64::from(predicted[j * nx + i])).collect())
            .collect();
        Surface {
            x,
            y,
            x_values: x_values.to_vec(),
            y_values: y_values.to_vec(),
            z,
        }
    }

    /// The lowest and highest titer on the grid.
    pub fn span(&self) -> (f64, f64) {
        self.z
            .iter()
            .flatten()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
                (lo.min(v), hi.max(v))
            })
    }
}

/// `predict` over `x_values × y_values` of columns `x` and `y`, every other column at `base`'s
/// value; one call of `predict`.
///
/// # Shapes
/// `base`: `F` values; the predictor `[x_values·y_values, F]` → as many titers.
///
/// # Panics
/// If `x` or `y` is not below `base.len()`.
pub fn response_surface(
    mut predict: impl FnMut(&Array2<f32>) -> Vec<f32>,
    base: &[f64],
    x: (usize, &[f64]),
    y: (usize, &[f64]),
) -> Surface {
    let rows = surface_rows(base, x, y);
    Surface::from_predictions(x, y, &predict(&rows))
}

/// The noiseless simulator as a predictor (rows of the six conditions → true titers): "the
/// truth" for [`partial_dependence`] and [`response_surface`].
///
/// # Shapes
/// `[N, 6]` → `N` titers.
///
/// # Panics
/// If the rows do not have six columns.
pub fn simulator(params: &Params) -> impl FnMut(&Array2<f32>) -> Vec<f32> + '_ {
    move |rows: &Array2<f32>| {
        assert_eq!(rows.ncols(), COUNT, "six conditions per row");
        rows.rows()
            .into_iter()
            .map(|r| {
                let row: [f64; COUNT] = std::array::from_fn(|k| f64::from(r[k]));
                titer(&Conditions::from_array(row), params) as f32
            })
            .collect()
    }
}
