//! libFuzzer target `csv_table`: an upload, read as a table and as a list of sequences.
//! The checks are `seqlab_fuzz_targets::csv_table`, i.e. `tests/fuzz/targets.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    seqlab_fuzz_targets::csv_table(data);
});
