//! The motif lab's reading of a trained CNN: every first-layer filter as a motif — from the
//! windows that activate it (Basset's method: windows above half the filter's largest activation)
//! and from its weights — aligned with the planted motif, the best one picked, and all of them
//! written as one MEME file.

use crate::bio::formats::NamedMotif;
use crate::bio::motif::{Pfm, Pwm};
use crate::interpret::{MotifMatch, activation_motifs_of, best_match, weight_pwm};
use crate::nn::Conv1d;
use ndarray::ArrayView3;

/// Basset's threshold: windows above half the filter's largest activation.
pub const THRESHOLD: f32 = 0.5;

/// Columns that must overlap when a filter is aligned with the planted motif.
pub const MIN_OVERLAP: usize = 4;

/// One filter, seen three ways.
#[derive(Clone, Debug, PartialEq)]
pub struct FilterView {
    /// 0-based filter number.
    pub index: usize,
    /// The PWM of the windows that activate it (None if it never activates).
    pub activation: Option<Pwm>,
    /// Windows counted.
    pub windows: usize,
    /// Its weights as a PWM.
    pub weights: Pwm,
    /// The best alignment with the planted motif.
    pub matched: MotifMatch,
}

impl FilterView {
    /// The motif the filter stands for: its activation PWM, or its weights if it never fires.
    pub fn motif(&self) -> &Pwm {
        self.activation.as_ref().unwrap_or(&self.weights)
    }
}

/// Every filter and the index of the one most like the planted motif.
#[derive(Clone, Debug, PartialEq)]
pub struct Interpretation {
    /// All filters, in order.
    pub filters: Vec<FilterView>,
    /// The best-matching filter.
    pub best: usize,
}

impl Interpretation {
    /// Reads `conv`'s filters from their activations over the one-hot sequences `x` and aligns
    /// each with `planted`; `None` without filters.
    ///
    /// # Shapes
    /// `activations: [N, L_out, F]` (the first layer's output), `x: [N, L, 4]`.
    pub fn new(
        conv: &Conv1d,
        activations: ArrayView3<'_, f32>,
        x: ArrayView3<'_, f32>,
        planted: &Pwm,
    ) -> Option<Interpretation> {
        let filters: Vec<FilterView> = activation_motifs_of(conv, activations, x, THRESHOLD)
            .into_iter()
            .enumerate()
            .map(|(index, motif)| {
                let weights = weight_pwm(conv, index);
                let activation = motif.pwm();
                let matched = best_match(
                    activation.as_ref().unwrap_or(&weights),
                    planted,
                    MIN_OVERLAP,
                );
                FilterView {
                    index,
                    activation,
                    windows: motif.windows,
                    weights,
                    matched,
                }
            })
            .collect();
        let best = (0..filters.len()).max_by(|&a, &b| {
            filters[a]
                .matched
                .score
                .total_cmp(&filters[b].matched.score)
        })?;
        Some(Interpretation { filters, best })
    }

    /// Every filter as one MEME file (`MOTIF filter_<i> <consensus>`, counts out of 100).
    pub fn to_meme(&self) -> String {
        let motifs: Vec<NamedMotif> = self
            .filters
            .iter()
            .map(|f| {
                let pwm = f.motif();
                let pfm = Pfm::from_counts(pwm.probs().mapv(|p| p * 100.0))
                    .expect("probabilities are counts");
                NamedMotif {
                    id: format!("filter_{}", f.index),
                    name: pwm.consensus(),
                    pfm,
                }
            })
            .collect();
        crate::bio::formats::meme::to_meme_many(&motifs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bio::one_hot::encode;
    use crate::bio::simulate::lecture_motif;
    use crate::nn::{Activation, Conv1dConfig, Layer, Padding};
    use ndarray::{Array3, Axis, stack};

    #[test]
    fn a_filter_shaped_like_the_motif_is_the_best_and_every_filter_is_written() {
        // Two filters of width 6: one with +1 on the planted consensus CCGGAA, one on TTTTTT.
        let mut kernel = ndarray::ArrayD::<f32>::zeros(ndarray::IxDyn(&[6, 4, 2]));
        for (i, base) in "CCGGAA".chars().enumerate() {
            let c = "ACGT".find(base).unwrap();
            kernel[[i, c, 0]] = 1.0;
            kernel[[i, 3, 1]] = 1.0;
        }
        let config = Conv1dConfig {
            filters: 2,
            kernel_size: 6,
            padding: Padding::Valid,
            activation: Activation::Relu,
        };
        let conv =
            Conv1d::from_weights(config, kernel, ndarray::ArrayD::zeros(ndarray::IxDyn(&[2])));
        let sequences = ["AACCGGAAT", "TCCGGAATT", "TTTTTTAAA"];
        let x = stack(
            Axis(0),
            &sequences
                .iter()
                .map(|s| encode(s).unwrap())
                .collect::<Vec<_>>()
                .iter()
                .map(|a| a.view())
                .collect::<Vec<_>>(),
        )
        .unwrap();
        let mut layer = Layer::Conv1d(conv.clone());
        let activations: Array3<f32> = layer
            .forward(&x.clone().into_dyn(), false)
            .into_dimensionality()
            .unwrap();
        let planted = lecture_motif().normalize(0.0).unwrap();
        let read = Interpretation::new(&conv, activations.view(), x.view(), &planted).unwrap();
        assert_eq!(read.best, 0);
        assert_eq!(read.filters[0].motif().consensus(), "CCGGAA");
        let meme = read.to_meme();
        assert!(meme.contains("MOTIF filter_0 CCGGAA") && meme.contains("MOTIF filter_1"));
    }
}
