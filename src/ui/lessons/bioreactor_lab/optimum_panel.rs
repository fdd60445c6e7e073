//! Step 7 of the bioreactor lab: use the model — search the trained network for its best
//! conditions within the ranges, see how far they lie from the training runs (extrapolation),
//! then run them in the simulator and compare the titer it predicted with the one the simulator
//! gives, and with the simulator's true optimum.

use super::state::{Bio, PARAMS};
use super::work::{
    Generation, Predictor, find_true_optimum, on_points, search_chunked, training_rows,
};
use crate::lab::bioreactor::{Proposal, Search, SearchOptions, place, titer};
use crate::ui::i18n::{tr, use_lang};
use leptos::prelude::*;

/// Where the search stands.
#[derive(Clone, Debug, PartialEq)]
enum Found {
    /// Not searched for the current model.
    Idle,
    /// Searching.
    Searching,
    /// The model's best conditions.
    Ready(Proposal),
}

/// The search, the proposal and its run in the simulator.
#[component]
pub fn OptimumPanel() -> impl IntoView {
    let bio = expect_context::<Bio>();
    let lang = use_lang();
    let found = RwSignal::new(Found::Idle);
    let actual = RwSignal::new(None::<f64>);
    let work = Generation::new();
    // A new model (or new runs) makes an old proposal meaningless.
    Effect::new(move || {
        let _ = (bio.model(), bio.data.get(), bio.scaling());
        work.next();
        found.set(Found::Idle);
        actual.set(None);
    });
    let search = move |_| {
        let (Some(saved), Some(data), Some(scaling), Some(ranges)) = (
            bio.model(),
            bio.data.get_untracked(),
            bio.scaling(),
            bio.feature_ranges(),
        ) else {
            return;
        };
        if bio.simulated_data.get_untracked() {
            find_true_optimum(bio);
        }
        let ticket = work.next();
        found.set(Found::Searching);
        actual.set(None);
        let seed = bio.seed.get_untracked();
        leptos::task::spawn_local(async move {
            let Some(mut predictor) = Predictor::new(&saved, scaling.clone()) else {
                return;
            };
            let search = Search::new(&ranges, &SearchOptions::model(seed));
            let Some(best) =
                search_chunked(search, ticket, on_points(|x| predictor.predict(x))).await
            else {
                return;
            };
            found.try_set(Found::Ready(place(best, &training_rows(&data), &scaling)));
        });
    };
    let run_it = move |_| {
        if let Found::Ready(p) = found.get_untracked()
            && let Some(conditions) = p.conditions()
        {
            actual.set(Some(titer(&conditions, &PARAMS)));
        }
    };
    let proposal = move || match found.get() {
        Found::Ready(p) => Some(p),
        _ => None,
    };
    let table = move || {
        let lang = lang.get();
        let p = proposal()?;
        let data = bio.data.get()?;
        let names = bio.feature_names(lang);
        let ranges = bio.feature_ranges()?;
        let nearest = &data.table.features[data.split.train[p.nearest_run]];
        let rows = names
            .into_iter()
            .enumerate()
            .map(|(k, name)| {
                let edge = {
                    let r = ranges[k];
                    let at = (p.point[k] - r.min) / (r.max - r.min).max(1e-12);
                    !(0.02..=0.98).contains(&at)
                };
                view! {
                    <tr class:edge=edge>
                        <th scope="row">{name}</th>
                        <td data-testid=format!("bio-proposal-{k}")>{format!("{:.2}", p.point[k])}</td>
                        <td>{format!("{} – {}", ranges[k].min, ranges[k].max)}</td>
                        <td>{format!("{:.2}", nearest[k])}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <div class="table-scroll" tabindex="0">
                <table class="matrix metrics" data-testid="bio-proposal">
                    <thead><tr>
                        <th scope="col">{tr("조건", "condition")}</th>
                        <th scope="col">{tr("신경망이 고른 값", "the network's choice")}</th>
                        <th scope="col">{tr("범위", "range")}</th>
                        <th scope="col">{tr("가장 가까운 훈련 실행", "nearest training run")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    };
    let verdict = move || {
        let lang = lang.get();
        let p = proposal()?;
        let predicted = lang.pick(
            format!("신경망이 예측한 역가: {:.0} mg/L", p.predicted),
            format!("Titer the network predicts there: {:.0} mg/L", p.predicted),
        );
        let distance = if p.extrapolating {
            lang.pick(
                format!("⚠ 외삽: 가장 가까운 훈련 실행까지 거리 {:.2}(표준화 단위), 실행 사이 가장 넓은 틈은 {:.2}입니다. 이 답은 데이터가 거의 없는 곳, 또는 훈련 실행이 닿지 않은 범위에 있습니다: 믿기 전에 실제로 확인하세요.", p.distance, p.spacing),
                format!("⚠ Extrapolating: the nearest training run is {:.2} away (standardised units) while the widest gap between runs is {:.2}, or the point lies beyond what the runs cover. The answer rests on little data: check it before you trust it.", p.distance, p.spacing),
            )
        } else {
            lang.pick(
                format!("가장 가까운 훈련 실행까지 거리 {:.2}(표준화 단위), 실행 사이 가장 넓은 틈 {:.2}: 데이터가 있는 곳 안쪽입니다.", p.distance, p.spacing),
                format!("The nearest training run is {:.2} away (standardised units), within the widest gap between runs ({:.2}): inside the data.", p.distance, p.spacing),
            )
        };
        Some(view! {
            <p data-testid="bio-proposal-predicted">{predicted}</p>
            <p class=if p.extrapolating { "notice" } else { "hint" } data-testid="bio-proposal-distance">{distance}</p>
        })
    };
    let comparison = move || {
        let lang = lang.get();
        let p = proposal()?;
        let actual = actual.get()?;
        let best = bio.true_best.get();
        let error = (p.predicted - actual) / actual.max(1e-9) * 100.0;
        let mut text = lang.pick(
            format!(
                "시뮬레이터의 역가: {actual:.0} mg/L (신경망의 예측은 {} %)",
                crate::lang::numbers::with_sign(error, 1)
            ),
            format!(
                "The simulator's titer: {actual:.0} mg/L (the network's prediction {} %)",
                crate::lang::numbers::with_sign(error, 1)
            ),
        );
        let share = best.as_ref().map(|b| {
            let share = 100.0 * actual / b.value;
            lang.pick(
                format!("진짜 최적 {:.0} mg/L의 {share:.1} %", b.value),
                format!("{share:.1} % of the true optimum, {:.0} mg/L", b.value),
            )
        });
        let share_text = share.unwrap_or_else(|| {
            lang.pick("진짜 최적을 찾는 중…", "finding the true optimum…")
                .to_string()
        });
        text.push_str(" · ");
        Some(view! {
            <p data-testid="bio-proposal-actual">{text}<strong data-testid="bio-proposal-share">{share_text}</strong></p>
        })
    };
    let truth_line = move || {
        let lang = lang.get();
        bio.true_best.get().map(|b| {
            let c = b.conditions();
            lang.pick(
                format!("시뮬레이터의 진짜 최적 (시뮬레이션 {}번으로 찾음): {:.0} mg/L — 온도 {:.1} °C, pH {:.2}, 공급 {:.1} mL/h, 초기 포도당 {:.1} g/L, 유도 {:.1} h, IPTG {:.2} mM", b.evaluations, b.value, c.temperature, c.ph, c.feed_rate, c.initial_substrate, c.induction_time, c.inducer),
                format!("The simulator's true optimum (found with {} simulations): {:.0} mg/L — {:.1} °C, pH {:.2}, feed {:.1} mL/h, initial glucose {:.1} g/L, induction at {:.1} h, IPTG {:.2} mM", b.evaluations, b.value, c.temperature, c.ph, c.feed_rate, c.initial_substrate, c.induction_time, c.inducer),
            )
        })
    };
    let can_search = move || bio.model().is_some() && found.get() != Found::Searching;
    view! {
        <section class="panel" aria-labelledby="bio-step-7">
            <h2 id="bio-step-7">{tr("7 · 모델 쓰기: 가장 좋은 조건 찾기", "7 · Use the model: find the best conditions")}</h2>
            <super::text::OptimumText />
            <div class="buttons">
                <button type="button" class="primary" data-testid="bio-search" on:click=search disabled=move || !can_search()>
                    {tr("신경망으로 가장 좋은 조건 찾기", "Search the network for the best conditions")}
                </button>
                <Show when=move || bio.simulated_data.get()>
                    <button type="button" data-testid="bio-run-proposal" on:click=run_it disabled=move || proposal().is_none()>
                        {tr("그 조건을 시뮬레이터로 실행하기", "Run those conditions in the simulator")}
                    </button>
                </Show>
            </div>
            <p role="status" data-testid="bio-search-status">{move || match found.get() {
                Found::Searching => tr("찾는 중 (작은 작업으로 나누어)…", "Searching (in short tasks)…")().to_string(),
                Found::Idle if bio.model().is_none() => tr("먼저 신경망을 학습하세요.", "Train the network first.")().to_string(),
                _ => String::new(),
            }}</p>
            {table}
            {verdict}
            {comparison}
            <p class="hint" data-testid="bio-true-optimum">{truth_line}</p>
        </section>
    }
}
