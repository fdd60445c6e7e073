//! Lesson: overfitting and hyperparameters (beyond the lecture, which names them as next topics).
//! A small CNN trained in the worker on the simulated motif data ([`crate::lab::overfitting`]):
//! too few rows against enough, training and validation curves splitting, early stopping, and the
//! learning rate, filters, kernel size, batch size and epochs explained by runs the student
//! compares in a table. Settings `?rows= ?lr= ?f= ?k= ?ep= ?bs= ?es= ?pat= ?seed=`.

mod experiments;
mod runs_panel;
mod settings_panel;
mod state;

use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::lessons::{Lesson, LessonInfo};
use crate::ui::widgets::{CheckQuestion, Choice, Formulas, ShowMe, TryThis};
use leptos::prelude::*;

/// This page in the course: Overfitting and hyperparameters, by experiment (the lecture's next topics, item 18).
pub const LESSON: Lesson = Lesson(&LessonInfo {
    slug: "overfitting",
    title: Bi::new("과적합과 하이퍼파라미터", "Overfitting and hyperparameters"),
    nav_title: Bi::new("과적합과 하이퍼파라미터", "Overfitting, hyperparameters"),
    summary: Bi::new(
        "적은 행과 충분한 행으로 같은 모델을 학습해 학습·검증 곡선이 갈라지는 것을 보고, 조기 종료와 학습률·필터·커널·배치·에포크를 실험으로 익힙니다.",
        "Train one model on too few and on enough rows and watch the training and validation curves split; learn early stopping, learning rate, filters, kernel, batch size and epochs by experiment.",
    ),
    why_next: Bi::new(
        "코스를 마쳤습니다. 실험실로 돌아가 내 데이터로 해 보거나, 코스 지도에서 진도를 확인하세요.",
        "You have finished the course: go back to a lab and try your own data, or check your progress on the course map.",
    ),
    page: || view! { <OverfittingLesson /> }.into_any(),
});

