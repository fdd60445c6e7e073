//! Reading an uploaded table of sequences and values (CSV, TSV or semicolon-separated, with or
//! without a header), checking every row and losing none: for every file,
//! `accepted + rejected + blank + header = lines` ([`Table::is_complete`]).
//!
//! - Text ([`decode`]): UTF-8 with or without a BOM, UTF-16 LE/BE (Excel's "Unicode text"); empty,
//!   binary, larger than [`Limits::max_bytes`] (50 MB) or more than [`Limits::max_rows`] data rows
//!   (200,000) are file-level [`FileError`]s.
//! - Lines ([`lines`]): `\n`, `\r\n` or a lone `\r` end a line, so line numbers are right for
//!   every platform; a quote that does not close on its line is that line's error; at most
//!   [`Limits::max_columns`] fields (1,000) are split off a line.
//! - Layout ([`preview`]): the delimiter, the decimal mark (`ACGT;3,139` is a semicolon file with
//!   decimal commas, what Excel writes in comma-decimal locales), whether the first row is a header,
//!   the first rows, and the suggested sequence and value columns (a column is "sequence-like" or
//!   "numeric" when at least half the sampled rows are); `ambiguous` when more than one column could
//!   be either, so the student picks.
//! - Rows ([`read`]): blank lines and rows of separators only are counted as empty; every other
//!   row is accepted or rejected with its line number and a [`RowError`] (a missing or an extra
//!   field, an unclosed quote, a bad letter with its position, a sequence longer than
//!   [`Limits::max_length`], a value that is not a finite number). Lowercase and U are accepted
//!   (stored as upper-case DNA).
//! - Proteins ([`read_as`]): the sequences read in a chosen [`Alphabet`], or in the one
//!   [`Alphabet::detect`] finds in the sequence column; a bad letter names the alphabet
//!   ([`RowError::InvalidLetter`]). [`preview`] suggests a protein column when no column holds
//!   DNA ([`Preview::alphabet`]). [`read`] is DNA, as it always was.
//! - Variants ([`read_variants`]): a column of substitutions (`A108D,K156R`) and a wild type →
//!   full protein sequences, every bad variant a row error.
//! - Duplicates: **the first row of a sequence wins**; later rows with the same sequence are
//!   rejected, as a plain duplicate (same value) or a conflicting one (another value), naming the
//!   first line.
//!
//! - Tables of numbers ([`tabular`]): the bioreactor lab's uploads, any number of numeric columns,
//!   the student picks the target and the features; [`numeric_hint`] tells a sequence lab that a
//!   file is one.
//!
//! Memory stays within a small multiple of the file: lines are split one at a time, a rejected
//! row quotes at most [`QUOTED_CHARS`] characters of a field, and duplicates are found by
//! sorting row indices.

mod alphabets;
mod decode;
mod errors;
pub mod lines;
mod sequences;
mod sniff;
mod table;
pub mod tabular;
mod variants;

pub use crate::lang::{QUOTED_CHARS, quoted};
pub use alphabets::{read_as, sequence_field_in};
pub use decode::{Decoded, Encoding, decode};
pub use errors::{FileError, RowError};
pub use sequences::read_sequences;
pub use sniff::Decimal;
pub(crate) use table::reject_duplicates;
pub use table::{Accepted, Rejected, Table};
pub use tabular::{
    NumericHint, TabularFileError, TabularLayout, TabularPreview, TabularRejected, TabularRowError,
    TabularTable, numeric_hint, preview_tabular, read_tabular,
};
pub use variants::{numbering_of, read_variants, variant_column};

use crate::bio::alphabet::{Alphabet, SequenceError, to_text};
use crate::bio::parse_sequence;
use crate::lang::Lang;
use lines::LineProblem;
use std::borrow::Cow;

/// Size limits of an upload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest file in bytes (default 50,000,000).
    pub max_bytes: usize,
    /// Most data rows (default 200,000).
    pub max_rows: usize,
    /// Most fields on a line (default 1,000).
    pub max_columns: usize,
    /// Longest sequence in letters (default 10,000).
    pub max_length: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 50_000_000,
            max_rows: 200_000,
            max_columns: 1_000,
            max_length: 10_000,
        }
    }
}

