//! The DNA alphabet `{A, C, G, T}` (indices 0..3, the one-hot column order) plus `N` for unknown,
//! and every alphabet of the course ([`Alphabet`]: DNA, and protein's 20 amino acids + stop, see
//! [`letters`]) with their logo colours ([`chemistry`]).
//!
//! Parsing is forgiving where biology is: lowercase is accepted, RNA's `U` is read as `T`, whitespace
//! is ignored and FASTA header lines (starting with `>`) are skipped. Any other character is an
//! error that names the character and its 1-based position among the sequence letters.

use crate::lang::{Lang, Particle, with_particle};

pub mod chemistry;
mod detect;
pub mod letters;

pub use chemistry::{AminoGroup, Rgb};
pub use letters::{Alphabet, Letter, UnknownAlphabet};

/// One of the four DNA bases, numbered in the one-hot column order A=0, C=1, G=2, T=3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Base {
    /// Adenine, column 0.
    A = 0,
    /// Cytosine, column 1.
    C = 1,
    /// Guanine, column 2.
    G = 2,
    /// Thymine (uracil in RNA), column 3.
    T = 3,
}

impl Base {
    /// The four bases in column order.
    pub const ALL: [Base; 4] = [Base::A, Base::C, Base::G, Base::T];

    /// The one-hot column (and PFM row) of this base.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The base of column `index`.
    ///
    /// # Panics
    /// If `index > 3`.
    pub fn from_index(index: usize) -> Base {
        match Base::ALL.get(index) {
            Some(&base) => base,
            None => panic!("base index {index} is outside 0..=3 (A, C, G, T)"),
        }
    }

    /// The upper-case letter.
    pub fn letter(self) -> char {
        ['A', 'C', 'G', 'T'][self.index()]
    }

    /// The Watson–Crick partner: A↔T, C↔G.
    pub fn complement(self) -> Base {
        Base::from_index(3 - self.index())
    }
}

/// One position of a parsed sequence: a known base or `N` (any base, unknown).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Symbol {
    /// A known base.
    Base(Base),
    /// An unknown base (`N`).
    N,
}

impl Symbol {
    /// Reads one letter: `ACGT` and `N` in either case, and `U`/`u` as `T`.
    pub fn from_char(ch: char) -> Option<Symbol> {
        Some(match ch.to_ascii_uppercase() {
            'A' => Symbol::Base(Base::A),
            'C' => Symbol::Base(Base::C),
            'G' => Symbol::Base(Base::G),
            'T' | 'U' => Symbol::Base(Base::T),
            'N' => Symbol::N,
            _ => return None,
        })
    }

    /// The upper-case letter (`N` for unknown).
    pub fn letter(self) -> char {
        match self {
            Symbol::Base(base) => base.letter(),
            Symbol::N => 'N',
        }
    }

    /// The complementary symbol (`N` stays `N`).
    pub fn complement(self) -> Symbol {
        match self {
            Symbol::Base(base) => Symbol::Base(base.complement()),
            Symbol::N => Symbol::N,
        }
    }

    /// The symbol of a letter parsed as [`Alphabet::Dna`].
    ///
    /// # Panics
    /// If the letter's column is not a DNA column (a protein letter).
    pub fn from_letter(letter: Letter) -> Symbol {
        match letter {
            Letter::Known(i) => Symbol::Base(Base::from_index(usize::from(i))),
            Letter::Unknown => Symbol::N,
        }
    }
}

impl From<Symbol> for Letter {
    /// The [`Alphabet::Dna`] letter of a symbol.
    fn from(symbol: Symbol) -> Letter {
        match symbol {
            Symbol::Base(base) => Letter::Known(base.index() as u8),
            Symbol::N => Letter::Unknown,
        }
    }
}

/// Why a text could not be read as a sequence: DNA/RNA reports `Empty` and `InvalidChar`, the
/// other alphabets `NoLetters` and `InvalidLetter` (which name the alphabet).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SequenceError {
    /// No sequence letters at all (empty, only whitespace, or only FASTA headers).
    Empty,
    /// A character that is not a base.
    InvalidChar {
        /// The offending character.
        ch: char,
        /// Its 1-based position among the sequence letters (the matrix row it would occupy).
        position: usize,
    },
    /// No letters at all, in an alphabet other than DNA.
    NoLetters {
        /// The alphabet expected.
        alphabet: Alphabet,
    },
    /// A character that is not a letter of `alphabet` (any alphabet other than DNA).
    InvalidLetter {
        /// The offending character.
        ch: char,
        /// Its 1-based position among the sequence letters.
        position: usize,
        /// The alphabet expected.
        alphabet: Alphabet,
    },
}

