//! Lesson: gradients, the chain rule and backpropagation (LECTURE.md item 6), on a 2-2-1 network
//! with real numbers ([`crate::theory::backprop`]): forward then backward stage by stage, the
//! chain-rule gradient beside the engine's and a finite-difference estimate, gradient-descent
//! steps, and a loss surface with a learning-rate slider. Settings `?stage= ?gd= ?glr= ?lr=`.

mod network;
mod surface_panel;

use crate::lang::numbers::signed;
use crate::theory::backprop::ranges;
use crate::theory::backprop::{PARAM_NAMES, SAMPLE, TinyNet};
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::lessons::{Lesson, LessonInfo};
use crate::ui::state::use_bounded_param;
use crate::ui::widgets::{CheckQuestion, Choice, Math, ShowMe, TryThis};
use leptos::prelude::*;
use network::{NetworkDiagram, STAGES, stage_tex};

/// The chain-rule product behind each parameter's gradient, in LaTeX.
const CHAINS: [&str; 9] = [
    r"\frac{\partial L}{\partial z_1} x_1",
    r"\frac{\partial L}{\partial z_1} x_2",
    r"\frac{\partial L}{\partial z_2} x_1",
    r"\frac{\partial L}{\partial z_2} x_2",
    r"\frac{\partial L}{\partial z_1}",
    r"\frac{\partial L}{\partial z_2}",
    r"\frac{\partial L}{\partial z_o} h_1",
    r"\frac{\partial L}{\partial z_o} h_2",
    r"\frac{\partial L}{\partial z_o}",
];

/// Most descent steps a link may ask for.
const MAX_STEPS: usize = 200;

/// This page in the course: Gradients, the chain rule, backpropagation, gradient descent (lecture item 6).
pub const LESSON: Lesson = Lesson(&LessonInfo {
    slug: "backprop",
    title: Bi::new(
        "기울기, 연쇄 법칙, 역전파",
        "Gradients, the chain rule and backpropagation",
    ),
    nav_title: Bi::new("역전파", "Backpropagation"),
    summary: Bi::new(
        "작은 신경망을 한 단계씩 순전파·역전파하고, 기울기를 유한 차분과 비교하고, 학습률을 바꿔 봅니다.",
        "Step a small network forward and backward, check its gradient against finite differences, and try learning rates.",
    ),
    why_next: Bi::new(
        "신경망이 배우는 법을 알았으니, DNA 서열을 신경망이 읽을 수 있는 숫자로 바꿉니다.",
        "You know how a network learns; next, turn DNA into numbers a network can read.",
    ),
    page: || view! { <BackpropLesson /> }.into_any(),
});

