//! In-silico mutagenesis: change every position of a sequence to every other base and record how
//! the model's output moves, `Δ[i, b] = f(sequence with base b at i) − f(sequence)` (0 for the
//! sequence's own base). Large negative values mark positions the prediction depends on.

use crate::bio::alphabet::{Base, Symbol};
use crate::bio::one_hot::one_hot_batch;
use crate::nn::Sequential;
use ndarray::{Array2, Axis};

/// The mutagenesis of one sequence.
#[derive(Clone, Debug, PartialEq)]
pub struct Mutagenesis {
    /// The model's output for the unchanged sequence.
    pub baseline: f32,
    /// `[L, 4]`: output change for base b (A, C, G, T) at position i.
    pub delta: Array2<f32>,
}

/// The sequence itself followed by, for every position `i` and base `b` (A, C, G, T), the
/// sequence with base `b` at `i`: `1 + 4·L` sequences (the four include the unchanged base).
pub fn variants(sequence: &[Symbol]) -> Vec<Vec<Symbol>> {
    let mut variants = Vec::with_capacity(4 * sequence.len() + 1);
    variants.push(sequence.to_vec());
    for i in 0..sequence.len() {
        for base in Base::ALL {
            let mut variant = sequence.to_vec();
            variant[i] = Symbol::Base(base);
            variants.push(variant);
        }
    }
    variants
}

/// The mutagenesis from the scores of [`variants`] (in that order) for a sequence of `length`.
///
/// # Panics
/// If there are not `1 + 4·length` scores.
pub fn from_scores(scores: &[f32], length: usize) -> Mutagenesis {
    assert_eq!(
        scores.len(),
        1 + 4 * length,
        "mutagenesis needs 1 + 4·L scores"
    );
    let baseline = scores[0];
    let delta = Array2::from_shape_fn((length, 4), |(i, b)| scores[1 + 4 * i + b] - baseline);
    Mutagenesis { baseline, delta }
}

/// Scores all `3·L` single-base mutants of `sequence` with output column `output` of `model`.
///
/// # Panics
/// If the sequence's one-hot shape is not the model's input shape, or `output` is out of range.
pub fn mutagenesis(model: &mut Sequential, sequence: &[Symbol], output: usize) -> Mutagenesis {
    let predictions = model.predict(&one_hot_batch(&variants(sequence)).into_dyn(), 256);
    let scores: Vec<f32> = predictions.index_axis(Axis(1), output).to_vec();
    from_scores(&scores, sequence.len())
}
