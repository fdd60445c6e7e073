//! Step 6 of the bioreactor lab: what the network learned — one partial-dependence curve per
//! condition and a response surface over two chosen conditions, each beside the simulator's truth
//! when the runs are simulated. The network predicts on the page (a few milliseconds); the
//! simulator runs in short tasks.

use super::state::Bio;
use super::work::{Generation, Predictor, evaluate_chunked, truth};
use crate::lab::bioreactor::surface::grid;
use crate::lab::bioreactor::{Curve, Surface, partial_dependence_rows, surface_rows};
use crate::lang::Lang;
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::plots::{Field, FieldColors, FieldPlot, LineChart, Series};
use leptos::prelude::*;
use ndarray::Array2;

/// Training runs a curve averages over (the simulator runs each of them at every value).
const BACKGROUND: usize = 40;
/// Values per curve.
const CURVE_POINTS: usize = 17;
/// Values per axis of a response surface.
const SURFACE_POINTS: usize = 21;

/// Partial dependence and the response surface.
#[component]
pub fn UnderstandPanel() -> impl IntoView {
    let bio = expect_context::<Bio>();
    let lang = use_lang();
    let model_curves = RwSignal::new(Vec::<Curve>::new());
    let true_curves = RwSignal::new(Vec::<Curve>::new());
    let model_surface = RwSignal::new(None::<Surface>);
    let true_surface = RwSignal::new(None::<Surface>);
    let (curves_work, truth_work, surface_work) =
        (Generation::new(), Generation::new(), Generation::new());
    // The axes, held to the table's columns.
    let axes = Memo::new(move |_| {
        let f = bio
            .data
            .with(|d| d.as_ref().map_or(1, |d| d.table.feature_count()));
        let x = bio.surface_x.get().min(f - 1);
        let y = bio.surface_y.get().min(f - 1);
        (x, if y == x { (x + 1) % f } else { y })
    });
    // The network's curves: quick, redone for every model.
    Effect::new(move || {
        model_curves.set(Vec::new());
        let (Some(saved), Some(data), Some(scaling), Some(ranges)) = (
            bio.model(),
            bio.data.get(),
            bio.scaling(),
            bio.feature_ranges(),
        ) else {
            return;
        };
        let ticket = curves_work.next();
        leptos::task::spawn_local(async move {
            let Some(mut predictor) = Predictor::new(&saved, scaling) else {
                return;
            };
            let background = data.background(BACKGROUND);
            let mut curves = Vec::new();
            for (k, range) in ranges.iter().enumerate() {
                let values = grid(*range, CURVE_POINTS);
                let rows = partial_dependence_rows(&background, k, &values);
                let Some(predicted) =
                    evaluate_chunked(&rows, ticket, |x| predictor.predict(x)).await
                else {
                    return;
                };
                curves.push(Curve::from_predictions(
                    k,
                    &values,
                    background.nrows(),
                    &predicted,
                ));
            }
            model_curves.try_set(curves);
        });
    });
    // The simulator's curves: slow, redone only when the runs change.
    Effect::new(move || {
        true_curves.set(Vec::new());
        let (Some(data), true, Some(ranges)) = (
            bio.data.get(),
            bio.simulated_data.get(),
            bio.feature_ranges(),
        ) else {
            return;
        };
        let ticket = truth_work.next();
        leptos::task::spawn_local(async move {
            let background = data.background(BACKGROUND);
            let mut curves = Vec::new();
            for (k, range) in ranges.iter().enumerate() {
                let values = grid(*range, CURVE_POINTS);
                let rows = partial_dependence_rows(&background, k, &values);
                let Some(predicted) = evaluate_chunked(&rows, ticket, truth).await else {
                    return;
                };
                curves.push(Curve::from_predictions(
                    k,
                    &values,
                    background.nrows(),
                    &predicted,
                ));
                true_curves.try_set(curves.clone());
            }
        });
    });
    // The surfaces over the chosen axes, the other conditions at their training means.
    Effect::new(move || {
        model_surface.set(None);
        true_surface.set(None);
        let (x, y) = axes.get();
        let (Some(data), Some(ranges)) = (bio.data.get(), bio.feature_ranges()) else {
            return;
        };
        let model = bio.model().zip(bio.scaling());
        let simulated = bio.simulated_data.get();
        let ticket = surface_work.next();
        leptos::task::spawn_local(async move {
            let base: Vec<f64> = data.scaling.features.iter().map(|s| s.mean).collect();
            let (xs, ys) = (
                grid(ranges[x], SURFACE_POINTS),
                grid(ranges[y], SURFACE_POINTS),
            );
            let rows = surface_rows(&base, (x, &xs), (y, &ys));
            if let Some((saved, scaling)) = model
                && let Some(mut predictor) = Predictor::new(&saved, scaling)
            {
                let Some(z) = evaluate_chunked(&rows, ticket, |r| predictor.predict(r)).await
                else {
                    return;
                };
                model_surface.try_set(Some(Surface::from_predictions((x, &xs), (y, &ys), &z)));
            }
            if simulated {
                let Some(z) = evaluate_chunked(&rows, ticket, truth).await else {
                    return;
                };
                true_surface.try_set(Some(Surface::from_predictions((x, &xs), (y, &ys), &z)));
            }
        });
    });
    let names = Memo::new(move |_| (bio.feature_names(Lang::Ko), bio.feature_names(Lang::En)));
    // One titer scale for all six curves, so a flat condition looks flat beside a steep one.
    let curve_scale = Signal::derive(move || {
        let (lo, hi) = model_curves.with(|m| {
            true_curves.with(|t| {
                m.iter()
                    .chain(t.iter())
                    .flat_map(|c| c.mean.iter().copied())
                    .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                        (a.min(v), b.max(v))
                    })
            })
        });
        if lo > hi {
            return (0.0, 1.0);
        }
        let pad = ((hi - lo) * 0.08).max(1.0);
        (lo - pad, hi + pad)
    });
    let charts = move || {
        let (ko, en) = names.get();
        let ranges = bio.feature_ranges().unwrap_or_default();
        ko.into_iter()
            .zip(en)
            .zip(ranges)
            .enumerate()
            .map(|(k, ((ko, en), range))| {
                let series = Signal::derive(move || {
                    let line = |name, color, dashed, curve: Option<&Curve>| Series {
                        name,
                        color,
                        dashed,
                        points: curve.map(|c| c.values.iter().copied().zip(c.mean.iter().copied()).collect()).unwrap_or_default(),
                    };
                    let mut out = vec![model_curves.with(|c| line(Bi::new("신경망", "network"), (37, 92, 153), false, c.get(k)))];
                    if bio.simulated_data.get() {
                        out.push(true_curves.with(|c| line(Bi::new("시뮬레이터 (정답)", "simulator (truth)"), (222, 120, 0), true, c.get(k))));
                    }
                    out
                });
                view! {
                    <LineChart series=series x_label=Bi::interned(ko, en) y_label=Bi::new("평균 역가 (mg/L)", "mean titer (mg/L)")
                        x_range=(range.min, range.max) y_shared=curve_scale testid="bio-pd"
                        empty=Bi::new("신경망을 학습하면 여기에 곡선이 나옵니다.", "Train the network to see its curve here.") />
                }
            })
            .collect_view()
    };
    let options = move |selected: RwSignal<usize>| {
        let lang = lang.get();
        bio.feature_names(lang)
            .into_iter()
            .enumerate()
            .map(|(i, name)| view! { <option value=i.to_string() selected=move || selected.get() == i>{name}</option> })
            .collect_view()
    };
    let pick = move |target: RwSignal<usize>| {
        move |ev: leptos::ev::Event| {
            if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                target.set(v);
            }
        }
    };
    let scale = Memo::new(move |_| {
        let spans = [model_surface.get(), true_surface.get()];
        let (lo, hi) = spans
            .iter()
            .flatten()
            .map(Surface::span)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), (lo, hi)| {
                (a.min(lo), b.max(hi))
            });
        (lo <= hi).then_some((lo, hi))
    });
    let field = move |surface: RwSignal<Option<Surface>>| {
        Signal::derive(move || {
            let (lo, hi) = scale.get().unwrap_or((0.0, 1.0));
            surface
                .with(|s| s.as_ref().map(|s| field_of(s, (lo as f32, hi as f32))))
                .unwrap_or_else(|| {
                    field_of(
                        &Surface::from_predictions((0, &[0.0]), (1, &[0.0]), &[0.0]),
                        (0.0, 1.0),
                    )
                })
        })
    };
    let axis_name = move |pick_y: bool| {
        let (x, y) = axes.get();
        let (ko, en) = names.get();
        let k = if pick_y { y } else { x };
        Bi::interned(
            ko.get(k).cloned().unwrap_or_default(),
            en.get(k).cloned().unwrap_or_default(),
        )
    };
    let peak = move |surface: RwSignal<Option<Surface>>, who: Bi| {
        move || {
            let lang = lang.get();
            surface.get().map(|s| {
                let (x, y, z) = s.peak();
                let (xn, yn) = (axis_name(false).get(lang), axis_name(true).get(lang));
                lang.pick(
                    format!(
                        "{}의 꼭대기: {xn} {x:.2}, {yn} {y:.2} → {z:.0} mg/L",
                        who.get(lang)
                    ),
                    format!(
                        "Top of the {}: {xn} {x:.2}, {yn} {y:.2} → {z:.0} mg/L",
                        who.get(lang)
                    ),
                )
            })
        }
    };
    let legend = move || {
        let lang = lang.get();
        scale.get().map(|(lo, hi)| {
            lang.pick(
                format!("색: 역가 {lo:.0} mg/L(연한 노랑)부터 {hi:.0} mg/L(짙은 파랑)까지, 두 그림이 같은 눈금입니다. 나머지 조건은 훈련 세트 평균에 둡니다."),
                format!("Colour: titer from {lo:.0} mg/L (pale yellow) to {hi:.0} mg/L (deep blue), the same scale in both plots. The other conditions are held at their training means."),
            )
        })
    };
    let plot = move |surface: RwSignal<Option<Surface>>,
                     who: Bi,
                     testid: &'static str,
                     waiting: Bi| {
        move || {
            let _ = axes.get();
            let (x_label, y_label) = (axis_name(false), axis_name(true));
            if surface.with(Option::is_none) {
                return view! { <p class="plot-empty hint" data-testid=format!("{testid}-empty")>{move || waiting.get(lang.get())}</p> }.into_any();
            }
            let description = Signal::derive(move || peak(surface, who)().unwrap_or_default());
            view! { <FieldPlot field=field(surface) x_label=x_label y_label=y_label description=description testid=testid /> }.into_any()
        }
    };
    let plots = view! {
        <div class="plot-grid">
            <div>
                <h4>{tr("신경망", "The network")}</h4>
                {plot(model_surface, Bi::new("신경망", "network"), "bio-surface-model", Bi::new("신경망을 학습하면 여기에 표면이 나옵니다.", "Train the network to see its surface here."))}
            </div>
            <Show when=move || bio.simulated_data.get()>
                <div>
                    <h4>{tr("시뮬레이터 (정답)", "The simulator (truth)")}</h4>
                    {plot(true_surface, Bi::new("시뮬레이터", "simulator"), "bio-surface-truth", Bi::new("시뮬레이터를 돌리는 중…", "Running the simulator…"))}
                </div>
            </Show>
        </div>
    };
    view! {
        <section class="panel" aria-labelledby="bio-step-6">
            <h2 id="bio-step-6">{tr("6 · 모델이 배운 것 읽기", "6 · Read what the model learned")}</h2>
            <super::text::DependenceText />
            <div class="plot-grid pd-grid" data-testid="bio-pd-grid">{charts}</div>
            <h3>{tr("반응 표면: 두 조건을 함께 바꾸기", "Response surface: two conditions at once")}</h3>
            <div class="field-row">
                <div class="field select">
                    <label for="bio-surface-x">{tr("가로축 조건", "Horizontal condition")}</label>
                    <select id="bio-surface-x" on:change=pick(bio.surface_x)>{move || options(bio.surface_x)}</select>
                </div>
                <div class="field select">
                    <label for="bio-surface-y">{tr("세로축 조건", "Vertical condition")}</label>
                    <select id="bio-surface-y" on:change=pick(bio.surface_y)>{move || options(bio.surface_y)}</select>
                </div>
            </div>
            {plots}
            <p class="hint" data-testid="bio-surface-legend">{legend}</p>
            <p data-testid="bio-surface-peaks">{peak(model_surface, Bi::new("신경망", "network"))} " " {peak(true_surface, Bi::new("시뮬레이터", "simulator"))}</p>
        </section>
    }
}

/// A surface as a field: rows from the top (largest y), the colour scale `(low, high)`.
fn field_of(surface: &Surface, (low, high): (f32, f32)) -> Field {
    let (nx, ny) = (surface.x_values.len(), surface.y_values.len());
    let grid = Array2::from_shape_fn((ny, nx), |(r, c)| surface.z[ny - 1 - r][c] as f32);
    let (x, y, _) = surface.peak();
    let ends = |v: &[f64]| {
        (
            v.first().copied().unwrap_or(0.0),
            v.last().copied().unwrap_or(1.0),
        )
    };
    Field {
        grid,
        colors: FieldColors::Sequential { low, high },
        x_range: ends(&surface.x_values),
        y_range: ends(&surface.y_values),
        points: Vec::new(),
        path: vec![(x, y)],
        boundary: Vec::new(),
    }
}
