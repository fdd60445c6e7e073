//! The live train / validation / test splitter over twenty simulated bioreactor runs.

use crate::theory::bioreactor::{Pattern, simulate};
use crate::theory::splits::ranges;
use crate::theory::splits::{Part, counts, three_way_split};
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::state::use_bounded_param;
use crate::ui::widgets::{NumberField, Slider};
use leptos::prelude::*;

/// Runs in the table.
const RUNS: usize = 20;

fn part_name(part: Part) -> Bi {
    match part {
        Part::Train => Bi::new("훈련", "training"),
        Part::Validation => Bi::new("검증", "validation"),
        Part::Test => Bi::new("테스트", "test"),
    }
}

fn part_class(part: Part) -> &'static str {
    match part {
        Part::Train => "part-train",
        Part::Validation => "part-validation",
        Part::Test => "part-test",
    }
}

/// Sliders for the test and validation shares, a seed, the runs table and the counts
/// (settings `?test=`, `?val=` in percent, `?seed=`).
#[component]
pub fn Splitter() -> impl IntoView {
    let lang = use_lang();
    let test = use_bounded_param("test", 20.0f64, ranges::TEST_PERCENT);
    let validation = use_bounded_param("val", 25.0f64, ranges::VALIDATION_PERCENT);
    let seed = use_bounded_param("seed", 1u64, ranges::SEED);
    let runs = simulate(Pattern::Linear, RUNS, 11);
    let parts = Memo::new(move |_| {
        three_way_split(
            RUNS,
            validation.get() / 100.0,
            test.get() / 100.0,
            seed.get(),
        )
    });
    let rows = move || {
        let parts = parts.get();
        runs.iter()
            .zip(parts)
            .enumerate()
            .map(|(i, (run, part))| {
                view! {
                    <tr class=part_class(part)>
                        <td>{i + 1}</td>
                        <td>{format!("{:.1}", run.temperature)}</td>
                        <td>{format!("{:.2}", run.ph)}</td>
                        <td>{format!("{:.2}", run.yield_g_per_l)}</td>
                        <td class="part">{move || part_name(part).get(lang.get())}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let summary = move || {
        let (tr_, va, te) = counts(&parts.get());
        lang.get()
            .pick(
                &format!("훈련 {tr_}개 · 검증 {va}개 · 테스트 {te}개"),
                &format!("{tr_} training · {va} validation · {te} test"),
            )
            .to_string()
    };
    view! {
        <section class="panel">
            <h2>{tr("데이터 나누기: 훈련, 검증, 테스트", "Splitting the data: training, validation, test")}</h2>
            <Ko>
                <p>"먼저 테스트 세트를 떼어 둡니다. 남은 데이터를 다시 무작위로 훈련 세트와 검증 세트로 나눕니다. 모델은 훈련 세트로 가중치를 맞추고, 검증 세트로 학습이 잘 되는지 지켜보며 설정을 고릅니다. 테스트 세트는 모든 결정이 끝난 뒤 마지막에 딱 한 번만 씁니다. 여러 번 보고 고르면 테스트 점수가 처음 보는 데이터에 대한 점수가 아니게 됩니다."</p>
            </Ko>
            <En>
                <p>"First the test set is set aside. The rest is split again, at random, into a training and a validation set. The model fits its weights on the training set; the validation set watches the fit and picks the settings. The test set is used once, at the very end, after every decision is made: look at it repeatedly and its score stops measuring unseen data."</p>
            </En>
            <div class="field-row">
                <Slider id="split-test" label=Bi::new("테스트 비율 (%)", "Test share (%)") value=test bounds=ranges::TEST_PERCENT step=5.0 decimals=0 />
                <Slider id="split-val" label=Bi::new("검증 비율 (남은 것의 %)", "Validation share (% of the rest)") value=validation bounds=ranges::VALIDATION_PERCENT step=5.0 decimals=0 />
                <NumberField id="split-seed" label=Bi::new("시드", "Seed") value=seed bounds=ranges::SEED />
                <button type="button" id="split-reshuffle" on:click=move |_| seed.update(|s| *s = s.wrapping_add(1) % 1_000_000)>
                    {tr("다시 섞기", "Reshuffle")}
                </button>
            </div>
            <p class="split-counts" role="status" data-testid="split-counts">{summary}</p>
            <div class="table-scroll">
                <table class="matrix split-table">
                    <caption>{tr("모의 생물반응기 실험 20회 (온도, pH → 수율)", "Twenty simulated bioreactor runs (temperature, pH → yield)")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr("실험", "Run")}</th>
                            <th scope="col">{tr("온도 (°C)", "Temperature (°C)")}</th>
                            <th scope="col">"pH"</th>
                            <th scope="col">{tr("수율 (g/L)", "Yield (g/L)")}</th>
                            <th scope="col">{tr("세트", "Set")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
