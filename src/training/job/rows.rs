//! The rows a job carries to the worker: sequences (one-hot encoded there, kept as letter codes)
//! or a table of numbers (the bioreactor lab's conditions).

use super::JobFailure;
use crate::data::numeric::NumericTable;
use crate::data::{Samples, SequenceTable, VariantTable};
use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// A job's rows. On the wire it is the table itself (a sequence table has `sequences`, a variant
/// table `variants`, a table of numbers `features`), so a job written before the other kinds
/// existed still reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum JobRows {
    /// Sequences and their targets, one-hot encoded in the worker.
    Sequences(SequenceTable),
    /// Variants of one wild type (expanded to proteins in the worker).
    Variants(VariantTable),
    /// Rows of numbers (features and targets).
    Numbers(NumericTable),
}

impl From<VariantTable> for JobRows {
    fn from(table: VariantTable) -> JobRows {
        JobRows::Variants(table)
    }
}

impl From<SequenceTable> for JobRows {
    fn from(table: SequenceTable) -> JobRows {
        JobRows::Sequences(table)
    }
}

impl From<NumericTable> for JobRows {
    fn from(table: NumericTable) -> JobRows {
        JobRows::Numbers(table)
    }
}

impl JobRows {
    /// Number of rows.
    pub fn len(&self) -> usize {
        match self {
            JobRows::Sequences(t) => t.sequences.len(),
            JobRows::Variants(t) => t.len(),
            JobRows::Numbers(t) => t.len(),
        }
    }

    /// Whether there is no row.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The rows as the engine reads them; sequences padded or cut to `fit_length` if given.
    ///
    /// # Errors
    /// The first bad row or shape, in both languages.
    pub fn samples(&self, fit_length: Option<usize>) -> Result<Samples, JobFailure> {
        let failed = |message: &dyn Fn(Lang) -> String| JobFailure {
            ko: message(Lang::Ko),
            en: message(Lang::En),
        };
        match self {
            JobRows::Sequences(t) => t
                .to_samples_fitted(fit_length)
                .map_err(|e| failed(&|l| e.message(l))),
            JobRows::Variants(t) => t.to_samples().map_err(|e| failed(&|l| e.message(l))),
            JobRows::Numbers(t) => t
                .to_dataset()
                .map(Samples::Dense)
                .map_err(|e| failed(&|l| e.message(l))),
        }
    }
}
