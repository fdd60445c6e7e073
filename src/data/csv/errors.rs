//! What can be wrong with an uploaded table: the whole file ([`FileError`]) or one row
//! ([`RowError`]), each with a message in both languages.

use crate::bio::alphabet::{Alphabet, describe_char};
use crate::bio::variants::VariantError;
use crate::lang::{Lang, Particle, grouped, with_particle};

/// A problem with the whole file: nothing can be read from it.
#[derive(Clone, Debug, PartialEq)]
pub enum FileError {
    /// No characters but whitespace.
    Empty,
    /// Not UTF-8 text (or it contains NUL bytes): probably a spreadsheet or an image.
    NotText,
    /// Larger than the limit.
    TooLarge {
        /// File size in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// More data rows than the limit.
    TooManyRows {
        /// The limit.
        limit: usize,
    },
    /// Only one column: a value column is needed next to the sequences.
    OneColumn,
    /// The chosen columns do not exist or are the same.
    BadColumns,
    /// A first line that names columns and nothing after it.
    HeaderOnly,
    /// A line with more fields than a table can have (a run of separators, not a table).
    TooManyColumns {
        /// 1-based line.
        line: usize,
        /// The most fields a line may have.
        limit: usize,
    },
}

impl FileError {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FileError::Empty => lang.pick("파일이 비어 있습니다.".into(), "The file is empty.".into()),
            FileError::NotText => lang.pick(
                "텍스트 파일이 아닙니다. 엑셀 파일이라면 CSV(쉼표로 구분)로 저장해서 올려 주세요.".into(),
                "This is not a text file. If it is a spreadsheet, save it as CSV (comma separated) and upload that.".into(),
            ),
            FileError::TooLarge { bytes, limit } => lang.pick(
                format!("파일이 너무 큽니다 ({:.1} MB). {} MB까지 올릴 수 있습니다.", *bytes as f64 / 1e6, limit / 1_000_000),
                format!("The file is too large ({:.1} MB); the limit is {} MB.", *bytes as f64 / 1e6, limit / 1_000_000),
            ),
            FileError::TooManyRows { limit } => lang.pick(
                format!("행이 너무 많습니다. {}행까지 읽을 수 있습니다.", grouped(*limit)),
                format!("The file has too many rows; the limit is {}.", grouped(*limit)),
            ),
            FileError::OneColumn => lang.pick(
                "열이 하나뿐입니다. 서열 열과 값(발현량) 열이 필요합니다.".into(),
                "The file has only one column: a sequence column and a value (expression) column are needed.".into(),
            ),
            FileError::BadColumns => lang.pick(
                "서열 열과 값 열로 서로 다른, 있는 열을 골라 주세요.".into(),
                "Choose two different existing columns for the sequence and the value.".into(),
            ),
            FileError::HeaderOnly => lang.pick(
                "파일에 열 이름 줄(머리줄)만 있고 데이터 행이 없습니다.".into(),
                "The file has a header but no data rows.".into(),
            ),
            FileError::TooManyColumns { line, limit } => lang.pick(
                format!("{line}번째 줄의 칸이 {}개를 넘습니다. 표가 아니거나 구분 문자가 잘못된 파일입니다. 열은 {}개까지 읽을 수 있습니다.", grouped(*limit), grouped(*limit)),
                format!("Line {line} has more than {} fields: this is not a table, or its separator is wrong. At most {} columns can be read.", grouped(*limit), grouped(*limit)),
            ),
        }
    }
}

crate::message!(FileError);

