//! A 2-D field under points and a path: a classifier's probability over the plane (the perceptron
//! lesson) or a loss surface with a gradient-descent path (the backpropagation lesson). The field
//! is a grid of coloured cells; high-class points are red circles, low-class points blue squares
//! (shape as well as colour, 10 px across with a white rim), a decision boundary a black line, the
//! path a dark line through numbered steps.

use super::canvas::{prepare, use_plot_canvas};
use super::heatmap::diverging;
use crate::theory::plane::boundary::Segment;
use crate::ui::i18n::{Bi, use_lang};
use leptos::prelude::*;
use ndarray::Array2;
use plotters::prelude::*;

/// CSS height of the plot.
const HEIGHT: f64 = 340.0;

/// How grid values become colours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FieldColors {
    /// Probabilities in `[0, 1]`: blue below 0.5, white at 0.5, red above.
    Probability,
    /// Non-negative magnitudes (a loss): white at the smallest, deep purple at the largest, on a
    /// log scale so the bowl's floor stays visible.
    LogMagnitude,
    /// A quantity on a fixed linear scale from `low` (pale yellow) through green to `high` (deep
    /// blue), so two plots with the same scale compare cell by cell (a model's response surface
    /// beside the truth's).
    Sequential {
        /// The value drawn palest.
        low: f32,
        /// The value drawn darkest.
        high: f32,
    },
}

/// The [`FieldColors::Sequential`] colour of `t` in `[0, 1]` (pale yellow → green → deep blue,
/// the YlGnBu ramp).
pub fn sequential(t: f32) -> RGBColor {
    const STOPS: [(f32, f32, f32); 3] = [
        (255.0, 255.0, 204.0),
        (65.0, 182.0, 196.0),
        (37.0, 52.0, 148.0),
    ];
    let t = t.clamp(0.0, 1.0) * 2.0;
    let (i, f) = if t >= 1.0 { (1, t - 1.0) } else { (0, t) };
    let (a, b) = (STOPS[i], STOPS[i + 1]);
    let mix = |x: f32, y: f32| (x + (y - x) * f).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// What the plot shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// `[rows, cols]` cell values, row 0 at the top (largest y), column 0 at the left.
    pub grid: Array2<f32>,
    /// How to colour them.
    pub colors: FieldColors,
    /// The x range the columns span.
    pub x_range: (f64, f64),
    /// The y range the rows span.
    pub y_range: (f64, f64),
    /// Labelled points `(x, y, high)`.
    pub points: Vec<(f64, f64, bool)>,
    /// A path through the plane, drawn in order.
    pub path: Vec<(f64, f64)>,
    /// Straight pieces of a decision boundary (see [`crate::theory::plane::boundary::contour`]).
    pub boundary: Vec<Segment>,
}

/// The plot of `field`.
#[component]
pub fn FieldPlot(
    /// The field, points and path.
    #[prop(into)]
    field: Signal<Field>,
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
        let (lang, field) = (lang.get(), field.get());
        Some(move |canvas: &web_sys::HtmlCanvasElement| {
            draw(canvas, &field, x_label.get(lang), y_label.get(lang))
        })
    });
    view! {
        <figure class="plot field-plot">
            <canvas node_ref=canvas style=format!("height:{HEIGHT}px") role="img" aria-label=move || description.get() data-testid=testid></canvas>
        </figure>
    }
}

