//! Step 5 of the expression lab: the learning curve — the same model trained on 1k, 2k, 5k and
//! all training rows (in its own worker), each scored on the same test set.

use super::results::predict_values;
use super::state::Expr;
use crate::lab::expression::{learning_curve_sizes, report};
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::plots::{LineChart, Series};
use crate::ui::training::Status;
use crate::ui::training::{RunQueue, Score};
use leptos::prelude::*;
use std::rc::Rc;

/// The experiment's button, progress, chart and table.
#[component]
pub fn CurvePanel() -> impl IntoView {
    let expr = expect_context::<Expr>();
    let lang = use_lang();
    // Training rows of each point, and each point's test r² as its model is scored.
    let sizes = expr.curve_sizes;
    let score: Score<f64> = Rc::new(move |_, saved, _| {
        Box::pin(async move {
            let data = expr.data.get_untracked()?;
            let predicted =
                predict_values(expr.curve_run, saved, expr, data.test().sequences).await?;
            Some(report(&data.test_values(), &predicted, data.scaler.mean).r2)
        })
    });
    let queue = RunQueue::new(expr.curve, expr.curve_run, score);
    let active = queue.active;
    let run = move |_| {
        let Some(data) = expr.data.get_untracked() else {
            return;
        };
        let points = learning_curve_sizes(data.split.train.len());
        let jobs = points
            .iter()
            .filter_map(|&size| expr.job(Some(size)))
            .collect();
        sizes.set(points);
        queue.start(jobs, expr.job_key.get_untracked());
    };
    let points = move || -> Vec<(usize, Option<f64>)> {
        let results = queue.results.get();
        sizes.with(|s| {
            s.iter()
                .enumerate()
                .map(|(i, &size)| (size, results.get(i).copied().flatten()))
                .collect()
        })
    };
    let busy = move || active.get().is_some();
    let series = Signal::derive(move || {
        let known: Vec<(f64, f64)> = points()
            .into_iter()
            .filter_map(|(s, r)| r.map(|r| (s as f64 / 1000.0, r)))
            .collect();
        vec![Series {
            name: Bi::new("테스트 r²", "test r²"),
            color: (23, 102, 58),
            dashed: false,
            points: known,
        }]
    });
    let rows = move || {
        points()
            .into_iter()
            .map(|(size, r2)| {
                let r2 = r2.map_or_else(|| "…".to_string(), |r| format!("{r:.4}"));
                view! { <tr><th scope="row">{size}</th><td>{r2}</td></tr> }
            })
            .collect_view()
    };
    let progress = move || {
        let lang = lang.get();
        active.get().map(|i| {
            let size = sizes.with(|s| s.get(i).copied().unwrap_or(0));
            let status = expr.curve_run.status.with(|s| {
                if matches!(s, Status::Running) {
                    expr.curve_run.history.with(|h| h.epochs.len())
                } else {
                    0
                }
            });
            lang.pick(
                format!("{size}행으로 학습 중 (에포크 {status})…"),
                format!("Training on {size} rows (epoch {status})…"),
            )
        })
    };
    view! {
        <section class="panel" aria-labelledby="expr-step-5">
            <h2 id="expr-step-5">{tr("5 · 학습 곡선: 데이터가 얼마나 필요할까?", "5 · Learning curve: how much data is needed?")}</h2>
            <super::text::CurveText />
            <button type="button" data-testid="run-curve" on:click=run disabled=move || busy() || !expr.curve_run.worker_ready.get() || expr.data.with(Option::is_none)>
                {tr("실험 시작", "Run the experiment")}
            </button>
            <p role="status" data-testid="curve-status">{progress}</p>
            <div class="results-grid">
                <LineChart series=series x_label=Bi::new("훈련 행 수 (천)", "training rows (thousands)") y_label=Bi::new("테스트 r²", "test r²") testid="curve-chart" empty=Bi::new("\"실험 시작\"을 누르면 훈련 행 수에 따른 테스트 r²가 여기에 그려집니다.", "Press \"Run the experiment\": test r² against the number of training rows is drawn here.") />
                <table class="matrix metrics" data-testid="curve-table">
                    <thead><tr><th scope="col">{tr("훈련 행", "training rows")}</th><th scope="col">{tr("테스트 r²", "test r²")}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
