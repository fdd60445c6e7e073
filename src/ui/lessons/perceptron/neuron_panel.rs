//! One neuron with sliders: inputs, weights, bias and activation, the formula updating live and the
//! activation's curve with the current `z` marked ([`crate::theory::neuron`]).

use crate::choice::Choice;
use crate::lang::numbers::{tex_factor, tex_number};
use crate::nn::Activation;
use crate::theory::neuron::ranges;
use crate::theory::neuron::{NeuronActivation, curve, neuron};
use crate::ui::i18n::{Bi, En, Ko, tr};
use crate::ui::plots::{LineChart, Series};
use crate::ui::state::{use_bounded_param, use_choice_param};
use crate::ui::widgets::{Formulas, Math, RadioGroup, Slider, TryThis};
use leptos::prelude::*;

/// The activations the lesson offers, with their names.
fn activation_options() -> Vec<(NeuronActivation, Bi)> {
    NeuronActivation::ALL
        .iter()
        .map(|&a| (a, name(a)))
        .collect()
}

fn name(a: NeuronActivation) -> Bi {
    match a {
        NeuronActivation::Step => Bi::new("계단", "step"),
        NeuronActivation::Engine(Activation::Linear) => Bi::new("선형", "linear"),
        NeuronActivation::Engine(Activation::Sigmoid) => Bi::new("시그모이드", "sigmoid"),
        NeuronActivation::Engine(Activation::Relu) => Bi::new("ReLU", "ReLU"),
        NeuronActivation::Engine(Activation::Tanh) => Bi::new("tanh", "tanh"),
        NeuronActivation::Engine(Activation::Softmax) => Bi::new("소프트맥스", "softmax"),
    }
}

/// The activation's definition in LaTeX.
fn definition(a: NeuronActivation) -> &'static str {
    match a {
        NeuronActivation::Step => r"f(z) = 1 \; (z \geq 0), \quad f(z) = 0 \; (z < 0)",
        NeuronActivation::Engine(Activation::Linear) => r"f(z) = z",
        NeuronActivation::Engine(Activation::Sigmoid) => r"f(z) = \frac{1}{1 + e^{-z}}",
        NeuronActivation::Engine(Activation::Relu) => r"f(z) = \max(0, z)",
        NeuronActivation::Engine(Activation::Tanh) => r"f(z) = \tanh z",
        NeuronActivation::Engine(Activation::Softmax) => r"f(z)_j = \frac{e^{z_j}}{\sum_k e^{z_k}}",
    }
}

