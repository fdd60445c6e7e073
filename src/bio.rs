//! Biological sequences: the DNA and protein alphabets and what the course builds from them.
//!
//! `"ATACAA"` → [`alphabet::parse_sequence`] → `[Symbol]` → [`one_hot::one_hot`] → an `L × 4` matrix
//! (columns A=0, C=1, G=2, T=3); aligned instances → [`motif::Pfm`] → [`motif::Pwm`] (pseudocounts)
//! → [`scan::scan`] (every window, both strands); [`formats`] reads and writes JASPAR and MEME text;
//! [`simulate`] makes the lecture's motif data.
//!
//! Proteins: `"MSKGE…"` → [`Alphabet::Protein`]`.parse` → `[Letter]` → [`one_hot::one_hot_in`] →
//! `L × 21` (20 amino acids + stop); [`variants`] reads substitutions such as `A108D,K156R` against a
//! wild type; [`pdb`] reads a structure's Cα atoms (distances, burial, distance to a site).
//!
//! Plain Rust: no web crate, tested natively.

pub mod alphabet;
pub mod formats;
pub mod motif;
pub mod one_hot;
pub mod pdb;
pub mod scan;
pub mod simulate;
pub mod variants;

pub use alphabet::{Alphabet, Base, Letter, SequenceError, Symbol, parse_sequence};
pub use motif::{Background, MotifError, Pfm, Pssm, Pwm};
pub use one_hot::one_hot;
pub use scan::{ScanError, Score, WindowScore, scan};
