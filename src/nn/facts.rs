//! What a [`ModelSpec`] implies, computed from the description alone with checked arithmetic and
//! no weights: every layer's output shape, its weight tensors' shapes, parameter count and
//! multiply-adds per sample, and the memory a training step needs. This is what the summary, the
//! parameter counts on the pages, and the checks before building or importing a model use — no
//! model is ever built just to be counted, and no size is allocated before it is known to fit.
//!
//! - Conv1D `(K, C → F)`: kernel `[K, C, F]`, bias `[F]`, `K·C·F + F` parameters, `L_out·K·C·F`
//!   multiply-adds.
//! - Dense `(in → units)`: kernel `[in, units]`, bias `[units]`, `in·units + units` parameters.
//! - Pooling, Flatten, Activation, Dropout: no parameters.

use super::spec::{LayerSpec, ModelError, ModelSpec, output_shape};
use super::summary::{Summary, SummaryRow};

/// How large a model the browser builds and trains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModelLimits {
    /// Most trainable parameters.
    pub max_params: usize,
    /// Most bytes a training step may need (weights, gradients, Adam's moments and one batch's
    /// activations).
    pub max_training_bytes: usize,
}

/// The limits every lab states on its page: 5 million parameters and 768 MB for a training step.
pub const MODEL_LIMITS: ModelLimits = ModelLimits {
    max_params: 5_000_000,
    max_training_bytes: 768 * 1024 * 1024,
};

impl ModelLimits {
    /// The limits as the pages state them, in `lang`.
    pub fn describe(&self, lang: crate::lang::Lang) -> String {
        let (params, mb) = (
            super::spec::grouped(self.max_params),
            self.max_training_bytes / (1024 * 1024),
        );
        lang.pick(
            format!("브라우저에서는 매개변수 {params}개, 학습 한 단계에 메모리 {mb} MB까지의 모델을 만듭니다 (모델 파일은 100 MB까지)."),
            format!("The browser builds models of up to {params} parameters and {mb} MB of memory per training step (model files up to 100 MB)."),
        )
    }
}

impl Default for ModelLimits {
    fn default() -> ModelLimits {
        MODEL_LIMITS
    }
}

/// One layer's facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayerFacts {
    /// Output shape without the batch axis.
    pub output_shape: Vec<usize>,
    /// Shapes of its weight tensors, in [`crate::nn::Sequential::params`] order (kernel, bias).
    pub weight_shapes: Vec<Vec<usize>>,
    /// Trainable parameters.
    pub params: usize,
    /// Multiply-adds of one sample's forward pass.
    pub macs: usize,
    /// Floats one sample keeps for training in this layer (outputs, their gradient, im2col rows).
    pub training_floats: usize,
}

/// Everything a [`ModelSpec`] implies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecFacts {
    /// One entry per layer.
    pub layers: Vec<LayerFacts>,
    /// Total trainable parameters.
    pub params: usize,
}

fn product(dims: &[usize], layer: usize) -> Result<usize, ModelError> {
    dims.iter()
        .try_fold(1usize, |a, &d| a.checked_mul(d))
        .ok_or(ModelError::Overflow { layer })
}

/// `a · b + c`, or [`ModelError::Overflow`].
fn mul_add(a: usize, b: usize, c: usize, layer: usize) -> Result<usize, ModelError> {
    a.checked_mul(b)
        .and_then(|x| x.checked_add(c))
        .ok_or(ModelError::Overflow { layer })
}

