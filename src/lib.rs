//! SeqLab: deep learning on biological sequences, taught in the browser.
//!
//! # Crate map
//! - [`lang`]: the two course languages, shared by the core's error messages and the UI.
//! - [`bio`]: DNA alphabet, one-hot encoding, motifs (PFM → PWM → PSSM), window scanning and
//!   JASPAR / MEME motif text.
//! - [`ui`]: the Leptos web app (lessons, widgets, plots). The only module that names a web crate.
//!
//! The pure core (`bio`, and the engine modules that follow it) is plain Rust on `ndarray` and is
//! tested natively with `cargo test`; the UI only calls it.
#![warn(missing_docs)]

pub mod bio;
pub mod lang;
pub mod ui;
