//! The score track of a scan: every window's score against its start position, one line per strand.

use super::canvas::{BASE_COLORS, css_color, prepare, use_plot_canvas};
use crate::bio::scan::WindowScore;
use crate::lang::Lang;
use crate::ui::i18n::{Bi, use_lang};
use leptos::prelude::*;
use plotters::prelude::*;

/// CSS height of the track canvas.
const HEIGHT: f64 = 240.0;

/// The two strands: legend text, colour and whether it is the forward strand.
const STRANDS: [(Bi, RGBColor, bool); 2] = [
    (
        Bi::new("+ 가닥 (적힌 그대로)", "+ strand (as written)"),
        BASE_COLORS[1],
        true,
    ),
    (
        Bi::new("− 가닥 (역상보)", "− strand (reverse complement)"),
        BASE_COLORS[2],
        false,
    ),
];

/// Line plot of `scores` (forward and reverse strand), redrawn on change.
#[component]
pub fn ScoreTrack(
    /// The scanned windows.
    #[prop(into)]
    scores: Signal<Vec<WindowScore>>,
    /// The y-axis title (the score's name and unit).
    #[prop(into)]
    y_label: Signal<Bi>,
) -> impl IntoView {
    let lang = use_lang();
    let canvas = use_plot_canvas(move || {
        let lang = lang.get();
        let y_label = y_label.get().get(lang);
        let scores = scores.get();
        let empty = scores.is_empty();
        (!empty).then_some(move |canvas: &web_sys::HtmlCanvasElement| {
            draw(canvas, &scores, y_label, lang)
        })
    });
    let minus_infinite = move || scores.with(|s| minus_infinite(s));
    let description = move || {
        let lang = lang.get();
        let infinite = minus_infinite();
        scores.with(|scores| {
            let best = scores.iter().max_by(|a, b| a.best().total_cmp(&b.best()));
            best.map(|b| {
                let marks = match (infinite, lang) {
                    (0, _) => String::new(),
                    (n, Lang::Ko) => {
                        format!(" 점수가 −∞인 가닥의 창 {n}개는 아래쪽 ▼로 표시합니다.")
                    }
                    (n, Lang::En) => {
                        format!(" {n} strand windows score −∞, marked ▼ at the bottom.")
                    }
                };
                lang.pick(
                    format!(
                        "창 {}개의 점수 그래프. 가장 높은 점수는 위치 {}의 {}.{marks}",
                        scores.len(),
                        b.start,
                        b.window
                    ),
                    format!(
                        "Scores of {} windows; the best is {} at position {}.{marks}",
                        scores.len(),
                        b.window,
                        b.start
                    ),
                )
            })
        })
    };
    view! {
        <figure class="plot">
            <canvas
                node_ref=canvas
                style=format!("height:{HEIGHT}px")
                role="img"
                aria-label=description
                data-testid="score-track"
            ></canvas>
            <figcaption>
                <ul class="legend">
                    {STRANDS
                        .map(|(name, color, _)| {
                            view! {
                                <li>
                                    <span class="swatch" style=format!("background:{}", css_color(color))></span>
                                    {move || name.get(lang.get())}
                                </li>
                            }
                        })
                        .collect_view()}
                    <Show when=move || { minus_infinite() > 0 }>
                        <li data-testid="score-track-minus-infinity">{move || lang.get().pick(
                            "▼ −∞: 그 자리에서 한 번도 보지 못한 염기가 창에 있습니다 (의사 빈도 0)",
                            "▼ −∞: the window holds a base never seen at that position (pseudocount 0)",
                        )}</li>
                    </Show>
                </ul>
            </figcaption>
        </figure>
    }
}

/// How many strand windows (forward and reverse counted apart) score −∞.
fn minus_infinite(scores: &[WindowScore]) -> usize {
    scores
        .iter()
        .flat_map(|w| [w.forward, w.reverse])
        .filter(|v| *v == f64::NEG_INFINITY)
        .count()
}

fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    scores: &[WindowScore],
    y_label: &str,
    lang: Lang,
) -> Result<(), Box<dyn std::error::Error>> {
    let (backend, s) = prepare(canvas, HEIGHT).ok_or("no 2D canvas")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE)?;
    let finite = scores
        .iter()
        .flat_map(|w| [w.forward, w.reverse])
        .filter(|v| v.is_finite());
    let (low, high) = finite.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (low, high) = if low > high { (-1.0, 1.0) } else { (low, high) };
    let pad = ((high - low) * 0.1).max(0.5);
    let last = (scores.len() - 1) as f64;
    let font = |size: f64| ("sans-serif", size * s).into_font();
    // Room for the longest tick ("−20.0") beside the rotated axis title.
    let widest = [low - pad, high + pad]
        .map(|y| crate::lang::numbers::signed(y, 1).chars().count())
        .into_iter()
        .max()
        .unwrap_or(4);
    let mut chart = ChartBuilder::on(&root)
        .margin((10.0 * s) as u32)
        .x_label_area_size((44.0 * s) as u32)
        .y_label_area_size(((widest as f64 * 7.5 + 30.0) * s) as u32)
        .build_cartesian_2d(-0.5..last + 0.5, (low - pad)..(high + pad))?;
    chart
        .configure_mesh()
        .max_light_lines(1)
        .x_labels(scores.len().min(12) + 1)
        .x_label_formatter(&|x| {
            if (x - x.round()).abs() < 1e-6 && *x >= 0.0 {
                format!("{}", x.round() as i64)
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|y| crate::lang::numbers::signed(*y, 1))
        .label_style(font(12.0))
        .axis_desc_style(font(13.0))
        .x_desc(lang.pick("창의 시작 위치", "window start"))
        .y_desc(y_label)
        .light_line_style(RGBColor(238, 238, 238))
        .draw()?;
    // −∞ windows (a base the motif never saw there) are not dropped: a ▼ at the bottom edge, the
    // reverse strand's a little higher so the two never hide each other.
    let floor = |forward: bool| low - pad * if forward { 0.75 } else { 0.4 };
    for (_, color, forward) in STRANDS {
        let score = |w: &WindowScore| if forward { w.forward } else { w.reverse };
        let marks: Vec<(f64, f64)> = scores
            .iter()
            .filter(|w| score(w) == f64::NEG_INFINITY)
            .map(|w| (w.start as f64, floor(forward)))
            .collect();
        // A downward triangle (drawn, not a text glyph, so neighbours may touch).
        let (w, h) = ((4.5 * s) as i32, (8.0 * s) as i32);
        chart.draw_series(marks.into_iter().map(|p| {
            EmptyElement::at(p) + Polygon::new(vec![(-w, -h), (w, -h), (0, 0)], color.filled())
        }))?;
        let points: Vec<(f64, f64)> = scores
            .iter()
            .map(|w| (w.start as f64, score(w)))
            .filter(|p| p.1.is_finite())
            .collect();
        let style = color.stroke_width((2.0 * s) as u32);
        chart.draw_series(LineSeries::new(points.clone(), style))?;
        chart.draw_series(
            points
                .into_iter()
                .map(|p| Circle::new(p, (3.5 * s) as u32, color.filled())),
        )?;
    }
    root.present()?;
    Ok(())
}
