//! In-silico deep mutational scan: every position `i` of a sequence changed to every letter `a`
//! (the 20 amino acids and the stop) and scored by the model, `S[i, a] = f(sequence with a at i)`
//! (`S[i, own letter] = f(sequence)`), and `Δ[i, a] = S[i, a] − f(sequence)`. Beside the measured
//! single mutants ([`super::SingleMap`], the same `[L, 21]` grid) it shows where the model agrees
//! with the experiment.

use super::{SingleMap, predict_all};
use crate::bio::Alphabet;
use crate::bio::variants::{Numbering, Substitution, WildType, notation};
use crate::metrics;
use ndarray::Array2;

/// A scan of one sequence.
#[derive(Clone, Debug, PartialEq)]
pub struct Scan {
    /// The scanned sequence (upper case).
    pub sequence: String,
    /// The prediction for the sequence itself.
    pub baseline: f32,
    /// `[L, 21]`: the prediction with letter `a` (columns in [`Alphabet::Protein`] order) at
    /// position `i`.
    pub scores: Array2<f32>,
}

impl Scan {
    /// `[L, 21]`: each prediction minus the baseline (0 on the sequence's own letters).
    pub fn delta(&self) -> Array2<f32> {
        self.scores.mapv(|s| s - self.baseline)
    }
}

/// The `1 + 21 · L` sequences a scan of `sequence` scores: the sequence itself, then position by
/// position every letter in [`Alphabet::Protein`] order.
///
/// # Panics
/// If `sequence` has a letter outside the protein alphabet's columns (an `X`).
pub fn scan_sequences(sequence: &str) -> Vec<String> {
    let protein = Alphabet::Protein;
    let size = protein.size();
    let bytes = sequence.as_bytes();
    assert!(
        sequence.chars().all(|c| protein.index(c).is_some()),
        "deep_mutational_scan: {sequence:?} is not an upper-case protein"
    );
    let mut variants = Vec::with_capacity(1 + size * bytes.len());
    variants.push(sequence.to_string());
    for i in 0..bytes.len() {
        for column in 0..size {
            let mut variant = bytes.to_vec();
            variant[i] = protein.letter(column) as u8;
            variants.push(String::from_utf8(variant).expect("ASCII letters"));
        }
    }
    variants
}

/// The same `1 + 21 · L` variants as [`scan_sequences`] for the variant `base` of `wild_type`,
/// written as 0-based substitutions of the wild type (what a worker job carries): `base` itself,
/// then position by position every letter.
pub fn scan_variants(wild_type: &WildType, base: &[Substitution]) -> Vec<String> {
    let protein = Alphabet::Protein;
    let mut variants = Vec::with_capacity(1 + protein.size() * wild_type.len());
    variants.push(notation(base, Numbering::ZeroBased));
    for (index, from) in wild_type.as_str().chars().enumerate() {
        for column in 0..protein.size() {
            let to = protein.letter(column);
            let mut variant: Vec<Substitution> =
                base.iter().filter(|s| s.index != index).copied().collect();
            if to != from {
                variant.push(Substitution { index, from, to });
                variant.sort();
            }
            variants.push(notation(&variant, Numbering::ZeroBased));
        }
    }
    variants
}

impl Scan {
    /// Of the amino-acid substitutions at `positions` (the 20 amino acids other than the one
    /// there; no stops) — only those marked in `among` (`[L, 21]`, what the training data held)
    /// when given — how many are predicted at least `drop` darker than the sequence, and out of
    /// how many.
    pub fn darkened(
        &self,
        positions: &[usize],
        drop: f32,
        among: Option<&Array2<bool>>,
    ) -> (usize, usize) {
        let protein = Alphabet::Protein;
        let stop = protein.size() - 1;
        let bytes = self.sequence.as_bytes();
        let mut counted = (0, 0);
        let counts = |i: usize, c: usize| among.is_none_or(|a| a.get([i, c]) == Some(&true));
        for &i in positions.iter().filter(|&&i| i < bytes.len()) {
            for column in (0..stop).filter(|&c| protein.letter(c) as u8 != bytes[i] && counts(i, c))
            {
                counted.1 += 1;
                counted.0 += usize::from(self.scores[[i, column]] <= self.baseline - drop);
            }
        }
        counted
    }

