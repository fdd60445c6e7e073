//! The 2-2-1 network drawn as SVG, revealing values stage by stage: the forward pass node by node,
//! then the backward pass, each node's ∂L/∂(node) in red beside its value.

use crate::lang::numbers::signed;
use crate::theory::backprop::{Backward, Forward, SAMPLE, TinyNet};
use crate::ui::i18n::tr;
use leptos::prelude::*;

/// Stages of the walk-through: 0 inputs … 3 loss (forward), 4 … 7 (backward).
pub const STAGES: usize = 8;

/// What each stage adds, in LaTeX, with the network's numbers.
pub fn stage_tex(stage: usize, net: &TinyNet, f: &Forward, b: &Backward) -> String {
    let x = SAMPLE.x;
    match stage {
        0 => format!(
            r"x_1 = {:.2}, \; x_2 = {:.2}, \; y = {:.0}",
            x[0], x[1], SAMPLE.y
        ),
        1 => format!(
            r"z_1 = x_1 w_{{11}} + x_2 w_{{21}} + b_1 = {:.4}, \; h_1 = \sigma(z_1) = {:.4}, \; h_2 = \sigma(z_2) = {:.4}",
            f.z_hidden[0], f.hidden[0], f.hidden[1]
        ),
        2 => format!(
            r"z_o = v_1 h_1 + v_2 h_2 + c = {:.2} \times {:.4} + ({:.2}) \times {:.4} + {:.2} = {:.4}, \; \hat{{y}} = \sigma(z_o) = {:.4}",
            net.v[0], f.hidden[0], net.v[1], f.hidden[1], net.c, f.z_out, f.output
        ),
        3 => format!(
            r"L = (\hat{{y}} - y)^2 = ({:.4} - {:.0})^2 = {:.6}",
            f.output, SAMPLE.y, f.loss
        ),
        4 => format!(
            r"\frac{{\partial L}}{{\partial \hat{{y}}}} = 2(\hat{{y}} - y) = {:.4}, \; \frac{{\partial \hat{{y}}}}{{\partial z_o}} = \hat{{y}}(1 - \hat{{y}}) = {:.4}, \; \frac{{\partial L}}{{\partial z_o}} = {:.4} \times {:.4} = {:.4}",
            b.d_output, b.local_out, b.d_output, b.local_out, b.d_z_out
        ),
        5 => format!(
            r"\frac{{\partial L}}{{\partial v_1}} = \frac{{\partial L}}{{\partial z_o}} h_1 = {:.4}, \; \frac{{\partial L}}{{\partial h_1}} = \frac{{\partial L}}{{\partial z_o}} v_1 = {:.4}, \; \frac{{\partial L}}{{\partial h_2}} = {:.4}",
            b.gradient[6], b.d_hidden[0], b.d_hidden[1]
        ),
        6 => format!(
            r"\frac{{\partial L}}{{\partial z_1}} = \frac{{\partial L}}{{\partial h_1}} h_1 (1 - h_1) = {:.4} \times {:.4} = {:.4}, \; \frac{{\partial L}}{{\partial z_2}} = {:.4}",
            b.d_hidden[0], b.local_hidden[0], b.d_z_hidden[0], b.d_z_hidden[1]
        ),
        _ => format!(
            r"\frac{{\partial L}}{{\partial w_{{11}}}} = \frac{{\partial L}}{{\partial z_1}} x_1 = {:.4} \times {:.2} = {:.5}, \; \frac{{\partial L}}{{\partial b_1}} = \frac{{\partial L}}{{\partial z_1}} = {:.5}",
            b.d_z_hidden[0], x[0], b.gradient[0], b.gradient[4]
        ),
    }
}

/// The diagram at `stage` for the network `net`.
#[component]
pub fn NetworkDiagram(
    /// The network.
    #[prop(into)]
    net: Signal<TinyNet>,
    /// How far the walk-through has come (`0..STAGES`).
    #[prop(into)]
    stage: Signal<usize>,
) -> impl IntoView {
    let content = move || {
        let (net, stage) = (net.get(), stage.get());
        let f = net.forward(SAMPLE);
        let b = net.backward(SAMPLE, &f);
        let node = |x: f64, y: f64, name: &'static str, value: Option<f64>, grad: Option<f64>| {
            view! {
                <g>
                    <circle cx=x cy=y r="30" class="node" />
                    <text x=x y=y - 6.0 text-anchor="middle" class="node-name">{name}</text>
                    <text x=x y=y + 12.0 text-anchor="middle" class="node-value">{value.map(|v| signed(v, 3)).unwrap_or_default()}</text>
                    <text x=x y=y + 50.0 text-anchor="middle" class="node-grad">{grad.map(|g| format!("∂L: {}", signed(g, 4))).unwrap_or_default()}</text>
                </g>
            }
        };
        let edge = |x1: f64, y1: f64, x2: f64, y2: f64, label: String| {
            // Labels sit a third of the way along, so the two crossing edges' labels do not collide.
            let (mx, my) = (x1 + (x2 - x1) * 0.33, y1 + (y2 - y1) * 0.33 - 6.0);
            view! {
                <g>
                    <line x1=x1 y1=y1 x2=x2 y2=y2 class="edge" />
                    <text x=mx y=my text-anchor="middle" class="edge-label">{label}</text>
                </g>
            }
        };
        let fwd = |s: usize| stage >= s;
        let back = |s: usize| stage >= s;
        view! {
            {edge(80.0, 70.0, 250.0, 70.0, format!("w₁₁ {}", signed(net.w[0][0], 2)))}
            {edge(80.0, 70.0, 250.0, 200.0, format!("w₁₂ {}", signed(net.w[0][1], 2)))}
            {edge(80.0, 200.0, 250.0, 70.0, format!("w₂₁ {}", signed(net.w[1][0], 2)))}
            {edge(80.0, 200.0, 250.0, 200.0, format!("w₂₂ {}", signed(net.w[1][1], 2)))}
            {edge(250.0, 70.0, 430.0, 135.0, format!("v₁ {}", signed(net.v[0], 2)))}
            {edge(250.0, 200.0, 430.0, 135.0, format!("v₂ {}", signed(net.v[1], 2)))}
            {edge(430.0, 135.0, 560.0, 135.0, String::new())}
            {node(80.0, 70.0, "x₁", Some(SAMPLE.x[0]), None)}
            {node(80.0, 200.0, "x₂", Some(SAMPLE.x[1]), None)}
            {node(250.0, 70.0, "h₁", fwd(1).then_some(f.hidden[0]), back(5).then_some(b.d_hidden[0]))}
            {node(250.0, 200.0, "h₂", fwd(1).then_some(f.hidden[1]), back(5).then_some(b.d_hidden[1]))}
            {node(430.0, 135.0, "ŷ", fwd(2).then_some(f.output), back(4).then_some(b.d_output))}
            {node(560.0, 135.0, "L", fwd(3).then_some(f.loss), None)}
        }
    };
    view! {
        <svg class="network" viewBox="0 0 620 270" role="img" aria-label=tr("입력 2개, 은닉 뉴런 2개, 출력 1개인 신경망과 각 노드의 값", "A network with 2 inputs, 2 hidden neurons and 1 output, with each node's value")>
            {content}
        </svg>
    }
}
