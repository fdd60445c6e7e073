//! Shared helpers of the integration tests: reading the reference fixtures.

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
