//! Reading an uploaded table of numbers (the bioreactor lab's runs: conditions and a measured
//! titer) into a [`NumericTable`], checking every row and losing none: for every file,
//! `accepted + rejected + blank + header = lines` ([`TabularTable::is_complete`]).
//!
//! The text is read as the sequence reader reads it ([`super::decode`], [`super::lines`], the
//! delimiter and decimal-comma sniffing): UTF-8 or UTF-16, comma, tab, semicolon or `|`, decimal
//! commas, any line ends, an optional header. The student picks the target column and the
//! feature columns ([`TabularLayout`]); column names keep their units (`temperature (°C)`).
//!
//! - [`preview_tabular`] guesses the layout: the numeric columns (at least half the sampled rows
//!   read as finite numbers), a header when the first row is not numeric there, the target (a
//!   column named like a titer or yield, else the last numeric column), every other numeric column
//!   as a feature. A column of DNA or protein letters makes it a sequence table
//!   ([`TabularFileError::SequenceTable`]: the sequence labs read it).
//! - [`read_tabular`] gives every row a verdict: blank lines and rows of separators only are
//!   blank; a row is rejected with its 1-based line and a [`TabularRowError`] naming the column
//!   (a missing, empty, non-numeric or non-finite value, an extra field, an unclosed quote).
//!   Repeated rows are kept: replicate runs are data.
//! - [`numeric_hint`] is what the sequence labs call to say "this is a table of numbers".

mod errors;

pub use errors::{NumericHint, TabularFileError, TabularRowError};

use super::lines::{self, LineProblem};
use super::{Decimal, Encoding, Layout, Limits, decode, is_number, quoted, sniff};
use crate::bio::parse_sequence;
use crate::data::NumericTable;
use crate::lang::Lang;
use std::borrow::Cow;

/// How a table of numbers is laid out and which columns the student picked.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct TabularLayout {
    /// The field separator (`b','`, `b'\t'`, `b';'` or `b'|'`).
    pub delimiter: u8,
    /// How the values write their decimals.
    pub decimal: Decimal,
    /// Whether the first non-blank line names the columns.
    pub has_header: bool,
    /// 0-based column of the target (the titer).
    pub target_column: usize,
    /// 0-based columns of the features, in the order the model takes them.
    pub feature_columns: Vec<usize>,
}

impl TabularLayout {
    /// How the file is read, in one line of `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        Layout {
            delimiter: self.delimiter,
            decimal: self.decimal,
            has_header: self.has_header,
            sequence_column: 0,
            value_column: 0,
        }
        .describe(lang)
    }
}

/// What the student sees before choosing columns.
#[derive(Clone, Debug, PartialEq)]
pub struct TabularPreview {
    /// The guessed layout (the columns are suggestions).
    pub layout: TabularLayout,
    /// The text encoding found.
    pub encoding: Encoding,
    /// Column names: the header's, or "1", "2", … without one.
    pub columns: Vec<String>,
    /// The first data rows (fields cut to [`super::QUOTED_CHARS`] characters).
    pub rows: Vec<Vec<String>>,
    /// The columns that hold numbers.
    pub numeric_columns: Vec<usize>,
}

/// One rejected row.
#[derive(Clone, Debug, PartialEq)]
pub struct TabularRejected {
    /// 1-based line in the file.
    pub line: usize,
    /// Why.
    pub error: TabularRowError,
}

/// Everything read from a file, every line accounted for.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TabularTable {
    /// The accepted rows: features in the layout's order, the target, the columns' names.
    pub table: NumericTable,
    /// The 1-based line of every accepted row.
    pub lines: Vec<usize>,
    /// The rejected rows, in file order.
    pub rejected: Vec<TabularRejected>,
    /// Blank lines and rows of separators only.
    pub blank_lines: usize,
    /// The header line (0 or 1).
    pub header_lines: usize,
    /// Lines in the file.
    pub total_lines: usize,
}

impl TabularTable {
    /// Whether every line is accounted for: accepted + rejected + blank + header = lines.
    pub fn is_complete(&self) -> bool {
        self.lines.len() + self.rejected.len() + self.blank_lines + self.header_lines
            == self.total_lines
    }
}

/// Amino-acid letters (the 20, selenocysteine, and X for unknown).
const PROTEIN: &[u8] = b"ACDEFGHIKLMNPQRSTVWYUX";

