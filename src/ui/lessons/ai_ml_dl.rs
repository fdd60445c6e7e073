//! Lesson: AI ⊃ machine learning ⊃ deep learning, supervised learning, and the data (LECTURE.md
//! items 1, 2 and 4). Application areas as X → Y cards, a classification-or-regression sorter, and
//! a live train / validation / test splitter over simulated bioreactor runs
//! ([`crate::theory::splits`], [`crate::theory::bioreactor`]).

mod sorter;
mod splitter;

use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::lessons::{Lesson, LessonInfo};
use crate::ui::widgets::{CheckQuestion, Choice, ShowMe, TryThis};
use leptos::prelude::*;

/// The three application areas of the course: `(area, X, Y)`.
const AREAS: [(Bi, Bi, Bi); 3] = [
    (
        Bi::new("단백질 구조 → 활성", "Protein structure → activity"),
        Bi::new(
            "구조 이미지 또는 원자 좌표",
            "structure images or atom coordinates",
        ),
        Bi::new("효소 활성", "enzyme activity"),
    ),
    (
        Bi::new("서열 → 발현량", "Sequence → expression"),
        Bi::new("단백질 또는 5′UTR 서열", "protein or 5′UTR sequence"),
        Bi::new("발현량 (형광 세기)", "expression level (fluorescence)"),
    ),
    (
        Bi::new("생물반응기 조건 → 수율", "Bioreactor conditions → yield"),
        Bi::new(
            "온도, pH, 용존 산소, 배지 조성",
            "temperature, pH, dissolved oxygen, medium",
        ),
        Bi::new("단백질 수율 (g/L)", "protein yield (g/L)"),
    ),
];

/// This page in the course: AI ⊃ ML ⊃ DL, supervised learning, data splits (lecture items 1, 2, 4).
pub const LESSON: Lesson = Lesson(&LessonInfo {
    slug: "ai-ml-dl",
    title: Bi::new(
        "인공지능, 머신러닝, 딥러닝과 데이터",
        "AI, machine learning, deep learning and data",
    ),
    nav_title: Bi::new("AI·ML·DL과 데이터", "AI, ML, DL and data"),
    summary: Bi::new(
        "X에서 Y를 맞히는 함수를 데이터에서 배웁니다: 분류와 회귀, 그리고 훈련·검증·테스트 세트.",
        "Learn a function from X to Y from data: classification and regression, and training, validation and test sets.",
    ),
    why_next: Bi::new(
        "학습할 함수가 무엇인지 알았으니, 그 함수를 이루는 가장 작은 부품인 뉴런 하나부터 만져 봅니다.",
        "Now that you know what a model learns, meet its smallest part: a single neuron.",
    ),
    page: || view! { <AiMlDlLesson /> }.into_any(),
});

