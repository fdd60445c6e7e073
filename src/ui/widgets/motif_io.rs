//! Moving a motif in and out of SeqLab as text: JASPAR and MEME, pasted, opened or downloaded.

use crate::bio::formats::{FormatError, NamedMotif, parse_motif, to_jaspar, to_meme};
use crate::lang::Lang;
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::widgets::{DownloadButton, ErrorMessage, RadioGroup};
use leptos::prelude::*;

/// Largest motif file accepted (motif files are a few hundred bytes).
pub const MAX_FILE_BYTES: f64 = 1_000_000.0;

/// What went wrong while importing.
#[derive(Clone, Debug, PartialEq)]
enum ImportProblem {
    Format(FormatError),
    TooLarge,
    Unreadable,
}

impl ImportProblem {
    fn message(&self, lang: Lang) -> String {
        match self {
            ImportProblem::Format(error) => error.message(lang),
            ImportProblem::TooLarge => lang
                .pick(
                    "모티프 파일은 1 MB보다 작아야 합니다.",
                    "A motif file must be smaller than 1 MB.",
                )
                .to_string(),
            ImportProblem::Unreadable => lang
                .pick("파일을 읽을 수 없습니다.", "The file could not be read.")
                .to_string(),
        }
    }
}

/// The motif as JASPAR or MEME text, shown and offered for download.
#[component]
pub fn MotifExport(
    /// The motif to write (`None` while the input has an error).
    #[prop(into)]
    motif: Signal<Option<NamedMotif>>,
) -> impl IntoView {
    let meme = RwSignal::new(false);
    let text = Signal::derive(move || {
        motif.with(|m| {
            m.as_ref()
                .map(|m| if meme.get() { to_meme(m) } else { to_jaspar(m) })
        })
    });
    view! {
        <RadioGroup
            name="export-format"
            legend=Bi::new("형식", "Format")
            options=vec![(false, Bi::new("JASPAR", "JASPAR")), (true, Bi::new("MEME", "MEME"))]
            value=meme
        />
        <pre class="motif-text" data-testid="motif-export">{move || text.get().unwrap_or_default()}</pre>
        <div class="buttons">
            <DownloadButton
                label=Bi::new("JASPAR 파일 받기", "Download JASPAR file")
                filename="seqlab-motif.jaspar"
                contents=Callback::new(move |_| motif.with_untracked(|m| m.as_ref().map(to_jaspar)))
                enabled=Signal::derive(move || motif.with(Option::is_some))
            />
            <DownloadButton
                label=Bi::new("MEME 파일 받기", "Download MEME file")
                filename="seqlab-motif.meme"
                contents=Callback::new(move |_| motif.with_untracked(|m| m.as_ref().map(to_meme)))
                enabled=Signal::derive(move || motif.with(Option::is_some))
            />
        </div>
    }
}

/// A text area and a file picker that read a JASPAR or MEME motif and hand it to `on_load`.
#[component]
pub fn MotifImport(
    /// Receives every motif read successfully.
    on_load: Callback<NamedMotif>,
) -> impl IntoView {
    let lang = use_lang();
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<ImportProblem>);
    let error = Signal::derive(move || problem.with(|p| p.as_ref().map(|p| p.message(lang.get()))));
    let load = move || match parse_motif(&text.get_untracked()) {
        Ok(motif) => {
            problem.set(None);
            on_load.run(motif);
        }
        Err(error) => problem.set(Some(ImportProblem::Format(error))),
    };
    let open_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        if file.size() > MAX_FILE_BYTES {
            problem.set(Some(ImportProblem::TooLarge));
            return;
        }
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(contents) => {
                    text.try_set(contents.as_string().unwrap_or_default());
                    load();
                }
                Err(_) => {
                    problem.try_set(Some(ImportProblem::Unreadable));
                }
            }
        });
    };
    view! {
        <div class="field">
            <label for="motif-import">{tr("JASPAR 또는 MEME 모티프 붙여 넣기", "Paste a JASPAR or MEME motif")}</label>
            <textarea
                id="motif-import"
                class="sequence"
                rows=6
                spellcheck="false"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
        </div>
        <div class="buttons">
            <button
                type="button"
                class="motif-import-use"
                on:click=move |_| load()
                disabled=move || text.with(|t| t.trim().is_empty())
            >
                {tr("이 모티프 쓰기", "Use this motif")}
            </button>
            <label class="file-button">
                {tr("…또는 파일 열기", "…or open a file")}
                <input type="file" accept=".jaspar,.meme,.txt,.pfm" on:change=open_file />
            </label>
        </div>
        <ErrorMessage message=error />
    }
}
