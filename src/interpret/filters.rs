//! First-layer filters as motifs.
//!
//! - From the weights: a filter is a `K × 4` matrix of weights; at each position a softmax over the
//!   four bases, `p[b, i] = e^{w[i, b]/T} / Σ_b' e^{w[i, b']/T}`, turns them into a PWM column (a
//!   constant added to a position's four weights changes nothing, as it changes no score
//!   difference between bases). Trained weights are small, so they are rescaled first:
//!   `T = max |w| / 3` makes the filter's largest weight worth e³ ≈ 20-fold odds.
//! - From the activations (Basset, Kelley et al. 2016): run the filter over sequences, keep every
//!   window whose activation exceeds `threshold` × the filter's largest activation, and count the
//!   windows' bases into a PFM (positions outside the sequence, from `same` padding, count nothing).
//! - Similarity: the best ungapped alignment of two motifs (either strand, any offset with enough
//!   overlap), scored by the mean Pearson correlation of the aligned columns (as Tomtom's PCC).

use crate::bio::alphabet::{Symbol, reverse_complement};
use crate::bio::motif::{Pfm, Pwm};
use crate::nn::{Conv1d, Layer, Sequential};
use ndarray::{Array2, ArrayD, ArrayView3, Ix3};

/// Pseudocount used when an activation PFM becomes a PWM (keeps windows' empty edge columns valid).
pub const ACTIVATION_PSEUDOCOUNT: f64 = 0.1;

/// How many nats the largest weight of a filter is worth in its weight logo.
pub const WEIGHT_LOGO_NATS: f64 = 3.0;

/// Filter `filter`'s weights as a PWM (softmax over the bases at each position, after rescaling
/// so the largest |weight| is [`WEIGHT_LOGO_NATS`]).
///
/// # Panics
/// If the layer does not read 4 channels or `filter` is out of range.
pub fn weight_pwm(conv: &Conv1d, filter: usize) -> Pwm {
    assert_eq!(conv.in_channels, 4, "weight logos need one-hot DNA input");
    let k = conv.config.kernel_size;
    let largest = (0..k)
        .flat_map(|i| (0..4).map(move |c| (i, c)))
        .map(|(i, c)| f64::from(conv.kernel.value[[i, c, filter]]).abs())
        .filter(|w| w.is_finite())
        .fold(0.0, f64::max);
    // Raw weights are small (a few tenths), so their softmax is nearly uniform and the logo blank;
    // scaled, the strongest base of the filter gets e³ ≈ 20 times the weight of a zero-weight one.
    let scale = if largest > 0.0 {
        WEIGHT_LOGO_NATS / largest
    } else {
        1.0
    };
    let counts = Array2::from_shape_fn((4, k), |(b, i)| {
        let column: Vec<f64> = (0..4)
            .map(|c| scale * f64::from(conv.kernel.value[[i, c, filter]]))
            .map(|w| if w.is_finite() { w } else { 0.0 })
            .collect();
        let max = column.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        (column[b] - max).exp()
    });
    Pfm::from_counts(counts)
        .and_then(|pfm| pfm.normalize(0.0))
        .expect("positive finite weights")
}

/// What activates one filter.
#[derive(Clone, Debug, PartialEq)]
pub struct ActivationMotif {
    /// The counted windows (`None` if the filter never activates above zero).
    pub pfm: Option<Pfm>,
    /// How many windows passed the threshold.
    pub windows: usize,
    /// The filter's largest activation over the sequences.
    pub max_activation: f32,
}

impl ActivationMotif {
    /// The windows' PWM (pseudocount [`ACTIVATION_PSEUDOCOUNT`]).
    pub fn pwm(&self) -> Option<Pwm> {
        self.pfm
            .as_ref()
            .and_then(|pfm| pfm.normalize(ACTIVATION_PSEUDOCOUNT).ok())
    }
}

/// Basset's activation motifs of every filter of the model's first layer, over one-hot `x`.
///
/// # Shapes
/// `x: [N, L, 4]`.
///
/// # Panics
/// If the first layer is not a convolution.
pub fn activation_motifs(
    model: &mut Sequential,
    x: &ArrayD<f32>,
    threshold: f32,
) -> Vec<ActivationMotif> {
    let Layer::Conv1d(conv) = model.layers()[0].clone() else {
        panic!("activation motifs need a convolution as the first layer")
    };
    let activations = model
        .forward_prefix(x, 1)
        .into_dimensionality::<Ix3>()
        .expect("[N, L_out, F]");
    let x = x.view().into_dimensionality::<Ix3>().expect("[N, L, 4]");
    activation_motifs_of(&conv, activations.view(), x, threshold)
}

