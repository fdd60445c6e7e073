//! Biological sequences: the DNA alphabet and what the course builds from it.
//!
//! `"ATACAA"` → [`alphabet::parse_sequence`] → `[Symbol]` → [`one_hot::one_hot`] → an `L × 4` matrix
//! (columns A=0, C=1, G=2, T=3); aligned instances → [`motif::Pfm`] → [`motif::Pwm`] (pseudocounts)
//! → [`scan::scan`] (every window, both strands); [`formats`] reads and writes JASPAR and MEME text;
//! [`simulate`] makes the lecture's motif data.
//!
//! Plain Rust: no web crate, tested natively.

pub mod alphabet;
pub mod formats;
pub mod motif;
pub mod one_hot;
pub mod scan;
pub mod simulate;

pub use alphabet::{Base, SequenceError, Symbol, parse_sequence};
pub use motif::{Background, MotifError, Pfm, Pssm, Pwm};
pub use one_hot::one_hot;
pub use scan::{ScanError, Score, WindowScore, scan};
