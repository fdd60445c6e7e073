//! What a trained sequence CNN learned, in the terms of the motif lessons.
//!
//! - [`filters`]: every first-layer filter as a motif, from its weights and from the sequence
//!   windows that activate it (Basset's method), and how similar a learned motif is to the planted
//!   one.
//! - [`mutagenesis`]: in-silico mutagenesis, the change of the model's output for every single-base
//!   change of a sequence.

pub mod filters;
pub mod mutagenesis;

pub use filters::{
    ActivationMotif, MotifMatch, activation_motifs, activation_motifs_of, best_match,
    consensus_agreement, weight_pwm,
};
pub use mutagenesis::{Mutagenesis, from_scores, mutagenesis, variants};
