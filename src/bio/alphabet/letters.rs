//! Any of the course's alphabets: `letter ↦ column` for the one-hot matrix, `column ↦ letter` back.
//!
//! | alphabet | columns (one-hot order) | unknown | size |
//! |---|---|---|---|
//! | [`Alphabet::Dna`] | `A C G T` (RNA's `U` read as `T`) | `N` | 4 |
//! | [`Alphabet::Protein`] | `A C D E F G H I K L M N P Q R S T V W Y` then `*` (stop) | `X` | 21 |
//!
//! Parsing follows the DNA rules everywhere: lowercase is accepted, whitespace ignored, FASTA
//! header lines (starting with `>`) skipped, and any other character is an error naming it, its
//! 1-based position among the letters and what the alphabet allows.

use super::SequenceError;
use crate::lang::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Which letters a sequence is written in.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Alphabet {
    /// DNA or RNA: `A C G T` (`U` = `T`), `N` unknown. The course's default.
    #[default]
    Dna,
    /// Protein: the 20 amino acids in alphabetical one-letter order, `*` for a stop, `X` unknown.
    Protein,
}

/// One parsed letter: its one-hot column, or unknown (`N` in DNA, `X` in protein).
///
/// Two bytes, so the 44,024 × 237 letters of a protein table stay small.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Letter {
    /// The letter of one-hot column `0`.
    Known(u8),
    /// An unknown letter (`N`, `X`).
    Unknown,
}

/// The one-hot columns of DNA.
const DNA: &str = "ACGT";
/// The one-hot columns of protein: the 20 amino acids (alphabetical by one-letter code), stop.
const PROTEIN: &str = "ACDEFGHIKLMNPQRSTVWY*";

impl Alphabet {
    /// Both alphabets, DNA first.
    pub const ALL: [Alphabet; 2] = [Alphabet::Dna, Alphabet::Protein];

    /// The letters of the one-hot columns, in column order (`ACGT`, `ACDEFGHIKLMNPQRSTVWY*`).
    pub fn letters(self) -> &'static str {
        match self {
            Alphabet::Dna => DNA,
            Alphabet::Protein => PROTEIN,
        }
    }

    /// One-hot columns: 4 for DNA, 21 for protein (20 amino acids and the stop).
    pub fn size(self) -> usize {
        self.letters().len()
    }

    /// The letter written for an unknown position: `N` or `X`.
    pub fn unknown(self) -> char {
        match self {
            Alphabet::Dna => 'N',
            Alphabet::Protein => 'X',
        }
    }

    /// The upper-case letter of column `index`.
    ///
    /// # Panics
    /// If `index >= self.size()`.
    pub fn letter(self, index: usize) -> char {
        match self.letters().as_bytes().get(index) {
            Some(&b) => char::from(b),
            None => panic!(
                "letter index {index} is outside 0..{} ({self} has {} columns)",
                self.size(),
                self.size()
            ),
        }
    }

    /// The column of a known letter (either case; DNA's `U` is `T`), `None` for anything else
    /// (the unknown letter included).
    pub fn index(self, ch: char) -> Option<usize> {
        match self.read(ch)? {
            Letter::Known(i) => Some(usize::from(i)),
            Letter::Unknown => None,
        }
    }

    /// Reads one letter: a column, [`Letter::Unknown`] for `N`/`X`, `None` if the alphabet has no
    /// such letter.
    pub fn read(self, ch: char) -> Option<Letter> {
        let upper = ch.to_ascii_uppercase();
        let upper = if self == Alphabet::Dna && upper == 'U' {
            'T'
        } else {
            upper
        };
        if upper == self.unknown() {
            return Some(Letter::Unknown);
        }
        if !upper.is_ascii() {
            return None;
        }
        self.letters()
            .bytes()
            .position(|b| b == upper as u8)
            .map(|i| Letter::Known(i as u8))
    }

    /// The upper-case letter of a parsed letter.
    pub fn char_of(self, letter: Letter) -> char {
        match letter {
            Letter::Known(i) => self.letter(usize::from(i)),
            Letter::Unknown => self.unknown(),
        }
    }

    /// Reads a sequence: whitespace is ignored, `>` lines (FASTA headers) are skipped, lowercase is
    /// accepted (and DNA's `U` becomes `T`).
    ///
    /// # Errors
    /// DNA reports [`SequenceError::Empty`] and [`SequenceError::InvalidChar`] (the messages the DNA
    /// pages have always shown); protein [`SequenceError::NoLetters`] and
    /// [`SequenceError::InvalidLetter`], which name the alphabet and its letters.
    pub fn parse(self, text: &str) -> Result<Vec<Letter>, SequenceError> {
        let mut letters = Vec::with_capacity(text.len());
        for line in text.lines() {
            if line.trim_start().starts_with('>') {
                continue;
            }
            for ch in line.chars().filter(|c| !c.is_whitespace()) {
                match self.read(ch) {
                    Some(letter) => letters.push(letter),
                    None => return Err(self.invalid(ch, letters.len() + 1)),
                }
            }
        }
        if letters.is_empty() {
            return Err(match self {
                Alphabet::Dna => SequenceError::Empty,
                _ => SequenceError::NoLetters { alphabet: self },
            });
        }
        Ok(letters)
    }

    /// The error for `ch` at 1-based `position`.
    fn invalid(self, ch: char, position: usize) -> SequenceError {
        match self {
            Alphabet::Dna => SequenceError::InvalidChar { ch, position },
            _ => SequenceError::InvalidLetter {
                ch,
                position,
                alphabet: self,
            },
        }
    }

    /// The upper-case text of parsed letters.
    pub fn to_text(self, letters: &[Letter]) -> String {
        letters.iter().map(|&l| self.char_of(l)).collect()
    }

    /// `text` checked and written in upper case (DNA's `U` as `T`, headers and whitespace gone).
    ///
    /// # Errors
    /// As [`Alphabet::parse`].
    pub fn normalize(self, text: &str) -> Result<String, SequenceError> {
        self.parse(text).map(|letters| self.to_text(&letters))
    }

    /// The alphabet's name for the student: "DNA/RNA" or "protein".
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Alphabet::Dna => "DNA/RNA",
            Alphabet::Protein => lang.pick("단백질", "protein"),
        }
    }

    /// The unit of a length: `nt` (nucleotides) or `aa` (amino acids).
    pub fn unit(self) -> &'static str {
        match self {
            Alphabet::Dna => "nt",
            Alphabet::Protein => "aa",
        }
    }

    /// What may be written, as a message ends: "A, C, G, T (lowercase and RNA's U are fine) or N
    /// for an unknown base".
    pub fn allowed(self, lang: Lang) -> String {
        match self {
            Alphabet::Dna => lang.pick(
                "A, C, G, T(소문자, RNA의 U도 가능)와 모르는 염기를 뜻하는 N".into(),
                "A, C, G, T (lowercase and RNA's U are fine) or N for an unknown base".into(),
            ),
            Alphabet::Protein => lang.pick(
                "20가지 아미노산 문자 ACDEFGHIKLMNPQRSTVWY(소문자도 가능), 종결을 뜻하는 *, \
                 모르는 아미노산을 뜻하는 X"
                    .into(),
                "the 20 amino-acid letters ACDEFGHIKLMNPQRSTVWY (lowercase is fine), * for a stop \
                 or X for an unknown residue"
                    .into(),
            ),
        }
    }

    /// The name of one letter of this alphabet: "base" or "amino acid".
    pub fn letter_name(self, lang: Lang) -> &'static str {
        match self {
            Alphabet::Dna => lang.pick("염기", "base"),
            Alphabet::Protein => lang.pick("아미노산", "amino acid"),
        }
    }
}

