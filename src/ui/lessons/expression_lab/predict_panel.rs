//! Step 6 of the expression lab: predict new sequences (pasted or uploaded) with the trained model,
//! download the predictions, and see one sequence's in-silico mutagenesis.

use super::results::{current_model, predict_values};
use super::state::Expr;
use crate::bio::alphabet::Symbol;
use crate::bio::parse_sequence;
use crate::data::csv::{Limits, Rejected, read_sequences};
use crate::interpret::{from_scores, variants};
use crate::lab::expression::predictions_csv;
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::plots::Heatmap;
use crate::ui::tasks::read_file;
use crate::ui::widgets::{DownloadButton, ErrorMessage, NumberField, SequenceInput};
use leptos::prelude::*;

/// Predictions shown in the table at most (the CSV holds all).
const SHOWN: usize = 100;

/// What was read and predicted.
#[derive(Clone, Debug, Default, PartialEq)]
struct Predicted {
    sequences: Vec<String>,
    values: Vec<f64>,
    rejected: Vec<Rejected>,
}

/// The prediction form, table, download and mutagenesis.
#[component]
pub fn PredictPanel() -> impl IntoView {
    let expr = expect_context::<Expr>();
    let lang = use_lang();
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<crate::data::csv::FileError>);
    let result = RwSignal::new(None::<Predicted>);
    let busy = RwSignal::new(false);
    let predict_bytes = move |bytes: Vec<u8>| {
        let Some(model) = current_model(&expr) else {
            return;
        };
        match read_sequences(&bytes, Limits::default()) {
            Err(e) => problem.set(Some(e)),
            Ok(table) => {
                problem.set(None);
                busy.set(true);
                let rejected = table.rejected;
                let sequences: Vec<String> = table.rows.into_iter().map(|a| a.sequence).collect();
                leptos::task::spawn_local(async move {
                    let values = predict_values(expr.run, model, expr, sequences.clone())
                        .await
                        .unwrap_or_default();
                    result.try_set(Some(Predicted {
                        sequences,
                        values,
                        rejected,
                    }));
                    busy.try_set(false);
                });
            }
        }
    };
    let examples = move |_| {
        let Some(data) = expr.data.get_untracked() else {
            return;
        };
        let first = data
            .split
            .test
            .first()
            .map(|&i| data.rows[i].sequence.clone())
            .unwrap_or_default();
        let mut with_atg = first.clone().into_bytes();
        if with_atg.len() >= 13 {
            with_atg[10..13].copy_from_slice(b"ATG");
        }
        text.set(format!(
            "{first}\n{}",
            String::from_utf8(with_atg).unwrap_or_default()
        ));
    };
    let open_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            if let Ok(bytes) = read_file(file).await {
                predict_bytes(bytes);
            }
        });
    };
    let has_model = Signal::derive(move || expr.run.has_model_for(expr.job_key.get()));
    let table = move || {
        result.with(|r| {
            r.as_ref().map(|r| {
                r.sequences
                    .iter()
                    .zip(&r.values)
                    .take(SHOWN)
                    .map(|(s, v)| view! { <tr><td class="seq">{s.clone()}</td><td>{format!("{v:.3}")}</td></tr> })
                    .collect_view()
            })
        })
    };
    let rejected = move || {
        let lang = lang.get();
        result.with(|r| {
            r.as_ref().map(|r| {
                r.rejected
                    .iter()
                    .map(|x| view! { <li>{lang.pick(format!("{}번째 줄: ", x.line), format!("line {}: ", x.line))} {x.error.message(lang)}</li> })
                    .collect_view()
            })
        })
    };
    let csv = Callback::new(move |_| {
        result.with_untracked(|r| {
            r.as_ref()
                .map(|r| predictions_csv(&r.sequences, None, &r.values))
        })
    });
    let error = Signal::derive(move || problem.with(|p| p.as_ref().map(|e| e.message(lang.get()))));
    view! {
        <section class="panel" aria-labelledby="expr-step-6">
            <h2 id="expr-step-6">{tr("6 · 새 서열 예측하기", "6 · Predict new sequences")}</h2>
            <Show when=move || has_model.get() fallback=|| view! { <p class="hint">{tr("먼저 모델을 학습하거나 불러오세요.", "Train or import a model first.")}</p> }>
                <SequenceInput id="expr-predict" label=Bi::new("서열 (한 줄에 하나)", "Sequences (one per line)") value=text rows=4 />
                <div class="buttons">
                    <button type="button" data-testid="insert-examples" on:click=examples>{tr("예시 넣기 (ATG 있음 / 없음)", "Insert examples (with / without an ATG)")}</button>
                    <button type="button" class="primary" data-testid="predict" disabled=move || busy.get() || text.with(|t| t.trim().is_empty())
                        on:click=move |_| predict_bytes(text.get_untracked().into_bytes())>
                        {tr("예측", "Predict")}
                    </button>
                    <label class="file-button">
                        {tr("…또는 파일 예측", "…or predict a file")}
                        <input type="file" accept=".csv,.tsv,.txt,.fa,.fasta" on:change=open_file />
                    </label>
                    <DownloadButton label=Bi::new("예측 CSV 받기", "Download predictions (CSV)") filename="seqlab-expression-new-predictions.csv" mime="text/csv"
                        contents=csv enabled=Signal::derive(move || result.with(Option::is_some)) testid="export-new-predictions" />
                </div>
                <ErrorMessage message=error />
                <div class="table-scroll">
                    <table class="matrix predictions" data-testid="new-predictions">
                        <thead><tr><th scope="col">{tr("서열", "sequence")}</th><th scope="col">{tr("예측 값", "predicted")}</th></tr></thead>
                        <tbody>{table}</tbody>
                    </table>
                </div>
                <ul class="rejected">{rejected}</ul>
                <Mutagenesis sequences=Signal::derive(move || result.with(|r| r.as_ref().map(|r| r.sequences.clone()).unwrap_or_default())) />
            </Show>
        </section>
    }
}

