//! The upload: a file picker and drop zone, a preview of the first rows with the sequence and value
//! columns to choose, and the verdict on every row (accepted, rejected with its reason, blank).

use super::state::Expr;
use crate::data::csv::{Decimal, Layout, Limits, numeric_hint};
use crate::ui::i18n::{tr, use_lang};
use crate::ui::tasks::read_file;
use crate::ui::widgets::{ErrorMessage, RowVerdicts};
use leptos::prelude::*;
use std::sync::Arc;

fn take_file(expr: Expr, file: web_sys::File) {
    let name = file.name();
    leptos::task::spawn_local(async move {
        match read_file(file).await {
            Ok(bytes) => {
                expr.upload.try_set(Some((name, Arc::new(bytes))));
            }
            Err(_) => {
                expr.upload.try_set(Some((name, Arc::new(Vec::new()))));
            }
        }
    });
}

/// File picker, drop zone, preview, column choice and row verdicts.
#[component]
pub fn UploadPanel() -> impl IntoView {
    let expr = expect_context::<Expr>();
    let lang = use_lang();
    let dragging = RwSignal::new(false);
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            take_file(expr, file);
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            take_file(expr, file);
        }
    };
    let file_error = Signal::derive(move || {
        expr.upload_preview
            .with(|p| {
                p.as_ref()
                    .and_then(|p| p.as_ref().err())
                    .map(|e| e.message(lang.get()))
            })
            .or_else(|| {
                expr.upload_table.with(|t| {
                    t.as_ref()
                        .and_then(|t| t.as_ref().err())
                        .map(|e| e.message(lang.get()))
                })
            })
    });
    // A table of numbers (no sequence column, two numeric columns or more) is the bioreactor
    // lab's: say so, whether the sequence reader refused the file or guessed a layout for it.
    let hint = Memo::new(move |_| {
        expr.upload.with(|u| {
            u.as_ref()
                .and_then(|(_, bytes)| numeric_hint(bytes, Limits::default()))
        })
    });
    let set_layout = move |change: fn(&mut Layout, usize), value: String| {
        if let Ok(v) = value.parse::<usize>() {
            expr.layout.update(|l| {
                if let Some(l) = l {
                    change(l, v);
                }
            });
        }
    };
    let preview = move || {
        expr.upload_preview.with(|p| {
            p.as_ref().and_then(|p| p.as_ref().ok()).map(|preview| {
                let columns = preview.columns.clone();
                let header = columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view();
                let rows = preview
                    .rows
                    .iter()
                    .map(|row| view! { <tr>{row.iter().map(|f| view! { <td>{f.clone()}</td> }).collect_view()}</tr> })
                    .collect_view();
                let options = move |selected: fn(&Layout) -> usize| {
                    columns
                        .iter()
                        .enumerate()
                        .map(|(i, c)| {
                            let label = format!("{} · {c}", i + 1);
                            view! { <option value=i.to_string() selected=move || expr.layout.with(|l| l.as_ref().is_some_and(|l| selected(l) == i))>{label}</option> }
                        })
                        .collect_view()
                };
                let ambiguous = preview.ambiguous;
                let assumed = preview.clone();
                view! {
                    <Show when=move || ambiguous>
                        <p class="notice">{tr("어느 열이 서열이고 어느 열이 값인지 확실하지 않습니다. 아래에서 골라 주세요.", "It is not clear which column holds the sequences and which the values: please choose below.")}</p>
                    </Show>
                    <div class="field-row">
                        <div class="field select">
                            <label for="upload-seq-col">{tr("서열 열", "Sequence column")}</label>
                            <select id="upload-seq-col" on:change=move |ev| set_layout(|l, v| l.sequence_column = v, event_target_value(&ev))>{options(|l| l.sequence_column)}</select>
                        </div>
                        <div class="field select">
                            <label for="upload-value-col">{tr("값 열", "Value column")}</label>
                            <select id="upload-value-col" on:change=move |ev| set_layout(|l, v| l.value_column = v, event_target_value(&ev))>{options(|l| l.value_column)}</select>
                        </div>
                        <label class="inline">
                            <input type="checkbox" prop:checked=move || expr.layout.with(|l| l.as_ref().is_some_and(|l| l.has_header))
                                on:change=move |ev| { let on = event_target_checked(&ev); expr.layout.update(|l| if let Some(l) = l { l.has_header = on; }); } />
                            {tr("첫 행은 열 이름", "first row is a header")}
                        </label>
                        <label class="inline">
                            <input type="checkbox" data-testid="decimal-comma" prop:checked=move || expr.layout.with(|l| l.as_ref().is_some_and(|l| l.decimal == Decimal::Comma))
                                on:change=move |ev| { let on = event_target_checked(&ev); expr.layout.update(|l| if let Some(l) = l { l.decimal = if on { Decimal::Comma } else { Decimal::Point }; }); } />
                            {tr("소수점 쉼표 (3,139 = 3.139)", "decimal comma (3,139 = 3.139)")}
                        </label>
                    </div>
                    <p class="hint" data-testid="upload-assumed">{move || {
                        let lang = lang.get();
                        let read_as = expr.layout.with(|l| l.as_ref().map(|l| assumed.assumptions(l, lang)).unwrap_or_default());
                        lang.pick(format!("이렇게 읽었습니다: {read_as}"), format!("Read as: {read_as}"))
                    }}</p>
                    <div class="table-scroll">
                        <table class="matrix preview" data-testid="upload-preview">
                            <caption>{tr("처음 몇 행", "The first rows")}</caption>
                            <thead><tr>{header}</tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            })
        })
    };
    let verdict = Signal::derive(move || {
        expr.upload_table
            .with(|t| t.as_ref().and_then(|t| t.as_ref().ok()).cloned())
    });
    view! {
        <div
            class="drop-zone"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <label for="upload-file">{tr("CSV 또는 TSV 파일 (서열 열 + 값 열, 머리줄 있어도 없어도 됨)", "CSV or TSV file (a sequence column and a value column, with or without a header)")}</label>
            <input id="upload-file" type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" on:change=on_pick />
            <p class="hint">{tr("…또는 파일을 여기로 끌어 놓으세요. 파일은 이 브라우저를 떠나지 않습니다. 최대 50 MB, 200,000행.", "…or drop a file here. The file never leaves this browser. At most 50 MB and 200,000 rows.")}</p>
            <p class="file-name">{move || expr.upload.with(|u| u.as_ref().map(|(name, bytes)| format!("{name} ({} bytes)", bytes.len())))}</p>
        </div>
        <ErrorMessage message=file_error />
        {move || hint.get().map(|h| view! {
            <p class="notice" data-testid="upload-numeric-hint">
                {move || h.message(lang.get())} " "
                <a href=crate::ui::state::app_path("/bioreactor-lab?data=upload")>{tr("생물반응기 실습 열기", "Open the bioreactor lab")}</a>
            </p>
        })}
        {preview}
        <RowVerdicts table=verdict />
    }
}
