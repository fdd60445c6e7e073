//! Reading an uploaded table of sequences and values (CSV or TSV, with or without a header) with
//! the `csv` crate, checking every row and losing none silently.
//!
//! - File level ([`FileError`]): empty, not text (NUL bytes or invalid UTF-8), larger than
//!   [`Limits::max_bytes`] (50 MB), more than [`Limits::max_rows`] rows (200,000), one column.
//! - Preview ([`preview`]): the delimiter (tab, comma or semicolon, whichever the first line uses
//!   most), whether the first row is a header, the first rows, and the suggested sequence and value
//!   columns (a column is "sequence-like" or "numeric" when at least half the sampled rows are);
//!   `ambiguous` when more than one column could be either, so the student picks.
//! - Rows ([`read`]): blank lines are skipped and counted; every other row is accepted or listed
//!   as rejected with its line number and a [`RowError`]. A UTF-8 BOM and CRLF line ends are fine;
//!   lowercase and U are accepted (stored as upper-case DNA).
//! - Duplicates: **the first row of a sequence wins**; later rows with the same sequence are
//!   rejected, as a plain duplicate (same value) or a conflicting one (another value), naming the
//!   first line.

mod errors;

pub use errors::{FileError, RowError};

use crate::bio::alphabet::{SequenceError, to_text};
use crate::bio::parse_sequence;
use std::collections::HashMap;

/// Size limits of an upload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest file in bytes (default 50,000,000).
    pub max_bytes: usize,
    /// Most data rows (default 200,000).
    pub max_rows: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 50_000_000,
            max_rows: 200_000,
        }
    }
}

/// Which columns hold what, and how the file is laid out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// The field separator (`b','`, `b'\t'` or `b';'`).
    pub delimiter: u8,
    /// Whether the first row names the columns.
    pub has_header: bool,
    /// 0-based column of the sequences.
    pub sequence_column: usize,
    /// 0-based column of the values.
    pub value_column: usize,
}

/// What the student sees before choosing columns.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    /// The guessed layout (columns are suggestions).
    pub layout: Layout,
    /// Column names: the header's, or "1", "2", … without one.
    pub columns: Vec<String>,
    /// The first data rows.
    pub rows: Vec<Vec<String>>,
    /// More than one column could hold the sequences or the values.
    pub ambiguous: bool,
}

/// One accepted row.
#[derive(Clone, Debug, PartialEq)]
pub struct Accepted {
    /// 1-based line in the file.
    pub line: usize,
    /// Upper-case DNA (`U` turned into `T`).
    pub sequence: String,
    /// The value.
    pub value: f64,
}

/// One rejected row.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    /// 1-based line in the file.
    pub line: usize,
    /// Why.
    pub error: RowError,
}

/// Everything read from a file.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    /// The accepted rows, in file order.
    pub rows: Vec<Accepted>,
    /// The rejected rows, in file order.
    pub rejected: Vec<Rejected>,
    /// Blank lines skipped.
    pub blank_lines: usize,
}

/// Share of sampled rows that makes a column sequence-like or numeric (a messy file still has
/// mostly good rows).
const MAJORITY: f64 = 0.5;
/// Rows sampled to guess the columns.
const SAMPLE_ROWS: usize = 50;
/// Data rows shown in a preview.
const PREVIEW_ROWS: usize = 6;

