//! A labelled text area for a DNA/RNA sequence (or several aligned ones).

use crate::ui::i18n::{Bi, use_lang};
use leptos::prelude::*;

/// A labelled `<textarea>` bound to `value`, with spell-checking and auto-capitalisation off.
#[component]
pub fn SequenceInput(
    /// The element id (also ties the label to the field).
    id: &'static str,
    /// The visible label.
    label: Bi,
    /// A hint under the field.
    #[prop(optional)]
    hint: Option<Bi>,
    /// The text, read and written.
    value: RwSignal<String>,
    /// Visible rows.
    #[prop(default = 2)]
    rows: u32,
) -> impl IntoView {
    let lang = use_lang();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id>{move || label.get(lang.get())}</label>
            <textarea
                id=id
                class="sequence"
                rows=rows
                spellcheck="false"
                autocapitalize="off"
                autocomplete="off"
                aria-describedby=hint.map(|_| hint_id.clone())
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{move || hint.get(lang.get())}</p> })}
        </div>
    }
}
