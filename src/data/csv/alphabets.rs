//! Uploads in any [`Alphabet`]: a sequence field checked in the chosen alphabet, and a whole file
//! read in the alphabet chosen or detected from its sequence column ([`Alphabet::detect`]).

use super::{FileError, Layout, Limits, RowError, Table, decode, lines, read_rows, sequence_field};
use crate::bio::alphabet::{Alphabet, SequenceError};

/// A sequence field checked in `alphabet` and upper-cased (DNA exactly as [`sequence_field`]).
///
/// # Errors
/// [`RowError::EmptySequence`]; for DNA [`RowError::TooLong`] and [`RowError::InvalidBase`], for
/// other alphabets [`RowError::TooManyLetters`] and [`RowError::InvalidLetter`], which name the
/// alphabet.
pub fn sequence_field_in(
    field: &str,
    alphabet: Alphabet,
    max_length: usize,
) -> Result<String, RowError> {
    if alphabet == Alphabet::Dna {
        return sequence_field(field, max_length);
    }
    if field.len() > max_length {
        let length = field.chars().filter(|c| !c.is_whitespace()).count();
        if length > max_length {
            return Err(RowError::TooManyLetters {
                length,
                limit: max_length,
                alphabet,
            });
        }
    }
    match alphabet.normalize(field) {
        Ok(text) => Ok(text),
        Err(SequenceError::Empty | SequenceError::NoLetters { .. }) => Err(RowError::EmptySequence),
        Err(
            SequenceError::InvalidChar { ch, position }
            | SequenceError::InvalidLetter { ch, position, .. },
        ) => Err(RowError::InvalidLetter {
            ch,
            position,
            alphabet,
        }),
    }
}

/// Reads every row with `layout`, the sequences in `alphabet`, or (`None`) in the alphabet
/// [`Alphabet::detect`] finds in the sequence column of every row. [`Table::alphabet`] says
/// which.
///
/// # Errors
/// As [`read`].
pub fn read_as(
    bytes: &[u8],
    layout: &Layout,
    alphabet: Option<Alphabet>,
    limits: Limits,
) -> Result<Table, FileError> {
    let alphabet = match alphabet {
        Some(alphabet) => alphabet,
        None => detect_column(bytes, layout, limits)?,
    };
    let mut table = read_rows(bytes, layout, limits, |field| {
        sequence_field_in(field, alphabet, limits.max_length)
    })?;
    table.alphabet = alphabet;
    Ok(table)
}

/// The alphabet of the sequence column (every data row votes, see [`Alphabet::detect`]).
fn detect_column(bytes: &[u8], layout: &Layout, limits: Limits) -> Result<Alphabet, FileError> {
    let decoded = decode(bytes, limits.max_bytes)?;
    let column = layout.sequence_column;
    let mut fields: Vec<String> = Vec::new();
    let mut header = layout.has_header;
    for (_, raw) in lines::lines(decoded.text.as_ref()) {
        let Ok(split) = lines::split(raw, layout.delimiter, limits.max_columns) else {
            continue;
        };
        if split.is_empty() {
            continue;
        }
        if std::mem::take(&mut header) {
            continue;
        }
        if let Some(field) = split.get(column).filter(|f| f.len() <= limits.max_length) {
            fields.push(field.to_string());
        }
    }
    Ok(Alphabet::detect(fields.iter().map(String::as_str)))
}
