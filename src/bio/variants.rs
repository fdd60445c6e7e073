//! Variant notation: `A108D,K156R` = the wild type with the `A` at position 108 changed to `D`
//! and the `K` at 156 to `R`; `sequence = wild type` with every listed letter replaced.
//!
//! - Substitutions are `<wild-type letter><position><new letter>`, separated by `,` `:` `;` or
//!   spaces (`A108D:K156R`, `A108D K156R`); a `p.` prefix (`p.A108D`) and lowercase letters are
//!   accepted. `*` as the new letter is a stop codon (a truncated protein; the one-hot stop column).
//! - `WT`, `wild type`, `_wt` or an empty field is the wild type itself (no substitution).
//! - Positions count from 0 (the avGFP table: `E32V` changes index 32 of `wt_aa.txt`) or from 1
//!   (most papers): [`Numbering`]. [`WildType::numbering_of`] tells which numbering makes every
//!   variant's wild-type letter agree with the sequence.
//! - Every problem is a [`VariantError`] with a message in both languages: a token that is not a
//!   substitution, a letter that is not an amino acid, position 0 in 1-based numbering, a position
//!   past the end, a wild-type letter the sequence does not have there ("the variant says A108 but
//!   the wild type has K there"), the same position twice, a letter changed into itself.

use super::alphabet::{Alphabet, SequenceError};
use crate::lang::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

mod error;
pub use error::VariantError;

/// Where positions start.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Numbering {
    /// The first residue is 0 (Python indices; the avGFP table of nn4dms).
    ZeroBased,
    /// The first residue is 1 (most papers and UniProt).
    #[default]
    OneBased,
}

impl Numbering {
    /// The number written for the first residue: 0 or 1.
    pub fn first(self) -> usize {
        match self {
            Numbering::ZeroBased => 0,
            Numbering::OneBased => 1,
        }
    }

    /// The 0-based index of a written position (`None` for 0 in 1-based numbering).
    pub fn index(self, written: usize) -> Option<usize> {
        written.checked_sub(self.first())
    }

    /// The position written for a 0-based index.
    pub fn written(self, index: usize) -> usize {
        index + self.first()
    }

    /// "0-based" / "1-based" for the student.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Numbering::ZeroBased => lang.pick("0부터 번호", "0-based"),
            Numbering::OneBased => lang.pick("1부터 번호", "1-based"),
        }
    }
}

impl fmt::Display for Numbering {
    /// `zero_based` or `one_based` (the serde and URL name).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Numbering::ZeroBased => "zero_based",
            Numbering::OneBased => "one_based",
        })
    }
}

impl FromStr for Numbering {
    type Err = String;

    /// `zero_based`/`0` or `one_based`/`1`.
    fn from_str(text: &str) -> Result<Numbering, String> {
        match text.trim() {
            "zero_based" | "0" => Ok(Numbering::ZeroBased),
            "one_based" | "1" => Ok(Numbering::OneBased),
            other => Err(format!(
                "not a numbering: {other:?} (zero_based or one_based)"
            )),
        }
    }
}

/// One substitution as written, before it is checked against a wild type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Written {
    /// The wild-type letter the variant claims (upper case).
    pub from: char,
    /// The position as written.
    pub position: usize,
    /// The new letter (upper case; `*` for a stop).
    pub to: char,
}

impl fmt::Display for Written {
    /// `A108D`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}{}", self.from, self.position, self.to)
    }
}

/// One checked substitution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Substitution {
    /// 0-based index into the wild type.
    pub index: usize,
    /// The wild type's letter there.
    pub from: char,
    /// The new letter (`*` for a stop).
    pub to: char,
}

impl Substitution {
    /// The substitution written in `numbering`: `A108D`.
    pub fn notation(&self, numbering: Numbering) -> String {
        format!("{}{}{}", self.from, numbering.written(self.index), self.to)
    }
}

/// Substitutions written in `numbering`, joined with commas (`A108D,K156R`; `WT` for none).
pub fn notation(substitutions: &[Substitution], numbering: Numbering) -> String {
    if substitutions.is_empty() {
        return "WT".into();
    }
    let parts: Vec<String> = substitutions
        .iter()
        .map(|s| s.notation(numbering))
        .collect();
    parts.join(",")
}

/// Words that mean "no substitution".
const WILD_TYPE_WORDS: [&str; 5] = ["wt", "wild type", "wildtype", "wild-type", "_wt"];

/// Reads the notation of one variant without a wild type: the substitutions as written.
///
/// # Errors
/// [`VariantError::Syntax`] for a token that is not `<letter><digits><letter>`,
/// [`VariantError::UnknownLetter`] for a letter that is not an amino acid (`*` is only a new
/// letter).
pub fn parse_notation(text: &str) -> Result<Vec<Written>, VariantError> {
    let trimmed = text.trim();
    if trimmed.is_empty() || WILD_TYPE_WORDS.contains(&trimmed.to_ascii_lowercase().as_str()) {
        return Ok(Vec::new());
    }
    trimmed
        .split(|c: char| matches!(c, ',' | ':' | ';') || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .map(parse_token)
        .collect()
}

/// `A108D` (or `p.A108D`) → its parts.
fn parse_token(token: &str) -> Result<Written, VariantError> {
    let syntax = || VariantError::Syntax {
        token: crate::lang::quoted(token),
    };
    let body = token.strip_prefix("p.").unwrap_or(token);
    let mut chars = body.chars();
    let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
        return Err(syntax());
    };
    let digits = chars.as_str();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(syntax());
    }
    if first.is_ascii_digit() || last.is_ascii_digit() {
        return Err(syntax());
    }
    let position: usize = digits.parse().map_err(|_| syntax())?;
    let letter = |ch: char, stop_allowed: bool| {
        let upper = ch.to_ascii_uppercase();
        match Alphabet::Protein.index(upper) {
            Some(20) if !stop_allowed => Err(VariantError::UnknownLetter {
                token: crate::lang::quoted(token),
                ch,
            }),
            Some(_) => Ok(upper),
            None => Err(VariantError::UnknownLetter {
                token: crate::lang::quoted(token),
                ch,
            }),
        }
    };
    Ok(Written {
        from: letter(first, false)?,
        position,
        to: letter(last, true)?,
    })
}