impl ModelSpec {
    /// The facts of every layer, with checked arithmetic (no limits applied).
    ///
    /// # Errors
    /// The [`ModelError`] of the first layer that cannot follow its input, or
    /// [`ModelError::Overflow`] when a size does not fit in a machine word.
    pub fn facts(&self) -> Result<SpecFacts, ModelError> {
        if self.input_shape.is_empty() || self.input_shape.contains(&0) {
            return Err(ModelError::BadInputShape(self.input_shape.clone()));
        }
        if self.layers.is_empty() {
            return Err(ModelError::NoLayers);
        }
        let mut shape = self.input_shape.clone();
        product(&shape, 0)?;
        let mut layers = Vec::with_capacity(self.layers.len());
        let mut params = 0usize;
        for (i, layer) in self.layers.iter().enumerate() {
            let index = i + 1;
            let out = output_shape(layer, index, &shape)?;
            let out_size = product(&out, index)?;
            let (weight_shapes, layer_params, macs, extra) = match layer {
                LayerSpec::Conv1d(c) => {
                    let (channels, length_out) = (shape[1], out[0]);
                    let window = c
                        .kernel_size
                        .checked_mul(channels)
                        .ok_or(ModelError::Overflow { layer: index })?;
                    let p = mul_add(window, c.filters, c.filters, index)?;
                    let macs = mul_add(length_out, window, 0, index)?
                        .checked_mul(c.filters)
                        .ok_or(ModelError::Overflow { layer: index })?;
                    // im2col rows and their gradient: 2 · L_out · K · C.
                    let cols = mul_add(length_out, window, 0, index)?
                        .checked_mul(2)
                        .ok_or(ModelError::Overflow { layer: index })?;
                    (
                        vec![vec![c.kernel_size, channels, c.filters], vec![c.filters]],
                        p,
                        macs,
                        cols,
                    )
                }
                LayerSpec::Dense(d) => {
                    let inputs = shape[0];
                    let p = mul_add(inputs, d.units, d.units, index)?;
                    (
                        vec![vec![inputs, d.units], vec![d.units]],
                        p,
                        mul_add(inputs, d.units, 0, index)?,
                        0,
                    )
                }
                _ => (Vec::new(), 0, 0, 0),
            };
            // Pre-activation, activation and the gradient of the output: 3 floats per output.
            let training_floats = mul_add(out_size, 3, extra, index)?;
            params = params
                .checked_add(layer_params)
                .ok_or(ModelError::Overflow { layer: index })?;
            layers.push(LayerFacts {
                output_shape: out.clone(),
                weight_shapes,
                params: layer_params,
                macs,
                training_floats,
            });
            shape = out;
        }
        Ok(SpecFacts { layers, params })
    }

    /// [`ModelSpec::facts`], and an error if the model has more parameters than `limits` allow.
    ///
    /// # Errors
    /// As [`ModelSpec::facts`], or [`ModelError::TooManyParams`].
    pub fn check(&self, limits: &ModelLimits) -> Result<SpecFacts, ModelError> {
        let facts = self.facts()?;
        if facts.params > limits.max_params {
            return Err(ModelError::TooManyParams {
                params: facts.params,
                limit: limits.max_params,
            });
        }
        Ok(facts)
    }

    /// [`ModelSpec::check`], and an error if a training step with `batch_size` rows would need
    /// more memory than `limits` allow.
    ///
    /// # Errors
    /// As [`ModelSpec::check`], or [`ModelError::TooMuchMemory`].
    pub fn check_training(
        &self,
        batch_size: usize,
        limits: &ModelLimits,
    ) -> Result<SpecFacts, ModelError> {
        let facts = self.check(limits)?;
        let input = product(&self.input_shape, 0)?;
        match facts.training_bytes(input, batch_size) {
            Some(bytes) if bytes <= limits.max_training_bytes => Ok(facts),
            bytes => Err(ModelError::TooMuchMemory {
                bytes,
                limit: limits.max_training_bytes,
            }),
        }
    }

    /// Keras's `model.summary()` from the description alone (no weights are made).
    ///
    /// # Errors
    /// As [`ModelSpec::facts`].
    pub fn summary(&self) -> Result<Summary, ModelError> {
        let facts = self.facts()?;
        let mut seen: Vec<&str> = Vec::new();
        let rows = self
            .layers
            .iter()
            .zip(facts.layers)
            .map(|(spec, facts)| {
                let base = spec.keras_name();
                let count = seen.iter().filter(|&&n| n == base).count();
                seen.push(base);
                SummaryRow {
                    name: if count == 0 {
                        base.to_string()
                    } else {
                        format!("{base}_{count}")
                    },
                    kind: spec.keras_type().to_string(),
                    output_shape: facts.output_shape,
                    params: facts.params,
                }
            })
            .collect();
        Ok(Summary { rows })
    }