fn cell_color(colors: FieldColors, value: f32, (low, high): (f32, f32)) -> RGBColor {
    match colors {
        FieldColors::Probability => diverging((value - 0.5) * 1.6, 1.0),
        FieldColors::LogMagnitude => {
            let (l, h, v) = (
                low.max(1e-6).ln(),
                high.max(1e-6).ln(),
                value.max(1e-6).ln(),
            );
            let t = if h > l {
                ((v - l) / (h - l)).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let mix = |a: f32, b: f32| (a + (b - a) * t).round() as u8;
            RGBColor(mix(255.0, 84.0), mix(255.0, 39.0), mix(255.0, 143.0))
        }
        FieldColors::Sequential { low, high } => sequential(if high > low {
            (value - low) / (high - low)
        } else {
            0.5
        }),
    }
}

fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    field: &Field,
    x_label: &str,
    y_label: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let (backend, s) = prepare(canvas, HEIGHT).ok_or("no 2D canvas")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE)?;
    let font = |size: f64| ("sans-serif", size * s).into_font();
    let ((x0, x1), (y0, y1)) = (field.x_range, field.y_range);
    let mut chart = ChartBuilder::on(&root)
        .margin((10.0 * s) as u32)
        .margin_right((24.0 * s) as u32)
        // Room for the tick numbers and, below them, the axis title (Firefox's taller text too).
        .x_label_area_size((44.0 * s) as u32)
        .y_label_area_size((52.0 * s) as u32)
        .build_cartesian_2d(x0..x1, y0..y1)?;
    let (rows, cols) = field.grid.dim();
    let range = field
        .grid
        .iter()
        .filter(|v| v.is_finite())
        .fold((f32::MAX, f32::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    let (dx, dy) = ((x1 - x0) / cols as f64, (y1 - y0) / rows as f64);
    chart.draw_series(field.grid.indexed_iter().map(|((r, c), &v)| {
        let (left, top) = (x0 + c as f64 * dx, y1 - r as f64 * dy);
        Rectangle::new(
            [(left, top), (left + dx, top - dy)],
            cell_color(field.colors, v, range).filled(),
        )
    }))?;
    chart
        .configure_mesh()
        .disable_mesh()
        .label_style(font(12.0))
        .x_label_formatter(&|v| tick(*v))
        .y_label_formatter(&|v| tick(*v))
        .axis_desc_style(font(13.0))
        .x_desc(x_label)
        .y_desc(y_label)
        .draw()?;
    if !field.boundary.is_empty() {
        let line = BLACK.stroke_width((2.5 * s).round() as u32);
        chart.draw_series(
            field
                .boundary
                .iter()
                .map(|segment| PathElement::new(segment.to_vec(), line)),
        )?;
    }
    // A circle 10 px across, and a smaller square (8.5 px) so both look the same size.
    let (radius, half) = ((5.0 * s) as i32, (4.25 * s) as i32);
    let rim = WHITE.stroke_width((1.5 * s).round() as u32);
    let (red, blue) = (RGBColor(190, 30, 45), RGBColor(30, 80, 170));
    chart.draw_series(field.points.iter().filter(|p| p.2).map(|&(x, y, _)| {
        EmptyElement::at((x, y))
            + Circle::new((0, 0), radius as u32, red.filled())
            + Circle::new((0, 0), radius as u32, rim)
    }))?;
    chart.draw_series(field.points.iter().filter(|p| !p.2).map(|&(x, y, _)| {
        EmptyElement::at((x, y))
            + Rectangle::new([(-half, -half), (half, half)], blue.filled())
            + Rectangle::new([(-half, -half), (half, half)], rim)
    }))?;
    if !field.path.is_empty() {
        let clamp = |(x, y): (f64, f64)| {
            let (mx, my) = ((x1 - x0) * 0.02, (y1 - y0) * 0.02);
            (x.clamp(x0 - mx, x1 + mx), y.clamp(y0 - my, y1 + my))
        };
        let path: Vec<(f64, f64)> = field.path.iter().copied().map(clamp).collect();
        let ink = RGBColor(20, 20, 20);
        chart.draw_series(LineSeries::new(
            path.clone(),
            ink.stroke_width((2.0 * s) as u32),
        ))?;
        chart.draw_series(
            path.iter()
                .map(|&p| Circle::new(p, (3.0 * s) as u32, ink.filled())),
        )?;
    }
    root.present()?;
    Ok(())
}

/// A tick label: no trailing `.0`, no `-0`, a real minus sign.
fn tick(v: f64) -> String {
    let text = format!("{v:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text);
    match text {
        "-0" => "0".to_string(),
        t => t.replacen('-', "−", 1),
    }
}
