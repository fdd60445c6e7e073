//! libFuzzer target `sequence`: a typed or pasted DNA/RNA sequence.
//! The checks are `seqlab_fuzz_targets::sequence`, i.e. `tests/fuzz/targets.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    seqlab_fuzz_targets::sequence(data);
});
