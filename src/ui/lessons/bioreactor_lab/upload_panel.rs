//! The upload of a table of runs: a file picker and drop zone, a preview of the first rows, the
//! target column and the feature columns to choose, and the verdict on every row (accepted,
//! rejected with its line and reason, blank, header) — the counts add up to the file's lines.

use super::state::Bio;
use crate::data::csv::{Decimal, TabularLayout};
use crate::ui::i18n::{tr, use_lang};
use crate::ui::tasks::read_file;
use crate::ui::widgets::ErrorMessage;
use leptos::prelude::*;
use std::sync::Arc;

/// Rejected rows listed at most (the count always covers all).
const LISTED: usize = 200;

fn take_file(bio: Bio, file: web_sys::File) {
    let name = file.name();
    leptos::task::spawn_local(async move {
        match read_file(file).await {
            Ok(bytes) => {
                bio.upload.try_set(Some((name, Arc::new(bytes))));
            }
            Err(_) => {
                bio.upload.try_set(Some((name, Arc::new(Vec::new()))));
            }
        }
    });
}

/// Changes the chosen layout (if there is one).
fn update(bio: Bio, change: impl FnOnce(&mut TabularLayout)) {
    bio.layout.update(|l| {
        if let Some(l) = l {
            change(l);
        }
    });
}

/// File picker, drop zone, preview, column choice and row verdicts.
#[component]
pub fn UploadPanel() -> impl IntoView {
    let bio = expect_context::<Bio>();
    let lang = use_lang();
    let dragging = RwSignal::new(false);
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            take_file(bio, file);
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
            take_file(bio, file);
        }
    };
    let file_error = Signal::derive(move || {
        bio.upload_preview
            .with(|p| {
                p.as_ref()
                    .and_then(|p| p.as_ref().err())
                    .map(|e| e.message(lang.get()))
            })
            .or_else(|| {
                bio.upload_table.with(|t| {
                    t.as_ref()
                        .and_then(|t| t.as_ref().err())
                        .map(|e| e.message(lang.get()))
                })
            })
    });
    let preview = move || {
        bio.upload_preview.with(|p| {
            p.as_ref().and_then(|p| p.as_ref().ok()).map(|preview| {
                let columns = preview.columns.clone();
                let header = columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view();
                let rows = preview
                    .rows
                    .iter()
                    .map(|row| view! { <tr>{row.iter().map(|f| view! { <td>{f.clone()}</td> }).collect_view()}</tr> })
                    .collect_view();
                let numeric = preview.numeric_columns.clone();
                let target_options = numeric
                    .iter()
                    .map(|&i| {
                        let label = format!("{} · {}", i + 1, columns[i]);
                        view! { <option value=i.to_string() selected=move || bio.layout.with(|l| l.as_ref().is_some_and(|l| l.target_column == i))>{label}</option> }
                    })
                    .collect_view();
                let feature_boxes = numeric
                    .iter()
                    .map(|&i| {
                        let label = format!("{} · {}", i + 1, columns[i]);
                        let checked = move || bio.layout.with(|l| l.as_ref().is_some_and(|l| l.feature_columns.contains(&i)));
                        let is_target = move || bio.layout.with(|l| l.as_ref().is_some_and(|l| l.target_column == i));
                        view! {
                            <label class="inline">
                                <input type="checkbox" data-testid=format!("upload-feature-{i}") prop:checked=checked disabled=is_target
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        update(bio, |l| {
                                            l.feature_columns.retain(|&c| c != i);
                                            if on {
                                                l.feature_columns.push(i);
                                                l.feature_columns.sort_unstable();
                                            }
                                        });
                                    } />
                                {label}
                            </label>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="field-row">
                        <div class="field select">
                            <label for="upload-target-col">{tr("목표 열 (예측할 값)", "Target column (what to predict)")}</label>
                            <select id="upload-target-col" on:change=move |ev| {
                                if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                                    update(bio, |l| {
                                        l.target_column = v;
                                        l.feature_columns.retain(|&c| c != v);
                                    });
                                }
                            }>{target_options}</select>
                        </div>
                        <label class="inline">
                            <input type="checkbox" prop:checked=move || bio.layout.with(|l| l.as_ref().is_some_and(|l| l.has_header))
                                on:change=move |ev| { let on = event_target_checked(&ev); update(bio, |l| l.has_header = on); } />
                            {tr("첫 행은 열 이름", "first row is a header")}
                        </label>
                        <label class="inline">
                            <input type="checkbox" data-testid="decimal-comma" prop:checked=move || bio.layout.with(|l| l.as_ref().is_some_and(|l| l.decimal == Decimal::Comma))
                                on:change=move |ev| { let on = event_target_checked(&ev); update(bio, |l| l.decimal = if on { Decimal::Comma } else { Decimal::Point }); } />
                            {tr("소수점 쉼표 (30,5 = 30.5)", "decimal comma (30,5 = 30.5)")}
                        </label>
                    </div>
                    <fieldset class="inline-choices" data-testid="upload-features">
                        <legend>{tr("입력 열 (모델이 읽는 조건)", "Feature columns (the conditions the model reads)")}</legend>
                        {feature_boxes}
                    </fieldset>
                    <p class="hint" data-testid="upload-assumed">{move || {
                        let lang = lang.get();
                        let read_as = bio.layout.with(|l| l.as_ref().map(|l| l.describe(lang)).unwrap_or_default());
                        lang.pick(format!("이렇게 읽었습니다: {read_as}"), format!("Read as: {read_as}"))
                    }}</p>
                    <div class="table-scroll" tabindex="0">
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
    let verdict = move || {
        let lang = lang.get();
        bio.upload_table.with(|t| {
            t.as_ref().and_then(|t| t.as_ref().ok()).map(|read| {
                let counts = lang.pick(
                    format!(
                        "{}줄: 받아들인 행 {} · 거부한 행 {} · 빈 행 {} · 머리줄 {}",
                        read.total_lines, read.lines.len(), read.rejected.len(), read.blank_lines, read.header_lines
                    ),
                    format!(
                        "{} lines: {} rows accepted · {} rejected · {} empty · {} header",
                        read.total_lines, read.lines.len(), read.rejected.len(), read.blank_lines, read.header_lines
                    ),
                );
                let listed = read
                    .rejected
                    .iter()
                    .take(LISTED)
                    .map(|r| {
                        let line = lang.pick(format!("{}번째 줄", r.line), format!("line {}", r.line));
                        view! { <li><strong>{line}</strong> ": " {r.error.message(lang)}</li> }
                    })
                    .collect_view();
                let more = read.rejected.len().saturating_sub(LISTED);
                let any = !read.rejected.is_empty();
                view! {
                    <p class="counts" data-testid="upload-counts">{counts}</p>
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
    };
    view! {
        <div
            class="drop-zone"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <label for="bio-upload-file">{tr("CSV 또는 TSV 파일 (조건 열 여러 개 + 역가 열, 머리줄 있어도 없어도 됨)", "CSV or TSV file (condition columns and a titer column, with or without a header)")}</label>
            <input id="bio-upload-file" type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" on:change=on_pick />
            <p class="hint">{tr("…또는 파일을 여기로 끌어 놓으세요. 파일은 이 브라우저를 떠나지 않습니다. 최대 50 MB, 200,000행.", "…or drop a file here. The file never leaves this browser. At most 50 MB and 200,000 rows.")}</p>
            <p class="file-name">{move || bio.upload.with(|u| u.as_ref().map(|(name, bytes)| format!("{name} ({} bytes)", bytes.len())))}</p>
        </div>
        <ErrorMessage message=file_error />
        {preview}
        {verdict}
    }
}
