//! What can be wrong with one variant, in both languages.

use super::Numbering;
use crate::bio::alphabet::describe_char;
use crate::lang::{Lang, Particle, grouped, with_particle};

/// Why a variant could not be read or does not fit its wild type. Tokens are quoted as written
/// (cut to [`crate::lang::QUOTED_CHARS`] characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VariantError {
    /// A token that is not `<letter><position><letter>`.
    Syntax {
        /// The token.
        token: String,
    },
    /// A letter that is not an amino acid (or a stop written as the wild-type letter).
    UnknownLetter {
        /// The token.
        token: String,
        /// The letter.
        ch: char,
    },
    /// Position 0 with 1-based numbering.
    PositionZero {
        /// The token.
        token: String,
    },
    /// A position past the wild type's last residue.
    PastEnd {
        /// The token.
        token: String,
        /// The wild type's length.
        length: usize,
        /// The numbering used.
        numbering: Numbering,
    },
    /// The wild type has another letter at that position.
    WrongWildType {
        /// The token (`A108D`).
        token: String,
        /// The wild type's letter there.
        actual: char,
        /// The numbering used.
        numbering: Numbering,
    },
    /// A letter changed into itself (`A108A`).
    Unchanged {
        /// The token.
        token: String,
    },
    /// Two substitutions at the same position.
    Duplicate {
        /// The first token.
        first: String,
        /// The second token.
        second: String,
    },
}

impl VariantError {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            VariantError::Syntax { token } => lang.pick(
                format!(
                    "{} 치환 표기가 아닙니다. A108D처럼 원래 아미노산, 위치, 새 아미노산을 쓰세요.",
                    with_particle(&format!("'{token}'"), Particle::Topic)
                ),
                format!(
                    "'{token}' is not a substitution: write the wild-type amino acid, the position and the new one, as in A108D."
                ),
            ),
            VariantError::UnknownLetter { token, ch } => {
                let shown = describe_char(*ch);
                lang.pick(
                    format!(
                        "'{token}'의 {} 아미노산이 아닙니다. ACDEFGHIKLMNPQRSTVWY만 쓸 수 있고, 종결(*)은 새 아미노산 자리에만 올 수 있습니다.",
                        with_particle(&shown, Particle::Topic)
                    ),
                    format!(
                        "{shown} in '{token}' is not an amino acid: use ACDEFGHIKLMNPQRSTVWY, and * (a stop) only as the new letter."
                    ),
                )
            }
            VariantError::PositionZero { token } => lang.pick(
                format!(
                    "'{token}': 1부터 번호를 매기면 위치 0은 없습니다. 이 파일이 0부터 번호를 매긴다면 번호 방식을 바꾸세요."
                ),
                format!(
                    "'{token}': there is no position 0 when positions count from 1; if this file counts from 0, change the numbering."
                ),
            ),
            VariantError::PastEnd {
                token,
                length,
                numbering,
            } => {
                let last = numbering.written(length.saturating_sub(1));
                lang.pick(
                    format!(
                        "'{token}'의 위치가 야생형 서열 밖입니다. 야생형은 {}개 아미노산이고 위치는 {}부터 {}까지입니다 ({}).",
                        grouped(*length),
                        numbering.first(),
                        grouped(last),
                        numbering.name(lang)
                    ),
                    format!(
                        "'{token}' is past the end of the wild type: it has {} residues, positions {} to {} ({}).",
                        grouped(*length),
                        numbering.first(),
                        grouped(last),
                        numbering.name(lang)
                    ),
                )
            }
            VariantError::WrongWildType {
                token,
                actual,
                numbering,
            } => {
                let claimed: String = token.chars().take(token.chars().count() - 1).collect();
                lang.pick(
                    format!(
                        "변이 표기는 {} 가리키지만 야생형의 그 위치에는 {} 있습니다 ({}). 야생형 서열이나 번호 방식이 맞는지 확인하세요.",
                        with_particle(&claimed, Particle::Object),
                        with_particle(&actual.to_string(), Particle::Subject),
                        numbering.name(lang)
                    ),
                    format!(
                        "the variant says {claimed} but the wild type has {actual} there ({}): check the wild-type sequence and the numbering.",
                        numbering.name(lang)
                    ),
                )
            }
            VariantError::Unchanged { token } => lang.pick(
                format!(
                    "{} 아미노산을 같은 아미노산으로 바꾸어 아무것도 바꾸지 않습니다.",
                    with_particle(&format!("'{token}'"), Particle::Topic)
                ),
                format!("'{token}' changes an amino acid into itself."),
            ),
            VariantError::Duplicate { first, second } => lang.pick(
                format!(
                    "'{first}'와(과) {} 같은 위치를 두 번 바꿉니다.",
                    with_particle(&format!("'{second}'"), Particle::Topic)
                ),
                format!("'{first}' and '{second}' change the same position twice."),
            ),
        }
    }
}

crate::message!(VariantError);
