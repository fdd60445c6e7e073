//! Shared canvas set-up: a crisp drawing buffer on high-density screens and a redraw on resize.

use super::backend::MeasuredCanvas;
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
    let width = match canvas.client_width() {
        w if w > 0 => f64::from(w),
        _ => FALLBACK_WIDTH,
    };
    canvas.set_width((width * ratio).round() as u32);
    canvas.set_height((height * ratio).round() as u32);
    MeasuredCanvas::new(canvas).map(|backend| (backend, ratio))
}

/// A counter that increases whenever the window is resized (read it in a drawing effect).
pub fn use_resize_tick() -> ReadSignal<u32> {
    let (tick, set_tick) = signal(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| set_tick.update(|t| *t += 1));
    on_cleanup(move || handle.remove());
    tick
}

/// The shortest interval between two redraws of one canvas.
pub const MIN_REDRAW_MS: f64 = 100.0;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

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
        set_timeout(move || set_ready.set(true), std::time::Duration::ZERO);
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
/// re-runs on window resizes, and every drawing goes through a [`Redrawer`].
pub fn use_plot_canvas<D>(
    prepare: impl Fn() -> Option<D> + 'static,
) -> NodeRef<leptos::html::Canvas>
where
    D: FnOnce(&web_sys::HtmlCanvasElement) -> Result<(), Box<dyn std::error::Error>> + 'static,
{
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let tick = use_resize_tick();
    let redraw = Redrawer::new();
    Effect::new(move || {
        tick.track();
        let Some(element) = canvas.get() else { return };
        if let Some(draw) = prepare() {
            redraw.request(move || report(draw(&element)));
        }
    });
    canvas
}
