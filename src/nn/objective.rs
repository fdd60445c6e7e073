//! Which loss a model is trained on, and which tensor it is computed from.
//!
//! Keras decides between the output layer's logits and its outputs (`fixtures/README.md`):
//!
//! | loss | output activation | today's Keras (`KerasFit`) | 2020-era tf.keras (`ClassicNormaliseClip`) |
//! | --- | --- | --- | --- |
//! | categorical CE | softmax | logits: softmax CE | logits: softmax CE |
//! | categorical CE | sigmoid | logits: **softmax** CE of the pre-sigmoid z | outputs: normalise + clip |
//! | categorical CE | other | outputs: normalise + clip | outputs: normalise + clip |
//! | binary CE | sigmoid | logits: sigmoid CE | logits: sigmoid CE |
//! | binary CE | other | outputs: clip | outputs: clip |
//! | MSE | any | outputs | outputs |
//!
//! The lecture's model (Dense(2, sigmoid) + categorical CE) is the row where the two eras differ.

use super::activation::Activation;
use super::loss::{
    LossOutput, binary_crossentropy, categorical_crossentropy, mean_squared_error,
    sigmoid_cross_entropy_with_logits, softmax_cross_entropy_with_logits,
};
use super::model::Sequential;
use ndarray::{Array2, ArrayD, Ix2};
use serde::{Deserialize, Serialize};

/// The loss function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LossKind {
    /// Categorical cross-entropy (one-hot classes).
    CategoricalCrossentropy,
    /// Binary cross-entropy (independent 0/1 targets).
    BinaryCrossentropy,
    /// Mean squared error (regression).
    MeanSquaredError,
}

/// Which era of Keras to follow where they differ (sigmoid output + categorical CE).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LossSemantics {
    /// Keras 3 / TF 2.21: the cached logits (default).
    #[default]
    KerasFit,
    /// TF ≤ 2.4 (the lecture's era): normalise and clip the sigmoid outputs.
    ClassicNormaliseClip,
}

// The URL and the form say `classic` for the 2020-era formula (its serde name is longer).
crate::choice!(LossSemantics {
    KerasFit => "keras_fit",
    ClassicNormaliseClip => "classic",
});

/// A loss and the semantics to compute it with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LossConfig {
    /// The loss function.
    pub kind: LossKind,
    /// The semantics (default: today's Keras).
    #[serde(default)]
    pub semantics: LossSemantics,
}

impl LossConfig {
    /// Whether this loss is computed from the output layer's logits for `activation`.
    pub fn uses_logits(self, activation: Activation) -> bool {
        match (self.kind, activation) {
            (LossKind::CategoricalCrossentropy, Activation::Softmax) => true,
            (LossKind::CategoricalCrossentropy, Activation::Sigmoid) => {
                self.semantics == LossSemantics::KerasFit
            }
            (LossKind::BinaryCrossentropy, Activation::Sigmoid) => true,
            _ => false,
        }
    }

    /// The loss of a model's last forward pass against `targets`. The gradient is w.r.t. the logits
    /// when `.1` is true (pass it to [`Sequential::backward`] with `from_logits`), else w.r.t. the
    /// outputs.
    ///
    /// # Shapes
    /// `output`, `targets`: `[B, K]`.
    pub fn evaluate(
        self,
        model: &Sequential,
        output: &ArrayD<f32>,
        targets: &Array2<f32>,
    ) -> (LossOutput, bool) {
        let from_logits = self.uses_logits(model.output_activation());
        let source = match (from_logits, model.logits()) {
            (true, Some(logits)) => logits,
            _ => output,
        };
        let source = source
            .view()
            .into_dimensionality::<Ix2>()
            .unwrap_or_else(|_| {
                panic!(
                    "losses take [batch, outputs]; the model outputs shape {:?}",
                    output.shape()
                )
            });
        let y = targets.view();
        let out = match (self.kind, from_logits) {
            (LossKind::CategoricalCrossentropy, true) => {
                softmax_cross_entropy_with_logits(source, y)
            }
            (LossKind::CategoricalCrossentropy, false) => categorical_crossentropy(source, y),
            (LossKind::BinaryCrossentropy, true) => sigmoid_cross_entropy_with_logits(source, y),
            (LossKind::BinaryCrossentropy, false) => binary_crossentropy(source, y),
            (LossKind::MeanSquaredError, _) => mean_squared_error(source, y),
        };
        (out, from_logits)
    }
}
