//! Predicted against observed values: one dot per sequence and the line y = x, on which a perfect
//! model's dots would all lie.

use super::canvas::use_plot_canvas;
use crate::ui::i18n::{Bi, use_lang};
use leptos::prelude::*;
use plotters::prelude::*;

/// CSS height of the scatter plot.
const HEIGHT: f64 = 320.0;

/// The scatter of `points` (`(observed, predicted)`).
#[component]
pub fn Scatter(
    /// `(observed, predicted)` pairs.
    #[prop(into)]
    points: Signal<Vec<(f64, f64)>>,
    /// X-axis title.
    x_label: Bi,
    /// Y-axis title.
    y_label: Bi,
    /// Text alternative.
    #[prop(into)]
    description: Signal<String>,
    /// `data-testid` of the canvas.
    testid: &'static str,
    /// Whether x and y are the same quantity (observed and predicted): one range for both and
    /// the line y = x. Otherwise each axis fits its own values.
    #[prop(default = true)]
    identity: bool,
) -> impl IntoView {
    let lang = use_lang();
    let canvas = use_plot_canvas(move || {
        let (lang, points) = (lang.get(), points.get());
        (!points.is_empty()).then_some(move |canvas: &web_sys::HtmlCanvasElement| {
            draw(
                canvas,
                &points,
                identity,
                x_label.get(lang),
                y_label.get(lang),
            )
        })
    });
    view! {
        <figure class="plot scatter">
            <canvas node_ref=canvas style=format!("height:{HEIGHT}px") role="img" aria-label=move || description.get() data-testid=testid></canvas>
        </figure>
    }
}

/// The padded range of `values`.
fn range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (low, high) = values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let pad = ((high - low) * 0.05).max(1e-6);
    (low - pad, high + pad)
}

/// The most characters a tick number on an axis from `low` to `high` takes (sign, digits, point
/// and `decimals` decimals).
fn tick_chars(low: f64, high: f64, decimals: usize) -> f64 {
    let widest = low.abs().max(high.abs()).max(1.0);
    let digits = widest.log10().floor() + 1.0;
    let sign = if low < 0.0 { 1.0 } else { 0.0 };
    let point = if decimals > 0 {
        1.0 + decimals as f64
    } else {
        0.0
    };
    (digits + sign + point).max(3.0)
}

fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    points: &[(f64, f64)],
    identity: bool,
    x_label: &str,
    y_label: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let (backend, s) = super::canvas::prepare(canvas, HEIGHT).ok_or("no 2D canvas")?;
    let context = backend.context();
    let root = backend.into_drawing_area();
    root.fill(&WHITE)?;
    let ((x_low, x_high), (low, high)) = if identity {
        let both = range(points.iter().flat_map(|p| [p.0, p.1]));
        (both, both)
    } else {
        (
            range(points.iter().map(|p| p.0)),
            range(points.iter().map(|p| p.1)),
        )
    };
    // One decimal for values of a few units (ribosome load); none for large ones (titers in
    // mg/L), whose ticks would otherwise run into the axis title.
    let decimals = if high - low >= 100.0 || x_high - x_low >= 100.0 {
        0
    } else {
        1
    };
    let font = |size: f64| ("sans-serif", size * s).into_font();
    let mut chart = ChartBuilder::on(&root)
        .margin((10.0 * s) as u32)
        // Room for the tick numbers and, below them, the axis title (Firefox's taller text too).
        .x_label_area_size((44.0 * s) as u32)
        // Wider for long tick numbers (titers in the thousands), so the axis title stays clear.
        .y_label_area_size(((32.0 + 7.0 * tick_chars(low, high, decimals)) * s) as u32)
        .build_cartesian_2d(x_low..x_high, low..high)?;
    // About one tick number per 60 CSS pixels, so they stay apart on a phone.
    let css_width = f64::from(canvas.width()) / s;
    let x_ticks = ((css_width - 60.0) / 60.0).clamp(3.0, 10.0) as usize;
    chart
        .configure_mesh()
        .x_labels(x_ticks)
        .max_light_lines(1)
        .x_label_formatter(&|x| crate::lang::numbers::signed(*x, decimals))
        .y_label_formatter(&|y| crate::lang::numbers::signed(*y, decimals))
        .label_style(font(12.0))
        .axis_desc_style(font(13.0))
        .x_desc(x_label)
        .y_desc(y_label)
        .light_line_style(RGBColor(238, 238, 238))
        .draw()?;
    // Thousands of dots: drawn straight onto the canvas with one fill style (through plotters each
    // dot would be several calls and a colour string), each dot its own fill so that overlapping
    // dots darken and show where most sequences lie. 3,000 dots took 23–36 ms through plotters,
    // 15 ms as arcs and 2 ms as squares in headless Firefox.
    let centres: Vec<(i32, i32)> = points.iter().map(|p| chart.backend_coord(p)).collect();
    let (from, to) = (
        chart.backend_coord(&(low, low)),
        chart.backend_coord(&(high, high)),
    );
    let diagonal = identity;
    root.present()?;
    context.set_fill_style_str("rgba(37, 92, 153, 0.35)");
    // Small squares: one call per dot (a round dot is three), the same look at this size.
    let side = (3.5 * s).round();
    let half = side / 2.0;
    for (x, y) in centres {
        context.fill_rect(f64::from(x) - half, f64::from(y) - half, side, side);
    }
    // The line y = x on top of the dots.
    if !diagonal {
        return Ok(());
    }
    context.set_stroke_style_str("rgb(164, 22, 26)");
    context.set_line_width(2.0 * s);
    context.begin_path();
    context.move_to(f64::from(from.0), f64::from(from.1));
    context.line_to(f64::from(to.0), f64::from(to.1));
    context.stroke();
    Ok(())
}
