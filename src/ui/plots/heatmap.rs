//! A heatmap of per-position, per-base values (in-silico mutagenesis): columns are positions, rows
//! the bases A (top), C, G, T; blue below zero, red above, white at zero, the sequence's own base
//! marked with a dot.

use super::canvas::{prepare, use_plot_canvas};
use crate::bio::alphabet::{Base, Symbol};
use crate::ui::i18n::{Bi, use_lang};
use leptos::prelude::*;
use ndarray::Array2;
use plotters::prelude::*;

/// CSS height of the heatmap.
const HEIGHT: f64 = 200.0;

/// The colour of `value` on a blue–white–red scale symmetric around 0 with extreme `scale`.
pub fn diverging(value: f32, scale: f32) -> RGBColor {
    let t = if scale > 0.0 {
        (value / scale).clamp(-1.0, 1.0)
    } else {
        0.0
    };
    let mix = |from: u8, to: u8, t: f32| {
        (f32::from(from) + (f32::from(to) - f32::from(from)) * t).round() as u8
    };
    if t >= 0.0 {
        RGBColor(mix(255, 200, t), mix(255, 30, t), mix(255, 40, t))
    } else {
        RGBColor(mix(255, 30, -t), mix(255, 90, -t), mix(255, 180, -t))
    }
}

/// The heatmap of `values` (`[L, 4]`) over `sequence`.
#[component]
pub fn Heatmap(
    /// `[L, 4]` values (columns A, C, G, T).
    #[prop(into)]
    values: Signal<Array2<f32>>,
    /// The sequence (its bases are marked).
    #[prop(into)]
    sequence: Signal<Vec<Symbol>>,
    /// What the colour means (for the caption).
    caption: Bi,
    /// `data-testid` of the canvas.
    testid: &'static str,
    /// What to say instead of drawing empty axes while there are no values (default: "computing
    /// the variants…"); it has `data-testid="<testid>-empty"`.
    #[prop(optional)]
    empty: Option<Bi>,
) -> impl IntoView {
    let lang = use_lang();
    let empty = empty.unwrap_or(Bi::new(
        "모든 변이를 예측하는 중…",
        "Predicting every variant…",
    ));
    let is_empty = Memo::new(move |_| values.with(|v| v.nrows() == 0));
    let canvas = use_plot_canvas(move || {
        if is_empty.get() {
            return None;
        }
        let (lang, values, sequence) = (lang.get(), values.get(), sequence.get());
        Some(move |canvas: &web_sys::HtmlCanvasElement| {
            draw(canvas, &values, &sequence, lang.pick("위치", "position"))
        })
    });
    let scale = move || values.with(|v| v.iter().fold(0.0f32, |m, x| m.max(x.abs())));
    view! {
        <figure class="plot" class:empty=is_empty>
            <Show when=move || is_empty.get()>
                <p class="plot-empty" style=format!("height:{HEIGHT}px") data-testid=format!("{testid}-empty")>
                    {move || empty.get(lang.get())}
                </p>
            </Show>
            <canvas node_ref=canvas style=format!("height:{HEIGHT}px") role="img" aria-label=move || caption.get(lang.get()) data-testid=testid></canvas>
            <figcaption class:hidden=is_empty>
                <span class="colorbar" aria-hidden="true"></span>
                {move || format!("−{:.3} … 0 … +{:.3}. ", scale(), scale())}
                {move || caption.get(lang.get())}
            </figcaption>
        </figure>
    }
}

fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    values: &Array2<f32>,
    sequence: &[Symbol],
    x_label: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let (backend, s) = prepare(canvas, HEIGHT).ok_or("no 2D canvas")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE)?;
    let length = values.nrows() as f64;
    let scale = values.iter().fold(0.0f32, |m, x| m.max(x.abs()));
    let font = |size: f64| ("sans-serif", size * s).into_font();
    let mut chart = ChartBuilder::on(&root)
        .margin((8.0 * s) as u32)
        // Room for the tick numbers and, below them, the axis title (32 px made them overlap).
        .x_label_area_size((44.0 * s) as u32)
        .y_label_area_size((28.0 * s) as u32)
        .build_cartesian_2d(-0.5..length - 0.5, -0.5..3.5)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(values.nrows().min(25) + 1)
        .x_label_formatter(&|x| {
            if (x - x.round()).abs() < 1e-6 && *x >= 0.0 {
                format!("{}", x.round() as i64)
            } else {
                String::new()
            }
        })
        .y_labels(5)
        .y_label_formatter(&|y: &f64| {
            let row = y.round();
            if (y - row).abs() < 1e-6 && (0.0..=3.0).contains(&row) {
                Base::from_index(3 - row as usize).letter().to_string()
            } else {
                String::new()
            }
        })
        .label_style(font(12.0))
        .axis_desc_style(font(13.0))
        .x_desc(x_label)
        .draw()?;
    // Row r (bottom = 0) shows base 3 − r, so A is on top.
    chart.draw_series(values.indexed_iter().map(|((i, b), &v)| {
        let (x, y) = (i as f64, (3 - b) as f64);
        Rectangle::new(
            [(x - 0.5, y - 0.5), (x + 0.5, y + 0.5)],
            diverging(v, scale).filled(),
        )
    }))?;
    chart.draw_series(
        sequence
            .iter()
            .enumerate()
            .filter_map(|(i, symbol)| match symbol {
                Symbol::Base(b) => Some(Circle::new(
                    (i as f64, (3 - b.index()) as f64),
                    (3.0 * s) as u32,
                    BLACK.filled(),
                )),
                Symbol::N => None,
            }),
    )?;
    root.present()?;
    Ok(())
}
