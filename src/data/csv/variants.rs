//! The variant layout of an upload: a column of substitutions (`A108D,K156R`, `WT`) and a value
//! column, read against a wild-type protein (pasted, or the built-in one) into full sequences.
//! Every row is accepted (its expanded sequence) or rejected with its line and a
//! [`RowError::Variant`] naming what is wrong; two spellings of one variant (`A1D,K2R` and
//! `K2R,A1D`) expand to one sequence and the later is rejected as a duplicate, as in [`super::read`].
//!
//! A variant with commas inside a comma-separated file must be quoted (`"A108D,K156R",3.7`); a
//! tab-separated file (the avGFP table) needs no quotes.

use super::{FileError, Layout, Limits, Preview, RowError, Table, decode, lines, read_rows};
use crate::bio::Alphabet;
use crate::bio::variants::{Numbering, NumberingCheck, WildType, parse_notation};

/// Reads the rows of `layout` whose `sequence_column` holds variants of `wild_type`, numbered by
/// `numbering`; accepted rows carry the full protein sequence ([`Table::alphabet`] is protein).
/// A wild type longer than [`Limits::max_length`] expands to nothing: every row is rejected with
/// [`RowError::TooManyLetters`] (so a file of 200,000 `WT` rows never becomes gigabytes).
///
/// # Errors
/// As [`super::read`].
pub fn read_variants(
    bytes: &[u8],
    layout: &Layout,
    wild_type: &WildType,
    numbering: Numbering,
    limits: Limits,
) -> Result<Table, FileError> {
    let too_long = (wild_type.len() > limits.max_length).then_some(RowError::TooManyLetters {
        length: wild_type.len(),
        limit: limits.max_length,
        alphabet: Alphabet::Protein,
    });
    let mut table = read_rows(bytes, layout, limits, |field| {
        if let Some(error) = &too_long {
            return Err(error.clone());
        }
        wild_type
            .expand(field, numbering)
            .map_err(|error| RowError::Variant { error })
    })?;
    table.alphabet = Alphabet::Protein;
    Ok(table)
}

/// The column of a preview whose rows are mostly variant notation (the first such column; a
/// column of only `WT` does not count).
pub fn variant_column(preview: &Preview) -> Option<usize> {
    let width = preview.columns.len();
    (0..width).find(|&c| {
        let fields: Vec<&str> = preview
            .rows
            .iter()
            .filter_map(|r| r.get(c).map(String::as_str))
            .collect();
        let variants = fields
            .iter()
            .filter(|f| parse_notation(f).is_ok_and(|v| !v.is_empty()))
            .count();
        variants > 0 && variants * 2 >= fields.len()
    })
}

/// How many substitutions of the variant column agree with `wild_type` when counted from 0 and
/// from 1 ([`NumberingCheck::numbering`] picks the numbering where all do).
///
/// # Errors
/// The file-level [`FileError`]s of [`decode`].
pub fn numbering_of(
    bytes: &[u8],
    layout: &Layout,
    wild_type: &WildType,
    limits: Limits,
) -> Result<NumberingCheck, FileError> {
    let decoded = decode(bytes, limits.max_bytes)?;
    let mut fields: Vec<String> = Vec::new();
    let mut header = layout.has_header;
    for (_, raw) in lines::lines(decoded.text.as_ref()) {
        let Ok(split) = lines::split(raw, layout.delimiter, limits.max_columns) else {
            continue;
        };
        if split.is_empty() || std::mem::take(&mut header) {
            continue;
        }
        if let Some(field) = split.get(layout.sequence_column) {
            fields.push(field.to_string());
        }
    }
    Ok(wild_type.numbering_of(fields.iter().map(String::as_str)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::csv::Decimal;

    #[test]
    fn a_wild_type_longer_than_the_limit_expands_to_nothing() {
        let wt = WildType::new("SKGEELFTGVVP").unwrap();
        let layout = Layout {
            delimiter: b',',
            decimal: Decimal::Point,
            has_header: false,
            sequence_column: 0,
            value_column: 1,
        };
        let bytes = b"E3V,1.0\nWT,2.0\n";
        let small = Limits {
            max_length: 5,
            ..Limits::default()
        };
        let table = read_variants(bytes, &layout, &wt, Numbering::ZeroBased, small).unwrap();
        assert!(table.rows.is_empty() && table.is_complete());
        assert_eq!(
            table.rejected[1].error,
            RowError::TooManyLetters {
                length: 12,
                limit: 5,
                alphabet: Alphabet::Protein
            }
        );
        assert!(
            table.rejected[1]
                .error
                .message(crate::lang::Lang::En)
                .contains("12 aa long; the labs take at most 5 aa")
        );
        let table =
            read_variants(bytes, &layout, &wt, Numbering::ZeroBased, Limits::default()).unwrap();
        assert_eq!(table.rows[0].sequence, "SKGVELFTGVVP");
    }
}
