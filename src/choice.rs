//! A setting that is one of a few named values (`same` / `valid`, `adam` / `sgd`, …), typed from
//! the core to the page: the URL reader, the radio buttons and the saved files all use the one
//! name [`Choice::code`] gives, which is also the value's serde name.
//!
//! ```
//! use seqlab::choice::Choice;
//! use seqlab::nn::Padding;
//! assert_eq!(Padding::Same.code(), "same");
//! assert_eq!("valid".parse::<Padding>(), Ok(Padding::Valid));
//! assert_eq!(Padding::codes(), "valid, same");
//! assert!("full".parse::<Padding>().is_err());
//! ```

use std::fmt;

/// One of a fixed list of values, each with a name for URLs and files.
pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    /// Every value, in the order a form lists them.
    const ALL: &'static [Self];

    /// The value's name (its serde name), as the URL and saved files write it.
    fn code(self) -> &'static str;

    /// The value named `code`.
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.code() == code)
    }

    /// Every name, comma-separated, as a notice states what is allowed.
    fn codes() -> String {
        Self::ALL
            .iter()
            .map(|c| c.code())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A name that is none of a [`Choice`]'s values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownChoice(pub String);

impl fmt::Display for UnknownChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown choice {:?}", self.0)
    }
}

impl std::error::Error for UnknownChoice {}

/// Implements [`Choice`], `FromStr` and `Display` for a field-less enum from its variants and
/// their names: `choice!(Padding { Valid => "valid", Same => "same" });` (the names must be the
/// enum's serde names; a test per enum checks that they are).
#[macro_export]
macro_rules! choice {
    ($ty:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl $crate::choice::Choice for $ty {
            const ALL: &'static [$ty] = &[$($ty::$variant),+];

            fn code(self) -> &'static str {
                match self {
                    $($ty::$variant => $code),+
                }
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = $crate::choice::UnknownChoice;

            fn from_str(text: &str) -> Result<$ty, $crate::choice::UnknownChoice> {
                <$ty as $crate::choice::Choice>::from_code(text)
                    .ok_or_else(|| $crate::choice::UnknownChoice(text.to_string()))
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($crate::choice::Choice::code(*self))
            }
        }
    };
}

/// Checks that every value of `T` serialises to its [`Choice::code`] (a JSON string) and reads
/// back from it, for the unit test beside each enum.
///
/// # Panics
/// On the first value whose serde name differs from its code.
#[cfg(test)]
pub fn assert_serde_names<T>()
where
    T: Choice + fmt::Debug + serde::Serialize + serde::de::DeserializeOwned,
{
    for &value in T::ALL {
        let json = serde_json::to_string(&value).expect("a unit variant serialises");
        assert_eq!(json, format!("\"{}\"", value.code()), "{value:?}");
        assert_eq!(serde_json::from_str::<T>(&json).ok(), Some(value));
    }
}