impl SequenceError {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SequenceError::Empty => lang.pick(
                "서열이 비어 있습니다. A, C, G, T 중 하나 이상의 염기를 입력하세요.".to_string(),
                "The sequence is empty: type at least one base (A, C, G or T).".to_string(),
            ),
            SequenceError::InvalidChar { ch, position } => {
                let shown = describe_char(*ch);
                lang.pick(
                    format!(
                        "{position}번째 위치의 문자 {} 염기가 아닙니다. \
                         A, C, G, T(소문자, RNA의 U도 가능)와 모르는 염기를 뜻하는 N만 쓸 수 있습니다.",
                        with_particle(&shown, Particle::Topic)
                    ),
                    format!(
                        "Position {position}: {shown} is not a base. Use A, C, G, T (lowercase \
                         and RNA's U are fine) or N for an unknown base."
                    ),
                )
            }
            SequenceError::NoLetters { alphabet } => lang.pick(
                format!(
                    "서열이 비어 있습니다. {} 서열을 입력하세요: {}.",
                    alphabet.name(lang),
                    alphabet.allowed(lang)
                ),
                format!(
                    "The sequence is empty: type a {} sequence ({}).",
                    alphabet.name(lang),
                    alphabet.allowed(lang)
                ),
            ),
            SequenceError::InvalidLetter {
                ch,
                position,
                alphabet,
            } => {
                let shown = describe_char(*ch);
                lang.pick(
                    format!(
                        "{position}번째 위치의 문자 {} {} 아닙니다. {} 서열에는 {}만 쓸 수 있습니다.",
                        with_particle(&shown, Particle::Topic),
                        with_particle(alphabet.letter_name(lang), Particle::Subject),
                        alphabet.name(lang),
                        alphabet.allowed(lang)
                    ),
                    format!(
                        "Position {position}: {shown} is not {} {} of a {} sequence. Use {}.",
                        article(alphabet.letter_name(lang)),
                        alphabet.letter_name(lang),
                        alphabet.name(lang),
                        alphabet.allowed(lang)
                    ),
                )
            }
        }
    }
}

crate::message!(SequenceError);

/// Shows a character so that invisible ones are still identifiable: `'X'` or `U+00A0`.
pub fn describe_char(ch: char) -> String {
    if ch.is_control() || ch.is_whitespace() {
        format!("U+{:04X}", ch as u32)
    } else {
        format!("'{ch}'")
    }
}

/// Reads a DNA or RNA sequence.
///
/// Whitespace is ignored, lines starting with `>` (FASTA headers) are skipped, lowercase is
/// accepted and `U` becomes `T`.
///
/// # Errors
/// [`SequenceError::Empty`] if no letter remains, [`SequenceError::InvalidChar`] for the first
/// character that is not `A C G T U N` (in either case).
pub fn parse_sequence(text: &str) -> Result<Vec<Symbol>, SequenceError> {
    Ok(Alphabet::Dna
        .parse(text)?
        .into_iter()
        .map(Symbol::from_letter)
        .collect())
}

/// `a` or `an` before an English noun.
fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// The reverse complement: the other strand read 5′→3′.
pub fn reverse_complement(symbols: &[Symbol]) -> Vec<Symbol> {
    symbols.iter().rev().map(|s| s.complement()).collect()
}

/// The upper-case text of a symbol sequence (`U` was already turned into `T`).
pub fn to_text(symbols: &[Symbol]) -> String {
    symbols.iter().map(|s| s.letter()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lowercase_rna_n_whitespace_and_fasta() {
        let parsed = parse_sequence(">seq1 example\naugc n\nAC\n").unwrap();
        assert_eq!(to_text(&parsed), "ATGCNAC");
    }

    #[test]
    fn names_the_bad_character_and_its_position() {
        let err = parse_sequence("AC GX").unwrap_err();
        assert_eq!(
            err,
            SequenceError::InvalidChar {
                ch: 'X',
                position: 4
            }
        );
        assert!(err.message(Lang::En).contains("Position 4: 'X'"));
        assert!(err.message(Lang::Ko).contains("4번째 위치의 문자 'X'"));
    }

    #[test]
    fn invisible_characters_are_shown_as_code_points() {
        // A non-breaking space pasted from a web page is whitespace and is skipped.
        assert_eq!(to_text(&parse_sequence("A\u{00A0}C").unwrap()), "AC");
        let err = parse_sequence("A\u{0007}").unwrap_err();
        assert!(err.message(Lang::En).contains("Position 2: U+0007"));
    }

    #[test]
    fn empty_inputs_are_errors() {
        for text in ["", "   \n", ">only a header\n"] {
            assert_eq!(parse_sequence(text), Err(SequenceError::Empty));
        }
    }

    #[test]
    fn complement_and_reverse_complement() {
        assert_eq!(Base::A.complement(), Base::T);
        assert_eq!(Base::C.complement(), Base::G);
        let seq = parse_sequence("CCGGAAN").unwrap();
        assert_eq!(to_text(&reverse_complement(&seq)), "NTTCCGG");
    }

    #[test]
    #[should_panic(expected = "base index 4 is outside 0..=3")]
    fn from_index_panics_outside_the_alphabet() {
        Base::from_index(4);
    }
}