/// [`activation_motifs`] from the first convolution's `activations` on `x`, computed elsewhere
/// (for example a few rows per task).
///
/// # Shapes
/// `activations: [N, L_out, F]`, `x: [N, L, 4]`.
pub fn activation_motifs_of(
    conv: &Conv1d,
    activations: ArrayView3<'_, f32>,
    x: ArrayView3<'_, f32>,
    threshold: f32,
) -> Vec<ActivationMotif> {
    let (k, left, filters) = (
        conv.config.kernel_size,
        conv.config.padding.left(conv.config.kernel_size),
        conv.config.filters,
    );
    let (n, l_out, _) = activations.dim();
    let length = x.dim().1;
    (0..filters)
        .map(|f| {
            let max = activations
                .index_axis(ndarray::Axis(2), f)
                .fold(0.0f32, |m, &v| m.max(v));
            if max <= 0.0 {
                return ActivationMotif {
                    pfm: None,
                    windows: 0,
                    max_activation: max,
                };
            }
            let mut counts = Array2::<f64>::zeros((4, k));
            let mut windows = 0;
            for s in 0..n {
                for t in 0..l_out {
                    if activations[[s, t, f]] > threshold * max {
                        windows += 1;
                        for i in 0..k {
                            if let Some(p) = (t + i).checked_sub(left).filter(|&p| p < length) {
                                for b in 0..4 {
                                    counts[[b, i]] += f64::from(x[[s, p, b]]);
                                }
                            }
                        }
                    }
                }
            }
            ActivationMotif {
                pfm: Pfm::from_counts(counts).ok(),
                windows,
                max_activation: max,
            }
        })
        .collect()
}

/// The best alignment of a learned motif against a reference motif.
#[derive(Clone, Debug, PartialEq)]
pub struct MotifMatch {
    /// Mean Pearson correlation of the aligned columns, −1..1 (1: identical shapes).
    pub score: f64,
    /// Reference column aligned with the learned motif's column 0 (may be negative).
    pub offset: isize,
    /// Whether the learned motif matched the reference's reverse complement.
    pub reverse_complement: bool,
    /// Number of aligned columns.
    pub overlap: usize,
}

fn pearson4(a: [f64; 4], b: [f64; 4]) -> f64 {
    let (ma, mb) = (a.iter().sum::<f64>() / 4.0, b.iter().sum::<f64>() / 4.0);
    let (mut cov, mut va, mut vb) = (0.0, 0.0, 0.0);
    for i in 0..4 {
        cov += (a[i] - ma) * (b[i] - mb);
        va += (a[i] - ma).powi(2);
        vb += (b[i] - mb).powi(2);
    }
    if va == 0.0 || vb == 0.0 {
        0.0
    } else {
        cov / (va * vb).sqrt()
    }
}

/// The best ungapped alignment of `learned` to `reference` or its reverse complement with at least
/// `min_overlap` aligned columns (fewer if a motif is shorter).
pub fn best_match(learned: &Pwm, reference: &Pwm, min_overlap: usize) -> MotifMatch {
    let column = |pwm: &Pwm, j: usize| -> [f64; 4] { std::array::from_fn(|b| pwm.probs()[[b, j]]) };
    let (wl, wr) = (learned.width() as isize, reference.width() as isize);
    let need = min_overlap
        .min(learned.width())
        .min(reference.width())
        .max(1) as isize;
    let mut best = MotifMatch {
        score: f64::NEG_INFINITY,
        offset: 0,
        reverse_complement: false,
        overlap: 0,
    };
    for (reverse, target) in [
        (false, reference.clone()),
        (true, reference.reverse_complement()),
    ] {
        for offset in (need - wl)..=(wr - need) {
            let pairs: Vec<(usize, usize)> = (0..wl)
                .filter_map(|j| {
                    let r = j + offset;
                    (0..wr).contains(&r).then_some((j as usize, r as usize))
                })
                .collect();
            if (pairs.len() as isize) < need {
                continue;
            }
            let score = pairs
                .iter()
                .map(|&(j, r)| pearson4(column(learned, j), column(&target, r)))
                .sum::<f64>()
                / pairs.len() as f64;
            if score > best.score {
                best = MotifMatch {
                    score,
                    offset,
                    reverse_complement: reverse,
                    overlap: pairs.len(),
                };
            }
        }
    }
    best
}

/// Where a learned consensus sits on a target motif (the planted one): its best window on the
/// target or on the target's reverse complement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agreement {
    /// Positions where the consensus and the window have the same base (N never matches).
    pub matches: usize,
    /// The window's start on the strand (0-based).
    pub offset: usize,
    /// Whether the window is on the target's reverse complement.
    pub reverse: bool,
    /// The strand the window is on: the target, or its reverse complement.
    pub strand: String,
    /// The consensus.
    pub consensus: String,
}

impl Agreement {
    /// The window of [`Agreement::strand`] the consensus lines up with.
    pub fn window(&self) -> &str {
        &self.strand[self.offset..self.offset + self.consensus.len()]
    }

