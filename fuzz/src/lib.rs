//! The fuzz targets' bodies for the `fuzz_targets/` binaries: `tests/fuzz/targets.rs`, included by
//! path so that the libFuzzer targets and the stable `cargo test --test fuzz_bounded` run exactly
//! the same checks (a lib target rather than a `#[path]` module in every binary: the file is
//! compiled once and each binary stays one call).

#[path = "../../tests/fuzz/targets.rs"]
mod targets;

pub use targets::{csv_table, job_protocol, model_json, motif_text, sequence};
