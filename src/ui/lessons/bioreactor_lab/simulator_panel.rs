//! Step 1 of the bioreactor lab: the simulator explained — the balances and rates as formulas,
//! the constants with their units, the six conditions with their ranges, and one run's time course
//! (biomass, glucose, product and volume over 30 hours) at conditions the student sets.

use super::state::PARAMS;
use crate::bounds::Bounds;
use crate::lab::bioreactor::{Condition, Conditions, course};
use crate::lang::Lang;
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::plots::{LineChart, Series};
use crate::ui::widgets::{Formulas, NumberField};
use leptos::prelude::*;

/// The balances and the rates, as the core's module docs write them.
const BALANCES: [&str; 4] = [
    r"\frac{dX}{dt} = \mu X - \frac{F}{V} X",
    r"\frac{dS}{dt} = \frac{F}{V}\left(S_f - S\right) - q_s X",
    r"\frac{dP}{dt} = q_p X - \frac{F}{V} P",
    r"\frac{dV}{dt} = F",
];

/// (μ is written in two parts, so a phone wraps it instead of cutting it off.)
const RATES: [&str; 5] = [
    r"\mu = \mu_{max}\, \gamma_T(T)\, \gamma_{pH}(pH)",
    r"\times \frac{S}{K_s + S}\, \frac{K_i}{K_i + S} \left(1 - \frac{X}{X_{max}}\right) b",
    r"q_s = \frac{\mu}{Y_{xs}} + m_s \frac{S}{K_s + S}",
    r"q_p = \left(\alpha \mu + \beta\right) \gamma_P(T)\, \frac{I}{K_I + I}",
    r"b = \frac{1}{1 + I / K_B}",
];

/// One row of the constants table: symbol (LaTeX-free text), value, unit, meaning.
fn constants(lang: Lang) -> Vec<(&'static str, String, &'static str, &'static str)> {
    let p = PARAMS;
    let triple = |t: [f64; 3]| format!("{} / {} / {}", t[0], t[1], t[2]);
    vec![
        (
            "μmax",
            p.mu_max.to_string(),
            "1/h",
            lang.pick(
                "최대 비성장 속도 (37 °C, pH 7)",
                "largest specific growth rate (37 °C, pH 7)",
            ),
        ),
        (
            "Ks",
            p.k_s.to_string(),
            "g/L",
            lang.pick(
                "포도당 반포화 상수 (Monod)",
                "glucose half-saturation (Monod)",
            ),
        ),
        (
            "Ki",
            p.k_i.to_string(),
            "g/L",
            lang.pick(
                "기질 저해 상수: 포도당이 많으면 성장이 느려집니다",
                "substrate inhibition: much glucose slows growth",
            ),
        ),
        (
            "Yxs",
            p.y_xs.to_string(),
            "g/g",
            lang.pick(
                "포도당 1 g당 생기는 균체",
                "biomass made per gram of glucose",
            ),
        ),
        (
            "ms",
            p.m_s.to_string(),
            "g/(g·h)",
            lang.pick("유지 대사에 쓰는 포도당", "glucose used for maintenance"),
        ),
        (
            "Xmax",
            p.x_max.to_string(),
            "g/L",
            lang.pick(
                "산소 공급이 감당하는 최대 균체",
                "most biomass the oxygen supply carries",
            ),
        ),
        (
            "T (γT)",
            triple(p.growth_temperature),
            "°C",
            lang.pick(
                "성장의 최저 / 최적 / 최고 온도 (CTMI)",
                "growth's minimum / optimum / maximum temperature (CTMI)",
            ),
        ),
        (
            "pH (γpH)",
            triple(p.growth_ph),
            "",
            lang.pick(
                "성장의 최저 / 최적 / 최고 pH (CPM)",
                "growth's minimum / optimum / maximum pH (CPM)",
            ),
        ),
        (
            "T (γP)",
            triple(p.product_temperature),
            "°C",
            lang.pick(
                "생산의 최저 / 최적 / 최고 온도",
                "production's minimum / optimum / maximum temperature",
            ),
        ),
        (
            "α",
            p.alpha.to_string(),
            "mg/g",
            lang.pick(
                "성장과 함께 만드는 단백질 (Luedeking–Piret)",
                "growth-associated product (Luedeking–Piret)",
            ),
        ),
        (
            "β",
            p.beta.to_string(),
            "mg/(g·h)",
            lang.pick(
                "성장과 상관없이 만드는 단백질",
                "product made whether or not the cells grow",
            ),
        ),
        (
            "KI",
            p.k_inducer.to_string(),
            "mM",
            lang.pick(
                "유도가 절반이 되는 유도제 농도",
                "inducer giving half the induction",
            ),
        ),
        (
            "KB",
            p.k_burden.to_string(),
            "mM",
            lang.pick(
                "대사 부담으로 성장이 절반이 되는 유도제 농도",
                "inducer at which the burden halves growth",
            ),
        ),
        (
            "X0 · V0",
            format!("{} · {}", p.x0, p.v0),
            "g/L · L",
            lang.pick(
                "접종할 때의 균체와 부피",
                "biomass and volume at inoculation",
            ),
        ),
        (
            "Sf",
            p.s_feed.to_string(),
            "g/L",
            lang.pick("공급액의 포도당", "glucose in the feed"),
        ),
        (
            "tfeed · tharvest",
            format!("{} · {}", p.feed_start, p.harvest),
            "h",
            lang.pick("공급 시작과 수확 시각", "feed start and harvest"),
        ),
    ]
}