/// Which columns hold what, and how the file is laid out.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Layout {
    /// The field separator (`b','`, `b'\t'`, `b';'` or `b'|'`).
    pub delimiter: u8,
    /// How the values write their decimals.
    pub decimal: Decimal,
    /// Whether the first non-blank line names the columns.
    pub has_header: bool,
    /// 0-based column of the sequences.
    pub sequence_column: usize,
    /// 0-based column of the values.
    pub value_column: usize,
}

impl Layout {
    /// How the file is read, in one line of `lang` (what was assumed, so the student can check).
    pub fn describe(&self, lang: Lang) -> String {
        let delimiter = match self.delimiter {
            b'\t' => lang.pick("탭으로 구분", "tab-separated"),
            b';' => lang.pick("세미콜론(;)으로 구분", "semicolon-separated"),
            b'|' => lang.pick("세로줄(|)로 구분", "separated by |"),
            _ => lang.pick("쉼표로 구분", "comma-separated"),
        };
        let decimal = match self.decimal {
            Decimal::Comma => lang.pick(
                "소수점은 쉼표 (3,139 = 3.139)",
                "decimal commas (3,139 = 3.139)",
            ),
            Decimal::Point => lang.pick("소수점은 마침표", "decimal points"),
        };
        let header = if self.has_header {
            lang.pick("첫 줄은 열 이름", "first line is a header")
        } else {
            lang.pick("머리줄 없음", "no header")
        };
        format!("{delimiter} · {decimal} · {header}")
    }
}

/// What the student sees before choosing columns.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    /// The guessed layout (columns are suggestions).
    pub layout: Layout,
    /// The text encoding found.
    pub encoding: Encoding,
    /// Column names: the header's, or "1", "2", … without one.
    pub columns: Vec<String>,
    /// The first data rows (fields cut to [`QUOTED_CHARS`] characters).
    pub rows: Vec<Vec<String>>,
    /// More than one column could hold the sequences or the values.
    pub ambiguous: bool,
    /// The alphabet of the suggested sequence column: DNA when any column holds DNA, protein when
    /// none does but one holds protein letters.
    pub alphabet: Alphabet,
}

impl Preview {
    /// What was assumed about the file, in `lang`: the encoding if it is not plain UTF-8, then
    /// `layout` (the preview's guess or the student's choice).
    pub fn assumptions(&self, layout: &Layout, lang: Lang) -> String {
        match self.encoding.describe(lang) {
            Some(encoding) => format!("{encoding} · {}", layout.describe(lang)),
            None => layout.describe(lang),
        }
    }
}

/// Share of sampled rows that makes a column sequence-like or numeric (a messy file still has
/// mostly good rows).
const MAJORITY: f64 = 0.5;
/// Rows sampled to guess the layout.
const SAMPLE_ROWS: usize = 50;
/// Data rows shown in a preview.
const PREVIEW_ROWS: usize = 6;

fn is_sequence(field: &str) -> bool {
    !field.is_empty() && parse_sequence(field).is_ok()
}

fn is_protein(field: &str) -> bool {
    !field.is_empty() && Alphabet::Protein.parse(field).is_ok()
}

fn is_number(field: &str, decimal: Decimal) -> bool {
    decimal.parse(field).is_some_and(f64::is_finite)
}

