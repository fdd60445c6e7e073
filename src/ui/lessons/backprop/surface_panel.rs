//! Gradient descent on a loss surface with a learning-rate slider: the path over the `(w, b)` bowl
//! and the loss per step ([`crate::theory::descent`]). Setting `?lr=`.

use crate::lang::{Particle, with_particle};
use crate::theory::descent::ranges;
use crate::theory::descent::{CRITICAL_RATE, Verdict, minimum, path, surface, verdict};
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::plots::{Field, FieldColors, FieldPlot, LineChart, Series};
use crate::ui::state::use_bounded_param;
use crate::ui::widgets::{Math, Slider};
use leptos::prelude::*;

const W_RANGE: (f32, f32) = (-2.0, 4.5);
const B_RANGE: (f32, f32) = (-1.5, 3.0);
const STEPS: usize = 20;

/// The surface panel.
#[component]
pub fn SurfacePanel() -> impl IntoView {
    let lang = use_lang();
    let rate = use_bounded_param("lr", 0.1f64, ranges::LEARNING_RATE);
    let grid = surface(40, W_RANGE, B_RANGE);
    let points = Memo::new(move |_| path(rate.get() as f32, STEPS));
    let field = Signal::derive(move || Field {
        grid: grid.clone(),
        colors: FieldColors::LogMagnitude,
        x_range: (f64::from(W_RANGE.0), f64::from(W_RANGE.1)),
        y_range: (f64::from(B_RANGE.0), f64::from(B_RANGE.1)),
        points: Vec::new(),
        path: points
            .get()
            .iter()
            .map(|p| (f64::from(p.w), f64::from(p.b)))
            .collect(),
        boundary: Vec::new(),
    });
    let losses = Signal::derive(move || {
        vec![Series {
            name: Bi::new("손실 (MSE)", "loss (MSE)"),
            color: (84, 39, 143),
            dashed: false,
            points: points
                .get()
                .iter()
                .enumerate()
                .map(|(i, p)| (i as f64, f64::from(p.loss).log10()))
                .collect(),
        }]
    });
    let verdict = move || {
        let p = points.get();
        let (first, last) = (p[0].loss, p[p.len() - 1].loss);
        let steps = p.len() - 1;
        let lang = lang.get();
        let (from, to) = (format!("{first:.3}"), format!("{last:.4}"));
        let fell_ko = format!(
            "{steps}걸음 만에 손실이 {from}에서 {} 줄었습니다",
            with_particle(&to, Particle::Direction)
        );
        match verdict(&p) {
            Verdict::Diverging => lang.pick(
                format!("발산: 손실이 {from}에서 {} 커졌습니다. 한 걸음이 골짜기를 넘어 반대편 더 높은 곳에 떨어집니다.", with_particle(&format!("{last:.3e}"), Particle::Direction)),
                format!("Diverging: the loss grew from {from} to {last:.3e}. Each step jumps over the valley and lands higher on the other side."),
            ),
            Verdict::Oscillating => {
                let floor = format!("{:.4}", minimum().loss);
                lang.pick(
                    format!("진동: 걸음마다 골짜기의 반대편 벽으로 같은 높이만큼 건너뜁니다. 손실은 {to}에 머물러 바닥({floor})에 닿지 못합니다. 학습률을 조금만 줄이면 수렴합니다."),
                    format!("Oscillating: every step jumps to the other wall of the valley at the same height, so the loss stays at {to} and never reaches the floor ({floor}). A slightly smaller rate converges."),
                )
            }
            Verdict::Converging { zigzag: true } => lang.pick(
                format!("지그재그로 수렴: w가 걸음마다 바닥을 넘어가지만 넘는 폭이 줄어듭니다. {fell_ko}."),
                format!("Converging in a zigzag: w overshoots the floor at every step, but by less each time; the loss fell from {from} to {to} in {steps} steps."),
            ),
            Verdict::Converging { zigzag: false } => lang.pick(
                format!("수렴: {fell_ko}."),
                format!("Converging: the loss fell from {from} to {to} in {steps} steps."),
            ),
        }
    };
    let description = Signal::derive(move || {
        tr(
            "w(가로)와 b(세로)에 대한 손실 그릇과 경사 하강 경로",
            "The loss bowl over w (across) and b (up) with the gradient-descent path",
        )()
        .to_string()
    });
    view! {
        <section class="panel">
            <h2>{tr("손실 지형과 학습률", "The loss landscape and the learning rate")}</h2>
            <Ko>
                <p>"점 다섯 개에 직선 ŷ = w·x + b를 맞춥니다. 매개변수가 둘뿐이라 모든 (w, b)의 손실을 그릴 수 있습니다: 진한 보라가 높은 손실, 흰색이 골짜기 바닥입니다. 경사 하강법은 기울기의 반대 방향으로 학습률 η만큼 걸어갑니다."</p>
            </Ko>
            <En>
                <p>"Fit a line ŷ = w·x + b to five points. With only two parameters we can draw the loss at every (w, b): deep purple is high loss, white the valley floor. Gradient descent walks against the gradient, a learning rate η at a time."</p>
            </En>
            <p class="formula"><Math tex=r"(w, b) \leftarrow (w, b) - \eta \nabla L(w, b)".to_string() block=true /></p>
            <Slider id="gd-lr" label=Bi::new("학습률 η", "Learning rate η") value=rate bounds=ranges::LEARNING_RATE step=0.01 decimals=2 />
            <p class="train-status" role="status" data-testid="descent-verdict">{verdict}</p>
            <FieldPlot field=field x_label=Bi::new("기울기 w", "slope w") y_label=Bi::new("절편 b", "intercept b") description=description testid="loss-surface" />
            <LineChart series=losses x_label=Bi::new("걸음", "step") y_label=Bi::new("log₁₀ 손실", "log₁₀ loss") testid="descent-loss" />
            <p>{move || lang.get().pick(
                &format!("이 그릇은 w 방향으로 더 가파릅니다(곡률 4). 학습률이 2 / 4 = {CRITICAL_RATE}보다 크면 걸음마다 더 멀리 튕겨 나가 발산합니다. 바로 아래(예: 0.45)에서는 지그재그로 흔들리면서도 바닥에 닿습니다."),
                &format!("This bowl is steeper along w (curvature 4). Above a learning rate of 2 / 4 = {CRITICAL_RATE} each step overshoots further and descent diverges; just below it (say 0.45) the path zigzags but still reaches the floor."),
            ).to_string()}</p>
        </section>
    }
}