/// The mutagenesis heatmap of one predicted (or the first test) sequence, in value units.
#[component]
fn Mutagenesis(
    /// The predicted sequences to choose from.
    sequences: Signal<Vec<String>>,
) -> impl IntoView {
    let expr = expect_context::<Expr>();
    let lang = use_lang();
    let chosen = RwSignal::new(0usize);
    let sequence = Memo::new(move |_| {
        let picked = sequences.with(|s| s.get(chosen.get()).cloned());
        picked.or_else(|| {
            expr.data.with(|d| {
                d.as_ref()
                    .and_then(|d| d.split.test.first().map(|&i| d.rows[i].sequence.clone()))
            })
        })
    });
    let symbols = Signal::derive(move || {
        sequence
            .with(|s| s.as_ref().and_then(|s| parse_sequence(s).ok()))
            .unwrap_or_default()
    });
    let delta = RwSignal::new(None::<(f32, ndarray::Array2<f32>)>);
    Effect::new(move || {
        let symbols: Vec<Symbol> = symbols.get();
        delta.set(None);
        let Some(model) = current_model(&expr) else {
            return;
        };
        if symbols.is_empty() {
            return;
        }
        let texts: Vec<String> = variants(&symbols)
            .iter()
            .map(|v| crate::bio::alphabet::to_text(v))
            .collect();
        let length = symbols.len();
        leptos::task::spawn_local(async move {
            if let Some(values) = predict_values(expr.run, model, expr, texts).await {
                let scores: Vec<f32> = values.iter().map(|&v| v as f32).collect();
                let m = from_scores(&scores, length);
                delta.try_set(Some((m.baseline, m.delta)));
            }
        });
    });
    let about = move || {
        let lang = lang.get();
        sequence.with(|s| {
            delta.with(|d| {
                s.as_ref().zip(d.as_ref()).map(|(s, (b, _))| {
                    lang.pick(
                        format!("{s} · 예측 {b:.3}"),
                        format!("{s} · predicted {b:.3}"),
                    )
                })
            })
        })
    };
    view! {
        <h3>{tr("인실리코(컴퓨터) 돌연변이 분석", "In-silico mutagenesis")}</h3>
        <Ko><p>"한 서열의 모든 위치를 다른 염기로 바꿨을 때 예측값이 얼마나 변하는지입니다(원래 단위). 파랑은 낮추는 돌연변이, 빨강은 높이는 돌연변이입니다. 실제 데이터에서는 ATG를 만드는 돌연변이가 예측을 낮추는 경향이 보여야 합니다."</p></Ko>
        <En><p>"How the prediction (in its own unit) changes when each position of one sequence becomes each other base: blue lowers it, red raises it. On the real data, mutations that create an ATG should tend to lower it."</p></En>
        <NumberField id="expr-ism-index" label=Bi::new("예측한 서열 번호 (0부터)", "Predicted sequence number (from 0)") value=chosen bounds=crate::bounds::Bounds::new(0, 100_000) />
        <p class="seq-title" data-testid="expr-ism-sequence">{about}</p>
        <Heatmap
            values=Signal::derive(move || delta.with(|d| d.as_ref().map(|d| d.1.clone())).unwrap_or_else(|| ndarray::Array2::zeros((0, 4))))
            sequence=symbols
            caption=Bi::new("예측값의 변화 (돌연변이 − 원래)", "change of the prediction (mutant − original)")
            testid="expr-ism-heatmap"
        />
    }
}
