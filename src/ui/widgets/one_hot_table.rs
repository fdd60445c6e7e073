//! The one-hot matrix of a sequence as a table: one row per position, columns A, C, G, T.

use crate::bio::alphabet::Symbol;
use crate::bio::one_hot::one_hot;
use crate::ui::i18n::tr;
use leptos::prelude::*;

/// How many rows are drawn at most (the shape line still reports the full length).
pub const MAX_ROWS: usize = 200;

/// Renders `one_hot(symbols)` with labelled rows (index and base) and columns (A, C, G, T).
#[component]
pub fn OneHotTable(
    /// The parsed sequence.
    #[prop(into)]
    symbols: Signal<Vec<Symbol>>,
) -> impl IntoView {
    let matrix = Memo::new(move |_| symbols.with(|s| one_hot(s)));
    let rows = move || {
        let matrix = matrix.get();
        symbols.with(|symbols| {
            symbols
                .iter()
                .zip(matrix.rows())
                .take(MAX_ROWS)
                .enumerate()
                .map(|(i, (symbol, row))| {
                    let cells = row
                        .iter()
                        .map(|&v| {
                            let class = if v == 1.0 {
                                "hot"
                            } else if v > 0.0 {
                                "part"
                            } else {
                                ""
                            };
                            view! { <td class=class>{format_cell(v)}</td> }
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row" class="idx">{i}</th>
                            <th scope="row" class="base">{symbol.letter().to_string()}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let length = move || symbols.with(Vec::len);
    view! {
        <p class="shape" data-testid="onehot-shape">
            {tr("모양(shape)", "Shape")}
            ": ("
            {length}
            ", 4)"
        </p>
        <div class="table-scroll">
            <table class="matrix onehot" data-testid="onehot-table">
                <caption>{tr("원-핫 행렬: 행 = 위치, 열 = 염기", "One-hot matrix: rows = positions, columns = bases")}</caption>
                <thead>
                    <tr>
                        <th scope="col">"i"</th>
                        <th scope="col">{tr("염기", "base")}</th>
                        <th scope="col">"A"</th>
                        <th scope="col">"C"</th>
                        <th scope="col">"G"</th>
                        <th scope="col">"T"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Show when=move || { length() > MAX_ROWS }>
            <p class="hint">
                {tr("처음 ", "Showing the first ")}
                {MAX_ROWS}
                {tr("행만 보여 줍니다. 전체 길이: ", " rows. Full length: ")}
                {length}
            </p>
        </Show>
    }
}

/// `1`, `0` or `0.25`: the shortest exact text of a one-hot entry.
fn format_cell(value: f32) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}
