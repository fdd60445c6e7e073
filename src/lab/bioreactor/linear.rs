//! Ordinary least squares in closed form, the baseline the network is compared with:
//!
//! `ŷ = b₀ + Σ_k b_k·x_k`, fitted on standardised features `z_k = (x_k − x̄_k) / s_k`: the
//! normal equations `(ZᵀZ + λ·N·I)·w = Zᵀ(y − ȳ)` solved by Cholesky, intercept `ȳ`, with a tiny
//! ridge `λ` = [`RIDGE`] so a constant or duplicated column cannot make the system singular
//! (it changes a well-posed fit by about `λ`, relative). Back in the conditions' units:
//! `b_k = w_k / s_k`, `b₀ = ȳ − Σ_k b_k·x̄_k`.
//!
//! A plane cannot bend: a titer with its optimum inside every range is not linear in the
//! conditions, so this model's test r² stays well below the network's.

use ndarray::Array2;
use serde::{Deserialize, Serialize};

/// The ridge `λ` of the normal equations (relative to `N`).
pub const RIDGE: f64 = 1e-8;

/// A fitted plane.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinearFit {
    /// `b₀`, in the target's unit.
    pub intercept: f64,
    /// `b_k`: target change per unit of feature `k`.
    pub coefficients: Vec<f64>,
    /// `w_k`: target change per standard deviation of feature `k` (comparable across features).
    pub standardised: Vec<f64>,
    /// `x̄_k` of the fitted rows.
    pub means: Vec<f64>,
    /// `s_k` of the fitted rows (1 for a constant feature).
    pub sds: Vec<f64>,
}

/// Solves `a·x = b` for a symmetric positive definite `a` (Cholesky `a = L·Lᵀ`, then two
/// triangular solves); `None` if `a` is not positive definite.
fn cholesky_solve(a: &[Vec<f64>], b: &[f64]) -> Option<Vec<f64>> {
    let n = b.len();
    let mut l = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..=i {
            let sum: f64 = (0..j).map(|k| l[i][k] * l[j][k]).sum();
            if i == j {
                let d = a[i][i] - sum;
                if d <= 0.0 || !d.is_finite() {
                    return None;
                }
                l[i][i] = d.sqrt();
            } else {
                l[i][j] = (a[i][j] - sum) / l[j][j];
            }
        }
    }
    let mut y = vec![0.0; n];
    for i in 0..n {
        y[i] = (b[i] - (0..i).map(|k| l[i][k] * y[k]).sum::<f64>()) / l[i][i];
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        x[i] = (y[i] - (i + 1..n).map(|k| l[k][i] * x[k]).sum::<f64>()) / l[i][i];
    }
    Some(x)
}

impl LinearFit {
    /// Fits `y` on the rows of `x`.
    ///
    /// # Shapes
    /// `x: [N, F]`, `y`: `N` values.
    ///
    /// # Panics
    /// If `x` and `y` differ in rows or there is no row.
    pub fn fit(x: &Array2<f32>, y: &[f64]) -> LinearFit {
        let (n, f) = x.dim();
        assert!(
            n == y.len() && n > 0,
            "linear fit: {n} rows and {} targets",
            y.len()
        );
        let column = |k: usize| {
            x.column(k)
                .iter()
                .map(|&v| f64::from(v))
                .collect::<Vec<_>>()
        };
        let mut means = Vec::with_capacity(f);
        let mut sds = Vec::with_capacity(f);
        let mut z = vec![vec![0.0; f]; n];
        for k in 0..f {
            let values = column(k);
            let mean = values.iter().sum::<f64>() / n as f64;
            let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n as f64;
            let sd = if var > 0.0 { var.sqrt() } else { 1.0 };
            for (row, v) in z.iter_mut().zip(&values) {
                row[k] = (v - mean) / sd;
            }
            means.push(mean);
            sds.push(sd);
        }
        let y_mean = y.iter().sum::<f64>() / n as f64;
        let mut a = vec![vec![0.0; f]; f];
        let mut b = vec![0.0; f];
        for (row, &target) in z.iter().zip(y) {
            for i in 0..f {
                b[i] += row[i] * (target - y_mean);
                for j in 0..f {
                    a[i][j] += row[i] * row[j];
                }
            }
        }
        for (i, row) in a.iter_mut().enumerate() {
            row[i] += RIDGE * n as f64;
        }
        let standardised = cholesky_solve(&a, &b).expect("ZᵀZ + λNI is positive definite");
        let coefficients: Vec<f64> = standardised.iter().zip(&sds).map(|(w, s)| w / s).collect();
        let intercept = y_mean
            - coefficients
                .iter()
                .zip(&means)
                .map(|(b, m)| b * m)
                .sum::<f64>();
        LinearFit {
            intercept,
            coefficients,
            standardised,
            means,
            sds,
        }
    }

