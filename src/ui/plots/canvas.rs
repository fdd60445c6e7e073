//! Shared canvas set-up: a crisp drawing buffer on high-density screens and a redraw on resize.
//!
//! A canvas's CSS width comes from a `ResizeObserver`, which the browser calls after its own
//! layout, and is kept in the canvas's `data-css-width` attribute: drawing never reads
//! `clientWidth`, which would force a synchronous layout of the whole page each time (on a long
//! lab page that alone took 60–100 ms per plot when training ended).

use super::backend::MeasuredCanvas;
use crate::ui::tasks::now_ms;
use leptos::prelude::*;
use plotters::prelude::*;

/// Width used when the canvas has not been laid out yet (hidden, or not in the document).
const FALLBACK_WIDTH: f64 = 640.0;

/// Colours of the four bases (the usual logo palette): A green, C blue, G orange, T red.
pub const BASE_COLORS: [RGBColor; 4] = [
    RGBColor(16, 150, 72),
    RGBColor(37, 92, 153),
    RGBColor(222, 140, 0),
    RGBColor(214, 40, 57),
];

/// The CSS `#rrggbb` of a plot colour (for HTML legends that match the canvas).
pub fn css_color(color: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", color.0, color.1, color.2)
}

/// Sizes the drawing buffer to the canvas's CSS width × `height` CSS pixels times the device
/// pixel ratio, and returns the plotters backend with that ratio (multiply font sizes and margins
/// by it).
pub fn prepare(canvas: &web_sys::HtmlCanvasElement, height: f64) -> Option<(MeasuredCanvas, f64)> {
    let ratio = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    let width = canvas
        .get_attribute(WIDTH_ATTRIBUTE)
        .and_then(|w| w.parse::<f64>().ok())
        .filter(|&w| w > 0.0)
        .unwrap_or(FALLBACK_WIDTH);
    // Only a real change of size touches the buffer: writing the same width again still resets
    // the canvas and makes the browser lay the page out anew (measured in Chromium's trace: a
    // full 31 ms layout of the motif lab during training). Every plot paints its whole background.
    let (w, h) = (
        (width * ratio).round() as u32,
        (height * ratio).round() as u32,
    );
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    MeasuredCanvas::new(canvas).map(|backend| (backend, ratio))
}

/// The attribute holding a canvas's CSS width, written by its `ResizeObserver`.
const WIDTH_ATTRIBUTE: &str = "data-css-width";

/// The CSS width of `canvas`, kept up to date by a `ResizeObserver` (`None` until the browser
/// first reports it, after layout). The width is also written to the canvas's
/// `data-css-width` attribute, which [`prepare`] reads.
fn use_observed_width(canvas: NodeRef<leptos::html::Canvas>) -> ReadSignal<Option<f64>> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;
    let (width, set_width) = signal(None::<f64>);
    let observer = StoredValue::new_local(None::<web_sys::ResizeObserver>);
    let callback = StoredValue::new_local(None::<Closure<dyn FnMut(js_sys::Array)>>);
    Effect::new(move || {
        let Some(element) = canvas.get() else { return };
        if observer.with_value(Option::is_some) {
            return;
        }
        let target = element.clone();
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Some(entry) = entries
                .get(0)
                .dyn_into::<web_sys::ResizeObserverEntry>()
                .ok()
            else {
                return;
            };
            let w = entry.content_rect().width();
            let _ = target.set_attribute(WIDTH_ATTRIBUTE, &w.to_string());
            set_width.try_set(Some(w));
        });
        if let Ok(created) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            created.observe(&element);
            observer.set_value(Some(created));
            callback.set_value(Some(on_resize));
        }
    });
    on_cleanup(move || {
        if let Some(o) = observer.try_get_value().flatten() {
            o.disconnect();
        }
        callback.try_update_value(|c| *c = None);
    });
    width
}

/// The shortest interval between two redraws of one canvas.
pub const MIN_REDRAW_MS: f64 = 100.0;

/// What a canvas still has to draw.
#[derive(Default)]
struct RedrawState {
    pending: Option<Box<dyn FnOnce()>>,
    scheduled: bool,
    last: f64,
}

/// Schedules a canvas's drawing: in a task of its own (so many plots updating at once — twenty
/// filter logos when training ends — never add up to one long main-thread task), at most every
/// [`MIN_REDRAW_MS`], and only the latest request is drawn (training curves updated every epoch).
#[derive(Clone, Default)]
pub struct Redrawer {
    state: std::rc::Rc<std::cell::RefCell<RedrawState>>,
}

impl Redrawer {
    /// A redrawer for one canvas.
    pub fn new() -> Redrawer {
        Redrawer::default()
    }

    /// Draws with `draw` soon, replacing any request not yet drawn.
    pub fn request(&self, draw: impl FnOnce() + 'static) {
        let mut state = self.state.borrow_mut();
        state.pending = Some(Box::new(draw));
        if state.scheduled {
            return;
        }
        state.scheduled = true;
        let wait = (state.last + MIN_REDRAW_MS - now_ms()).max(0.0);
        let shared = self.state.clone();
        set_timeout(
            move || {
                let draw = {
                    let mut state = shared.borrow_mut();
                    state.scheduled = false;
                    state.last = now_ms();
                    state.pending.take()
                };
                if let Some(draw) = draw {
                    draw();
                }
            },
            std::time::Duration::from_millis(wait as u64),
        );
    }
}

/// A flag that turns true one task after `source` last changed (false meanwhile): content behind
/// it is built in a task of its own instead of in the task that changed `source`.
pub fn use_next_task<T: Send + Sync + 'static>(
    source: impl Fn() -> T + Send + Sync + 'static,
) -> ReadSignal<bool> {
    let (ready, set_ready) = signal(false);
    Effect::new(move || {
        let _ = source();
        set_ready.set(false);
        // The page may have closed before the timer fires.
        set_timeout(
            move || {
                set_ready.try_set(true);
            },
            std::time::Duration::ZERO,
        );
    });
    ready
}

/// Logs a drawing failure to the console (a plot that fails must not take the page down).
pub fn report<E: std::fmt::Debug>(result: Result<(), E>) {
    if let Err(error) = result {
        leptos::logging::warn!("plot not drawn: {error:?}");
    }
}

/// A plot's canvas. `prepare` runs in an effect: it reads the signals the plot depends on (so a
/// change re-runs it) and returns the drawing to do, or `None` for nothing yet. The effect also
/// re-runs when the canvas is resized (first once its width is known), and every drawing goes
/// through a [`Redrawer`].
pub fn use_plot_canvas<D>(
    prepare: impl Fn() -> Option<D> + 'static,
) -> NodeRef<leptos::html::Canvas>
where
    D: FnOnce(&web_sys::HtmlCanvasElement) -> Result<(), Box<dyn std::error::Error>> + 'static,
{
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let width = use_observed_width(canvas);
    let redraw = Redrawer::new();
    Effect::new(move || {
        if width.get().is_none() {
            return;
        }
        let Some(element) = canvas.get() else { return };
        if let Some(draw) = prepare() {
            redraw.request(move || report(draw(&element)));
        }
    });
    canvas
}
