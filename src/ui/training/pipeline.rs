//! One run pipeline for every lab: the model that belongs to the current settings
//! ([`TrainingSession::trained_model`]), predictions that follow it ([`use_predictions`]: made in
//! the worker, the older request cancelled when the model or the data change), and a queue of
//! jobs trained one after another with each model scored as it arrives ([`RunQueue`]: learning
//! curves, "how many runs" experiments).

use super::{Status, TrainingSession};
use crate::nn::SavedModel;
use crate::training::job::{PredictJob, TrainJob};
use crate::training::{History, StopReason};
use leptos::prelude::*;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use super::Predicted;

impl TrainingSession {
    /// The latest weights if they belong to the settings fingerprinted `key` (an imported model
    /// always does); tracked.
    pub fn trained_model(self, key: u64) -> Option<SavedModel> {
        if !self.has_model_for(key) {
            return None;
        }
        self.model.get()
    }
}

/// A flag that ends a [`Cancellable`] future.
#[derive(Default)]
struct CancelState {
    cancelled: bool,
    waker: Option<Waker>,
}

/// A future that ends with `None` as soon as its flag is raised, dropping the inner future (which
/// cancels a worker request: see `predictions.rs`).
struct Cancellable<F> {
    inner: Pin<Box<F>>,
    state: Rc<RefCell<CancelState>>,
}

impl<F: Future> Future for Cancellable<F> {
    type Output = Option<F::Output>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<F::Output>> {
        {
            let mut state = self.state.borrow_mut();
            if state.cancelled {
                return Poll::Ready(None);
            }
            state.waker = Some(cx.waker().clone());
        }
        self.inner.as_mut().poll(cx).map(Some)
    }
}

fn cancel(state: &Rc<RefCell<CancelState>>) {
    let mut state = state.borrow_mut();
    state.cancelled = true;
    if let Some(waker) = state.waker.take() {
        waker.wake();
    }
}

/// Predictions that follow whatever `make` reads: each time it changes, the previous request is
/// cancelled, the result goes back to `None`, and `make`'s new job (if any) is sent to `session`'s
/// worker; `finish` turns the answer and what `make` set aside for it (the targets, a scaler, the
/// start time) into the page's result. `make` runs in an effect, so it tracks the signals it reads
/// (the model, the settings' key, the data).
pub fn use_predictions<C, T>(
    session: TrainingSession,
    make: impl Fn() -> Option<(PredictJob, C)> + 'static,
    finish: impl Fn(Predicted, C) -> Option<T> + Copy + 'static,
) -> Signal<Option<T>>
where
    C: 'static,
    T: Clone + Send + Sync + 'static,
{
    let (result, set_result) = signal(None::<T>);
    let current = StoredValue::new_local(None::<Rc<RefCell<CancelState>>>);
    Effect::new(move || {
        let job = make();
        if let Some(previous) = current.get_value() {
            cancel(&previous);
        }
        set_result.set(None);
        let Some((job, context)) = job else {
            current.set_value(None);
            return;
        };
        let state = Rc::new(RefCell::new(CancelState::default()));
        current.set_value(Some(state.clone()));
        let request = Cancellable {
            inner: Box::pin(session.predict(job)),
            state,
        };
        leptos::task::spawn_local(async move {
            if let Some(predicted) = request.await {
                set_result.try_set(finish(predicted, context));
            }
        });
    });
    on_cleanup(move || {
        if let Some(previous) = current.try_get_value().flatten() {
            cancel(&previous);
        }
    });
    result.into()
}

/// Scores one finished model of a queue: its position, its weights and its history.
pub type Score<R> =
    Rc<dyn Fn(usize, SavedModel, History) -> Pin<Box<dyn Future<Output = Option<R>>>>>;

/// What a [`RunQueue`] keeps for the whole visit (make it in a [`crate::ui::keep::kept`] value):
/// the series, its scores and the job being trained, so a series goes on and its table stays while
/// the student reads another lesson.
pub struct QueueStore<R: 'static> {
    jobs: StoredValue<Vec<TrainJob>, LocalStorage>,
    key: StoredValue<u64>,
    /// The score of each job, in order (`None` until scored).
    pub results: RwSignal<Vec<Option<R>>, LocalStorage>,
    /// The job being trained, if any.
    pub active: RwSignal<Option<usize>>,
}

