//! The one export step every lab ends with: the model, its history, the test predictions, the
//! data, and the same experiment as a Keras script and a Jupyter notebook (in the page's
//! language); and the one way back in, [`ModelImport`].

use crate::lab::keras_script::KerasExport;
use crate::nn::ModelFileError;
use crate::nn::saved::MAX_FILE_BYTES;
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::tasks::read_file;
use crate::ui::training::TrainingSession;
use crate::ui::widgets::{DownloadButton, ErrorMessage};
use leptos::prelude::*;

/// Download buttons for a lab's files. File names start with `stem` (`seqlab-motif` gives
/// `seqlab-motif-model.json`, …, and the data file the script reads, `seqlab_motif_data.csv`).
#[component]
pub fn LabExport(
    /// The start of every file name.
    stem: &'static str,
    /// The run (its history is offered, and whether it has a model for `key`).
    session: TrainingSession,
    /// The settings' fingerprint.
    #[prop(into)]
    key: Signal<u64>,
    /// The model file's text.
    model: Callback<(), Option<String>>,
    /// The test predictions as CSV.
    predictions: Callback<(), Option<String>>,
    /// Whether there are predictions.
    #[prop(into)]
    has_predictions: Signal<bool>,
    /// The data as CSV (the file the script reads).
    data: Callback<(), Option<String>>,
    /// Whether there is data.
    #[prop(into)]
    has_data: Signal<bool>,
    /// The experiment for the script and the notebook.
    keras: Callback<(), Option<KerasExport>>,
    /// Further buttons (the motif lab's filters).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let lang = use_lang();
    let data_file = data_file_name(stem);
    let has_model = Signal::derive(move || session.has_model_for(key.get()));
    let history = Callback::new(move |_| {
        session
            .history
            .with_untracked(|h| (!h.epochs.is_empty()).then(|| h.to_csv()))
    });
    let script = Callback::new(move |_| keras.run(()).map(|k| k.script()));
    let notebook = Callback::new(move |_| keras.run(()).map(|k| k.notebook(lang.get_untracked())));
    let file = move |suffix: &str| format!("{stem}{suffix}");
    view! {
        <div class="buttons">
            <DownloadButton label=Bi::new("모델 (JSON)", "Model (JSON)") filename=file("-model.json") mime="application/json" contents=model enabled=has_model testid="export-model" />
            <DownloadButton label=Bi::new("학습 기록 (CSV)", "History (CSV)") filename=file("-history.csv") mime="text/csv" contents=history enabled=Signal::derive(move || session.history.with(|h| !h.epochs.is_empty())) testid="export-history" />
            <DownloadButton label=Bi::new("테스트 예측 (CSV)", "Test predictions (CSV)") filename=file("-predictions.csv") mime="text/csv" contents=predictions enabled=has_predictions testid="export-predictions" />
            {children.map(|c| c())}
            <DownloadButton label=Bi::new("데이터 (CSV)", "Data (CSV)") filename=data_file mime="text/csv" contents=data enabled=has_data testid="export-data" />
            <DownloadButton label=Bi::new("Keras 스크립트 (.py)", "Keras script (.py)") filename=data_file_name(stem).replace("_data.csv", "_keras.py") mime="text/x-python" contents=script enabled=has_data testid="export-keras" />
            <DownloadButton label=Bi::new("Jupyter 노트북 (.ipynb)", "Jupyter notebook (.ipynb)") filename=data_file_name(stem).replace("_data.csv", "_keras.ipynb") mime="application/x-ipynb+json" contents=notebook enabled=has_data testid="export-notebook" />
        </div>
    }
}

/// The data file a lab's script reads: `seqlab-motif` → `seqlab_motif_data.csv`.
pub fn data_file_name(stem: &str) -> String {
    format!("{}_data.csv", stem.replace('-', "_"))
}

/// A file input that reads a saved model (at most [`MAX_FILE_BYTES`], UTF-8) and hands its text to
/// `import`, which returns why it cannot be used (shown under the input) or `None` once imported.
#[component]
pub fn ModelImport(
    /// The input's id.
    id: &'static str,
    /// Uses the file's text; `Some(error)` if it cannot.
    import: Callback<String, Option<ModelFileError>>,
) -> impl IntoView {
    let lang = use_lang();
    let problem = RwSignal::new(None::<ModelFileError>);
    let error = Signal::derive(move || problem.with(|p| p.as_ref().map(|e| e.message(lang.get()))));
    let on_change = move |ev: leptos::ev::Event| {
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
            problem.try_set(import.run(text));
        });
    };
    view! {
        <div class="field">
            <label for=id>{tr("저장한 모델 불러오기 (JSON)", "Import a saved model (JSON)")}</label>
            <input id=id type="file" accept=".json,application/json" on:change=on_change />
        </div>
        <ErrorMessage message=error />
    }
}
