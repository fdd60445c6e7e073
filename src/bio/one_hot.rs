//! One-hot encoding: base `b` at position `i` ↦ `x[i, b] = 1`, every other entry of row `i` is 0.
//!
//! Columns are A=0, C=1, G=2, T=3, so `"ATACAA"` becomes the lecture's 6 × 4 matrix
//! `[[1,0,0,0],[0,0,0,1],[1,0,0,0],[0,1,0,0],[1,0,0,0],[1,0,0,0]]`.
//!
//! `N` (unknown) becomes the row `[0.25, 0.25, 0.25, 0.25]`: "each base equally likely". The row still
//! sums to 1 like every other row, so a PWM scan over it gives the column's average probability
//! (a finite score) and a convolution filter sees the average of its four weights, instead of the
//! "no base at all" that an all-zero row would claim.

use super::alphabet::{SequenceError, Symbol, parse_sequence};
use ndarray::{Array2, Array3};

/// The row written for an unknown base `N`.
pub const N_ROW: [f32; 4] = [0.25; 4];

/// The row of one symbol: a unit vector for a base, [`N_ROW`] for `N`.
pub fn one_hot_row(symbol: Symbol) -> [f32; 4] {
    match symbol {
        Symbol::Base(base) => {
            let mut row = [0.0; 4];
            row[base.index()] = 1.0;
            row
        }
        Symbol::N => N_ROW,
    }
}

/// One-hot encodes a parsed sequence.
///
/// # Shapes
/// `symbols: [L]` → `[L, 4]` (positions × A, C, G, T), f32.
pub fn one_hot(symbols: &[Symbol]) -> Array2<f32> {
    let mut matrix = Array2::zeros((symbols.len(), 4));
    for (mut row, &symbol) in matrix.rows_mut().into_iter().zip(symbols) {
        for (cell, value) in row.iter_mut().zip(one_hot_row(symbol)) {
            *cell = value;
        }
    }
    matrix
}

/// One-hot encodes sequences of equal length into one tensor (a batch for a CNN).
///
/// # Shapes
/// `N` sequences of length `L` → `[N, L, 4]`.
///
/// # Panics
/// If the sequences differ in length.
pub fn one_hot_batch(sequences: &[Vec<Symbol>]) -> Array3<f32> {
    let length = sequences.first().map_or(0, Vec::len);
    let mut batch = Array3::zeros((sequences.len(), length, 4));
    for (n, sequence) in sequences.iter().enumerate() {
        assert_eq!(
            sequence.len(),
            length,
            "one_hot_batch: sequence {n} has length {} not {length}",
            sequence.len()
        );
        for (t, &symbol) in sequence.iter().enumerate() {
            for (b, value) in one_hot_row(symbol).into_iter().enumerate() {
                batch[[n, t, b]] = value;
            }
        }
    }
    batch
}

/// Parses `text` (see [`parse_sequence`]) and one-hot encodes it.
///
/// # Shapes
/// `text` of `L` letters → `[L, 4]`.
///
/// # Errors
/// The [`SequenceError`] of [`parse_sequence`].
pub fn encode(text: &str) -> Result<Array2<f32>, SequenceError> {
    parse_sequence(text).map(|symbols| one_hot(&symbols))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn lecture_example_atacaa() {
        let expected = array![
            [1.0, 0.0, 0.0, 0.0],
            [0.0, 0.0, 0.0, 1.0],
            [1.0, 0.0, 0.0, 0.0],
            [0.0, 1.0, 0.0, 0.0],
            [1.0, 0.0, 0.0, 0.0],
            [1.0, 0.0, 0.0, 0.0f32],
        ];
        assert_eq!(encode("ATACAA").unwrap(), expected);
    }

    #[test]
    fn lowercase_rna_and_n() {
        let m = encode("uN").unwrap();
        assert_eq!(m.shape(), &[2, 4]);
        assert_eq!(m.row(0).to_vec(), vec![0.0, 0.0, 0.0, 1.0]);
        assert_eq!(m.row(1).to_vec(), N_ROW.to_vec());
        assert!(m.rows().into_iter().all(|r| (r.sum() - 1.0).abs() < 1e-6));
    }

    #[test]
    fn a_batch_stacks_the_matrices() {
        let seqs = vec![parse_sequence("AC").unwrap(), parse_sequence("GT").unwrap()];
        let batch = one_hot_batch(&seqs);
        assert_eq!(batch.shape(), &[2, 2, 4]);
        assert_eq!(batch.index_axis(ndarray::Axis(0), 1), one_hot(&seqs[1]));
    }

    #[test]
    fn bad_letters_are_errors_not_panics() {
        assert_eq!(
            encode("ACGZ"),
            Err(SequenceError::InvalidChar {
                ch: 'Z',
                position: 4
            })
        );
    }
}
