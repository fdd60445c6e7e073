//! Saving text the app made (motif files, tables) as a download, without any server.

use crate::ui::i18n::{Bi, use_lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `contents` as a file called `filename` (through a Blob URL and a temporary link).
pub fn download_text(filename: &str, contents: &str, mime: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(filename);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// A button that downloads `contents()` as `filename`; the text is made only when clicked.
#[component]
pub fn DownloadButton(
    /// The button text.
    label: Bi,
    /// The file name offered.
    #[prop(into)]
    filename: String,
    /// The MIME type.
    #[prop(default = "text/plain")]
    mime: &'static str,
    /// Makes the text to save (`None`: nothing to save).
    contents: Callback<(), Option<String>>,
    /// Whether there is something to save (the button is disabled otherwise).
    #[prop(into)]
    enabled: Signal<bool>,
    /// `data-testid` of the button.
    #[prop(optional)]
    testid: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <button
            type="button"
            data-testid=testid
            disabled=move || !enabled.get()
            on:click=move |_| {
                if let Some(text) = contents.run(()) {
                    download_text(&filename, &text, mime);
                }
            }
        >
            {move || label.get(lang.get())}
        </button>
    }
}
