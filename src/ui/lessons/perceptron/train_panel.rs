//! Learning from data: simulated bioreactor runs, a single neuron or a hidden layer trained by
//! gradient descent ([`crate::theory::plane`]), step by step or continuously (Play / Pause, as in
//! TensorFlow Playground), with the probability over the plane, the decision boundary as a line and
//! a diagram of every neuron. Settings `?data= ?hidden= ?hact= ?lr= ?seed= ?steps=`; the trained
//! state is recomputed from them, so a shared link shows the same picture. Changing the data or the
//! model starts again from step 0 (and keeps playing if it was).

use crate::lang::numbers::tex_sum;
use crate::theory::bioreactor::{PH_RANGE, Pattern, TEMPERATURE_RANGE, simulate};
use crate::theory::plane::boundary::{Segment, contour};
use crate::theory::plane::network::NetworkPicture;
use crate::theory::plane::{HiddenActivation, PlaneModel, majority_share, ranges};
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::plots::{Field, FieldColors, FieldPlot, LineChart, NetworkDiagram, Series};
use crate::ui::state::{use_bounded_param, use_choice_param, use_listed_param};
use crate::ui::widgets::{Math, NumberField, RadioGroup, SelectField, TryThis};
use leptos::prelude::*;
use ndarray::Array2;
use std::time::Duration;

/// The learning rates as the list shows them (`ranges::LEARNING_RATES`).
const RATE_LABELS: [&str; 4] = ["0.05", "0.5", "2", "10"];

/// Runs in the dataset.
const RUNS: usize = 80;
/// Grid cells per side of the probability picture.
const CELLS: usize = 48;
/// Grid cells per side of each neuron's picture in the diagram.
const NEURON_CELLS: usize = 16;
/// The most steps one link may ask for.
pub const MAX_STEPS: usize = 5000;
/// Steps per tick while playing, and the tick (about 125 steps a second).
const PLAY_STEPS: usize = 5;
const PLAY_TICK: Duration = Duration::from_millis(40);

/// What the page shows after training.
#[derive(Clone, Debug, PartialEq)]
struct Trained {
    grid: Array2<f32>,
    boundary: Vec<Segment>,
    network: NetworkPicture,
    loss: f32,
    accuracy: f64,
    weights: Option<(f32, f32, f32)>,
    losses: Vec<f32>,
    params: usize,
}

/// Everything that defines the model: data, hidden size, hidden activation, learning rate, seed.
type Key = (Pattern, usize, HiddenActivation, f32, u64);

