//! Step 2 of the bioreactor lab: where the runs come from (a seeded design run in the simulator,
//! or the student's file), what they look like, and the split into training and test runs.

use super::state::{Bio, DataProblem, Simulated};
use super::upload_panel::UploadPanel;
use crate::lab::bioreactor::settings::ranges;
use crate::lab::bioreactor::{DataSource, DesignKind, design::grid_levels};
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::widgets::{ErrorMessage, NumberField, RadioGroup, SelectField};
use leptos::prelude::*;

/// Runs shown in the table of the first runs.
const SHOWN: usize = 8;

/// Source choice, the design or the upload, a summary, the first runs and the split.
#[component]
pub fn DataPanel() -> impl IntoView {
    let bio = expect_context::<Bio>();
    let lang = use_lang();
    // A file-level problem is shown once, by the upload panel.
    let error = Signal::derive(move || {
        bio.data_result.with(|r| match r {
            Err(DataProblem::File(_) | DataProblem::Simulating | DataProblem::NoFile) | Ok(_) => {
                None
            }
            Err(e) => Some(e.message(lang.get())),
        })
    });
    let progress = move || {
        let lang = lang.get();
        match bio.simulated.get() {
            Simulated::Running(done, total) => lang.pick(
                format!("시뮬레이션 중… 실행 {done} / {total}"),
                format!("Simulating… run {done} of {total}"),
            ),
            Simulated::Ready(runs, ms) => lang.pick(
                format!("실행 {}개를 {ms:.0} ms 동안 시뮬레이션했습니다 (작은 작업으로 나누어, 페이지는 계속 반응합니다).", runs.len()),
                format!("{} runs simulated in {ms:.0} ms (in short tasks; the page stays responsive).", runs.len()),
            ),
        }
    };
    let grid_note = move || {
        let lang = lang.get();
        (bio.design.get() == DesignKind::Grid).then(|| {
            let levels = grid_levels(bio.runs.get());
            let total: usize = levels.iter().product();
            let levels = levels.iter().map(usize::to_string).collect::<Vec<_>>().join(" × ");
            lang.pick(
                format!("격자는 조건마다 수준 {levels} = 실행 {total}개입니다 (요청한 수에 가장 가까운 완전 격자)."),
                format!("The grid has {levels} levels = {total} runs (the full grid nearest the number asked for)."),
            )
        })
    };
    let summary = move || {
        let lang = lang.get();
        bio.data.with(|d| {
            d.as_ref().map(|d| {
                let titers = d.targets(&(0..d.table.len()).collect::<Vec<_>>());
                let (lo, hi) = titers.iter().fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
                let t = &d.scaling.target;
                lang.pick(
                    format!(
                        "실행 {}개 · 입력 열 {}개 · 역가 {lo:.0}–{hi:.0} · 훈련 세트 평균 {:.0}, 표준편차 {:.0} → z = (값 − 평균) / 표준편차 (열마다)",
                        d.table.len(), d.table.feature_count(), t.mean, t.std
                    ),
                    format!(
                        "{} runs · {} feature columns · titer {lo:.0}–{hi:.0} · training mean {:.0}, sd {:.0} → z = (value − mean) / sd (per column)",
                        d.table.len(), d.table.feature_count(), t.mean, t.std
                    ),
                )
            })
        })
    };
    let first_runs = move || {
        bio.data.with(|d| {
            d.as_ref().map(|d| {
                let header = d
                    .table
                    .columns
                    .iter()
                    .map(|c| view! { <th scope="col">{c.clone()}</th> })
                    .collect_view();
                let rows = (0..d.table.len().min(SHOWN))
                    .map(|i| {
                        let cells = d.table.features[i]
                            .iter()
                            .chain(&d.table.targets[i])
                            .map(|v| view! { <td>{format_value(*v)}</td> })
                            .collect_view();
                        view! { <tr>{cells}</tr> }
                    })
                    .collect_view();
                view! {
                    <div class="table-scroll" tabindex="0">
                        <table class="matrix preview" data-testid="bio-runs">
                            <caption>{tr("처음 몇 개의 실행", "The first runs")}</caption>
                            <thead><tr>{header}</tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            })
        })
    };
    let split = move || {
        let lang = lang.get();
        bio.data.with(|d| {
            d.as_ref().map(|d| {
                let train = d.split.train.len();
                let validation = train - (train as f64 * (1.0 - bio.knobs.validation.get())).floor() as usize;
                lang.pick(
                    format!("훈련 세트 실행 {train}개 (그중 검증 세트 {validation}개) · 테스트 세트 실행 {}개", d.split.test.len()),
                    format!("training {train} runs (of which {validation} for validation) · test {} runs", d.split.test.len()),
                )
            })
        })
    };
    view! {
        <section class="panel" aria-labelledby="bio-step-2">
            <h2 id="bio-step-2">{tr("2 · 데이터: 실행 여러 번", "2 · Data: many runs")}</h2>
            <super::text::DataText />
            <RadioGroup
                name="bio-source"
                legend=Bi::new("데이터", "Data")
                options=vec![
                    (DataSource::Sim, Bi::new("시뮬레이터로 실험 계획 실행하기", "run a design in the simulator")),
                    (DataSource::Upload, Bi::new("내 CSV 올리기 (조건 열 + 역가 열)", "upload my CSV (condition columns + a titer column)")),
                ]
                value=bio.source
            />
            {move || match bio.source.get() {
                DataSource::Upload => view! { <UploadPanel /> }.into_any(),
                DataSource::Sim => view! {
                    <div class="field-row">
                        <SelectField id="bio-design" label=Bi::new("실험 계획", "Design") value=bio.design
                            options=vec![
                                (DesignKind::LatinHypercube, Bi::new("라틴 하이퍼큐브", "Latin hypercube")),
                                (DesignKind::Random, Bi::new("무작위", "random")),
                                (DesignKind::Grid, Bi::new("완전 격자", "full grid")),
                            ] />
                        <NumberField id="bio-runs" label=Bi::new("실행 수", "Runs") value=bio.runs bounds=ranges::RUNS />
                        <NumberField id="bio-seed" label=Bi::new("시드", "Seed") value=bio.seed bounds=ranges::SEED />
                        <NumberField id="bio-noise" label=Bi::new("측정 잡음 (변동 계수)", "Measurement noise (CV)") value=bio.noise_cv bounds=ranges::NOISE_CV step="0.01" />
                    </div>
                    <p class="hint">{grid_note}</p>
                    <p role="status" data-testid="bio-sim-status">{progress}</p>
                }.into_any(),
            }}
            <ErrorMessage message=error />
            <p class="shape" data-testid="bio-summary">{summary}</p>
            {first_runs}
            <div class="field-row">
                <NumberField id="bio-test" label=Bi::new("테스트 세트 비율", "Test fraction") value=bio.test_fraction bounds=ranges::TEST_FRACTION step="0.05" />
                <NumberField id="bio-validation" label=Bi::new("검증 비율 (훈련 세트 중)", "Validation fraction (of training)") value=bio.knobs.validation bounds=bio.knobs.ranges.validation step="0.05" />
            </div>
            <p data-testid="bio-split-counts">{split}</p>
        </section>
    }
}

/// A table value: whole numbers without decimals, others with up to two.
pub fn format_value(value: f32) -> String {
    let text = crate::lang::numbers::signed(f64::from(value), 2);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}
