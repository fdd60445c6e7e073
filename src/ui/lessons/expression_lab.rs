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
use crate::ui::lessons::Lesson;
use crate::ui::widgets::CheckQuestion;
use leptos::prelude::*;
use state::Expr;

/// The expression lab page (`/expression-lab`; settings in the URL).
#[component]
pub fn ExpressionLab() -> impl IntoView {
    let lang = use_lang();
    let expr = Expr::from_url();
    provide_context(expr);
    let predictions = results::use_test_predictions(expr);
    view! {
        <article class="lesson lab">
            <h1>{move || Lesson::ExpressionLab.title().get(lang.get())}</h1>
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
                lesson=Lesson::ExpressionLab
                question=Bi::new(
                    "시험용 r²가 0이라면 모델은 어떤 상태일까요?",
                    "What does a test r² of 0 mean?",
                )
                options=vec![
                    (Bi::new("언제나 평균을 답하는 것보다 나을 게 없다", "It is no better than always answering the mean"), true),
                    (Bi::new("모든 예측이 0이다", "Every prediction is 0"), false),
                    (Bi::new("예측이 완벽하다", "The predictions are perfect"), false),
                ]
                explanation=Bi::new(
                    "r² = 1 − (오차 제곱합 / 평균 주변 제곱합)이므로, 0은 평균만 답하는 기준선과 같은 오차라는 뜻입니다. 기준선보다 나쁘면 음수가 됩니다.",
                    "r² = 1 − (squared error / spread around the mean), so 0 means the same error as the mean baseline; worse than the baseline gives a negative r².",
                )
            />
        </article>
    }
}