impl<R: 'static> Clone for QueueStore<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R: 'static> Copy for QueueStore<R> {}

impl<R: 'static> QueueStore<R> {
    /// An empty store.
    #[allow(clippy::new_without_default)]
    pub fn new() -> QueueStore<R> {
        QueueStore {
            jobs: StoredValue::new_local(Vec::new()),
            key: StoredValue::new(0),
            results: RwSignal::new_local(Vec::new()),
            active: RwSignal::new(None),
        }
    }
}

/// A series of training jobs run one after another in one session, each model scored by an async
/// function as it arrives (the next job starts once the score is in). The series lives in a
/// [`QueueStore`]; a page that opens again picks up where the series stands (a model that arrived
/// while the page was closed is scored then).
pub struct RunQueue<R: 'static> {
    session: TrainingSession,
    store: QueueStore<R>,
    score: StoredValue<Option<Score<R>>, LocalStorage>,
    /// The score of each job, in order (`None` until scored).
    pub results: RwSignal<Vec<Option<R>>, LocalStorage>,
    /// The job being trained, if any.
    pub active: RwSignal<Option<usize>>,
}

impl<R: 'static> Clone for RunQueue<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R: 'static> Copy for RunQueue<R> {}

impl<R: 'static> RunQueue<R> {
    /// A queue over `store` on `session` whose models are scored by `score`.
    pub fn new(store: QueueStore<R>, session: TrainingSession, score: Score<R>) -> RunQueue<R> {
        let queue = RunQueue {
            session,
            store,
            score: StoredValue::new_local(Some(score)),
            results: store.results,
            active: store.active,
        };
        Effect::new(move || queue.on_model());
        queue
    }

    /// The fingerprint the queue gives job `index` (a queue's models never pass for the lab's own).
    fn job_key(self, index: usize) -> u64 {
        crate::lab::fingerprint(&("queue", self.store.key.get_value(), index))
    }

    /// Runs `jobs` in order, replacing any earlier series; `key` fingerprints their settings.
    pub fn start(self, jobs: Vec<TrainJob>, key: u64) {
        self.results.set((0..jobs.len()).map(|_| None).collect());
        self.store.jobs.set_value(jobs);
        self.store.key.set_value(key);
        self.run(0);
    }

    /// Whether a series is running.
    pub fn is_busy(self) -> bool {
        self.active.get().is_some()
    }

    fn run(self, index: usize) {
        let job = self.store.jobs.with_value(|jobs| jobs.get(index).cloned());
        match job {
            Some(job) => {
                self.active.set(Some(index));
                self.session.start(job, self.job_key(index));
            }
            None => self.active.set(None),
        }
    }

    fn on_model(self) {
        let model = self.session.model.get();
        let ended_without_model = matches!(
            self.session.status.get(),
            Status::Failed(..) | Status::Finished(StopReason::Diverged { .. })
        );
        let Some(index) = self.active.get_untracked() else {
            return;
        };
        if self.session.model_key.get_untracked() != Some(self.job_key(index)) {
            return;
        }
        let Some(saved) = model else {
            // A run that diverged or failed has no weights to score: its result stays empty.
            if ended_without_model {
                self.run(index + 1);
            }
            return;
        };
        let Some(score) = self.score.try_get_value().flatten() else {
            return;
        };
        let history = self.session.history.get_untracked();
        leptos::task::spawn_local(async move {
            let scored = score(index, saved, history).await;
            // A newer series may have started meanwhile, or the page closed (then the page scores
            // this model again when it opens).
            if self.active.try_get_untracked() != Some(Some(index)) || self.score.is_disposed() {
                return;
            }
            self.results.try_update(|r| {
                if let Some(slot) = r.get_mut(index) {
                    *slot = scored;
                }
            });
            self.run(index + 1);
        });
    }
}
