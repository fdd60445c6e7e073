//! 1-D convolution over a sequence, as Keras `Conv1D` (stride 1): cross-correlation, no kernel flip,
//!
//! `z[b, t, f] = bias[f] + Σ_i Σ_c xpad[b, t + i, c] · kernel[i, c, f]`, then `y = activation(z)`.
//!
//! A filter is a learnable `K × C` matrix slid along the sequence: on one-hot DNA it is a PWM whose
//! entries the network learns. `valid` padding gives `L − K + 1` positions; `same` pads
//! `(K − 1) / 2` zeros on the left and the rest on the right (Keras puts the odd zero on the right)
//! and keeps `L`.
//!
//! Implementation: im2col. Every window becomes one row of a `[B·L_out, K·C]` matrix, so the whole
//! convolution is one matrix product with the kernel seen as `[K·C, F]`:
//! - forward: `Z = cols · W + bias`
//! - backward: `dW = colsᵀ · dZ`, `dbias = Σ_rows dZ`, `dcols = dZ · Wᵀ`, then `dcols` is scattered
//!   back onto the input positions (col2im).

use super::activation::Activation;
use super::init::{SeededRng, glorot_uniform};
use super::param::Param;
use ndarray::linalg::general_mat_mul;
use ndarray::{Array2, ArrayD, ArrayView3, Axis, Ix3, IxDyn};
use serde::{Deserialize, Serialize};

/// How the sequence ends are handled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Padding {
    /// No padding: only windows that fit, `L − K + 1` outputs (Keras's default).
    #[default]
    Valid,
    /// Zero padding so that the output keeps length `L`.
    Same,
}

crate::choice!(Padding {
    Valid => "valid",
    Same => "same",
});

impl Padding {
    /// Output length for input length `length` and kernel size `kernel`; `None` if no window fits.
    pub fn output_length(self, length: usize, kernel: usize) -> Option<usize> {
        match self {
            Padding::Valid => (length >= kernel).then(|| length - kernel + 1),
            Padding::Same => Some(length),
        }
    }

    /// Zeros added before the first position: `(K − 1) / 2` for `same`, 0 for `valid`.
    pub fn left(self, kernel: usize) -> usize {
        match self {
            Padding::Valid => 0,
            Padding::Same => (kernel - 1) / 2,
        }
    }
}

/// The settings of a [`Conv1d`] layer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conv1dConfig {
    /// Number of filters `F` (output channels).
    pub filters: usize,
    /// Window length `K`.
    pub kernel_size: usize,
    /// `valid` (default) or `same`.
    #[serde(default)]
    pub padding: Padding,
    /// Applied to the output (default `linear`).
    #[serde(default)]
    pub activation: Activation,
}

/// What the forward pass keeps for the backward pass.
#[derive(Clone, Debug, Default)]
struct Cache {
    input_shape: (usize, usize, usize),
    cols: Array2<f32>,
    z: ArrayD<f32>,
    y: ArrayD<f32>,
}

/// A Keras-style `Conv1D` layer with a fused activation.
#[derive(Clone, Debug)]
pub struct Conv1d {
    /// The settings.
    pub config: Conv1dConfig,
    /// Input channels `C`.
    pub in_channels: usize,
    /// `[K, C, F]`.
    pub kernel: Param,
    /// `[F]`.
    pub bias: Param,
    cache: Cache,
}

impl Conv1d {
    /// A layer for `in_channels` input channels, glorot-uniform kernel and zero bias.
    pub fn new(config: Conv1dConfig, in_channels: usize, rng: &mut SeededRng) -> Conv1d {
        let (k, f) = (config.kernel_size, config.filters);
        let kernel = glorot_uniform(&[k, in_channels, f], k * in_channels, k * f, rng);
        Conv1d::from_weights(config, kernel, ArrayD::zeros(IxDyn(&[f])))
    }

    /// A layer with given weights (a saved model's), no random draw.
    ///
    /// # Shapes
    /// `kernel: [K, C, F]`, `bias: [F]`.
    ///
    /// # Panics
    /// If the shapes disagree with `config` ([`crate::nn::ModelSpec::facts`] names them first).
    pub fn from_weights(config: Conv1dConfig, kernel: ArrayD<f32>, bias: ArrayD<f32>) -> Conv1d {
        let shape = kernel.shape().to_vec();
        assert!(
            shape.len() == 3
                && shape[0] == config.kernel_size
                && shape[2] == config.filters
                && bias.shape() == [config.filters],
            "conv1d weights of shape {shape:?} and {:?} do not fit {config:?}",
            bias.shape()
        );
        Conv1d {
            in_channels: shape[1],
            kernel: Param::new("kernel", kernel),
            bias: Param::new("bias", bias),
            config,
            cache: Cache::default(),
        }
    }

