//! The labs' workflows on plain data, so the pages only call them.
//!
//! - [`motif`]: the motif lab (LECTURE.md items 12–16): simulate → label → split → tables, and the
//!   files the page offers (data, history, predictions, filter motifs).
//! - [`expression`]: the expression lab: real, simulated or uploaded rows, standardised targets,
//!   regression reports, presets, learning-curve sizes.
//! - [`protein`]: the protein lab: avGFP variants (or an upload) → brightness regression on
//!   `L × 21` one-hot proteins, single-mutant maps, in-silico scans, a search for brighter
//!   variants, epistasis and tolerance vs structure.
//! - [`keras_script`]: a Python script that rebuilds a SeqLab model and its training in Keras.

pub mod expression;
pub mod keras_script;
pub mod motif;
pub mod protein;