/// A field that reads as a DNA/RNA sequence of at least 6 letters, or an upper-case protein
/// sequence of at least 10 (short words and names are not sequences).
fn is_sequence_field(field: &str) -> bool {
    let letters = field.chars().filter(|c| !c.is_whitespace()).count();
    let dna = letters >= 6 && parse_sequence(field).is_ok();
    let protein = letters >= 10
        && field
            .bytes()
            .filter(|b| !b.is_ascii_whitespace())
            .all(|b| PROTEIN.contains(&b));
    dna || protein
}

/// Share of sampled rows that makes a column numeric or sequence-like.
const MAJORITY: f64 = 0.5;
/// Rows sampled to guess the layout.
const SAMPLE_ROWS: usize = 50;
/// Data rows shown in a preview.
const PREVIEW_ROWS: usize = 6;
/// Header words that name a target.
const TARGET_NAMES: [&str; 8] = [
    "titer", "titre", "yield", "target", "product", "역가", "수율", "생산",
];

/// Guesses the layout of a table of numbers and shows its first rows.
///
/// # Errors
/// The file-level [`FileError`](super::FileError)s (as [`TabularFileError::File`]),
/// [`TabularFileError::SequenceTable`] when a column holds sequences,
/// [`TabularFileError::TooFewColumns`] with fewer than two numeric columns.
pub fn preview_tabular(bytes: &[u8], limits: Limits) -> Result<TabularPreview, TabularFileError> {
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
                return Err(super::FileError::TooManyColumns { line, limit }.into());
            }
            Err(_) => {}
        }
    }
    let width = split.iter().map(Vec::len).max().unwrap_or(0);
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
    let numeric: Vec<usize> = (0..width)
        .filter(|&c| share(c, &|f| is_number(f, decimal)) >= MAJORITY)
        .collect();
    let first = split.first().cloned().unwrap_or_default();
    let has_header = split.len() > 1
        && numeric
            .iter()
            .any(|&c| first.get(c).is_none_or(|f| !is_number(f, decimal)));
    let columns: Vec<String> = if has_header {
        (0..width)
            .map(|c| first.get(c).map(|f| quoted(f)).unwrap_or_default())
            .collect()
    } else {
        (1..=width).map(|c| c.to_string()).collect()
    };
    if let Some(c) = (0..width).find(|&c| share(c, &is_sequence_field) >= MAJORITY) {
        return Err(TabularFileError::SequenceTable {
            column: columns[c].clone(),
        });
    }
    if split.len() == 1 && numeric.is_empty() {
        return Err(super::FileError::HeaderOnly.into());
    }
    if numeric.len() < 2 {
        return Err(TabularFileError::TooFewColumns {
            numeric: numeric.len(),
        });
    }
    let named = |c: &usize| {
        let name = columns[*c].to_lowercase();
        name == "y" || TARGET_NAMES.iter().any(|k| name.contains(k))
    };
    let target_column = numeric
        .iter()
        .copied()
        .find(named)
        .unwrap_or(*numeric.last().expect("two numeric columns"));
    let rows = split
        .iter()
        .skip(usize::from(has_header))
        .take(PREVIEW_ROWS)
        .map(|r| r.iter().map(|f| quoted(f)).collect())
        .collect();
    Ok(TabularPreview {
        layout: TabularLayout {
            delimiter,
            decimal,
            has_header,
            target_column,
            feature_columns: numeric
                .iter()
                .copied()
                .filter(|&c| c != target_column)
                .collect(),
        },
        encoding: decoded.encoding,
        columns,
        rows,
        numeric_columns: numeric,
    })
}

/// For the sequence labs: `Some` when `bytes` read as a table of numbers (two numeric columns or
/// more, no sequence column), with what to tell the student ([`NumericHint::message`]).
pub fn numeric_hint(bytes: &[u8], limits: Limits) -> Option<NumericHint> {
    let preview = preview_tabular(bytes, limits).ok()?;
    Some(NumericHint {
        numeric_columns: preview.numeric_columns.len(),
    })
}

