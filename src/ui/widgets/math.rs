//! Formulas: LaTeX turned into MathML by the pure-Rust `latex2mathml` crate and inserted as markup,
//! so the browser typesets them natively (no math library, no network). A formula that fails to
//! convert shows its source in a `.math-error` element (the end-to-end tests fail on any).

use latex2mathml::{DisplayStyle, latex_to_mathml};
use leptos::prelude::*;

/// The MathML for `tex`, or an error element holding the source.
pub fn mathml(tex: &str, block: bool) -> String {
    let style = if block {
        DisplayStyle::Block
    } else {
        DisplayStyle::Inline
    };
    // The crate reports some errors inside its output rather than as an Err.
    latex_to_mathml(tex, style)
        .ok()
        .filter(|m| !m.contains("PARSE ERROR"))
        .unwrap_or_else(|| {
            let escaped = tex
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            format!("<code class=\"math-error\">{escaped}</code>")
        })
}

/// A formula written in LaTeX; it re-renders when `tex` changes (live numbers).
#[component]
pub fn Math(
    /// The LaTeX source.
    #[prop(into)]
    tex: Signal<String>,
    /// Display (centred, own line) rather than inline.
    #[prop(optional)]
    block: bool,
) -> impl IntoView {
    let class = if block { "math block" } else { "math" };
    view! { <span class=class inner_html=move || tex.with(|t| mathml(t, block))></span> }
}

/// Several display formulas side by side that wrap onto new lines on a narrow screen (a long
/// formula is written as parts: `z = …`, `= 1.00 × 0.80 + …`, `= 0.500`), so none is cut off or
/// needs a sideways scroll on a phone.
#[component]
pub fn Formulas(
    /// The LaTeX source of each part.
    #[prop(into)]
    parts: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <span class="formula-parts">
            {move || parts.get().into_iter().map(|tex| view! { <span class="math block" inner_html=mathml(&tex, true)></span> }).collect_view()}
        </span>
    }
}
