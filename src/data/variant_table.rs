//! Variants of one wild type with their targets, as a job carries them: each row the wild type's
//! substitutions in 0-based notation (`A108D,K156R`; empty for the wild type itself), expanded to
//! full sequences only where the rows are read. 40,000 avGFP variants are about 1 MB this way
//! instead of 10 MB of full proteins.

use super::{CodedSequences, Samples, TableError};
use crate::bio::Alphabet;
use crate::bio::alphabet::Letter;
use crate::bio::variants::{Numbering, WildType};
use ndarray::Array2;
use serde::{Deserialize, Serialize};

/// Variant rows of one wild type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VariantTable {
    /// The protein every row is a variant of.
    pub wild_type: String,
    /// Each row's substitutions, 0-based (`A108D,K156R`; empty: the wild type).
    pub variants: Vec<String>,
    /// One target row per variant, all of one width.
    #[serde(with = "crate::wire::rows_f32")]
    pub targets: Vec<Vec<f32>>,
}

impl VariantTable {
    /// Number of rows.
    pub fn len(&self) -> usize {
        self.variants.len()
    }

    /// Whether there is no row.
    pub fn is_empty(&self) -> bool {
        self.variants.is_empty()
    }

    /// Every row as a coded one-hot protein `[N, L, 21]` (`L` the wild type's length).
    ///
    /// # Errors
    /// [`TableError`] for no rows, a wild type that is not protein, a variant that does not fit it
    /// (named with its row) or ragged targets.
    pub fn to_samples(&self) -> Result<Samples, TableError> {
        let width = self
            .targets
            .first()
            .map(Vec::len)
            .ok_or(TableError::Empty)?;
        if self.variants.len() != self.targets.len() {
            return Err(TableError::Targets {
                row: self.variants.len().min(self.targets.len()) + 1,
            });
        }
        let alphabet = Alphabet::Protein;
        let wild_letters = alphabet
            .parse(&self.wild_type)
            .map_err(|error| TableError::BadSequence { row: 0, error })?;
        let wild_type = WildType::new(&self.wild_type)
            .map_err(|error| TableError::BadSequence { row: 0, error })?;
        let mut letters = Vec::with_capacity(self.variants.len());
        for (i, variant) in self.variants.iter().enumerate() {
            let substitutions = wild_type
                .parse(variant, Numbering::ZeroBased)
                .map_err(|error| TableError::Variant { row: i + 1, error })?;
            if self.targets[i].len() != width {
                return Err(TableError::Targets { row: i + 1 });
            }
            let mut row: Vec<Letter> = wild_letters.clone();
            for s in substitutions {
                row[s.index] = alphabet.read(s.to).unwrap_or(Letter::Unknown);
            }
            letters.push(row);
        }
        let y = Array2::from_shape_vec((self.targets.len(), width), self.targets.concat())
            .expect("N × K targets");
        Ok(Samples::Coded(CodedSequences::new(
            alphabet,
            &letters,
            wild_letters.len(),
            y,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Rows, SequenceTable};

    #[test]
    fn variants_expand_to_the_proteins_they_name() {
        let table = VariantTable {
            wild_type: "MKTAYIA".into(),
            variants: vec!["".into(), "K1R,A6*".into()],
            targets: vec![vec![1.0], vec![0.5]],
        };
        let full = SequenceTable {
            sequences: vec!["MKTAYIA".into(), "MRTAYI*".into()],
            targets: table.targets.clone(),
            alphabet: Alphabet::Protein,
        };
        let samples = table.to_samples().unwrap();
        assert_eq!(samples.sample_shape(), vec![7, 21]);
        assert_eq!(samples, full.to_dataset().unwrap());
        let wrong = VariantTable {
            variants: vec!["K1R".into(), "T1A".into()],
            ..table
        };
        let error = wrong.to_samples().unwrap_err();
        assert!(
            matches!(error, TableError::Variant { row: 2, .. }),
            "{error:?}"
        );
        assert!(error.message(crate::lang::Lang::En).starts_with("Row 2"));
    }
}
