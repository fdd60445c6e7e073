//! libFuzzer target `job_protocol`: a worker message either way; small training jobs run.
//! The checks are `seqlab_fuzz_targets::job_protocol`, i.e. `tests/fuzz/targets.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    seqlab_fuzz_targets::job_protocol(data);
});
