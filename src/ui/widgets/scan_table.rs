//! The windows of a scan as a table: start, window and score on each strand, best window marked.

use crate::bio::scan::WindowScore;
use crate::ui::i18n::tr;
use crate::ui::widgets::format_score;
use leptos::prelude::*;

/// Rows shown at most; longer scans are summarised by the score track.
pub const MAX_ROWS: usize = 300;

/// One row per window with its forward and reverse-complement score (4 decimals); the best score
/// of the whole scan is highlighted.
#[component]
pub fn ScanTable(
    /// The scanned windows.
    #[prop(into)]
    scores: Signal<Vec<WindowScore>>,
) -> impl IntoView {
    let best = Memo::new(move |_| {
        scores.with(|s| {
            s.iter()
                .map(WindowScore::best)
                .fold(f64::NEG_INFINITY, f64::max)
        })
    });
    let rows = move || {
        let best = best.get();
        scores.with(|scores| {
            scores
                .iter()
                .take(MAX_ROWS)
                .map(|w| {
                    let mark = |v: f64| if v == best { "best" } else { "" };
                    view! {
                        <tr>
                            <th scope="row">{w.start}</th>
                            <td class="seq">{w.window.clone()}</td>
                            <td class=mark(w.forward) title=w.forward.to_string()>{format_score(w.forward, 4)}</td>
                            <td class="seq">{w.reverse_window.clone()}</td>
                            <td class=mark(w.reverse) title=w.reverse.to_string()>{format_score(w.reverse, 4)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="table-scroll">
            <table class="matrix scan" data-testid="scan-table">
                <caption>
                    {tr(
                        "창마다의 점수. − 창 = 역상보 서열(5′→3′). 굵은 칸 = 가장 높은 점수.",
                        "Score of every window. − window = reverse complement (5′→3′). Bold = best score.",
                    )}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{tr("시작", "start")}</th>
                        <th scope="col">{tr("+ 창", "+ window")}</th>
                        <th scope="col">{tr("+ 점수", "+ score")}</th>
                        <th scope="col">{tr("− 창", "− window")}</th>
                        <th scope="col">{tr("− 점수", "− score")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
