//! Lesson: the expression lab (LECTURE.md item 17): sequence → expression value, a regression on
//! built-in real 5′UTR data (Sample et al. 2019), a simulation with a known rule, or an upload.
//! The page wires signals to the core (`data::csv`, `lab::expression`, `training::job`,
//! `interpret`); training runs in Web Workers and predictions in short chunks.

mod curve_panel;
mod data_panel;
mod export_panel;
mod model_panel;
mod predict_panel;
mod results;
mod source;
pub mod state;
mod text;
mod upload_panel;

use crate::ui::i18n::{Bi, use_lang};
use crate::ui::lessons::{Lesson, LessonInfo};
use crate::ui::widgets::{CheckQuestion, Choice};
use leptos::prelude::*;
use state::Expr;

/// This page in the course: Sequence → expression regression on real or uploaded data (lecture item 17).
pub const LESSON: Lesson = Lesson(&LessonInfo {
    slug: "expression-lab",
    title: Bi::new(
        "발현 실험실: 서열로 발현량 예측하기",
        "Expression lab: predict expression from sequence",
    ),
    nav_title: Bi::new("발현 실험실 (회귀)", "Expression lab (regression)"),
    summary: Bi::new(
        "실제 5′UTR 15,000개(기본) 또는 내 CSV로 발현량을 예측하는 CNN을 학습하고, 처음 보는 서열로 평가합니다.",
        "Train a CNN that predicts expression from 15,000 real 5′UTRs (the default) or your own CSV, and test it on unseen sequences.",
    ),
    why_next: Bi::new(
        "DNA에서 단백질로: 글자가 4개에서 21개로 늘어도 같은 방법으로 GFP의 밝기를 예측합니다.",
        "From DNA to protein: with 21 letters instead of 4, the same method predicts how bright GFP glows.",
    ),
    page: || view! { <ExpressionLab /> }.into_any(),
});

/// The expression lab page (`/expression-lab`; settings in the URL).
#[component]
pub fn ExpressionLab() -> impl IntoView {
    let lang = use_lang();
    let expr = Expr::from_url();
    provide_context(expr);
    let predictions = results::use_test_predictions(expr);
    view! {
        <article class="lesson lab">
            <h1>{move || LESSON.title().get(lang.get())}</h1>
            <text::Intro />
            <data_panel::DataPanel />
            <model_panel::ModelPanel />
            <model_panel::TrainPanel />
            <results::ResultsPanel predictions=predictions />
            <curve_panel::CurvePanel />
            <predict_panel::PredictPanel />
            <export_panel::ExportPanel predictions=predictions />
            <text::Try />
            <CheckQuestion
                lesson=LESSON
                question=Bi::new(
                    "테스트 r²가 0이라면 모델은 어떤 상태일까요?",
                    "What does a test r² of 0 mean?",
                )
                options=vec![
                    Choice::right("언제나 평균을 답하는 것보다 나을 게 없다", "It is no better than always answering the mean"),
                    Choice::wrong(
                        "모든 예측이 0이다",
                        "Every prediction is 0",
                        "r²는 예측값의 크기가 아니라, 평균만 답하는 기준선에 견주어 오차를 얼마나 줄였는지를 잽니다. 예측이 모두 0이면 r²는 보통 크게 음수가 됩니다.",
                        "r² does not measure the size of the predictions but how much they cut the error compared with a baseline that answers the mean. Predictions that are all 0 usually give a strongly negative r².",
                    ),
                    Choice::wrong(
                        "예측이 완벽하다",
                        "The predictions are perfect",
                        "예측이 완벽하면 오차 제곱합이 0이 되어 r²는 1입니다. 0은 그와 전혀 다른 점수입니다.",
                        "Perfect predictions leave no squared error, which gives r² = 1. A score of 0 is something quite different.",
                    ),
                ]
                explanation=Bi::new(
                    "r² = 1 − (오차 제곱합 / 평균 주변 제곱합)이므로, 0은 평균만 답하는 기준선과 같은 오차라는 뜻입니다. 기준선보다 나쁘면 음수가 됩니다.",
                    "r² = 1 − (squared error / spread around the mean), so 0 means the same error as the mean baseline; worse than the baseline gives a negative r².",
                )
            />
        </article>
    }
}
