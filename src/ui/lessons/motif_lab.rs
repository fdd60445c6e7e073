//! Lesson: the motif lab (LECTURE.md items 12–16). Simulate → split → architecture → train in a
//! Web Worker → evaluate → interpret → export. The page only wires signals to the core
//! (`bio::simulate`, `lab::motif`, `training::job`, `interpret`, `metrics`).

mod export_panel;
mod interpret_panel;
mod model_panel;
mod results;
mod simulate_panel;
pub mod state;
mod text;
mod train_panel;

use crate::ui::i18n::{Bi, use_lang};
use crate::ui::lessons::{Lesson, LessonInfo};
use crate::ui::widgets::{CheckQuestion, Choice};
use leptos::prelude::*;
use state::Lab;

/// This page in the course: The lecture's CNN experiment end to end (lecture items 12–16).
pub const LESSON: Lesson = Lesson(&LessonInfo {
    slug: "motif-lab",
    title: Bi::new(
        "모티프 실험실: CNN으로 결합 부위 찾기",
        "Motif lab: a CNN finds binding sites",
    ),
    nav_title: Bi::new("모티프 실험실 (CNN)", "Motif lab (CNN)"),
    summary: Bi::new(
        "강의의 CNN 실험을 그대로: 데이터를 만들고, 학습하고, 평가하고, 필터가 배운 모티프를 봅니다.",
        "The lecture's CNN experiment: simulate data, train, evaluate, and see the motif the filters learned.",
    ),
    why_next: Bi::new(
        "분류에서 회귀로: 비슷한 CNN이 이번에는 실제 5′UTR의 발현량이라는 숫자를 예측합니다.",
        "From classification to regression: a similar CNN now predicts a number, the expression of real 5′UTRs.",
    ),
    page: || view! { <MotifLab /> }.into_any(),
});

/// The motif lab page (`/motif-lab`; every setting is in the URL).
#[component]
pub fn MotifLab() -> impl IntoView {
    let lang = use_lang();
    let lab = Lab::from_url();
    provide_context(lab);
    let result = results::use_test_result(lab);
    let interpretation = interpret_panel::use_interpretation(lab);
    view! {
        <article class="lesson lab">
            <h1>{move || LESSON.title().get(lang.get())}</h1>
            <text::Intro />
            <simulate_panel::SimulatePanel />
            <simulate_panel::SplitPanel />
            <model_panel::ModelPanel />
            <train_panel::TrainPanel />
            <results::ResultsPanel result=result />
            <interpret_panel::InterpretPanel interpretation=interpretation result=result />
            <export_panel::ExportPanel result=result interpretation=interpretation />
            <text::Try />
            <CheckQuestion
                lesson=LESSON
                question=Bi::new(
                    "양성 = 0번 클래스일 때, 모티프가 없는 서열을 양성이라고 예측하면 혼동 행렬의 어느 칸이고 무슨 오류일까요?",
                    "With positive = class 0, predicting a motif-free sequence as positive lands in which cell, and which error is it?",
                )
                options=vec![
                    Choice::right("FP: 1행 0열, 제1종 오류", "FP: row 1, column 0 — a type I error"),
                    Choice::wrong(
                        "FN: 0행 1열, 제2종 오류",
                        "FN: row 0, column 1 — a type II error",
                        "FN(제2종 오류)은 모티프가 있는 서열을 음성으로 놓친 경우입니다. 행은 실제 클래스이니, 이 서열의 실제 클래스부터 따져 보세요.",
                        "A false negative (type II error) misses a sequence that does carry the motif. Rows are the true class, so start from this sequence's true class.",
                    ),
                    Choice::wrong(
                        "TN: 1행 1열, 오류 아님",
                        "TN: row 1, column 1 — no error",
                        "TN은 모티프가 없는 서열을 음성이라고 맞게 예측한 경우입니다. 이 모델은 양성이라고 예측했으니 예측 열을 다시 보세요.",
                        "A true negative is a motif-free sequence correctly predicted as negative. This model predicted positive, so look again at the predicted column.",
                    ),
                ]
                explanation=Bi::new(
                    "실제는 음성(1행)인데 양성(0열)으로 예측했으니 거짓 양성, 곧 없는 결합 부위를 있다고 한 제1종 오류입니다.",
                    "The true class is negative (row 1) but the prediction is positive (column 0): a false positive, claiming a binding site that is not there — a type I error.",
                )
            />
        </article>
    }
}
