//! A line chart of several series against a shared x axis (training curves: loss and accuracy per
//! epoch), with an HTML legend that follows the language and never covers the data.

use super::canvas::{css_color, prepare, use_plot_canvas};
use crate::ui::i18n::{Bi, use_lang};
use leptos::prelude::*;
use plotters::prelude::*;

/// One line: its legend name, colour, style and points.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Legend text.
    pub name: Bi,
    /// `(r, g, b)`.
    pub color: (u8, u8, u8),
    /// Drawn dashed (validation curves).
    pub dashed: bool,
    /// `(x, y)` points; non-finite y values are skipped.
    pub points: Vec<(f64, f64)>,
}

/// An axis's `(low, high)`.
type Range = (f64, f64);

/// CSS height of a chart.
const HEIGHT: f64 = 240.0;

/// A chart of `series`, redrawn when they, the language or the window size change.
#[component]
pub fn LineChart(
    /// The lines.
    #[prop(into)]
    series: Signal<Vec<Series>>,
    /// X-axis title.
    x_label: Bi,
    /// Y-axis title.
    y_label: Bi,
    /// Fixed y range (otherwise fitted to the data).
    #[prop(optional)]
    y_range: Option<(f64, f64)>,
    /// A y range that follows a signal (several charts on one scale, so their curves compare);
    /// it wins over `y_range`.
    #[prop(optional)]
    y_shared: Option<Signal<(f64, f64)>>,
    /// Fixed x range, six ticks labelled with the decimals their spacing needs (otherwise the
    /// data's, from 1 at most — epochs — with whole-number ticks).
    #[prop(optional)]
    x_range: Option<(f64, f64)>,
    /// `data-testid` of the canvas.
    testid: &'static str,
    /// What to say instead of drawing empty axes while no series has a point (default: "train to
    /// see the curves"): a card laid over the canvas, so the page does not reflow when the first
    /// point arrives; it has `data-testid="<testid>-empty"`.
    #[prop(optional)]
    empty: Option<Bi>,
) -> impl IntoView {
    let lang = use_lang();
    let empty = empty.unwrap_or(Bi::new(
        "아직 그릴 것이 없습니다. 학습하면 여기에 곡선이 나타납니다.",
        "Nothing to draw yet: train to see the curves here.",
    ));
    // One check per change of the series (a derived signal recomputes on every read).
    let is_empty = Memo::new(move |_| {
        series.with(|series| {
            series
                .iter()
                .all(|s| s.points.iter().all(|p| !p.1.is_finite()))
        })
    });
    let canvas = use_plot_canvas(move || {
        let (lang, series) = (lang.get(), series.get());
        let y_range = y_shared.map(|s| s.get()).or(y_range);
        Some(move |canvas: &web_sys::HtmlCanvasElement| {
            draw(
                canvas,
                &series,
                x_label.get(lang),
                y_label.get(lang),
                (x_range, y_range),
            )
        })
    });
    let legend = move || {
        series.with(|series| {
            series
                .iter()
                .map(|s| {
                    let style = format!(
                        "background:{};{}",
                        css_color(RGBColor(s.color.0, s.color.1, s.color.2)),
                        if s.dashed { "opacity:.6" } else { "" }
                    );
                    let name = s.name;
                    view! {
                        <li>
                            <span class="swatch" class:dashed=s.dashed style=style></span>
                            {move || name.get(lang.get())}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let description = move || {
        let lang = lang.get();
        series.with(|series| {
            let parts: Vec<String> = series
                .iter()
                .filter_map(|s| {
                    s.points
                        .last()
                        .map(|p| format!("{} {:.4}", s.name.get(lang), p.1))
                })
                .collect();
            format!("{}: {}", y_label.get(lang), parts.join(", "))
        })
    };
    view! {
        <figure class="plot" class:empty=is_empty>
            <Show when=move || is_empty.get()>
                <p class="plot-empty" style=format!("height:{HEIGHT}px") data-testid=format!("{testid}-empty")>
                    {move || empty.get(lang.get())}
                </p>
            </Show>
            <canvas node_ref=canvas style=format!("height:{HEIGHT}px") role="img" aria-label=description data-testid=testid></canvas>
            <figcaption class:hidden=is_empty>
                <ul class="legend">{legend}</ul>
            </figcaption>
        </figure>
    }
}

fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    series: &[Series],
    x_label: &str,
    y_label: &str,
    (x_range, y_range): (Option<Range>, Option<Range>),
) -> Result<(), Box<dyn std::error::Error>> {
    let (backend, s) = prepare(canvas, HEIGHT).ok_or("no 2D canvas")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE)?;
    let points = || {
        series
            .iter()
            .flat_map(|s| s.points.iter())
            .filter(|p| p.1.is_finite())
    };
    // Epochs start at 1; other x axes (steps from 0, an activation's z) start where their data do.
    let (x_min, x_max) = x_range.unwrap_or_else(|| {
        let x_min = points().map(|p| p.0).fold(1.0, f64::min);
        (
            x_min,
            points().map(|p| p.0).fold(1.0, f64::max).max(x_min + 1.0),
        )
    });
    // A fixed range labels six ticks, with the decimals their spacing needs.
    let x_labels = if x_range.is_some() { 6 } else { 10 };
    let decimals = x_range.map(|(lo, hi)| {
        let step = ((hi - lo) / x_labels as f64).max(1e-9);
        (-step.log10().floor()).max(0.0) as usize
    });
    let (low, high) = y_range.unwrap_or_else(|| {
        let (lo, hi) = points().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
            (lo.min(p.1), hi.max(p.1))
        });
        if lo > hi {
            (0.0, 1.0)
        } else {
            (lo.min(0.0), hi + (hi - lo).max(0.1) * 0.08)
        }
    });
    // Two decimals for losses and scores; fewer for large values (titers in mg/L), whose ticks
    // would otherwise run into the axis title.
    let y_decimals = match (high - low).abs() {
        span if span >= 100.0 => 0,
        span if span >= 10.0 => 1,
        _ => 2,
    };
    let font = |size: f64| ("sans-serif", size * s).into_font();
    let mut chart = ChartBuilder::on(&root)
        .margin((10.0 * s) as u32)
        // Room for half of the last x tick ("2000" epochs) at the right edge.
        .margin_right((22.0 * s) as u32)
        // Room for the tick numbers and, below them, the axis title (36 px made them touch).
        .x_label_area_size((44.0 * s) as u32)
        // Room for a signed tick (−1.50) beside the rotated axis title.
        .y_label_area_size((62.0 * s) as u32)
        .build_cartesian_2d(x_min..x_max, low..high)?;
    chart
        .configure_mesh()
        .max_light_lines(1)
        .x_labels(x_labels)
        .x_label_formatter(&|x| match decimals {
            Some(d) => crate::lang::numbers::signed(*x, d),
            None if (x - x.round()).abs() < 1e-6 => crate::lang::numbers::signed(x.round(), 0),
            None => String::new(),
        })
        .y_label_formatter(&|y| crate::lang::numbers::signed(*y, y_decimals))
        .label_style(font(12.0))
        .axis_desc_style(font(13.0))
        .x_desc(x_label)
        .y_desc(y_label)
        .light_line_style(RGBColor(238, 238, 238))
        .draw()?;
    for line in series {
        let color = RGBColor(line.color.0, line.color.1, line.color.2);
        let style = color.stroke_width((2.0 * s) as u32);
        let data: Vec<(f64, f64)> = line
            .points
            .iter()
            .copied()
            .filter(|p| p.1.is_finite())
            .collect();
        if line.dashed {
            chart.draw_series(DashedLineSeries::new(
                data.clone(),
                (6.0 * s) as u32,
                (4.0 * s) as u32,
                style,
            ))?;
        } else {
            chart.draw_series(LineSeries::new(data.clone(), style))?;
        }
        // Dots mark each point of short series (epochs); long ones are drawn as plain lines.
        if data.len() <= 60 {
            chart.draw_series(
                data.into_iter()
                    .map(|p| Circle::new(p, (2.5 * s) as u32, color.filled())),
            )?;
        }
    }
    root.present()?;
    Ok(())
}