/// The AI/ML/DL page (`/ai-ml-dl`).
#[component]
pub fn AiMlDlLesson() -> impl IntoView {
    let lang = use_lang();
    let cards = AREAS
        .into_iter()
        .map(|(area, x, y)| {
            view! {
                <li class="xy-card">
                    <h3>{move || area.get(lang.get())}</h3>
                    <p><strong>"X: "</strong>{move || x.get(lang.get())}</p>
                    <p><strong>"Y: "</strong>{move || y.get(lang.get())}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="lesson">
            <h1>{move || LESSON.title().get(lang.get())}</h1>
            <Ko>
                <p class="lead">"이 과정의 모든 문제는 같은 모양입니다: 측정한 입력 X에서 알고 싶은 값 Y를 맞히는 함수를 데이터에서 배웁니다. 사람이 규칙을 적는 대신, 예시 (X, Y) 쌍이 규칙을 정합니다."</p>
            </Ko>
            <En>
                <p class="lead">"Every problem in this course has one shape: learn, from data, a function that predicts a quantity Y from measured inputs X. Instead of a person writing the rule, example (X, Y) pairs decide it."</p>
            </En>

            <h2>{tr("인공지능 ⊃ 머신러닝 ⊃ 딥러닝", "AI ⊃ machine learning ⊃ deep learning")}</h2>
            <div class="nested-sets" role="img" aria-label=tr("인공지능 안에 머신러닝, 그 안에 딥러닝이 있는 그림", "Nested boxes: deep learning inside machine learning inside artificial intelligence")>
                <div class="set ai">
                    <strong>{tr("인공지능 (AI)", "Artificial intelligence (AI)")}</strong>
                    <span>{tr("지능적으로 보이는 모든 프로그램 — 사람이 쓴 규칙도 포함", "any program that acts intelligently, hand-written rules included")}</span>
                    <div class="set ml">
                        <strong>{tr("머신러닝 (ML)", "Machine learning (ML)")}</strong>
                        <span>{tr("규칙을 데이터에서 배움", "learns its rule from data")}</span>
                        <div class="set dl">
                            <strong>{tr("딥러닝 (DL)", "Deep learning (DL)")}</strong>
                            <span>{tr("층을 여러 겹 쌓은 신경망 — 특징도 스스로 배움", "many-layered neural networks that also learn their own features")}</span>
                        </div>
                    </div>
                </div>
            </div>
            <Ko>
                <p>"PWM으로 모티프를 찾는 것은 사람이 정한 규칙입니다. 같은 일을 CNN이 하면, 필터(작은 PWM)의 값을 데이터에서 스스로 배웁니다 — 그래서 딥러닝입니다."</p>
            </Ko>
            <En>
                <p>"Scanning with a PWM is a rule a person chose. When a CNN does the same job, it learns the values of its filters (small PWMs) from data — that is deep learning."</p>
            </En>

            <h2>{tr("과정의 세 응용 분야", "The course's three application areas")}</h2>
            <ul class="xy-cards">{cards}</ul>

            <sorter::Sorter />
            <splitter::Splitter />

            <TryThis>
                <Ko>
                    <ul>
                        <li>"시드를 바꿔 보세요. 같은 비율이어도 어느 실험이 테스트 세트에 들어가는지가 바뀝니다."<ShowMe target="#split-seed" /></li>
                        <li>"검증 비율만 바꿔 보세요. 테스트 세트는 그대로입니다: 테스트 행은 가장 먼저 따로 떼어 둡니다."<ShowMe target="#split-val" /></li>
                        <li>"테스트 비율을 10 %로 줄이면 20개 중 2개로 평가하게 됩니다. 그 정확도를 믿을 수 있을까요?"<ShowMe target="#split-test" /></li>
                    </ul>
                </Ko>
                <En>
                    <ul>
                        <li>"Change the seed: with the same shares, different runs land in the test set."<ShowMe target="#split-seed" /></li>
                        <li>"Change only the validation share: the test set stays put, because test rows are set aside first."<ShowMe target="#split-val" /></li>
                        <li>"Set the test share to 10 %: two runs out of twenty would grade the model. Would you trust that accuracy?"<ShowMe target="#split-test" /></li>
                    </ul>
                </En>
            </TryThis>

            <CheckQuestion
                lesson=LESSON
                question=Bi::new(
                    "생물반응기 실험으로 수율을 예측하는 모델을 설정 세 가지로 학습했습니다. 세 설정 중 하나를 고르려면 어느 세트에서 점수를 비교해야 할까요?",
                    "You fit a model that predicts the yield of bioreactor runs with three different settings. On which set should you compare their scores to pick one?",
                )
                options=vec![
                    Choice::wrong(
                        "훈련 세트",
                        "The training set",
                        "훈련 세트는 모델이 가중치를 맞춘 바로 그 데이터라, 외우기만 해도 점수가 좋게 나옵니다. 처음 보는 실험에서 어떨지는 알려 주지 않습니다.",
                        "The model fitted its weights on the training set, so memorising it is enough to score well there. It does not tell you how a setting does on runs the model has never seen.",
                    ),
                    Choice::right("검증 세트", "The validation set"),
                    Choice::wrong(
                        "테스트 세트",
                        "The test set",
                        "테스트 세트는 모든 결정이 끝난 뒤 마지막에 딱 한 번만 씁니다. 설정을 고르는 데 쓰면 테스트 점수가 더는 처음 보는 데이터에 대한 점수가 아닙니다.",
                        "The test set is used once, at the very end, after every decision is made. Use it to pick a setting and its score stops measuring unseen data.",
                    ),
                ]
                explanation=Bi::new(
                    "검증 세트로 설정을 고릅니다. 테스트 세트로 고르면 그 세트에 맞춘 것이 되어, 마지막 평가가 더 이상 처음 보는 데이터에 대한 평가가 아닙니다.",
                    "Choose settings on the validation set. Choosing them on the test set would tune the model to it, and the final score would no longer measure unseen data.",
                )
            />
        </article>
    }
}