/// Why one row was rejected.
#[derive(Clone, Debug, PartialEq)]
pub enum RowError {
    /// The row has fewer fields than the chosen column needs.
    MissingField {
        /// 1-based column that is missing.
        column: usize,
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
    /// The sequence field is empty.
    EmptySequence,
    /// A sequence longer than the labs take.
    TooLong {
        /// Its length.
        length: usize,
        /// The longest allowed.
        limit: usize,
    },
    /// A character that is not a base.
    InvalidBase {
        /// The character.
        ch: char,
        /// Its 1-based position in the sequence.
        position: usize,
    },
    /// A character that is not a letter of `alphabet` (a protein upload; DNA reports
    /// `InvalidBase`).
    InvalidLetter {
        /// The character.
        ch: char,
        /// Its 1-based position in the sequence.
        position: usize,
        /// The alphabet of the upload.
        alphabet: Alphabet,
    },
    /// A sequence longer than the labs take, in an alphabet other than DNA (DNA reports
    /// `TooLong`).
    TooManyLetters {
        /// Its length.
        length: usize,
        /// The longest allowed.
        limit: usize,
        /// The alphabet of the upload.
        alphabet: Alphabet,
    },
    /// A variant that cannot be read or does not fit the wild type.
    Variant {
        /// What is wrong with it.
        error: VariantError,
    },
    /// A stated number of mutations that differs from the substitutions the variant lists.
    MutationCount {
        /// The number in the row.
        stated: usize,
        /// Substitutions in the variant.
        found: usize,
    },
    /// The value field is not a number.
    NotANumber {
        /// The field's text.
        text: String,
    },
    /// The value is NaN or infinite.
    NotFinite {
        /// The field's text.
        text: String,
    },
    /// The same sequence with the same value already appeared (the first row is kept).
    Duplicate {
        /// Line of the first occurrence.
        first_line: usize,
    },
    /// The same sequence with a different value already appeared (the first row is kept).
    ConflictingDuplicate {
        /// Line of the first occurrence.
        first_line: usize,
        /// Its value.
        first_value: f64,
    },
}

impl RowError {
    /// The reason shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RowError::MissingField { column, found } => lang.pick(
                format!("{column}번째 열이 없습니다 (이 행의 칸: {found}개)."),
                format!("column {column} is missing (the row has {found} fields)."),
            ),
            RowError::ExtraFields { found, expected } => lang.pick(
                format!("칸이 {found}개로 머리줄(또는 대부분의 행)의 {expected}개보다 많습니다. 천 단위 쉼표(12,345)나 소수점 쉼표(5,2)가 숫자를 둘로 나눈 것은 아닌지 확인하세요."),
                format!("more fields than the header ({found} instead of {expected}): a thousands separator (12,345) or a decimal comma (5,2)?"),
            ),
            RowError::UnclosedQuote { field } => lang.pick(
                format!("{field}번째 칸에서 따옴표(\")가 열렸는데 이 줄에서 닫히지 않습니다."),
                format!("a quote (\") opens in field {field} and is not closed on this line."),
            ),
            RowError::TooManyFields { limit } => lang.pick(
                format!("칸이 {}개를 넘습니다.", grouped(*limit)),
                format!("more than {} fields.", grouped(*limit)),
            ),
            RowError::EmptySequence => lang.pick("서열이 비어 있습니다.".into(), "the sequence is empty.".into()),
            RowError::TooLong { length, limit } => lang.pick(
                format!("서열이 {} nt로, 실습에서 쓸 수 있는 최대 길이 {} nt보다 깁니다.", grouped(*length), grouped(*limit)),
                format!("the sequence is {} nt long; the labs take at most {} nt.", grouped(*length), grouped(*limit)),
            ),
            RowError::InvalidBase { ch, position } => {
                let shown = describe_char(*ch);
                lang.pick(
                    format!("서열의 {position}번째 글자 {} 염기가 아닙니다 (A, C, G, T, U, N만 가능).", with_particle(&shown, Particle::Topic)),
                    format!("letter {position} of the sequence, {shown}, is not a base (only A, C, G, T, U, N)."),
                )
            }
            RowError::InvalidLetter { ch, position, alphabet } => {
                let shown = describe_char(*ch);
                lang.pick(
                    format!(
                        "{} 서열의 {position}번째 글자 {} {} 아닙니다. {}만 쓸 수 있습니다.",
                        alphabet.name(lang),
                        with_particle(&shown, Particle::Topic),
                        with_particle(alphabet.letter_name(lang), Particle::Subject),
                        alphabet.allowed(lang)
                    ),
                    format!(
                        "letter {position} of the {} sequence, {shown}, is not {} {}: use {}.",
                        alphabet.name(lang),
                        if alphabet.letter_name(lang).starts_with('a') { "an" } else { "a" },
                        alphabet.letter_name(lang),
                        alphabet.allowed(lang)
                    ),
                )
            }
            RowError::TooManyLetters { length, limit, alphabet } => lang.pick(
                format!(
                    "서열이 {} {}로, 실습에서 쓸 수 있는 최대 길이 {} {}보다 깁니다.",
                    grouped(*length),
                    alphabet.unit(),
                    grouped(*limit),
                    alphabet.unit()
                ),
                format!(
                    "the sequence is {} {} long; the labs take at most {} {}.",
                    grouped(*length),
                    alphabet.unit(),
                    grouped(*limit),
                    alphabet.unit()
                ),
            ),
            RowError::Variant { error } => error.message(lang),
            RowError::MutationCount { stated, found } => lang.pick(
                format!("돌연변이 수는 {stated}개라고 적혀 있지만 변이에는 치환이 {found}개 있습니다."),
                format!("the row says {stated} mutations but the variant lists {found} substitutions."),
            ),
            RowError::NotANumber { text } if text.contains(',') => lang.pick(
                format!("값 {} 숫자가 아닙니다. 소수점을 쉼표로 쓴 것이라면 위의 '소수점 쉼표'를 켜세요.", with_particle(&format!("'{text}'"), Particle::Topic)),
                format!("the value '{text}' is not a number: if the comma is a decimal comma, tick 'decimal comma' above."),
            ),
            RowError::NotANumber { text } => lang.pick(
                format!("값 {} 숫자가 아닙니다.", with_particle(&format!("'{text}'"), Particle::Topic)),
                format!("the value '{text}' is not a number."),
            ),
            RowError::NotFinite { text } => lang.pick(
                format!("값 {} 유한한 수가 아닙니다 (NaN 또는 무한대).", with_particle(&format!("'{text}'"), Particle::Topic)),
                format!("the value '{text}' is not finite (NaN or infinity)."),
            ),
            RowError::Duplicate { first_line } => lang.pick(
                format!("{first_line}번째 줄과 같은 서열, 같은 값입니다 (처음 것만 씁니다)."),
                format!("same sequence and value as line {first_line} (the first is kept)."),
            ),
            RowError::ConflictingDuplicate { first_line, first_value } => lang.pick(
                format!("{first_line}번째 줄과 같은 서열인데 값이 다릅니다 (그 줄의 값 {first_value}만 씁니다)."),
                format!("same sequence as line {first_line} with another value (only that line's value, {first_value}, is kept)."),
            ),
        }
    }
}
