//! Step 8 of the bioreactor lab: "how many runs do I need?" — the same network trained on 20, 50,
//! 100, 200 and 500 simulated runs (a [`RunQueue`] in its own worker), each scored by its test r²
//! (beside the plane's) and by the titer the simulator gives at the conditions it proposes.

use super::state::{Bio, PARAMS};
use super::work::{
    Generation, Predictor, find_true_optimum, on_points, search_chunked, simulate_chunked,
    training_rows,
};
use crate::lab::bioreactor::{
    LabData, RunPlan, Search, SearchOptions, place, run_plans, runs_table, test_report, titer,
};
use crate::lang::Lang;
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::plots::{LineChart, Series};
use crate::ui::training::{RunQueue, Score, Status};
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;

/// One point of the experiment.
#[derive(Clone, Debug, PartialEq)]
pub struct RunScore {
    /// The network's test r².
    pub r2: f64,
    /// The plane's.
    pub linear_r2: f64,
    /// The simulator's titer at the network's proposal, mg/L.
    pub titer: f64,
}

/// The experiment's button, progress, chart and table.
#[component]
pub fn RunsPanel() -> impl IntoView {
    let bio = expect_context::<Bio>();
    let lang = use_lang();
    let (plans, datasets) = (bio.experiment.plans, bio.experiment.datasets);
    let preparing = RwSignal::new(None::<(usize, usize)>);
    let work = Generation::new();
    let score: Score<RunScore> = Rc::new(move |index, saved, _| {
        Box::pin(async move {
            let data = datasets.with_value(|d| d.get(index).cloned())?;
            let plan = plans.with_untracked(|p| p.get(index).cloned())?;
            let mut predictor = Predictor::new(&saved, data.scaling.clone())?;
            let test = &data.split.test;
            let predicted: Vec<f64> = predictor
                .predict(&data.features(test))
                .into_iter()
                .map(f64::from)
                .collect();
            let report = test_report(&data, &predicted, &data.linear_fit());
            let search = Search::new(
                &crate::lab::bioreactor::ranges(),
                &SearchOptions::model(plan.settings.seed),
            );
            let best =
                search_chunked(search, work.next(), on_points(|x| predictor.predict(x))).await?;
            let proposal = place(best, &training_rows(&data), &data.scaling);
            Some(RunScore {
                r2: report.network.r2,
                linear_r2: report.linear.r2,
                titer: titer(&proposal.conditions()?, &PARAMS),
            })
        })
    });
    let queue = RunQueue::new(bio.experiment.queue, bio.runs_run, score);
    let active = queue.active;
    let run = move |_| {
        find_true_optimum(bio);
        let settings = bio.settings.get_untracked();
        let all = run_plans(&settings, &PARAMS);
        plans.set(all.clone());
        let ticket = work.next();
        leptos::task::spawn_local(async move {
            let mut sets = Vec::new();
            for (i, plan) in all.iter().enumerate() {
                preparing.set(Some((i, 0)));
                let runs = simulate_chunked(&plan.settings, &PARAMS, ticket, |done, _| {
                    preparing.set(Some((i, done)))
                })
                .await;
                let Some(runs) = runs else { return };
                let Ok(data) = LabData::new(
                    runs_table(&runs, Lang::En),
                    plan.settings.test_fraction,
                    plan.settings.seed,
                ) else {
                    return;
                };
                sets.push(Arc::new(data));
            }
            // The page may have closed meanwhile.
            if preparing.try_set(None).is_some() {
                return;
            }
            let jobs = all
                .iter()
                .zip(&sets)
                .map(|(plan, data)| plan.settings.job(data))
                .collect();
            datasets.set_value(sets);
            queue.start(jobs, bio.job_key.get_untracked());
        });
    };
    let busy = move || active.get().is_some() || preparing.get().is_some();
    let results = move || -> Vec<(RunPlan, Option<RunScore>)> {
        let results = queue.results.get();
        plans.with(|p| {
            p.iter()
                .cloned()
                .enumerate()
                .map(|(i, plan)| (plan, results.get(i).cloned().flatten()))
                .collect()
        })
    };
    let series = Signal::derive(move || {
        let points = results();
        let line = |name, color, dashed, pick: fn(&RunScore) -> f64| Series {
            name,
            color,
            dashed,
            points: points
                .iter()
                .filter_map(|(p, s)| s.as_ref().map(|s| (p.runs as f64, pick(s))))
                .collect(),
        };
        vec![
            line(
                Bi::new("신경망 테스트 r²", "network test r²"),
                (37, 92, 153),
                false,
                |s| s.r2,
            ),
            line(
                Bi::new("직선(평면) 테스트 r²", "plane test r²"),
                (150, 150, 150),
                true,
                |s| s.linear_r2,
            ),
        ]
    });
    let rows = move || {
        let lang = lang.get();
        let best = bio.true_best.get().map(|b| b.value);
        results()
            .into_iter()
            .map(|(plan, score)| {
                let dots = || "…".to_string();
                let r2 = score
                    .as_ref()
                    .map_or_else(dots, |s| crate::lang::numbers::signed(s.r2, 3));
                let linear = score
                    .as_ref()
                    .map_or_else(dots, |s| crate::lang::numbers::signed(s.linear_r2, 3));
                let reached = score
                    .as_ref()
                    .map_or_else(dots, |s| format!("{:.0}", s.titer));
                let share = match (score.as_ref(), best) {
                    (Some(s), Some(b)) => format!("{:.1} %", 100.0 * s.titer / b),
                    _ => dots(),
                };
                let days = plan.reactor_hours / 24.0;
                view! {
                    <tr>
                        <th scope="row">{plan.runs}</th>
                        <td>{plan.fitted_rows}</td>
                        <td>{format!("{:.1}", plan.parameters_per_row)}</td>
                        <td>{r2}</td>
                        <td>{linear}</td>
                        <td>{reached}</td>
                        <td>{share}</td>
                        <td>{lang.pick(format!("{days:.0}일"), format!("{days:.0} days"))}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let progress = move || {
        let lang = lang.get();
        if let Some((i, done)) = preparing.get() {
            let runs = plans.with(|p| p.get(i).map_or(0, |p| p.runs));
            return Some(lang.pick(
                format!("실행 {runs}개를 시뮬레이션하는 중… {done} / {runs}"),
                format!("Simulating {runs} runs… {done} / {runs}"),
            ));
        }
        active.get().map(|i| {
            let runs = plans.with(|p| p.get(i).map_or(0, |p| p.runs));
            let running = bio.runs_run.status.with(|s| matches!(s, Status::Running));
            let epoch = if running {
                bio.runs_run.history.with(|h| h.epochs.len())
            } else {
                0
            };
            lang.pick(
                format!("실행 {runs}개로 학습하고 평가하는 중 (에포크 {epoch})…"),
                format!("Training and scoring on {runs} runs (epoch {epoch})…"),
            )
        })
    };
    view! {
        <section class="panel" aria-labelledby="bio-step-8">
            <h2 id="bio-step-8">{tr("8 · 실행이 몇 번 필요할까?", "8 · How many runs do I need?")}</h2>
            <super::text::RunsText />
            <button type="button" data-testid="bio-run-counts" on:click=run disabled=move || busy() || !bio.runs_run.worker_ready.get() || !bio.simulated_data.get()>
                {tr("실험 시작", "Run the experiment")}
            </button>
            <p role="status" data-testid="bio-runs-status">{progress}</p>
            <div>
                <LineChart series=series x_label=Bi::new("실행 수", "runs") y_label=Bi::new("테스트 r²", "test r²") x_range=(0.0, 500.0) testid="bio-runs-chart"
                    empty=Bi::new("\"실험 시작\"을 누르면 실행 수에 따른 테스트 r²가 여기에 그려집니다.", "Press \"Run the experiment\": test r² against the number of runs is drawn here.") />
                <div class="table-scroll" tabindex="0">
                    <table class="matrix metrics" data-testid="bio-runs-table">
                        <thead><tr>
                            <th scope="col">{tr("실행", "runs")}</th>
                            <th scope="col">{tr("학습에 쓴 실행", "runs fitted")}</th>
                            <th scope="col">{tr("실행당 매개변수", "parameters per run")}</th>
                            <th scope="col">{tr("신경망 r²", "network r²")}</th>
                            <th scope="col">{tr("평면 r²", "plane r²")}</th>
                            <th scope="col">{tr("제안 조건의 역가 (mg/L)", "titer at its proposal (mg/L)")}</th>
                            <th scope="col">{tr("최적 대비", "of the optimum")}</th>
                            <th scope="col">{tr("반응기 시간", "reactor time")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </div>
        </section>
    }
}
