//! Step 5 of the bioreactor lab: the test runs — predicted against measured titer, r² and RMSE of
//! the network beside the least-squares plane and the mean baseline. The training worker makes
//! the predictions.

use super::state::Bio;
use crate::lab::bioreactor::{Scaling, TestReport, test_report};
use crate::nn::{LossConfig, LossKind, LossSemantics};
use crate::training::job::PredictJob;
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::plots::Scatter;
use crate::ui::training::use_predictions;
use leptos::prelude::*;

/// The loss the test runs are scored with in the worker (MSE of z-scores, as trained).
pub const LOSS: LossConfig = LossConfig {
    kind: LossKind::MeanSquaredError,
    semantics: LossSemantics::KerasFit,
};

/// The test titers predicted by the current model (mg/L, in the data's test order), redone in
/// the worker when the model or the data change.
pub fn use_test_predictions(bio: Bio) -> Signal<Option<Vec<f64>>> {
    use_predictions(
        bio.run,
        move || {
            let model = bio.model()?;
            let data = bio.data.get()?;
            let scaling = bio.scaling()?;
            let rows = scaling.table(&data.table, &data.split.test);
            Some((PredictJob::evaluation(0, model, rows, None, LOSS), scaling))
        },
        |predicted, scaling: Scaling| {
            let (z, _) = predicted.ok()?;
            Some(
                z.iter()
                    .map(|&v| scaling.target.invert(f64::from(v)))
                    .collect(),
            )
        },
    )
}

/// The report of the current predictions (tracked).
pub fn use_report(bio: Bio, predictions: Signal<Option<Vec<f64>>>) -> Memo<Option<TestReport>> {
    Memo::new(move |_| {
        let predicted = predictions.get()?;
        let data = bio.data.get()?;
        let linear = bio.linear.get()?;
        (predicted.len() == data.split.test.len()).then(|| test_report(&data, &predicted, &linear))
    })
}

/// Scatter and scores of the test runs.
#[component]
pub fn ResultsPanel(
    /// The test predictions (absent until a model exists and has been run).
    predictions: Signal<Option<Vec<f64>>>,
    /// Their report.
    report: Memo<Option<TestReport>>,
) -> impl IntoView {
    let bio = expect_context::<Bio>();
    let lang = use_lang();
    let points = Signal::derive(move || {
        predictions.with(|p| {
            let Some(p) = p else { return Vec::new() };
            bio.data.with(|d| {
                d.as_ref()
                    .map(|d| {
                        d.targets(&d.split.test)
                            .into_iter()
                            .zip(p.iter().copied())
                            .collect()
                    })
                    .unwrap_or_default()
            })
        })
    });
    let cell = move |pick: fn(&TestReport) -> f64, decimals: usize| {
        move || {
            report
                .get()
                .map(|r| crate::lang::numbers::signed(pick(&r), decimals))
        }
    };
    let description = Signal::derive(move || {
        let lang = lang.get();
        report.get().map_or_else(String::new, |r| {
            lang.pick(
                format!(
                    "테스트 세트 실행의 예측 역가와 측정 역가 산점도, r² = {:.3}",
                    r.network.r2
                ),
                format!(
                    "Predicted against measured titer of the test runs, r² = {:.3}",
                    r.network.r2
                ),
            )
        })
    });
    view! {
        <section class="panel" aria-labelledby="bio-step-5">
            <h2 id="bio-step-5">{tr("5 · 테스트 세트로 평가", "5 · Evaluate on the test set")}</h2>
            <Show
                when=move || report.with(Option::is_some)
                fallback=move || view! { <p class="hint" data-testid="bio-predicting">{move || if bio.run.has_model_for(bio.job_key.get()) {
                    bio.run.predicting_message(lang.get())
                } else {
                    tr("학습을 마치거나 멈추면 여기에 결과가 나옵니다.", "Results appear here once training finishes or is stopped.")().to_string()
                }}</p> }
            >
                <super::text::ResultsText />
                <div class="results-grid">
                    <Scatter points=points x_label=Bi::new("측정 역가 (mg/L)", "measured titer (mg/L)") y_label=Bi::new("예측 역가 (mg/L)", "predicted titer (mg/L)") description=description testid="bio-scatter" />
                    <table class="matrix metrics" data-testid="bio-metrics">
                        <thead>
                            <tr><td></td><th scope="col">{tr("신경망", "network")}</th><th scope="col">{tr("직선(평면)", "plane")}</th><th scope="col">{tr("평균 기준선", "mean baseline")}</th></tr>
                        </thead>
                        <tbody>
                            <tr><th scope="row">{tr("테스트 r²", "test r²")}</th><td data-testid="test-r2">{cell(|r| r.network.r2, 4)}</td><td data-testid="linear-r2">{cell(|r| r.linear.r2, 4)}</td><td data-testid="baseline-r2">{cell(|r| r.baseline.r2, 4)}</td></tr>
                            <tr><th scope="row">"RMSE (mg/L)"</th><td data-testid="test-rmse">{cell(|r| r.network.rmse, 0)}</td><td data-testid="linear-rmse">{cell(|r| r.linear.rmse, 0)}</td><td data-testid="baseline-rmse">{cell(|r| r.baseline.rmse, 0)}</td></tr>
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
