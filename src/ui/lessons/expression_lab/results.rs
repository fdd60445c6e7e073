//! Step 4 of the expression lab: the test set — predicted against observed, r², Pearson r, MSE, MAE
//! and the mean-predictor baseline. The training worker makes the predictions.

use super::state::Expr;
use crate::lab::expression::{RegressionReport, report};
use crate::nn::SavedModel;
use crate::training::job::PredictJob;
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::plots::Scatter;
use crate::ui::training::{TrainingSession, use_predictions};
use leptos::prelude::*;

/// The current model's weights, if they belong to the current settings.
pub fn current_model(expr: &Expr) -> Option<SavedModel> {
    expr.run.trained_model(expr.job_key.get())
}

/// Predicts `sequences` (fitted to the model's length) with `model` in `session`'s worker, in
/// value units.
pub async fn predict_values(
    session: TrainingSession,
    model: SavedModel,
    expr: Expr,
    sequences: Vec<String>,
) -> Option<Vec<f64>> {
    let scaler = expr.scaler()?;
    let length = model.spec.input_shape.first().copied();
    let z = session
        .predict_sequences(model, sequences, length)
        .await
        .ok()?;
    Some(z.iter().map(|&v| scaler.invert(f64::from(v))).collect())
}

/// The test predictions of the current model (in value units), redone in the worker when the
/// model or the data change.
pub fn use_test_predictions(expr: Expr) -> Signal<Option<Vec<f64>>> {
    use_predictions(
        expr.run,
        move || {
            let model = current_model(&expr)?;
            let data = expr.data.get()?;
            let scaler = expr.scaler()?;
            let sequences = data.test().sequences;
            let length = model.spec.input_shape.first().copied();
            Some((PredictJob::sequences(0, model, sequences, length), scaler))
        },
        |predicted, scaler| {
            let (z, _) = predicted.ok()?;
            Some(z.iter().map(|&v| scaler.invert(f64::from(v))).collect())
        },
    )
}

/// Scatter and metrics of the test set.
#[component]
pub fn ResultsPanel(
    /// The test predictions (absent until a model exists and has been run).
    predictions: Signal<Option<Vec<f64>>>,
) -> impl IntoView {
    let expr = expect_context::<Expr>();
    let lang = use_lang();
    let report = Memo::new(move |_| {
        let predicted = predictions.get()?;
        let data = expr.data.get()?;
        let observed = data.test_values();
        (observed.len() == predicted.len()).then(|| {
            report(
                &observed,
                &predicted,
                expr.scaler().map_or(data.scaler.mean, |s| s.mean),
            )
        })
    });
    let points = Signal::derive(move || {
        predictions.with(|p| {
            let Some(p) = p else { return Vec::new() };
            expr.data.with(|d| {
                d.as_ref()
                    .map(|d| d.test_values().into_iter().zip(p.iter().copied()).collect())
                    .unwrap_or_default()
            })
        })
    });
    let cell = move |pick: fn(&RegressionReport) -> f64| {
        move || report.get().map(|r| format!("{:.4}", pick(&r)))
    };
    let description = Signal::derive(move || {
        let lang = lang.get();
        report.get().map_or_else(String::new, |r| {
            lang.pick(
                format!(
                    "테스트 세트 서열의 예측값과 실제값 산점도, r² = {:.3}",
                    r.r2
                ),
                format!(
                    "Predicted against observed for the test sequences, r² = {:.3}",
                    r.r2
                ),
            )
        })
    });
    view! {
        <section class="panel" aria-labelledby="expr-step-4">
            <h2 id="expr-step-4">{tr("4 · 테스트 세트로 평가", "4 · Evaluate on the test set")}</h2>
            <Show
                when=move || report.with(Option::is_some)
                fallback=move || view! { <p class="hint" data-testid="expr-predicting">{move || if expr.run.has_model_for(expr.job_key.get()) {
                    expr.run.predicting_message(lang.get())
                } else {
                    tr("학습을 마치거나 멈추면 여기에 결과가 나옵니다.", "Results appear here once training finishes or is stopped.")().to_string()
                }}</p> }
            >
                <super::text::ResultsText />
                <div class="results-grid">
                    <Scatter points=points x_label=Bi::new("실제 값", "observed") y_label=Bi::new("예측 값", "predicted") description=description testid="expr-scatter" />
                    <table class="matrix metrics" data-testid="expr-metrics">
                        <thead>
                            <tr><td></td><th scope="col">{tr("모델", "model")}</th><th scope="col">{tr("평균 기준선", "mean baseline")}</th></tr>
                        </thead>
                        <tbody>
                            <tr><th scope="row">"r²"</th><td data-testid="test-r2">{cell(|r| r.r2)}</td><td>{cell(|r| r.baseline_r2)}</td></tr>
                            <tr><th scope="row">{tr("피어슨 r", "Pearson r")}</th><td data-testid="test-pearson">{cell(|r| r.pearson)}</td><td>"–"</td></tr>
                            <tr><th scope="row">"MSE"</th><td data-testid="test-mse">{cell(|r| r.mse)}</td><td>{cell(|r| r.baseline_mse)}</td></tr>
                            <tr><th scope="row">"MAE"</th><td data-testid="test-mae">{cell(|r| r.mae)}</td><td data-testid="baseline-mae">{cell(|r| r.baseline_mae)}</td></tr>
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
