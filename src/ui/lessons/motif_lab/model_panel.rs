//! Step 3 of the motif lab: the architecture and the training settings, with the live Keras summary.

use super::state::Lab;
use crate::lab::motif::{Output, ranges};
use crate::nn::{LossSemantics, Padding};
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::widgets::{ErrorMessage, KnobFields, NumberField, SelectField, SummaryTable};
use leptos::prelude::*;

/// Architecture form, summary table and hyperparameters (lecture defaults).
#[component]
pub fn ModelPanel() -> impl IntoView {
    let lab = expect_context::<Lab>();
    let lang = use_lang();
    let summary = Memo::new(move |_| lab.summary());
    let error =
        Signal::derive(move || summary.with(|s| s.as_ref().err().map(|e| e.message(lang.get()))));
    view! {
        <section class="panel" aria-labelledby="lab-step-3">
            <h2 id="lab-step-3">{tr("3 · 모델 구조와 학습 설정", "3 · Architecture and training settings")}</h2>
            <super::text::ModelText />
            <div class="field-row">
                <NumberField id="lab-filters" label=Bi::new("필터 수", "Filters") value=lab.filters bounds=ranges::FILTERS />
                <NumberField id="lab-kernel" label=Bi::new("커널 크기", "Kernel size") value=lab.kernel bounds=ranges::KERNEL />
                <SelectField id="lab-padding" label=Bi::new("패딩", "Padding") value=lab.padding
                    options=vec![(Padding::Same, Bi::new("same (강의 코드)", "same (lecture code)")), (Padding::Valid, Bi::new("valid (강의 출력)", "valid (lecture printout)"))] />
                <NumberField id="lab-pool" label=Bi::new("풀 크기", "Pool size") value=lab.pool bounds=ranges::POOL />
                <SelectField id="lab-output" label=Bi::new("출력 활성화", "Output activation") value=lab.output
                    options=vec![(Output::Sigmoid, Bi::new("sigmoid (강의)", "sigmoid (lecture)")), (Output::Softmax, Bi::new("softmax", "softmax"))] />
            </div>
            <ErrorMessage message=error />
            <SummaryTable summary=Signal::derive(move || summary.get().ok()) />
            <p class="hint" data-testid="model-limits">{move || crate::nn::MODEL_LIMITS.describe(lang.get())}</p>
            <div class="field-row">
                <SelectField id="lab-semantics" label=Bi::new("손실 계산 방식", "Loss semantics") value=lab.semantics
                    options=vec![
                        (LossSemantics::KerasFit, Bi::new("오늘의 Keras (로짓)", "today's Keras (logits)")),
                        (LossSemantics::ClassicNormaliseClip, Bi::new("2020년 무렵 Keras (σ를 합으로 나누고 자르기)", "2020-era Keras (σ ÷ its sum, clipped)")),
                    ] />
            </div>
            <KnobFields knobs=lab.knobs prefix="lab" />
        </section>
    }
}
