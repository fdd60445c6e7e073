//! One built layer of a [`crate::nn::Sequential`] model: the concrete layers behind one interface.

use super::activation::Activation;
use super::conv1d::Conv1d;
use super::dense::Dense;
use super::dropout::Dropout;
use super::flatten::Flatten;
use super::init::{SeededRng, seeded_rng};
use super::max_pool1d::MaxPool1d;
use super::param::Param;
use super::spec::LayerSpec;
use ndarray::ArrayD;

/// A standalone activation layer (Keras `Activation`).
#[derive(Clone, Debug)]
pub struct ActivationLayer {
    /// The function.
    pub activation: Activation,
    z: ArrayD<f32>,
    y: ArrayD<f32>,
}

/// A built layer.
#[derive(Clone, Debug)]
pub enum Layer {
    /// Convolution.
    Conv1d(Conv1d),
    /// Max pooling.
    MaxPool1d(MaxPool1d),
    /// Flatten.
    Flatten(Flatten),
    /// Fully connected.
    Dense(Dense),
    /// Activation.
    Activation(ActivationLayer),
    /// Dropout.
    Dropout(Dropout),
}

impl Layer {
    /// Builds the layer described by `spec` for inputs of shape `input` (without batch), drawing
    /// weights from `rng`; a dropout layer gets its own generator seeded from `rng`.
    ///
    /// # Panics
    /// If `input` does not suit the layer; [`crate::nn::spec::output_shape`] checks that first.
    pub fn build(spec: &LayerSpec, input: &[usize], rng: &mut SeededRng) -> Layer {
        match spec {
            LayerSpec::Conv1d(c) => Layer::Conv1d(Conv1d::new(c.clone(), input[1], rng)),
            LayerSpec::MaxPool1d(p) => Layer::MaxPool1d(MaxPool1d::new(p.clone())),
            LayerSpec::Flatten => Layer::Flatten(Flatten::new()),
            LayerSpec::Dense(d) => Layer::Dense(Dense::new(d.clone(), input[0], rng)),
            LayerSpec::Activation { activation } => Layer::Activation(ActivationLayer {
                activation: *activation,
                z: ArrayD::zeros(ndarray::IxDyn(&[0])),
                y: ArrayD::zeros(ndarray::IxDyn(&[0])),
            }),
            LayerSpec::Dropout(d) => {
                use rand::RngExt;
                Layer::Dropout(Dropout::new(d.clone(), seeded_rng(rng.random())))
            }
        }
    }

    /// Builds the layer described by `spec` with the weight tensors `weights` (kernel then bias, as
    /// [`Layer::params`] lists them; none for layers without parameters); a dropout layer's
    /// generator is seeded from `dropout_seed`.
    ///
    /// # Panics
    /// If the tensors do not fit; [`crate::nn::ModelSpec::facts`] gives the shapes to check first.
    pub fn with_weights(
        spec: &LayerSpec,
        mut weights: Vec<ArrayD<f32>>,
        dropout_seed: u64,
    ) -> Layer {
        let mut take = || {
            assert!(!weights.is_empty(), "{spec:?} needs a kernel and a bias");
            weights.remove(0)
        };
        match spec {
            LayerSpec::Conv1d(c) => {
                let (kernel, bias) = (take(), take());
                Layer::Conv1d(Conv1d::from_weights(c.clone(), kernel, bias))
            }
            LayerSpec::Dense(d) => {
                let (kernel, bias) = (take(), take());
                Layer::Dense(Dense::from_weights(d.clone(), kernel, bias))
            }
            LayerSpec::Dropout(d) => {
                Layer::Dropout(Dropout::new(d.clone(), seeded_rng(dropout_seed)))
            }
            other => Layer::build(other, &[1, 1], &mut seeded_rng(0)),
        }
    }

