//! Numbers in JSON that survive NaN and infinity.
//!
//! JSON has no NaN or ±∞, and `serde_json` writes them as `null`, which it then refuses to read
//! back as a number: a diverged run's `finished` message would be lost between the worker and the
//! page. Every float that crosses the worker boundary or goes into a saved model uses one of these
//! `#[serde(with = …)]` modules: finite numbers stay plain JSON numbers; non-finite ones are the
//! strings `"NaN"`, `"Infinity"` and `"-Infinity"`, read back exactly. `null` stays an error (a
//! model file with `null` weights is not a model).

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, Serializer};
use std::fmt;

/// A number as a student reads it: `NaN`, `∞`, `−∞`, or the number.
pub fn display(value: f64) -> String {
    if value.is_nan() {
        "NaN".into()
    } else if value == f64::INFINITY {
        "∞".into()
    } else if value == f64::NEG_INFINITY {
        "−∞".into()
    } else {
        value.to_string()
    }
}

/// The text of a non-finite number.
fn name(value: f64) -> &'static str {
    if value.is_nan() {
        "NaN"
    } else if value > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    }
}

fn from_name<E: de::Error>(text: &str) -> Result<f64, E> {
    match text {
        "NaN" => Ok(f64::NAN),
        "Infinity" | "inf" => Ok(f64::INFINITY),
        "-Infinity" | "-inf" => Ok(f64::NEG_INFINITY),
        _ => Err(E::invalid_value(
            de::Unexpected::Str(text),
            &"a number, \"NaN\" or \"Infinity\"",
        )),
    }
}

struct Number;

impl Visitor<'_> for Number {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, \"NaN\", \"Infinity\" or \"-Infinity\"")
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
        Ok(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<f64, E> {
        from_name(v)
    }
}

/// `f64` (`#[serde(with = "crate::wire::f64")]`).
pub mod f64 {
    use super::*;

    /// Writes a number, or its name if it is not finite.
    pub fn serialize<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        if value.is_finite() {
            serializer.serialize_f64(*value)
        } else {
            serializer.serialize_str(name(*value))
        }
    }

    /// Reads a number or a name.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        deserializer.deserialize_any(Number)
    }
}

/// `f32` (a JSON number beyond f32's range reads as ±∞ and is written back by name, so a message
/// survives the round trip).
pub mod f32 {
    use super::*;

    /// Writes a number, or its name if it is not finite.
    pub fn serialize<S: Serializer>(value: &f32, serializer: S) -> Result<S::Ok, S::Error> {
        if value.is_finite() {
            serializer.serialize_f32(*value)
        } else {
            serializer.serialize_str(name(f64::from(*value)))
        }
    }

    /// Reads a number or a name.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f32, D::Error> {
        Ok(deserializer.deserialize_any(Number)? as f32)
    }
}

/// `Vec<Vec<f32>>` (rows of targets), every element as in [`f32`](mod@self::f32).
pub mod rows_f32 {
    use super::*;
    use serde::{Deserialize, Serialize};

    #[derive(Deserialize)]
    #[serde(transparent)]
    struct Row(#[serde(with = "super::vec_f32")] Vec<f32>);

    struct RowRef<'a>(&'a [f32]);

    impl Serialize for RowRef<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            super::vec_f32::serialize(self.0, serializer)
        }
    }

    /// Writes the rows.
    pub fn serialize<S: Serializer>(rows: &[Vec<f32>], serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(rows.len()))?;
        for row in rows {
            seq.serialize_element(&RowRef(row))?;
        }
        seq.end()
    }

    /// Reads the rows.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<Vec<f32>>, D::Error> {
        Ok(Vec::<Row>::deserialize(deserializer)?
            .into_iter()
            .map(|Row(r)| r)
            .collect())
    }
}

/// `Option<f64>` (`null` is `None`).
pub mod option_f64 {
    use super::*;
    use serde::Deserialize;

    /// Writes `null`, a number, or its name.
    pub fn serialize<S: Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            None => serializer.serialize_none(),
            Some(v) => super::f64::serialize(v, serializer),
        }
    }

    /// Reads `null`, a number or a name.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<f64>, D::Error> {
        #[derive(Deserialize)]
        struct Wrapped(#[serde(with = "super::f64")] f64);
        Ok(Option::<Wrapped>::deserialize(deserializer)?.map(|Wrapped(v)| v))
    }
}

/// `Vec<f32>` (weights), every element as in [`f64`](mod@self::f64).
pub mod vec_f32 {
    use super::*;

    /// Writes the numbers.
    pub fn serialize<S: Serializer>(values: &[f32], serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(values.len()))?;
        for &v in values {
            if v.is_finite() {
                seq.serialize_element(&v)?;
            } else {
                seq.serialize_element(name(f64::from(v)))?;
            }
        }
        seq.end()
    }

    struct Numbers;

    impl<'de> Visitor<'de> for Numbers {
        type Value = Vec<f32>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of numbers")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<f32>, A::Error> {
            #[derive(serde::Deserialize)]
            struct Element(#[serde(with = "super::f64")] f64);
            // The size hint is not trusted: a hostile file could claim any length.
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
            while let Some(Element(v)) = seq.next_element()? {
                out.push(v as f32);
            }
            Ok(out)
        }
    }

    /// Reads the numbers.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<f32>, D::Error> {
        deserializer.deserialize_seq(Numbers)
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        #[serde(with = "super::f64")]
        loss: f64,
        #[serde(with = "super::option_f64")]
        val: Option<f64>,
        #[serde(with = "super::vec_f32")]
        weights: Vec<f32>,
    }

    #[test]
    fn non_finite_numbers_round_trip_and_null_is_refused() {
        let sample = Sample {
            loss: f64::INFINITY,
            val: Some(f64::NEG_INFINITY),
            weights: vec![1.5, f32::NAN, f32::INFINITY],
        };
        let text = serde_json::to_string(&sample).unwrap();
        assert_eq!(
            text,
            r#"{"loss":"Infinity","val":"-Infinity","weights":[1.5,"NaN","Infinity"]}"#
        );
        let back: Sample = serde_json::from_str(&text).unwrap();
        assert_eq!(
            (back.loss, back.val),
            (f64::INFINITY, Some(f64::NEG_INFINITY))
        );
        assert!(back.weights[1].is_nan() && back.weights[2] == f32::INFINITY);
        let plain: Sample =
            serde_json::from_str(r#"{"loss":0.25,"val":null,"weights":[1,2]}"#).unwrap();
        assert_eq!(
            plain,
            Sample {
                loss: 0.25,
                val: None,
                weights: vec![1.0, 2.0]
            }
        );
        assert!(serde_json::from_str::<Sample>(r#"{"loss":1,"val":1,"weights":[null]}"#).is_err());
        assert!(serde_json::from_str::<Sample>(r#"{"loss":null,"val":1,"weights":[]}"#).is_err());
    }
}