    /// The kernel as a `[K·C, F]` matrix (a view of the same numbers).
    fn kernel_matrix(&self) -> ndarray::ArrayView2<'_, f32> {
        let (k, c, f) = (
            self.config.kernel_size,
            self.in_channels,
            self.config.filters,
        );
        self.kernel
            .value
            .view()
            .into_shape_with_order((k * c, f))
            .expect("kernel is [K, C, F]")
    }

    /// Forward pass; keeps what [`Conv1d::backward`] needs.
    ///
    /// # Shapes
    /// `input: [B, L, C]` → `[B, L_out, F]`.
    ///
    /// # Panics
    /// If the input is not rank 3 with `C` channels, or (valid padding) shorter than the kernel.
    pub fn forward(&mut self, input: &ArrayD<f32>) -> ArrayD<f32> {
        let x = input
            .view()
            .into_dimensionality::<Ix3>()
            .unwrap_or_else(|_| {
                panic!(
                    "Conv1d expects input [batch, length, channels], got shape {:?}",
                    input.shape()
                )
            });
        let (b, l, c) = x.dim();
        assert_eq!(
            c, self.in_channels,
            "Conv1d built for {} channels got {c}",
            self.in_channels
        );
        let (k, f) = (self.config.kernel_size, self.config.filters);
        let l_out = self.config.padding.output_length(l, k).unwrap_or_else(|| {
            panic!("Conv1d with kernel {k} and valid padding needs length ≥ {k}, got {l}")
        });
        im2col(
            &x,
            k,
            self.config.padding.left(k),
            l_out,
            &mut self.cache.cols,
        );
        // [B·L_out, K·C] · [K·C, F] → [B·L_out, F], starting from the bias in every row.
        let mut z = Array2::from_shape_fn((b * l_out, f), |(_, j)| self.bias.value[[j]]);
        general_mat_mul(1.0, &self.cache.cols, &self.kernel_matrix(), 1.0, &mut z);
        let z = z
            .into_shape_with_order(IxDyn(&[b, l_out, f]))
            .expect("B·L_out·F values");
        let mut y = z.clone();
        self.config.activation.apply(&mut y);
        self.cache.input_shape = (b, l, c);
        self.cache.z = z;
        self.cache.y = y.clone();
        y
    }

    /// The pre-activation output `z` of the last forward pass (the logits of an output layer).
    pub fn preactivation(&self) -> &ArrayD<f32> {
        &self.cache.z
    }

    /// Backward pass from d loss / d output; fills the parameter gradients.
    ///
    /// # Shapes
    /// `grad_output: [B, L_out, F]` → d loss / d input `[B, L, C]`.
    pub fn backward(&mut self, grad_output: &ArrayD<f32>) -> ArrayD<f32> {
        self.backward_with(grad_output, true)
            .expect("the input gradient was asked for")
    }

    /// The backward pass from d loss / d output, with the input gradient only if `input_grad`.
    pub fn backward_with(
        &mut self,
        grad_output: &ArrayD<f32>,
        input_grad: bool,
    ) -> Option<ArrayD<f32>> {
        let mut grad_z = grad_output.clone();
        self.config
            .activation
            .backward(&mut grad_z, &self.cache.z, &self.cache.y);
        self.backward_preactivation_with(&grad_z, input_grad)
    }

    /// Backward pass from d loss / d z (the activation already accounted for).
    ///
    /// # Shapes
    /// `grad_z: [B, L_out, F]` → `[B, L, C]`.
    pub fn backward_preactivation(&mut self, grad_z: &ArrayD<f32>) -> ArrayD<f32> {
        self.backward_preactivation_with(grad_z, true)
            .expect("the input gradient was asked for")
    }

    /// [`Conv1d::backward_preactivation`], with the input gradient only if `input_grad` (the
    /// first layer's is never used: no `dcols` product, no `col2im`).
    ///
    /// # Shapes
    /// `grad_z: [B, L_out, F]` → `[B, L, C]`.
    pub fn backward_preactivation_with(
        &mut self,
        grad_z: &ArrayD<f32>,
        input_grad: bool,
    ) -> Option<ArrayD<f32>> {
        let (b, l, c) = self.cache.input_shape;
        let (k, f) = (self.config.kernel_size, self.config.filters);
        let rows = self.cache.cols.nrows();
        let grad_z = grad_z
            .view()
            .into_shape_with_order((rows, f))
            .expect("grad is [B, L_out, F]");
        // dW: [K·C, B·L_out] · [B·L_out, F] → [K·C, F]
        let mut grad_w = Array2::zeros((k * c, f));
        general_mat_mul(1.0, &self.cache.cols.t(), &grad_z, 0.0, &mut grad_w);
        self.kernel.grad = grad_w
            .into_shape_with_order(IxDyn(&[k, c, f]))
            .expect("K·C·F values");
        self.bias.grad = grad_z.sum_axis(Axis(0)).into_dyn();
        if !input_grad {
            return None;
        }
        // dcols: [B·L_out, F] · [F, K·C] → [B·L_out, K·C]
        let mut grad_cols = Array2::zeros((rows, k * c));
        general_mat_mul(1.0, &grad_z, &self.kernel_matrix().t(), 0.0, &mut grad_cols);
        Some(col2im(&grad_cols, (b, l, c), k, self.config.padding.left(k)).into_dyn())
    }

    /// The trainable parameters: kernel, then bias.
    pub fn params_mut(&mut self) -> [&mut Param; 2] {
        [&mut self.kernel, &mut self.bias]
    }
}

