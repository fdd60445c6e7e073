//! The network diagram of the perceptron lesson, as TensorFlow Playground draws it: one column per
//! layer (the inputs x₁ and x₂, the hidden neurons, the output), each neuron a small picture of its
//! output over the whole temperature × pH plane, and each weight a line whose colour is its sign
//! (red positive, blue negative) and whose thickness is its size.

use super::canvas::{prepare, use_plot_canvas};
use super::heatmap::diverging;
use crate::theory::plane::network::NetworkPicture;
use crate::ui::i18n::{Bi, use_lang};
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// CSS height of the diagram.
const HEIGHT: f64 = 300.0;
/// Largest neuron picture, CSS pixels.
const LARGEST_NEURON: f64 = 64.0;

/// The diagram of `picture`, with `labels` under the first and the last column (inputs, output).
#[component]
pub fn NetworkDiagram(
    /// What every neuron computes and every weight.
    #[prop(into)]
    picture: Signal<NetworkPicture>,
    /// Names of the two inputs and the output.
    labels: [Bi; 3],
    /// `data-testid` of the canvas.
    testid: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let canvas = use_plot_canvas(move || {
        let (lang, picture) = (lang.get(), picture.get());
        let labels = labels.map(|l| l.get(lang));
        Some(move |canvas: &web_sys::HtmlCanvasElement| draw(canvas, &picture, labels))
    });
    let description = move || {
        let p = picture.get();
        let units: Vec<String> = p.neurons.iter().map(|l| l.len().to_string()).collect();
        let largest = p.largest_weight();
        lang.get()
            .pick(
                &format!(
                    "신경망 그림: 층마다 뉴런 {}개, 가장 큰 가중치의 크기 {largest:.2}. 선의 색은 가중치의 부호(빨강 +, 파랑 −), 굵기는 크기입니다.",
                    units.join(" → ")
                ),
                &format!(
                    "Network diagram: {} neurons per layer, largest weight {largest:.2} in size. A line's colour is the weight's sign (red +, blue −), its thickness the size.",
                    units.join(" → ")
                ),
            )
            .to_string()
    };
    view! {
        <figure class="plot network-plot">
            <canvas node_ref=canvas style=format!("height:{HEIGHT}px") role="img" aria-label=description data-testid=testid></canvas>
        </figure>
    }
}

/// Where each neuron's picture goes: per layer, the top-left corners; and the picture size.
fn layout(units: &[usize], width: f64, height: f64) -> (Vec<Vec<(f64, f64)>>, f64) {
    let most = units.iter().copied().max().unwrap_or(1).max(1) as f64;
    let columns = units.len().max(1) as f64;
    let size = LARGEST_NEURON
        .min((height - 36.0) / most * 0.8)
        .min(width / columns * 0.45);
    let corners = units
        .iter()
        .enumerate()
        .map(|(l, &n)| {
            // The inputs carry a label under each picture: room for it.
            let gap = if l == 0 {
                (size * 0.25).max(20.0)
            } else {
                size * 0.25
            };
            let x = (l as f64 + 0.5) * width / columns - size / 2.0;
            let total = n as f64 * size + (n as f64 - 1.0).max(0.0) * gap;
            let top = (height - 24.0 - total) / 2.0;
            (0..n).map(|k| (x, top + k as f64 * (size + gap))).collect()
        })
        .collect();
    (corners, size)
}

fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    picture: &NetworkPicture,
    labels: [&str; 3],
) -> Result<(), Box<dyn std::error::Error>> {
    let (backend, s) = prepare(canvas, HEIGHT).ok_or("no 2D canvas")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let units: Vec<usize> = picture.neurons.iter().map(Vec::len).collect();
    let (corners, size) = layout(&units, f64::from(w) / s, f64::from(h) / s);
    let px = |v: f64| (v * s).round() as i32;
    // Weights first, under the neurons: from the right edge of one to the left edge of the next.
    let largest = picture.largest_weight().max(1e-6);
    for (l, kernel) in picture.weights.iter().enumerate() {
        for ((i, j), &weight) in kernel.indexed_iter() {
            let (Some(from), Some(to)) = (corners[l].get(i), corners[l + 1].get(j)) else {
                continue;
            };
            let share = f64::from(weight.abs() / largest);
            let color = diverging(weight.signum(), 1.0).mix(0.25 + 0.75 * share);
            let stroke = (0.6 + 5.0 * share) * s;
            root.draw(&PathElement::new(
                vec![
                    (px(from.0 + size), px(from.1 + size / 2.0)),
                    (px(to.0), px(to.1 + size / 2.0)),
                ],
                color.stroke_width(stroke.round().max(1.0) as u32),
            ))?;
        }
    }
    for (l, layer) in picture.neurons.iter().enumerate() {
        let (centre, spread) = picture.scales.get(l).copied().unwrap_or((0.0, 1.0));
        for (k, grid) in layer.iter().enumerate() {
            let (x, y) = corners[l][k];
            let (rows, cols) = grid.dim();
            let (dx, dy) = (size / cols as f64, size / rows as f64);
            for ((r, c), &v) in grid.indexed_iter() {
                let (left, top) = (x + c as f64 * dx, y + r as f64 * dy);
                root.draw(&Rectangle::new(
                    [(px(left), px(top)), (px(left + dx) + 1, px(top + dy) + 1)],
                    diverging(v - centre, spread).filled(),
                ))?;
            }
            root.draw(&Rectangle::new(
                [(px(x), px(y)), (px(x + size), px(y + size))],
                RGBColor(79, 91, 107).stroke_width(s.round().max(1.0) as u32),
            ))?;
        }
    }
    let font = ("sans-serif", 12.0 * s)
        .into_font()
        .color(&RGBColor(29, 36, 48));
    let centred = font.pos(Pos::new(HPos::Center, VPos::Top));
    let under = |(x, y): (f64, f64)| (px(x + size / 2.0), px(y + size + 3.0));
    if let [first, second] = corners.first().map(Vec::as_slice).unwrap_or_default() {
        root.draw_text(labels[0], &centred, under(*first))?;
        root.draw_text(labels[1], &centred, under(*second))?;
    }
    if let Some(&output) = corners.last().and_then(|l| l.first()) {
        root.draw_text(labels[2], &centred, under(output))?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::layout;

    #[test]
    fn neurons_fit_and_do_not_overlap() {
        let (corners, size) = layout(&[2, 8, 1], 600.0, 300.0);
        assert!(size > 10.0 && size <= 64.0);
        for column in &corners {
            for pair in column.windows(2) {
                assert!(pair[1].1 >= pair[0].1 + size, "{pair:?}");
            }
            let last = column.last().expect("a neuron");
            assert!(column[0].1 >= 0.0 && last.1 + size <= 300.0 - 24.0);
        }
    }
}