/// One chosen field as a number.
fn number(
    field: Option<&Cow<'_, str>>,
    column: &str,
    found: usize,
    decimal: Decimal,
) -> Result<f32, TabularRowError> {
    let column = column.to_string();
    let text = field.ok_or_else(|| TabularRowError::MissingField {
        column: column.clone(),
        found,
    })?;
    if text.is_empty() {
        return Err(TabularRowError::Empty { column });
    }
    let value = decimal
        .parse(text)
        .ok_or_else(|| TabularRowError::NotANumber {
            column: column.clone(),
            text: quoted(text),
        })?;
    let single = value as f32;
    if value.is_finite() && single.is_finite() {
        Ok(single)
    } else {
        Err(TabularRowError::NotFinite {
            column,
            text: quoted(text),
        })
    }
}

/// Reads every row with `layout`.
///
/// # Errors
/// The file-level errors ([`TabularFileError::File`]), [`TabularFileError::BadColumns`] for no
/// feature, a repeated column, the target among the features or a column beyond
/// [`Limits::max_columns`]; a header without rows is [`FileError::HeaderOnly`](super::FileError).
pub fn read_tabular(
    bytes: &[u8],
    layout: &TabularLayout,
    limits: Limits,
) -> Result<TabularTable, TabularFileError> {
    let decoded = decode(bytes, limits.max_bytes)?;
    let text = decoded.text.as_ref();
    let mut chosen: Vec<usize> = layout.feature_columns.clone();
    chosen.push(layout.target_column);
    let mut sorted = chosen.clone();
    sorted.sort_unstable();
    sorted.dedup();
    let needed = sorted.last().copied().unwrap_or(0);
    if layout.feature_columns.is_empty()
        || sorted.len() != chosen.len()
        || needed >= limits.max_columns
    {
        return Err(TabularFileError::BadColumns);
    }
    let d = layout.delimiter;
    let width_of = |line: &str| lines::count(line, d, limits.max_columns).unwrap_or(0);
    let nonblank = || lines::lines(text).filter(|(_, l)| !l.trim().is_empty());
    let expected = if layout.has_header {
        nonblank()
            .map(|(_, l)| width_of(l))
            .find(|&w| w > 0)
            .unwrap_or(0)
    } else {
        sniff::usual_width(nonblank().map(|(_, l)| width_of(l)).filter(|&w| w > 0))
    };
    let mut names: Vec<String> = (1..=needed + 1).map(|c| c.to_string()).collect();
    let mut out = TabularTable::default();
    for (line, raw) in lines::lines(text) {
        out.total_lines = line;
        let fields = match lines::split(raw, d, limits.max_columns) {
            Ok(fields) if fields.is_empty() => {
                out.blank_lines += 1;
                continue;
            }
            Ok(fields) => Ok(fields),
            Err(LineProblem::UnclosedQuote { field }) => {
                Err(TabularRowError::UnclosedQuote { field })
            }
            Err(LineProblem::TooManyFields { limit }) => {
                Err(TabularRowError::TooManyFields { limit })
            }
        };
        if layout.has_header && out.header_lines == 0 {
            out.header_lines = 1;
            if let Ok(fields) = &fields {
                for (c, name) in names.iter_mut().enumerate() {
                    if let Some(f) = fields.get(c).filter(|f| !f.is_empty()) {
                        *name = quoted(f);
                    }
                }
            }
            continue;
        }
        if out.lines.len() + out.rejected.len() >= limits.max_rows {
            return Err(super::FileError::TooManyRows {
                limit: limits.max_rows,
            }
            .into());
        }
        let verdict = fields.and_then(|fields| {
            if fields.len() > expected.max(needed + 1) {
                return Err(TabularRowError::ExtraFields {
                    found: fields.len(),
                    expected,
                });
            }
            let mut values = vec![0.0f32; chosen.len()];
            // The leftmost bad column is the one reported.
            for &column in &sorted {
                let value = number(
                    fields.get(column),
                    &names[column],
                    fields.len(),
                    layout.decimal,
                )?;
                for (slot, &c) in values.iter_mut().zip(&chosen) {
                    if c == column {
                        *slot = value;
                    }
                }
            }
            Ok(values)
        });
        match verdict {
            Ok(mut values) => {
                let target = values.pop().expect("the target");
                out.table.features.push(values);
                out.table.targets.push(vec![target]);
                out.lines.push(line);
            }
            Err(error) => out.rejected.push(TabularRejected { line, error }),
        }
    }
    if layout.has_header && out.lines.is_empty() && out.rejected.is_empty() {
        return Err(super::FileError::HeaderOnly.into());
    }
    out.table.columns = chosen.iter().map(|&c| names[c].clone()).collect();
    Ok(out)
}
