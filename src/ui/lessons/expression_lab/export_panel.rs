//! Step 7 of the expression lab: the model (with its standardisation), the test predictions, the
//! data and a Keras script out; a saved model back in.

use super::state::Expr;
use crate::lab::expression::{ExpressionModel, predictions_csv};
use crate::lab::keras_script::{Targets, keras_script};
use crate::nn::ModelFileError;
use crate::nn::saved::MAX_FILE_BYTES;
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::tasks::read_file;
use crate::ui::widgets::{DownloadButton, ErrorMessage};
use leptos::prelude::*;

/// The data file the Keras script reads.
pub const DATA_FILE: &str = "seqlab_expression_data.csv";

/// Downloads and the model import.
#[component]
pub fn ExportPanel(
    /// The test predictions (value units).
    predictions: RwSignal<Option<Vec<f64>>>,
) -> impl IntoView {
    let expr = expect_context::<Expr>();
    let lang = use_lang();
    let has_model = Signal::derive(move || expr.run.has_model_for(expr.job_key.get()));
    let has_data = Signal::derive(move || expr.data.with(Option::is_some));
    let model_json = Callback::new(move |_| {
        let saved = expr.run.model.get_untracked()?;
        let scaler = expr.scaler()?;
        let length = saved.spec.input_shape[0];
        serde_json::to_string_pretty(&ExpressionModel::new(saved, scaler, length)).ok()
    });
    let test_csv = Callback::new(move |_| {
        let data = expr.data.get_untracked()?;
        let predicted = predictions.get_untracked()?;
        let sequences: Vec<String> = data
            .split
            .test
            .iter()
            .map(|&i| data.rows[i].sequence.clone())
            .collect();
        Some(predictions_csv(
            &sequences,
            Some(&data.test_values()),
            &predicted,
        ))
    });
    let data_csv = Callback::new(move |_| expr.data.get_untracked().map(|d| d.data_csv()));
    let script = Callback::new(move |_| {
        let scaler = expr.scaler()?;
        Some(keras_script(
            &expr.spec.get_untracked(),
            &expr.config.get_untracked(),
            expr.model_seed.get_untracked(),
            DATA_FILE,
            Targets::Value {
                mean: scaler.mean,
                std: scaler.std,
            },
            expr.length.get_untracked().1,
        ))
    });
    let problem = RwSignal::new(None::<ModelFileError>);
    let error = Signal::derive(move || problem.with(|p| p.as_ref().map(|e| e.message(lang.get()))));
    let import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        if file.size() > MAX_FILE_BYTES as f64 {
            problem.set(Some(ModelFileError::TooLarge {
                bytes: file.size() as usize,
                limit: MAX_FILE_BYTES,
            }));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = read_file(file)
                .await
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .unwrap_or_default();
            match ExpressionModel::from_json(&text, expr.length.get_untracked().0) {
                Ok(m) => {
                    problem.set(None);
                    expr.imported_scaler.set(Some(m.scaler));
                    expr.run.import(m.model);
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="expr-step-7">
            <h2 id="expr-step-7">{tr("7 · 내보내기와 불러오기", "7 · Export and import")}</h2>
            <div class="buttons">
                <DownloadButton label=Bi::new("모델 (JSON)", "Model (JSON)") filename="seqlab-expression-model.json" mime="application/json" contents=model_json enabled=has_model testid="export-model" />
                <DownloadButton label=Bi::new("테스트 예측 (CSV)", "Test predictions (CSV)") filename="seqlab-expression-predictions.csv" mime="text/csv" contents=test_csv
                    enabled=Signal::derive(move || predictions.with(Option::is_some)) testid="export-predictions" />
                <DownloadButton label=Bi::new("데이터 (CSV)", "Data (CSV)") filename=DATA_FILE mime="text/csv" contents=data_csv enabled=has_data testid="export-data" />
                <DownloadButton label=Bi::new("Keras 스크립트 (.py)", "Keras script (.py)") filename="seqlab_expression_keras.py" mime="text/x-python" contents=script enabled=has_data testid="export-keras" />
            </div>
            <div class="field">
                <label for="expr-import">{tr("저장한 모델 불러오기 (JSON)", "Import a saved model (JSON)")}</label>
                <input id="expr-import" type="file" accept=".json,application/json" on:change=import />
            </div>
            <ErrorMessage message=error />
            <Show when=move || expr.run.is_imported()>
                <p class="notice" data-testid="imported">{tr("불러온 모델로 테스트 세트를 다시 평가했습니다 (4단계).", "The imported model was evaluated again on the current test set (step 4).")}</p>
            </Show>
        </section>
    }
}
