//! Why a model file cannot be used, each case with its own message in both languages.

use crate::lang::Lang;
use crate::nn::spec::{ModelError, grouped};
use std::fmt;

/// A tensor shape as the student reads it: `[4, 2]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shape(pub Vec<usize>);

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dims: Vec<String> = self.0.iter().map(|d| grouped(*d)).collect();
        write!(f, "[{}]", dims.join(", "))
    }
}

/// A tensor name from a file, cut short (a hostile file may name a tensor with a megabyte).
pub(crate) fn quoted_name(name: &str) -> String {
    crate::lang::quoted(name)
}

/// Why a model file cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelFileError {
    /// Larger than the limit.
    TooLarge {
        /// File size in bytes.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// Not JSON text at all.
    NotJson {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// JSON, but not laid out like a model file (a field missing or of the wrong kind).
    NotAModel {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// Another kind of file (its `format` field, if it has one).
    WrongFormat {
        /// The `format` it states.
        found: Option<String>,
    },
    /// A version this SeqLab does not read (0: none stated).
    UnknownVersion {
        /// The version stated.
        found: u32,
    },
    /// The architecture cannot be built.
    Spec(ModelError),
    /// Another number of weight tensors than the architecture has.
    TensorCount {
        /// Tensors the architecture has.
        expected: usize,
        /// Tensors in the file.
        found: usize,
    },
    /// A tensor of another shape than the architecture's.
    TensorShape {
        /// 1-based tensor.
        index: usize,
        /// Its name in the file.
        name: String,
        /// The architecture's shape.
        expected: Shape,
        /// The file's shape.
        found: Shape,
    },
    /// A tensor whose number of values does not match its shape.
    ValueCount {
        /// 1-based tensor.
        index: usize,
        /// Its name in the file.
        name: String,
        /// Values its shape holds.
        expected: usize,
        /// Values in the file.
        found: usize,
    },
    /// A weight that is NaN or infinite.
    NotFinite {
        /// 1-based tensor.
        index: usize,
        /// Its name in the file.
        name: String,
        /// 1-based position of the value.
        position: usize,
    },
    /// The model reads samples of another shape than this lab's.
    WrongInput {
        /// What the lab gives.
        expected: Shape,
        /// What the model reads.
        found: Shape,
    },
    /// The model gives outputs of another shape than this lab needs.
    WrongOutput {
        /// What the lab needs.
        expected: Shape,
        /// What the model gives.
        found: Shape,
    },
}

impl ModelFileError {
    /// The error of a file `serde_json` could not read: not JSON, or not laid out as expected.
    pub fn from_json(error: &serde_json::Error) -> ModelFileError {
        let (line, column) = (error.line(), error.column());
        match error.classify() {
            serde_json::error::Category::Data => ModelFileError::NotAModel { line, column },
            _ => ModelFileError::NotJson { line, column },
        }
    }

    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use ModelFileError::*;
        match self {
            TooLarge { bytes, limit } => lang.pick(
                format!("모델 파일이 너무 큽니다 ({:.1} MB). {} MB까지 읽을 수 있습니다.", *bytes as f64 / 1e6, limit / 1_000_000),
                format!("The model file is too large ({:.1} MB); the limit is {} MB.", *bytes as f64 / 1e6, limit / 1_000_000),
            ),
            NotJson { line, column } => lang.pick(
                format!("JSON 파일이 아닙니다 ({line}번째 줄 {column}번째 글자에서 읽기를 멈췄습니다). SeqLab에서 내보낸 모델 파일(.json)을 고르세요."),
                format!("This is not a JSON file (reading stopped at line {line}, column {column}). Choose a model file (.json) exported by SeqLab."),
            ),
            NotAModel { line, column } => lang.pick(
                format!("JSON이지만 SeqLab 모델 파일의 모양이 아닙니다: {line}번째 줄 {column}번째 글자 근처의 항목이 빠졌거나 잘못되었습니다."),
                format!("This JSON is not laid out as a SeqLab model file: a field near line {line}, column {column} is missing or has a wrong value."),
            ),
            WrongFormat { found: Some(found) } => {
                let found = crate::lang::quoted(found);
                lang.pick(
                    format!("이 파일은 '{found}' 형식이라 이 실습의 모델로 쓸 수 없습니다."),
                    format!("This file is of format '{found}', not a model for this lab."),
                )
            }
            WrongFormat { found: None } => lang.pick(
                "JSON 파일이지만 SeqLab 모델 파일이 아닙니다 ('format' 항목이 없습니다).".into(),
                "This JSON file is not a SeqLab model file (it has no 'format' field).".into(),
            ),
            UnknownVersion { found } => lang.pick(
                format!("모델 파일의 버전 {} 이 SeqLab이 읽을 수 없습니다 (버전 1만 읽습니다).", crate::lang::with_particle(&found.to_string(), crate::lang::Particle::Topic)),
                format!("This SeqLab cannot read model files of version {found} (it reads version 1)."),
            ),
            Spec(error) => error.message(lang),
            TensorCount { expected, found } => lang.pick(
                format!("가중치 텐서가 {found}개 있는데 이 구조에는 {expected}개가 필요합니다."),
                format!("The file has {found} weight tensors; this architecture needs {expected}."),
            ),
            TensorShape { index, name, expected, found } => lang.pick(
                format!("{index}번째 가중치 텐서 '{name}'의 모양이 {found}인데 구조에 맞으려면 {expected}이어야 합니다."),
                format!("Weight tensor {index} ('{name}') has shape {found}; the architecture needs {expected}."),
            ),
            ValueCount { index, name, expected, found } => lang.pick(
                format!("{index}번째 가중치 텐서 '{name}'에 값이 {}개 있는데 모양대로라면 {}개여야 합니다.", grouped(*found), grouped(*expected)),
                format!("Weight tensor {index} ('{name}') holds {} values; its shape holds {}.", grouped(*found), grouped(*expected)),
            ),
            NotFinite { index, name, position } => lang.pick(
                format!("{index}번째 가중치 텐서 '{name}'의 {position}번째 값이 NaN 또는 무한대입니다. 발산한 학습의 모델일 수 있습니다."),
                format!("Value {position} of weight tensor {index} ('{name}') is NaN or infinite: perhaps the model of a diverged run."),
            ),
            WrongInput { expected, found } => lang.pick(
                format!("이 모델은 {found} 모양의 입력을 읽는데 이 실습의 데이터는 {expected}입니다 (서열 길이 × 알파벳). 같은 길이로 학습한 모델을 고르세요."),
                format!("This model reads inputs of shape {found}, but this lab's data is {expected} (sequence length × alphabet). Choose a model trained on the same length."),
            ),
            WrongOutput { expected, found } => lang.pick(
                format!("이 모델의 출력은 {found} 모양인데 이 실습에는 {expected} 모양의 출력이 필요합니다."),
                format!("This model gives outputs of shape {found}; this lab needs {expected}."),
            ),
        }
    }
}

crate::message!(ModelFileError);
