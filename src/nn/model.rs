//! `Sequential`: layers applied in order, built from a [`ModelSpec`] and a seed.
//!
//! Forward: `x → layer₁ → … → layerₙ → ŷ`. Backward: the loss gradient flows from the last layer to
//! the first, each layer turning d loss / d output into d loss / d input and filling its
//! parameters' gradients on the way (the chain rule, one layer at a time).

use super::activation::Activation;
use super::facts::{MODEL_LIMITS, SpecFacts};
use super::init::seeded_rng;
use super::layer::Layer;
use super::param::Param;
use super::spec::{ModelError, ModelSpec};
use super::summary::Summary;
use ndarray::{Array2, ArrayD, Axis, Ix2, IxDyn, Slice};

/// A built model with its weights.
#[derive(Clone, Debug)]
pub struct Sequential {
    spec: ModelSpec,
    layers: Vec<Layer>,
    /// Output shape (without batch) after every layer.
    shapes: Vec<Vec<usize>>,
}

impl Sequential {
    /// Builds `spec` with glorot-uniform kernels and zero biases drawn from `seed`. The
    /// description is checked first ([`ModelSpec::check`] with [`MODEL_LIMITS`]), so nothing is
    /// allocated for a model that cannot be built.
    ///
    /// # Errors
    /// The [`ModelError`] of the first layer that cannot follow its input, an overflowing size, or
    /// too many parameters.
    pub fn new(spec: ModelSpec, seed: u64) -> Result<Sequential, ModelError> {
        let facts = spec.check(&MODEL_LIMITS)?;
        let mut rng = seeded_rng(seed);
        let mut shape = spec.input_shape.clone();
        let mut layers = Vec::with_capacity(spec.layers.len());
        for (layer, facts) in spec.layers.iter().zip(&facts.layers) {
            layers.push(Layer::build(layer, &shape, &mut rng));
            shape = facts.output_shape.clone();
        }
        Ok(Sequential::assemble(spec, layers, facts))
    }

    /// A model from its checked description and its built layers.
    pub(crate) fn assemble(spec: ModelSpec, layers: Vec<Layer>, facts: SpecFacts) -> Sequential {
        Sequential {
            spec,
            layers,
            shapes: facts.layers.into_iter().map(|l| l.output_shape).collect(),
        }
    }

    /// The description it was built from.
    pub fn spec(&self) -> &ModelSpec {
        &self.spec
    }

    /// The built layers.
    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// One sample's output shape (without batch).
    pub fn output_shape(&self) -> &[usize] {
        self.shapes.last().map_or(&[], Vec::as_slice)
    }

    /// The activation of the output layer (what turns logits into predictions).
    pub fn output_activation(&self) -> Activation {
        self.layers
            .last()
            .map_or(Activation::Linear, Layer::activation)
    }

    /// Runs every layer; `training` switches dropout on. Keeps what backward needs.
    ///
    /// # Shapes
    /// `input: [B, …input_shape]` → `[B, …output_shape]`.
    ///
    /// # Panics
    /// If `input`'s shape (after the batch axis) differs from the model's input shape.
    pub fn forward(&mut self, input: &ArrayD<f32>, training: bool) -> ArrayD<f32> {
        assert_eq!(
            &input.shape()[1..],
            self.spec.input_shape.as_slice(),
            "the model takes samples of shape {:?}, got a batch of shape {:?}",
            self.spec.input_shape,
            input.shape()
        );
        let mut activations = input.clone();
        for layer in &mut self.layers {
            activations = layer.forward(&activations, training);
        }
        activations
    }

