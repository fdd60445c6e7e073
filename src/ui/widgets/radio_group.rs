//! A labelled group of radio buttons bound to one signal (a `<fieldset>` with a `<legend>`).

use crate::ui::i18n::{Bi, use_lang};
use leptos::prelude::*;

/// One radio button per option; the checked one is the option equal to `value`.
#[component]
pub fn RadioGroup<T>(
    /// The shared `name` of the buttons (unique on the page).
    name: &'static str,
    /// The group's caption.
    legend: Bi,
    /// The values and their labels.
    options: Vec<(T, Bi)>,
    /// The chosen value, read and written.
    value: RwSignal<T>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let lang = use_lang();
    let buttons = options
        .into_iter()
        .map(|(option, label)| {
            let (checked, chosen) = (option.clone(), option);
            view! {
                <label class="inline">
                    <input
                        type="radio"
                        name=name
                        prop:checked=move || value.with(|v| *v == checked)
                        on:change=move |_| value.set(chosen.clone())
                    />
                    {move || label.get(lang.get())}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="inline-choices">
            <legend>{move || legend.get(lang.get())}</legend>
            {buttons}
        </fieldset>
    }
}
