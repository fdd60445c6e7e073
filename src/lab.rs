//! The labs' workflows on plain data, so the pages only call them.
//!
//! - [`motif`]: the motif lab (LECTURE.md items 12–16): simulate → label → split → tables, and the
//!   files the page offers (data, history, predictions, filter motifs).
//! - [`expression`]: the expression lab: real, simulated or uploaded rows, standardised targets,
//!   regression reports, presets, learning-curve sizes.
//! - [`bioreactor`]: the bioreactor lab: a simulated fed-batch run (conditions → protein titer),
//!   designs of experiments, standardised tables, a closed-form linear baseline, partial
//!   dependence, response surfaces and the search for the best conditions.
//! - [`keras_script`]: a Python script that rebuilds a SeqLab model and its training in Keras.

pub mod bioreactor;
pub mod expression;
pub mod keras_script;
pub mod motif;
