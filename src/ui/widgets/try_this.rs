//! The "try this" box every lesson ends its explanation with.

use crate::ui::i18n::tr;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A highlighted box titled "Try this" holding suggestions (usually a list).
#[component]
pub fn TryThis(
    /// The suggestions.
    children: Children,
) -> impl IntoView {
    view! {
        <aside class="try-this">
            <h2>{tr("직접 해 보기", "Try this")}</h2>
            {children()}
        </aside>
    }
}

/// A small "show me" button after a try-this suggestion: it scrolls the control the suggestion
/// talks about (the first element matching `target`, a CSS selector) into the middle of the
/// screen, focuses it and flashes its outline, so a suggestion at the end of a long page never
/// sends the student hunting for the control.
#[component]
pub fn ShowMe(
    /// CSS selector of the control (`#cnn-bias`, `input[name=cnn-pad]`).
    target: &'static str,
) -> impl IntoView {
    let show = move |_| {
        let Some(element) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(target).ok().flatten())
        else {
            return;
        };
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
        if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
            let focus = web_sys::FocusOptions::new();
            focus.set_prevent_scroll(true);
            let _ = html.focus_with_options(&focus);
        }
        let _ = element.class_list().add_1("flash");
        set_timeout(
            move || {
                let _ = element.class_list().remove_1("flash");
            },
            std::time::Duration::from_millis(1600),
        );
    };
    view! {
        " "
        <button type="button" class="show-me" data-target=target on:click=show>{tr("↑ 보기", "↑ Show me")}</button>
    }
}
