//! Lesson: softmax and cross-entropy (LECTURE.md item 5). Editable logits → probabilities as bars
//! → the loss for the true class, each class's term, the gradient `p − y`, and the sigmoid pitfall
//! ([`crate::theory::softmax`]). Settings `?z=` (comma-separated logits) and `?t=` (true class).

use crate::lang::numbers::{signed, with_sign};
use crate::theory::softmax::ranges;
use crate::theory::softmax::{LECTURE_PROBABILITIES, example, logits_for};
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::lessons::{Lesson, LessonInfo};
use crate::ui::state::{use_bounded_param, use_query_param};
use crate::ui::widgets::{
    CheckQuestion, Choice, Formulas, NumberField, RadioGroup, ShowMe, TryThis,
};
use leptos::prelude::*;

/// The logits as URL text: the lecture's example, `ln [0.7, 0.1, 0.2]`.
fn lecture_logits() -> String {
    logits_for(&LECTURE_PROBABILITIES)
        .iter()
        .map(|v| format!("{v}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// The three logits of a `?z=` text, each held inside [`ranges::LOGIT`]; the lecture's example
/// for anything that is not three numbers.
fn parse(text: &str) -> Vec<f32> {
    let values: Vec<f64> = text
        .split(',')
        .filter_map(|v| v.trim().parse().ok())
        .collect();
    if values.len() == 3 && values.iter().all(|v| v.is_finite()) {
        values
            .iter()
            .map(|&v| ranges::LOGIT.clamp(v) as f32)
            .collect()
    } else {
        logits_for(&LECTURE_PROBABILITIES)
    }
}

/// A table number: four decimals, a real minus sign, no negative zero.
fn number(v: f32) -> String {
    signed(f64::from(v), 4)
}

/// This page in the course: Softmax and cross-entropy (lecture item 5).
pub const LESSON: Lesson = Lesson(&LessonInfo {
    slug: "softmax-cross-entropy",
    title: Bi::new("소프트맥스와 교차 엔트로피", "Softmax and cross-entropy"),
    nav_title: Bi::new("소프트맥스와 손실", "Softmax and loss"),
    summary: Bi::new(
        "로짓을 확률로 바꾸고, 정답 확률로 손실을 매기고, 그 기울기 p − y를 봅니다.",
        "Turn logits into probabilities, score the true class's probability, and see the gradient p − y.",
    ),
    why_next: Bi::new(
        "손실을 잴 수 있으니, 이제 손실을 줄이려면 각 가중치를 어느 쪽으로 움직일지 기울기로 계산합니다.",
        "With a loss to measure, the gradient tells every weight which way to move to make it smaller.",
    ),
    page: || view! { <SoftmaxLesson /> }.into_any(),
});

/// The softmax / cross-entropy page (`/softmax-cross-entropy`).
#[component]
pub fn SoftmaxLesson() -> impl IntoView {
    let lang = use_lang();
    let text = use_query_param("z", lecture_logits());
    let target = use_bounded_param("t", 0usize, ranges::TARGET);
    let logits = Memo::new(move |_| parse(&text.get()));
    let ex = Memo::new(move |_| example(&logits.get(), target.get().min(2)));
    let set_logit = move |j: usize, v: f32| {
        let mut z = logits.get_untracked();
        z[j] = v;
        text.set(
            z.iter()
                .map(|v| format!("{v}"))
                .collect::<Vec<_>>()
                .join(","),
        );
    };
    const IDS: [&str; 3] = ["logit-0", "logit-1", "logit-2"];
    const LABELS: [Bi; 3] = [
        Bi::new("z₀", "z₀"),
        Bi::new("z₁", "z₁"),
        Bi::new("z₂", "z₂"),
    ];
    let inputs = (0..3)
        .map(|j| {
            let value = RwSignal::new(f64::from(logits.get_untracked()[j]));
            Effect::new(move || value.set(f64::from(logits.get()[j])));
            Effect::new(move |previous: Option<f64>| {
                let v = value.get();
                if previous.is_some_and(|p| p != v) && v != f64::from(logits.get_untracked()[j]) {
                    set_logit(j, v as f32);
                }
                v
            });
            view! {
                <NumberField id=IDS[j] label=LABELS[j] value=value bounds=ranges::LOGIT step="0.1" decimals=4 show_range=true />
            }
        })
        .collect_view();
    let rows = move || {
        let e = ex.get();
        (0..3)
            .map(|j| {
                let width = format!("--p:{:.4}", e.probabilities[j]);
                let is_target = e.target[j] == 1.0;
                view! {
                    <tr class:target=is_target>
                        <th scope="row"><span class="wide-only">{tr("클래스 ", "class ")}</span>{j}</th>
                        <td class="logit-col">{number(e.logits[j])}</td>
                        <td class="bar-cell">
                            <span class="prob-bar" style=width></span>
                            <span class="prob-value" data-testid=format!("prob-{j}")>{number(e.probabilities[j])}</span>
                        </td>
                        <td>{format!("{}", e.target[j])}</td>
                        <td data-testid=format!("term-{j}")>{number(e.terms[j])}</td>
                        <td data-testid=format!("grad-{j}")>{with_sign(f64::from(e.gradient[j]), 4)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let loss_tex = Signal::derive(move || {
        let e = ex.get();
        let t = target.get().min(2);
        vec![
            format!(r"L = -\sum_j y_j \ln\, p_j = -\ln\, p_{t}"),
            format!(r"= -\ln\,{:.4} = {:.4}", e.probabilities[t], e.loss),
        ]
    });
    let pitfall = move || {
        let e = ex.get();
        let s: Vec<String> = e
            .sigmoid_outputs
            .iter()
            .map(|v| format!("{v:.4}"))
            .collect();
        (
            s.join(", "),
            format!("{:.4}", e.loss),
            format!("{:.4}", e.classic_loss),
        )
    };
    view! {
        <article class="lesson">
            <h1>{move || LESSON.title().get(lang.get())}</h1>
            <Ko>
                <p class="lead">"분류 신경망의 마지막 층은 클래스마다 점수 z(로짓)를 냅니다. 소프트맥스는 이 점수를 합이 1인 확률로 바꾸고, 교차 엔트로피는 정답 클래스의 확률이 낮을수록 큰 벌점을 줍니다."</p>
            </Ko>
            <En>
                <p class="lead">"A classifier's last layer gives each class a score z (a logit). Softmax turns the scores into probabilities that sum to 1, and cross-entropy charges a penalty that grows as the true class's probability falls."</p>
            </En>
            <p class="formula"><Formulas parts=vec![r"p_j = \frac{e^{z_j}}{\sum_k e^{z_k}}".to_string(), r"L = -\sum_j y_j \ln\, p_j".to_string(), r"\frac{\partial L}{\partial z_j} = p_j - y_j".to_string()] /></p>

            <section class="panel">
                <h2>{tr("로짓을 바꿔 보세요", "Change the logits")}</h2>
                <div class="field-row">{inputs}</div>
                <RadioGroup
                    name="target"
                    legend=Bi::new("정답 클래스 (원-핫 y)", "True class (one-hot y)")
                    options=vec![(0usize, Bi::new("클래스 0", "class 0")), (1, Bi::new("클래스 1", "class 1")), (2, Bi::new("클래스 2", "class 2"))]
                    value=target
                />
                <button type="button" on:click=move |_| { text.set(lecture_logits()); target.set(0); }>
                    {tr("강의 예제로 (p = 0.7, 0.1, 0.2)", "Lecture example (p = 0.7, 0.1, 0.2)")}
                </button>
                <div class="table-scroll">
                    <table class="matrix softmax-table">
                        <thead>
                            <tr>
                                <td></td>
                                <th scope="col" class="logit-col">{tr("로짓 z", "logit z")}</th>
                                <th scope="col">{tr("확률", "probability")}<br/>"p = softmax(z)"</th>
                                <th scope="col">"y"</th>
                                <th scope="col">"−y ln p"</th>
                                <th scope="col">"∂L/∂z"<br/>"= p − y"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <p class="formula" data-testid="softmax-loss"><Formulas parts=loss_tex /></p>
                <Ko>
                    <p>"y가 원-핫이라 정답이 아닌 클래스의 항은 0 × ln p = 0이 되어 사라지고, 정답 클래스의 −ln p 하나만 남습니다. 강의 예제 [0.7, 0.1, 0.2]의 손실은 −ln 0.7 = 0.3567입니다 (강의 자료의 0.3566은 반올림이 아니라 잘라낸 값입니다). 기울기 p − y는 정답 클래스의 로짓을 올리고 나머지는 내리라고 말합니다."</p>
                </Ko>
                <En>
                    <p>"Because y is one-hot, every other class's term is 0 × ln p = 0 and drops out: only the true class's −ln p survives. For the lecture's [0.7, 0.1, 0.2] the loss is −ln 0.7 = 0.3567 (the lecture's 0.3566 truncates instead of rounding). The gradient p − y says: raise the true class's logit, lower the others."</p>
                </En>
            </section>

            <aside class="panel aside" aria-labelledby="pitfall-title">
                <h2 id="pitfall-title">{tr("곁가지: 시그모이드 + 범주형 교차 엔트로피", "Aside: sigmoid + categorical cross-entropy")}</h2>
                <Ko>
                    <p>"강의의 CNN은 출력층에 소프트맥스 대신 Dense(2, sigmoid)를 쓰고 categorical_crossentropy로 학습합니다. 시그모이드 출력은 합이 1이 아니므로 \"확률\"을 어떻게 읽을지 Keras 버전마다 다릅니다. 지금의 Keras는 시그모이드 앞의 로짓 z로 소프트맥스 교차 엔트로피를 계산하고, 2020년 무렵의 tf.keras는 시그모이드 출력을 합이 1이 되게 나누고 잘라(clip) 계산했습니다. 같은 모델, 다른 손실입니다:"</p>
                </Ko>
                <En>
                    <p>"The lecture's CNN ends in Dense(2, sigmoid) rather than softmax and trains with categorical_crossentropy. Sigmoid outputs need not sum to 1, so Keras versions disagree on how to read them as probabilities: today's Keras computes softmax cross-entropy from the logits z before the sigmoid, while 2020-era tf.keras divided the sigmoid outputs by their sum and clipped them. Same model, different loss:"</p>
                </En>
                <ul data-testid="pitfall">
                    <li>{move || format!("σ(z) = [{}]", pitfall().0)}</li>
                    <li>{move || format!("{}: {}", tr("오늘의 Keras (로짓의 소프트맥스 CE)", "today's Keras (softmax CE of the logits)")(), pitfall().1)}</li>
                    <li>{move || format!("{}: {}", tr("2020년 무렵 tf.keras (σ를 합으로 나누고 0과 1 가까이에서 자름)", "2020-era tf.keras (σ divided by its sum, clipped near 0 and 1)")(), pitfall().2)}</li>
                </ul>
            </aside>

            <TryThis>
                <Ko>
                    <ul>
                        <li>"세 로짓에 같은 수(예: +1)를 더해 보세요. 확률은 그대로입니다: 소프트맥스는 차이만 봅니다."<ShowMe target="#logit-0" /></li>
                        <li>"정답 클래스를 1로 바꾸면 손실은 −ln 0.1 = 2.3026으로 뜁니다. 틀린 확신이 가장 비쌉니다."<ShowMe target="input[name=target]" /></li>
                        <li>"z₀을 10으로 올리면 p₀ → 1, 손실 → 0, 기울기 → 0이 됩니다."<ShowMe target="#logit-0" /></li>
                    </ul>
                </Ko>
                <En>
                    <ul>
                        <li>"Add the same number (say +1) to all three logits: the probabilities do not change, softmax only sees differences."<ShowMe target="#logit-0" /></li>
                        <li>"Make class 1 the true class: the loss jumps to −ln 0.1 = 2.3026. Confident and wrong is the most expensive."<ShowMe target="input[name=target]" /></li>
                        <li>"Raise z₀ to 10: p₀ → 1, the loss → 0 and the gradient → 0."<ShowMe target="#logit-0" /></li>
                    </ul>
                </En>
            </TryThis>
            <CheckQuestion
                lesson=LESSON
                question=Bi::new(
                    "예측 확률이 [0.2, 0.5, 0.3]이고 정답이 클래스 1일 때 교차 엔트로피는?",
                    "Predicted probabilities [0.2, 0.5, 0.3], true class 1: what is the cross-entropy?",
                )
                options=vec![
                    Choice::wrong(
                        "−ln 0.2 − ln 0.5 − ln 0.3",
                        "−ln 0.2 − ln 0.5 − ln 0.3",
                        "이 식은 세 클래스의 y를 모두 1로 본 것입니다. 원-핫 정답에서 y가 0인 클래스의 항은 0이 곱해져 사라집니다.",
                        "This treats y as 1 for all three classes. With a one-hot target, the terms of the classes with y = 0 are multiplied by 0 and vanish.",
                    ),
                    Choice::right("−ln 0.5 ≈ 0.693", "−ln 0.5 ≈ 0.693"),
                    Choice::wrong(
                        "1 − 0.5 = 0.5",
                        "1 − 0.5 = 0.5",
                        "교차 엔트로피는 정답과 확률의 차이가 아니라 로그로 잽니다: L = −Σ y ln p.",
                        "Cross-entropy is not the gap between the target and the probability; it uses the logarithm: L = −Σ y ln p.",
                    ),
                ]
                explanation=Bi::new(
                    "원-핫 정답에서는 정답 클래스의 항만 남습니다: −ln 0.5 ≈ 0.693.",
                    "With a one-hot target only the true class's term survives: −ln 0.5 ≈ 0.693.",
                )
            />
        </article>
    }
}
