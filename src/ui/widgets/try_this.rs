//! The "try this" box every lesson ends its explanation with.

use crate::ui::i18n::tr;
use leptos::prelude::*;

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
