//! Step 9 of the protein lab: the model (with its standardisation), the test predictions, the
//! data, the Keras script and notebook out through the shared [`LabExport`]; a saved model back in.

use super::state::Prot;
use crate::bio::Alphabet as Letters;
use crate::lab::expression::{ExpressionModel, predictions_csv, report};
use crate::lab::keras_script::{Alphabet, BrowserRun, Input, KerasExport, Targets};
use crate::ui::i18n::tr;
use crate::ui::widgets::{LabExport, ModelImport, data_file_name};
use leptos::prelude::*;

/// The start of every file name the lab writes.
const STEM: &str = "seqlab-protein";

/// Downloads and the model import.
#[component]
pub fn ExportPanel(
    /// The test predictions (scores).
    predictions: Signal<Option<Vec<f64>>>,
) -> impl IntoView {
    let prot = expect_context::<Prot>();
    let model_json = Callback::new(move |_| {
        let saved = prot.run.trained_model(prot.job_key.get_untracked())?;
        let scaler = prot.split.get_untracked()?.ok()?.scaler;
        let length = saved.spec.input_shape[0];
        serde_json::to_string_pretty(&ExpressionModel::new(saved, scaler, length)).ok()
    });
    let test_csv = Callback::new(move |_| {
        let (data, split) = (
            prot.data.get_untracked()?,
            prot.split.get_untracked()?.ok()?,
        );
        let predicted = predictions.get_untracked()?;
        Some(predictions_csv(
            &split.test(&data).sequences,
            Some(&split.test_scores(&data)),
            &predicted,
        ))
    });
    let data_csv = Callback::new(move |_| {
        let (data, split) = (
            prot.data.get_untracked()?,
            prot.split.get_untracked()?.ok()?,
        );
        Some(split.data_csv(&data))
    });
    let keras = Callback::new(move |_| {
        let (data, split) = (
            prot.data.get_untracked()?,
            prot.split.get_untracked()?.ok()?,
        );
        let job = prot.job()?;
        let browser = predictions.get_untracked().map(|predicted| {
            let r = report(&split.test_scores(&data), &predicted, split.scaler.mean);
            BrowserRun {
                epochs: prot.run.history.with_untracked(|h| h.epochs.len()),
                metrics: vec![
                    ("test r2".into(), r.r2),
                    ("test Pearson r".into(), r.pearson),
                ],
            }
        });
        Some(KerasExport {
            spec: job.spec,
            config: job.config,
            model_seed: job.model_seed,
            data_file: data_file_name(STEM),
            input: Input::Sequences(Alphabet::Protein),
            targets: Targets::Value {
                mean: split.scaler.mean,
                std: split.scaler.std,
            },
            fit_length: None,
            browser,
        })
    });
    let import = Callback::new(move |text: String| {
        let length = prot
            .data
            .with_untracked(|d| d.as_ref().map(|d| d.wild_type.len()))
            .unwrap_or(crate::lab::protein::AVGFP_WILD_TYPE.len());
        match ExpressionModel::from_json_reading(&text, &[length, Letters::Protein.size()]) {
            Ok(m) => {
                prot.run.import(m.model);
                None
            }
            Err(e) => Some(e),
        }
    });
    view! {
        <section class="panel" aria-labelledby="prot-step-9">
            <h2 id="prot-step-9">{tr("9 · 내보내기와 불러오기", "9 · Export and import")}</h2>
            <LabExport
                stem=STEM
                session=prot.run
                key=prot.job_key
                model=model_json
                predictions=test_csv
                has_predictions=Signal::derive(move || predictions.with(Option::is_some))
                data=data_csv
                has_data=Signal::derive(move || prot.split.with(|s| matches!(s, Some(Ok(_)))))
                keras=keras
            />
            <ModelImport id="prot-import" import=import />
            <Show when=move || prot.run.is_imported()>
                <p class="notice" data-testid="imported">{tr("불러온 모델로 테스트 세트를 다시 평가했습니다 (4단계).", "The imported model was evaluated again on the current test set (step 4).")}</p>
            </Show>
        </section>
    }
}