    /// The output of the first `count` layers in inference mode (for example the first
    /// convolution's activations, to see what its filters respond to).
    ///
    /// # Shapes
    /// `input: [B, …input_shape]` → `[B, …shape after layer count]`.
    ///
    /// # Panics
    /// As [`Sequential::forward`]; or if `count` exceeds the number of layers.
    pub fn forward_prefix(&mut self, input: &ArrayD<f32>, count: usize) -> ArrayD<f32> {
        assert!(
            count <= self.layers.len(),
            "the model has {} layers, not {count}",
            self.layers.len()
        );
        assert_eq!(
            &input.shape()[1..],
            self.spec.input_shape.as_slice(),
            "the model takes samples of shape {:?}",
            self.spec.input_shape
        );
        let mut activations = input.clone();
        for layer in &mut self.layers[..count] {
            activations = layer.forward(&activations, false);
        }
        activations
    }

    /// The output layer's pre-activation values (logits) of the last forward pass, if it has an
    /// activation.
    pub fn logits(&self) -> Option<&ArrayD<f32>> {
        self.layers.last().and_then(Layer::preactivation)
    }

    /// Backpropagates `grad` through every layer, filling the parameter gradients. With
    /// `from_logits`, `grad` is d loss / d (output logits) and the output activation is skipped.
    ///
    /// # Shapes
    /// `grad: [B, …output_shape]` → d loss / d input `[B, …input_shape]`.
    pub fn backward(&mut self, grad: &ArrayD<f32>, from_logits: bool) -> ArrayD<f32> {
        let mut layers = self.layers.iter_mut().rev();
        let Some(last) = layers.next() else {
            return grad.clone();
        };
        let mut grad = if from_logits {
            last.backward_preactivation(grad)
        } else {
            last.backward(grad)
        };
        for layer in layers {
            grad = layer.backward(&grad);
        }
        grad
    }

    /// The backward pass of training: fills every parameter gradient and stops at the first layer
    /// with parameters (no input gradient is made that nothing reads).
    pub fn backward_params(&mut self, grad: &ArrayD<f32>, from_logits: bool) {
        let Some(first) = self.layers.iter().position(|l| !l.params().is_empty()) else {
            return;
        };
        let last = self.layers.len() - 1;
        let mut grad = grad.clone();
        for (i, layer) in self.layers.iter_mut().enumerate().rev() {
            if i < first {
                break;
            }
            match layer.backward_with(&grad, from_logits && i == last, i != first) {
                Some(next) => grad = next,
                None => break,
            }
        }
    }

    /// Every trainable parameter, first layer first (kernel, then bias).
    pub fn params_mut(&mut self) -> Vec<&mut Param> {
        self.layers.iter_mut().flat_map(Layer::params_mut).collect()
    }

    /// Every trainable parameter, read-only.
    pub fn params(&self) -> Vec<&Param> {
        self.layers.iter().flat_map(Layer::params).collect()
    }

    /// The number of trainable scalars.
    pub fn param_count(&self) -> usize {
        self.params().iter().map(|p| p.len()).sum()
    }

    /// Predictions in inference mode, `batch_size` rows at a time.
    ///
    /// # Shapes
    /// `input: [N, …input_shape]` → `[N, K]` for a model whose output is `[K]`.
    pub fn predict(&mut self, input: &ArrayD<f32>, batch_size: usize) -> Array2<f32> {
        let n = input.shape()[0];
        let k = self.output_shape().iter().product();
        let mut out = Array2::zeros((n, k));
        let mut start = 0;
        while start < n {
            let end = (start + batch_size.max(1)).min(n);
            let batch = input
                .slice_axis(Axis(0), Slice::from(start..end))
                .to_owned();
            let y = self.forward(&batch, false);
            let y = y
                .into_shape_with_order(IxDyn(&[end - start, k]))
                .expect("[B, K]");
            out.slice_mut(ndarray::s![start..end, ..])
                .assign(&y.into_dimensionality::<Ix2>().expect("2-D"));
            start = end;
        }
        out
    }

    /// Keras's `model.summary()`: one row per layer with its output shape and parameter count.
    pub fn summary(&self) -> Summary {
        self.spec
            .summary()
            .expect("a built model's description was checked")
    }
}
