//! A saved expression model: the network with the standardisation and length it was trained for.

use super::Standardizer;
use crate::nn::Sequential;
use crate::nn::saved::{ModelFileError, SavedModel, check_header};
use serde::{Deserialize, Serialize};

/// The `format` of a saved expression model.
pub const MODEL_FORMAT: &str = "seqlab-expression-model";

impl ExpressionModel {
    /// Wraps a trained network with its standardisation and length.
    pub fn new(model: SavedModel, scaler: Standardizer, length: usize) -> ExpressionModel {
        ExpressionModel {
            format: MODEL_FORMAT.into(),
            model,
            scaler,
            length,
        }
    }

    /// Reads an expression-model file for data of sequences `length` long: the format first, then
    /// the network's fit (`[length, 4]` → one value) from its description, then its weights —
    /// nothing is built before it is known to fit.
    ///
    /// # Errors
    /// The [`ModelFileError`] of the first problem.
    pub fn from_json(text: &str, length: usize) -> Result<ExpressionModel, ModelFileError> {
        ExpressionModel::from_json_reading(text, &[length, 4])
    }

    /// [`ExpressionModel::from_json`] for a network that reads `input` (`[237, 21]` for avGFP's
    /// proteins).
    ///
    /// # Errors
    /// The [`ModelFileError`] of the first problem.
    pub fn from_json_reading(
        text: &str,
        input: &[usize],
    ) -> Result<ExpressionModel, ModelFileError> {
        check_header(text, MODEL_FORMAT, None)?;
        let model: ExpressionModel =
            serde_json::from_str(text).map_err(|e| ModelFileError::from_json(&e))?;
        model.model.check_fits(input, &[1])?;
        Sequential::from_saved(&model.model)?;
        Ok(model)
    }
}

/// A saved expression model: the network, the standardisation and the sequence length it reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExpressionModel {
    /// Always `seqlab-expression-model`.
    pub format: String,
    /// The network (outputs z-scores).
    pub model: SavedModel,
    /// Turns its outputs back into values.
    pub scaler: Standardizer,
    /// The sequence length it reads (shorter inputs padded, longer cut).
    pub length: usize,
}
