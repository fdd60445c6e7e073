//! libFuzzer target `motif_text`: JASPAR or MEME motif text.
//! The checks are `seqlab_fuzz_targets::motif_text`, i.e. `tests/fuzz/targets.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    seqlab_fuzz_targets::motif_text(data);
});
