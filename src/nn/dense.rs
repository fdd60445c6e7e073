//! Fully connected layer, as Keras `Dense`: `z = x · W + b`, `y = activation(z)`.
//!
//! Backward: `dW = xᵀ · dz`, `db = Σ_rows dz`, `dx = dz · Wᵀ`.

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
    input: Array2<f32>,
    z: ArrayD<f32>,
    y: ArrayD<f32>,
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
            input: Array2::zeros((0, 0)),
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
        general_mat_mul(1.0, &x, &self.kernel_matrix(), 1.0, &mut z);
        let z = z.into_dyn();
        let mut y = z.clone();
        self.config.activation.apply(&mut y);
        self.input = x.to_owned();
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
        let mut grad_z = grad_output.clone();
        self.config
            .activation
            .backward(&mut grad_z, &self.z, &self.y);
        self.backward_preactivation(&grad_z)
    }

    /// Backward pass from d loss / d z.
    ///
    /// # Shapes
    /// `grad_z: [B, units]` → `[B, in]`.
    pub fn backward_preactivation(&mut self, grad_z: &ArrayD<f32>) -> ArrayD<f32> {
        let grad_z = grad_z
            .view()
            .into_dimensionality::<Ix2>()
            .expect("grad is [B, units]");
        // dW: [in, B] · [B, units] → [in, units]
        let mut grad_w = Array2::zeros((self.input.ncols(), self.config.units));
        general_mat_mul(1.0, &self.input.t(), &grad_z, 0.0, &mut grad_w);
        self.kernel.grad = grad_w.into_dyn();
        self.bias.grad = grad_z.sum_axis(Axis(0)).into_dyn();
        // dx: [B, units] · [units, in] → [B, in]
        let mut grad_x = Array2::zeros(self.input.raw_dim());
        general_mat_mul(1.0, &grad_z, &self.kernel_matrix().t(), 0.0, &mut grad_x);
        grad_x.into_dyn()
    }

    /// The trainable parameters: kernel, then bias.
    pub fn params_mut(&mut self) -> [&mut Param; 2] {
        [&mut self.kernel, &mut self.bias]
    }
}
