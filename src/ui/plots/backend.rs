//! The canvas backend the plots draw on: plotters-canvas's `CanvasBackend`, except that text is
//! measured with the canvas's own `measureText`.
//!
//! plotters measures text in the browser by adding a `<span>` to the page and reading its size,
//! which forces the browser to lay out the whole page again for every axis label; on a long page
//! (the motif lab) one chart then cost up to 85 ms of main-thread time. `measureText` touches
//! nothing but the canvas.
//!
//! It also keeps a short log of what it drew, written to the canvas's `data-drawn` attribute when
//! the drawing is presented (see [`DrawLog`]): a canvas is pixels, and this is how the end-to-end
//! tests (and a developer in the inspector) read which labels it shows, where, and which lines and
//! marks it drew.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use plotters_canvas::CanvasBackend;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The canvas backend's error (its type is not exported by name).
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;

/// A drawing failure: the canvas's own, or `measureText`'s.
#[derive(Debug)]
pub enum PlotError {
    /// From the canvas backend.
    Canvas(CanvasError),
    /// `measureText` threw (the message).
    Measure(String),
}

impl std::fmt::Display for PlotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlotError::Canvas(e) => write!(f, "{e}"),
            PlotError::Measure(e) => write!(f, "measureText failed: {e}"),
        }
    }
}

impl std::error::Error for PlotError {}

/// Re-labels the canvas backend's error.
fn lift<T>(
    result: Result<T, DrawingErrorKind<CanvasError>>,
) -> Result<T, DrawingErrorKind<PlotError>> {
    result.map_err(|e| match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(PlotError::Canvas(e)),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    })
}

/// A `CanvasBackend` that measures text without touching the page layout.
pub struct MeasuredCanvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    canvas: HtmlCanvasElement,
    log: DrawLog,
}

/// What one drawing put on the canvas, in buffer pixels: every text with its box, and per colour
/// the paths (how many, the longest, the widest stroke) and circles (how many, the smallest and
/// largest radius). Serialised as `{"texts": [[text, left, top, right, bottom], …], "paths":
/// {"#rrggbb": [count, longest, width]}, "circles": {"#rrggbb": [count, min r, max r]},
/// "width": w, "height": h}`.
#[derive(Default)]
struct DrawLog {
    texts: Vec<(String, [i32; 4])>,
    paths: BTreeMap<String, (u32, f64, u32)>,
    circles: BTreeMap<String, (u32, u32, u32)>,
}

fn hex(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The box `[left, top, right, bottom]` of a `w` × `h` text drawn at `pos` with `style`'s anchor
/// and rotation (the canvas rotates about the anchor point, clockwise in screen coordinates).
fn text_box<S: BackendTextStyle>(style: &S, pos: BackendCoord, (w, h): (u32, u32)) -> [i32; 4] {
    let (w, h) = (w as i32, h as i32);
    let anchor = style.anchor();
    let u0 = match anchor.h_pos {
        HPos::Left => 0,
        HPos::Center => -w / 2,
        HPos::Right => -w,
    };
    let v0 = match anchor.v_pos {
        VPos::Top => 0,
        VPos::Center => -h / 2,
        VPos::Bottom => -h,
    };
    let (u1, v1) = (u0 + w, v0 + h);
    let (x0, y0, x1, y1) = match style.transform() {
        FontTransform::None => (u0, v0, u1, v1),
        FontTransform::Rotate90 => (-v1, u0, -v0, u1),
        FontTransform::Rotate180 => (-u1, -v1, -u0, -v0),
        FontTransform::Rotate270 => (v0, -u1, v1, -u0),
    };
    [pos.0 + x0, pos.1 + y0, pos.0 + x1, pos.1 + y1]
}

impl DrawLog {
    fn to_json(&self, (width, height): (u32, u32)) -> String {
        let texts: Vec<_> = self
            .texts
            .iter()
            .map(|(t, [l, tp, r, b])| serde_json::json!([t, l, tp, r, b]))
            .collect();
        serde_json::json!({
            "texts": texts,
            "paths": self.paths.iter().map(|(c, &(n, long, w))| (c.clone(), serde_json::json!([n, long.round(), w]))).collect::<serde_json::Map<_, _>>(),
            "circles": self.circles.iter().map(|(c, &(n, lo, hi))| (c.clone(), serde_json::json!([n, lo, hi]))).collect::<serde_json::Map<_, _>>(),
            "width": width,
            "height": height,
        })
        .to_string()
    }
}

impl MeasuredCanvas {
    /// The backend for `canvas`, or `None` if it has no 2D context.
    pub fn new(canvas: &HtmlCanvasElement) -> Option<MeasuredCanvas> {
        let context = canvas
            .get_context("2d")
            .ok()??
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas.clone())?;
        Some(MeasuredCanvas {
            inner,
            context,
            canvas: canvas.clone(),
            log: DrawLog::default(),
        })
    }

    /// The canvas's 2D context, for drawing many marks of one style directly (a scatter's dots).
    pub fn context(&self) -> CanvasRenderingContext2d {
        self.context.clone()
    }
}

impl DrawingBackend for MeasuredCanvas {
    type ErrorType = PlotError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<PlotError>> {
        lift(self.inner.ensure_prepared())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<PlotError>> {
        let log = std::mem::take(&mut self.log).to_json(self.get_size());
        let _ = self.canvas.set_attribute("data-drawn", &log);
        lift(self.inner.present())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<PlotError>> {
        lift(self.inner.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<PlotError>> {
        lift(self.inner.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<PlotError>> {
        lift(self.inner.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<PlotError>> {
        let path: Vec<BackendCoord> = path.into_iter().collect();
        let length: f64 = path
            .windows(2)
            .map(|p| f64::from(p[1].0 - p[0].0).hypot(f64::from(p[1].1 - p[0].1)))
            .sum();
        let entry = self.log.paths.entry(hex(style.color())).or_default();
        *entry = (
            entry.0 + 1,
            entry.1.max(length),
            entry.2.max(style.stroke_width()),
        );
        lift(self.inner.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<PlotError>> {
        let entry = self
            .log
            .circles
            .entry(hex(style.color()))
            .or_insert((0, u32::MAX, 0));
        *entry = (entry.0 + 1, entry.1.min(radius), entry.2.max(radius));
        lift(self.inner.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<PlotError>> {
        lift(self.inner.fill_polygon(vert, style))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<PlotError>> {
        if style.color().alpha > 0.0 {
            let size = self.estimate_text_size(text, style)?;
            self.log
                .texts
                .push((text.to_string(), text_box(style, pos, size)));
        }
        lift(self.inner.draw_text(text, style, pos))
    }

    /// `measureText` with the same font string `draw_text` sets: the advance width, and the font's
    /// ascent + descent (1.2 × the size where the browser does not report them).
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<PlotError>> {
        self.context.set_font(&format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        ));
        let metrics = self
            .context
            .measure_text(text)
            .map_err(|e| DrawingErrorKind::DrawingError(PlotError::Measure(format!("{e:?}"))))?;
        let height = metrics.font_bounding_box_ascent() + metrics.font_bounding_box_descent();
        let height = if height.is_finite() && height > 0.0 {
            height
        } else {
            style.size() * 1.2
        };
        Ok((metrics.width().ceil() as u32, height.ceil() as u32))
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<PlotError>> {
        lift(self.inner.blit_bitmap(pos, size, src))
    }
}
