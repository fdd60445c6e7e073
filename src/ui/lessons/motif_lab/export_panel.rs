//! Step 7 of the motif lab: everything out (model, history, predictions, filters, data, a Keras
//! script) and a saved model back in.

use super::interpret_panel::Interpretation;
use super::results::TestResult;
use super::state::Lab;
use crate::bio::formats::NamedMotif;
use crate::bio::motif::Pfm;
use crate::lab::keras_script::{Targets, keras_script};
use crate::lab::motif::{filters_meme, import_model, predictions_csv};
use crate::nn::ModelFileError;
use crate::nn::saved::MAX_FILE_BYTES;
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::tasks::read_file;
use crate::ui::widgets::{DownloadButton, ErrorMessage};
use leptos::prelude::*;

/// The data file the Keras script reads (written by the data button).
pub const DATA_FILE: &str = "seqlab_motif_data.csv";

/// Download buttons and the model import.
#[component]
pub fn ExportPanel(
    /// The test evaluation.
    result: Memo<Option<TestResult>>,
    /// The filters.
    interpretation: Memo<Option<Interpretation>>,
) -> impl IntoView {
    let lab = expect_context::<Lab>();
    let lang = use_lang();
    let has_model = Signal::derive(move || lab.model_is_current());
    let has_data = Signal::derive(move || lab.experiment.with(Result::is_ok));
    let model_json = Callback::new(move |_| {
        lab.model_is_current()
            .then(|| {
                lab.run.model.with_untracked(|m| {
                    m.as_ref()
                        .map(|m| serde_json::to_string_pretty(m).unwrap_or_default())
                })
            })
            .flatten()
    });
    let history_csv = Callback::new(move |_| Some(lab.run.history.with_untracked(|h| h.to_csv())));
    let predictions = Callback::new(move |_| {
        let test = lab
            .experiment
            .with_untracked(|e| e.as_ref().ok().map(|(x, _)| x.test()))?;
        result.with_untracked(|r| r.as_ref().map(|r| predictions_csv(&test, &r.predictions)))
    });
    let filters = Callback::new(move |_| {
        interpretation.with_untracked(|i| {
            i.as_ref().map(|i| {
                let motifs: Vec<NamedMotif> = i
                    .filters
                    .iter()
                    .map(|f| {
                        let pwm = f.activation.as_ref().unwrap_or(&f.weights);
                        let pfm = Pfm::from_counts(pwm.probs().mapv(|p| p * 100.0))
                            .expect("probabilities are counts");
                        NamedMotif {
                            id: format!("filter_{}", f.index),
                            name: pwm.consensus(),
                            pfm,
                        }
                    })
                    .collect();
                filters_meme(&motifs)
            })
        })
    });
    let data_csv = Callback::new(move |_| {
        lab.experiment
            .with_untracked(|e| e.as_ref().ok().map(|(x, _)| x.data_csv()))
    });
    let script = Callback::new(move |_| {
        Some(keras_script(
            &lab.spec.get_untracked(),
            &lab.config.get_untracked(),
            lab.model_seed.get_untracked(),
            DATA_FILE,
            Targets::MotifClasses,
            None,
        ))
    });
    let import_error = RwSignal::new(None::<ModelFileError>);
    let error_text =
        Signal::derive(move || import_error.with(|e| e.as_ref().map(|e| e.message(lang.get()))));
    let import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        if file.size() > MAX_FILE_BYTES as f64 {
            import_error.set(Some(ModelFileError::TooLarge {
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
            match import_model(&text, lab.length.get_untracked()) {
                Ok(saved) => {
                    import_error.set(None);
                    lab.run.import(saved);
                }
                Err(e) => import_error.set(Some(e)),
            }
        });
    };
    let imported = move || lab.run.is_imported();
    view! {
        <section class="panel" aria-labelledby="lab-step-7">
            <h2 id="lab-step-7">{tr("7 · 내보내기와 불러오기", "7 · Export and import")}</h2>
            <Ko>
                <p>"학습한 모델, 기록, 예측, 필터, 데이터를 파일로 받을 수 있습니다. Keras 스크립트는 같은 구조와 설정으로 모델을 Keras에서 다시 만들고, 데이터 CSV를 같은 폴더에 두면 그대로 학습합니다 (Jupyter에서 이어 가기)."</p>
            </Ko>
            <En>
                <p>"Download the trained model, its history, the test predictions, the filters and the data. The Keras script rebuilds the same architecture and settings in Keras and trains on the data CSV placed next to it, so you can carry on in Jupyter."</p>
            </En>
            <div class="buttons">
                <DownloadButton label=Bi::new("모델 (JSON)", "Model (JSON)") filename="seqlab-motif-model.json" mime="application/json" contents=model_json enabled=has_model testid="export-model" />
                <DownloadButton label=Bi::new("학습 기록 (CSV)", "History (CSV)") filename="seqlab-motif-history.csv" mime="text/csv" contents=history_csv enabled=Signal::derive(move || lab.run.history.with(|h| !h.epochs.is_empty())) testid="export-history" />
                <DownloadButton label=Bi::new("테스트 예측 (CSV)", "Test predictions (CSV)") filename="seqlab-motif-predictions.csv" mime="text/csv" contents=predictions enabled=Signal::derive(move || result.with(Option::is_some)) testid="export-predictions" />
                <DownloadButton label=Bi::new("필터 (MEME)", "Filters (MEME)") filename="seqlab-motif-filters.meme" contents=filters enabled=has_model testid="export-filters" />
                <DownloadButton label=Bi::new("데이터 (CSV)", "Data (CSV)") filename=DATA_FILE mime="text/csv" contents=data_csv enabled=has_data testid="export-data" />
                <DownloadButton label=Bi::new("Keras 스크립트 (.py)", "Keras script (.py)") filename="seqlab_motif_keras.py" mime="text/x-python" contents=script enabled=has_data testid="export-keras" />
            </div>
            <div class="field">
                <label for="lab-import">{tr("저장한 모델 불러오기 (JSON)", "Import a saved model (JSON)")}</label>
                <input id="lab-import" type="file" accept=".json,application/json" on:change=import />
            </div>
            <ErrorMessage message=error_text />
            <Show when=imported>
                <p class="notice" data-testid="imported">{tr("불러온 모델을 지금 테스트 세트로 다시 평가했습니다 (5단계).", "The imported model was evaluated again on the current test set (step 5).")}</p>
            </Show>
        </section>
    }
}
