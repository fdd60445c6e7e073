//! Rows as the engine reads them: one batch at a time ([`Rows::batch`]). A dense [`Dataset`] is
//! one kind; one-hot sequences kept as their letter codes ([`CodedSequences`]) are the other, so
//! 40,000 proteins of 237 residues take 9 MB of codes instead of 800 MB of one-hot floats, and
//! each batch is expanded when it is needed.

use super::Dataset;
use crate::bio::alphabet::{Alphabet, Letter};
use crate::bio::one_hot::write_row;
use ndarray::{Array2, Array3, Axis};

/// Rows that can be read a batch at a time.
pub trait Rows {
    /// Number of rows `N`.
    fn len(&self) -> usize;

    /// Whether there is no row.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The targets `[N, K]`.
    fn targets(&self) -> &Array2<f32>;

    /// The rows at `rows`, in that order, as dense tensors.
    ///
    /// # Shapes
    /// `x: [B, …sample shape]`, `y: [B, K]` for `B = rows.len()`.
    fn batch(&self, rows: &[usize]) -> Dataset;

    /// The shape of one input row (`[L, 4]`, `[F]`, …).
    fn sample_shape(&self) -> Vec<usize>;
}

impl Rows for Dataset {
    fn len(&self) -> usize {
        self.y.nrows()
    }

    fn targets(&self) -> &Array2<f32> {
        &self.y
    }

    fn batch(&self, rows: &[usize]) -> Dataset {
        self.select(rows)
    }

    fn sample_shape(&self) -> Vec<usize> {
        self.x.shape()[1..].to_vec()
    }
}

/// One-hot sequences stored as one byte per position: code `c < size` is the letter of column
/// `c`, `size` an unknown letter (`N`, `X`), `size + 1` no letter (padding, an all-zero row).
#[derive(Clone, Debug, PartialEq)]
pub struct CodedSequences {
    /// `[N, L]` letter codes.
    codes: Array2<u8>,
    /// `[size + 2, size]`: the one-hot row each code stands for.
    table: Array2<f32>,
    /// `[N, K]` targets.
    y: Array2<f32>,
}

impl CodedSequences {
    /// Codes `sequences` of `alphabet`, each cut or padded to `length`.
    ///
    /// # Panics
    /// If `y` has not one row per sequence, or the alphabet has more than 254 letters.
    pub fn new(
        alphabet: Alphabet,
        sequences: &[Vec<Letter>],
        length: usize,
        y: Array2<f32>,
    ) -> CodedSequences {
        assert_eq!(sequences.len(), y.nrows(), "one target row per sequence");
        let size = alphabet.size();
        let (unknown, padding) = (
            u8::try_from(size).expect("at most 254 letters"),
            u8::try_from(size + 1).expect("at most 254 letters"),
        );
        let mut table = Array2::zeros((size + 2, size));
        for (code, row) in table.rows_mut().into_iter().enumerate() {
            if code < size {
                write_row(alphabet, Letter::Known(code as u8), row);
            } else if code == size {
                write_row(alphabet, Letter::Unknown, row);
            }
        }
        let mut codes = Array2::from_elem((sequences.len(), length), padding);
        for (mut out, sequence) in codes.rows_mut().into_iter().zip(sequences) {
            for (cell, letter) in out.iter_mut().zip(sequence) {
                *cell = match letter {
                    Letter::Known(i) => *i,
                    Letter::Unknown => unknown,
                };
            }
        }
        CodedSequences { codes, table, y }
    }

    /// Every row as one dense dataset `[N, L, size]`.
    pub fn dense(&self) -> Dataset {
        let rows: Vec<usize> = (0..self.len()).collect();
        self.batch(&rows)
    }

    /// The rows at `rows`, still coded.
    pub fn select(&self, rows: &[usize]) -> CodedSequences {
        CodedSequences {
            codes: self.codes.select(Axis(0), rows),
            table: self.table.clone(),
            y: self.y.select(Axis(0), rows),
        }
    }
}

impl Rows for CodedSequences {
    fn len(&self) -> usize {
        self.y.nrows()
    }

    fn targets(&self) -> &Array2<f32> {
        &self.y
    }