/// The overfitting page (`/overfitting`).
#[component]
pub fn OverfittingLesson() -> impl IntoView {
    let lang = use_lang();
    provide_context(state::Over::new());
    let gap = move || {
        let (gap, best) = lang.get().pick(
            (
                r"\text{차이} = L_{\text{검증}} - L_{\text{훈련}}",
                r"e^{*} = \arg\min_{e} L_{\text{검증}}(e)",
            ),
            (
                r"\text{gap} = L_{\text{validation}} - L_{\text{training}}",
                r"e^{*} = \arg\min_{e} L_{\text{validation}}(e)",
            ),
        );
        vec![gap.to_string(), best.to_string()]
    };
    view! {
        <article class="lesson">
            <h1>{move || LESSON.title().get(lang.get())}</h1>
            <Ko>
                <p class="lead">"모델은 에포크마다 훈련 행에 더 잘 맞아 갑니다. 하지만 중요한 것은 처음 보는 행에서의 성능입니다. 훈련 손실은 계속 내려가는데 검증 손실이 다시 올라가기 시작하면, 모델은 규칙 대신 훈련 행을 (잡음까지) 외우기 시작한 것입니다. 이것이 과적합입니다. 행이 적고 매개변수가 많을수록 잘 일어납니다."</p>
                <p>"검증 손실이 가장 낮은 에포크 e*가 멈추기 가장 좋은 때입니다. 조기 종료는 검증 손실이 '인내' 에포크 동안 나아지지 않으면 학습을 멈추고 e*의 가중치로 되돌립니다. 테스트 세트는 이런 결정에 한 번도 쓰지 않았으므로, 마지막에 한 번 재는 테스트 정확도가 처음 보는 서열에 대한 정직한 추정입니다."</p>
            </Ko>
            <En>
                <p class="lead">"A model fits its training rows better with every epoch, but what matters is how it does on rows it has never seen. When the training loss keeps falling while the validation loss turns back up, the model has begun to memorise its training rows, noise and all, instead of learning the rule: that is overfitting. It is most likely when rows are few and parameters many."</p>
                <p>"The epoch e* with the lowest validation loss is the best moment to stop. Early stopping halts training once the validation loss has not improved for \"patience\" epochs, and puts back the weights of e*. The test set took no part in any of these choices, so the test accuracy, measured once at the end, is an honest estimate for sequences never seen."</p>
            </En>
            <p class="formula"><Formulas parts=Signal::derive(gap) /></p>
            <p class="hint">{tr(
                "arg min은 \"가장 작게 만드는 값\"이라는 뜻입니다. e*는 검증 손실이 가장 낮은 에포크입니다.",
                "arg min means \"the value that makes it smallest\": e* is the epoch with the lowest validation loss.",
            )}</p>
            <experiments::ExperimentsPanel />
            <settings_panel::SettingsPanel />
            <runs_panel::RunsPanel />
            <TryThis>
                <Ko>
                    <ul>
                        <li>"\"100행으로 학습\"과 \"5,000행으로 학습\"을 차례로 누르고, 곡선 비교 그래프에서 점선(검증)이 어떻게 다른지 보세요."<ShowMe target="#over-experiments" /></li>
                        <li>"200, 500, 1,000, 2,000행을 차례로 학습해 진단이 더는 과적합이라고 하지 않는 가장 적은 행 수를 찾아보세요. 생각보다 많습니다: 시드 1에서는 2,000행입니다."<ShowMe target="input[name=over-rows]" /></li>
                        <li>"100행 실행에서 시드만 바꿔 보세요. 검증 행이 20개뿐이라 최저 검증 손실의 에포크가 크게 흔들립니다."<ShowMe target="#over-seed" /></li>
                        <li>"조기 종료를 켜고 인내를 1과 20으로 바꿔 보세요. 너무 짧으면 검증 손실의 잡음에 속아 너무 일찍 멈춥니다."<ShowMe target="[data-testid=over-es]" /></li>
                    </ul>
                </Ko>
                <En>
                    <ul>
                        <li>"Press \"Train on 100 rows\", then \"Train on 5,000 rows\", and compare the dashed (validation) curves in the comparison chart."<ShowMe target="#over-experiments" /></li>
                        <li>"Train on 200, 500, 1,000 and 2,000 rows in turn and find the fewest rows at which the diagnosis no longer says overfitting. It takes more than you might guess: with seed 1, 2,000 rows."<ShowMe target="input[name=over-rows]" /></li>
                        <li>"Change only the seed of the 100-row run: with just 20 validation rows, the epoch of the lowest validation loss moves a lot."<ShowMe target="#over-seed" /></li>
                        <li>"Turn on early stopping and try patience 1 and 20: too short a patience is fooled by noise and stops too soon."<ShowMe target="[data-testid=over-es]" /></li>
                    </ul>
                </En>
            </TryThis>
            <CheckQuestion
                lesson=LESSON
                question=Bi::new(
                    "훈련 손실은 0.01까지 내려갔고, 검증 손실은 에포크 12에서 0.30으로 가장 낮았다가 에포크 60에서 0.80이 되었습니다. 가장 알맞은 다음 단계는?",
                    "The training loss fell to 0.01; the validation loss was lowest at epoch 12 (0.30) and reached 0.80 by epoch 60. The best next step is…",
                )
                options=vec![
                    Choice::wrong(
                        "에포크를 200으로 늘린다",
                        "train for 200 epochs",
                        "검증 손실은 에포크 12 이후로 계속 오르고 있습니다. 더 오래 학습하면 훈련 행을 잡음까지 더 외울 뿐입니다.",
                        "The validation loss has been rising since epoch 12. Training longer only memorises the training rows, noise and all, even more.",
                    ),
                    Choice::right("데이터를 늘리거나, 조기 종료로 에포크 12 근처의 가중치를 쓴다", "get more rows, or use early stopping to keep the weights of about epoch 12"),
                    Choice::wrong(
                        "훈련 정확도를 최종 성능으로 보고한다",
                        "report the training accuracy as the final result",
                        "훈련 정확도는 모델이 외운 행에서 잰 값이라 과적합할수록 좋아 보입니다. 처음 보는 서열에서 얼마나 맞힐지는 알려 주지 않습니다.",
                        "Training accuracy is measured on the rows the model has memorised, so it looks better the more it overfits. It says nothing about sequences the model has never seen.",
                    ),
                    Choice::wrong(
                        "테스트 세트로 가장 좋은 에포크를 고른다",
                        "pick the best epoch with the test set",
                        "테스트 세트는 모든 결정이 끝난 뒤 마지막에 한 번만 씁니다. 에포크를 고르는 데 쓰면 테스트 정확도가 더는 정직한 추정이 아닙니다.",
                        "The test set is used once, at the end, after every decision is made. Use it to pick the epoch and the test accuracy is no longer an honest estimate.",
                    ),
                ]
                explanation=Bi::new(
                    "검증 손실이 오르는 것은 과적합의 신호입니다. 더 학습하면 더 외울 뿐입니다. 데이터를 늘리거나 검증 손실이 가장 낮은 때에 멈춥니다. 테스트 세트로 고르면 테스트 점수가 더는 정직하지 않습니다.",
                    "A rising validation loss is the sign of overfitting; more epochs only memorise more. Add rows or stop where the validation loss is lowest. Choosing with the test set would make the test score no longer honest.",
                )
            />
        </article>
    }
}
