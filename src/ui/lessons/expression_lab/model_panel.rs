//! Steps 2 and 3 of the expression lab: the architecture (preset or custom, with its summary) and
//! training in the Web Worker with live MSE and r² curves.

use super::state::Expr;
use crate::lab::expression::ranges;
use crate::nn::MODEL_LIMITS;
use crate::training::job::TrainJob;
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::widgets::{
    ErrorMessage, Metric, NumberField, SelectField, SummaryTable, TrainControls,
};
use leptos::prelude::*;

/// Preset or custom architecture, the summary, and the training settings.
#[component]
pub fn ModelPanel() -> impl IntoView {
    let expr = expect_context::<Expr>();
    let lang = use_lang();
    // Counted from the description: no model is built to show its summary.
    let summary = Memo::new(move |_| expr.spec.get().summary());
    let fits = Memo::new(move |_| {
        expr.spec
            .get()
            .check_training(expr.batch.get(), &MODEL_LIMITS)
            .err()
    });
    let error = Signal::derive(move || {
        let lang = lang.get();
        summary
            .with(|s| s.as_ref().err().map(|e| e.message(lang)))
            .or_else(|| fits.with(|f| f.as_ref().map(|e| e.message(lang))))
    });
    view! {
        <section class="panel" aria-labelledby="expr-step-2">
            <h2 id="expr-step-2">{tr("2 · 모델", "2 · Model")}</h2>
            <super::text::ModelText />
            <SelectField id="expr-preset" label=Bi::new("구조", "Architecture") value=expr.preset
                options=vec![
                    ("compact", Bi::new("compact: Conv1D(32, 8) ×2 → Dense(32) → Dense(1)", "compact: Conv1D(32, 8) ×2 → Dense(32) → Dense(1)")),
                    ("small", Bi::new("small: Conv1D(16, 8) → MaxPool(2) → Dense(16) → Dense(1)", "small: Conv1D(16, 8) → MaxPool(2) → Dense(16) → Dense(1)")),
                    ("custom", Bi::new("직접 정하기", "custom")),
                ] />
            <Show when=move || expr.preset.get() == "custom">
                <div class="field-row">
                    <NumberField id="expr-conv-layers" label=Bi::new("합성곱 층 수", "Convolution layers") value=expr.conv_layers bounds=ranges::CONV_LAYERS />
                    <NumberField id="expr-filters" label=Bi::new("필터 수", "Filters") value=expr.filters bounds=ranges::FILTERS />
                    <NumberField id="expr-kernel" label=Bi::new("커널 크기", "Kernel size") value=expr.kernel bounds=ranges::KERNEL />
                    <NumberField id="expr-pool" label=Bi::new("풀 크기 (1 = 없음)", "Pool size (1 = none)") value=expr.pool bounds=ranges::POOL />
                    <NumberField id="expr-dense" label=Bi::new("Dense 유닛", "Dense units") value=expr.dense bounds=ranges::DENSE />
                </div>
            </Show>
            <ErrorMessage message=error />
            <SummaryTable summary=Signal::derive(move || summary.get().ok()) />
            <p class="hint" data-testid="model-limits">{move || crate::nn::MODEL_LIMITS.describe(lang.get())}</p>
            <div class="field-row">
                <SelectField id="expr-optimizer" label=Bi::new("최적화기", "Optimiser") value=expr.optimizer
                    options=vec![("adam", Bi::new("Adam", "Adam")), ("sgd", Bi::new("SGD (모멘텀 0.9)", "SGD (momentum 0.9)"))] />
                <NumberField id="expr-lr" label=Bi::new("학습률", "Learning rate") value=expr.learning_rate bounds=ranges::LEARNING_RATE step="any" />
                <NumberField id="expr-batch" label=Bi::new("배치 크기", "Batch size") value=expr.batch bounds=ranges::BATCH />
                <NumberField id="expr-epochs" label=Bi::new("최대 에포크", "Epochs (at most)") value=expr.epochs bounds=ranges::EPOCHS />
                <NumberField id="expr-patience" label=Bi::new("조기 종료 인내 (0 = 끔)", "Early-stopping patience (0 = off)") value=expr.patience bounds=ranges::PATIENCE />
                <NumberField id="expr-model-seed" label=Bi::new("모델 시드", "Model seed") value=expr.model_seed bounds=ranges::SEED />
            </div>
        </section>
    }
}

/// Train / Stop / Continue with MSE and r² curves.
#[component]
pub fn TrainPanel() -> impl IntoView {
    let expr = expect_context::<Expr>();
    let train = Callback::new(move |_| {
        let Some(data) = expr.data.get_untracked() else {
            return;
        };
        let job = TrainJob {
            spec: expr.spec.get_untracked(),
            model_seed: expr.model_seed.get_untracked(),
            config: expr.config.get_untracked(),
            train: data.train(None),
            fit_length: expr.length.get_untracked().1,
        };
        expr.imported_scaler.set(None);
        expr.run.start(job, expr.job_key.get_untracked());
    });
    let ready = Signal::derive(move || {
        expr.data.with(Option::is_some)
            && expr
                .spec
                .get()
                .check_training(expr.batch.get(), &MODEL_LIMITS)
                .is_ok()
    });
    view! {
        <section class="panel" aria-labelledby="expr-step-3">
            <h2 id="expr-step-3">{tr("3 · 학습", "3 · Train")}</h2>
            <TrainControls
                session=expr.run
                epochs=expr.epochs
                ready=ready
                key=expr.job_key
                on_train=train
                metric=Metric::R2
                loss_label=Bi::new("손실 (z-점수의 MSE)", "loss (MSE of z-scores)")
            />
        </section>
    }
}