/// Checks size and encoding; returns the text without a BOM.
fn text_of(bytes: &[u8], limits: Limits) -> Result<&str, FileError> {
    if bytes.len() > limits.max_bytes {
        return Err(FileError::TooLarge {
            bytes: bytes.len(),
            limit: limits.max_bytes,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(FileError::NotText);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| FileError::NotText)?;
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    Ok(text)
}

fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |d: char| first.matches(d).count();
    [b'\t', b',', b';']
        .into_iter()
        .max_by_key(|&d| (count(d as char), d == b'\t'))
        .filter(|&d| count(d as char) > 0)
        .unwrap_or(b',')
}

/// The records of `text` with their 1-based line numbers, blank records dropped.
///
/// The csv crate's own line count is off after CRLF and blank lines, and its byte offset points at
/// the line break before a record; so the line is counted here: skip the breaks from that offset,
/// then count the newlines before it.
fn records(text: &str, delimiter: u8) -> impl Iterator<Item = (usize, Vec<String>)> + '_ {
    let newlines: Vec<usize> = text
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i)
        .collect();
    let line_of = move |offset: usize| {
        let start = offset
            + text.as_bytes()[offset.min(text.len())..]
                .iter()
                .take_while(|&&b| b == b'\r' || b == b'\n')
                .count();
        1 + newlines.partition_point(|&n| n < start)
    };
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .into_records()
        .filter_map(Result::ok)
        .map(move |record| {
            let line = record.position().map_or(0, |p| line_of(p.byte() as usize));
            (
                line,
                record
                    .iter()
                    .map(|f| f.trim().to_string())
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, fields)| fields.iter().any(|f| !f.is_empty()))
}

fn is_sequence(field: &str) -> bool {
    !field.is_empty() && parse_sequence(field).is_ok()
}

fn is_number(field: &str) -> bool {
    field.parse::<f64>().is_ok_and(f64::is_finite)
}

/// Guesses the layout and shows the first rows.
///
/// # Errors
/// The file-level [`FileError`]s; [`FileError::OneColumn`] for a single-column file.
pub fn preview(bytes: &[u8], limits: Limits) -> Result<Preview, FileError> {
    let text = text_of(bytes, limits)?;
    let delimiter = sniff_delimiter(text);
    let sample: Vec<Vec<String>> = records(text, delimiter)
        .take(SAMPLE_ROWS + 1)
        .map(|(_, f)| f)
        .collect();
    let width = sample.iter().map(Vec::len).max().unwrap_or(0);
    if width < 2 {
        return Err(FileError::OneColumn);
    }
    let body = if sample.len() > 1 {
        &sample[1..]
    } else {
        &sample[..]
    };
    let share = |column: usize, test: fn(&str) -> bool| {
        body.iter()
            .filter(|r| r.get(column).is_some_and(|f| test(f)))
            .count() as f64
            / body.len().max(1) as f64
    };
    let sequence_like: Vec<usize> = (0..width)
        .filter(|&c| share(c, is_sequence) >= MAJORITY)
        .collect();
    let numeric: Vec<usize> = (0..width)
        .filter(|&c| share(c, is_number) >= MAJORITY)
        .collect();
    let first = &sample[0];
    let has_header = sample.len() > 1
        && (sequence_like
            .iter()
            .any(|&c| first.get(c).is_none_or(|f| !is_sequence(f)))
            || numeric
                .iter()
                .any(|&c| first.get(c).is_none_or(|f| !is_number(f))));
    let columns: Vec<String> = if has_header {
        (0..width)
            .map(|c| first.get(c).cloned().unwrap_or_default())
            .collect()
    } else {
        (1..=width).map(|c| c.to_string()).collect()
    };
    let named = |c: &usize| {
        let name = columns[*c].to_ascii_lowercase();
        [
            "expression",
            "value",
            "mrl",
            "target",
            "y",
            "score",
            "level",
        ]
        .iter()
        .any(|k| name.contains(k))
    };
    let sequence_column = sequence_like.first().copied().unwrap_or(0);
    let value_candidates: Vec<usize> = numeric
        .iter()
        .copied()
        .filter(|&c| c != sequence_column)
        .collect();
    let value_column = value_candidates
        .iter()
        .copied()
        .find(|c| named(c))
        .or_else(|| value_candidates.first().copied())
        .unwrap_or(if sequence_column == 0 { 1 } else { 0 });
    let rows = sample
        .iter()
        .skip(usize::from(has_header))
        .take(PREVIEW_ROWS)
        .cloned()
        .collect();
    Ok(Preview {
        layout: Layout {
            delimiter,
            has_header,
            sequence_column,
            value_column,
        },
        columns,
        rows,
        ambiguous: sequence_like.len() != 1 || value_candidates.len() != 1,
    })
}

