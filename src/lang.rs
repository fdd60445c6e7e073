//! The two languages of the course: Korean (the course's own) and English.
//!
//! The core reports user-input errors as typed enums; each has a `message(Lang)` that returns the
//! same sentence in either language, so the UI never has to translate data it did not create.

use serde::{Deserialize, Serialize};

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