impl fmt::Display for Alphabet {
    /// `dna` or `protein` (the serde and URL name).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Alphabet::Dna => "dna",
            Alphabet::Protein => "protein",
        })
    }
}

/// A name that is not an alphabet (see [`Alphabet`]'s `FromStr`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownAlphabet(pub String);

impl UnknownAlphabet {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let shown = crate::lang::quoted(&self.0);
        lang.pick(
            format!("'{shown}'은(는) 알파벳 이름이 아닙니다. dna 또는 protein을 쓰세요."),
            format!("'{shown}' is not an alphabet: use dna or protein."),
        )
    }
}

crate::message!(UnknownAlphabet);

impl FromStr for Alphabet {
    type Err = UnknownAlphabet;

    /// `dna` (also `rna`) or `protein` (also `aa`), in any case.
    fn from_str(text: &str) -> Result<Alphabet, UnknownAlphabet> {
        match text.trim().to_ascii_lowercase().as_str() {
            "dna" | "rna" => Ok(Alphabet::Dna),
            "protein" | "aa" => Ok(Alphabet::Protein),
            _ => Err(UnknownAlphabet(text.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_and_letters_round_trip() {
        assert_eq!(Alphabet::Dna.size(), 4);
        assert_eq!(Alphabet::Protein.size(), 21);
        for alphabet in Alphabet::ALL {
            for i in 0..alphabet.size() {
                assert_eq!(alphabet.index(alphabet.letter(i)), Some(i));
                let lower = alphabet.letter(i).to_ascii_lowercase();
                assert_eq!(alphabet.index(lower), Some(i));
            }
            assert_eq!(alphabet.read(alphabet.unknown()), Some(Letter::Unknown));
            assert_eq!(alphabet.index(alphabet.unknown()), None);
            assert_eq!(alphabet.to_string().parse::<Alphabet>(), Ok(alphabet));
        }
        assert_eq!(Alphabet::Dna.index('u'), Some(3));
        assert_eq!(Alphabet::Protein.index('*'), Some(20));
        assert_eq!(
            Alphabet::Protein.index('N'),
            Some(11),
            "asparagine, not unknown"
        );
        assert_eq!(
            Alphabet::Protein.read('U'),
            None,
            "selenocysteine is not a column"
        );
        assert_eq!(Alphabet::Protein.read('é'), None);
        assert!("DNA".parse::<Alphabet>().is_ok() && "Protein".parse::<Alphabet>().is_ok());
        let bad = "amino".parse::<Alphabet>().unwrap_err();
        assert!(bad.message(Lang::En).contains("dna or protein"));
        assert_eq!(
            serde_json::to_string(&Alphabet::Protein).unwrap(),
            "\"protein\""
        );
    }

    #[test]
    fn protein_parses_with_the_dna_rules() {
        let p = Alphabet::Protein;
        let letters = p.parse(">sp|P42212|GFP\nmSKge\nLFT*x\n").unwrap();
        assert_eq!(p.to_text(&letters), "MSKGELFT*X");
        assert_eq!(letters[9], Letter::Unknown);
        assert_eq!(
            p.parse("MSKB"),
            Err(SequenceError::InvalidLetter {
                ch: 'B',
                position: 4,
                alphabet: p
            })
        );
        assert_eq!(
            p.parse(" \n>h\n"),
            Err(SequenceError::NoLetters { alphabet: p })
        );
        assert_eq!(Alphabet::Dna.parse(""), Err(SequenceError::Empty));
        assert_eq!(
            Alphabet::Dna.parse("ACX"),
            Err(SequenceError::InvalidChar {
                ch: 'X',
                position: 3
            })
        );
    }
}