/// Reads every row with `layout`.
///
/// # Errors
/// The file-level [`FileError`]s, or [`FileError::BadColumns`] if the two columns are the same.
pub fn read(bytes: &[u8], layout: &Layout, limits: Limits) -> Result<Table, FileError> {
    let text = text_of(bytes, limits)?;
    if layout.sequence_column == layout.value_column {
        return Err(FileError::BadColumns);
    }
    let mut table = Table {
        blank_lines: text.lines().filter(|l| l.trim().is_empty()).count(),
        ..Table::default()
    };
    let mut seen: HashMap<String, (usize, f64)> = HashMap::new();
    let needed = layout.sequence_column.max(layout.value_column);
    for (index, (line, fields)) in records(text, layout.delimiter).enumerate() {
        if index == 0 && layout.has_header {
            continue;
        }
        if table.rows.len() + table.rejected.len() >= limits.max_rows {
            return Err(FileError::TooManyRows {
                limit: limits.max_rows,
            });
        }
        let verdict = (|| {
            if fields.len() <= needed {
                return Err(RowError::MissingField {
                    column: needed + 1,
                    found: fields.len(),
                });
            }
            let sequence = match parse_sequence(&fields[layout.sequence_column]) {
                Ok(symbols) => to_text(&symbols),
                Err(SequenceError::Empty) => return Err(RowError::EmptySequence),
                Err(SequenceError::InvalidChar { ch, position }) => {
                    return Err(RowError::InvalidBase { ch, position });
                }
            };
            let text = &fields[layout.value_column];
            let value: f64 = text
                .parse()
                .map_err(|_| RowError::NotANumber { text: text.clone() })?;
            if !value.is_finite() {
                return Err(RowError::NotFinite { text: text.clone() });
            }
            match seen.get(&sequence) {
                Some(&(first_line, first_value)) if first_value == value => {
                    Err(RowError::Duplicate { first_line })
                }
                Some(&(first_line, first_value)) => Err(RowError::ConflictingDuplicate {
                    first_line,
                    first_value,
                }),
                None => Ok((sequence, value)),
            }
        })();
        match verdict {
            Ok((sequence, value)) => {
                seen.insert(sequence.clone(), (line, value));
                table.rows.push(Accepted {
                    line,
                    sequence,
                    value,
                });
            }
            Err(error) => table.rejected.push(Rejected { line, error }),
        }
    }
    Ok(table)
}

/// Reads sequences to predict: one per line (FASTA headers and a first-row header named
/// `sequence`, `seq` or `utr` skipped), or the first column of a CSV/TSV. Returns the accepted sequences with their lines and the rejected rows.
///
/// # Errors
/// The file-level [`FileError`]s except [`FileError::OneColumn`].
pub fn read_sequences(
    bytes: &[u8],
    limits: Limits,
) -> Result<(Vec<Accepted>, Vec<Rejected>), FileError> {
    let text = text_of(bytes, limits)?;
    let delimiter = sniff_delimiter(text);
    let mut accepted = Vec::new();
    let mut rejected = Vec::new();
    for (index, (line, fields)) in records(text, delimiter).enumerate() {
        let field = &fields[0];
        let header = index == 0
            && ["sequence", "sequences", "seq", "utr"]
                .contains(&field.to_ascii_lowercase().as_str());
        if field.starts_with('>') || header {
            continue;
        }
        if accepted.len() + rejected.len() >= limits.max_rows {
            return Err(FileError::TooManyRows {
                limit: limits.max_rows,
            });
        }
        match parse_sequence(field) {
            Ok(symbols) => accepted.push(Accepted {
                line,
                sequence: to_text(&symbols),
                value: f64::NAN,
            }),
            Err(SequenceError::Empty) => rejected.push(Rejected {
                line,
                error: RowError::EmptySequence,
            }),
            Err(SequenceError::InvalidChar { ch, position }) => rejected.push(Rejected {
                line,
                error: RowError::InvalidBase { ch, position },
            }),
        }
    }
    Ok((accepted, rejected))
}