/// Guesses the layout and shows the first rows.
///
/// # Errors
/// The file-level [`FileError`]s: [`FileError::OneColumn`] for a single-column file,
/// [`FileError::HeaderOnly`] for a header without rows, [`FileError::TooManyColumns`] when the first
/// line has more fields than [`Limits::max_columns`].
pub fn preview(bytes: &[u8], limits: Limits) -> Result<Preview, FileError> {
    let decoded = decode(bytes, limits.max_bytes)?;
    let text = decoded.text.as_ref();
    let sample: Vec<(usize, &str)> = lines::lines(text)
        .filter(|(_, l)| !l.trim().is_empty())
        .take(SAMPLE_ROWS + 1)
        .collect();
    let raw: Vec<&str> = sample.iter().map(|&(_, l)| l).collect();
    let delimiter = sniff::delimiter(&raw, limits.max_columns);
    let mut split: Vec<Vec<Cow<'_, str>>> = Vec::new();
    for &(line, text) in &sample {
        match lines::split(text, delimiter, limits.max_columns) {
            Ok(fields) if fields.is_empty() => {}
            Ok(fields) => split.push(fields),
            Err(LineProblem::TooManyFields { limit }) if split.is_empty() => {
                return Err(FileError::TooManyColumns { line, limit });
            }
            Err(_) => {}
        }
    }
    let width = split.iter().map(Vec::len).max().unwrap_or(0);
    if width < 2 {
        return Err(FileError::OneColumn);
    }
    let first = &split[0];
    if split.len() == 1 && !first.iter().any(|f| is_sequence(f)) {
        return Err(FileError::HeaderOnly);
    }
    let body = if split.len() > 1 {
        &split[1..]
    } else {
        &split[..]
    };
    let decimal = sniff::decimal(body, delimiter);
    let share = |column: usize, test: &dyn Fn(&str) -> bool| {
        body.iter()
            .filter(|r| r.get(column).is_some_and(|f| test(f)))
            .count() as f64
            / body.len().max(1) as f64
    };
    let dna_like: Vec<usize> = (0..width)
        .filter(|&c| share(c, &is_sequence) >= MAJORITY)
        .collect();
    // Protein only when no column holds DNA (so every DNA file reads as it always did).
    let (alphabet, sequence_like, is_sequence): (_, _, &dyn Fn(&str) -> bool) =
        if dna_like.is_empty() {
            let protein_like: Vec<usize> = (0..width)
                .filter(|&c| share(c, &is_protein) >= MAJORITY)
                .collect();
            if protein_like.is_empty() {
                (Alphabet::Dna, dna_like, &is_sequence)
            } else {
                (Alphabet::Protein, protein_like, &is_protein)
            }
        } else {
            (Alphabet::Dna, dna_like, &is_sequence)
        };
    let numeric: Vec<usize> = (0..width)
        .filter(|&c| share(c, &|f| is_number(f, decimal)) >= MAJORITY)
        .collect();
    let has_header = split.len() > 1
        && (sequence_like
            .iter()
            .any(|&c| first.get(c).is_none_or(|f| !is_sequence(f)))
            || numeric
                .iter()
                .any(|&c| first.get(c).is_none_or(|f| !is_number(f, decimal))));
    let columns: Vec<String> = if has_header {
        (0..width)
            .map(|c| first.get(c).map(|f| quoted(f)).unwrap_or_default())
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
    let rows = split
        .iter()
        .skip(usize::from(has_header))
        .take(PREVIEW_ROWS)
        .map(|r| r.iter().map(|f| quoted(f)).collect())
        .collect();
    Ok(Preview {
        layout: Layout {
            delimiter,
            decimal,
            has_header,
            sequence_column,
            value_column,
        },
        encoding: decoded.encoding,
        columns,
        rows,
        ambiguous: sequence_like.len() != 1 || value_candidates.len() != 1,
        alphabet,
    })
}

/// A sequence field checked and upper-cased (`U` → `T`).
///
/// # Errors
/// [`RowError::EmptySequence`], [`RowError::TooLong`] (checked before anything is allocated) or
/// [`RowError::InvalidBase`].
pub fn sequence_field(field: &str, max_length: usize) -> Result<String, RowError> {
    if field.len() > max_length {
        let length = field.chars().filter(|c| !c.is_whitespace()).count();
        if length > max_length {
            return Err(RowError::TooLong {
                length,
                limit: max_length,
            });
        }
    }
    match parse_sequence(field) {
        Ok(symbols) => Ok(to_text(&symbols)),
        Err(SequenceError::Empty | SequenceError::NoLetters { .. }) => Err(RowError::EmptySequence),
        Err(
            SequenceError::InvalidChar { ch, position }
            | SequenceError::InvalidLetter { ch, position, .. },
        ) => Err(RowError::InvalidBase { ch, position }),
    }
}

fn value_field(text: &str, decimal: Decimal) -> Result<f64, RowError> {
    let value = decimal
        .parse(text)
        .ok_or_else(|| RowError::NotANumber { text: quoted(text) })?;
    if value.is_finite() {
        Ok(value)
    } else {
        Err(RowError::NotFinite { text: quoted(text) })
    }
}

/// Reads every row with `layout`; the sequences are DNA (see [`read_as`] for other alphabets).
///
/// # Errors
/// The file-level [`FileError`]s, [`FileError::BadColumns`] if the two columns are the same or
/// beyond [`Limits::max_columns`], [`FileError::HeaderOnly`] for a header without rows.
pub fn read(bytes: &[u8], layout: &Layout, limits: Limits) -> Result<Table, FileError> {
    read_rows(bytes, layout, limits, |field| {
        sequence_field(field, limits.max_length)
    })
}

/// The row loop of [`read`], [`read_as`] and [`read_variants`]: `sequence` checks the sequence
/// column's field and returns the row's sequence.
fn read_rows(
    bytes: &[u8],
    layout: &Layout,
    limits: Limits,
    mut sequence: impl FnMut(&str) -> Result<String, RowError>,
) -> Result<Table, FileError> {
    let decoded = decode(bytes, limits.max_bytes)?;
    let text = decoded.text.as_ref();
    let needed = layout.sequence_column.max(layout.value_column);
    if layout.sequence_column == layout.value_column || needed >= limits.max_columns {
        return Err(FileError::BadColumns);
    }
    let d = layout.delimiter;
    let width_of = |line: &str| lines::count(line, d, limits.max_columns).unwrap_or(0);
    let nonblank = || lines::lines(text).filter(|(_, l)| !l.trim().is_empty());
    // The width a row should have: the header's, or the usual one.
    let expected = if layout.has_header {
        nonblank()
            .map(|(_, l)| width_of(l))
            .find(|&w| w > 0)
            .unwrap_or(0)
    } else {
        sniff::usual_width(nonblank().map(|(_, l)| width_of(l)).filter(|&w| w > 0))
    };
    let mut table = Table::default();
    for (line, raw) in lines::lines(text) {
        table.lines = line;
        let fields = match lines::split(raw, d, limits.max_columns) {
            Ok(fields) if fields.is_empty() => {
                table.blank_lines += 1;
                continue;
            }
            Ok(fields) => Ok(fields),
            Err(LineProblem::UnclosedQuote { field }) => Err(RowError::UnclosedQuote { field }),
            Err(LineProblem::TooManyFields { limit }) => Err(RowError::TooManyFields { limit }),
        };
        if layout.has_header && table.header_lines == 0 {
            table.header_lines = 1;
            continue;
        }
        if table.rows.len() + table.rejected.len() >= limits.max_rows {
            return Err(FileError::TooManyRows {
                limit: limits.max_rows,
            });
        }
        let verdict = fields.and_then(|fields| {
            if fields.len() > expected.max(needed + 1) {
                return Err(RowError::ExtraFields {
                    found: fields.len(),
                    expected,
                });
            }
            if fields.len() <= needed {
                return Err(RowError::MissingField {
                    column: needed + 1,
                    found: fields.len(),
                });
            }
            let sequence = sequence(&fields[layout.sequence_column])?;
            let value = value_field(&fields[layout.value_column], layout.decimal)?;
            Ok((sequence, value))
        });
        match verdict {
            Ok((sequence, value)) => table.rows.push(Accepted {
                line,
                sequence,
                value,
            }),
            Err(error) => table.rejected.push(Rejected { line, error }),
        }
    }
    if layout.has_header && table.rows.is_empty() && table.rejected.is_empty() {
        return Err(FileError::HeaderOnly);
    }
    table::reject_duplicates(&mut table);
    Ok(table)
}
