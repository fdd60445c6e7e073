//! Labelled form fields bound to signals: a number box and a drop-down list.

use crate::bounds::Bounds;
use crate::ui::i18n::{Bi, use_lang};
use leptos::prelude::*;
use std::fmt::Display;
use std::str::FromStr;

/// A labelled number input. Typing a value that does not parse (or lies outside `bounds`) leaves
/// the signal unchanged, marks the field invalid and says what is allowed.
#[component]
pub fn NumberField<T>(
    /// Element id (ties the label to the input).
    id: &'static str,
    /// The label.
    label: Bi,
    /// The value, read and written.
    value: RwSignal<T>,
    /// The allowed values (the same bounds the URL reader holds the setting in).
    bounds: Bounds<T>,
    /// The input's step (`"1"`, `"0.0001"`, `"any"`).
    #[prop(default = "1")]
    step: &'static str,
) -> impl IntoView
where
    T: FromStr + Display + PartialOrd + Copy + Send + Sync + 'static,
{
    let lang = use_lang();
    let invalid = RwSignal::new(false);
    let (min, max) = (bounds.min, bounds.max);
    view! {
        <div class="field number">
            <label for=id>{move || label.get(lang.get())}</label>
            <input
                id=id
                type="number"
                min=min.to_string()
                max=max.to_string()
                step=step
                aria-invalid=move || invalid.get().to_string()
                prop:value=move || value.get().to_string()
                on:change=move |ev| {
                    match event_target_value(&ev).trim().parse::<T>() {
                        Ok(v) if bounds.contains(v) => {
                            invalid.set(false);
                            value.set(v);
                        }
                        _ => invalid.set(true),
                    }
                }
            />
            <Show when=move || invalid.get()>
                <p class="field-error" role="alert">
                    {move || {
                        let used = value.get();
                        lang.get().pick(
                            format!("{min}부터 {max}까지 쓸 수 있습니다. 지금은 {used}을(를) 씁니다."),
                            format!("Allowed: {min} to {max}; {used} is still used."),
                        )
                    }}
                </p>
            </Show>
        </div>
    }
}

/// A labelled drop-down list of `(value, label)` options bound to a string signal.
#[component]
pub fn SelectField(
    /// Element id.
    id: &'static str,
    /// The label.
    label: Bi,
    /// The options.
    options: Vec<(&'static str, Bi)>,
    /// The chosen value, read and written.
    value: RwSignal<String>,
) -> impl IntoView {
    let lang = use_lang();
    let items = options
        .into_iter()
        .map(|(v, text)| {
            view! {
                <option value=v selected=move || value.with(|c| c == v)>
                    {move || text.get(lang.get())}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field select">
            <label for=id>{move || label.get(lang.get())}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                {items}
            </select>
        </div>
    }
}
