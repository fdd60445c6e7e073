//! Fully connected layer, as Keras `Dense`: `z = x · W + b`, `y = activation(z)`.
//!
//! Backward: `dW = xᵀ · dz`, `db = Σ_rows dz`, `dx = dz · Wᵀ`.
//!
//! A mostly-zero input (a flattened one-hot protein: 237 ones among 4,977 columns) takes a sparse
//! path: `z = b + Σ_{x_c ≠ 0} x_c · W[c, :]` and `dW[c, :] += x_c · dz` only for its non-zero
//! entries — the same sums without the zero terms, about 20 times fewer multiply-adds.

use super::activation::Activation;
use super::init::{SeededRng, glorot_uniform};
use super::param::Param;
use ndarray::linalg::general_mat_mul;
use ndarray::{Array2, ArrayD, Axis, Ix2};
use serde::{Deserialize, Serialize};

/// The settings of a [`Dense`] layer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DenseConfig {
    /// Number of outputs.
    pub units: usize,
    /// Applied to the output (default `linear`).
    #[serde(default)]
    pub activation: Activation,
}

/// A Keras-style `Dense` layer with a fused activation.
#[derive(Clone, Debug)]
pub struct Dense {
    /// The settings.
    pub config: DenseConfig,
    /// `[in, units]`.
    pub kernel: Param,
    /// `[units]`.
    pub bias: Param,
    input: Input,
    z: ArrayD<f32>,
    y: ArrayD<f32>,
}

/// Inputs with at most one non-zero entry in this many take the sparse path.
pub const SPARSE_BELOW: usize = 8;

/// The last forward pass's input: dense, or only its non-zero entries.
#[derive(Clone, Debug)]
enum Input {
    Dense(Array2<f32>),
    Sparse(SparseRows),
}

/// The non-zero entries of a `[B, in]` input, row by row.
#[derive(Clone, Debug)]
struct SparseRows {
    /// `B`.
    rows: usize,
    /// Row `r`'s entries are `entries[offsets[r]..offsets[r + 1]]`.
    offsets: Vec<usize>,
    /// (column, value) of every non-zero entry.
    entries: Vec<(u32, f32)>,
}

impl SparseRows {
    /// Row `r`'s (column, value) entries.
    fn row(&self, r: usize) -> &[(u32, f32)] {
        &self.entries[self.offsets[r]..self.offsets[r + 1]]
    }
}

/// `x`'s non-zero entries row by row, or `None` when it is not sparse enough (or too narrow) to
/// gain from skipping zeros.
fn sparse_entries(x: &ndarray::ArrayView2<'_, f32>) -> Option<SparseRows> {
    let (rows, cols) = x.dim();
    if cols < 64 || u32::try_from(cols).is_err() {
        return None;
    }
    let non_zero = x.iter().filter(|v| **v != 0.0).count();
    if non_zero * SPARSE_BELOW > rows * cols {
        return None;
    }
    let mut offsets = Vec::with_capacity(rows + 1);
    let mut entries = Vec::with_capacity(non_zero);
    offsets.push(0);
    for row in x.rows() {
        for (c, &v) in row.iter().enumerate() {
            if v != 0.0 {
                entries.push((c as u32, v));
            }
        }
        offsets.push(entries.len());
    }
    Some(SparseRows {
        rows,
        offsets,
        entries,
    })
}

impl Dense {
    /// A layer for `inputs` input features, glorot-uniform kernel and zero bias.
    pub fn new(config: DenseConfig, inputs: usize, rng: &mut SeededRng) -> Dense {
        let units = config.units;
        let kernel = glorot_uniform(&[inputs, units], inputs, units, rng);
        Dense::from_weights(config, kernel, ArrayD::zeros(ndarray::IxDyn(&[units])))
    }

    /// A layer with given weights (a saved model's), no random draw.
    ///
    /// # Shapes
    /// `kernel: [in, units]`, `bias: [units]`.
    ///
    /// # Panics
    /// If the shapes disagree with `config` ([`crate::nn::ModelSpec::facts`] names them first).
    pub fn from_weights(config: DenseConfig, kernel: ArrayD<f32>, bias: ArrayD<f32>) -> Dense {
        assert!(
            kernel.ndim() == 2
                && kernel.shape()[1] == config.units
                && bias.shape() == [config.units],
            "dense weights of shape {:?} and {:?} do not fit {config:?}",
            kernel.shape(),
            bias.shape()
        );
        Dense {
            kernel: Param::new("kernel", kernel),
            bias: Param::new("bias", bias),
            config,
            input: Input::Dense(Array2::zeros((0, 0))),
            z: ArrayD::zeros(ndarray::IxDyn(&[0])),
            y: ArrayD::zeros(ndarray::IxDyn(&[0])),
        }
    }

