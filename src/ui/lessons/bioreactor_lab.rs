//! Lesson: the bioreactor lab (issue 15): operating conditions → protein titer, a regression on
//! six numbers from a simulated fed-batch E. coli run or an uploaded table. The page wires signals
//! to the core (`lab::bioreactor`, `data::csv::tabular`, `training::job`); training runs in Web
//! Workers, the simulator and the searches in short tasks.

mod data_panel;
mod export_panel;
mod model_panel;
mod optimum_panel;
mod problems;
mod results;
mod runs_panel;
mod simulator_panel;
pub mod state;
mod text;
mod understand_panel;
mod upload_panel;
mod work;

use crate::ui::i18n::{Bi, use_lang};
use crate::ui::lessons::{Lesson, LessonInfo};
use crate::ui::widgets::{CheckQuestion, Choice};
use leptos::prelude::*;
use state::Bio;

/// This page in the course: conditions → titer, a dense network against a plane, and the best run.
pub const LESSON: Lesson = Lesson(&LessonInfo {
    slug: "bioreactor-lab",
    title: Bi::new(
        "생물반응기 실습: 배양 조건으로 단백질 역가 예측하기",
        "Bioreactor lab: predict protein titer from culture conditions",
    ),
    nav_title: Bi::new("생물반응기 실습 (표 데이터)", "Bioreactor lab (tabular)"),
    summary: Bi::new(
        "유가식 배양 시뮬레이터의 실행 200개(또는 내 CSV)로 작은 신경망을 학습해 직선 모델과 비교하고, 가장 좋은 배양 조건을 찾아 시뮬레이터로 확인합니다.",
        "Train a small network on 200 runs of a fed-batch simulator (or your own CSV), compare it with a straight-line model, and find the best culture conditions, checked in the simulator.",
    ),
    why_next: Bi::new(
        "여러 모델을 학습해 보았으니, 모델이 데이터를 외우기만 할 때를 알아보고 하이퍼파라미터를 고르는 법을 익힙니다.",
        "After training several models, learn to spot one that only memorises its data, and how to choose hyperparameters.",
    ),
    page: || view! { <BioreactorLab /> }.into_any(),
});

/// The bioreactor lab page (`/bioreactor-lab`; settings in the URL).
#[component]
pub fn BioreactorLab() -> impl IntoView {
    let lang = use_lang();
    let bio = Bio::from_url();
    provide_context(bio);
    let predictions = results::use_test_predictions(bio);
    let report = results::use_report(bio, predictions);
    view! {
        <article class="lesson lab">
            <h1>{move || LESSON.title().get(lang.get())}</h1>
            <text::Intro />
            <simulator_panel::SimulatorPanel />
            <data_panel::DataPanel />
            <model_panel::ModelPanel />
            <model_panel::TrainPanel />
            <results::ResultsPanel predictions=predictions report=report />
            <understand_panel::UnderstandPanel />
            <optimum_panel::OptimumPanel />
            <runs_panel::RunsPanel />
            <export_panel::ExportPanel predictions=predictions report=report />
            <text::Try />
            <CheckQuestion
                lesson=LESSON
                question=Bi::new(
                    "직선(평면) 모델의 테스트 r²가 신경망보다 훨씬 낮은 까닭은 무엇일까요?",
                    "Why is the plane's test r² so much lower than the network's?",
                )
                options=vec![
                    Choice::wrong(
                        "평면은 에포크를 너무 적게 학습했다",
                        "The plane was trained for too few epochs",
                        "평면은 에포크 없이 정규 방정식을 한 번에 풀어 얻습니다. 더 학습해도 평면은 그대로입니다.",
                        "The plane is solved at once from the normal equations, with no epochs: training longer would not change it.",
                    ),
                    Choice::right(
                        "역가는 조건마다 범위 안에 꼭대기가 있는 언덕인데, 평면은 한쪽으로 오르거나 내릴 뿐이다",
                        "The titer is a hill with its top inside each condition's range, and a plane can only rise or fall",
                    ),
                    Choice::wrong(
                        "평면의 매개변수가 신경망보다 많아 과적합했다",
                        "The plane has more parameters than the network and overfits",
                        "평면의 매개변수는 7개(절편과 조건 6개의 계수), 신경망은 401개입니다. 세어 보세요.",
                        "The plane has 7 parameters (an intercept and six coefficients), the network 401: count them.",
                    ),
                    Choice::wrong(
                        "평면에는 표준화하지 않은 조건을 넣었다",
                        "The plane was given conditions that were not standardised",
                        "표준화는 축을 옮기고 늘일 뿐이라, 평면은 여전히 평면이고 예측도 똑같습니다.",
                        "Standardising only shifts and stretches the axes: a plane stays a plane, with the same predictions.",
                    ),
                ]
                explanation=Bi::new(
                    "각 조건은 너무 적어도 너무 많아도 역가를 떨어뜨립니다(부분 의존 곡선이 범위 안에서 꺾입니다). 평면은 이런 곡선을 그릴 수 없지만, ReLU 은닉층은 꺾인 직선을 이어 언덕을 만들 수 있습니다.",
                    "Each condition lowers the titer when it is too low and when it is too high (the partial-dependence curves turn inside their ranges). A plane cannot bend like that; ReLU hidden units join bent lines into a hill.",
                )
            />
        </article>
    }
}
