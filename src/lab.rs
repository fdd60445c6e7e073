//! The labs' workflows on plain data, so the pages only call them. Every lab follows one pattern:
//! a typed settings value (serde) with `spec()`, `config()`, `job(&data)` and `key()`, the valid
//! range of every field beside it, and the workflow's plain-data steps; the page mirrors the
//! fields as signals and renders.
//!
//! - [`knobs`]: the training knobs every lab shares (epochs, batch, optimiser, learning rate,
//!   validation, patience, seed) and their URL keys.
//! - [`motif`]: the motif lab (LECTURE.md items 12–16): simulate → label → split → tables, and the
//!   files the page offers (data, history, predictions, filter motifs).
//! - [`expression`]: the expression lab: real, simulated or uploaded rows, standardised targets,
//!   regression reports, presets, learning-curve sizes.
//! - [`overfitting`]: the overfitting lesson's bench, runs and diagnosis.
//! - [`protein`]: the protein lab: avGFP variants (or an upload) → brightness regression on
//!   `L × 21` one-hot proteins, single-mutant maps, in-silico scans, a search for brighter
//!   variants, epistasis and tolerance vs structure.
//! - [`bioreactor`]: the bioreactor lab: a simulated fed-batch run (conditions → protein titer),
//!   designs of experiments, standardised tables, a closed-form linear baseline, partial
//!   dependence, response surfaces and the search for the best conditions.
//! - [`keras_script`]: a Python script and a Jupyter notebook that rebuild a SeqLab model and its
//!   training in Keras.

pub mod bioreactor;
pub mod expression;
pub mod keras_script;
pub mod knobs;
pub mod motif;
pub mod overfitting;
pub mod protein;

/// A fingerprint of `value`'s JSON (64-bit FNV-1a): the same settings give the same number on
/// every machine and in every build, so a trained model can say which settings it belongs to.
pub fn fingerprint<T: serde::Serialize + ?Sized>(value: &T) -> u64 {
    let json = serde_json::to_vec(value).unwrap_or_default();
    json.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn fingerprints_are_stable_and_tell_values_apart() {
        // FNV-1a 64 of the empty input is its offset basis; of `"a"` (3 bytes) a fixed number.
        assert_eq!(super::fingerprint(&()), {
            let null = b"null";
            null.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
                (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
            })
        });
        assert_ne!(super::fingerprint(&1), super::fingerprint(&2));
        assert_eq!(super::fingerprint(&[1, 2]), super::fingerprint(&vec![1, 2]));
    }
}
