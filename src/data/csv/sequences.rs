//! Reading sequences to predict: FASTA (a file starting with a `>` line: each `>` line starts a
//! record, the lines under it are joined), one sequence per line, or the first column of a
//! CSV/TSV (a first-row header named `sequence`, `seq`, `utr`, `dna` or `rna`, and `>` lines, are
//! counted as headers). Every line is accounted for, as in [`super::read`].

use super::lines::{self, LineProblem};
use super::{
    Accepted, FileError, Limits, Rejected, RowError, Table, decode, sequence_field, sniff,
};

/// Header names of a one-column list.
const HEADERS: [&str; 6] = ["sequence", "sequences", "seq", "utr", "dna", "rna"];

/// Reads a list of sequences; accepted rows carry `value` NaN.
///
/// # Errors
/// The file-level [`FileError`]s of [`decode`], and [`FileError::TooManyRows`].
pub fn read_sequences(bytes: &[u8], limits: Limits) -> Result<Table, FileError> {
    let decoded = decode(bytes, limits.max_bytes)?;
    let text = decoded.text.as_ref();
    let fasta = lines::lines(text)
        .find(|(_, l)| !l.trim().is_empty())
        .is_some_and(|(_, l)| l.trim_start().starts_with('>'));
    if fasta {
        return read_fasta(text, limits);
    }
    let sample: Vec<&str> = lines::lines(text)
        .map(|(_, l)| l)
        .filter(|l| !l.trim().is_empty())
        .take(50)
        .collect();
    let delimiter = sniff::delimiter(&sample, limits.max_columns);
    let mut table = Table::default();
    let mut seen_row = false;
    for (line, raw) in lines::lines(text) {
        table.lines = line;
        let field = match lines::split(raw, delimiter, limits.max_columns) {
            Ok(fields) => match fields.into_iter().next() {
                Some(first) if !first.is_empty() => Ok(first.into_owned()),
                Some(_) => Err(RowError::EmptySequence),
                None => {
                    table.blank_lines += 1;
                    continue;
                }
            },
            Err(LineProblem::UnclosedQuote { field }) => Err(RowError::UnclosedQuote { field }),
            Err(LineProblem::TooManyFields { limit }) => Err(RowError::TooManyFields { limit }),
        };
        let first_row = !seen_row;
        seen_row = true;
        let header = field.as_ref().is_ok_and(|f| {
            f.starts_with('>') || (first_row && HEADERS.contains(&f.to_ascii_lowercase().as_str()))
        });
        if header {
            table.header_lines += 1;
            continue;
        }
        push(
            &mut table,
            line,
            field.and_then(|f| sequence_field(&f, limits.max_length)),
            limits,
        )?;
    }
    Ok(table)
}

/// Adds one row's verdict, checking the row limit first.
fn push(
    table: &mut Table,
    line: usize,
    verdict: Result<String, RowError>,
    limits: Limits,
) -> Result<(), FileError> {
    if table.rows.len() + table.rejected.len() >= limits.max_rows {
        return Err(FileError::TooManyRows {
            limit: limits.max_rows,
        });
    }
    match verdict {
        Ok(sequence) => table.rows.push(Accepted {
            line,
            sequence,
            value: f64::NAN,
        }),
        Err(error) => table.rejected.push(Rejected { line, error }),
    }
    Ok(())
}

/// FASTA: every record is one row at its `>` line; its sequence lines are joined.
fn read_fasta(text: &str, limits: Limits) -> Result<Table, FileError> {
    let mut table = Table::default();
    // The open record: its `>` line, its sequence so far (kept up to the limit) and its length.
    let mut open: Option<(usize, String, usize)> = None;
    let close = |table: &mut Table, record: Option<(usize, String, usize)>| {
        let Some((line, sequence, length)) = record else {
            return Ok(());
        };
        let verdict = if length > limits.max_length {
            Err(RowError::TooLong {
                length,
                limit: limits.max_length,
            })
        } else {
            sequence_field(&sequence, limits.max_length)
        };
        push(table, line, verdict, limits)
    };
    for (line, raw) in lines::lines(text) {
        table.lines = line;
        let trimmed = raw.trim();
        if trimmed.starts_with('>') {
            close(&mut table, open.take())?;
            open = Some((line, String::new(), 0));
        } else if trimmed.is_empty() {
            table.blank_lines += 1;
        } else if let Some((_, sequence, length)) = open.as_mut() {
            table.joined_lines += 1;
            *length += trimmed.chars().filter(|c| !c.is_whitespace()).count();
            if *length <= limits.max_length {
                sequence.push_str(trimmed);
            }
        } else {
            // Lines before the first `>` (not reached: a FASTA text starts with one).
            open = Some((line, trimmed.to_string(), trimmed.chars().count()));
        }
    }
    close(&mut table, open.take())?;
    Ok(table)
}
