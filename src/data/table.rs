//! Sequences with their targets as plain data (what the page sends to the training worker), and
//! their one-hot tensors `[N, L, alphabet.size()]`: `[N, L, 4]` for DNA, `[N, L, 21]` for protein.

use super::{CodedSequences, Dataset, Samples};
use crate::bio::alphabet::{Alphabet, SequenceError};
use crate::bio::variants::VariantError;
use crate::lang::Lang;
use ndarray::Array2;
use serde::{Deserialize, Serialize};

/// Equal-length sequences and one target row each.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SequenceTable {
    /// Sequence text in `alphabet`, one sequence per row.
    pub sequences: Vec<String>,
    /// One target row per sequence (one-hot classes or values), all of the same width.
    #[serde(with = "crate::wire::rows_f32")]
    pub targets: Vec<Vec<f32>>,
    /// The alphabet of the sequences (absent in tables saved before proteins: DNA).
    #[serde(default)]
    pub alphabet: Alphabet,
}

/// Why a table cannot become a dataset. Rows are 1-based.
#[derive(Clone, Debug, PartialEq)]
pub enum TableError {
    /// The table has no row.
    Empty,
    /// A sequence that is not written in the table's alphabet.
    BadSequence {
        /// The row.
        row: usize,
        /// What is wrong with it.
        error: SequenceError,
    },
    /// A sequence whose length differs from the first one's.
    Length {
        /// The row.
        row: usize,
        /// The first row's length.
        expected: usize,
        /// This row's length.
        found: usize,
    },
    /// As `Length`, for an alphabet other than DNA (the message names its unit, `aa`).
    LengthOf {
        /// The row.
        row: usize,
        /// The first row's length.
        expected: usize,
        /// This row's length.
        found: usize,
        /// The table's alphabet.
        alphabet: Alphabet,
    },
    /// A target row of another width, or a different number of targets and sequences.
    Targets {
        /// The row.
        row: usize,
    },
    /// A variant that does not fit its wild type.
    Variant {
        /// The row.
        row: usize,
        /// What is wrong with it.
        error: VariantError,
    },
}

impl TableError {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TableError::Empty => lang.pick(
                "데이터가 비어 있습니다.".into(),
                "The data is empty.".into(),
            ),
            TableError::BadSequence { row, error } => lang.pick(
                format!("{row}번째 행: {}", error.message(lang)),
                format!("Row {row}: {}", error.message(lang)),
            ),
            TableError::Length {
                row,
                expected,
                found,
            } => lang.pick(
                format!("{row}번째 행의 길이는 {found}인데 첫 행은 {expected}입니다."),
                format!("Row {row} is {found} bases long but the first row is {expected}."),
            ),
            TableError::LengthOf {
                row,
                expected,
                found,
                alphabet,
            } => lang.pick(
                format!(
                    "{row}번째 행의 길이는 {found} {}인데 첫 행은 {expected} {}입니다.",
                    alphabet.unit(),
                    alphabet.unit()
                ),
                format!(
                    "Row {row} is {found} {} long but the first row is {expected} {}.",
                    alphabet.unit(),
                    alphabet.unit()
                ),
            ),
            TableError::Variant { row, error } => lang.pick(
                format!("{row}번째 행: {}", error.message(lang)),
                format!("Row {row}: {}", error.message(lang)),
            ),
            TableError::Targets { row } => lang.pick(
                format!("{row}번째 행의 목표값 개수가 다릅니다."),
                format!("Row {row} has a different number of target values."),
            ),
        }
    }
}

crate::message!(TableError);

impl SequenceTable {
    /// One-hot inputs `[N, L, alphabet.size()]` and targets `[N, K]`, all sequences of one length.
    ///
    /// # Errors
    /// [`TableError`] for an empty table, a bad or differently long sequence, or ragged targets.
    pub fn to_dataset(&self) -> Result<Dataset, TableError> {
        self.to_dataset_fitted(None)
    }

    /// Like [`SequenceTable::to_dataset`], but with `Some(length)` every sequence is cut to
    /// `length` (its 3′ or C-terminal end dropped) or padded on the right with all-zero rows ("no
    /// letter"), so sequences of different lengths fit one tensor `[N, length, alphabet.size()]`.
    ///
    /// # Errors
    /// As [`SequenceTable::to_dataset`] (without the length check when fitting).
    pub fn to_dataset_fitted(&self, length: Option<usize>) -> Result<Dataset, TableError> {
        Ok(self.to_samples_fitted(length)?.dense())
    }

