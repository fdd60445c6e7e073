//! How much each position tolerates change, and what the structure says about it.
//!
//! - From the single mutants: `T(i) = mean_a (s_{i→a} − wt)` over the amino acids measured alone at
//!   `i` (stops left out: they truncate the protein wherever they are).
//! - From an additive fit of every variant (most positions are never measured alone): ridge
//!   regression on one-hot substitutions, `ŷ = b + Σ_{(i,a) ∈ variant} w_{i,a}`, minimising
//!   `Σ (y − ŷ)² + λ Σ w²` (the data README's additive baseline, λ = 10), solved by conjugate
//!   gradients on the normal equations; then `T(i) = mean_a w_{i,a}` over the substitutions seen.
//! - Burial (Cα neighbours within 10 Å, [`crate::bio::pdb::burial`]) against `T`: buried
//!   positions tolerate less, so their Pearson r is negative.

use super::{ProteinData, SingleMap};
use crate::bio::Alphabet;
use crate::bio::variants::Substitution;
use ndarray::Array2;

/// The stop's column in [`Alphabet::Protein`].
const STOP: usize = 20;

/// Mean effect of the measured single substitutions at each position (`None` where none was
/// measured), relative to `wild_type_score`.
pub fn from_singles(singles: &SingleMap, wild_type_score: f64) -> Vec<Option<f64>> {
    singles
        .scores
        .rows()
        .into_iter()
        .map(|row| {
            let effects: Vec<f64> = row
                .iter()
                .take(STOP)
                .filter(|v| v.is_finite())
                .map(|&v| f64::from(v) - wild_type_score)
                .collect();
            (!effects.is_empty()).then(|| effects.iter().sum::<f64>() / effects.len() as f64)
        })
        .collect()
}

/// An additive model of the score: an intercept and one weight per substitution.
#[derive(Clone, Debug, PartialEq)]
pub struct AdditiveModel {
    /// `b`: the predicted score of the wild type.
    pub intercept: f64,
    /// `[L, 21]`: `w_{i,a}`, 0 for substitutions never seen.
    pub effects: Array2<f64>,
    /// `[L, 21]`: how many training variants carry each substitution.
    pub counts: Array2<usize>,
    /// Conjugate-gradient iterations used.
    pub iterations: usize,
}

/// The one-hot feature of a substitution: `index · 21 + column`.
fn feature(s: &Substitution) -> usize {
    s.index * Alphabet::Protein.size() + Alphabet::Protein.index(s.to).unwrap_or(STOP)
}

/// Fits the additive model to `rows` of `data` with ridge penalty `lambda` (> 0).
///
/// # Panics
/// If `lambda` is not positive or `rows` is empty.
pub fn fit_additive(data: &ProteinData, rows: &[usize], lambda: f64) -> AdditiveModel {
    assert!(
        lambda > 0.0 && !rows.is_empty(),
        "fit_additive: λ > 0 and some rows"
    );
    let size = Alphabet::Protein.size();
    let features = data.wild_type.len() * size;
    let x: Vec<Vec<usize>> = rows
        .iter()
        .map(|&r| data.substitutions[r].iter().map(feature).collect())
        .collect();
    let y: Vec<f64> = rows.iter().map(|&r| data.table.rows[r].value).collect();
    // Unknowns: [b, w_0 … w_{F−1}]; A v = Xᵀ X v + λ (0, w) with X's first column all ones.
    let apply = |v: &[f64]| {
        let mut out = vec![0.0; features + 1];
        for row in &x {
            let r = v[0] + row.iter().map(|&j| v[j + 1]).sum::<f64>();
            out[0] += r;
            for &j in row {
                out[j + 1] += r;
            }
        }
        for j in 0..features {
            out[j + 1] += lambda * v[j + 1];
        }
        out
    };
    let mut rhs = vec![0.0; features + 1];
    for (row, &target) in x.iter().zip(&y) {
        rhs[0] += target;
        for &j in row {
            rhs[j + 1] += target;
        }
    }
    let (solution, iterations) = conjugate_gradient(apply, &rhs, 1e-10, 2000);
    let mut counts = Array2::zeros((data.wild_type.len(), size));
    for &j in x.iter().flatten() {
        counts[[j / size, j % size]] += 1;
    }
    AdditiveModel {
        intercept: solution[0],
        effects: Array2::from_shape_vec((data.wild_type.len(), size), solution[1..].to_vec())
            .expect("L × 21 weights"),
        counts,
        iterations,
    }
}