/// The neuron panel (settings `?x1= ?x2= ?w1= ?w2= ?b= ?act=`).
#[component]
pub fn NeuronPanel() -> impl IntoView {
    let x1 = use_bounded_param("x1", 1.0f64, ranges::INPUT);
    let x2 = use_bounded_param("x2", 0.5f64, ranges::INPUT);
    let w1 = use_bounded_param("w1", 0.8f64, ranges::WEIGHT);
    let w2 = use_bounded_param("w2", -1.2f64, ranges::WEIGHT);
    let b = use_bounded_param("b", 0.3f64, ranges::WEIGHT);
    let choice = use_choice_param("act", NeuronActivation::Step);
    let out = Memo::new(move |_| {
        let f = |s: RwSignal<f64>| s.get() as f32;
        neuron(&[f(x1), f(x2)], &[f(w1), f(w2)], f(b), choice.get())
    });
    let sum_tex = move || {
        let o = out.get();
        let f = |s: RwSignal<f64>| s.get() as f32;
        vec![
            r"z = x_1 w_1 + x_2 w_2 + b".to_string(),
            format!(
                r"= {} \times {} + {} \times {} + {}",
                tex_factor(f(x1)),
                tex_factor(f(w1)),
                tex_factor(f(x2)),
                tex_factor(f(w2)),
                tex_factor(f(b)),
            ),
            format!("= {}", tex_number(f64::from(o.z), 3)),
        ]
    };
    let out_tex = move || {
        let o = out.get();
        format!(
            r"a = f(z) = f({}) = {}",
            tex_number(f64::from(o.z), 3),
            tex_number(f64::from(o.output), 3)
        )
    };
    let series = Signal::derive(move || {
        let (a, o) = (choice.get(), out.get());
        let points = curve(a, -5.0, 5.0, 201);
        let low = points.iter().map(|p| p.1).fold(f32::MAX, f32::min).min(0.0);
        vec![
            Series {
                name: Bi::new("f(z)", "f(z)"),
                color: (37, 92, 153),
                dashed: false,
                points: points
                    .iter()
                    .map(|&(z, y)| (f64::from(z), f64::from(y)))
                    .collect(),
            },
            Series {
                name: Bi::new("지금의 z", "current z"),
                color: (190, 30, 45),
                dashed: true,
                points: vec![
                    (f64::from(o.z.clamp(-5.0, 5.0)), f64::from(low)),
                    (f64::from(o.z.clamp(-5.0, 5.0)), f64::from(o.output)),
                ],
            },
        ]
    });
    view! {
        <section class="panel">
            <h2>{tr("뉴런 하나", "One neuron")}</h2>
            <Ko>
                <p>"입력마다 가중치를 곱해 더하고 편향 b를 더한 값이 z입니다. 활성화 함수 f가 z를 실제 출력으로 바꿉니다. 학습이란 데이터에 맞도록 가중치와 편향(모델의 매개변수)을 정하는 일입니다."</p>
            </Ko>
            <En>
                <p>"Multiply each input by its weight, add them up and add the bias b: that is z. The activation function f turns z into the actual output. Training means choosing the weights and bias (the model's parameters) so that outputs fit the data."</p>
            </En>
            <div class="field-row">
                <Slider id="n-x1" label=Bi::new("입력 x₁", "Input x₁") value=x1 bounds=ranges::INPUT step=0.1 decimals=1 />
                <Slider id="n-x2" label=Bi::new("입력 x₂", "Input x₂") value=x2 bounds=ranges::INPUT step=0.1 decimals=1 />
            </div>
            <div class="field-row">
                <Slider id="n-w1" label=Bi::new("가중치 w₁", "Weight w₁") value=w1 bounds=ranges::WEIGHT step=0.1 decimals=1 />
                <Slider id="n-w2" label=Bi::new("가중치 w₂", "Weight w₂") value=w2 bounds=ranges::WEIGHT step=0.1 decimals=1 />
                <Slider id="n-b" label=Bi::new("편향 b", "Bias b") value=b bounds=ranges::WEIGHT step=0.1 decimals=1 />
            </div>
            <RadioGroup
                name="n-act"
                legend=Bi::new("활성화 함수", "Activation")
                options=activation_options()
                value=choice
            />
            <p class="formula" data-testid="neuron-sum"><Formulas parts=Signal::derive(sum_tex) /></p>
            <p class="formula"><Math tex=Signal::derive(move || definition(choice.get()).to_string()) block=true /></p>
            <p class="formula" data-testid="neuron-output"><Math tex=Signal::derive(out_tex) block=true /></p>
            <LineChart series=series x_label=Bi::new("z", "z") y_label=Bi::new("f(z)", "f(z)") testid="activation-curve" />
            <TryThis>
                <Ko><ul><li>"활성화를 계단으로 두고 편향 b를 움직여 보세요. z가 0을 넘는 순간 출력이 0에서 1로 한 번에 뛰어오릅니다. 시그모이드로 바꾸면 같은 자리에서 매끄럽게 오릅니다."</li></ul></Ko>
                <En><ul><li>"With the step activation, move the bias b: the moment z passes 0 the output jumps from 0 to 1 at once. Switch to sigmoid and it rises smoothly at the same place."</li></ul></En>
            </TryThis>
            <Ko>
                <p>"활성화 함수가 왜 필요할까요? 활성화 없이(선형) 층을 아무리 쌓아도 결과는 여전히 입력의 가중합 하나입니다. 또 값이 층마다 곱해지며 끝없이 커지거나 사라질 수 있습니다. 계단 함수는 생물의 뉴런처럼 문턱(z ≥ 0)을 넘을 때만 발화하지만 기울기가 0이라 경사 하강법으로 배울 수 없습니다. 그래서 신경망은 시그모이드, tanh, ReLU처럼 매끄러운 함수를 씁니다."</p>
            </Ko>
            <En>
                <p>"Why an activation at all? Without one (linear), any stack of layers is still a single weighted sum of the inputs, and values multiplied layer after layer can blow up or vanish. The step function fires only past a threshold (z ≥ 0), like a biological neuron, but its slope is zero everywhere, so gradient descent cannot learn with it. Networks therefore use smooth functions such as sigmoid, tanh and ReLU."</p>
            </En>
        </section>
    }
}