/// Copies every window of `x` (zero-padded by `left` on the left) into the rows of `cols`.
///
/// # Shapes
/// `x: [B, L, C]` → `cols: [B·L_out, K·C]`, `cols[b·L_out + t, i·C + c] = x[b, t + i − left, c]`
/// (0 outside the sequence).
pub fn im2col(x: &ArrayView3<f32>, k: usize, left: usize, l_out: usize, cols: &mut Array2<f32>) {
    let (b, l, c) = x.dim();
    if cols.dim() != (b * l_out, k * c) {
        *cols = Array2::zeros((b * l_out, k * c));
    }
    for batch in 0..b {
        for t in 0..l_out {
            let mut row = cols.row_mut(batch * l_out + t);
            for i in 0..k {
                let source = (t + i).checked_sub(left).filter(|&p| p < l);
                for ch in 0..c {
                    row[i * c + ch] = source.map_or(0.0, |p| x[[batch, p, ch]]);
                }
            }
        }
    }
}

/// Adds every row of `grad_cols` back onto the input positions its window covered (inverse of
/// [`im2col`]).
///
/// # Shapes
/// `grad_cols: [B·L_out, K·C]` → `[B, L, C]`.
pub fn col2im(
    grad_cols: &Array2<f32>,
    (b, l, c): (usize, usize, usize),
    k: usize,
    left: usize,
) -> ndarray::Array3<f32> {
    let l_out = grad_cols.nrows() / b;
    let mut grad = ndarray::Array3::zeros((b, l, c));
    for batch in 0..b {
        for t in 0..l_out {
            let row = grad_cols.row(batch * l_out + t);
            for i in 0..k {
                if let Some(p) = (t + i).checked_sub(left).filter(|&p| p < l) {
                    for ch in 0..c {
                        grad[[batch, p, ch]] += row[i * c + ch];
                    }
                }
            }
        }
    }
    grad
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::init::seeded_rng;
    use ndarray::Array3;

    /// The definition, loop by loop: the reference the im2col version must equal.
    fn naive(
        x: &Array3<f32>,
        kernel: &ArrayD<f32>,
        bias: &ArrayD<f32>,
        padding: Padding,
    ) -> Array3<f32> {
        let (b, l, c) = x.dim();
        let (k, f) = (kernel.shape()[0], kernel.shape()[2]);
        let left = padding.left(k) as isize;
        let l_out = padding.output_length(l, k).unwrap();
        Array3::from_shape_fn((b, l_out, f), |(n, t, o)| {
            let mut sum = bias[[o]];
            for i in 0..k {
                let p = t as isize + i as isize - left;
                if p >= 0 && (p as usize) < l {
                    for ch in 0..c {
                        sum += x[[n, p as usize, ch]] * kernel[[i, ch, o]];
                    }
                }
            }
            sum
        })
    }

    #[test]
    fn im2col_equals_the_naive_definition_for_both_paddings_and_even_kernels() {
        let mut rng = seeded_rng(3);
        let x = glorot_uniform(&[2, 9, 4], 1, 1, &mut rng)
            .into_dimensionality::<Ix3>()
            .unwrap();
        for (k, padding) in [
            (5, Padding::Same),
            (5, Padding::Valid),
            (8, Padding::Same),
            (1, Padding::Valid),
        ] {
            let config = Conv1dConfig {
                filters: 3,
                kernel_size: k,
                padding,
                activation: Activation::Linear,
            };
            let mut conv = Conv1d::new(config, 4, &mut rng);
            conv.bias.value = glorot_uniform(&[3], 1, 1, &mut rng);
            let fast = conv.forward(&x.clone().into_dyn());
            let slow = naive(&x, &conv.kernel.value, &conv.bias.value, padding);
            assert_eq!(fast.shape(), slow.shape());
            for (a, b) in fast.iter().zip(slow.iter()) {
                assert!((a - b).abs() < 1e-6, "{a} vs {b} (k {k}, {padding:?})");
            }
        }
    }

    #[test]
    fn same_padding_puts_the_odd_zero_on_the_right() {
        assert_eq!(Padding::Same.left(8), 3);
        assert_eq!(Padding::Same.left(5), 2);
        assert_eq!(Padding::Valid.output_length(20, 5), Some(16));
        assert_eq!(Padding::Valid.output_length(4, 5), None);
    }

    #[test]
    #[should_panic(expected = "Conv1d expects input [batch, length, channels], got shape [2, 3]")]
    fn wrong_rank_panics_with_the_shape() {
        let config = Conv1dConfig {
            filters: 1,
            kernel_size: 1,
            padding: Padding::Valid,
            activation: Activation::Linear,
        };
        Conv1d::new(config, 3, &mut seeded_rng(0)).forward(&ArrayD::zeros(IxDyn(&[2, 3])));
    }
}