/// A wild-type protein sequence that variants are written against.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WildType {
    text: String,
}

/// How many substitutions agree with the wild type in each numbering ([`WildType::numbering_of`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NumberingCheck {
    /// Substitutions read (tokens that are not substitutions are not counted).
    pub substitutions: usize,
    /// Of those, how many name the wild type's letter when counted from 0.
    pub zero_based: usize,
    /// … and when counted from 1.
    pub one_based: usize,
}

impl NumberingCheck {
    /// The numbering under which every substitution agrees with the wild type, if exactly one does
    /// (`None` with nothing read, when both do — a rare text that cannot tell — or when neither
    /// does: a different wild type, or a file mixing numberings).
    pub fn numbering(&self) -> Option<Numbering> {
        let all = |n: usize| self.substitutions > 0 && n == self.substitutions;
        match (all(self.zero_based), all(self.one_based)) {
            (true, false) => Some(Numbering::ZeroBased),
            (false, true) => Some(Numbering::OneBased),
            _ => None,
        }
    }
}

impl WildType {
    /// Reads a wild-type protein (whitespace and FASTA header lines ignored, lowercase accepted).
    ///
    /// # Errors
    /// The [`SequenceError`] of [`Alphabet::Protein`]'s parser.
    pub fn new(text: &str) -> Result<WildType, SequenceError> {
        Ok(WildType {
            text: Alphabet::Protein.normalize(text)?,
        })
    }

    /// The sequence, upper case.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Its length in residues.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether it has no residue (never, once read).
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The letter at 0-based `index`.
    pub fn at(&self, index: usize) -> Option<char> {
        self.text.as_bytes().get(index).map(|&b| char::from(b))
    }

    /// Reads a variant and checks it against this wild type; the substitutions come back sorted by
    /// position.
    ///
    /// # Errors
    /// The first [`VariantError`], token by token in the order written.
    pub fn parse(
        &self,
        text: &str,
        numbering: Numbering,
    ) -> Result<Vec<Substitution>, VariantError> {
        let mut checked: Vec<(Substitution, Written)> = Vec::new();
        for written in parse_notation(text)? {
            let token = written.to_string();
            let index =
                numbering
                    .index(written.position)
                    .ok_or_else(|| VariantError::PositionZero {
                        token: token.clone(),
                    })?;
            let actual = self.at(index).ok_or_else(|| VariantError::PastEnd {
                token: token.clone(),
                length: self.len(),
                numbering,
            })?;
            if actual != written.from {
                return Err(VariantError::WrongWildType {
                    token,
                    actual,
                    numbering,
                });
            }
            if written.to == written.from {
                return Err(VariantError::Unchanged { token });
            }
            if let Some((_, first)) = checked.iter().find(|(s, _)| s.index == index) {
                return Err(VariantError::Duplicate {
                    first: first.to_string(),
                    second: token,
                });
            }
            let substitution = Substitution {
                index,
                from: actual,
                to: written.to,
            };
            checked.push((substitution, written));
        }
        let mut substitutions: Vec<Substitution> = checked.into_iter().map(|(s, _)| s).collect();
        substitutions.sort();
        Ok(substitutions)
    }

    /// The full sequence with `substitutions` applied.
    ///
    /// # Panics
    /// If a substitution's index is past the end (they come from [`WildType::parse`]).
    pub fn apply(&self, substitutions: &[Substitution]) -> String {
        let mut bytes = self.text.clone().into_bytes();
        for s in substitutions {
            bytes[s.index] = s.to as u8;
        }
        String::from_utf8(bytes).expect("ASCII letters")
    }

    /// Reads a variant and writes out its full sequence.
    ///
    /// # Errors
    /// As [`WildType::parse`].
    pub fn expand(&self, text: &str, numbering: Numbering) -> Result<String, VariantError> {
        Ok(self.apply(&self.parse(text, numbering)?))
    }

    /// The substitutions that turn the wild type into `sequence` (same length), by position.
    ///
    /// # Panics
    /// If the lengths differ.
    pub fn substitutions_in(&self, sequence: &str) -> Vec<Substitution> {
        assert_eq!(
            sequence.len(),
            self.len(),
            "a variant of a {}-residue wild type",
            self.len()
        );
        self.text
            .bytes()
            .zip(sequence.bytes())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .map(|(index, (a, b))| Substitution {
                index,
                from: char::from(a),
                to: char::from(b),
            })
            .collect()
    }

    /// How many substitutions of `variants` agree with this wild type counted from 0 and from 1
    /// ([`NumberingCheck::numbering`] picks the one where all do).
    pub fn numbering_of<'a>(&self, variants: impl IntoIterator<Item = &'a str>) -> NumberingCheck {
        let mut check = NumberingCheck::default();
        for written in variants
            .into_iter()
            .filter_map(|v| parse_notation(v).ok())
            .flatten()
        {
            check.substitutions += 1;
            let agrees = |n: Numbering| {
                n.index(written.position)
                    .and_then(|i| self.at(i))
                    .is_some_and(|c| c == written.from)
            };
            check.zero_based += usize::from(agrees(Numbering::ZeroBased));
            check.one_based += usize::from(agrees(Numbering::OneBased));
        }
        check
    }
}

#[cfg(test)]
mod tests;
