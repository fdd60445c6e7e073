//! An inline error message for bad input: announced to screen readers, never a panic.

use leptos::prelude::*;

/// Shows `message` in an alert box while it is `Some`.
#[component]
pub fn ErrorMessage(
    /// The message in the current language, or `None` for no error.
    #[prop(into)]
    message: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <Show when=move || message.with(Option::is_some)>
            <p class="error" role="alert">
                <span aria-hidden="true">"⚠ "</span>
                {move || message.get().unwrap_or_default()}
            </p>
        </Show>
    }
}