    /// Like [`SequenceTable::to_dataset_fitted`], but the one-hot rows are kept as letter codes
    /// ([`CodedSequences`]: one byte per position, expanded a batch at a time).
    ///
    /// # Errors
    /// As [`SequenceTable::to_dataset_fitted`].
    pub fn to_samples_fitted(&self, length: Option<usize>) -> Result<Samples, TableError> {
        let width = self
            .targets
            .first()
            .map(Vec::len)
            .ok_or(TableError::Empty)?;
        if self.sequences.len() != self.targets.len() {
            return Err(TableError::Targets {
                row: self.sequences.len().min(self.targets.len()) + 1,
            });
        }
        let mut symbols = Vec::with_capacity(self.sequences.len());
        for (i, text) in self.sequences.iter().enumerate() {
            let parsed = self
                .alphabet
                .parse(text)
                .map_err(|error| TableError::BadSequence { row: i + 1, error })?;
            let first = symbols.first().map(Vec::len).filter(|&l| l != parsed.len());
            if let (Some(first), None) = (first, length) {
                return Err(match self.alphabet {
                    Alphabet::Dna => TableError::Length {
                        row: i + 1,
                        expected: first,
                        found: parsed.len(),
                    },
                    alphabet => TableError::LengthOf {
                        row: i + 1,
                        expected: first,
                        found: parsed.len(),
                        alphabet,
                    },
                });
            }
            if self.targets[i].len() != width {
                return Err(TableError::Targets { row: i + 1 });
            }
            symbols.push(parsed);
        }
        let y = Array2::from_shape_vec((self.targets.len(), width), self.targets.concat())
            .expect("N × K targets");
        let length = length.unwrap_or_else(|| symbols.first().map_or(0, Vec::len));
        Ok(Samples::Coded(CodedSequences::new(
            self.alphabet,
            &symbols,
            length,
            y,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_become_datasets_or_name_the_bad_row() {
        let table = SequenceTable {
            sequences: vec!["ACG".into(), "uuN".into()],
            targets: vec![vec![1.0, 0.0], vec![0.0, 1.0]],
            alphabet: Alphabet::Dna,
        };
        let data = table.to_dataset().unwrap();
        assert_eq!(data.x.shape(), &[2, 3, 4]);
        assert_eq!(data.y[[1, 1]], 1.0);
        let short = SequenceTable {
            sequences: vec!["ACG".into(), "AC".into()],
            ..table.clone()
        };
        assert_eq!(
            short.to_dataset(),
            Err(TableError::Length {
                row: 2,
                expected: 3,
                found: 2
            })
        );
        let bad = SequenceTable {
            sequences: vec!["ACG".into(), "AXG".into()],
            ..table.clone()
        };
        assert!(matches!(
            bad.to_dataset(),
            Err(TableError::BadSequence { row: 2, .. })
        ));
        let ragged = SequenceTable {
            targets: vec![vec![1.0, 0.0], vec![1.0]],
            ..table
        };
        assert_eq!(ragged.to_dataset(), Err(TableError::Targets { row: 2 }));
        assert_eq!(
            SequenceTable::default().to_dataset(),
            Err(TableError::Empty)
        );
    }

    #[test]
    fn fitting_pads_with_zero_rows_and_cuts_the_three_prime_end() {
        let mixed = SequenceTable {
            sequences: vec!["ACGT".into(), "AC".into()],
            targets: vec![vec![1.0], vec![2.0]],
            alphabet: Alphabet::Dna,
        };
        assert!(
            mixed.to_dataset().is_err(),
            "unequal lengths need a fitting length"
        );
        let fitted = mixed.to_dataset_fitted(Some(3)).unwrap();
        assert_eq!(fitted.x.shape(), &[2, 3, 4]);
        assert_eq!(
            (0..4).map(|b| fitted.x[[1, 2, b]]).sum::<f32>(),
            0.0,
            "a zero row"
        );
        assert_eq!(fitted.x[[0, 2, 2]], 1.0, "G is kept, the T cut off");
    }

    #[test]
    fn protein_tables_are_21_columns_wide_and_old_tables_read_as_dna() {
        let protein = SequenceTable {
            sequences: vec!["MSKGE".into(), "MSK*X".into()],
            targets: vec![vec![3.7], vec![1.3]],
            alphabet: Alphabet::Protein,
        };
        let data = protein.to_dataset().unwrap();
        assert_eq!(data.x.shape(), &[2, 5, 21]);
        assert_eq!(data.x[[1, 3, 20]], 1.0, "the stop column");
        let short = SequenceTable {
            sequences: vec!["MSKGE".into(), "MSK".into()],
            ..protein.clone()
        };
        let error = short.to_dataset().unwrap_err();
        assert!(error.message(Lang::En).contains("3 aa long"), "{error}");
        let bad = SequenceTable {
            sequences: vec!["MSKGE".into(), "MSKGB".into()],
            ..protein.clone()
        };
        assert!(matches!(
            bad.to_dataset(),
            Err(TableError::BadSequence {
                row: 2,
                error: SequenceError::InvalidLetter { ch: 'B', .. }
            })
        ));
        // As DNA, the same letters are not bases.
        let as_dna = SequenceTable {
            alphabet: Alphabet::Dna,
            ..protein.clone()
        };
        assert!(as_dna.to_dataset().is_err());
        let json = serde_json::to_string(&protein).unwrap();
        assert!(json.contains("\"alphabet\":\"protein\""), "{json}");
        let back: SequenceTable = serde_json::from_str(&json).unwrap();
        assert_eq!(back, protein);
        let old: SequenceTable =
            serde_json::from_str(r#"{"sequences":["ACG"],"targets":[[1.0]]}"#).unwrap();
        assert_eq!(old.alphabet, Alphabet::Dna);
        assert_eq!(old.to_dataset().unwrap().x.shape(), &[1, 3, 4]);
    }
}
