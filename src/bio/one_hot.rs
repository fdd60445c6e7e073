//! One-hot encoding: base `b` at position `i` ↦ `x[i, b] = 1`, every other entry of row `i` is 0.
//!
//! Columns are A=0, C=1, G=2, T=3, so `"ATACAA"` becomes the lecture's 6 × 4 matrix
//! `[[1,0,0,0],[0,0,0,1],[1,0,0,0],[0,1,0,0],[1,0,0,0],[1,0,0,0]]`.
//!
//! `N` (unknown) becomes the row `[0.25, 0.25, 0.25, 0.25]`: "each base equally likely". The row still
//! sums to 1 like every other row, so a PWM scan over it gives the column's average probability
//! (a finite score) and a convolution filter sees the average of its four weights, instead of the
//! "no base at all" that an all-zero row would claim.
//!
//! Any [`Alphabet`] the same way ([`one_hot_in`], [`one_hot_batch_in`], [`encode_in`]): one column
//! per letter, `[L, alphabet.size()]`, so a protein is `L × 21` (20 amino acids in the order
//! `ACDEFGHIKLMNPQRSTVWY`, then `*` for stop). Protein's unknown `X` follows `N`'s reasoning: the
//! row is `1/20` on every amino acid and 0 on the stop ("some amino acid, unknown"), summing to 1.
//! An all-zero row stays what padding writes: no letter at all. The DNA functions below call the
//! general ones.

use super::alphabet::{Alphabet, Letter, SequenceError, Symbol, parse_sequence};
use ndarray::{Array2, Array3, ArrayViewMut1};

/// The row written for an unknown base `N`.
pub const N_ROW: [f32; 4] = [0.25; 4];

/// Writes the row of `letter` into `row` (which must be all zeros and `alphabet.size()` long): a 1
/// in the letter's column, or the unknown row (DNA [`N_ROW`]; protein `1/20` on each amino acid).
pub fn write_row(alphabet: Alphabet, letter: Letter, mut row: ArrayViewMut1<'_, f32>) {
    match (letter, alphabet) {
        (Letter::Known(i), _) => row[usize::from(i)] = 1.0,
        (Letter::Unknown, Alphabet::Dna) => row.assign(&ndarray::aview1(&N_ROW)),
        (Letter::Unknown, Alphabet::Protein) => {
            // The 20 amino acids, not the stop (the last column).
            let amino_acids = alphabet.size() - 1;
            row.iter_mut()
                .take(amino_acids)
                .for_each(|v| *v = 1.0 / amino_acids as f32);
        }
    }
}

/// The row written for an unknown letter of `alphabet` (`N`, `X`).
pub fn unknown_row(alphabet: Alphabet) -> Vec<f32> {
    let mut row = ndarray::Array1::zeros(alphabet.size());
    write_row(alphabet, Letter::Unknown, row.view_mut());
    row.to_vec()
}

/// One-hot encodes parsed letters of `alphabet`.
///
/// # Shapes
/// `letters: [L]` → `[L, alphabet.size()]` (4 for DNA, 21 for protein), f32.
pub fn one_hot_in(alphabet: Alphabet, letters: &[Letter]) -> Array2<f32> {
    let mut matrix = Array2::zeros((letters.len(), alphabet.size()));
    for (row, &letter) in matrix.rows_mut().into_iter().zip(letters) {
        write_row(alphabet, letter, row);
    }
    matrix
}

/// One-hot encodes sequences of `alphabet` into one tensor, each cut or padded (all-zero rows, "no
/// letter") to `length` (`None`: the first sequence's length, and all must have it).
///
/// # Shapes
/// `N` sequences → `[N, length, alphabet.size()]`.
///
/// # Panics
/// With `length` `None`, if the sequences differ in length.
pub fn one_hot_batch_in(
    alphabet: Alphabet,
    sequences: &[Vec<Letter>],
    length: Option<usize>,
) -> Array3<f32> {
    let fixed = length.is_some();
    let length = length.unwrap_or_else(|| sequences.first().map_or(0, Vec::len));
    let mut batch = Array3::zeros((sequences.len(), length, alphabet.size()));
    for (n, (mut matrix, sequence)) in batch.outer_iter_mut().zip(sequences).enumerate() {
        assert!(
            fixed || sequence.len() == length,
            "one_hot_batch: sequence {n} has length {} not {length}",
            sequence.len()
        );
        for (row, &letter) in matrix.rows_mut().into_iter().zip(sequence) {
            write_row(alphabet, letter, row);
        }
    }
    batch
}

/// Parses `text` as `alphabet` (see [`Alphabet::parse`]) and one-hot encodes it.
///
/// # Shapes
/// `text` of `L` letters → `[L, alphabet.size()]`.
///
/// # Errors
/// The [`SequenceError`] of [`Alphabet::parse`].
pub fn encode_in(alphabet: Alphabet, text: &str) -> Result<Array2<f32>, SequenceError> {
    alphabet
        .parse(text)
        .map(|letters| one_hot_in(alphabet, &letters))
}

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
    let letters: Vec<Letter> = symbols.iter().map(|&s| Letter::from(s)).collect();
    one_hot_in(Alphabet::Dna, &letters)
}

/// One-hot encodes sequences of equal length into one tensor (a batch for a CNN).
///
/// # Shapes
/// `N` sequences of length `L` → `[N, L, 4]`.
///
/// # Panics
/// If the sequences differ in length.
pub fn one_hot_batch(sequences: &[Vec<Symbol>]) -> Array3<f32> {
    let letters: Vec<Vec<Letter>> = sequences
        .iter()
        .map(|s| s.iter().map(|&symbol| Letter::from(symbol)).collect())
        .collect();
    one_hot_batch_in(Alphabet::Dna, &letters, None)
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
    fn protein_rows_have_21_columns_and_x_is_spread_over_the_amino_acids() {
        let m = encode_in(Alphabet::Protein, "AY*x").unwrap();
        assert_eq!(m.shape(), &[4, 21]);
        assert_eq!(m[[0, 0]], 1.0);
        assert_eq!(m[[1, 19]], 1.0, "Y is the last amino acid");
        assert_eq!(m[[2, 20]], 1.0, "* is the stop column");
        assert!((m.row(3).sum() - 1.0).abs() < 1e-6 && m[[3, 20]] == 0.0);
        assert!(m.rows().into_iter().all(|r| (r.sum() - 1.0).abs() < 1e-6));
        assert_eq!(unknown_row(Alphabet::Dna), N_ROW.to_vec());
        let letters = vec![
            Alphabet::Protein.parse("MK").unwrap(),
            Alphabet::Protein.parse("W").unwrap(),
        ];
        let batch = one_hot_batch_in(Alphabet::Protein, &letters, Some(3));
        assert_eq!(batch.shape(), &[2, 3, 21]);
        assert_eq!(
            batch.index_axis(ndarray::Axis(0), 1).sum(),
            1.0,
            "padded with zeros"
        );
        // The DNA functions agree with the general ones.
        let dna = parse_sequence("ACGTN").unwrap();
        let general: Vec<Letter> = dna.iter().map(|&s| Letter::from(s)).collect();
        assert_eq!(one_hot(&dna), one_hot_in(Alphabet::Dna, &general));
    }

    #[test]
    #[should_panic(expected = "sequence 1 has length 1 not 2")]
    fn a_ragged_batch_panics_without_a_length() {
        let letters = vec![
            Alphabet::Protein.parse("MK").unwrap(),
            Alphabet::Protein.parse("W").unwrap(),
        ];
        one_hot_batch_in(Alphabet::Protein, &letters, None);
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