    /// Forward pass (`training` switches dropout on).
    pub fn forward(&mut self, input: &ArrayD<f32>, training: bool) -> ArrayD<f32> {
        match self {
            Layer::Conv1d(l) => l.forward(input),
            Layer::MaxPool1d(l) => l.forward(input),
            Layer::Flatten(l) => l.forward(input),
            Layer::Dense(l) => l.forward(input),
            Layer::Activation(l) => {
                let mut y = input.clone();
                l.activation.apply(&mut y);
                l.z = input.clone();
                l.y = y.clone();
                y
            }
            Layer::Dropout(l) => l.forward(input, training),
        }
    }

    /// Backward pass from d loss / d output.
    pub fn backward(&mut self, grad_output: &ArrayD<f32>) -> ArrayD<f32> {
        match self {
            Layer::Conv1d(l) => l.backward(grad_output),
            Layer::MaxPool1d(l) => l.backward(grad_output),
            Layer::Flatten(l) => l.backward(grad_output),
            Layer::Dense(l) => l.backward(grad_output),
            Layer::Activation(l) => {
                let mut grad = grad_output.clone();
                l.activation.backward(&mut grad, &l.z, &l.y);
                grad
            }
            Layer::Dropout(l) => l.backward(grad_output),
        }
    }

    /// Backward pass from d loss / d (the layer's pre-activation output): skips the activation.
    /// Layers without an activation take the ordinary backward pass.
    pub fn backward_preactivation(&mut self, grad_z: &ArrayD<f32>) -> ArrayD<f32> {
        match self {
            Layer::Conv1d(l) => l.backward_preactivation(grad_z),
            Layer::Dense(l) => l.backward_preactivation(grad_z),
            Layer::Activation(_) => grad_z.clone(),
            other => other.backward(grad_z),
        }
    }

    /// The backward pass that only fills the parameter gradients when `input_grad` is false (for
    /// the first layer with parameters: nothing before it needs a gradient). `preactivation`:
    /// `grad` is d loss / d z (see [`Layer::backward_preactivation`]).
    pub fn backward_with(
        &mut self,
        grad: &ArrayD<f32>,
        preactivation: bool,
        input_grad: bool,
    ) -> Option<ArrayD<f32>> {
        match (self, input_grad) {
            (Layer::Dense(l), false) if preactivation => l.backward_preactivation_with(grad, false),
            (Layer::Dense(l), false) => l.backward_with(grad, false),
            (Layer::Conv1d(l), false) if preactivation => {
                l.backward_preactivation_with(grad, false)
            }
            (Layer::Conv1d(l), false) => l.backward_with(grad, false),
            (layer, _) if preactivation => Some(layer.backward_preactivation(grad)),
            (layer, _) => Some(layer.backward(grad)),
        }
    }

    /// The activation applied last by this layer (linear if none).
    pub fn activation(&self) -> Activation {
        match self {
            Layer::Conv1d(l) => l.config.activation,
            Layer::Dense(l) => l.config.activation,
            Layer::Activation(l) => l.activation,
            _ => Activation::Linear,
        }
    }

    /// The pre-activation output of the last forward pass, for layers with an activation.
    pub fn preactivation(&self) -> Option<&ArrayD<f32>> {
        match self {
            Layer::Conv1d(l) => Some(l.preactivation()),
            Layer::Dense(l) => Some(l.preactivation()),
            Layer::Activation(l) => Some(&l.z),
            _ => None,
        }
    }

    /// The trainable parameters (kernel then bias; none for the other layers).
    pub fn params_mut(&mut self) -> Vec<&mut Param> {
        match self {
            Layer::Conv1d(l) => l.params_mut().into(),
            Layer::Dense(l) => l.params_mut().into(),
            _ => Vec::new(),
        }
    }

    /// The trainable parameters, read-only.
    pub fn params(&self) -> Vec<&Param> {
        match self {
            Layer::Conv1d(l) => vec![&l.kernel, &l.bias],
            Layer::Dense(l) => vec![&l.kernel, &l.bias],
            _ => Vec::new(),
        }
    }
}
