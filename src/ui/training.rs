//! A training run as the page sees it, shared by the labs: the status, the progress, the history
//! and the latest weights. Every session talks to the visit's one Web Worker through the
//! [`WorkerHub`]; a lab keeps its sessions for the whole visit ([`crate::ui::keep`]), so a run
//! goes on, and its model stays, while the student reads another lesson.

use crate::lang::Lang;
use crate::nn::SavedModel;
use crate::training::job::{FromWorker, JobFailure, ToWorker, TrainJob};
use crate::training::{EpochRecord, History, StopReason};
use crate::ui::tasks::now_ms;
use leptos::prelude::*;

mod hub;
mod memory;
mod pipeline;
mod predictions;
pub use hub::{WorkerHub, use_hub};
pub use pipeline::{QueueStore, RunQueue, Score, use_predictions};
pub use predictions::Predicted;

/// Where a run stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Nothing trained yet.
    Idle,
    /// Waiting for the worker.
    Starting,
    /// Training.
    Running,
    /// Stopped by the student; can continue.
    Paused,
    /// Ended.
    Finished(StopReason),
    /// The model was read from a file, not trained on this page.
    Imported,
    /// The worker reported an error (Korean, English).
    Failed(String, String),
}

impl Status {
    /// The status line, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Status::Idle => lang
                .pick("아직 학습하지 않았습니다.", "Not trained yet.")
                .to_string(),
            Status::Starting => lang
                .pick(
                    "학습 작업자를 준비하는 중…",
                    "Starting the training worker…",
                )
                .to_string(),
            Status::Running => lang
                .pick(
                    "학습 중 (Web Worker에서, 페이지는 계속 반응합니다)",
                    "Training (in a Web Worker; the page stays responsive)",
                )
                .to_string(),
            Status::Paused => lang
                .pick(
                    "멈춤. 계속하기를 누르면 이어서 학습합니다.",
                    "Stopped. Continue picks up where it left off.",
                )
                .to_string(),
            Status::Finished(reason) => reason.message(lang),
            Status::Imported => lang
                .pick(
                    "파일에서 불러온 모델을 쓰고 있습니다 (이 페이지에서 학습하지 않았습니다). 학습 시작을 누르면 새로 학습한 모델로 바뀝니다.",
                    "Using the model read from a file (it was not trained on this page). Train replaces it with a model trained here.",
                )
                .to_string(),
            Status::Failed(ko, en) => lang.pick(ko.clone(), en.clone()),
        }
    }

    /// Whether the status reports a problem (a failure or a diverged run).
    pub fn is_error(&self) -> bool {
        matches!(
            self,
            Status::Failed(..) | Status::Finished(StopReason::Diverged { .. })
        )
    }
}

/// One training run on the visit's shared worker. Cheap to copy (all signals).
#[derive(Clone, Copy)]
pub struct TrainingSession {
    hub: WorkerHub,
    id: u32,
    /// Whether the worker has loaded and said `ready` (the hub's: one worker serves all sessions).
    pub worker_ready: RwSignal<bool>,
    /// The run's status.
    pub status: RwSignal<Status>,
    /// (epoch, batch, batches, loss) of the last report.
    pub progress: RwSignal<Option<(usize, usize, usize, f64)>>,
    /// Batches per epoch of the current run.
    pub batches: RwSignal<usize>,
    /// The epochs so far.
    pub history: RwSignal<History>,
    /// The latest weights (after a stop or the end), or an imported model.
    pub model: RwSignal<Option<SavedModel>>,
    /// The settings fingerprint the model was trained for (`None` for an imported model).
    pub model_key: RwSignal<Option<u64>>,
    /// Training throughput reported by the worker at the end.
    pub samples_per_second: RwSignal<Option<f64>>,
    /// When the run started (`performance.now()`, ms) and how long it took.
    pub train_ms: RwSignal<(f64, Option<f64>)>,
    /// (rows done, rows) of the prediction the worker is making.
    pub predicting: RwSignal<Option<(usize, usize)>>,
    /// Whether the model shown was restored from an earlier visit (not trained in this one).
    pub restored: RwSignal<bool>,
    /// Whether the browser refused to save the last run (private mode, a full quota).
    pub not_saved: RwSignal<bool>,
    pending: StoredValue<Vec<predictions::Pending>, LocalStorage>,
    next_request: StoredValue<u64>,
    /// The run whose trainer the worker holds (its weights and optimiser state), if any.
    worker_run: StoredValue<Option<u64>>,
    /// The lesson whose runs this session saves ([`TrainingSession::remember_as`]).
    memory: StoredValue<Option<&'static str>>,
}

