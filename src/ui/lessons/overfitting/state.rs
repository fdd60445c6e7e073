//! The overfitting page's state: the settings (mirrored in the URL), the simulated bench of the
//! current seed, the training run in the worker, and the table of finished runs. When the worker
//! hands over a run's weights they are scored on the test set in short tasks and the run's row is
//! added (or updated, after Continue).

use crate::lab::knobs::keys;
use crate::lab::overfitting::ranges;
use crate::lab::overfitting::{Bench, RunSummary, Settings, score_predictions, summarize};
use crate::training::{History, StopReason};
use crate::ui::keep::kept;
use crate::ui::state::{use_bounded_param, use_query_param};
use crate::ui::training::{Status, TrainingSession};
use leptos::prelude::*;

/// One row of the runs table: its number, summary and curves.
#[derive(Clone, Debug, PartialEq)]
pub struct RunRecord {
    /// 1-based run number on this page.
    pub id: usize,
    /// The numbers.
    pub summary: RunSummary,
    /// Every epoch (for the comparison chart).
    pub history: History,
}

/// What the page keeps for the whole visit ([`kept`]): the run and the runs table.
#[derive(Clone, Copy)]
struct Kept {
    session: TrainingSession,
    running: RwSignal<Option<(usize, Settings)>>,
    runs: RwSignal<Vec<RunRecord>>,
    plotted: RwSignal<Vec<usize>>,
}

/// Every signal of the page.
#[derive(Clone, Copy)]
pub struct Over {
    /// Training rows (`?rows=`).
    pub rows: RwSignal<usize>,
    /// Learning rate (`?lr=`).
    pub learning_rate: RwSignal<f64>,
    /// Filters (`?f=`).
    pub filters: RwSignal<usize>,
    /// Kernel size (`?k=`).
    pub kernel: RwSignal<usize>,
    /// Epochs (`?ep=`).
    pub epochs: RwSignal<usize>,
    /// Batch size (`?bs=`).
    pub batch: RwSignal<usize>,
    /// Early stopping on or off (`?es=`).
    pub early_stopping: RwSignal<bool>,
    /// Patience (`?pat=`).
    pub patience: RwSignal<usize>,
    /// Seed (`?seed=`).
    pub seed: RwSignal<u64>,
    /// The simulated data of the seed.
    pub bench: Memo<Bench>,
    /// The worker's run.
    pub session: TrainingSession,
    /// The number and settings of the run in the worker (or last in it).
    pub running: RwSignal<Option<(usize, Settings)>>,
    /// Finished (or stopped) runs, oldest first.
    pub runs: RwSignal<Vec<RunRecord>>,
    /// Ids of the runs drawn in the comparison chart.
    pub plotted: RwSignal<Vec<usize>>,
}

/// Runs drawn in the comparison chart at most.
pub const MAX_PLOTTED: usize = 4;

impl Over {
    /// Creates the state from the URL and starts the worker.
    pub fn new() -> Over {
        let defaults = Settings::default();
        let seed = use_bounded_param("seed", defaults.seed, ranges::SEED);
        let kept = kept(|| Kept {
            session: TrainingSession::create(),
            running: RwSignal::new(None),
            runs: RwSignal::new(Vec::new()),
            plotted: RwSignal::new(Vec::new()),
        });
        kept.session.warm_up();
        let over = Over {
            rows: use_bounded_param("rows", defaults.rows, ranges::ROWS),
            learning_rate: use_bounded_param(
                keys::LEARNING_RATE,
                defaults.learning_rate,
                ranges::LEARNING_RATE,
            ),
            filters: use_bounded_param("f", defaults.filters, ranges::FILTERS),
            kernel: use_bounded_param("k", defaults.kernel_size, ranges::KERNEL),
            epochs: use_bounded_param(keys::EPOCHS, defaults.epochs, ranges::EPOCHS),
            batch: use_bounded_param(keys::BATCH, defaults.batch_size, ranges::BATCH),
            early_stopping: use_query_param("es", defaults.patience.is_some()),
            patience: use_bounded_param(
                keys::PATIENCE,
                defaults.patience.unwrap_or(5),
                ranges::PATIENCE,
            ),
            seed,
            bench: Memo::new(move |_| Bench::new(seed.get())),
            session: kept.session,
            running: kept.running,
            runs: kept.runs,
            plotted: kept.plotted,
        };
        over.record_finished_runs();
        over
    }

    /// The settings as the form shows them.
    pub fn settings(self) -> Settings {
        Settings {
            rows: self.rows.get(),
            learning_rate: self.learning_rate.get(),
            filters: self.filters.get(),
            kernel_size: self.kernel.get(),
            epochs: self.epochs.get(),
            batch_size: self.batch.get(),
            patience: self.early_stopping.get().then(|| self.patience.get()),
            seed: self.seed.get(),
        }
    }

    /// The settings as the form shows them, without subscribing to them.
    pub fn settings_untracked(self) -> Settings {
        untrack(move || self.settings())
    }

    /// Puts `settings` into the form.
    pub fn apply(self, settings: Settings) {
        self.rows.set(settings.rows);
        self.learning_rate.set(settings.learning_rate);
        self.filters.set(settings.filters);
        self.kernel.set(settings.kernel_size);
        self.epochs.set(settings.epochs);
        self.batch.set(settings.batch_size);
        self.early_stopping.set(settings.patience.is_some());
        if let Some(p) = settings.patience {
            self.patience.set(p);
        }
        self.seed.set(settings.seed);
    }

    /// Starts a run with the form's settings (if the worker is free).
    pub fn train(self) {
        if self.session.is_busy() || !self.session.worker_ready.get_untracked() {
            return;
        }
        let settings = self.settings_untracked();
        let job = self.bench.with_untracked(|b| b.job(&settings));
        let id = self.running.get_untracked().map_or(1, |(id, _)| id + 1);
        self.running.set(Some((id, settings)));
        self.session.start(job, settings.key());
    }

    /// Scores each model the worker hands over and records its run.
    fn record_finished_runs(self) {
        Effect::new(move || {
            let Some(saved) = self.session.model.get() else {
                return;
            };
            let Some((id, settings)) = self.running.get_untracked() else {
                return;
            };
            if self.session.model_key.get_untracked() != Some(settings.key()) {
                return;
            }
            let reason = match self.session.status.get_untracked() {
                Status::Finished(reason) => Some(reason),
                _ => None::<StopReason>,
            };
            let history = self.session.history.get_untracked();
            // Only the test rows are needed, not the whole simulated pool.
            let (test_set, sequences) = self
                .bench
                .with_untracked(|b| (b.test_set().clone(), b.test_sequences()));
            let session = self.session;
            leptos::task::spawn_local(async move {
                let Ok(predictions) = session.predict_sequences(saved, sequences, None).await
                else {
                    return;
                };
                let test = score_predictions(&test_set, &predictions);
                let Some(summary) = summarize(settings, &history, reason, test) else {
                    return;
                };
                let record = RunRecord {
                    id,
                    summary,
                    history,
                };
                self.runs
                    .try_update(|runs| match runs.iter_mut().find(|r| r.id == id) {
                        Some(old) => *old = record,
                        None => runs.push(record),
                    });
                self.plotted.try_update(|p| {
                    if !p.contains(&id) {
                        p.push(id);
                        if p.len() > MAX_PLOTTED {
                            p.remove(0);
                        }
                    }
                });
            });
        });
    }
}
