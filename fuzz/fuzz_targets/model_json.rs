//! libFuzzer target `model_json`: a model file or a bare architecture (JSON).
//! The checks are `seqlab_fuzz_targets::model_json`, i.e. `tests/fuzz/targets.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    seqlab_fuzz_targets::model_json(data);
});
