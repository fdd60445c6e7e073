//! What the measured data look like before any model: the single mutants as a position × amino
//! acid map `M[i, a]` = measured score of the wild type with amino acid `a` at position `i` (NaN
//! where not measured), the score histogram, and the scores by number of mutations (how effects
//! pile up into a threshold).

use super::ProteinData;
use crate::bio::Alphabet;
use ndarray::Array2;

/// The measured single mutants on a `[L, 21]` grid (columns in [`Alphabet::Protein`] order).
#[derive(Clone, Debug, PartialEq)]
pub struct SingleMap {
    /// `[L, 21]`: the measured score, NaN where the substitution was not measured alone (and on
    /// the wild-type letter of each row).
    pub scores: Array2<f32>,
    /// Substitutions measured alone.
    pub measured: usize,
}

impl SingleMap {
    /// Collects the rows of `data` with exactly one substitution.
    pub fn new(data: &ProteinData) -> SingleMap {
        let length = data.wild_type.len();
        let mut scores = Array2::from_elem((length, Alphabet::Protein.size()), f32::NAN);
        let mut measured = 0;
        for (row, subs) in data.table.rows.iter().zip(&data.substitutions) {
            if let [s] = subs.as_slice()
                && let Some(column) = Alphabet::Protein.index(s.to)
            {
                measured += 1;
                scores[[s.index, column]] = row.value as f32;
            }
        }
        SingleMap { scores, measured }
    }

    /// The measured score of `to` at 0-based `index`, if measured.
    pub fn score(&self, index: usize, to: char) -> Option<f32> {
        let column = Alphabet::Protein.index(to)?;
        self.scores
            .get([index, column])
            .copied()
            .filter(|v| v.is_finite())
    }
}

/// Equal-width bins of scores.
#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    /// `bins + 1` edges, from the lowest to the highest score.
    pub edges: Vec<f64>,
    /// Scores per bin (the last bin includes its upper edge).
    pub counts: Vec<usize>,
}

/// `bins` equal bins from the smallest to the largest of `values` (non-finite values skipped).
///
/// # Panics
/// If `bins` is 0.
pub fn histogram(values: &[f64], bins: usize) -> Histogram {
    assert!(bins > 0, "a histogram needs at least one bin");
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let (lo, hi) = finite
        .clone()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        });
    if lo > hi {
        return Histogram {
            edges: vec![0.0; bins + 1],
            counts: vec![0; bins],
        };
    }
    let width = (hi - lo) / bins as f64;
    let edges = (0..=bins).map(|k| lo + width * k as f64).collect();
    let mut counts = vec![0; bins];
    for v in finite {
        let bin = if width > 0.0 {
            (((v - lo) / width) as usize).min(bins - 1)
        } else {
            0
        };
        counts[bin] += 1;
    }
    Histogram { edges, counts }
}

/// The scores of the variants with one number of mutations.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MutationSummary {
    /// Substitutions from the wild type.
    pub mutations: usize,
    /// Variants with that many.
    pub count: usize,
    /// Mean score.
    pub mean: f64,
    /// Lower quartile, median and upper quartile (linear interpolation).
    pub quartiles: [f64; 3],
    /// Lowest and highest score.
    pub range: [f64; 2],
    /// Share of the variants at or above `bright` (see [`by_mutations`]).
    pub bright_share: f64,
}

/// The `q`-quantile of sorted values (linear interpolation, as numpy's default).
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let at = q.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let (below, above) = (at.floor() as usize, at.ceil() as usize);
    sorted[below] + (sorted[above] - sorted[below]) * (at - below as f64)
}

/// One summary per number of mutations present, in increasing order; `bright` is the score that
/// counts as fluorescent (for avGFP [`super::BRIGHT`]: halfway between dark and the wild type).
pub fn by_mutations(data: &ProteinData, bright: f64) -> Vec<MutationSummary> {
    let most = data.substitutions.iter().map(Vec::len).max().unwrap_or(0);
    let mut groups: Vec<Vec<f64>> = vec![Vec::new(); most + 1];
    for (row, subs) in data.table.rows.iter().zip(&data.substitutions) {
        groups[subs.len()].push(row.value);
    }
    groups
        .into_iter()
        .enumerate()
        .filter(|(_, g)| !g.is_empty())
        .map(|(mutations, mut g)| {
            g.sort_by(f64::total_cmp);
            let n = g.len();
            MutationSummary {
                mutations,
                count: n,
                mean: g.iter().sum::<f64>() / n as f64,
                quartiles: [quantile(&g, 0.25), quantile(&g, 0.5), quantile(&g, 0.75)],
                range: [g[0], g[n - 1]],
                bright_share: g.iter().filter(|&&v| v >= bright).count() as f64 / n as f64,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_edges_and_the_last_bin() {
        let h = histogram(&[1.0, 2.0, 3.0, 4.0, f64::NAN], 3);
        assert_eq!(h.edges, vec![1.0, 2.0, 3.0, 4.0]);
        assert_eq!(h.counts, vec![1, 1, 2]);
        assert_eq!(histogram(&[2.0, 2.0], 2).counts, vec![2, 0]);
        assert_eq!(histogram(&[], 2).counts, vec![0, 0]);
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0], 0.5), 2.5);
        assert!(quantile(&[], 0.5).is_nan());
    }
}
