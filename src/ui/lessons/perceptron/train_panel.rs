//! Learning from data: simulated bioreactor runs, a single neuron or a hidden layer trained step by
//! step by gradient descent ([`crate::theory::plane`]), the probability over the plane drawn under
//! the runs. Settings `?data= ?hidden= ?lr= ?seed= ?steps=`; the trained state is recomputed from
//! them, so a shared link shows the same picture.

use super::neuron_panel::term;
use crate::theory::bioreactor::{PH_RANGE, Pattern, TEMPERATURE_RANGE, simulate};
use crate::theory::plane::PlaneModel;
use crate::theory::plane::ranges;
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::plots::{Field, FieldColors, FieldPlot, LineChart, Series};
use crate::ui::state::{use_bounded_param, use_choice_param};
use crate::ui::widgets::{Math, NumberField, RadioGroup, SelectField};
use leptos::prelude::*;
use ndarray::Array2;

/// Runs in the dataset.
const RUNS: usize = 80;
/// Grid cells per side of the probability picture.
const CELLS: usize = 48;
/// The most steps one link may ask for.
pub const MAX_STEPS: usize = 5000;

/// What the page shows after training.
#[derive(Clone, Debug, PartialEq)]
struct Trained {
    grid: Array2<f32>,
    loss: f32,
    accuracy: f64,
    weights: Option<(f32, f32, f32)>,
    losses: Vec<f32>,
    params: usize,
}

type Key = (String, usize, String, u64);