impl TrainingSession {
    /// A new session on the visit's worker (which starts on first use). Make it in a
    /// [`crate::ui::keep::kept`] value so it outlives the page.
    pub fn create() -> TrainingSession {
        let hub = use_hub();
        hub.register(|id| TrainingSession {
            hub,
            id,
            worker_ready: hub.ready,
            status: RwSignal::new(Status::Idle),
            progress: RwSignal::new(None),
            batches: RwSignal::new(1),
            history: RwSignal::new(History::default()),
            model: RwSignal::new(None),
            model_key: RwSignal::new(None),
            samples_per_second: RwSignal::new(None),
            train_ms: RwSignal::new((0.0, None)),
            predicting: RwSignal::new(None),
            restored: RwSignal::new(false),
            not_saved: RwSignal::new(false),
            pending: StoredValue::new_local(Vec::new()),
            next_request: StoredValue::new(0),
            worker_run: StoredValue::new(None),
            memory: StoredValue::new(None),
        })
    }

    /// Starts the visit's worker in the next task if it is not running yet: a lab page calls this
    /// when it opens, so loading the worker's WebAssembly never competes with the first epoch.
    pub fn warm_up(self) {
        let hub = self.hub;
        set_timeout(move || hub.ensure(), std::time::Duration::ZERO);
    }

    /// Whether the owner of this session's signals is gone (a session made outside a kept value,
    /// e.g. in a component test, dies with its page; a message may still arrive after that and is
    /// then dropped).
    pub(crate) fn closed(self) -> bool {
        self.status.is_disposed()
    }

    fn send(self, message: ToWorker) {
        if self.closed() {
            return;
        }
        self.hub.send(self.id, message);
    }

    fn handle(self, message: FromWorker) {
        if self.closed() {
            return;
        }
        let Some(message) = self.handle_prediction(message) else {
            return;
        };
        match message {
            FromWorker::Ready => self.worker_ready.set(true),
            FromWorker::Started { batches, .. } => {
                self.batches.set(batches);
                self.status.set(Status::Running);
            }
            FromWorker::Batch {
                epoch,
                batch,
                batches,
                loss,
            } => self.progress.set(Some((epoch, batch, batches, loss))),
            FromWorker::Epoch { record } => self.push_epoch(record),
            FromWorker::Paused { model, history } => {
                self.stop_clock();
                self.set_history(history);
                self.status.set(Status::Paused);
                self.save(&model);
                self.hand_over(model);
            }
            FromWorker::Finished {
                reason,
                model,
                history,
                samples_per_second,
            } => {
                self.stop_clock();
                self.set_history(history);
                self.samples_per_second.set(Some(samples_per_second));
                // A diverged run's weights are NaN or infinite: nothing to evaluate or export.
                let diverged = matches!(reason, StopReason::Diverged { .. });
                self.status.set(Status::Finished(reason));
                if !diverged {
                    self.save(&model);
                    self.hand_over(model);
                }
            }
            FromWorker::Failed { ko, en } => {
                self.fail_predictions(&JobFailure {
                    ko: ko.clone(),
                    en: en.clone(),
                });
                self.status.set(Status::Failed(ko, en));
            }
            // Answered by `handle_prediction`.
            FromWorker::Predicting { .. }
            | FromWorker::Predictions { .. }
            | FromWorker::PredictFailed { .. } => {}
        }
    }

