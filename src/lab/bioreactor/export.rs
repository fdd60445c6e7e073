//! The lab's Keras export: the same dense network and training, reading the data file's feature
//! columns standardised with the browser's means and standard deviations, and its target likewise.

use super::settings::Settings;
use super::table::{LabData, Scaling};
use crate::lab::keras_script::{BrowserRun, FeatureColumn, Input, KerasExport, Targets};

/// The script and notebook of `settings` trained on `data` (written to `data_file` by
/// [`LabData::data_csv`]), standardised with `scaling` (the data's, or an imported model's), with
/// the browser's own numbers when known.
pub fn keras_export(
    settings: &Settings,
    data: &LabData,
    scaling: &Scaling,
    data_file: String,
    browser: Option<BrowserRun>,
) -> KerasExport {
    let job = settings.job(data);
    let features = data
        .table
        .feature_columns()
        .iter()
        .zip(&scaling.features)
        .map(|(name, s)| FeatureColumn {
            name: name.clone(),
            mean: s.mean,
            std: s.std,
        })
        .collect();
    KerasExport {
        spec: job.spec,
        config: job.config,
        model_seed: job.model_seed,
        data_file,
        input: Input::Table {
            features,
            target: data
                .table
                .target_columns()
                .first()
                .cloned()
                .unwrap_or_default(),
        },
        targets: Targets::Value {
            mean: scaling.target.mean,
            std: scaling.target.std,
        },
        fit_length: None,
        browser,
    }
}
