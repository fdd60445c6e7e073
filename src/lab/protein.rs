//! The protein lab's data and numbers (issue 14): protein sequence → fluorescence, a regression on
//! `L × 21` one-hot proteins, `ŷ = f(one_hot(wild type with substitutions))`. Its built-in data are
//! 44,024 variants of avGFP with their log10 brightness (Sarkisyan et al. 2016, via nn4dms; see
//! `data/README.md`), a wild type of 237 residues ([`AVGFP_WILD_TYPE`]) and a 3-D model of it.
//!
//! - [`data`]: the table → rows with verdicts, expanded against the wild type; the split and the
//!   standardised targets.
//! - [`maps`]: single mutants as a position × amino-acid map, the score histogram, scores by
//!   number of mutations.
//! - [`settings`]: the lab's typed settings, presets, ranges, model and training configuration.
//! - [`scan`]: in-silico deep mutational scan of any sequence (`[L, 21]` predictions).
//! - [`search`]: a beam search for brighter variants, with the distance to the nearest measured
//!   variant (how far the model extrapolates).
//! - [`epistasis`]: pairs measured alone and together: observed vs additive vs model.
//! - [`structure`]: the 3-D model's distance map, burial and distance to the chromophore, and
//!   tolerance fitted to them.
//! - [`tolerance`]: how much a position tolerates change (single mutants or an additive ridge
//!   fit), and its correlation with burial in the structure.
//!
//! The analyses take any batch predictor `FnMut(&[String]) -> Vec<f32>` (scores in log10
//! brightness); [`predictor`] makes one from a trained network.

use crate::bio::Alphabet;
use crate::bio::one_hot::one_hot_batch_in;
use crate::lab::expression::Standardizer;
use crate::nn::Sequential;

pub mod data;
pub mod epistasis;
pub mod maps;
pub mod scan;
pub mod search;
pub mod settings;
pub mod structure;
pub mod tolerance;

pub use data::{ProteinData, ProteinSplit};
pub use maps::{Histogram, MutationSummary, SingleMap, by_mutations, histogram};
pub use scan::{Scan, deep_mutational_scan, scan_sequences, scan_variants};
pub use search::{Proposal, Search, SearchConfig, search};
pub use settings::{Preset, Settings, Source};

/// The avGFP wild type the built-in variants refer to (`data/avgfp/wt_aa.txt`, 237 residues).
pub const AVGFP_WILD_TYPE: &str = include_str!("../../data/avgfp/wt_aa.txt");

/// The built-in table, gzip (fetched by the page, unpacked by the browser).
pub const DATA_FILE: &str = "data/avgfp/avgfp.tsv.gz";
/// The 3-D model of the wild type, gzip.
pub const STRUCTURE_FILE: &str = "data/avgfp/avgfp_rosetta_model.pdb.gz";

/// Wild-type avGFP's score (log10 brightness), from the data's README ("about 3.72"; the table
/// itself has no wild-type row).
pub const WILD_TYPE_SCORE: f64 = 3.72;
/// The floor of the scores: no fluorescence (README: ≈ 1.3).
pub const DARK_SCORE: f64 = 1.3;
/// Halfway between dark and the wild type: a variant at or above it counts as bright.
pub const BRIGHT: f64 = (WILD_TYPE_SCORE + DARK_SCORE) / 2.0;
/// The chromophore: 0-based residues 63–65 of the wild type, `S Y G` (Ser65-Tyr66-Gly67 in the
/// GFP literature's numbering, which counts the initial Met that `wt_aa.txt` leaves out).
pub const CHROMOPHORE: [usize; 3] = [63, 64, 65];
/// The radius (Å) within which neighbouring Cα atoms count towards burial.
pub const BURIAL_RADIUS: f64 = 10.0;

/// Sequences scored per call of a batch predictor (bounds the one-hot tensor built at once).
pub const PREDICT_CHUNK: usize = 256;

/// A batch predictor from a network trained on z-scored targets: full protein sequences (of the
/// model's input length) → scores in their own unit (`scaler` inverted).
///
/// # Panics
/// The returned closure panics on a sequence that is not protein, or a network whose input is not
/// `[L, 21]`.
pub fn predictor(
    model: &mut Sequential,
    scaler: Standardizer,
) -> impl FnMut(&[String]) -> Vec<f32> + '_ {
    let length = model.spec().input_shape.first().copied().unwrap_or(0);
    move |sequences: &[String]| {
        let letters: Vec<_> = sequences
            .iter()
            .map(|s| {
                Alphabet::Protein
                    .parse(s)
                    .unwrap_or_else(|e| panic!("predictor: {e}"))
            })
            .collect();
        let x = one_hot_batch_in(Alphabet::Protein, &letters, Some(length));
        let z = model.predict(&x.into_dyn(), PREDICT_CHUNK);
        z.column(0)
            .iter()
            .map(|&v| scaler.invert(f64::from(v)) as f32)
            .collect()
    }
}

/// Calls `predict` on `sequences` `PREDICT_CHUNK` at a time.
///
/// # Panics
/// If the predictor returns another number of scores than it was given sequences.
pub fn predict_all(
    sequences: &[String],
    predict: &mut impl FnMut(&[String]) -> Vec<f32>,
) -> Vec<f32> {
    let mut out = Vec::with_capacity(sequences.len());
    for chunk in sequences.chunks(PREDICT_CHUNK) {
        let scores = predict(chunk);
        assert_eq!(
            scores.len(),
            chunk.len(),
            "the predictor returned {} scores for {} sequences",
            scores.len(),
            chunk.len()
        );
        out.extend(scores);
    }
    out
}

#[cfg(test)]
mod tests;
