//! Lesson: the perceptron (LECTURE.md item 3): one neuron with live sliders, then learning from
//! simulated bioreactor data by gradient descent, where one neuron draws a straight boundary and a
//! hidden layer can bend it (the XOR-like case).

mod neuron_panel;
mod train_panel;

use crate::ui::i18n::{Bi, En, Ko, use_lang};
use crate::ui::lessons::{Lesson, LessonInfo};
use crate::ui::widgets::{CheckQuestion, Choice};
use leptos::prelude::*;

/// This page in the course: The perceptron: weighted sum, activation, learning a boundary (lecture item 3).
pub const LESSON: Lesson = Lesson(&LessonInfo {
    slug: "perceptron",
    title: Bi::new("퍼셉트론: 뉴런 하나", "The perceptron: one neuron"),
    nav_title: Bi::new("퍼셉트론", "Perceptron"),
    summary: Bi::new(
        "가중합과 활성화 함수를 직접 움직이고, 뉴런 하나와 은닉층이 생물반응기 데이터를 나누는 모습을 봅니다.",
        "Move a weighted sum and its activation by hand, then watch one neuron and a hidden layer learn to split bioreactor data.",
    ),
    why_next: Bi::new(
        "뉴런은 점수를 냅니다. 학습하려면 그 점수가 얼마나 틀렸는지 재는 손실이 필요합니다.",
        "A neuron gives scores; to learn, it needs a loss that measures how wrong those scores are.",
    ),
    page: || view! { <PerceptronLesson /> }.into_any(),
});

/// The perceptron page (`/perceptron`).
#[component]
pub fn PerceptronLesson() -> impl IntoView {
    let lang = use_lang();
    view! {
        <article class="lesson">
            <h1>{move || LESSON.title().get(lang.get())}</h1>
            <Ko>
                <p class="lead">"퍼셉트론은 신경망의 벽돌 한 장입니다: 입력 x에 가중치 w를 곱해 더하고, 편향 b를 더한 뒤 활성화 함수를 통과시킵니다. 이런 뉴런을 입력층 → 은닉층 → 출력층으로 이으면 신경망이 됩니다."</p>
            </Ko>
            <En>
                <p class="lead">"A perceptron is one brick of a neural network: multiply the inputs x by weights w, add them, add a bias b, and pass the sum through an activation function. Wire such neurons as input → hidden → output layers and you have a network."</p>
            </En>
            <neuron_panel::NeuronPanel />
            <train_panel::TrainPanel />
            <CheckQuestion
                lesson=LESSON
                question=Bi::new(
                    "뉴런 하나(시그모이드)가 XOR 모양 데이터를 나누지 못하는 이유는?",
                    "Why can't a single sigmoid neuron separate the XOR-like data?",
                )
                options=vec![
                    Choice::wrong(
                        "학습률이 너무 작아서",
                        "The learning rate is too small",
                        "학습률은 한 걸음에 가중치가 얼마나 움직이는지만 정합니다. 학습률을 바꿔 몇 걸음을 더 가도 뉴런 하나의 정확도는 100 %에 한참 못 미칩니다.",
                        "The learning rate only sets how far the weights move in one step. With any learning rate and any number of steps, one neuron stays far below 100 % accuracy here.",
                    ),
                    Choice::right("결정 경계 w₁x₁ + w₂x₂ + b = 0이 직선이라서", "Its decision boundary w₁x₁ + w₂x₂ + b = 0 is a straight line"),
                    Choice::wrong(
                        "데이터가 80개뿐이라서",
                        "There are only 80 runs",
                        "실험을 더 모아도 마주 보는 두 구석이 같은 범주인 XOR 모양은 그대로입니다. 데이터의 양이 아니라 뉴런 하나가 그을 수 있는 경계를 생각해 보세요.",
                        "More runs would keep the same XOR pattern, with opposite corners sharing a class. Think about what boundary one neuron can draw, not about how much data there is.",
                    ),
                ]
                explanation=Bi::new(
                    "뉴런 하나의 경계는 항상 직선입니다. XOR 모양은 두 구석씩 같은 범주라 직선 하나로는 나눌 수 없고, 은닉층이 여러 직선을 합쳐 경계를 굽힙니다.",
                    "One neuron's boundary is always a straight line. In the XOR pattern opposite corners share a class, so no line separates them; a hidden layer combines several lines into a bent boundary.",
                )
            />
        </article>
    }
}
