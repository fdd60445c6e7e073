//! Step 5 of the motif lab: the trained model on the test set — loss, accuracy, confusion matrix,
//! precision, recall and F1. The training worker predicts and scores the test rows; the page
//! reads the answer.

use super::state::Lab;
use crate::metrics::ConfusionMatrix;
use crate::nn::Sequential;
use crate::training::job::PredictJob;
use crate::ui::i18n::{En, Ko, tr, use_lang};
use crate::ui::tasks::now_ms;
use crate::ui::training::use_predictions;
use crate::ui::widgets::ConfusionTable;
use leptos::prelude::*;
use ndarray::Array2;

/// The test-set evaluation of the current model.
#[derive(Clone, Debug, PartialEq)]
pub struct TestResult {
    /// Mean test loss.
    pub loss: f64,
    /// Test accuracy.
    pub accuracy: f64,
    /// Rows = true class (0 = positive), columns = predicted.
    pub confusion: ConfusionMatrix,
    /// `[N_test, 2]` model outputs.
    pub predictions: Array2<f32>,
    /// Milliseconds the evaluation took.
    pub ms: f64,
}

/// The model of `lab` rebuilt from its saved weights, if it belongs to the current settings.
pub fn trained_model(lab: &Lab) -> Option<Sequential> {
    let saved = lab.run.trained_model(lab.job_key.get())?;
    Sequential::from_saved(&saved).ok()
}

/// The test-set evaluation every later step reads: one forward pass in the worker gives the loss,
/// the accuracy and the predictions, redone when the model or the settings change.
pub fn use_test_result(lab: Lab) -> Signal<Option<TestResult>> {
    use_predictions(
        lab.run,
        move || {
            let model = lab.run.trained_model(lab.job_key.get())?;
            let test = lab
                .experiment
                .with(|e| e.as_ref().ok().map(|(experiment, _)| experiment.test()))?;
            let loss = lab.settings.with_untracked(|s| s.config().loss);
            // The targets as `[N, K]` straight from the table (the worker does the one-hot
            // encoding).
            let width = test.targets.first().map_or(0, Vec::len);
            let targets =
                Array2::from_shape_vec((test.targets.len(), width), test.targets.concat()).ok()?;
            let job = PredictJob::evaluation(0, model, test, None, loss);
            Some((job, (targets, now_ms())))
        },
        |predicted, (targets, start)| {
            let (predictions, evaluation) = predicted.ok()?;
            let evaluation = evaluation?;
            let confusion = ConfusionMatrix::from_predictions(predictions.view(), targets.view());
            Some(TestResult {
                loss: evaluation.loss,
                accuracy: evaluation.accuracy.unwrap_or(0.0),
                confusion,
                predictions,
                ms: now_ms() - start,
            })
        },
    )
}

/// Test metrics and the confusion matrix.
#[component]
pub fn ResultsPanel(
    /// The evaluation (absent until a model exists).
    result: Signal<Option<TestResult>>,
) -> impl IntoView {
    let lab = expect_context::<Lab>();
    let lang = use_lang();
    let metric = move |pick: fn(&TestResult) -> f64, digits: usize| {
        move || result.with(|r| r.as_ref().map(|r| format!("{:.digits$}", pick(r))))
    };
    view! {
        <section class="panel" aria-labelledby="lab-step-5">
            <h2 id="lab-step-5">{tr("5 · 테스트 세트로 평가", "5 · Evaluate on the test set")}</h2>
            <Show
                when=move || result.with(Option::is_some)
                fallback=move || view! { <p class="hint" data-testid="lab-predicting">{move || if lab.model_is_current() {
                    lab.run.predicting_message(lang.get())
                } else {
                    tr("학습을 마치거나 멈추면 여기에 결과가 나옵니다.", "Results appear here once training finishes or is stopped.")().to_string()
                }}</p> }
            >
                <table class="matrix metrics" data-testid="test-metrics">
                    <tbody>
                        <tr><th scope="row">{tr("테스트 손실", "test loss")}</th><td data-testid="test-loss">{metric(|r| r.loss, 4)}</td></tr>
                        <tr><th scope="row">{tr("테스트 정확도", "test accuracy")}</th><td data-testid="test-accuracy">{metric(|r| r.accuracy, 4)}</td></tr>
                        <tr><th scope="row">{tr("정밀도 (양성)", "precision (positive)")}</th><td>{metric(|r| r.confusion.precision(0), 4)}</td></tr>
                        <tr><th scope="row">{tr("재현율 (양성)", "recall (positive)")}</th><td>{metric(|r| r.confusion.recall(0), 4)}</td></tr>
                        <tr><th scope="row">"F1"</th><td>{metric(|r| r.confusion.f1(0), 4)}</td></tr>
                        <tr><th scope="row">{tr("평가 시간", "evaluation time")}</th><td data-testid="eval-ms">{metric(|r| r.ms, 0)} " ms"</td></tr>
                    </tbody>
                </table>
                <ConfusionTable matrix=Signal::derive(move || result.with(|r| r.as_ref().map(|r| r.confusion.clone())).unwrap_or_else(|| ConfusionMatrix::from_classes(&[], &[], 2))) />
                <Ko>
                    <p>"정밀도 = TP / (TP + FP): 양성이라고 한 것 중 진짜 양성의 비율. 재현율 = TP / (TP + FN): 진짜 양성 중 찾아낸 비율. F1은 둘의 조화 평균입니다. 제1종 오류(FP)는 없는 결합 부위를 있다고 하는 것, 제2종 오류(FN)는 있는 부위를 놓치는 것입니다."</p>
                </Ko>
                <En>
                    <p>"Precision = TP / (TP + FP): of the sequences called positive, the share that are. Recall = TP / (TP + FN): of the positives, the share found. F1 is their harmonic mean. A type I error (FP) claims a binding site that is not there; a type II error (FN) misses one that is."</p>
                </En>
            </Show>
        </section>
    }
}
