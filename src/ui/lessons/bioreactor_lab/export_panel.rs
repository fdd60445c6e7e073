//! Step 9 of the bioreactor lab: the model (with its columns and standardisation), the test
//! predictions, the runs, and the Keras script and notebook out through the shared [`LabExport`];
//! a saved model back in.

use super::state::Bio;
use crate::lab::bioreactor::{BioreactorModel, TestReport, keras_export, predictions_csv};
use crate::lab::keras_script::BrowserRun;
use crate::ui::i18n::tr;
use crate::ui::widgets::{LabExport, ModelImport, data_file_name};
use leptos::prelude::*;

/// The start of every file name the lab writes.
const STEM: &str = "seqlab-bioreactor";

/// Downloads and the model import.
#[component]
pub fn ExportPanel(
    /// The test predictions (mg/L).
    predictions: Signal<Option<Vec<f64>>>,
    /// Their report.
    report: Memo<Option<TestReport>>,
) -> impl IntoView {
    let bio = expect_context::<Bio>();
    let model_json = Callback::new(move |_| {
        let saved = bio.run.trained_model(bio.job_key.get_untracked())?;
        let scaling = bio.scaling()?;
        let data = bio.data.get_untracked()?;
        let model = BioreactorModel::new(saved, data.table.columns.clone(), scaling);
        serde_json::to_string_pretty(&model).ok()
    });
    let test_csv = Callback::new(move |_| {
        let data = bio.data.get_untracked()?;
        let predicted = predictions.get_untracked()?;
        let linear = bio.linear.get_untracked()?;
        Some(predictions_csv(&data, &predicted, &linear))
    });
    let data_csv = Callback::new(move |_| bio.data.get_untracked().map(|d| d.data_csv()));
    let keras =
        Callback::new(move |_| {
            let data = bio.data.get_untracked()?;
            let scaling = bio.scaling()?;
            let browser = report.get_untracked().map(|r| BrowserRun {
                epochs: bio.run.history.with_untracked(|h| h.epochs.len()),
                metrics: vec![("test r2".into(), r.network.r2)],
            });
            Some(bio.settings.with_untracked(|s| {
                keras_export(s, &data, &scaling, data_file_name(STEM), browser)
            }))
        });
    let import = Callback::new(move |text: String| {
        let features = bio
            .data
            .get_untracked()
            .map_or(crate::lab::bioreactor::conditions::COUNT, |d| {
                d.table.feature_count()
            });
        match BioreactorModel::from_json(&text, features) {
            Ok(m) => {
                bio.imported_scaling.set(Some(m.scaling));
                bio.run.import(m.model);
                None
            }
            Err(e) => Some(e),
        }
    });
    view! {
        <section class="panel" aria-labelledby="bio-step-9">
            <h2 id="bio-step-9">{tr("9 · 내보내기와 불러오기", "9 · Export and import")}</h2>
            <super::text::ExportText />
            <LabExport
                stem=STEM
                session=bio.run
                key=bio.job_key
                model=model_json
                predictions=test_csv
                has_predictions=Signal::derive(move || predictions.with(Option::is_some))
                data=data_csv
                has_data=Signal::derive(move || bio.data.with(Option::is_some))
                keras=keras
            />
            <ModelImport id="bio-import" import=import />
            <Show when=move || bio.run.is_imported()>
                <p class="notice" data-testid="imported">{tr("불러온 모델로 테스트 세트를 다시 평가했습니다 (5단계).", "The imported model was evaluated again on the current test set (step 5).")}</p>
            </Show>
        </section>
    }
}