/// The training panel.
#[component]
pub fn TrainPanel() -> impl IntoView {
    let lang = use_lang();
    let data = use_choice_param("data", "linear", ranges::PATTERNS);
    let hidden = use_bounded_param("hidden", 0usize, ranges::HIDDEN);
    let rate = use_choice_param("lr", "0.5", ranges::LEARNING_RATES);
    let seed = use_bounded_param("seed", 1u64, ranges::SEED);
    let steps = use_bounded_param("steps", 0usize, ranges::STEPS);
    let pattern = Memo::new(move |_| Pattern::from_code(&data.get()).unwrap_or(Pattern::Linear));
    let runs = Memo::new(move |_| simulate(pattern.get(), RUNS, seed.get()));
    // The model is kept between renders, so "one more step" trains one step, not all again.
    let cache = StoredValue::new(None::<(Key, PlaneModel)>);
    let trained = Memo::new(move |_| {
        let key: Key = (data.get(), hidden.get(), rate.get(), seed.get());
        let steps = steps.get().min(MAX_STEPS);
        let lr = rate.get().parse::<f32>().unwrap_or(0.5);
        cache.update_value(|slot| {
            let reuse = matches!(slot, Some((k, m)) if *k == key && m.losses.len() <= steps);
            if !reuse {
                *slot = Some((
                    key.clone(),
                    PlaneModel::new(&runs.get(), hidden.get(), lr, seed.get()),
                ));
            }
            if let Some((_, model)) = slot {
                let done = model.losses.len();
                model.train(steps - done);
            }
        });
        cache.with_value(|slot| {
            let (_, model) = slot.as_ref().expect("just built");
            let mut model = model.clone();
            Trained {
                grid: model.probability_grid(CELLS),
                loss: model.loss(),
                accuracy: model.accuracy(),
                weights: model.neuron_weights(),
                losses: model.losses.clone(),
                params: model.param_count(),
            }
        })
    });
    let field = Signal::derive(move || Field {
        grid: trained.get().grid,
        colors: FieldColors::Probability,
        x_range: TEMPERATURE_RANGE,
        y_range: PH_RANGE,
        points: runs
            .get()
            .iter()
            .map(|r| (r.temperature, r.ph, r.high))
            .collect(),
        path: Vec::new(),
    });
    let description = Signal::derive(move || {
        let t = trained.get();
        lang.get().pick(
            &format!("온도(가로)와 pH(세로) 평면의 높은 수율 확률(빨강 = 높음, 파랑 = 낮음)과 실험 {RUNS}개. 정확도 {:.1} %.", t.accuracy * 100.0),
            &format!("Probability of high yield over temperature (across) and pH (up), red = high, blue = low, with the {RUNS} runs. Accuracy {:.1} %.", t.accuracy * 100.0),
        ).to_string()
    });
    let boundary = move || {
        trained
            .get()
            .weights
            .map(|(w1, w2, b)| format!(r"{} x_1 + {} x_2 + {} = 0", term(w1), term(w2), term(b)))
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
    let add = move |n: usize| steps.update(|s| *s = (*s + n).min(MAX_STEPS));
    view! {
        <section class="panel">
            <h2>{tr("데이터에서 배우기: 생물반응기 수율", "Learning from data: bioreactor yield")}</h2>
            <p>{tr(
                "모의 실험 80회: 온도와 pH에 따라 수율이 높거나(빨간 원) 낮습니다(파란 사각형). 배경색은 모델이 말하는 \"높음\"의 확률입니다. 한 걸음마다 모든 실험의 손실 기울기를 따라 가중치를 조금씩 옮깁니다.",
                "Eighty simulated runs: depending on temperature and pH the yield is high (red circles) or low (blue squares). The background is the model's probability of \"high\". Each step moves the weights a little down the slope of the loss over all runs.",
            )}</p>
            <div class="field-row">
                <RadioGroup
                    name="p-data"
                    legend=Bi::new("데이터 모양", "Data pattern")
                    options=vec![
                        ("linear".to_string(), Bi::new("직선으로 나뉨", "split by a line")),
                        ("window".to_string(), Bi::new("최적 구간", "optimal window")),
                        ("xor".to_string(), Bi::new("XOR 모양", "XOR-like")),
                    ]
                    value=data
                />
                <RadioGroup
                    name="p-model"
                    legend=Bi::new("모델", "Model")
                    options=vec![
                        (0usize, Bi::new("뉴런 하나", "one neuron")),
                        (4usize, Bi::new("은닉층 (뉴런 4개)", "hidden layer (4 neurons)")),
                    ]
                    value=hidden
                />
            </div>
            <div class="field-row">
                <SelectField
                    id="p-lr"
                    label=Bi::new("학습률", "Learning rate")
                    options=vec![
                        ("0.05", Bi::new("0.05", "0.05")),
                        ("0.5", Bi::new("0.5", "0.5")),
                        ("2", Bi::new("2", "2")),
                        ("10", Bi::new("10", "10")),
                    ]
                    value=rate
                />
                <NumberField id="p-seed" label=Bi::new("시드", "Seed") value=seed bounds=ranges::SEED />
            </div>
            <div class="button-row">
                <button type="button" on:click=move |_| add(1)>{tr("1걸음", "1 step")}</button>
                <button type="button" on:click=move |_| add(10)>{tr("10걸음", "10 steps")}</button>
                <button type="button" on:click=move |_| add(100)>{tr("100걸음", "100 steps")}</button>
                <button type="button" on:click=move |_| add(1000)>{tr("1000걸음", "1000 steps")}</button>
                <button type="button" on:click=move |_| steps.set(0)>{tr("처음으로", "Reset")}</button>
            </div>
            <p class="train-status" role="status" data-testid="plane-status">
                {move || {
                    let t = trained.get();
                    lang.get().pick(
                        &format!("{}걸음 · 손실 {:.4} · 정확도 {:.1} % · 매개변수 {}개", t.losses.len(), t.loss, t.accuracy * 100.0, t.params),
                        &format!("{} steps · loss {:.4} · accuracy {:.1} % · {} parameters", t.losses.len(), t.loss, t.accuracy * 100.0, t.params),
                    ).to_string()
                }}
            </p>
            {move || boundary().map(|tex| view! {
                <p class="formula" data-testid="plane-boundary">
                    {tr("결정 경계 (x₁ = (온도 − 32.5) / 7.5, x₂ = pH − 7): ", "Decision boundary (x₁ = (temperature − 32.5) / 7.5, x₂ = pH − 7): ")}
                    <Math tex=tex />
                </p>
            })}
            <FieldPlot field=field x_label=Bi::new("온도 (°C)", "temperature (°C)") y_label=Bi::new("pH", "pH") description=description testid="plane-plot" />
            <LineChart series=curve x_label=Bi::new("걸음", "step") y_label=Bi::new("손실", "loss") testid="plane-loss" />
        </section>
    }
}
