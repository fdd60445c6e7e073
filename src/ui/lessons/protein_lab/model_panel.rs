//! Steps 2 and 3 of the protein lab: the split and the architecture (a preset or the student's
//! own, with its summary and the shared training knobs), then training in the Web Worker.

use super::state::Prot;
use crate::lab::protein::Preset;
use crate::lab::protein::settings::ranges;
use crate::nn::MODEL_LIMITS;
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::widgets::{
    ErrorMessage, KnobFields, Metric, NumberField, SelectField, SummaryTable, TrainControls,
};
use leptos::prelude::*;

/// Split, preset or custom architecture, the summary, and the training settings.
#[component]
pub fn ModelPanel() -> impl IntoView {
    let prot = expect_context::<Prot>();
    let lang = use_lang();
    // Counted from the description: no model is built to show its summary.
    let summary = Memo::new(move |_| prot.spec.get().summary());
    let fits = Memo::new(move |_| {
        prot.spec
            .get()
            .check_training(prot.knobs.batch.get(), &MODEL_LIMITS)
            .err()
    });
    let error = Signal::derive(move || {
        let lang = lang.get();
        summary
            .with(|s| s.as_ref().err().map(|e| e.message(lang)))
            .or_else(|| fits.with(|f| f.as_ref().map(|e| e.message(lang))))
    });
    let split = move || {
        let lang = lang.get();
        prot.split_now().map(|s| {
            let (train, test) = (s.split.train.len(), s.split.test.len());
            let validation =
                train - (train as f64 * (1.0 - prot.knobs.validation.get())).floor() as usize;
            lang.pick(
                format!(
                    "훈련 세트 {}행 (그중 검증 세트 {}행) · 테스트 세트 {}행. 점수는 훈련 세트의 평균 {:.3}, 표준편차 {:.3}으로 z-점수로 바꿉니다.",
                    crate::lang::grouped(train), crate::lang::grouped(validation), crate::lang::grouped(test), s.scaler.mean, s.scaler.std
                ),
                format!(
                    "Training set {} rows (validation {} of them) · test set {} rows. Scores become z-scores with the training mean {:.3} and standard deviation {:.3}.",
                    crate::lang::grouped(train), crate::lang::grouped(validation), crate::lang::grouped(test), s.scaler.mean, s.scaler.std
                ),
            )
        })
    };
    view! {
        <section class="panel" aria-labelledby="prot-step-2">
            <h2 id="prot-step-2">{tr("2 · 나누기와 모델", "2 · Split and model")}</h2>
            <div class="field-row">
                <NumberField id="prot-test" label=Bi::new("테스트 세트 비율", "Test fraction") value=prot.test_fraction bounds=ranges::TEST_FRACTION step="0.05" />
                <NumberField id="prot-split-seed" label=Bi::new("나누기 시드", "Split seed") value=prot.split_seed bounds=ranges::SEED />
                <NumberField id="prot-validation" label=Bi::new("검증 비율 (훈련 세트 중)", "Validation fraction (of training)") value=prot.knobs.validation bounds=prot.knobs.ranges.validation step="0.05" />
            </div>
            <p class="hint" data-testid="prot-split">{split}</p>
            <super::text::ModelText />
            <SelectField id="prot-preset" label=Bi::new("구조", "Architecture") value=prot.preset
                options=vec![
                    (Preset::Dense, Bi::new("은닉층 하나: Flatten → Dense(64, ReLU) → Dense(1)", "one hidden layer: Flatten → Dense(64, ReLU) → Dense(1)")),
                    (Preset::Linear, Bi::new("선형 (가산): Flatten → Dense(1)", "linear (additive): Flatten → Dense(1)")),
                    (Preset::Cnn, Bi::new("CNN: Conv1D(32, 9) → Dense(64) → Dense(1)", "CNN: Conv1D(32, 9) → Dense(64) → Dense(1)")),
                    (Preset::Custom, Bi::new("직접 정하기", "custom")),
                ] />
            <Show when=move || prot.preset.get() == Preset::Custom>
                <div class="field-row">
                    <NumberField id="prot-conv-layers" label=Bi::new("합성곱 층 수 (0 = 없음)", "Convolution layers (0 = none)") value=prot.conv_layers bounds=ranges::CONV_LAYERS />
                    <NumberField id="prot-filters" label=Bi::new("필터 수", "Filters") value=prot.filters bounds=ranges::FILTERS />
                    <NumberField id="prot-kernel" label=Bi::new("커널 크기", "Kernel size") value=prot.kernel bounds=ranges::KERNEL />
                    <NumberField id="prot-dense" label=Bi::new("Dense 유닛 (0 = 없음)", "Dense units (0 = none)") value=prot.dense bounds=ranges::DENSE />
                </div>
            </Show>
            <ErrorMessage message=error />
            <SummaryTable summary=Signal::derive(move || summary.get().ok()) />
            <p class="hint" data-testid="model-limits">{move || MODEL_LIMITS.describe(lang.get())}</p>
            <KnobFields knobs=prot.knobs prefix="prot" />
        </section>
    }
}

/// Train / Stop / Continue with MSE and r² curves.
#[component]
pub fn TrainPanel() -> impl IntoView {
    let prot = expect_context::<Prot>();
    let train = Callback::new(move |_| {
        let Some(job) = prot.job() else {
            return;
        };
        prot.run.start(job, prot.job_key.get_untracked());
    });
    let ready = Signal::derive(move || {
        prot.split.with(|s| matches!(s, Some(Ok(_))))
            && prot
                .spec
                .get()
                .check_training(prot.knobs.batch.get(), &MODEL_LIMITS)
                .is_ok()
    });
    view! {
        <section class="panel" aria-labelledby="prot-step-3">
            <h2 id="prot-step-3">{tr("3 · 학습", "3 · Train")}</h2>
            <TrainControls
                session=prot.run
                epochs=prot.knobs.epochs
                ready=ready
                key=prot.job_key
                on_train=train
                metric=Metric::R2
                loss_label=Bi::new("손실 (z-점수의 MSE)", "loss (MSE of z-scores)")
            />
        </section>
    }
}