/// The backpropagation page (`/backprop`).
#[component]
pub fn BackpropLesson() -> impl IntoView {
    let lang = use_lang();
    let stage = use_bounded_param("stage", 0usize, ranges::STAGE);
    let steps = use_bounded_param("gd", 0usize, ranges::STEPS);
    let rate = use_bounded_param("glr", 1.0f64, ranges::RATE);
    let net = Memo::new(move |_| {
        (0..steps.get().min(MAX_STEPS)).fold(TinyNet::START, |n, _| n.descend(SAMPLE, rate.get()))
    });
    let shown_stage = Signal::derive(move || stage.get().min(STAGES - 1));
    let explain = Signal::derive(move || {
        let n = net.get();
        let f = n.forward(SAMPLE);
        let b = n.backward(SAMPLE, &f);
        stage_tex(shown_stage.get(), &n, &f, &b)
    });
    let stage_name = move || {
        let s = shown_stage.get();
        let (ko, en) = if s < 4 {
            ("순전파", "Forward pass")
        } else {
            ("역전파", "Backward pass")
        };
        format!(
            "{} · {} {}/{}",
            lang.get().pick(ko, en),
            tr("단계", "stage")(),
            s + 1,
            STAGES
        )
    };
    let rows = move || {
        let n = net.get();
        let f = n.forward(SAMPLE);
        let chain = n.backward(SAMPLE, &f).gradient;
        let engine = n.engine_gradient(SAMPLE);
        let numeric = n.numeric_gradient(SAMPLE, 1e-5);
        (0..9)
            .map(|i| {
                view! {
                    <tr>
                        <th scope="row">{PARAM_NAMES[i]}</th>
                        <td class="chain"><Math tex=CHAINS[i].to_string() /></td>
                        <td data-testid=format!("chain-{i}")>{signed(chain[i], 6)}</td>
                        <td data-testid=format!("engine-{i}")>{signed(f64::from(engine[i]), 6)}</td>
                        <td data-testid=format!("numeric-{i}")>{signed(numeric[i], 6)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let loss_now = move || net.get().forward(SAMPLE).loss;
    view! {
        <article class="lesson">
            <h1>{move || LESSON.title().get(lang.get())}</h1>
            <Ko>
                <p class="lead">"가중치를 무작위로 바꿔 보며 손실이 줄기를 바라는 것은 가망이 없습니다: 매개변수가 수백 개면 가능한 조합이 끝없습니다. 대신 각 가중치를 조금 움직이면 손실이 얼마나 변하는지(편미분)를 모아 기울기 ∇L을 만들고, 그 반대 방향으로 걸어갑니다. 역전파는 연쇄 법칙으로 이 기울기를 출력에서 입력 쪽으로 한 번에 계산합니다."</p>
            </Ko>
            <En>
                <p class="lead">"Changing weights at random and hoping the loss falls is hopeless: with hundreds of parameters the combinations never end. Instead, collect how much the loss changes when each weight moves a little (the partial derivatives) into the gradient ∇L, and walk the other way. Backpropagation computes that gradient in one sweep from the output back to the inputs, by the chain rule."</p>
            </En>

            <section class="panel">
                <h2>{tr("한 단계씩: 순전파, 그리고 역전파", "Step by step: forward, then backward")}</h2>
                <NetworkDiagram net=net stage=shown_stage />
                <div class="button-row">
                    <button type="button" id="stage-back" disabled=move || shown_stage.get() == 0 on:click=move |_| stage.update(|s| *s = s.saturating_sub(1))>{tr("◀ 이전", "◀ Back")}</button>
                    <button type="button" id="stage-next" disabled=move || { shown_stage.get() + 1 >= STAGES } on:click=move |_| stage.update(|s| *s = (*s + 1).min(STAGES - 1))>{tr("다음 ▶", "Next ▶")}</button>
                    <span class="stage-name" role="status">{stage_name}</span>
                </div>
                <p class="formula" data-testid="stage-formula"><Math tex=explain block=true /></p>
                <Ko>
                    <p>"역전파의 각 단계는 \"위에서 내려온 기울기 × 이 연결의 국소 미분\"입니다. 시그모이드의 국소 미분은 σ(1 − σ)이고, 가중합의 국소 미분은 곱해진 상대 값입니다."</p>
                </Ko>
                <En>
                    <p>"Every backward step is \"the gradient from above × this edge's local derivative\". A sigmoid's local derivative is σ(1 − σ); a weighted sum's is the value it was multiplied by."</p>
                </En>
            </section>

            <section class="panel">
                <h2>{tr("세 가지 방법, 같은 기울기", "Three ways, one gradient")}</h2>
                <p>{tr(
                    "연쇄 법칙으로 손으로 계산한 값, 엔진(Keras와 같은 Dense 층, float32)이 역전파로 낸 값, 그리고 각 매개변수를 ±0.00001 움직여 잰 유한 차분 (L(θ + h) − L(θ − h)) / 2h를 나란히 놓았습니다.",
                    "The chain rule by hand, the engine's backpropagation (Keras-style Dense layers, float32), and a finite-difference estimate (L(θ + h) − L(θ − h)) / 2h that nudges each parameter by ±0.00001, side by side.",
                )}</p>
                <div class="table-scroll">
                    <table class="matrix grad-table" data-testid="grad-table">
                        <thead>
                            <tr>
                                <th scope="col">{tr("매개변수", "parameter")}</th>
                                <th scope="col">{tr("연쇄 법칙", "chain rule")}</th>
                                <th scope="col">{tr("손 계산", "by hand")}</th>
                                <th scope="col">{tr("엔진", "engine")}</th>
                                <th scope="col">{tr("유한 차분", "finite difference")}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <h3>{tr("경사 하강 한 걸음", "One gradient-descent step")}</h3>
                <p class="formula"><Math tex=r"\theta \leftarrow \theta - \eta \frac{\partial L}{\partial \theta}".to_string() block=true /></p>
                <div class="button-row">
                    <label for="bp-lr">{tr("학습률 η", "Learning rate η")}</label>
                    <select id="bp-lr" on:change=move |ev| if let Ok(v) = event_target_value(&ev).parse() { rate.set(v) }>
                        {[0.1f64, 1.0, 5.0].into_iter().map(|v| view! { <option value=v.to_string() selected=move || rate.get() == v>{v.to_string()}</option> }).collect_view()}
                    </select>
                    <button type="button" id="bp-step" on:click=move |_| steps.update(|s| *s = (*s + 1).min(MAX_STEPS))>{tr("한 걸음 내려가기", "Take one step")}</button>
                    <button type="button" on:click=move |_| steps.set(0)>{tr("처음으로", "Reset")}</button>
                </div>
                <p class="train-status" role="status" data-testid="bp-loss">
                    {move || lang.get().pick(
                        &format!("내려간 걸음 {}번 · 손실 L = {:.6} (처음 {:.6})", steps.get().min(MAX_STEPS), loss_now(), TinyNet::START.forward(SAMPLE).loss),
                        &format!("Steps taken: {} · loss L = {:.6} (at the start {:.6})", steps.get().min(MAX_STEPS), loss_now(), TinyNet::START.forward(SAMPLE).loss),
                    ).to_string()}
                </p>
            </section>

            <surface_panel::SurfacePanel />

            <TryThis>
                <Ko>
                    <ul>
                        <li>"\"다음\"을 끝까지 눌러 ∂L/∂w₁₁이 표의 첫 줄과 같은지 확인하세요."<ShowMe target="#stage-next" /></li>
                        <li>"\"한 걸음 내려가기\"를 몇 번 누르세요. 손실이 매번 줄고, 표의 기울기는 작아집니다."<ShowMe target="#bp-step" /></li>
                        <li>"손실 지형에서 학습률을 0.45, 0.5, 0.55로 바꿔 보세요. 경계를 넘으면 경로가 바깥으로 튕겨 나갑니다."<ShowMe target="#gd-lr" /></li>
                    </ul>
                </Ko>
                <En>
                    <ul>
                        <li>"Press \"Next\" to the end and check that ∂L/∂w₁₁ matches the table's first row."<ShowMe target="#stage-next" /></li>
                        <li>"Press \"Take one step\" a few times: the loss falls every time and the gradients in the table shrink."<ShowMe target="#bp-step" /></li>
                        <li>"On the loss landscape try learning rates 0.45, 0.5 and 0.55: past the limit the path flies outward."<ShowMe target="#gd-lr" /></li>
                    </ul>
                </En>
            </TryThis>
            <CheckQuestion
                lesson=LESSON
                question=Bi::new(
                    "∂L/∂z_o = 0.2이고 h₁ = 0.6일 때 ∂L/∂v₁은?",
                    "If ∂L/∂z_o = 0.2 and h₁ = 0.6, what is ∂L/∂v₁?",
                )
                options=vec![
                    Choice::right("0.12", "0.12"),
                    Choice::wrong(
                        "0.8",
                        "0.8",
                        "0.8은 두 값을 더한 것입니다. 연쇄 법칙에서는 위에서 내려온 기울기에 이 연결의 국소 미분을 곱합니다.",
                        "0.8 adds the two numbers. The chain rule multiplies the gradient from above by this edge's local derivative.",
                    ),
                    Choice::wrong(
                        "0.2 × 0.6 × (1 − 0.6) = 0.048",
                        "0.2 × 0.6 × (1 − 0.6) = 0.048",
                        "h₁(1 − h₁)은 시그모이드의 국소 미분이라 h₁ 앞쪽의 가중치로 더 거슬러 갈 때 곱합니다. v₁은 z_o의 가중합에 바로 들어가므로 그 가중합의 국소 미분만 필요합니다.",
                        "h₁(1 − h₁) is the sigmoid's local derivative, needed only when going further back to the weights before h₁. v₁ sits directly in the weighted sum z_o, so only that sum's local derivative applies.",
                    ),
                ]
                explanation=Bi::new(
                    "z_o = v₁h₁ + v₂h₂ + c이므로 ∂z_o/∂v₁ = h₁이고, 연쇄 법칙으로 0.2 × 0.6 = 0.12입니다.",
                    "z_o = v₁h₁ + v₂h₂ + c, so ∂z_o/∂v₁ = h₁ and by the chain rule 0.2 × 0.6 = 0.12.",
                )
            />
        </article>
    }
}
