//! Classification or regression? The student sorts six tasks from the course's areas.

use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use leptos::prelude::*;

/// A task and whether its Y is a category (classification) rather than a number (regression).
const TASKS: [(Bi, bool); 6] = [
    (
        Bi::new(
            "DNA 서열 → 전사인자가 결합한다 / 안 한다",
            "DNA sequence → the transcription factor binds / does not",
        ),
        true,
    ),
    (
        Bi::new(
            "5′UTR 서열 → 리보솜 로딩 평균값",
            "5′UTR sequence → mean ribosome load",
        ),
        false,
    ),
    (
        Bi::new(
            "온도와 pH → 단백질 수율 (g/L)",
            "Temperature and pH → protein yield (g/L)",
        ),
        false,
    ),
    (
        Bi::new(
            "온도와 pH → 수율이 높다 / 낮다",
            "Temperature and pH → yield high / low",
        ),
        true,
    ),
    (
        Bi::new(
            "단백질 구조 → 효소 활성 (kcat)",
            "Protein structure → enzyme activity (kcat)",
        ),
        false,
    ),
    (
        Bi::new(
            "단백질 서열 → 세포 안 위치 (핵, 세포질, 막)",
            "Protein sequence → location in the cell (nucleus, cytosol, membrane)",
        ),
        true,
    ),
];

/// The sorter: one pair of radio buttons per task, with feedback per answer.
#[component]
pub fn Sorter() -> impl IntoView {
    let lang = use_lang();
    let rows = TASKS
        .into_iter()
        .enumerate()
        .map(|(i, (task, classification))| {
            let answer = RwSignal::new(None::<bool>);
            let name = format!("sort-{i}");
            let feedback = move || match answer.get() {
                None => String::new(),
                Some(a) if a == classification => tr("✓ 맞습니다", "✓ Right")().to_string(),
                Some(_) if classification => tr("✗ Y가 범주입니다 → 분류", "✗ Y is a category → classification")().to_string(),
                Some(_) => tr("✗ Y가 숫자입니다 → 회귀", "✗ Y is a number → regression")().to_string(),
            };
            let option = |value: bool, label: Bi| {
                let name = name.clone();
                view! {
                    <label class="inline">
                        <input type="radio" name=name on:change=move |_| answer.set(Some(value)) />
                        {move || label.get(lang.get())}
                    </label>
                }
            };
            view! {
                <li class="sort-task" data-testid=format!("sort-{i}")>
                    <fieldset class="inline-choices">
                        <legend>{move || task.get(lang.get())}</legend>
                        {option(true, Bi::new("분류", "classification"))}
                        {option(false, Bi::new("회귀", "regression"))}
                        <span class="sort-feedback" class:good=move || answer.get() == Some(classification) role="status">{feedback}</span>
                    </fieldset>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel">
            <h2>{tr("지도 학습: 분류인가 회귀인가?", "Supervised learning: classification or regression?")}</h2>
            <Ko>
                <p>"정답 Y가 있는 예시로 배우는 것이 지도 학습입니다. Y가 몇 개의 범주 중 하나이면 분류, 연속된 숫자이면 회귀입니다. 각 문제를 분류해 보세요."</p>
            </Ko>
            <En>
                <p>"Learning from examples that come with the answer Y is supervised learning. If Y is one of a few categories it is classification; if Y is a number on a scale it is regression. Sort each task."</p>
            </En>
            <ul class="sort-tasks">{rows}</ul>
        </section>
    }
}