    /// The scan of `sequence` from the predictions of [`scan_sequences`]`(sequence)`, in order.
    ///
    /// # Panics
    /// If there are not `1 + 21 · L` predictions.
    pub fn from_predictions(sequence: &str, predicted: &[f32]) -> Scan {
        let length = sequence.len();
        let size = Alphabet::Protein.size();
        assert_eq!(
            predicted.len(),
            1 + length * size,
            "one prediction per variant"
        );
        Scan {
            sequence: sequence.to_string(),
            baseline: predicted[0],
            scores: Array2::from_shape_vec((length, size), predicted[1..].to_vec())
                .expect("L × 21 predictions"),
        }
    }
}

/// Scores all `21 · L` single-letter variants of `sequence` (an upper-case protein) with
/// `predict`, a few hundred sequences per call.
///
/// # Panics
/// If `sequence` has a letter outside the protein alphabet's columns (an `X`), or `predict`
/// returns a different number of scores.
pub fn deep_mutational_scan(
    sequence: &str,
    mut predict: impl FnMut(&[String]) -> Vec<f32>,
) -> Scan {
    let variants = scan_sequences(sequence);
    let predicted = predict_all(&variants, &mut predict);
    Scan::from_predictions(sequence, &predicted)
}

/// How a scan of the wild type agrees with the measured single mutants.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Agreement {
    /// Substitutions both predicted and measured.
    pub pairs: usize,
    /// Pearson r of predicted vs measured score over those.
    pub pearson: f64,
}

/// Compares a scan (of the wild type) with the measured single mutants on the same grid.
pub fn agreement(scan: &Scan, measured: &SingleMap) -> Agreement {
    let (mut predicted, mut observed) = (Vec::new(), Vec::new());
    for (p, m) in scan.scores.iter().zip(measured.scores.iter()) {
        if m.is_finite() {
            predicted.push(*p);
            observed.push(*m);
        }
    }
    Agreement {
        pairs: predicted.len(),
        pearson: metrics::pearson(&observed, &predicted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scan_scores_every_letter_at_every_position() {
        // A toy model: the number of W in the sequence.
        let count_w = |seqs: &[String]| -> Vec<f32> {
            seqs.iter().map(|s| s.matches('W').count() as f32).collect()
        };
        let scan = deep_mutational_scan("MWK", count_w);
        assert_eq!(scan.baseline, 1.0);
        assert_eq!(scan.scores.shape(), &[3, 21]);
        let w = Alphabet::Protein.index('W').unwrap();
        assert_eq!(scan.scores[[0, w]], 2.0);
        assert_eq!(scan.scores[[1, w]], 1.0, "W at the W: the sequence itself");
        assert_eq!(scan.delta()[[1, 0]], -1.0, "W → A loses the W");
        assert_eq!(scan.delta()[[2, 20]], 0.0);
    }

    #[test]
    fn scan_variants_name_the_scan_sequences() {
        let wild_type = WildType::new("MWK").unwrap();
        let base = wild_type.parse("K2R", Numbering::ZeroBased).unwrap();
        let variants = scan_variants(&wild_type, &base);
        let sequences = scan_sequences(&wild_type.apply(&base));
        assert_eq!(variants.len(), sequences.len());
        for (v, s) in variants.iter().zip(&sequences) {
            assert_eq!(
                &wild_type.expand(v, Numbering::ZeroBased).unwrap(),
                s,
                "{v}"
            );
        }
        assert_eq!(variants[0], "K2R");
    }

    #[test]
    fn darkened_counts_the_substitutions_that_lose_light() {
        // A toy model: bright (4) unless position 1 holds something other than W.
        let model = |seqs: &[String]| -> Vec<f32> {
            seqs.iter()
                .map(|s| if s.as_bytes()[1] == b'W' { 4.0 } else { 1.5 })
                .collect()
        };
        let scan = deep_mutational_scan("MWK", model);
        assert_eq!(scan.darkened(&[1], 1.0, None), (19, 19));
        assert_eq!(scan.darkened(&[0, 2], 1.0, None), (0, 38));
        let mut among = Array2::from_elem((3, 21), false);
        among[[1, 0]] = true;
        among[[1, 20]] = true;
        assert_eq!(
            scan.darkened(&[1], 1.0, Some(&among)),
            (1, 1),
            "the stop is not counted"
        );
    }
}
