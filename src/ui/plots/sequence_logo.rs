//! A sequence logo: at every motif position the four letters are stacked, each as tall as
//! `p[b, j] · IC_j` bits (information content, [`Pwm::information_content`]), the most likely on
//! top. A switch shows plain probabilities instead (every stack 1 tall), which reads better when
//! few sites make every position's information small.

use super::canvas::{BASE_COLORS, prepare, use_plot_canvas};
use super::glyphs::glyph;
use crate::bio::alphabet::Base;
use crate::bio::motif::Pwm;
use crate::lang::Lang;
use crate::ui::i18n::{Bi, use_lang};
use crate::ui::widgets::RadioGroup;
use leptos::prelude::*;
use plotters::prelude::*;

/// Default CSS height of the logo canvas.
pub const DEFAULT_HEIGHT: f64 = 220.0;

/// The logo of `pwm`, redrawn when the matrix, the language or the window size changes.
#[component]
pub fn SequenceLogo(
    /// The motif to draw (nothing is drawn while `None`).
    #[prop(into)]
    pwm: Signal<Option<Pwm>>,
    /// An outside bits/probability switch (several logos sharing one); without it the logo shows
    /// its own switch.
    #[prop(optional)]
    bits: Option<RwSignal<bool>>,
    /// CSS height of the canvas.
    #[prop(default = DEFAULT_HEIGHT)]
    height: f64,
    /// `data-testid` of the canvas.
    #[prop(default = "sequence-logo")]
    testid: &'static str,
    /// Hide the text caption (when the logo sits in a labelled grid).
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let lang = use_lang();
    let own_switch = bits.is_none();
    let bits = bits.unwrap_or_else(|| RwSignal::new(true));
    let canvas = use_plot_canvas(move || {
        let (lang, bits) = (lang.get(), bits.get());
        let pwm = pwm.get()?;
        Some(move |canvas: &web_sys::HtmlCanvasElement| {
            draw(canvas, &pwm, bits, height, compact, lang)
        })
    });
    let description = move || pwm.with(|pwm| pwm.as_ref().map(|p| describe(p, lang.get())));
    view! {
        <Show when=move || own_switch>
            <HeightSwitch bits=bits name="logo-height" />
        </Show>
        <figure class="plot" class:compact=compact>
            <canvas
                node_ref=canvas
                style=format!("height:{height}px")
                role="img"
                aria-label=description
                data-testid=testid
            ></canvas>
            <Show when=move || !compact>
                <figcaption>{description}</figcaption>
            </Show>
        </figure>
    }
}

/// The switch between letter heights in bits (information content) and plain probabilities.
#[component]
pub fn HeightSwitch(
    /// `true` for bits.
    bits: RwSignal<bool>,
    /// The radio group's name (unique on the page).
    name: &'static str,
) -> impl IntoView {
    view! {
        <RadioGroup
            name=name
            legend=Bi::new("글자 높이", "Letter height")
            options=vec![
                (true, Bi::new("정보량 (비트)", "information (bits)")),
                (false, Bi::new("확률", "probability")),
            ]
            value=bits
        />
    }
}

/// A text alternative of the logo: consensus and bits per position.
pub fn describe(pwm: &Pwm, lang: Lang) -> String {
    let bits: Vec<String> = pwm
        .information_content()
        .iter()
        .enumerate()
        .map(|(j, ic)| format!("{j}: {ic:.2}"))
        .collect();
    lang.pick(
        format!(
            "서열 로고: 합의 서열 {}, 위치별 정보량(비트) {}",
            pwm.consensus(),
            bits.join(", ")
        ),
        format!(
            "Sequence logo: consensus {}, information per position (bits) {}",
            pwm.consensus(),
            bits.join(", ")
        ),
    )
}

fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    pwm: &Pwm,
    bits: bool,
    height: f64,
    compact: bool,
    lang: Lang,
) -> Result<(), Box<dyn std::error::Error>> {
    let (backend, s) = prepare(canvas, height).ok_or("no 2D canvas")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE)?;
    let width = pwm.width() as f64;
    let font = |size: f64| ("sans-serif", size * s).into_font();
    let mut chart = ChartBuilder::on(&root)
        .margin((8.0 * s) as u32)
        // Room for the tick numbers and, below them, the axis title (34 px made them overlap).
        .x_label_area_size(((if compact { 20.0 } else { 44.0 }) * s) as u32)
        .y_label_area_size(((if compact { 28.0 } else { 48.0 }) * s) as u32)
        .build_cartesian_2d(-0.5..width - 0.5, 0.0..if bits { 2.0 } else { 1.0 })?;
    // Compact logos (in a captioned grid) leave out the axis titles, which would not fit.
    let (x_desc, y_desc) = match (compact, bits) {
        (true, _) => ("", ""),
        (false, true) => (
            lang.pick("위치", "position"),
            lang.pick("정보량 (비트)", "information (bits)"),
        ),
        (false, false) => (
            lang.pick("위치", "position"),
            lang.pick("확률", "probability"),
        ),
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .y_labels(5)
        .x_labels(pwm.width() + 1)
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
        .x_desc(x_desc)
        .y_desc(y_desc)
        .light_line_style(WHITE)
        .draw()?;

    let scale: Vec<f64> = if bits {
        pwm.information_content()
    } else {
        vec![1.0; pwm.width()]
    };
    for (j, column) in pwm.probs().columns().into_iter().enumerate() {
        let mut stack: Vec<(Base, f64)> = Base::ALL
            .iter()
            .map(|&b| (b, column[b.index()] * scale[j]))
            .collect();
        stack.sort_by(|a, b| a.1.total_cmp(&b.1));
        let mut bottom = 0.0;
        for (base, height) in stack {
            if height > 1e-4 {
                let x0 = j as f64 - 0.45;
                let color = BASE_COLORS[base.index()];
                let polygons = glyph(base).into_iter().map(|outline| {
                    let points: Vec<(f64, f64)> = outline
                        .iter()
                        .map(|&(x, y)| (x0 + 0.9 * x, bottom + height * y))
                        .collect();
                    Polygon::new(points, color.filled())
                });
                chart.draw_series(polygons)?;
            }
            bottom += height;
        }
    }
    root.present()?;
    Ok(())
}