    /// The number of trainable parameters, from the description alone.
    ///
    /// # Errors
    /// As [`ModelSpec::facts`].
    pub fn param_count(&self) -> Result<usize, ModelError> {
        Ok(self.facts()?.params)
    }
}

impl SpecFacts {
    /// Bytes a training step with `batch_size` rows needs: weights, their gradients and Adam's two
    /// moments (4 floats per parameter), the input batch, and every layer's training floats per
    /// row, at 4 bytes a float. `None` if it overflows.
    pub fn training_bytes(&self, input_size: usize, batch_size: usize) -> Option<usize> {
        let per_row = self
            .layers
            .iter()
            .try_fold(input_size, |a, l| a.checked_add(l.training_floats))?;
        let floats = per_row
            .checked_mul(batch_size)?
            .checked_add(self.params.checked_mul(4)?)?;
        floats.checked_mul(4)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::{Conv1dConfig, DenseConfig, Padding};

    #[test]
    fn the_lecture_summaries_come_from_the_description() {
        // LECTURE.md item 14: 312 parameters with same padding, 292 with valid.
        let same = ModelSpec::lecture(Padding::Same).summary().unwrap();
        assert_eq!(same.total_params(), 312);
        let valid = ModelSpec::lecture(Padding::Valid).summary().unwrap();
        assert_eq!(valid.total_params(), 292);
        assert_eq!(valid.rows[0].shape_text(), "(None, 16, 10)");
        assert_eq!(valid.rows[0].params, 210);
    }

    #[test]
    fn huge_sizes_are_typed_errors_not_panics() {
        let dense = |units| ModelSpec {
            input_shape: vec![4],
            layers: vec![LayerSpec::Dense(DenseConfig {
                units,
                activation: Default::default(),
            })],
        };
        assert_eq!(
            dense(usize::MAX).facts(),
            Err(ModelError::Overflow { layer: 1 })
        );
        assert!(matches!(
            dense(4_000_000_000).check(&MODEL_LIMITS),
            Err(ModelError::TooManyParams { .. })
        ));
        let flatten = ModelSpec {
            input_shape: vec![4, usize::MAX / 2],
            layers: vec![LayerSpec::Flatten],
        };
        assert!(matches!(flatten.facts(), Err(ModelError::Overflow { .. })));
        let conv = |kernel_size, filters| ModelSpec {
            input_shape: vec![1, usize::MAX / 3],
            layers: vec![LayerSpec::Conv1d(Conv1dConfig {
                filters,
                kernel_size,
                padding: Padding::Same,
                activation: Default::default(),
            })],
        };
        assert_eq!(conv(5, 1).facts(), Err(ModelError::Overflow { layer: 1 }));
        let wide = ModelSpec {
            input_shape: vec![10, 4],
            layers: vec![LayerSpec::Conv1d(Conv1dConfig {
                filters: usize::MAX / 2,
                kernel_size: 5,
                padding: Padding::Same,
                activation: Default::default(),
            })],
        };
        assert_eq!(wide.facts(), Err(ModelError::Overflow { layer: 1 }));
    }

    #[test]
    fn the_limits_are_stated_in_both_languages() {
        let en = MODEL_LIMITS.describe(crate::lang::Lang::En);
        assert!(
            en.contains("5,000,000 parameters") && en.contains("768 MB"),
            "{en}"
        );
        assert!(
            MODEL_LIMITS
                .describe(crate::lang::Lang::Ko)
                .contains("5,000,000개")
        );
    }

    #[test]
    fn training_memory_grows_with_the_batch() {
        let facts = ModelSpec::lecture(Padding::Same).facts().unwrap();
        let one = facts.training_bytes(80, 1).unwrap();
        let hundred = facts.training_bytes(80, 100).unwrap();
        assert!(hundred > 50 * one && one > 312 * 16);
        assert_eq!(facts.training_bytes(80, usize::MAX), None);
    }
}
