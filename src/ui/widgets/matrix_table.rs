//! A motif matrix (PFM, PWM or PSSM) as a table laid out like Biopython prints it: rows `A:`, `C:`,
//! `G:`, `T:` × positions 0, 1, 2, … with a fixed number of decimals.

use crate::bio::alphabet::Base;
use crate::ui::i18n::{Bi, use_lang};
use leptos::prelude::*;
use ndarray::Array2;

/// Formats a score or probability with `decimals` places and a real minus sign; −∞ and +∞ are
/// written as such ([`crate::lang::numbers::signed`]).
pub fn format_score(value: f64, decimals: usize) -> String {
    crate::lang::numbers::signed(value, decimals)
}

/// Renders a `[4, W]` matrix (rows A, C, G, T) with position headers.
#[component]
pub fn MatrixTable(
    /// The matrix, rows A, C, G, T × positions.
    #[prop(into)]
    matrix: Signal<Array2<f64>>,
    /// Decimal places of every cell.
    decimals: usize,
    /// The caption saying what the matrix is.
    caption: Bi,
    /// Shade cells by value (for probabilities in 0..1).
    #[prop(optional)]
    shade: bool,
    /// `data-testid` for the end-to-end tests.
    testid: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let header = move || {
        matrix.with(|m| {
            (0..m.ncols())
                .map(|j| view! { <th scope="col">{j}</th> })
                .collect_view()
        })
    };
    let rows = move || {
        matrix.with(|m| {
            m.rows()
                .into_iter()
                .enumerate()
                .map(|(b, row)| {
                    let base = Base::from_index(b).letter();
                    let cells = row
                        .iter()
                        .map(|&v| {
                            let style = (shade && v.is_finite())
                                .then(|| format!("--shade:{:.3}", v.clamp(0.0, 1.0)));
                            view! { <td style=style>{format_score(v, decimals)}</td> }
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row" class=format!("base base-{base}")>{format!("{base}:")}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="table-scroll">
            <table class="matrix motif" class:shaded=shade data-testid=testid>
                <caption>{move || caption.get(lang.get())}</caption>
                <thead>
                    <tr>
                        <td></td>
                        {header}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
