//! Step 7 of the expression lab: the model (with its standardisation), the test predictions, the
//! data, the Keras script and notebook out through the shared [`LabExport`]; a saved model back in.

use super::state::Expr;
use crate::lab::expression::{ExpressionModel, predictions_csv, report};
use crate::lab::keras_script::{Alphabet, BrowserRun, Input, KerasExport, Targets};
use crate::ui::i18n::tr;
use crate::ui::widgets::{LabExport, ModelImport, data_file_name};
use leptos::prelude::*;

/// The start of every file name the lab writes.
const STEM: &str = "seqlab-expression";

/// Downloads and the model import.
#[component]
pub fn ExportPanel(
    /// The test predictions (value units).
    predictions: Signal<Option<Vec<f64>>>,
) -> impl IntoView {
    let expr = expect_context::<Expr>();
    let model_json = Callback::new(move |_| {
        let saved = expr.run.trained_model(expr.job_key.get_untracked())?;
        let scaler = expr.scaler()?;
        let length = saved.spec.input_shape[0];
        serde_json::to_string_pretty(&ExpressionModel::new(saved, scaler, length)).ok()
    });
    let test_csv = Callback::new(move |_| {
        let data = expr.data.get_untracked()?;
        let predicted = predictions.get_untracked()?;
        Some(predictions_csv(
            &data.test().sequences,
            Some(&data.test_values()),
            &predicted,
        ))
    });
    let data_csv = Callback::new(move |_| expr.data.get_untracked().map(|d| d.data_csv()));
    let keras = Callback::new(move |_| {
        let scaler = expr.scaler()?;
        let data = expr.data.get_untracked()?;
        let job = expr.job(None)?;
        let browser = predictions.get_untracked().map(|predicted| {
            let r = report(&data.test_values(), &predicted, scaler.mean);
            BrowserRun {
                epochs: expr.run.history.with_untracked(|h| h.epochs.len()),
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
            input: Input::Sequences(Alphabet::Dna),
            targets: Targets::Value {
                mean: scaler.mean,
                std: scaler.std,
            },
            fit_length: job.fit_length,
            browser,
        })
    });
    let import = Callback::new(move |text: String| {
        match ExpressionModel::from_json(&text, expr.length.get_untracked().0) {
            Ok(m) => {
                expr.imported_scaler.set(Some(m.scaler));
                expr.run.import(m.model);
                None
            }
            Err(e) => Some(e),
        }
    });
    view! {
        <section class="panel" aria-labelledby="expr-step-7">
            <h2 id="expr-step-7">{tr("7 · 내보내기와 불러오기", "7 · Export and import")}</h2>
            <LabExport
                stem=STEM
                session=expr.run
                key=expr.job_key
                model=model_json
                predictions=test_csv
                has_predictions=Signal::derive(move || predictions.with(Option::is_some))
                data=data_csv
                has_data=Signal::derive(move || expr.data.with(Option::is_some))
                keras=keras
            />
            <ModelImport id="expr-import" import=import />
            <Show when=move || expr.run.is_imported()>
                <p class="notice" data-testid="imported">{tr("불러온 모델로 테스트 세트를 다시 평가했습니다 (4단계).", "The imported model was evaluated again on the current test set (step 4).")}</p>
            </Show>
        </section>
    }
}
