//! Labelled form fields bound to signals: a number box and a drop-down list.

use crate::bounds::Bounds;
use crate::lang::{Particle, with_particle};
use crate::ui::i18n::{Bi, use_lang};
use leptos::prelude::*;
use std::fmt::Display;
use std::str::FromStr;

/// A labelled number input. Typing a value that does not parse (or lies outside `bounds`) leaves
/// the signal unchanged, puts the value in use back into the box, marks the field invalid and says
/// what was typed, what is allowed and what is used.
#[component]
pub fn NumberField<T>(
    /// Element id (ties the label to the input).
    #[prop(into)]
    id: String,
    /// The label.
    label: Bi,
    /// The value, read and written.
    value: RwSignal<T>,
    /// The allowed values (the same bounds the URL reader holds the setting in).
    bounds: Bounds<T>,
    /// The input's step (`"1"`, `"0.0001"`, `"any"`).
    #[prop(default = "1")]
    step: &'static str,
    /// Decimals shown in the box (all of the value's digits when not given).
    #[prop(optional)]
    decimals: Option<usize>,
    /// Shows the allowed range under the box ("−10 to 10") before anything is typed (for fields
    /// whose limits are part of the lesson).
    #[prop(optional)]
    show_range: bool,
) -> impl IntoView
where
    T: FromStr + Display + PartialOrd + Copy + Send + Sync + 'static,
{
    let lang = use_lang();
    // What was typed and refused, while the field is invalid.
    let refused = RwSignal::new(None::<String>);
    // The box holds ASCII (a number input reads nothing else); sentences use real minus signs.
    let (min, max) = (bounds.min, bounds.max);
    let shown = move |v: T| match decimals {
        Some(d) => format!("{v:.d$}"),
        None => v.to_string(),
    };
    let range_id = format!("{id}-range");
    let error_id = format!("{id}-error");
    view! {
        <div class="field number">
            <label for=id.clone()>{move || label.get(lang.get())}</label>
            <input
                id=id
                type="number"
                min=min.to_string()
                max=max.to_string()
                step=step
                aria-invalid=move || refused.with(Option::is_some).to_string()
                aria-describedby=show_range.then(|| range_id.clone())
                prop:value=move || shown(value.get())
                on:change=move |ev| {
                    let typed = event_target_value(&ev).trim().to_string();
                    match typed.parse::<T>() {
                        Ok(v) if bounds.contains(v) => {
                            refused.set(None);
                            value.set(v);
                        }
                        _ => {
                            refused.set(Some(crate::lang::quoted(&typed)));
                            // The box shows the value in use, not the refused text.
                            event_target::<web_sys::HtmlInputElement>(&ev)
                                .set_value(&shown(value.get_untracked()));
                        }
                    }
                }
            />
            {show_range.then(|| {
                let (min, max) = (real_minus(min), real_minus(max));
                view! {
                    <small class="field-range" id=range_id.clone() data-testid=range_id.clone()>
                        {move || lang.get().pick(format!("{min}부터 {max}까지"), format!("{min} to {max}"))}
                    </small>
                }
            })}
            <Show when=move || refused.with(Option::is_some)>
                <p class="field-error" role="alert" data-testid=error_id.clone()>
                    {move || {
                        let used = real_minus(shown(value.get()));
                        let typed = real_minus(refused.get().unwrap_or_default());
                        let (min, max) = (real_minus(min), real_minus(max));
                        let lang = lang.get();
                        let what = if typed.is_empty() {
                            lang.pick("입력한 값은 숫자가 아닙니다", "What was typed is not a number").to_string()
                        } else {
                            lang.pick(
                                format!("{} 쓸 수 없습니다", with_particle(&typed, Particle::Topic)),
                                format!("{typed} cannot be used"),
                            )
                        };
                        lang.pick(
                            format!("{what}. {min}부터 {max}까지 쓸 수 있어 지금은 {} 씁니다.", with_particle(&used, Particle::Object)),
                            format!("{what}: allowed {min} to {max}, so {used} is still used."),
                        )
                    }}
                </p>
            </Show>
        </div>
    }
}

/// A labelled drop-down list of `(value, label)` options (a `Choice`'s values, or numbers from a
/// list) bound to a signal; each option's value is the value's text.
#[component]
pub fn SelectField<T>(
    /// Element id.
    #[prop(into)]
    id: String,
    /// The label.
    label: Bi,
    /// The options.
    options: Vec<(T, Bi)>,
    /// The chosen value, read and written.
    value: RwSignal<T>,
) -> impl IntoView
where
    T: FromStr + Display + PartialEq + Copy + Send + Sync + 'static,
{
    let lang = use_lang();
    let items = options
        .into_iter()
        .map(|(v, text)| {
            view! {
                <option value=v.to_string() selected=move || value.with(|c| *c == v)>
                    {move || text.get(lang.get())}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field select">
            <label for=id.clone()>{move || label.get(lang.get())}</label>
            <select
                id=id
                on:change=move |ev| {
                    if let Ok(chosen) = event_target_value(&ev).parse::<T>() {
                        value.set(chosen);
                    }
                }
            >
                {items}
            </select>
        </div>
    }
}

/// `value` as text with a real minus sign (U+2212) for a leading `-`.
fn real_minus(value: impl Display) -> String {
    let text = value.to_string();
    match text.strip_prefix('-') {
        Some(rest) => format!("−{rest}"),
        None => text,
    }
}