/// The training panel.
#[component]
pub fn TrainPanel() -> impl IntoView {
    let lang = use_lang();
    let data = use_choice_param("data", Pattern::Linear);
    let hidden = use_bounded_param("hidden", 0usize, ranges::HIDDEN);
    let activation = use_choice_param("hact", HiddenActivation::Tanh);
    let rate = use_listed_param("lr", 0.5f32, ranges::LEARNING_RATES);
    let seed = use_bounded_param("seed", 1u64, ranges::SEED);
    let steps = use_bounded_param("steps", 0usize, ranges::STEPS);
    // The steps taken: follows the buttons at once, and the URL's `steps` when not playing (the
    // address bar is not rewritten 25 times a second).
    let live = RwSignal::new(steps.get_untracked().min(MAX_STEPS));
    let playing = RwSignal::new(false);
    let key = Memo::new(move |_| -> Key {
        (
            data.get(),
            hidden.get(),
            activation.get(),
            rate.get(),
            seed.get(),
        )
    });
    // A new model starts at step 0 (not on the first run: a link's `steps` is honoured).
    Effect::new(move |previous: Option<Key>| {
        let now = key.get();
        if previous.is_some_and(|p| p != now) {
            live.set(0);
        }
        now
    });
    Effect::new(move || {
        let n = live.get();
        if !playing.get() && steps.get_untracked() != n {
            steps.set(n);
        }
    });
    let handle = set_interval_with_handle(
        move || {
            if playing.get_untracked() {
                let next = (live.get_untracked() + PLAY_STEPS).min(MAX_STEPS);
                live.set(next);
                if next == MAX_STEPS {
                    playing.set(false);
                }
            }
        },
        PLAY_TICK,
    )
    .ok();
    on_cleanup(move || {
        if let Some(h) = handle {
            h.clear();
        }
    });
    let pattern = Memo::new(move |_| data.get());
    let runs = Memo::new(move |_| simulate(pattern.get(), RUNS, seed.get()));
    let chance = Memo::new(move |_| runs.with(|r| majority_share(r)));
    // The model is kept between renders, so "one more step" trains one step, not all again.
    let cache = StoredValue::new(None::<(Key, PlaneModel)>);
    let trained = Memo::new(move |_| {
        let key = key.get();
        let steps = live.get().min(MAX_STEPS);
        cache.update_value(|slot| {
            let reuse = matches!(slot, Some((k, m)) if *k == key && m.losses.len() <= steps);
            // A changed model waits for the reset to step 0 rather than training the old count.
            let changed = matches!(slot, Some((k, _)) if *k != key);
            if !reuse {
                let model = PlaneModel::new(&runs.get(), key.1, key.2.activation(), key.3, key.4);
                *slot = Some((key, model));
            }
            if let Some((_, model)) = slot
                && !changed
            {
                let done = model.losses.len();
                model.train(steps - done);
            }
        });
        cache.with_value(|slot| {
            let (_, model) = slot.as_ref().expect("just built");
            let mut model = model.clone();
            let grid = model.probability_grid(CELLS);
            Trained {
                boundary: contour(&grid, 0.5, TEMPERATURE_RANGE, PH_RANGE),
                grid,
                network: model.network(NEURON_CELLS),
                loss: model.loss(),
                accuracy: model.accuracy(),
                weights: model.neuron_weights(),
                losses: model.losses.clone(),
                params: model.param_count(),
            }
        })
    });
    let field = Signal::derive(move || {
        let t = trained.get();
        Field {
            grid: t.grid,
            colors: FieldColors::Probability,
            x_range: TEMPERATURE_RANGE,
            y_range: PH_RANGE,
            points: runs
                .get()
                .iter()
                .map(|r| (r.temperature, r.ph, r.high))
                .collect(),
            path: Vec::new(),
            boundary: t.boundary,
        }
    });
    let description = Signal::derive(move || {
        let t = trained.get();
        lang.get().pick(
            &format!("온도(가로)와 pH(세로) 평면의 높은 수율 확률(빨강 = 높음, 파랑 = 낮음), 검은 선은 결정 경계(확률 0.5), 실험 {RUNS}개. 정확도 {:.1} %.", t.accuracy * 100.0),
            &format!("Probability of high yield over temperature (across) and pH (up), red = high, blue = low; the black line is the decision boundary (probability 0.5); {RUNS} runs. Accuracy {:.1} %.", t.accuracy * 100.0),
        ).to_string()
    });
    let boundary = move || {
        trained
            .get()
            .weights
            .map(|(w1, w2, b)| format!("{} = 0", tex_sum(&[(w1, "x_1"), (w2, "x_2"), (b, "")])))
    };
    let curve = Signal::derive(move || {
        vec![Series {
            name: Bi::new(
                "훈련 손실 (이진 교차 엔트로피)",
                "training loss (binary cross-entropy)",
            ),
            color: (37, 92, 153),
            dashed: false,
            points: trained
                .get()
                .losses
                .iter()
                .enumerate()
                .map(|(i, &l)| (i as f64, f64::from(l)))
                .collect(),
        }]
    });
    let network = Signal::derive(move || trained.get().network);
    let has_hidden = move || hidden.get() > 0;
    let add = move |n: usize| live.update(|s| *s = (*s + n).min(MAX_STEPS));
    // Play from the end starts again from step 0.
    let toggle_play = move || {
        if playing.get_untracked() {
            playing.set(false);
        } else {
            if live.get_untracked() >= MAX_STEPS {
                live.set(0);
            }
            playing.set(true);
        }
    };
    let hidden_options = ranges::HIDDEN_CHOICES
        .iter()
        .map(|&h| {
            let label = if h == 0 {
                Bi::new("뉴런 하나", "one neuron")
            } else {
                Bi::interned(
                    format!("은닉층 (뉴런 {h}개)"),
                    format!("hidden layer ({h} neurons)"),
                )
            };
            (h, label)
        })
        .collect::<Vec<_>>();
    let status = move || {
        let t = trained.get();
        lang.get()
            .pick(
                &format!(
                    "{}걸음 · 손실 {:.4} · 정확도 {:.1} % · 매개변수 {}개",
                    t.losses.len(),
                    t.loss,
                    t.accuracy * 100.0,
                    t.params
                ),
                &format!(
                    "{} steps · loss {:.4} · accuracy {:.1} % · {} parameters",
                    t.losses.len(),
                    t.loss,
                    t.accuracy * 100.0,
                    t.params
                ),
            )
            .to_string()
    };
    let untrained_note = move || {
        (trained.with(|t| t.losses.is_empty())).then(|| {
            let share = chance.get() * 100.0;
            view! {
                <p class="hint" data-testid="plane-untrained">
                    {move || lang.get().pick(
                        &format!("아직 학습 전입니다. 가중치가 무작위로 정해진 상태라 지금의 정확도는 아무 뜻이 없습니다(더 흔한 범주만 답해도 {share:.1} %입니다). ▶ 재생이나 걸음 단추를 눌러 학습시키세요."),
                        &format!("Not trained yet: the weights are still random, so this accuracy means nothing (always answering the more common class scores {share:.1} %). Press ▶ Play or a step button to train."),
                    ).to_string()}
                </p>
            }
        })
    };
    view! {
        <section class="panel">
            <h2>{tr("데이터에서 배우기: 생물반응기 수율", "Learning from data: bioreactor yield")}</h2>
            <p>{tr(
                "모의 실험 80회: 온도와 pH에 따라 수율이 높거나(빨간 원) 낮습니다(파란 사각형). 배경색은 모델이 말하는 \"높음\"의 확률이고, 검은 선이 결정 경계입니다. 한 걸음마다 모든 실험의 손실 기울기를 따라 가중치를 조금씩 옮깁니다.",
                "Eighty simulated runs: depending on temperature and pH the yield is high (red circles) or low (blue squares). The background is the model's probability of \"high\" and the black line the decision boundary. Each step moves the weights a little down the slope of the loss over all runs.",
            )}</p>
            <div class="field-row">
                <RadioGroup
                    name="p-data"
                    legend=Bi::new("데이터 모양", "Data pattern")
                    options=vec![
                        (Pattern::Linear, Bi::new("직선으로 나뉨", "split by a line")),
                        (Pattern::Window, Bi::new("최적 구간", "optimal window")),
                        (Pattern::Xor, Bi::new("XOR 모양", "XOR-like")),
                    ]
                    value=data
                />
                <RadioGroup name="p-model" legend=Bi::new("모델", "Model") options=hidden_options value=hidden />
                <Show when=has_hidden>
                    <RadioGroup
                        name="p-act"
                        legend=Bi::new("은닉층 활성화", "Hidden activation")
                        options=vec![
                            (HiddenActivation::Tanh, Bi::new("tanh", "tanh")),
                            (HiddenActivation::Relu, Bi::new("ReLU", "ReLU")),
                            (HiddenActivation::Sigmoid, Bi::new("시그모이드", "sigmoid")),
                        ]
                        value=activation
                    />
                </Show>
            </div>
            <div class="field-row">
                <SelectField
                    id="p-lr"
                    label=Bi::new("학습률", "Learning rate")
                    options=ranges::LEARNING_RATES.iter().zip(RATE_LABELS).map(|(&r, label)| (r, Bi::new(label, label))).collect()
                    value=rate
                />
                <NumberField id="p-seed" label=Bi::new("시드", "Seed") value=seed bounds=ranges::SEED />
            </div>
            <div class="button-row">
                <button type="button" class="play" data-testid="plane-play" aria-pressed=move || playing.get().to_string()
                    on:click=move |_| toggle_play()>
                    {move || if playing.get() { tr("⏸ 일시 정지", "⏸ Pause")() } else { tr("▶ 재생", "▶ Play")() }}
                </button>
                <button type="button" data-testid="plane-step-1" on:click=move |_| add(1)>{tr("1걸음", "1 step")}</button>
                <button type="button" data-testid="plane-step-10" on:click=move |_| add(10)>{tr("10걸음", "10 steps")}</button>
                <button type="button" data-testid="plane-step-100" on:click=move |_| add(100)>{tr("100걸음", "100 steps")}</button>
                <button type="button" data-testid="plane-step-1000" on:click=move |_| add(1000)>{tr("1000걸음", "1000 steps")}</button>
                <button type="button" data-testid="plane-reset" on:click=move |_| live.set(0)>{tr("처음으로", "Reset")}</button>
            </div>
            <p class="train-status" role="status" data-testid="plane-status">{status}</p>
            {untrained_note}
            {move || boundary().map(|tex| view! {
                <p class="formula" data-testid="plane-boundary">
                    {tr("결정 경계 (x₁ = (온도 − 32.5) / 7.5, x₂ = pH − 7): ", "Decision boundary (x₁ = (temperature − 32.5) / 7.5, x₂ = pH − 7): ")}
                    <Math tex=tex />
                </p>
            })}
            <div class="plane-views">
                <FieldPlot field=field x_label=Bi::new("온도 (°C)", "temperature (°C)") y_label=Bi::new("pH", "pH") description=description testid="plane-plot" />
                <div>
                    <h3>{tr("신경망 안쪽", "Inside the network")}</h3>
                    <p class="hint">{tr(
                        "네모 하나가 뉴런 하나입니다. 그 안의 색은 평면의 각 점에서 그 뉴런이 내는 값이고(빨강 +, 파랑 −), 선은 가중치입니다(빨강 +, 파랑 −, 굵을수록 큼). 은닉층 뉴런은 저마다 직선 하나로 평면을 나누고, 출력 뉴런이 그것들을 합칩니다.",
                        "Each square is one neuron; its colours are the value it gives at each point of the plane (red +, blue −), and each line is a weight (red +, blue −, thicker = larger). Every hidden neuron splits the plane along one line; the output neuron combines them.",
                    )}</p>
                    <NetworkDiagram
                        picture=network
                        labels=[Bi::new("x₁ 온도", "x₁ temperature"), Bi::new("x₂ pH", "x₂ pH"), Bi::new("P(높음)", "P(high)")]
                        testid="plane-network"
                    />
                </div>
            </div>
            <LineChart series=curve x_label=Bi::new("걸음", "step") y_label=Bi::new("손실", "loss") testid="plane-loss" empty=Bi::new("▶ 재생이나 걸음 단추를 누르면 손실이 내려가는 곡선이 여기에 그려집니다.", "Press ▶ Play or a step button: the falling loss is drawn here.") />
            <TryThis>
                <Ko>
                    <ul>
                        <li>"\"직선으로 나뉨\" 데이터에서 뉴런 하나로 ▶ 재생을 누르세요. 검은 경계선이 빨간 원과 파란 사각형 사이로 움직여 자리를 잡습니다."</li>
                        <li>"\"XOR 모양\"으로 바꾸세요. 뉴런 하나는 몇 걸음을 가도 정확도가 100 %에 한참 못 미칩니다. 경계가 직선 하나라서입니다. 은닉층(뉴런 4개)을 고르면 경계가 굽어 네 구석을 나눕니다. 신경망 그림에서 은닉 뉴런마다 다른 직선을 맡는 것을 보세요."</li>
                        <li>"\"직선으로 나뉨\"에서 학습률 0.05로 100걸음을 가면 손실이 아직 0.5 근처입니다. 10으로 바꾸면 같은 100걸음에 0.1 아래로 내려가고, 가는 동안 한 번도 다시 오르지 않습니다. 이 손실 곡면은 매끈해서 큰 걸음도 되튀지 않습니다(역전파 강의에서 η = 0.55가 발산하는 것과 비교해 보세요)."</li>
                    </ul>
                </Ko>
                <En>
                    <ul>
                        <li>"On \"split by a line\" with one neuron, press ▶ Play: the black boundary moves between the red circles and the blue squares and settles."</li>
                        <li>"Switch to \"XOR-like\". One neuron stays far below 100 % accuracy however long it trains: its boundary is one straight line. Choose the hidden layer (4 neurons) and the boundary bends around the corners; in the diagram each hidden neuron takes a different line."</li>
                        <li>"On \"split by a line\" at learning rate 0.05, the loss is still about 0.5 after 100 steps; at 10 the same 100 steps bring it below 0.1, and it never goes back up on the way. This loss surface is smooth, so big steps do not bounce back (compare η = 0.55 in the backpropagation lesson, which diverges)."</li>
                    </ul>
                </En>
            </TryThis>
        </section>
    }
}
