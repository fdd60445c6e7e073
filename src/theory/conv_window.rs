//! A Conv1D filter slid over a one-hot sequence, one window at a time: output position `t` is
//! `z_t = b + Σᵢ Σ_c x[t + i − left, c] · W[i, c]` (zero rows outside the sequence with `same`
//! padding), then `ReLU(z_t)`. On one-hot input each window term picks the filter's weight for the
//! base at that position, so the filter reads the sequence like a PWM. The per-window breakdown is
//! checked against the engine's [`Conv1d`] output.

use crate::bio::alphabet::Symbol;
use crate::bio::motif::{Background, Pfm};
use crate::bio::one_hot::{one_hot, one_hot_row};
use crate::nn::init::seeded_rng;
use crate::nn::{Activation, Conv1d, Conv1dConfig, Padding};
use ndarray::{Array2, Array3};

/// One output position of the filter.
#[derive(Clone, Debug, PartialEq)]
pub struct Window {
    /// Input position of the window's first row (negative inside the left padding).
    pub start: isize,
    /// The symbol under each filter row (`None`: a padding zero row), `[K]`.
    pub symbols: Vec<Option<Symbol>>,
    /// Each row's term `Σ_c x[c] · W[i, c]`, `[K]`.
    pub terms: Vec<f32>,
    /// The engine's pre-activation `z_t` (terms + bias).
    pub z: f32,
    /// The engine's output, `ReLU(z_t)`.
    pub output: f32,
}

/// The lesson's filter: the lecture's TACAA motif (Biopython example, pseudocount 0.5) as log2-odds
/// against a uniform background, rows = positions, columns A, C, G, T.
///
/// # Shapes
/// → `[5, 4]`.
pub fn motif_filter() -> Array2<f32> {
    let pfm = Pfm::from_instances(&["TACAA", "TACGA", "TACAA"]).expect("the lecture's sites");
    let pssm = pfm
        .normalize(0.5)
        .expect("pseudocount 0.5")
        .log_odds(&Background::uniform());
    pssm.scores().t().mapv(|v| v as f32)
}

/// Slides `filter` (`[K, 4]`) with `bias` over `symbols` with `padding`, returning every window.
/// Empty if no window fits (`valid` padding, sequence shorter than `K`).
pub fn slide(symbols: &[Symbol], filter: &Array2<f32>, bias: f32, padding: Padding) -> Vec<Window> {
    let k = filter.nrows();
    if symbols.is_empty() || padding.output_length(symbols.len(), k).is_none() {
        return Vec::new();
    }
    let mut conv = Conv1d::new(
        Conv1dConfig {
            filters: 1,
            kernel_size: k,
            padding,
            activation: Activation::Relu,
        },
        4,
        &mut seeded_rng(0),
    );
    conv.kernel.value =
        ndarray::ArrayD::from_shape_vec(vec![k, 4, 1], filter.iter().copied().collect())
            .expect("[K, 4, 1]");
    conv.bias.value = ndarray::arr1(&[bias]).into_dyn();
    let x = one_hot(symbols);
    let input = x
        .clone()
        .into_shape_with_order((1, symbols.len(), 4))
        .expect("[1, L, 4]")
        .into_dyn();
    let output = conv.forward(&input);
    let z = conv.preactivation().clone();
    let left = padding.left(k) as isize;
    (0..output.shape()[1])
        .map(|t| {
            let start = t as isize - left;
            let symbols_at: Vec<Option<Symbol>> = (0..k as isize)
                .map(|i| {
                    let p = start + i;
                    (p >= 0 && (p as usize) < symbols.len()).then(|| symbols[p as usize])
                })
                .collect();
            let terms = symbols_at
                .iter()
                .enumerate()
                .map(|(i, s)| match s {
                    Some(s) => one_hot_row(*s)
                        .iter()
                        .zip(filter.row(i))
                        .map(|(x, w)| x * w)
                        .sum(),
                    None => 0.0,
                })
                .collect();
            Window {
                start,
                symbols: symbols_at,
                terms,
                z: z[[0, t, 0]],
                output: output[[0, t, 0]],
            }
        })
        .collect()
}