    /// Three lines to print in a monospace font, one character per position: the strand, a `|`
    /// under every matching position, and the consensus shifted under its window.
    pub fn lines(&self) -> [String; 3] {
        let marks: String = self
            .strand
            .chars()
            .enumerate()
            .map(|(k, base)| {
                let learned = k
                    .checked_sub(self.offset)
                    .and_then(|i| self.consensus.chars().nth(i));
                if learned == Some(base) && base != 'N' {
                    '|'
                } else {
                    ' '
                }
            })
            .collect();
        let shifted = format!("{}{}", " ".repeat(self.offset), self.consensus);
        [self.strand.clone(), marks.trim_end().to_string(), shifted]
    }
}

/// How well `consensus` agrees with the best equally long window of `target` or of its reverse
/// complement (the first best: forward strand first, leftmost first). `None` if `consensus` is
/// longer than `target` or either is not DNA.
pub fn consensus_agreement(consensus: &str, target: &str) -> Option<Agreement> {
    let query = crate::bio::parse_sequence(consensus).ok()?;
    let forward = crate::bio::parse_sequence(target).ok()?;
    let backward = reverse_complement(&forward);
    let mut best: Option<Agreement> = None;
    for (reverse, strand) in [(false, &forward), (true, &backward)] {
        for (offset, window) in strand.windows(query.len()).enumerate() {
            let matches = window
                .iter()
                .zip(&query)
                .filter(|(a, b)| a == b && !matches!(a, Symbol::N))
                .count();
            if best.as_ref().is_none_or(|b| matches > b.matches) {
                best = Some(Agreement {
                    matches,
                    offset,
                    reverse,
                    strand: crate::bio::alphabet::to_text(strand),
                    consensus: crate::bio::alphabet::to_text(&query),
                });
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bio::simulate::lecture_motif;

    #[test]
    fn a_motif_matches_itself_and_its_reverse_complement_perfectly() {
        let planted = lecture_motif().normalize(0.0).unwrap();
        let m = best_match(&planted, &planted, 4);
        assert!(
            (m.score - 1.0).abs() < 1e-12
                && m.offset == 0
                && !m.reverse_complement
                && m.overlap == 6
        );
        let m = best_match(&planted.reverse_complement(), &planted, 4);
        assert!((m.score - 1.0).abs() < 1e-12 && m.reverse_complement);
        assert_eq!(planted.reverse_complement().consensus(), "TTCCGG");
    }

    #[test]
    fn weight_logos_show_small_weights() {
        use crate::nn::{Activation, Conv1dConfig, Padding};
        use ndarray::{ArrayD, IxDyn};
        // Kernel [3, 4, 1] with weights of a few tenths, the size a trained filter has: position 0
        // prefers C, position 1 G, position 2 nothing.
        let mut kernel = ArrayD::zeros(IxDyn(&[3, 4, 1]));
        kernel[[0, 1, 0]] = 0.3_f32;
        kernel[[1, 2, 0]] = 0.2;
        kernel[[1, 0, 0]] = -0.1;
        let config = Conv1dConfig {
            filters: 1,
            kernel_size: 3,
            padding: Padding::Valid,
            activation: Activation::Relu,
        };
        let conv = Conv1d::from_weights(config, kernel, ArrayD::zeros(IxDyn(&[1])));
        let pwm = weight_pwm(&conv, 0);
        assert_eq!(&pwm.consensus()[..2], "CG");
        let bits = pwm.information_content();
        // Unscaled, e^0.3 over three e^0 gives 0.03 bits; scaled it is more than half a bit.
        assert!(bits[0] > 0.5 && bits[1] > 0.2 && bits[2] < 1e-9, "{bits:?}");
    }

    #[test]
    fn consensus_agreement_looks_at_both_strands() {
        let forward = consensus_agreement("CGGAA", "CCGGAA").expect("DNA");
        assert_eq!(
            (forward.matches, forward.offset, forward.reverse),
            (5, 1, false)
        );
        assert_eq!(forward.window(), "CGGAA");
        assert_eq!(
            forward.lines(),
            ["CCGGAA", " |||||", " CGGAA"].map(String::from)
        );
        let backward = consensus_agreement("TTCCG", "CCGGAA").expect("DNA");
        assert_eq!((backward.matches, backward.reverse), (5, true));
        assert_eq!(backward.strand, "TTCCGG");
        assert_eq!(backward.window(), "TTCCG");
        let partial = consensus_agreement("TACCG", "CCGGAA").expect("DNA");
        assert_eq!(partial.matches, 4);
        assert_eq!(partial.lines()[1], "| |||");
        assert_eq!(consensus_agreement("CCGGAAT", "CCGGAA"), None);
    }
}
