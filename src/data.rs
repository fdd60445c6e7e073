//! Datasets as tensors: inputs `x: [N, …]` (for sequences `[N, L, 4]` one-hot) and targets
//! `y: [N, K]` (one-hot classes or regression values), with row selection for batching, and seeded
//! train/test splits ([`split`], and scikit-learn's own for the lecture: [`sklearn_split`]); uploaded tables of sequences and values are read by [`csv`]; tables of numbers (the bioreactor
//! lab's runs) are [`numeric`].

pub mod csv;
pub mod numeric;
pub mod samples;
pub mod sklearn_split;
pub mod split;
pub mod table;
pub mod variant_table;

pub use numeric::{NumericError, NumericTable};
pub use samples::{CodedSequences, Rows, Samples};
pub use split::{Split, SplitMethod, train_test_split};
pub use table::{SequenceTable, TableError};
pub use variant_table::VariantTable;

use ndarray::{Array2, ArrayD, Axis};

/// Inputs and targets, row `i` of each belonging together.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// `[N, …sample shape]`.
    pub x: ArrayD<f32>,
    /// `[N, K]`.
    pub y: Array2<f32>,
}

impl Dataset {
    /// Pairs inputs with targets.
    ///
    /// # Panics
    /// If they differ in number of rows.
    pub fn new(x: ArrayD<f32>, y: Array2<f32>) -> Dataset {
        assert_eq!(
            x.shape()[0],
            y.nrows(),
            "dataset: {} inputs but {} targets",
            x.shape()[0],
            y.nrows()
        );
        Dataset { x, y }
    }

    /// Number of samples `N`.
    pub fn len(&self) -> usize {
        self.y.nrows()
    }

    /// Whether there is no sample.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The rows at `indices`, in that order.
    pub fn select(&self, indices: &[usize]) -> Dataset {
        Dataset {
            x: self.x.select(Axis(0), indices),
            y: self.y.select(Axis(0), indices),
        }
    }

    /// Rows `..at` and `at..`.
    pub fn split_at(&self, at: usize) -> (Dataset, Dataset) {
        let at = at.min(self.len());
        let head: Vec<usize> = (0..at).collect();
        let tail: Vec<usize> = (at..self.len()).collect();
        (self.select(&head), self.select(&tail))
    }
}
