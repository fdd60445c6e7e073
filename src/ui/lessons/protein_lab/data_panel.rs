//! Step 1 of the protein lab: the data, looked at before any model — where the rows come from (the
//! built-in avGFP variants or an upload of variants of a wild type), the score histogram (bright
//! and dark: two humps), the scores by number of mutations (effects pile up to a threshold) and
//! the single mutants as a position × amino-acid map.

use super::source::Loaded;
use super::state::Prot;
use crate::bio::Alphabet;
use crate::lab::protein::{BRIGHT, CHROMOPHORE, Source, by_mutations, histogram};
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::plots::{BarChart, Bars, Matrix, MatrixColors, MatrixPlot};
use crate::ui::tasks::read_file;
use crate::ui::widgets::{ErrorMessage, RadioGroup, RowVerdicts, SequenceInput};
use leptos::prelude::*;
use std::sync::Arc;

/// Bins of the score histogram.
const BINS: usize = 40;

/// The amino acids (and the stop) as row labels, in the one-hot column order.
pub fn amino_acid_labels() -> Vec<String> {
    Alphabet::Protein
        .letters()
        .chars()
        .map(|c| c.to_string())
        .collect()
}

/// Source choice, upload, and the three views of the data.
#[component]
pub fn DataPanel() -> impl IntoView {
    let prot = expect_context::<Prot>();
    let lang = use_lang();
    let error = Signal::derive(move || {
        prot.data_result
            .with(|d| d.as_ref().err().map(|e| e.message(lang.get())))
    });
    let bars = Signal::derive(move || {
        prot.data.with(|d| {
            d.as_ref().map(|d| {
                let h = histogram(&d.scores(), BINS);
                Bars {
                    edges: h.edges,
                    heights: h.counts.iter().map(|&c| c as f64).collect(),
                    threshold: Some(BRIGHT),
                }
            })
        })
    });
    let summaries = Memo::new(move |_| {
        prot.data
            .with(|d| d.as_ref().map(|d| by_mutations(d, BRIGHT)))
            .unwrap_or_default()
    });
    let singles = Signal::derive(move || {
        prot.singles.with(|m| {
            m.as_ref().map(|map| {
                Matrix {
                    // Rows: amino acids; columns: positions.
                    values: map.scores.t().to_owned(),
                    row_labels: amino_acid_labels(),
                    colors: MatrixColors::Diverging {
                        center: BRIGHT as f32,
                    },
                    marks: Vec::new(),
                    highlight: CHROMOPHORE.to_vec(),
                }
            })
        })
    });
    let measured = move || prot.singles.with(|m| m.as_ref().map(|m| m.measured));
    let rows = move || {
        summaries
            .get()
            .into_iter()
            .map(|s| {
                view! {
                    <tr>
                        <th scope="row">{s.mutations}</th>
                        <td>{crate::lang::grouped(s.count)}</td>
                        <td>{format!("{:.2}", s.quartiles[1])}</td>
                        <td>{format!("{:.2}", s.mean)}</td>
                        <td>{format!("{:.0} %", s.bright_share * 100.0)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let histogram_text = Signal::derive(move || {
        let lang = lang.get();
        prot.data.with(|d| {
            d.as_ref().map_or_else(String::new, |d| {
                let bright = d.scores().iter().filter(|&&v| v >= BRIGHT).count();
                lang.pick(
                    format!(
                        "점수 히스토그램: 변이 {}개 중 {}개가 밝음(점수 {BRIGHT:.2} 이상)",
                        d.len(),
                        bright
                    ),
                    format!(
                        "Score histogram: {bright} of {} variants are bright (score ≥ {BRIGHT:.2})",
                        d.len()
                    ),
                )
            })
        })
    });
    view! {
        <section class="panel" aria-labelledby="prot-step-1">
            <h2 id="prot-step-1">{tr("1 · 데이터: GFP 변이와 밝기", "1 · The data: GFP variants and their brightness")}</h2>
            <RadioGroup
                name="prot-source"
                legend=Bi::new("데이터", "Data")
                options=vec![
                    (Source::BuiltIn, Bi::new("GFP 변이 44,024개 (Sarkisyan 등, 2016)", "44,024 GFP variants (Sarkisyan et al. 2016)")),
                    (Source::Upload, Bi::new("내 변이 표 올리기", "upload my table of variants")),
                ]
                value=prot.source
            />
            {move || match prot.source.get() {
                Source::BuiltIn => view! {
                    <p class="hint" data-testid="prot-status">{move || {
                        let lang = lang.get();
                        match prot.builtin.get() {
                            Loaded::Ready(d) => lang.pick(
                                format!("변이 {}개를 읽었습니다 (돌연변이 1–15개, 야생형 237 아미노산).", crate::lang::grouped(d.len())),
                                format!("{} variants read (1–15 mutations each, a wild type of 237 amino acids).", crate::lang::grouped(d.len())),
                            ),
                            Loaded::Failed(..) => String::new(),
                            _ => lang.pick("불러오는 중…", "Loading…").to_string(),
                        }
                    }}</p>
                }.into_any(),
                Source::Upload => view! { <Upload /> }.into_any(),
            }}
            <ErrorMessage message=error />
            <Show when=move || prot.data.with(Option::is_some)>
                <h3>{tr("밝음과 어두움: 점수 분포", "Bright and dark: the distribution of scores")}</h3>
                <Ko><p>"점수는 두 봉우리로 갈립니다: 야생형만큼 밝은 변이(초록)와 빛을 잃은 변이(회색). 중간은 드뭅니다 — 단백질이 제대로 접히면 빛나고, 못 접히면 꺼지는 문턱이 있다는 뜻입니다."</p></Ko>
                <En><p>"The scores split into two humps: variants about as bright as the wild type (green) and variants that lost their light (grey), with few in between — a threshold: a protein that folds glows, one that does not stays dark."</p></En>
                <BarChart bars=bars x_label=Bi::new("점수 (log10 밝기)", "score (log10 brightness)") y_label=Bi::new("변이 수", "variants") description=histogram_text testid="prot-histogram" />
                <h3>{tr("돌연변이가 늘면", "As mutations add up")}</h3>
                <div class="table-scroll">
                    <table class="matrix metrics" data-testid="prot-by-mutations">
                        <thead><tr>
                            <th scope="col">{tr("돌연변이 수", "mutations")}</th>
                            <th scope="col">{tr("변이 수", "variants")}</th>
                            <th scope="col">{tr("중앙값", "median")}</th>
                            <th scope="col">{tr("평균", "mean")}</th>
                            <th scope="col">{tr("밝은 비율", "bright share")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <h3>{tr("단일 돌연변이 지도", "The single mutants")}</h3>
                <p>{move || {
                    let n = measured().unwrap_or(0);
                    lang.get().pick(
                        format!("하나만 바뀐 변이 {}개의 측정값입니다. 가로는 위치(0부터), 세로는 바뀐 아미노산, 회색은 측정되지 않은 칸, 테두리는 발색단(63–65)입니다. 빨강은 밝음, 파랑은 어두움.", crate::lang::grouped(n)),
                        format!("The {} variants with one change, as measured. Across: the position (from 0); down: the new amino acid; grey: not measured; outlined: the chromophore (63–65). Red is bright, blue dark.", crate::lang::grouped(n)),
                    )
                }}</p>
                <MatrixPlot matrix=singles x_label=Bi::new("위치", "position") y_label=Bi::new("아미노산", "amino acid")
                    description=Signal::derive(move || lang.get().pick("단일 돌연변이의 측정 점수 지도", "Map of the measured single-mutant scores").to_string())
                    empty=Bi::new("데이터를 불러오면 지도가 그려집니다.", "The map is drawn once the data are loaded.")
                    height=360.0 testid="prot-singles" />
            </Show>
        </section>
    }
}

/// The upload: a table of variants (a variant column such as `A108D,K156R` and a score column)
/// and the wild type they refer to.
#[component]
fn Upload() -> impl IntoView {
    let prot = expect_context::<Prot>();
    let lang = use_lang();
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        leptos::task::spawn_local(async move {
            let bytes = read_file(file).await.unwrap_or_default();
            prot.upload.try_set(Some((name, Arc::new(bytes))));
        });
    };
    let table = Signal::derive(move || {
        prot.uploaded.with(|u| {
            u.as_ref()
                .and_then(|u| u.as_ref().ok())
                .map(|(d, _)| d.table.clone())
        })
    });
    // A table of numbers (no variant column) is the bioreactor lab's: say so.
    let numeric = Memo::new(move |_| {
        prot.upload.with(|u| {
            u.as_ref().and_then(|(_, bytes)| {
                crate::data::csv::numeric_hint(bytes, crate::data::csv::Limits::default())
            })
        })
    });
    let numbering = move || {
        prot.uploaded.with(|u| {
            u.as_ref().and_then(|u| u.as_ref().ok()).map(|(_, n)| {
                let lang = lang.get();
                lang.pick(
                    format!(
                        "위치 번호: {} (더 많은 행이 야생형과 맞는 쪽)",
                        n.name(lang)
                    ),
                    format!(
                        "Positions read as {} (the numbering more rows agree with)",
                        n.name(lang)
                    ),
                )
            })
        })
    };
    view! {
        <div class="drop-zone">
            <label for="prot-upload">{tr("CSV 또는 TSV: 변이 열(예: A108D,K156R)과 점수 열, 머리줄에 열 이름(variant, score)", "CSV or TSV: a variant column (e.g. A108D,K156R) and a score column, named in a header (variant, score)")}</label>
            <input id="prot-upload" type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" on:change=on_pick />
            <p class="hint">{tr("파일은 이 브라우저를 떠나지 않습니다.", "The file never leaves this browser.")}</p>
        </div>
        <SequenceInput id="prot-wild-type" label=Bi::new("야생형 서열 (기본: avGFP)", "Wild type (default: avGFP)") value=prot.wild_type rows=3
            hint=Bi::new("변이의 위치와 원래 아미노산은 이 서열과 맞아야 합니다.", "The variants' positions and original amino acids must match this sequence.") />
        <p class="hint" data-testid="prot-numbering">{numbering}</p>
        {move || numeric.get().map(|h| view! {
            <p class="notice" data-testid="prot-numeric-hint">
                {move || h.message(lang.get())} " "
                <a href=crate::ui::state::app_path("/bioreactor-lab?data=upload")>{tr("생물반응기 실습 열기", "Open the bioreactor lab")}</a>
            </p>
        })}
        <RowVerdicts table=table />
    }
}
