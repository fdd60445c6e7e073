//! Step 5 of the expression lab: the learning curve — the same model trained on 1k, 2k, 5k and
//! all training rows (in its own worker), each scored on the same test set.

use super::results::predict_values;
use super::state::Expr;
use crate::lab::expression::{learning_curve_sizes, report};
use crate::training::job::TrainJob;
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::plots::{LineChart, Series};
use crate::ui::training::Status;
use leptos::prelude::*;

/// One point of the curve: training rows and test r² (once known).
type Point = (usize, Option<f64>);

fn key_for(expr: &Expr, index: usize) -> u64 {
    expr.job_key.get_untracked().wrapping_add(index as u64 + 1)
}

fn start_point(expr: Expr, points: RwSignal<Vec<Point>>, index: usize) {
    let Some(data) = expr.data.get_untracked() else {
        return;
    };
    let Some(&(size, _)) = points.with_untracked(|p| p.get(index).copied()).as_ref() else {
        return;
    };
    let job = TrainJob {
        spec: expr.spec.get_untracked(),
        model_seed: expr.model_seed.get_untracked(),
        config: expr.config.get_untracked(),
        train: data.train(Some(size)),
        fit_length: expr.length.get_untracked().1,
    };
    expr.curve_run.start(job, key_for(&expr, index));
}

/// The experiment's button, progress, chart and table.
#[component]
pub fn CurvePanel() -> impl IntoView {
    let expr = expect_context::<Expr>();
    let lang = use_lang();
    let points = RwSignal::new(Vec::<Point>::new());
    let active = RwSignal::new(None::<usize>);
    // When a point's model arrives, score it and start the next point.
    Effect::new(move || {
        let Some(saved) = expr.curve_run.model.get() else {
            return;
        };
        let Some(index) = active.get_untracked() else {
            return;
        };
        if expr.curve_run.model_key.get_untracked() != Some(key_for(&expr, index)) {
            return;
        }
        let Some(data) = expr.data.get_untracked() else {
            return;
        };
        let sequences: Vec<String> = data
            .split
            .test
            .iter()
            .map(|&i| data.rows[i].sequence.clone())
            .collect();
        leptos::task::spawn_local(async move {
            if let Some(predicted) = predict_values(expr.curve_run, saved, expr, sequences).await {
                let r2 = report(&data.test_values(), &predicted, data.scaler.mean).r2;
                points.update(|p| p[index].1 = Some(r2));
            }
            if index + 1 < points.with_untracked(Vec::len) {
                active.set(Some(index + 1));
                start_point(expr, points, index + 1);
            } else {
                active.set(None);
            }
        });
    });
    let run = move |_| {
        let Some(data) = expr.data.get_untracked() else {
            return;
        };
        points.set(
            learning_curve_sizes(data.split.train.len())
                .into_iter()
                .map(|s| (s, None))
                .collect(),
        );
        active.set(Some(0));
        start_point(expr, points, 0);
    };
    let busy = move || active.get().is_some();
    let series = Signal::derive(move || {
        let known: Vec<(f64, f64)> = points.with(|p| {
            p.iter()
                .filter_map(|&(s, r)| r.map(|r| (s as f64 / 1000.0, r)))
                .collect()
        });
        vec![Series {
            name: Bi::new("테스트 r²", "test r²"),
            color: (23, 102, 58),
            dashed: false,
            points: known,
        }]
    });
    let rows = move || {
        let lang = lang.get();
        points.with(|p| {
            p.iter()
                .map(|&(size, r2)| {
                    let r2 =
                        r2.map_or_else(|| lang.pick("…", "…").to_string(), |r| format!("{r:.4}"));
                    view! { <tr><th scope="row">{size}</th><td>{r2}</td></tr> }
                })
                .collect_view()
        })
    };
    let progress = move || {
        let lang = lang.get();
        active.get().map(|i| {
            let size = points.with(|p| p.get(i).map_or(0, |p| p.0));
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
