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
    let mut fit = AdditiveFit::new(data, rows, lambda);
    while !fit.iterate(usize::MAX) {}
    fit.model()
}

/// The ridge fit of the additive model in steps (conjugate gradient on the normal equations
/// `(XᵀX + λ I_w) v = Xᵀy`), so a page can fit 40,000 variants a few iterations per task.
#[derive(Clone, Debug)]
pub struct AdditiveFit {
    lambda: f64,
    length: usize,
    /// Each row's feature indices.
    x: Vec<Vec<usize>>,
    v: Vec<f64>,
    r: Vec<f64>,
    p: Vec<f64>,
    rr: f64,
    goal: f64,
    iterations: usize,
}

/// The conjugate-gradient steps of an [`AdditiveFit`] at most.
pub const MAX_ITERATIONS: usize = 2000;

impl AdditiveFit {
    /// Sets up the fit of `rows` of `data` with ridge penalty `lambda` (> 0).
    ///
    /// # Panics
    /// If `lambda` is not positive or `rows` is empty.
    pub fn new(data: &ProteinData, rows: &[usize], lambda: f64) -> AdditiveFit {
        assert!(
            lambda > 0.0 && !rows.is_empty(),
            "fit_additive: λ > 0 and some rows"
        );
        let features = data.wild_type.len() * Alphabet::Protein.size();
        let x: Vec<Vec<usize>> = rows
            .iter()
            .map(|&r| data.substitutions[r].iter().map(feature).collect())
            .collect();
        // Unknowns: [b, w_0 … w_{F−1}]; the right-hand side Xᵀy, X's first column all ones.
        let mut rhs = vec![0.0; features + 1];
        for (row, &r) in x.iter().zip(rows) {
            let target = data.table.rows[r].value;
            rhs[0] += target;
            for &j in row {
                rhs[j + 1] += target;
            }
        }
        let rr = dot(&rhs, &rhs);
        AdditiveFit {
            lambda,
            length: data.wild_type.len(),
            x,
            v: vec![0.0; features + 1],
            p: rhs.clone(),
            r: rhs,
            rr,
            goal: 1e-20 * rr.max(f64::MIN_POSITIVE),
            iterations: 0,
        }
    }

    /// `(XᵀX + λ I_w) v`.
    fn apply(&self, v: &[f64]) -> Vec<f64> {
        let mut out = vec![0.0; v.len()];
        for row in &self.x {
            let r = v[0] + row.iter().map(|&j| v[j + 1]).sum::<f64>();
            out[0] += r;
            for &j in row {
                out[j + 1] += r;
            }
        }
        for j in 1..v.len() {
            out[j] += self.lambda * v[j];
        }
        out
    }

    /// Runs up to `steps` more iterations; whether the fit has converged (residual below 1e-10 of
    /// the right-hand side) or used [`MAX_ITERATIONS`].
    pub fn iterate(&mut self, steps: usize) -> bool {
        for _ in 0..steps {
            if self.rr <= self.goal || self.iterations >= MAX_ITERATIONS {
                return true;
            }
            let ap = self.apply(&self.p);
            let alpha = self.rr / dot(&self.p, &ap);
            self.v
                .iter_mut()
                .zip(&self.p)
                .for_each(|(v, p)| *v += alpha * p);
            self.r
                .iter_mut()
                .zip(&ap)
                .for_each(|(r, ap)| *r -= alpha * ap);
            let next = dot(&self.r, &self.r);
            let beta = next / self.rr;
            self.p
                .iter_mut()
                .zip(&self.r)
                .for_each(|(p, r)| *p = r + beta * *p);
            self.rr = next;
            self.iterations += 1;
        }
        self.rr <= self.goal || self.iterations >= MAX_ITERATIONS
    }

    /// The model as fitted so far.
    pub fn model(&self) -> AdditiveModel {
        let size = Alphabet::Protein.size();
        let mut counts = Array2::zeros((self.length, size));
        for &j in self.x.iter().flatten() {
            counts[[j / size, j % size]] += 1;
        }
        AdditiveModel {
            intercept: self.v[0],
            effects: Array2::from_shape_vec((self.length, size), self.v[1..].to_vec())
                .expect("L × 21 weights"),
            counts,
            iterations: self.iterations,
        }
    }
}

fn dot(u: &[f64], v: &[f64]) -> f64 {
    u.iter().zip(v).map(|(a, b)| a * b).sum::<f64>()
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
