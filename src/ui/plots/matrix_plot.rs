//! A matrix as an image: one coloured cell per value (a position × amino-acid map, a residue ×
//! residue distance map), with axes, optional marks on chosen cells and highlighted columns. The
//! cells are written as pixels (`ImageData`) and scaled onto the plot area in one draw, so a
//! 237 × 237 map costs one image, not 56,000 rectangles.

use super::canvas::{prepare, use_plot_canvas};
use super::heatmap::diverging;
use crate::ui::i18n::{Bi, use_lang};
use leptos::prelude::*;
use ndarray::Array2;
use plotters::prelude::*;
use wasm_bindgen::{Clamped, JsCast};

/// How values become colours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MatrixColors {
    /// Blue below `center`, white at it, red above; the scale is the largest distance from it.
    Diverging {
        /// The neutral value.
        center: f32,
    },
    /// Dark purple at the smallest value, white at the largest (near = dark, for distances).
    Closeness,
}

/// What the plot shows. Non-finite values (not measured) are light grey.
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix {
    /// `[rows, cols]`, row 0 at the top.
    pub values: Array2<f32>,
    /// A label per row (amino acids), or none for numbered rows.
    pub row_labels: Vec<String>,
    /// How to colour.
    pub colors: MatrixColors,
    /// Cells marked with a small dot (`(row, col)`: measured variants on a prediction).
    pub marks: Vec<(usize, usize)>,
    /// Columns outlined (the chromophore).
    pub highlight: Vec<usize>,
}

/// The plot of `matrix` (nothing drawn while it is `None`; `empty` says why).
#[component]
pub fn MatrixPlot(
    /// The matrix.
    #[prop(into)]
    matrix: Signal<Option<Matrix>>,
    /// X-axis title (columns).
    x_label: Bi,
    /// Y-axis title (rows).
    y_label: Bi,
    /// Text alternative.
    #[prop(into)]
    description: Signal<String>,
    /// What to say while there is nothing to draw.
    empty: Bi,
    /// CSS height.
    #[prop(default = 320.0)]
    height: f64,
    /// `data-testid` of the canvas.
    testid: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let is_empty = Memo::new(move |_| matrix.with(Option::is_none));
    let canvas = use_plot_canvas(move || {
        let (lang, matrix) = (lang.get(), matrix.get()?);
        Some(move |canvas: &web_sys::HtmlCanvasElement| {
            draw(
                canvas,
                &matrix,
                height,
                x_label.get(lang),
                y_label.get(lang),
            )
        })
    });
    view! {
        <figure class="plot" class:empty=is_empty>
            <Show when=move || is_empty.get()>
                <p class="plot-empty" style=format!("height:{height}px") data-testid=format!("{testid}-empty")>
                    {move || empty.get(lang.get())}
                </p>
            </Show>
            <canvas node_ref=canvas style=format!("height:{height}px") role="img" aria-label=move || description.get() data-testid=testid></canvas>
        </figure>
    }
}

/// The colour of `value` (RGB).
fn color(colors: MatrixColors, value: f32, (low, high): (f32, f32), scale: f32) -> [u8; 3] {
    if !value.is_finite() {
        return [225, 225, 225];
    }
    match colors {
        MatrixColors::Diverging { center } => {
            let c = diverging(value - center, scale);
            [c.0, c.1, c.2]
        }
        MatrixColors::Closeness => {
            let t = if high > low {
                ((value - low) / (high - low)).clamp(0.0, 1.0)
            } else {
                1.0
            };
            let mix = |dark: f32| (dark + (255.0 - dark) * t).round() as u8;
            [mix(60.0), mix(20.0), mix(110.0)]
        }
    }
}

fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    matrix: &Matrix,
    height: f64,
    x_label: &str,
    y_label: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let (rows, cols) = matrix.values.dim();
    if rows == 0 || cols == 0 {
        return Ok(());
    }
    let (backend, s) = prepare(canvas, height).ok_or("no 2D canvas")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE)?;
    let font = |size: f64| ("sans-serif", size * s).into_font();
    let labelled = !matrix.row_labels.is_empty();
    let mut chart = ChartBuilder::on(&root)
        .margin((8.0 * s) as u32)
        .x_label_area_size((44.0 * s) as u32)
        .y_label_area_size(((if labelled { 40.0 } else { 52.0 }) * s) as u32)
        .build_cartesian_2d(-0.5..cols as f64 - 0.5, -0.5..rows as f64 - 0.5)?;
    let row_labels = matrix.row_labels.clone();
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(12)
        .y_labels(if labelled { rows } else { 8 })
        .x_label_formatter(&|x| {
            if (x - x.round()).abs() < 1e-6 && *x >= 0.0 {
                format!("{}", x.round() as i64)
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|y| {
            let r = y.round();
            if (y - r).abs() > 1e-6 || r < 0.0 {
                return String::new();
            }
            // Row 0 is drawn at the top: the y coordinate counts from the bottom.
            let row = rows - 1 - r as usize;
            row_labels
                .get(row)
                .cloned()
                .unwrap_or_else(|| row.to_string())
        })
        .label_style(font(if labelled { 10.0 } else { 12.0 }))
        .axis_desc_style(font(13.0))
        .x_desc(x_label)
        .y_desc(y_label)
        .draw()?;
    let (xs, ys) = chart.plotting_area().get_pixel_range();
    // The cells as pixels, scaled onto the plot area without smoothing.
    let finite = matrix.values.iter().filter(|v| v.is_finite());
    let (low, high) = finite
        .clone()
        .fold((f32::MAX, f32::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    let scale = match matrix.colors {
        MatrixColors::Diverging { center } => finite
            .map(|v| (v - center).abs())
            .fold(0.0f32, f32::max)
            .max(1e-6),
        MatrixColors::Closeness => 1.0,
    };
    let mut pixels = Vec::with_capacity(rows * cols * 4);
    for &v in &matrix.values {
        let [r, g, b] = color(matrix.colors, v, (low, high), scale);
        pixels.extend_from_slice(&[r, g, b, 255]);
    }
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let image = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
        Clamped(&pixels),
        cols as u32,
        rows as u32,
    )
    .map_err(|_| "no image")?;
    let cells: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| "no canvas")?
        .dyn_into()
        .map_err(|_| "not a canvas")?;
    cells.set_width(cols as u32);
    cells.set_height(rows as u32);
    let context = |c: &web_sys::HtmlCanvasElement| {
        c.get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    };
    let (Some(small), Some(target)) = (context(&cells), context(canvas)) else {
        return Err("no 2D context".into());
    };
    small
        .put_image_data(&image, 0.0, 0.0)
        .map_err(|_| "put_image_data")?;
    target.set_image_smoothing_enabled(false);
    let (x0, y0) = (f64::from(xs.start), f64::from(ys.start));
    let (w, h) = (f64::from(xs.end - xs.start), f64::from(ys.end - ys.start));
    target
        .draw_image_with_html_canvas_element_and_dw_and_dh(&cells, x0, y0, w, h)
        .map_err(|_| "draw_image")?;
    // Highlighted columns, then the marks, on top of the cells.
    let y_of = |row: usize| (rows - 1 - row) as f64;
    for &c in &matrix.highlight {
        chart.draw_series(std::iter::once(Rectangle::new(
            [(c as f64 - 0.5, rows as f64 - 0.5), (c as f64 + 0.5, -0.5)],
            BLACK.stroke_width((1.5 * s).round().max(1.0) as u32),
        )))?;
    }
    let radius = ((w / cols as f64).min(h / rows as f64) * 0.22).clamp(1.0, 3.0 * s) as u32;
    chart.draw_series(
        matrix
            .marks
            .iter()
            .map(|&(r, c)| Circle::new((c as f64, y_of(r)), radius, BLACK.filled())),
    )?;
    root.present()?;
    Ok(())
}