    fn batch(&self, rows: &[usize]) -> Dataset {
        let (length, width) = (self.codes.ncols(), self.table.ncols());
        let mut x = Array3::<f32>::zeros((rows.len(), length, width));
        for (mut matrix, &r) in x.outer_iter_mut().zip(rows) {
            for (mut out, &code) in matrix.rows_mut().into_iter().zip(self.codes.row(r)) {
                out.assign(&self.table.row(usize::from(code)));
            }
        }
        Dataset::new(x.into_dyn(), self.y.select(Axis(0), rows))
    }

    fn sample_shape(&self) -> Vec<usize> {
        vec![self.codes.ncols(), self.table.ncols()]
    }
}

/// Rows to train or score on: dense tensors or coded sequences.
#[derive(Clone, Debug, PartialEq)]
pub enum Samples {
    /// Dense inputs (tables of numbers, tests).
    Dense(Dataset),
    /// One-hot sequences kept as codes.
    Coded(CodedSequences),
}

impl From<Dataset> for Samples {
    fn from(data: Dataset) -> Samples {
        Samples::Dense(data)
    }
}

impl Samples {
    /// Number of rows `N`.
    pub fn len(&self) -> usize {
        Rows::len(self)
    }

    /// Whether there is no row.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The rows at `rows`, in that order, of the same kind.
    pub fn select(&self, rows: &[usize]) -> Samples {
        match self {
            Samples::Dense(d) => Samples::Dense(d.select(rows)),
            Samples::Coded(c) => Samples::Coded(c.select(rows)),
        }
    }

    /// Rows `..at` and `at..`.
    pub fn split_at(&self, at: usize) -> (Samples, Samples) {
        let at = at.min(self.len());
        let (head, tail): (Vec<usize>, Vec<usize>) =
            ((0..at).collect(), (at..self.len()).collect());
        (self.select(&head), self.select(&tail))
    }

    /// Every row as one dense dataset.
    pub fn dense(&self) -> Dataset {
        match self {
            Samples::Dense(d) => d.clone(),
            Samples::Coded(c) => c.dense(),
        }
    }
}

impl PartialEq<Dataset> for Samples {
    /// Whether the rows, made dense, are `other`'s.
    fn eq(&self, other: &Dataset) -> bool {
        match self {
            Samples::Dense(d) => d == other,
            Samples::Coded(c) => c.len() == other.len() && c.dense() == *other,
        }
    }
}

impl Rows for Samples {
    fn len(&self) -> usize {
        self.targets().nrows()
    }

    fn targets(&self) -> &Array2<f32> {
        match self {
            Samples::Dense(d) => &d.y,
            Samples::Coded(c) => &c.y,
        }
    }

    fn batch(&self, rows: &[usize]) -> Dataset {
        match self {
            Samples::Dense(d) => d.batch(rows),
            Samples::Coded(c) => c.batch(rows),
        }
    }

    fn sample_shape(&self) -> Vec<usize> {
        match self {
            Samples::Dense(d) => d.sample_shape(),
            Samples::Coded(c) => c.sample_shape(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bio::one_hot::one_hot_batch_in;

    #[test]
    fn coded_batches_are_the_one_hot_tensor_rows() {
        for (alphabet, texts) in [
            (Alphabet::Dna, ["ACGTN", "TTA", "GGGGGG"]),
            (Alphabet::Protein, ["MKX*A", "WY", "ACDEFG"]),
        ] {
            let letters: Vec<Vec<Letter>> =
                texts.iter().map(|t| alphabet.parse(t).unwrap()).collect();
            let y = Array2::from_shape_fn((3, 1), |(i, _)| i as f32);
            let coded = CodedSequences::new(alphabet, &letters, 5, y.clone());
            let dense = one_hot_batch_in(alphabet, &letters, Some(5)).into_dyn();
            assert_eq!(coded.dense(), Dataset::new(dense.clone(), y.clone()));
            let batch = coded.batch(&[2, 0]);
            assert_eq!(batch.x, Dataset::new(dense, y).select(&[2, 0]).x);
            assert_eq!(coded.sample_shape(), vec![5, alphabet.size()]);
            let (head, tail) = Samples::Coded(coded).split_at(1);
            assert_eq!((head.len(), tail.len()), (1, 2));
            assert_eq!(tail.batch(&[1]).y[[0, 0]], 2.0);
        }
    }
}
