//! Bars over a numeric axis: a histogram (bin edges and counts), each bar coloured by which side of
//! a threshold its middle lies (dark vs bright variants), with the threshold drawn as a line.

use super::canvas::{prepare, use_plot_canvas};
use crate::ui::i18n::{Bi, use_lang};
use leptos::prelude::*;
use plotters::prelude::*;

/// CSS height of the chart.
const HEIGHT: f64 = 260.0;
/// Bars below the threshold.
const BELOW: RGBColor = RGBColor(120, 130, 145);
/// Bars at or above it.
const ABOVE: RGBColor = RGBColor(23, 150, 72);

/// What the chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Bars {
    /// `n + 1` edges.
    pub edges: Vec<f64>,
    /// `n` heights.
    pub heights: Vec<f64>,
    /// Bars whose middle is at or above this are coloured apart, and a line marks it.
    pub threshold: Option<f64>,
}

/// A bar chart of `bars`.
#[component]
pub fn BarChart(
    /// The bars.
    #[prop(into)]
    bars: Signal<Option<Bars>>,
    /// X-axis title.
    x_label: Bi,
    /// Y-axis title.
    y_label: Bi,
    /// Text alternative.
    #[prop(into)]
    description: Signal<String>,
    /// `data-testid` of the canvas.
    testid: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let canvas = use_plot_canvas(move || {
        let (lang, bars) = (lang.get(), bars.get()?);
        Some(move |canvas: &web_sys::HtmlCanvasElement| {
            draw(canvas, &bars, x_label.get(lang), y_label.get(lang))
        })
    });
    view! {
        <figure class="plot">
            <canvas node_ref=canvas style=format!("height:{HEIGHT}px") role="img" aria-label=move || description.get() data-testid=testid></canvas>
        </figure>
    }
}

fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    bars: &Bars,
    x_label: &str,
    y_label: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let (Some(&x0), Some(&x1)) = (bars.edges.first(), bars.edges.last()) else {
        return Ok(());
    };
    let (backend, s) = prepare(canvas, HEIGHT).ok_or("no 2D canvas")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE)?;
    let font = |size: f64| ("sans-serif", size * s).into_font();
    let top = bars.heights.iter().copied().fold(0.0, f64::max).max(1.0) * 1.08;
    let widest = crate::lang::grouped(top as usize).chars().count();
    let mut chart = ChartBuilder::on(&root)
        .margin((10.0 * s) as u32)
        .margin_right((16.0 * s) as u32)
        .x_label_area_size((44.0 * s) as u32)
        .y_label_area_size(((widest as f64 * 7.5 + 30.0) * s) as u32)
        .build_cartesian_2d(x0..x1, 0.0..top)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .max_light_lines(1)
        .x_labels(8)
        .y_labels(5)
        .x_label_formatter(&|x| crate::lang::numbers::signed(*x, 1))
        .y_label_formatter(&|y| crate::lang::grouped(y.round().max(0.0) as usize))
        .label_style(font(12.0))
        .axis_desc_style(font(13.0))
        .x_desc(x_label)
        .y_desc(y_label)
        .light_line_style(RGBColor(238, 238, 238))
        .draw()?;
    chart.draw_series(bars.edges.windows(2).zip(&bars.heights).map(|(edge, &h)| {
        let middle = (edge[0] + edge[1]) / 2.0;
        let color = match bars.threshold {
            Some(t) if middle >= t => ABOVE,
            _ => BELOW,
        };
        Rectangle::new([(edge[0], 0.0), (edge[1], h)], color.filled())
    }))?;
    if let Some(t) = bars.threshold {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(t, 0.0), (t, top)],
            BLACK.stroke_width((1.5 * s).round().max(1.0) as u32),
        )))?;
    }
    root.present()?;
    Ok(())
}
