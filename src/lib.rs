//! SeqLab: deep learning on biological sequences, taught in the browser.
//!
//! # Crate map
//! - [`lang`]: the two course languages, shared by the core's error messages and the UI.
//! - [`bounds`]: the valid range of a numeric setting (one definition for the form and the URL).
//! - [`bio`]: DNA alphabet, one-hot encoding, motifs (PFM → PWM → PSSM), window scanning and
//!   JASPAR / MEME motif text.
//! - [`data`]: datasets as tensors (inputs `[N, …]`, targets `[N, K]`).
//! - [`nn`]: the Keras-exact engine: layers, losses, optimisers, `Sequential`.
//! - [`training`]: `Trainer`, one batch or epoch per call, history, early stopping.
//! - [`interpret`]: what a trained CNN learned: filters as motifs, in-silico mutagenesis.
//! - [`lab`]: the labs' workflows on plain data (simulate, split, CSV files, the Keras script).
//! - [`theory`]: the theory lessons' small exact examples (splits, perceptron, softmax, backprop,
//!   gradient descent, a conv filter's windows), built on the engine.
//! - [`metrics`]: accuracy, confusion matrix, precision/recall/F1, MSE, MAE, r², Pearson r.
//! - [`wire`]: JSON numbers that survive NaN and infinity (the worker protocol, saved models).
//! - [`ui`]: the Leptos web app (lessons, widgets, plots). The only module that names a web crate.
//!
//! The pure core (`bio`, `data`, `nn`, `training`, `metrics`, `interpret`, `lab`, `theory`) is plain Rust on `ndarray` and is
//! tested natively with `cargo test`; the UI only calls it.
#![warn(missing_docs)]

pub mod bio;
pub mod bounds;
pub mod choice;
pub mod data;
pub mod interpret;
pub mod lab;
pub mod lang;
pub mod metrics;
pub mod nn;
pub mod theory;
pub mod training;
pub mod ui;
pub mod wire;
