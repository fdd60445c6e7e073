//! Steps 2 and 3 of the expression lab: the architecture (preset or custom, with its summary) and
//! training in the Web Worker with live MSE and r² curves.

use super::state::Expr;
use crate::lab::expression::{Architecture, ranges};
use crate::nn::MODEL_LIMITS;
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::widgets::{
    ErrorMessage, KnobFields, Metric, NumberField, SelectField, SummaryTable, TrainControls,
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
            .check_training(expr.knobs.batch.get(), &MODEL_LIMITS)
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
                    (Architecture::Compact, Bi::new("compact: Conv1D(32, 8) ×2 → Dense(32) → Dense(1)", "compact: Conv1D(32, 8) ×2 → Dense(32) → Dense(1)")),
                    (Architecture::Small, Bi::new("small: Conv1D(16, 8) → MaxPool(2) → Dense(16) → Dense(1)", "small: Conv1D(16, 8) → MaxPool(2) → Dense(16) → Dense(1)")),
                    (Architecture::Custom, Bi::new("직접 정하기", "custom")),
                ] />
            <Show when=move || expr.preset.get() == Architecture::Custom>
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
            <KnobFields knobs=expr.knobs prefix="expr" />
        </section>
    }
}

/// Train / Stop / Continue with MSE and r² curves.
#[component]
pub fn TrainPanel() -> impl IntoView {
    let expr = expect_context::<Expr>();
    let train = Callback::new(move |_| {
        let Some(job) = expr.job(None) else {
            return;
        };
        expr.imported_scaler.set(None);
        expr.run.start(job, expr.job_key.get_untracked());
    });
    let ready = Signal::derive(move || {
        expr.data.with(Option::is_some)
            && expr
                .spec
                .get()
                .check_training(expr.knobs.batch.get(), &MODEL_LIMITS)
                .is_ok()
    });
    view! {
        <section class="panel" aria-labelledby="expr-step-3">
            <h2 id="expr-step-3">{tr("3 · 학습", "3 · Train")}</h2>
            <TrainControls
                session=expr.run
                epochs=expr.knobs.epochs
                ready=ready
                key=expr.job_key
                on_train=train
                metric=Metric::R2
                loss_label=Bi::new("손실 (z-점수의 MSE)", "loss (MSE of z-scores)")
            />
        </section>
    }
}
