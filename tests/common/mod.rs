//! Shared helpers of the integration tests: reading the reference fixtures and comparing tensors.
#![allow(dead_code)]

use ndarray::{ArrayD, IxDyn};
use serde_json::Value;
use std::path::PathBuf;

/// The folder of the verbatim reference fixtures (`tests/fixtures/reference`).
pub fn reference_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference")
}

/// Parses reference fixture `name` (e.g. `seed_values.json`).
///
/// # Panics
/// If the file is missing or not JSON: a test must not pass without its golden values.
pub fn reference(name: &str) -> Value {
    let path = reference_dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reference fixture {} unreadable: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// A JSON array of arrays of numbers as `Vec<Vec<f64>>`.
pub fn matrix(value: &Value) -> Vec<Vec<f64>> {
    value
        .as_array()
        .expect("a JSON array of rows")
        .iter()
        .map(|row| {
            row.as_array()
                .expect("a row")
                .iter()
                .map(|v| v.as_f64().expect("a number"))
                .collect()
        })
        .collect()
}

/// A nested JSON array of numbers as an f32 tensor of the nesting's shape.
pub fn tensor(value: &Value) -> ArrayD<f32> {
    fn walk(value: &Value, depth: usize, shape: &mut Vec<usize>, flat: &mut Vec<f32>) {
        match value {
            Value::Array(items) => {
                if shape.len() == depth {
                    shape.push(items.len());
                }
                for item in items {
                    walk(item, depth + 1, shape, flat);
                }
            }
            number => flat.push(number.as_f64().expect("a number") as f32),
        }
    }
    let (mut shape, mut flat) = (Vec::new(), Vec::new());
    walk(value, 0, &mut shape, &mut flat);
    ArrayD::from_shape_vec(IxDyn(&shape), flat).expect("a rectangular nested array")
}

/// Asserts `|actual − expected| ≤ atol + rtol·|expected|` element by element (and equal shapes).
///
/// # Panics
/// On a mismatch, naming `what` and the element.
pub fn assert_close(
    actual: &ArrayD<f32>,
    expected: &ArrayD<f32>,
    rtol: f32,
    atol: f32,
    what: &str,
) {
    assert_eq!(actual.shape(), expected.shape(), "{what}: shapes differ");
    for (i, (&a, &e)) in actual.iter().zip(expected.iter()).enumerate() {
        assert!(
            (a - e).abs() <= atol + rtol * e.abs(),
            "{what}: element {i}: {a} vs {e}"
        );
    }
}

/// The fixtures README's float32 tolerance: rtol 1e-5, atol 1e-6.
pub const RTOL: f32 = 1e-5;
/// See [`RTOL`].
pub const ATOL: f32 = 1e-6;