/// The equations, the constants, the conditions and one run's time course.
#[component]
pub fn SimulatorPanel() -> impl IntoView {
    let lang = use_lang();
    let centre = Conditions::centre();
    let fields: Vec<(Condition, RwSignal<f64>)> = Condition::ALL
        .iter()
        .map(|&c| (c, RwSignal::new(round(centre.get(c)))))
        .collect();
    let values = fields.clone();
    let conditions = Memo::new(move |_| {
        let mut row = [0.0; 6];
        for (c, v) in &values {
            row[c.index()] = v.get();
        }
        Conditions::from_array(row)
    });
    let points = Memo::new(move |_| course(&conditions.get(), &PARAMS));
    let series = Signal::derive(move || {
        points.with(|points| {
            let line =
                |name: Bi, color, pick: fn(&crate::lab::bioreactor::TimePoint) -> f64| Series {
                    name,
                    color,
                    dashed: false,
                    points: points.iter().map(|p| (p.time, pick(p))).collect(),
                };
            vec![
                line(
                    Bi::new("균체 X (g/L)", "biomass X (g/L)"),
                    (37, 92, 153),
                    |p| p.state.biomass,
                ),
                line(
                    Bi::new("포도당 S (g/L)", "glucose S (g/L)"),
                    (222, 120, 0),
                    |p| p.state.substrate,
                ),
                line(
                    Bi::new("단백질 P (g/L)", "protein P (g/L)"),
                    (23, 102, 58),
                    |p| p.state.product / 1000.0,
                ),
            ]
        })
    });
    let volume = Signal::derive(move || {
        points.with(|points| {
            vec![Series {
                name: Bi::new("부피 V (L)", "volume V (L)"),
                color: (120, 60, 150),
                dashed: false,
                points: points.iter().map(|p| (p.time, p.state.volume)).collect(),
            }]
        })
    });
    let harvest = move || {
        let lang = lang.get();
        points.with(|points| {
            let last = points.last().map(|p| p.state).unwrap_or_default();
            lang.pick(
                format!(
                    "30시간 뒤 수확: 역가 {:.0} mg/L, 균체 {:.1} g/L, 남은 포도당 {:.2} g/L, 부피 {:.2} L",
                    last.product, last.biomass, last.substrate, last.volume
                ),
                format!(
                    "Harvest at 30 h: titer {:.0} mg/L, biomass {:.1} g/L, glucose left {:.2} g/L, volume {:.2} L",
                    last.product, last.biomass, last.substrate, last.volume
                ),
            )
        })
    };
    let constant_rows = move || {
        constants(lang.get())
            .into_iter()
            .map(|(symbol, value, unit, meaning)| view! { <tr><th scope="row">{symbol}</th><td>{value}</td><td>{unit}</td><td>{meaning}</td></tr> })
            .collect_view()
    };
    let condition_rows = move || {
        let lang = lang.get();
        Condition::ALL
            .iter()
            .map(|&c| {
                let Bounds { min, max } = c.range();
                view! { <tr><th scope="row">{c.name(lang)}</th><td>{format!("{min} – {max}")}</td><td>{c.unit()}</td></tr> }
            })
            .collect_view()
    };
    let inputs = fields
        .into_iter()
        .map(|(c, value)| {
            let Bounds { min, max } = c.range();
            // Some room beyond the design's range: the student may look outside it.
            let span = max - min;
            let bounds = Bounds::new(round((min - span).max(0.0)), round(max + span));
            let label = Bi::interned(c.column(Lang::Ko), c.column(Lang::En));
            view! { <NumberField id=format!("bio-course-{}", crate::choice::Choice::code(c)) label=label value=value bounds=bounds step="any" /> }
        })
        .collect_view();
    let balances: Vec<String> = BALANCES.iter().map(|t| t.to_string()).collect();
    let rates: Vec<String> = RATES.iter().map(|t| t.to_string()).collect();
    view! {
        <section class="panel" aria-labelledby="bio-step-1">
            <h2 id="bio-step-1">{tr("1 · 시뮬레이터: 유가식 배양 한 번", "1 · The simulator: one fed-batch run")}</h2>
            <super::text::SimulatorText />
            <p class="formula" data-testid="bio-balances"><Formulas parts=balances /></p>
            <p class="formula" data-testid="bio-rates"><Formulas parts=rates /></p>
            <super::text::RatesText />
            <details>
                <summary>{tr("상수와 단위", "Constants and units")}</summary>
                <div class="table-scroll" tabindex="0">
                    <table class="matrix" data-testid="bio-constants">
                        <thead><tr><th scope="col">{tr("기호", "symbol")}</th><th scope="col">{tr("값", "value")}</th><th scope="col">{tr("단위", "unit")}</th><th scope="col">{tr("뜻", "meaning")}</th></tr></thead>
                        <tbody>{constant_rows}</tbody>
                    </table>
                </div>
            </details>
            <h3>{tr("여섯 가지 배양 조건 (모델의 입력)", "The six culture conditions (the model's inputs)")}</h3>
            <div class="table-scroll" tabindex="0">
                <table class="matrix" data-testid="bio-conditions">
                    <thead><tr><th scope="col">{tr("조건", "condition")}</th><th scope="col">{tr("실험 범위", "design range")}</th><th scope="col">{tr("단위", "unit")}</th></tr></thead>
                    <tbody>{condition_rows}</tbody>
                </table>
            </div>
            <h3>{tr("한 번의 실행: 시간에 따른 변화", "One run over time")}</h3>
            <div class="field-row">{inputs}</div>
            <p class="shape" data-testid="bio-harvest">{harvest}</p>
            <div class="plot-grid">
                <LineChart series=series x_label=Bi::new("시간 (h)", "time (h)") y_label=Bi::new("농도 (g/L)", "concentration (g/L)") testid="bio-course" />
                <LineChart series=volume x_label=Bi::new("시간 (h)", "time (h)") y_label=Bi::new("부피 (L)", "volume (L)") testid="bio-volume" />
            </div>
            <Ko><p class="hint">"6시간에 공급이 시작되고(부피가 늘기 시작), 유도 시점부터 단백질 P가 쌓입니다. 유도 뒤에는 대사 부담 b 때문에 성장이 느려집니다."</p></Ko>
            <En><p class="hint">"The feed starts at 6 h (the volume starts to grow), and the protein P accumulates from the induction on; after induction the burden b slows growth."</p></En>
        </section>
    }
}

/// `value` rounded to 3 decimals (a tidy number in a box).
fn round(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}
