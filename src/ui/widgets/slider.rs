//! A labelled range slider bound to a number signal, its value shown beside it.

use crate::bounds::Bounds;
use crate::ui::i18n::{Bi, use_lang};
use leptos::prelude::*;

/// A slider over `bounds` in steps of `step`, showing the value with `decimals` digits.
#[component]
pub fn Slider(
    /// Element id (ties the label to the input).
    id: &'static str,
    /// The label.
    label: Bi,
    /// The value, read and written.
    value: RwSignal<f64>,
    /// The allowed values (the same bounds the URL reader holds the setting in).
    bounds: Bounds<f64>,
    /// Step between values.
    step: f64,
    /// Digits after the decimal point in the shown value.
    #[prop(default = 2)]
    decimals: usize,
) -> impl IntoView {
    let lang = use_lang();
    let (min, max) = (bounds.min, bounds.max);
    let shown = move || crate::lang::numbers::signed(value.get(), decimals);
    view! {
        <div class="field slider">
            <label for=id>{move || label.get(lang.get())}</label>
            <input
                id=id
                type="range"
                min=min.to_string()
                max=max.to_string()
                step=step.to_string()
                prop:value=move || value.get().to_string()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                        value.set(v.clamp(min, max));
                    }
                }
            />
            <output for=id>{shown}</output>
        </div>
    }
}