/// The output lengths through `Conv1D(kernel, padding) → MaxPooling1D(pool)` for an input of
/// `length`: `(conv, pooled)`, `None` where a layer does not fit.
pub fn output_lengths(
    length: usize,
    kernel: usize,
    padding: Padding,
    pool: usize,
) -> Option<(usize, usize)> {
    let conv = padding.output_length(length, kernel)?;
    (pool >= 1 && conv >= pool).then(|| (conv, conv / pool))
}

/// The one-hot input of a sequence as the conv layer sees it.
///
/// # Shapes
/// → `[1, L, 4]`.
pub fn input_tensor(symbols: &[Symbol]) -> Array3<f32> {
    one_hot(symbols)
        .into_shape_with_order((1, symbols.len(), 4))
        .expect("[1, L, 4]")
}

/// The valid values of the CNN page's settings (form and URL).
pub mod ranges {
    use crate::bounds::Bounds;

    /// The filter's bias.
    pub const BIAS: Bounds<f64> = Bounds::new(-8.0, 2.0);
    /// The window shown (clamped again to the windows the sequence has).
    pub const WINDOW: Bounds<usize> = Bounds::new(0, 10_000);
    /// Shapes panel: sequence length L.
    pub const LENGTH: Bounds<usize> = Bounds::new(1, 1000);
    /// Shapes panel: kernel size K.
    pub const KERNEL: Bounds<usize> = Bounds::new(1, 50);
    /// Shapes panel: pool size P.
    pub const POOL: Bounds<usize> = Bounds::new(1, 50);
    /// Shapes panel: filters F.
    pub const FILTERS: Bounds<usize> = Bounds::new(1, 128);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bio::alphabet::parse_sequence;

    #[test]
    fn windows_add_up_to_the_engine_output() {
        let seq = parse_sequence("GATACAAGT").unwrap();
        let filter = motif_filter();
        assert_eq!(filter.dim(), (5, 4));
        // T at position 0 of the motif: log2(0.7 / 0.25).
        assert!((filter[[0, 3]] - (0.7f32 / 0.25).log2()).abs() < 1e-6);
        for padding in [Padding::Valid, Padding::Same] {
            let windows = slide(&seq, &filter, -1.0, padding);
            let expected = if padding == Padding::Valid { 5 } else { 9 };
            assert_eq!(windows.len(), expected);
            for w in &windows {
                let sum: f32 = w.terms.iter().sum::<f32>() - 1.0;
                assert!((sum - w.z).abs() < 1e-5, "{padding:?} {w:?}");
                assert_eq!(w.output, w.z.max(0.0));
            }
        }
        let valid = slide(&seq, &filter, 0.0, Padding::Valid);
        // TACAA starts at 2 (GA|TACAA|GT) and scores highest.
        let best = valid.iter().max_by(|a, b| a.z.total_cmp(&b.z)).unwrap();
        assert_eq!(best.start, 2);
        let same = slide(&seq, &filter, 0.0, Padding::Same);
        assert_eq!(same[0].start, -2);
        assert_eq!(same[0].symbols[..2], [None, None]);
        assert!(slide(&seq[..3], &filter, 0.0, Padding::Valid).is_empty());
        assert_eq!(input_tensor(&seq).dim(), (1, 9, 4));
    }

    #[test]
    fn the_lecture_shapes() {
        assert_eq!(output_lengths(20, 5, Padding::Valid, 4), Some((16, 4)));
        assert_eq!(output_lengths(20, 5, Padding::Same, 4), Some((20, 5)));
        assert_eq!(output_lengths(4, 5, Padding::Valid, 4), None);
        assert_eq!(output_lengths(6, 5, Padding::Valid, 4), None);
    }
}
