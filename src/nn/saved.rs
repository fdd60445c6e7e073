//! Saving and loading a model as JSON: its architecture and every weight, so the UI can export a
//! trained model and import it again (and the worker can hand one to the page).

use super::model::Sequential;
use super::spec::{ModelError, ModelSpec};
use serde::{Deserialize, Serialize};

/// One weight tensor in a saved model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedTensor {
    /// Keras-style path, e.g. `conv1d/kernel`.
    pub name: String,
    /// Its shape.
    pub shape: Vec<usize>,
    /// Its values in row-major order.
    pub values: Vec<f32>,
}

/// A model on disk: `{"format": "seqlab-model", "version": 1, "spec": …, "weights": […]}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedModel {
    /// Always `seqlab-model`.
    pub format: String,
    /// Format version (1).
    pub version: u32,
    /// The architecture.
    pub spec: ModelSpec,
    /// Every parameter, in [`Sequential::params`] order.
    pub weights: Vec<SavedTensor>,
}

impl Sequential {
    /// The model's architecture and weights.
    pub fn to_saved(&self) -> SavedModel {
        let names = self.summary().rows.into_iter().map(|r| r.name);
        let weights = self
            .layers()
            .iter()
            .zip(names)
            .flat_map(|(layer, layer_name)| {
                layer
                    .params()
                    .into_iter()
                    .map(|p| SavedTensor {
                        name: format!("{layer_name}/{}", p.name),
                        shape: p.value.shape().to_vec(),
                        values: p.value.iter().copied().collect(),
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        SavedModel {
            format: "seqlab-model".into(),
            version: 1,
            spec: self.spec().clone(),
            weights,
        }
    }

    /// Rebuilds a saved model.
    ///
    /// # Errors
    /// The architecture's [`ModelError`], or [`ModelError::WeightsMismatch`] if the weights do not
    /// fit it.
    pub fn from_saved(saved: &SavedModel) -> Result<Sequential, ModelError> {
        let mismatch = |detail: String| ModelError::WeightsMismatch { detail };
        if saved.format != "seqlab-model" || saved.version != 1 {
            return Err(mismatch(format!(
                "format {} version {}",
                saved.format, saved.version
            )));
        }
        let mut model = Sequential::new(saved.spec.clone(), 0)?;
        let mut params = model.params_mut();
        if params.len() != saved.weights.len() {
            return Err(mismatch(format!(
                "{} tensors for {} parameters",
                saved.weights.len(),
                params.len()
            )));
        }
        for (param, tensor) in params.iter_mut().zip(&saved.weights) {
            if param.value.shape() != tensor.shape.as_slice() || tensor.values.len() != param.len()
            {
                return Err(mismatch(format!(
                    "{} has shape {:?}, expected {:?}",
                    tensor.name,
                    tensor.shape,
                    param.value.shape()
                )));
            }
            for (v, &s) in param.value.iter_mut().zip(&tensor.values) {
                *v = s;
            }
        }
        Ok(model)
    }

    /// The saved model as JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.to_saved()).expect("a saved model is plain data")
    }

    /// Reads a model from JSON text.
    ///
    /// # Errors
    /// [`ModelError::WeightsMismatch`] for text that is not a saved model, or the errors of
    /// [`Sequential::from_saved`].
    pub fn from_json(text: &str) -> Result<Sequential, ModelError> {
        let saved: SavedModel =
            serde_json::from_str(text).map_err(|e| ModelError::WeightsMismatch {
                detail: e.to_string(),
            })?;
        Sequential::from_saved(&saved)
    }
}