    /// Gives the weights to whatever evaluates them in a task of its own, after the status and the
    /// curves have been shown, so no single main-thread task grows long.
    fn hand_over(self, model: SavedModel) {
        set_timeout(
            move || {
                self.model.try_set(Some(model));
            },
            std::time::Duration::ZERO,
        );
    }

    /// Replaces the history with the worker's, unless it is what the epochs already built (then the
    /// curves need no redraw).
    fn set_history(self, history: History) {
        if self.history.with_untracked(|h| *h != history) {
            self.history.set(history);
        }
    }

    fn push_epoch(self, record: EpochRecord) {
        let batches = self.batches.get_untracked();
        self.progress
            .set(Some((record.epoch, batches, batches, record.loss)));
        self.history.update(|h| h.epochs.push(record));
    }

    fn stop_clock(self) {
        self.train_ms
            .update(|(start, took)| *took = Some(now_ms() - *start));
    }

    /// Starts `job`; `key` fingerprints the settings it was made from (and numbers the run, so
    /// later predictions can name its weights in the worker).
    pub fn start(self, mut job: TrainJob, key: u64) {
        job.run = key;
        self.worker_run.set_value(Some(key));
        self.restored.set(false);
        self.history.set(History::default());
        self.model.set(None);
        self.model_key.set(Some(key));
        self.progress.set(None);
        self.samples_per_second.set(None);
        self.status.set(Status::Starting);
        self.train_ms.set((now_ms(), None));
        // The job (thousands of rows as JSON) is written and posted in a task of its own, after
        // the click's task has shown "starting": two short tasks instead of one long one.
        let message = ToWorker::Start(Box::new(job));
        set_timeout(move || self.send(message), std::time::Duration::ZERO);
    }

    /// Stops after the current batch.
    pub fn stop(self) {
        self.send(ToWorker::Stop);
    }

    /// Continues a stopped run, or a finished one for `more_epochs` further epochs.
    pub fn resume(self, more_epochs: usize) {
        let more = if matches!(self.status.get_untracked(), Status::Paused) {
            0
        } else {
            more_epochs
        };
        self.status.set(Status::Running);
        self.train_ms.set((now_ms(), None));
        self.send(ToWorker::Resume { more_epochs: more });
    }

    /// Uses a model read from a file instead of a trained one.
    /// The previous run's progress, curves and timing belong to the model it trained, so they
    /// are cleared with it.
    pub fn import(self, model: SavedModel) {
        self.model.set(Some(model));
        self.model_key.set(None);
        self.worker_run.set_value(None);
        self.restored.set(false);
        self.progress.set(None);
        self.history.set(History::default());
        self.samples_per_second.set(None);
        self.train_ms.set((0.0, None));
        self.status.set(Status::Imported);
    }

    /// Whether the worker is starting or training.
    pub fn is_busy(self) -> bool {
        matches!(self.status.get(), Status::Starting | Status::Running)
    }

    /// Whether there is a model for the settings fingerprinted `key` (an imported model always
    /// counts).
    pub fn has_model_for(self, key: u64) -> bool {
        self.model.with(Option::is_some) && self.model_key.get().is_none_or(|k| k == key)
    }

    /// Whether the model was imported rather than trained here.
    pub fn is_imported(self) -> bool {
        self.model.with(Option::is_some) && self.model_key.get().is_none()
    }

    /// Whether a trained model exists but for other settings than `key`.
    pub fn is_stale(self, key: u64) -> bool {
        self.model_key.get().is_some_and(|k| k != key)
    }

    /// Whether Continue makes sense: a stopped run, or one that completed or stopped early, for
    /// the settings fingerprinted `key`.
    pub fn can_resume(self, key: u64) -> bool {
        self.model_key.get() == Some(key)
            && self.worker_run.get_value() == Some(key)
            && self.model.with(Option::is_some)
            && matches!(
                self.status.get(),
                Status::Paused
                    | Status::Finished(StopReason::Completed | StopReason::EarlyStopped { .. })
            )
    }
}
