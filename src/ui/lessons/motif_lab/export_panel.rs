//! Step 7 of the motif lab: everything out (model, history, predictions, filters, data, the Keras
//! script and notebook) through the shared [`LabExport`], and a saved model back in.

use super::results::TestResult;
use super::state::Lab;
use crate::lab::keras_script::{Alphabet, BrowserRun, Input, KerasExport, Targets};
use crate::lab::motif::{Interpretation, import_model, predictions_csv};
use crate::ui::i18n::{Bi, En, Ko, tr};
use crate::ui::widgets::{DownloadButton, LabExport, ModelImport, data_file_name};
use leptos::prelude::*;

/// The start of every file name the lab writes.
const STEM: &str = "seqlab-motif";

/// Download buttons and the model import.
#[component]
pub fn ExportPanel(
    /// The test evaluation.
    result: Signal<Option<TestResult>>,
    /// The filters.
    interpretation: Memo<Option<Interpretation>>,
) -> impl IntoView {
    let lab = expect_context::<Lab>();
    let model_json = Callback::new(move |_| {
        let saved = lab.run.trained_model(lab.job_key.get_untracked())?;
        serde_json::to_string_pretty(&saved).ok()
    });
    let predictions = Callback::new(move |_| {
        let test = lab
            .experiment
            .with_untracked(|e| e.as_ref().ok().map(|(x, _)| x.test()))?;
        result.with_untracked(|r| r.as_ref().map(|r| predictions_csv(&test, &r.predictions)))
    });
    let filters = Callback::new(move |_| {
        interpretation.with_untracked(|i| i.as_ref().map(Interpretation::to_meme))
    });
    let data_csv = Callback::new(move |_| {
        lab.experiment
            .with_untracked(|e| e.as_ref().ok().map(|(x, _)| x.data_csv()))
    });
    let keras = Callback::new(move |_| {
        let settings = lab.settings.get_untracked();
        let browser = result.with_untracked(|r| {
            r.as_ref().map(|r| BrowserRun {
                epochs: lab.run.history.with_untracked(|h| h.epochs.len()),
                metrics: vec![
                    ("test loss".into(), r.loss),
                    ("test accuracy".into(), r.accuracy),
                ],
            })
        });
        Some(KerasExport {
            spec: settings.spec(),
            config: settings.config(),
            model_seed: settings.knobs.model_seed,
            data_file: data_file_name(STEM),
            input: Input::Sequences(Alphabet::Dna),
            targets: Targets::MotifClasses,
            fit_length: None,
            browser,
        })
    });
    let import =
        Callback::new(
            move |text: String| match import_model(&text, lab.length.get_untracked()) {
                Ok(saved) => {
                    lab.run.import(saved);
                    None
                }
                Err(e) => Some(e),
            },
        );
    let has_model = Signal::derive(move || lab.model_is_current());
    view! {
        <section class="panel" aria-labelledby="lab-step-7">
            <h2 id="lab-step-7">{tr("7 · 내보내기와 불러오기", "7 · Export and import")}</h2>
            <Ko>
                <p>"학습한 모델, 기록, 예측, 필터, 데이터를 파일로 받을 수 있습니다. Keras 스크립트와 Jupyter 노트북은 같은 구조와 설정으로 모델을 Keras에서 다시 만들고, 데이터 CSV를 같은 폴더에 두면 그대로 학습해 브라우저의 결과와 나란히 보여 줍니다."</p>
            </Ko>
            <En>
                <p>"Download the trained model, its history, the test predictions, the filters and the data. The Keras script and the Jupyter notebook rebuild the same architecture and settings in Keras, train on the data CSV placed next to them and print the browser's results beside Keras's."</p>
            </En>
            <LabExport
                stem=STEM
                session=lab.run
                key=lab.job_key
                model=model_json
                predictions=predictions
                has_predictions=Signal::derive(move || result.with(Option::is_some))
                data=data_csv
                has_data=Signal::derive(move || lab.experiment.with(Result::is_ok))
                keras=keras
            >
                <DownloadButton label=Bi::new("필터 (MEME)", "Filters (MEME)") filename=format!("{STEM}-filters.meme") contents=filters enabled=has_model testid="export-filters" />
            </LabExport>
            <ModelImport id="lab-import" import=import />
            <Show when=move || lab.run.is_imported()>
                <p class="notice" data-testid="imported">{tr("불러온 모델을 지금 테스트 세트로 다시 평가했습니다 (5단계).", "The imported model was evaluated again on the current test set (step 5).")}</p>
            </Show>
        </section>
    }
}