/// Solves `A v = b` for a symmetric positive-definite `A` given as a product, until the residual
/// norm is below `tolerance · ‖b‖` or after `max_iterations`; returns `v` and the iterations used.
fn conjugate_gradient(
    apply: impl Fn(&[f64]) -> Vec<f64>,
    b: &[f64],
    tolerance: f64,
    max_iterations: usize,
) -> (Vec<f64>, usize) {
    let dot = |u: &[f64], v: &[f64]| u.iter().zip(v).map(|(a, b)| a * b).sum::<f64>();
    let mut v = vec![0.0; b.len()];
    let mut r = b.to_vec();
    let mut p = r.clone();
    let mut rr = dot(&r, &r);
    let goal = tolerance * tolerance * rr.max(f64::MIN_POSITIVE);
    for iteration in 0..max_iterations {
        if rr <= goal {
            return (v, iteration);
        }
        let ap = apply(&p);
        let alpha = rr / dot(&p, &ap);
        v.iter_mut().zip(&p).for_each(|(v, p)| *v += alpha * p);
        r.iter_mut().zip(&ap).for_each(|(r, ap)| *r -= alpha * ap);
        let next = dot(&r, &r);
        let beta = next / rr;
        p.iter_mut().zip(&r).for_each(|(p, r)| *p = r + beta * *p);
        rr = next;
    }
    (v, max_iterations)
}

impl AdditiveModel {
    /// `b + Σ w` over the substitutions.
    pub fn predict(&self, substitutions: &[Substitution]) -> f64 {
        let size = Alphabet::Protein.size();
        self.intercept
            + substitutions
                .iter()
                .map(|s| {
                    let j = feature(s);
                    self.effects[[j / size, j % size]]
                })
                .sum::<f64>()
    }

    /// Mean weight of the amino-acid substitutions seen at each position (stops left out;
    /// `None` where none was seen).
    pub fn tolerance(&self) -> Vec<Option<f64>> {
        self.effects
            .rows()
            .into_iter()
            .zip(self.counts.rows())
            .map(|(w, n)| {
                let seen: Vec<f64> = w
                    .iter()
                    .zip(n.iter())
                    .take(STOP)
                    .filter(|(_, n)| **n > 0)
                    .map(|(w, _)| *w)
                    .collect();
                (!seen.is_empty()).then(|| seen.iter().sum::<f64>() / seen.len() as f64)
            })
            .collect()
    }
}

/// Pearson r of burial against tolerance over the positions that have a tolerance, and how many
/// positions that is.
///
/// # Panics
/// If the two have different lengths.
pub fn burial_correlation(burial: &[usize], tolerance: &[Option<f64>]) -> (usize, f64) {
    assert_eq!(burial.len(), tolerance.len(), "one burial per position");
    let (b, t): (Vec<f32>, Vec<f32>) = burial
        .iter()
        .zip(tolerance)
        .filter_map(|(&b, t)| t.map(|t| (b as f32, t as f32)))
        .unzip();
    (b.len(), crate::metrics::pearson(&b, &t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bio::variants::{Numbering, WildType};
    use crate::data::csv::Limits;

    #[test]
    fn the_ridge_fit_recovers_additive_effects() {
        let wt = WildType::new("MKLT").unwrap();
        // score = 3 − 1·[K1R] − 2·[L2P] + 0.5·[T3S], every combination measured.
        let mut table = String::from("variant\tscore\n");
        for (v, s) in [
            ("K1R", 2.0),
            ("L2P", 1.0),
            ("T3S", 3.5),
            ("K1R,L2P", 0.0),
            ("K1R,T3S", 2.5),
            ("L2P,T3S", 1.5),
            ("K1R,L2P,T3S", 0.5),
            ("M0A", 3.0),
        ] {
            table.push_str(&format!("{v}\t{s}\n"));
        }
        let data = ProteinData::parse(
            table.as_bytes(),
            &wt,
            Numbering::ZeroBased,
            Limits::default(),
        )
        .unwrap();
        let rows: Vec<usize> = (0..data.len()).collect();
        let model = fit_additive(&data, &rows, 1e-6);
        let k1r = &data.substitutions[0];
        assert!(
            (model.predict(k1r) - 2.0).abs() < 1e-3,
            "{}",
            model.predict(k1r)
        );
        assert!((model.intercept - 3.0).abs() < 1e-3);
        let tolerance = model.tolerance();
        assert!((tolerance[2].unwrap() + 2.0).abs() < 1e-3);
        assert_eq!(tolerance.len(), 4);
        let strong = fit_additive(&data, &rows, 100.0);
        let effect = |m: &AdditiveModel| m.predict(k1r) - m.intercept;
        assert!((effect(&model) + 1.0).abs() < 1e-3);
        assert!(
            effect(&strong).abs() < 0.5,
            "ridge shrinks effects towards 0"
        );
        let singles = from_singles(&SingleMap::new(&data), 3.0);
        assert_eq!(singles, vec![Some(0.0), Some(-1.0), Some(-2.0), Some(0.5)]);
        let (n, r) = burial_correlation(&[10, 20, 30, 5], &singles);
        assert_eq!(n, 4);
        assert!(r < -0.5);
    }
}
