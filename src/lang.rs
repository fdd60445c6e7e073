//! The two languages of the course: Korean (the course's own) and English.
//!
//! The core reports user-input errors as typed enums; each has a `message(Lang)` that returns the
//! same sentence in either language, so the UI never has to translate data it did not create.

use serde::{Deserialize, Serialize};

pub mod numbers;
pub mod terms;

/// A language every user-facing sentence of SeqLab exists in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Korean (한국어), the language of the course material.
    Ko,
    /// English.
    #[default]
    En,
}

impl Lang {
    /// Both languages, Korean first.
    pub const ALL: [Lang; 2] = [Lang::Ko, Lang::En];

    /// The BCP 47 code used in `<html lang>` and in the `?lang=` query parameter.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }

    /// Parses a `?lang=` value or a browser language tag (`ko`, `ko-KR`, `en-US`, …).
    ///
    /// Returns `None` for any other language, so the caller can fall back to its default.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "ko" => Some(Lang::Ko),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the Korean or the English text.
    pub fn pick<T>(self, ko: T, en: T) -> T {
        match self {
            Lang::Ko => ko,
            Lang::En => en,
        }
    }
}

/// A sentence in both languages, owned (a failure the worker reports, a status made at run time).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Text {
    /// Korean.
    pub ko: String,
    /// English.
    pub en: String,
}

impl Text {
    /// The sentence in Korean and in English.
    pub fn new(ko: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            ko: ko.into(),
            en: en.into(),
        }
    }

    /// `message` in both languages.
    pub fn of(message: &impl Message) -> Text {
        Text::new(message.message(Lang::Ko), message.message(Lang::En))
    }
}

/// What a user-facing error (or any bilingual text) can say, in either language.
pub trait Message {
    /// The sentence shown to the student, in `lang`.
    fn message(&self, lang: Lang) -> String;
}

impl Message for Text {
    fn message(&self, lang: Lang) -> String {
        lang.pick(&self.ko, &self.en).clone()
    }
}

/// Makes each listed type (which has an inherent `message(&self, Lang) -> String`) a [`Message`],
/// an `std::error::Error`, and `Display` in English: `message!(SequenceError, FormatError);`.
#[macro_export]
macro_rules! message {
    ($($ty:ty),+ $(,)?) => {$(
        impl $crate::lang::Message for $ty {
            fn message(&self, lang: $crate::lang::Lang) -> String {
                <$ty>::message(self, lang)
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&<$ty>::message(self, $crate::lang::Lang::En))
            }
        }

        impl ::std::error::Error for $ty {}
    )+};
}

/// `n` with thousands separators (`5,000,000`).
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A Korean particle whose form depends on whether the word before it ends in a consonant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Particle {
    /// 은 / 는 (topic).
    Topic,
    /// 이 / 가 (subject).
    Subject,
    /// 을 / 를 (object).
    Object,
    /// 으로 / 로 (means, direction; 로 also after ㄹ).
    Direction,
}

/// Whether `word`, read aloud in Korean, ends in a consonant (and whether that consonant is ㄹ):
/// Hangul by its final jamo, digits as read (영, 일, 이, 삼 …), `None` for anything else.
fn final_consonant(word: &str) -> Option<(bool, bool)> {
    // A closing quote or bracket is not read: `'X'` and `(3)` end in the sound inside.
    let last = word
        .trim_end()
        .trim_end_matches(['\'', '"', '’', '”', ')', ']', '»', '`'])
        .chars()
        .last()?;
    match last {
        '가'..='힣' => {
            let jong = (last as u32 - 0xAC00) % 28;
            Some((jong != 0, jong == 8))
        }
        // 영 일 이 삼 사 오 육 칠 팔 구
        '0' | '3' | '6' => Some((true, false)),
        '1' | '7' | '8' => Some((true, true)),
        '2' | '4' | '5' | '9' => Some((false, false)),
        _ => None,
    }
}

/// `word` followed by `particle` in the form its last sound takes (`12.5096으로`, `80행을`,
/// `2를`); words whose ending cannot be told get both forms (`ABC을(를)`).
pub fn with_particle(word: &str, particle: Particle) -> String {
    let (consonant, vowel, both) = match particle {
        Particle::Topic => ("은", "는", "은(는)"),
        Particle::Subject => ("이", "가", "이(가)"),
        Particle::Object => ("을", "를", "을(를)"),
        Particle::Direction => ("으로", "로", "(으)로"),
    };
    let form = match final_consonant(word) {
        Some((_, true)) if particle == Particle::Direction => vowel,
        Some((true, _)) => consonant,
        Some((false, _)) => vowel,
        None => both,
    };
    format!("{word}{form}")
}

/// The longest text a message quotes; longer texts end in `…`.
pub const QUOTED_CHARS: usize = 40;

/// `text` cut to [`QUOTED_CHARS`] characters for a message (so an error never holds, or shows, a
/// huge field of a hostile file).
pub fn quoted(text: &str) -> String {
    match text.char_indices().nth(QUOTED_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_follow_the_last_sound() {
        assert_eq!(with_particle("12.5096", Particle::Direction), "12.5096으로");
        assert_eq!(with_particle("1", Particle::Direction), "1로");
        assert_eq!(with_particle("80행", Particle::Object), "80행을");
        assert_eq!(with_particle("2", Particle::Object), "2를");
        assert_eq!(with_particle("bs=0", Particle::Topic), "bs=0은");
        assert_eq!(with_particle("학습률", Particle::Direction), "학습률로");
        assert_eq!(with_particle("모델", Particle::Subject), "모델이");
        assert_eq!(with_particle("banana", Particle::Object), "banana을(를)");
        assert_eq!(with_particle("'5,2'", Particle::Topic), "'5,2'는");
        assert_eq!(with_particle("(3)", Particle::Subject), "(3)이");
        assert_eq!(with_particle("'X'", Particle::Topic), "'X'은(는)");
    }

    #[test]
    fn codes_round_trip_and_browser_tags_parse() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("ko-KR"), Some(Lang::Ko));
        assert_eq!(Lang::from_code("EN_us"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
    }
}
