//! What can be wrong with an uploaded table of numbers: the whole file ([`TabularFileError`]), one
//! row ([`TabularRowError`], naming the column), and the hint a sequence lab gives for a table of
//! numbers ([`NumericHint`]).

use super::super::FileError;
use crate::lang::{Lang, Particle, grouped, with_particle};
use std::fmt;

/// A problem with the whole file: nothing can be read from it as a table of numbers.
#[derive(Clone, Debug, PartialEq)]
pub enum TabularFileError {
    /// A file-level problem shared with the sequence reader (empty, not text, too large, too many
    /// rows, header only, a line with too many fields).
    File(FileError),
    /// A column holds DNA or protein sequences: a sequence table, for the sequence labs.
    SequenceTable {
        /// The column's name.
        column: String,
    },
    /// Fewer than two numeric columns (a target and at least one feature are needed).
    TooFewColumns {
        /// Numeric columns found.
        numeric: usize,
    },
    /// The chosen columns do not exist, repeat, or the target is also a feature.
    BadColumns,
}

impl From<FileError> for TabularFileError {
    fn from(error: FileError) -> TabularFileError {
        TabularFileError::File(error)
    }
}

impl TabularFileError {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TabularFileError::File(e) => e.message(lang),
            TabularFileError::SequenceTable { column } => lang.pick(
                format!(
                    "'{column}' 열에 DNA 또는 단백질 서열이 들어 있습니다. 이 파일은 서열 표로 보이니 발현 실습이나 단백질 실습에서 여세요."
                ),
                format!(
                    "Column '{column}' holds DNA or protein sequences: this looks like a sequence table — use the expression or protein lab."
                ),
            ),
            TabularFileError::TooFewColumns { numeric } => lang.pick(
                format!(
                    "숫자 열이 {numeric}개뿐입니다. 목표 열 하나와 입력 열이 하나 이상 필요합니다."
                ),
                format!(
                    "Only {numeric} numeric column(s): a target column and at least one feature column are needed."
                ),
            ),
            TabularFileError::BadColumns => lang.pick(
                "목표 열 하나와, 그와 다른 입력 열을 하나 이상 골라 주세요 (같은 열을 두 번 고를 수 없습니다).".into(),
                "Choose one target column and at least one other feature column (no column twice).".into(),
            ),
        }
    }
}

impl fmt::Display for TabularFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for TabularFileError {}

/// Why one row of a table of numbers was rejected.
#[derive(Clone, Debug, PartialEq)]
pub enum TabularRowError {
    /// The row ends before a chosen column (or leaves it empty at the end).
    MissingField {
        /// The column's name.
        column: String,
        /// Fields the row has.
        found: usize,
    },
    /// The row has more fields than the header (or than most rows).
    ExtraFields {
        /// Fields the row has.
        found: usize,
        /// Fields the header (or most rows) has.
        expected: usize,
    },
    /// A quote opens in a field and does not close on the same line.
    UnclosedQuote {
        /// 1-based field that opens it.
        field: usize,
    },
    /// More fields than a line may have.
    TooManyFields {
        /// The limit.
        limit: usize,
    },
    /// A chosen column's field is empty.
    Empty {
        /// The column's name.
        column: String,
    },
    /// A chosen column's field is not a number.
    NotANumber {
        /// The column's name.
        column: String,
        /// The field's text (cut to [`crate::lang::QUOTED_CHARS`]).
        text: String,
    },
    /// A chosen column's value is NaN or infinite.
    NotFinite {
        /// The column's name.
        column: String,
        /// The field's text.
        text: String,
    },
}

impl TabularRowError {
    /// The reason shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let quoted = |text: &str| format!("'{text}'");
        match self {
            TabularRowError::MissingField { column, found } => lang.pick(
                format!("{} 열의 값이 없습니다 (이 행의 칸: {found}개).", quoted(column)),
                format!("no value for '{column}' (the row has {found} fields)."),
            ),
            TabularRowError::ExtraFields { found, expected } => lang.pick(
                format!(
                    "칸이 {found}개로 머리줄(또는 대부분의 행)의 {expected}개보다 많습니다. 천 단위 쉼표(12,345)나 소수점 쉼표(5,2)가 숫자를 둘로 나눈 것은 아닌지 확인하세요."
                ),
                format!(
                    "more fields than the header ({found} instead of {expected}): a thousands separator (12,345) or a decimal comma (5,2)?"
                ),
            ),
            TabularRowError::UnclosedQuote { field } => lang.pick(
                format!("{field}번째 칸에서 따옴표(\")가 열렸는데 이 줄에서 닫히지 않습니다."),
                format!("a quote (\") opens in field {field} and is not closed on this line."),
            ),
            TabularRowError::TooManyFields { limit } => lang.pick(
                format!("칸이 {}개를 넘습니다.", grouped(*limit)),
                format!("more than {} fields.", grouped(*limit)),
            ),
            TabularRowError::Empty { column } => lang.pick(
                format!("{} 열이 비어 있습니다.", quoted(column)),
                format!("'{column}' is empty."),
            ),
            TabularRowError::NotANumber { column, text } => lang.pick(
                format!(
                    "{} 열의 값 {} 숫자가 아닙니다.",
                    quoted(column),
                    with_particle(&quoted(text), Particle::Topic)
                ),
                format!("the value '{text}' of '{column}' is not a number."),
            ),
            TabularRowError::NotFinite { column, text } => lang.pick(
                format!(
                    "{} 열의 값 {} 유한한 수가 아닙니다 (NaN 또는 무한대).",
                    quoted(column),
                    with_particle(&quoted(text), Particle::Topic)
                ),
                format!("the value '{text}' of '{column}' is not finite (NaN or infinity)."),
            ),
        }
    }
}

/// What a sequence lab tells the student when the file is a table of numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumericHint {
    /// Numeric columns found.
    pub numeric_columns: usize,
}

impl NumericHint {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let n = self.numeric_columns;
        lang.pick(
            format!(
                "이 파일은 숫자 표로 보입니다 (숫자 열 {n}개, 서열 열 없음). 생물반응기 실습에서 여세요."
            ),
            format!(
                "This looks like a table of numbers ({n} numeric columns, no sequences) — use the bioreactor lab."
            ),
        )
    }
}