    fn kernel_matrix(&self) -> ndarray::ArrayView2<'_, f32> {
        self.kernel
            .value
            .view()
            .into_dimensionality::<Ix2>()
            .expect("kernel is [in, units]")
    }

    /// Forward pass.
    ///
    /// # Shapes
    /// `input: [B, in]` → `[B, units]`.
    ///
    /// # Panics
    /// If the input is not `[B, in]`.
    pub fn forward(&mut self, input: &ArrayD<f32>) -> ArrayD<f32> {
        let x = input
            .view()
            .into_dimensionality::<Ix2>()
            .unwrap_or_else(|_| {
                panic!(
                    "Dense expects input [batch, features], got shape {:?} (add a Flatten)",
                    input.shape()
                )
            });
        let inputs = self.kernel.value.shape()[0];
        assert_eq!(
            x.ncols(),
            inputs,
            "Dense built for {inputs} inputs got {}",
            x.ncols()
        );
        // [B, in] · [in, units] → [B, units], starting from the bias in every row.
        let mut z = Array2::from_shape_fn((x.nrows(), self.config.units), |(_, j)| {
            self.bias.value[[j]]
        });
        match sparse_entries(&x) {
            Some(sparse) => {
                let kernel = self.kernel_matrix();
                for (r, mut out) in z.rows_mut().into_iter().enumerate() {
                    for &(c, v) in sparse.row(r) {
                        out.scaled_add(v, &kernel.row(c as usize));
                    }
                }
                self.input = Input::Sparse(sparse);
            }
            None => {
                general_mat_mul(1.0, &x, &self.kernel_matrix(), 1.0, &mut z);
                self.input = Input::Dense(x.to_owned());
            }
        }
        let z = z.into_dyn();
        let mut y = z.clone();
        self.config.activation.apply(&mut y);
        self.z = z;
        self.y = y.clone();
        y
    }

    /// The pre-activation output `z` of the last forward pass (the logits of an output layer).
    pub fn preactivation(&self) -> &ArrayD<f32> {
        &self.z
    }

    /// Backward pass from d loss / d output; fills the parameter gradients.
    ///
    /// # Shapes
    /// `grad_output: [B, units]` → `[B, in]`.
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
            .backward(&mut grad_z, &self.z, &self.y);
        self.backward_preactivation_with(&grad_z, input_grad)
    }

    /// Backward pass from d loss / d z.
    ///
    /// # Shapes
    /// `grad_z: [B, units]` → `[B, in]`.
    pub fn backward_preactivation(&mut self, grad_z: &ArrayD<f32>) -> ArrayD<f32> {
        self.backward_preactivation_with(grad_z, true)
            .expect("the input gradient was asked for")
    }

    /// [`Dense::backward_preactivation`], with the input gradient only if `input_grad` (the first
    /// layer's is never used, and costs as much as the weight gradient).
    ///
    /// # Shapes
    /// `grad_z: [B, units]` → `[B, in]`.
    pub fn backward_preactivation_with(
        &mut self,
        grad_z: &ArrayD<f32>,
        input_grad: bool,
    ) -> Option<ArrayD<f32>> {
        let grad_z = grad_z
            .view()
            .into_dimensionality::<Ix2>()
            .expect("grad is [B, units]");
        let inputs = self.kernel.value.shape()[0];
        // dW: [in, B] · [B, units] → [in, units]
        let mut grad_w = Array2::zeros((inputs, self.config.units));
        let rows = match &self.input {
            Input::Dense(x) => {
                general_mat_mul(1.0, &x.t(), &grad_z, 0.0, &mut grad_w);
                x.nrows()
            }
            Input::Sparse(sparse) => {
                for (r, dz) in grad_z.rows().into_iter().enumerate() {
                    for &(c, v) in sparse.row(r) {
                        grad_w.row_mut(c as usize).scaled_add(v, &dz);
                    }
                }
                sparse.rows
            }
        };
        self.kernel.grad = grad_w.into_dyn();
        self.bias.grad = grad_z.sum_axis(Axis(0)).into_dyn();
        // dx: [B, units] · [units, in] → [B, in]
        input_grad.then(|| {
            let mut grad_x = Array2::zeros((rows, inputs));
            general_mat_mul(1.0, &grad_z, &self.kernel_matrix().t(), 0.0, &mut grad_x);
            grad_x.into_dyn()
        })
    }

    /// The trainable parameters: kernel, then bias.
    pub fn params_mut(&mut self) -> [&mut Param; 2] {
        [&mut self.kernel, &mut self.bias]
    }
}