    /// The prediction for one row of features.
    pub fn predict_row(&self, row: &[f64]) -> f64 {
        self.intercept
            + self
                .coefficients
                .iter()
                .zip(row)
                .map(|(b, x)| b * x)
                .sum::<f64>()
    }

    /// Predictions for rows of features (the predictor form of [`super::surface`]).
    ///
    /// # Shapes
    /// `[N, F]` → `N` values.
    pub fn predict(&self, x: &Array2<f32>) -> Vec<f32> {
        x.rows()
            .into_iter()
            .map(|row| {
                let row: Vec<f64> = row.iter().map(|&v| f64::from(v)).collect();
                self.predict_row(&row) as f32
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hand_computed_line() {
        // x = 0, 1, 2, 3; y = 1, 3, 2, 5: x̄ = 1.5, ȳ = 2.75, Sxy = 5.5, Sxx = 5, so
        // b₁ = 5.5 / 5 = 1.1 and b₀ = 2.75 − 1.1 · 1.5 = 1.1; s_x = √1.25, w = 1.1 · √1.25.
        let x = Array2::from_shape_vec((4, 1), vec![0.0, 1.0, 2.0, 3.0]).unwrap();
        let fit = LinearFit::fit(&x, &[1.0, 3.0, 2.0, 5.0]);
        assert!((fit.coefficients[0] - 1.1).abs() < 1e-7, "{fit:?}");
        assert!((fit.intercept - 1.1).abs() < 1e-7);
        assert!((fit.standardised[0] - 1.1 * 1.25f64.sqrt()).abs() < 1e-7);
        assert!((fit.predict_row(&[10.0]) - 12.1).abs() < 1e-6);
    }

    #[test]
    fn an_exact_plane_is_recovered_and_a_constant_column_is_harmless() {
        // y = 3 + 2·x₁ − 0.5·x₂ on a 4 × 4 grid, with a constant third column.
        let rows: Vec<[f32; 3]> = (0..16)
            .map(|i| [(i % 4) as f32, (i / 4) as f32 * 10.0, 7.0])
            .collect();
        let y: Vec<f64> = rows
            .iter()
            .map(|r| 3.0 + 2.0 * f64::from(r[0]) - 0.5 * f64::from(r[1]))
            .collect();
        let x = Array2::from_shape_vec((16, 3), rows.concat()).unwrap();
        let fit = LinearFit::fit(&x, &y);
        assert!((fit.coefficients[0] - 2.0).abs() < 1e-6);
        assert!((fit.coefficients[1] + 0.5).abs() < 1e-6);
        assert!(fit.coefficients[2].abs() < 1e-9 && fit.sds[2] == 1.0);
        assert!((fit.intercept - 3.0).abs() < 1e-5, "{}", fit.intercept);
        let predicted = fit.predict(&x);
        assert!(
            predicted
                .iter()
                .zip(&y)
                .all(|(p, t)| (f64::from(*p) - t).abs() < 1e-4)
        );
    }
}
