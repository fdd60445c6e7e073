//! A saved bioreactor model: the network with the columns it reads and the standardisation it was
//! trained with (`z = (x − mean) / sd` per feature, the titer likewise), so a model read back
//! predicts titers in mg/L from conditions in their own units.

use super::table::Scaling;
use crate::nn::Sequential;
use crate::nn::saved::{ModelFileError, SavedModel, Shape, check_header};
use serde::{Deserialize, Serialize};

/// The `format` of a saved bioreactor model.
pub const MODEL_FORMAT: &str = "seqlab-bioreactor-model";

/// A trained network, its columns and its standardisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BioreactorModel {
    /// Always `seqlab-bioreactor-model`.
    pub format: String,
    /// The network (standardised features → standardised target).
    pub model: SavedModel,
    /// The feature columns' names, then the target's (units included).
    pub columns: Vec<String>,
    /// The training runs' means and standard deviations.
    pub scaling: Scaling,
}

impl BioreactorModel {
    /// Wraps a trained network with its columns and standardisation.
    pub fn new(model: SavedModel, columns: Vec<String>, scaling: Scaling) -> BioreactorModel {
        BioreactorModel {
            format: MODEL_FORMAT.into(),
            model,
            columns,
            scaling,
        }
    }

    /// Reads a bioreactor-model file for data of `features` feature columns: the format first,
    /// then the network's fit (`[features]` → one value) from its description and the
    /// standardisation's width, then its weights — nothing is built before it is known to fit.
    ///
    /// # Errors
    /// The [`ModelFileError`] of the first problem.
    pub fn from_json(text: &str, features: usize) -> Result<BioreactorModel, ModelFileError> {
        check_header(text, MODEL_FORMAT, None)?;
        let model: BioreactorModel =
            serde_json::from_str(text).map_err(|e| ModelFileError::from_json(&e))?;
        model.model.check_fits(&[features], &[1])?;
        if model.scaling.features.len() != features {
            return Err(ModelFileError::WrongInput {
                expected: Shape(vec![features]),
                found: Shape(vec![model.scaling.features.len()]),
            });
        }
        Sequential::from_saved(&model.model)?;
        Ok(model)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lab::bioreactor::{LabData, Settings, runs_table, simulate_settings};
    use crate::lang::Lang;

    #[test]
    fn a_saved_model_reads_back_and_refuses_another_width() {
        let settings = Settings {
            runs: 30,
            ..Settings::default()
        };
        let runs = simulate_settings(&settings, &crate::lab::bioreactor::Params::E_COLI);
        let data = LabData::new(runs_table(&runs, Lang::En), 0.2, 1).unwrap();
        let model = Sequential::new(settings.spec(6), 0).unwrap();
        let saved = BioreactorModel::new(
            model.to_saved(),
            data.table.columns.clone(),
            data.scaling.clone(),
        );
        let text = serde_json::to_string(&saved).unwrap();
        assert_eq!(BioreactorModel::from_json(&text, 6).unwrap(), saved);
        assert!(matches!(
            BioreactorModel::from_json(&text, 5),
            Err(ModelFileError::WrongInput { .. })
        ));
        let expression = text.replace(MODEL_FORMAT, "seqlab-expression-model");
        assert!(matches!(
            BioreactorModel::from_json(&expression, 6),
            Err(ModelFileError::WrongFormat { .. })
        ));
    }
}
