//! The lab's heavy core work cut into short tasks, so the page never freezes: simulating runs a
//! few at a time, predicting or simulating many rows a chunk at a time, and stepping a
//! [`Search`] batch by batch — with a pause (`next_task`) after each piece, and a [`Ticket`] that
//! ends the work when a newer request replaces it. Every number comes from the core.

use crate::lab::bioreactor::optimize::to_matrix;
use crate::lab::bioreactor::{
    Best, Conditions, LabData, Params, Run, Scaling, Search, SearchOptions, Settings, simulation,
    simulator, titer,
};
use crate::nn::{SavedModel, Sequential};
use crate::ui::tasks::{next_task, now_ms};
use leptos::prelude::*;
use ndarray::{Array2, Axis, Slice};

/// How long one piece of work may take before the page gets the thread back, ms.
pub const SLICE_MS: f64 = 12.0;

/// A counter of requests: each new request takes a [`Ticket`]; older tickets stop being current.
#[derive(Clone, Copy)]
pub struct Generation(StoredValue<u64>);

impl Generation {
    /// A counter at 0.
    pub fn new() -> Generation {
        Generation(StoredValue::new(0))
    }

    /// Whether any request has been made.
    pub fn started(self) -> bool {
        self.0.try_get_value().is_some_and(|v| v > 0)
    }

    /// A ticket for a new request (every older one stops being current).
    pub fn next(self) -> Ticket {
        let value = self.0.get_value() + 1;
        self.0.set_value(value);
        Ticket {
            generation: self,
            value,
        }
    }
}

/// One request of a [`Generation`].
#[derive(Clone, Copy)]
pub struct Ticket {
    generation: Generation,
    value: u64,
}

impl Ticket {
    /// Whether no newer request has been made (and the page is still there).
    pub fn is_current(self) -> bool {
        self.generation.0.try_get_value() == Some(self.value)
    }
}

/// Simulates the runs of `settings` a few at a time (as many as fit in [`SLICE_MS`]), reporting
/// `(done, total)` after each piece; `None` if `ticket` stopped being current.
pub async fn simulate_chunked(
    settings: &Settings,
    params: &Params,
    ticket: Ticket,
    progress: impl Fn(usize, usize),
) -> Option<Vec<Run>> {
    let mut simulator = simulation(settings, params);
    let mut count = 4;
    loop {
        let start = now_ms();
        let done = simulator.step(count);
        let (runs, total) = simulator.progress();
        progress(runs, total);
        if done {
            return Some(simulator.into_runs());
        }
        count = grow(count, now_ms() - start);
        next_task().await;
        if !ticket.is_current() {
            return None;
        }
    }
}

/// The next piece's size after a piece of `count` took `ms`: about [`SLICE_MS`] worth.
fn grow(count: usize, ms: f64) -> usize {
    let per = (ms / count as f64).max(1e-3);
    ((SLICE_MS / per) as usize).clamp(1, count * 4)
}

/// `f` over `rows` a chunk at a time (chunks sized to [`SLICE_MS`]); `None` if `ticket` stopped
/// being current.
///
/// # Shapes
/// `rows: [N, F]`; `f`: `[n, F]` → `n` values.
pub async fn evaluate_chunked(
    rows: &Array2<f32>,
    ticket: Ticket,
    mut f: impl FnMut(&Array2<f32>) -> Vec<f32>,
) -> Option<Vec<f32>> {
    let n = rows.nrows();
    let mut out = Vec::with_capacity(n);
    let mut count = 8;
    while out.len() < n {
        let start_row = out.len();
        let end = (start_row + count).min(n);
        let started = now_ms();
        let chunk = rows
            .slice_axis(Axis(0), Slice::from(start_row..end))
            .to_owned();
        out.extend(f(&chunk));
        count = grow(end - start_row, now_ms() - started);
        if out.len() < n {
            next_task().await;
            if !ticket.is_current() {
                return None;
            }
        }
    }
    Some(out)
}

/// Runs `search` to its end, each batch of points evaluated by `f` a chunk at a time (chunks sized
/// to [`SLICE_MS`]); `None` if `ticket` stopped being current.
pub async fn search_chunked(
    mut search: Search,
    ticket: Ticket,
    mut f: impl FnMut(&[Vec<f64>]) -> Vec<f64>,
) -> Option<Best> {
    let mut count = 8;
    while !search.is_done() {
        let points = search.points().to_vec();
        let mut values = Vec::with_capacity(points.len());
        while values.len() < points.len() {
            let start = values.len();
            let end = (start + count).min(points.len());
            let started = now_ms();
            values.extend(f(&points[start..end]));
            count = grow(end - start, now_ms() - started);
            next_task().await;
            if !ticket.is_current() {
                return None;
            }
        }
        search.answer(&values);
    }
    search.best()
}

/// A predictor of rows as the search's evaluation of points.
pub fn on_points(
    mut predict: impl FnMut(&Array2<f32>) -> Vec<f32>,
) -> impl FnMut(&[Vec<f64>]) -> Vec<f64> {
    move |points| {
        predict(&to_matrix(points))
            .into_iter()
            .map(f64::from)
            .collect()
    }
}

/// The noiseless simulator's titers at points of the six conditions (f64 throughout, as the
/// core's [`crate::lab::bioreactor::true_optimum`] evaluates them).
pub fn true_titers(points: &[Vec<f64>]) -> Vec<f64> {
    points
        .iter()
        .map(|row| {
            let row: [f64; 6] = std::array::from_fn(|k| row[k]);
            titer(&Conditions::from_array(row), &super::state::PARAMS)
        })
        .collect()
}

/// A trained network with its standardisation: conditions in their units → titers, on the page's
/// thread (a small dense network predicts thousands of rows in a few milliseconds).
pub struct Predictor {
    model: Sequential,
    scaling: Scaling,
}

impl Predictor {
    /// The network of `saved` with `scaling`; `None` if it cannot be built.
    pub fn new(saved: &SavedModel, scaling: Scaling) -> Option<Predictor> {
        Some(Predictor {
            model: Sequential::from_saved(saved).ok()?,
            scaling,
        })
    }

    /// Titers for rows of conditions.
    ///
    /// # Shapes
    /// `[N, F]` → `N` titers.
    pub fn predict(&mut self, x: &Array2<f32>) -> Vec<f32> {
        self.scaling.predictor(&mut self.model)(x)
    }
}

/// The noiseless simulator on rows of the six conditions (the truth).
///
/// # Shapes
/// `[N, 6]` → `N` titers.
pub fn truth(rows: &Array2<f32>) -> Vec<f32> {
    simulator(&super::state::PARAMS)(rows)
}

/// The training runs' conditions (in their units) of `data`.
///
/// # Shapes
/// `[train, F]`.
pub fn training_rows(data: &LabData) -> Array2<f32> {
    data.features(&data.split.train)
}

/// Starts the search for the simulator's true optimum (about 12,700 runs of the simulator, in
/// short tasks) unless it has started; the answer lands in `bio.true_best`.
pub fn find_true_optimum(bio: super::state::Bio) {
    if bio.truth_work.started() {
        return;
    }
    let ticket = bio.truth_work.next();
    leptos::task::spawn_local(async move {
        let search = Search::new(&crate::lab::bioreactor::ranges(), &SearchOptions::TRUTH);
        if let Some(best) = search_chunked(search, ticket, true_titers).await {
            bio.true_best.try_set(Some(best));
        }
    });
}
