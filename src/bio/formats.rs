//! Motif text formats: JASPAR count matrices and MEME's minimal motif format, in and out.
//!
//! A JASPAR matrix holds counts (rows A, C, G, T); a MEME motif holds per-position probabilities
//! plus `nsites`, so reading MEME gives `count = probability × nsites` (MEME's default nsites is 20).
//! Only the first motif of a file is read.

pub mod jaspar;
pub mod meme;

use super::motif::{MotifError, Pfm};
use crate::lang::{Lang, Particle, grouped, with_particle};

pub use jaspar::{parse_jaspar, to_jaspar};
pub use meme::{parse_meme, to_meme, to_meme_many};

/// A motif with the identifier and name its file gave it.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedMotif {
    /// Identifier, such as `MA0004.1` (may be empty).
    pub id: String,
    /// Human-readable name, such as `Arnt` (may be empty).
    pub name: String,
    /// The counts.
    pub pfm: Pfm,
}

/// Why a motif text could not be read. Line numbers are 1-based.
#[derive(Clone, Debug, PartialEq)]
pub enum FormatError {
    /// Nothing but whitespace.
    Empty,
    /// A JASPAR matrix needs 4 rows (A, C, G, T).
    RowCount {
        /// Rows found.
        found: usize,
    },
    /// A MEME text without a `letter-probability matrix:` line.
    NoMatrix,
    /// A token where a number belongs.
    BadNumber {
        /// Line of the token.
        line: usize,
        /// The token.
        token: String,
    },
    /// A row whose length differs from the first row's.
    RowLength {
        /// Line of the row.
        line: usize,
        /// Expected number of values.
        expected: usize,
        /// Values found.
        found: usize,
    },
    /// A JASPAR row label other than A, C, G, T, or one given twice.
    BadRowLabel {
        /// Line of the row.
        line: usize,
        /// The label.
        label: String,
    },
    /// A MEME alphabet other than DNA's four letters.
    NotDna {
        /// Line of the alphabet declaration.
        line: usize,
    },
    /// A MEME matrix with fewer rows than its declared width `w=`.
    WidthMismatch {
        /// Declared width.
        declared: usize,
        /// Rows found.
        found: usize,
    },
    /// A MEME `w=` that is not a whole number of positions from 1 to [`MAX_WIDTH`].
    BadWidth {
        /// Line of the matrix header.
        line: usize,
        /// The token after `w=`.
        token: String,
    },
    /// The numbers were read but do not make a motif (negative counts, for example).
    Matrix(MotifError),
}

/// The widest motif read from a text (JASPAR's widest matrices have about 30 positions).
pub const MAX_WIDTH: usize = 10_000;

impl FormatError {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use FormatError::*;
        match self {
            Empty => lang.pick(
                "모티프 텍스트가 비어 있습니다.".into(),
                "The motif text is empty.".into(),
            ),
            RowCount { found } => lang.pick(
                format!("JASPAR 행렬은 A, C, G, T 네 행이 필요한데 {found}행만 있습니다."),
                format!("A JASPAR matrix needs four rows (A, C, G, T); found {found}."),
            ),
            NoMatrix => lang.pick(
                "MEME 텍스트에 'letter-probability matrix:' 줄이 없습니다.".into(),
                "The MEME text has no 'letter-probability matrix:' line.".into(),
            ),
            BadNumber { line, token } => lang.pick(
                format!(
                    "{line}번째 줄: {} 숫자가 아닙니다.",
                    with_particle(&format!("'{token}'"), Particle::Topic)
                ),
                format!("Line {line}: '{token}' is not a number."),
            ),
            RowLength {
                line,
                expected,
                found,
            } => lang.pick(
                format!("{line}번째 줄: 값이 {expected}개여야 하는데 {found}개입니다."),
                format!("Line {line}: expected {expected} values, found {found}."),
            ),
            BadRowLabel { line, label } => lang.pick(
                format!(
                    "{line}번째 줄: 행 이름 {} A, C, G, T 중 하나가 아니거나 중복입니다.",
                    with_particle(&format!("'{label}'"), Particle::Topic)
                ),
                format!(
                    "Line {line}: row label '{label}' is not one of A, C, G, T, or repeats one."
                ),
            ),
            NotDna { line } => lang.pick(
                format!("{line}번째 줄: DNA 알파벳(ACGT) 모티프만 읽을 수 있습니다."),
                format!("Line {line}: only DNA motifs (alphabet ACGT) can be read."),
            ),
            WidthMismatch { declared, found } => lang.pick(
                format!(
                    "MEME 행렬의 폭이 {} 적혀 있는데 {found}행만 있습니다.",
                    with_particle(&format!("w= {declared}"), Particle::Direction)
                ),
                format!("The MEME matrix declares w= {declared} but has {found} rows."),
            ),
            BadWidth { line, token } => {
                let value = token.parse::<f64>().ok();
                let (ko, en) = match value {
                    None => ("숫자가 아닙니다".to_string(), "is not a number".to_string()),
                    Some(v) if v.is_nan() => ("숫자가 아닙니다".into(), "is not a number".into()),
                    Some(v) if v < 0.0 => ("음수입니다".into(), "is negative".into()),
                    Some(0.0) => (
                        "0입니다 (모티프에는 위치가 하나 이상 있어야 합니다)".into(),
                        "is 0 (a motif has at least one position)".into(),
                    ),
                    Some(v) if v.fract() != 0.0 => {
                        ("정수가 아닙니다".into(), "is not a whole number".into())
                    }
                    Some(_) => (
                        format!("{}보다 큽니다", grouped(MAX_WIDTH)),
                        format!("is larger than {}", grouped(MAX_WIDTH)),
                    ),
                };
                let token = crate::lang::quoted(token);
                let width = with_particle(&format!("w= {token}"), Particle::Subject);
                lang.pick(
                    format!("{line}번째 줄: 모티프 폭 {width} {ko}. 폭은 1부터 {}까지의 정수여야 합니다.", grouped(MAX_WIDTH)),
                    format!("Line {line}: the motif width w= {token} {en}; it must be a whole number from 1 to {}.", grouped(MAX_WIDTH)),
                )
            }
            Matrix(error) => error.message(lang),
        }
    }
}

crate::message!(FormatError);

/// Reads a motif in either format. JASPAR if the first non-blank line is a `>` header (whatever
/// the name says); MEME if it starts with `MEME version` or a line starts with
/// `letter-probability matrix`; JASPAR otherwise. What [`to_jaspar`] and [`to_meme`] write, this
/// reads back.
///
/// # Errors
/// The [`FormatError`] of the format it was read as.
pub fn parse_motif(text: &str) -> Result<NamedMotif, FormatError> {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let meme = !first.starts_with('>')
        && (first.starts_with("MEME version")
            || text
                .lines()
                .any(|l| l.trim_start().starts_with("letter-probability matrix")));
    if meme {
        parse_meme(text)
    } else {
        parse_jaspar(text)
    }
}

/// Parses a number token of a matrix row.
fn parse_number(token: &str, line: usize) -> Result<f64, FormatError> {
    token
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| FormatError::BadNumber {
            line,
            token: token.to_string(),
        })
}

/// Writes a count or probability compactly: `3`, `2.5`, `0.333333`.
fn format_number(value: f64, decimals: usize) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return format!("{value:.0}");
    }
    let text = format!("{value:.decimals$}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}
