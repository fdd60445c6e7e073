//! Saving and loading a model as JSON: its architecture and every weight, so the UI can export a
//! trained model and import it again (and the worker can hand one to the page).
//!
//! Loading checks before it allocates: the format and version, then the architecture with checked
//! arithmetic and the parameter limit ([`ModelSpec::check`]), then every tensor's name, shape,
//! number of values and finiteness; only then are the layers built, straight from the file's
//! weights (no random initial weights are drawn). Every problem is a [`ModelFileError`].

mod error;

pub use error::{ModelFileError, Shape};

use super::facts::MODEL_LIMITS;
use super::layer::Layer;
use super::model::Sequential;
use super::spec::ModelSpec;
use ndarray::{ArrayD, IxDyn};
use serde::{Deserialize, Serialize};

/// The `format` field of a saved model.
pub const FORMAT: &str = "seqlab-model";
/// The version written and read.
pub const VERSION: u32 = 1;
/// Largest model file read (a model at the parameter limit takes about 60 MB of JSON).
pub const MAX_FILE_BYTES: usize = 100_000_000;

/// One weight tensor in a saved model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedTensor {
    /// Keras-style path, e.g. `conv1d/kernel`.
    pub name: String,
    /// Its shape.
    pub shape: Vec<usize>,
    /// Its values in row-major order.
    #[serde(with = "crate::wire::vec_f32")]
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

/// The first fields of any SeqLab file, read before the rest so a wrong file gets the right
/// message.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

impl SavedModel {
    /// Reads a saved model from JSON text (nothing is built yet).
    ///
    /// # Errors
    /// [`ModelFileError::TooLarge`], [`ModelFileError::NotJson`], [`ModelFileError::NotAModel`],
    /// [`ModelFileError::WrongFormat`] or [`ModelFileError::UnknownVersion`].
    pub fn from_json(text: &str) -> Result<SavedModel, ModelFileError> {
        check_header(text, FORMAT, Some(VERSION))?;
        serde_json::from_str(text).map_err(|e| ModelFileError::from_json(&e))
    }

    /// Whether this model reads samples of shape `input` and gives outputs of shape `output`
    /// (a lab's one-hot length and alphabet, and its number of classes or values), from the
    /// description alone.
    ///
    /// # Errors
    /// [`ModelFileError::Spec`] for a description that cannot be built,
    /// [`ModelFileError::WrongInput`] or [`ModelFileError::WrongOutput`].
    pub fn check_fits(&self, input: &[usize], output: &[usize]) -> Result<(), ModelFileError> {
        let facts = self
            .spec
            .check(&MODEL_LIMITS)
            .map_err(ModelFileError::Spec)?;
        if self.spec.input_shape != input {
            return Err(ModelFileError::WrongInput {
                expected: Shape(input.to_vec()),
                found: Shape(self.spec.input_shape.clone()),
            });
        }
        let produced = facts
            .layers
            .last()
            .map(|l| l.output_shape.clone())
            .unwrap_or_default();
        if produced != output {
            return Err(ModelFileError::WrongOutput {
                expected: Shape(output.to_vec()),
                found: Shape(produced),
            });
        }
        Ok(())
    }
}

/// Checks the `format` and `version` fields of a SeqLab JSON file before the rest is read.
///
/// # Errors
/// [`ModelFileError::TooLarge`], [`ModelFileError::NotJson`], [`ModelFileError::WrongFormat`] or
/// [`ModelFileError::UnknownVersion`].
pub fn check_header(text: &str, format: &str, version: Option<u32>) -> Result<(), ModelFileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ModelFileError::TooLarge {
            bytes: text.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let header: Header = serde_json::from_str(text).map_err(|e| ModelFileError::from_json(&e))?;
    match header.format {
        Some(f) if f == format => {}
        found => return Err(ModelFileError::WrongFormat { found }),
    }
    match (version, header.version) {
        (Some(expected), Some(found)) if found != expected => {
            Err(ModelFileError::UnknownVersion { found })
        }
        (Some(_), None) => Err(ModelFileError::UnknownVersion { found: 0 }),
        _ => Ok(()),
    }
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
            format: FORMAT.into(),
            version: VERSION,
            spec: self.spec().clone(),
            weights,
        }
    }

    /// Rebuilds a saved model from its own weights.
    ///
    /// # Errors
    /// [`ModelFileError::WrongFormat`], [`ModelFileError::UnknownVersion`], the architecture's
    /// error ([`ModelFileError::Spec`]), [`ModelFileError::TensorCount`],
    /// [`ModelFileError::TensorShape`], [`ModelFileError::ValueCount`] or
    /// [`ModelFileError::NotFinite`] — all found before any layer is built.
    pub fn from_saved(saved: &SavedModel) -> Result<Sequential, ModelFileError> {
        if saved.format != FORMAT {
            return Err(ModelFileError::WrongFormat {
                found: Some(saved.format.clone()),
            });
        }
        if saved.version != VERSION {
            return Err(ModelFileError::UnknownVersion {
                found: saved.version,
            });
        }
        let facts = saved
            .spec
            .check(&MODEL_LIMITS)
            .map_err(ModelFileError::Spec)?;
        let expected: Vec<&Vec<usize>> =
            facts.layers.iter().flat_map(|l| &l.weight_shapes).collect();
        if expected.len() != saved.weights.len() {
            return Err(ModelFileError::TensorCount {
                expected: expected.len(),
                found: saved.weights.len(),
            });
        }
        for (index, (tensor, shape)) in saved.weights.iter().zip(&expected).enumerate() {
            let index = index + 1;
            if tensor.shape != **shape {
                return Err(ModelFileError::TensorShape {
                    index,
                    name: error::quoted_name(&tensor.name),
                    expected: Shape(shape.to_vec()),
                    found: Shape(tensor.shape.clone()),
                });
            }
            let count: usize = shape.iter().product();
            if tensor.values.len() != count {
                return Err(ModelFileError::ValueCount {
                    index,
                    name: error::quoted_name(&tensor.name),
                    expected: count,
                    found: tensor.values.len(),
                });
            }
            if let Some(position) = tensor.values.iter().position(|v| !v.is_finite()) {
                return Err(ModelFileError::NotFinite {
                    index,
                    name: error::quoted_name(&tensor.name),
                    position: position + 1,
                });
            }
        }
        let mut tensors = saved.weights.iter();
        let layers = saved
            .spec
            .layers
            .iter()
            .zip(&facts.layers)
            .enumerate()
            .map(|(i, (spec, layer_facts))| {
                let weights = layer_facts
                    .weight_shapes
                    .iter()
                    .map(|shape| {
                        let tensor = tensors.next().expect("counted above");
                        ArrayD::from_shape_vec(IxDyn(shape), tensor.values.clone())
                            .expect("shape and count checked above")
                    })
                    .collect();
                Layer::with_weights(spec, weights, i as u64)
            })
            .collect();
        Ok(Sequential::assemble(saved.spec.clone(), layers, facts))
    }

    /// The saved model as JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.to_saved()).expect("a saved model is plain data")
    }

    /// Reads a model from JSON text.
    ///
    /// # Errors
    /// The errors of [`SavedModel::from_json`] and [`Sequential::from_saved`].
    pub fn from_json(text: &str) -> Result<Sequential, ModelFileError> {
        Sequential::from_saved(&SavedModel::from_json(text)?)
    }
}
