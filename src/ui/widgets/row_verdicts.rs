//! What became of every line of an uploaded table: the counts (accepted + rejected + empty +
//! header = lines), the most common problem, and every rejected row with its line and reason.

use crate::data::csv::Table;
use crate::ui::i18n::{tr, use_lang};
use leptos::prelude::*;

/// Rejected rows listed at most (the count always covers all).
const LISTED: usize = 200;

/// The verdicts of `table` (nothing while it is `None`).
#[component]
pub fn RowVerdicts(
    /// The table read from the upload.
    #[prop(into)]
    table: Signal<Option<Table>>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        table.with(|t| {
            t.as_ref().map(|table| {
                let counts = lang.pick(
                    format!(
                        "{}줄: 받아들인 행 {} · 거부한 행 {} · 빈 행 {} · 머리줄 {}",
                        table.lines, table.rows.len(), table.rejected.len(), table.blank_lines, table.header_lines
                    ),
                    format!(
                        "{} lines: {} rows accepted · {} rejected · {} empty · {} header",
                        table.lines, table.rows.len(), table.rejected.len(), table.blank_lines, table.header_lines
                    ),
                );
                let main_problem = table.main_problem().map(|(example, n)| {
                    let total = table.rows.len() + table.rejected.len();
                    let line = lang.pick(format!("{}번째 줄", example.line), format!("line {}", example.line));
                    lang.pick(
                        format!("데이터 행 {total}개 중 {n}개가 같은 이유로 거부되었습니다. 예: {line}: {}", example.error.message(lang)),
                        format!("{n} of {total} data rows were rejected for the same reason, e.g. {line}: {}", example.error.message(lang)),
                    )
                });
                let listed = table
                    .rejected
                    .iter()
                    .take(LISTED)
                    .map(|r| {
                        let line = lang.pick(format!("{}번째 줄", r.line), format!("line {}", r.line));
                        view! { <li><strong>{line}</strong> ": " {r.error.message(lang)}</li> }
                    })
                    .collect_view();
                let more = table.rejected.len().saturating_sub(LISTED);
                let any = !table.rejected.is_empty();
                view! {
                    <p class="counts" data-testid="upload-counts">{counts}</p>
                    {main_problem.map(|text| view! { <p class="notice" role="alert" data-testid="upload-main-problem">{text}</p> })}
                    {any.then(|| view! {
                        <details open>
                            <summary>{tr("거부한 행과 이유", "Rejected rows and why")}</summary>
                            <ul class="rejected" data-testid="upload-rejected">{listed}</ul>
                            {(more > 0).then(|| view! {
                                <p class="hint">{lang.pick(format!("…그리고 {more}행 더"), format!("…and {more} more"))}</p>
                            })}
                        </details>
                    })}
                }
            })
        })
    }
}
