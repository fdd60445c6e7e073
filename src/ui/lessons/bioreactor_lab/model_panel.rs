//! Steps 3 and 4 of the bioreactor lab: the two models — the least-squares plane, fitted in
//! closed form with its coefficients in the conditions' units, and the dense network (a preset or
//! the student's layers, with its summary and the shared training knobs) — and training the
//! network in the Web Worker with live MSE and r² curves.

use super::state::Bio;
use crate::lab::bioreactor::ModelPreset;
use crate::lab::bioreactor::settings::ranges;
use crate::nn::MODEL_LIMITS;
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::widgets::{
    ErrorMessage, KnobFields, Metric, NumberField, SelectField, SummaryTable, TrainControls,
};
use leptos::prelude::*;

/// The plane's coefficients, one row per feature column, with their units.
#[component]
pub fn LinearPanel() -> impl IntoView {
    let bio = expect_context::<Bio>();
    let lang = use_lang();
    let rows = move || {
        let lang = lang.get();
        let fit = bio.linear.get()?;
        let data = bio.data.get()?;
        let target = data
            .table
            .target_columns()
            .first()
            .cloned()
            .unwrap_or_default();
        let unit = unit_of(&target);
        let rows = data
            .table
            .feature_columns()
            .iter()
            .zip(fit.coefficients.iter().zip(&fit.standardised))
            .map(|(column, (b, w))| {
                let per = match unit_of(column) {
                    "" => lang.pick("단위", "unit"),
                    u => u,
                };
                let b = crate::lang::numbers::with_sign(*b, 1);
                view! {
                    <tr>
                        <th scope="row">{column.clone()}</th>
                        <td>{lang.pick(format!("{per}당 {b} {unit}"), format!("{b} {unit} per {per}"))}</td>
                        <td>{format!("{} {unit}", crate::lang::numbers::with_sign(*w, 0))}</td>
                    </tr>
                }
            })
            .collect_view();
        let intercept = crate::lang::numbers::signed(fit.intercept, 0);
        Some(view! {
            <div class="table-scroll" tabindex="0">
                <table class="matrix metrics" data-testid="bio-linear">
                    <caption>{lang.pick(format!("절편 b₀ = {intercept} {unit}"), format!("intercept b₀ = {intercept} {unit}"))}</caption>
                    <thead><tr>
                        <th scope="col">{tr("조건", "condition")}</th>
                        <th scope="col">{tr("계수 bₖ (단위당)", "coefficient bₖ (per unit)")}</th>
                        <th scope="col">{tr("표준편차 하나당 wₖ", "wₖ per standard deviation")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    };
    view! {
        <h3>{tr("직선(평면) 모델: 최소제곱법, 한 번에 풀기", "The straight-line (plane) model: least squares, solved at once")}</h3>
        <super::text::LinearText />
        {rows}
    }
}

/// The unit in a column name's parentheses (`temperature (°C)` → `°C`), or nothing.
pub fn unit_of(column: &str) -> &str {
    column
        .rfind('(')
        .and_then(|open| column[open + 1..].strip_suffix(')'))
        .unwrap_or("")
}

/// The network: preset or custom, its summary, and the training knobs.
#[component]
pub fn ModelPanel() -> impl IntoView {
    let bio = expect_context::<Bio>();
    let lang = use_lang();
    let summary = Memo::new(move |_| bio.spec.get().summary());
    let fits = Memo::new(move |_| {
        bio.spec
            .get()
            .check_training(bio.knobs.batch.get(), &MODEL_LIMITS)
            .err()
    });
    let error = Signal::derive(move || {
        let lang = lang.get();
        summary
            .with(|s| s.as_ref().err().map(|e| e.message(lang)))
            .or_else(|| fits.with(|f| f.as_ref().map(|e| e.message(lang))))
    });
    view! {
        <section class="panel" aria-labelledby="bio-step-3">
            <h2 id="bio-step-3">{tr("3 · 모델 두 가지", "3 · Two models")}</h2>
            <LinearPanel />
            <h3>{tr("신경망: Dense 층", "The network: Dense layers")}</h3>
            <super::text::ModelText />
            <SelectField id="bio-model" label=Bi::new("구조", "Architecture") value=bio.model
                options=vec![
                    (ModelPreset::Dense, Bi::new("기본: Dense(16, relu) → Dense(16, relu) → Dense(1)", "preset: Dense(16, relu) → Dense(16, relu) → Dense(1)")),
                    (ModelPreset::Custom, Bi::new("직접 정하기", "custom")),
                    (ModelPreset::Linear, Bi::new("Dense(1)만: 경사 하강법으로 찾는 같은 평면", "Dense(1) only: the same plane, found by gradient descent")),
                ] />
            <Show when=move || bio.model.get() == ModelPreset::Custom>
                <div class="field-row">
                    <NumberField id="bio-layers" label=Bi::new("은닉층 수", "Hidden layers") value=bio.hidden_layers bounds=ranges::HIDDEN_LAYERS />
                    <NumberField id="bio-units" label=Bi::new("층마다 유닛", "Units per layer") value=bio.hidden_units bounds=ranges::HIDDEN_UNITS />
                </div>
            </Show>
            <ErrorMessage message=error />
            <SummaryTable summary=Signal::derive(move || summary.get().ok()) />
            <KnobFields knobs=bio.knobs prefix="bio" />
        </section>
    }
}

/// Train / Stop / Continue with MSE and r² curves.
#[component]
pub fn TrainPanel() -> impl IntoView {
    let bio = expect_context::<Bio>();
    let train = Callback::new(move |_| {
        let Some(job) = bio.job() else {
            return;
        };
        bio.imported_scaling.set(None);
        bio.run.start(job, bio.job_key.get_untracked());
    });
    let ready = Signal::derive(move || {
        bio.data.with(Option::is_some)
            && bio
                .spec
                .get()
                .check_training(bio.knobs.batch.get(), &MODEL_LIMITS)
                .is_ok()
    });
    view! {
        <section class="panel" aria-labelledby="bio-step-4">
            <h2 id="bio-step-4">{tr("4 · 신경망 학습", "4 · Train the network")}</h2>
            <TrainControls
                session=bio.run
                epochs=bio.knobs.epochs
                ready=ready
                key=bio.job_key
                on_train=train
                metric=Metric::R2
                loss_label=Bi::new("손실 (z-점수의 MSE)", "loss (MSE of z-scores)")
            />
        </section>
    }
}
