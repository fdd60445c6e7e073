//! A training job as plain messages, so the page and the Web Worker (and the native tests) speak one
//! protocol, and the worker adapter only moves messages. [`JobRunner`] is the worker's whole logic:
//! it owns a [`Trainer`], runs one batch per [`JobRunner::step`] and says what to report.
//!
//! Page → worker: [`ToWorker`] (`start`, `stop`, `resume`, `predict`, `cancel`). Worker → page:
//! [`FromWorker`] (`ready`, `started`, `batch`, `epoch`, `paused`, `finished`, `failed`, and for a
//! prediction `predicting`, `predictions`, `predict_failed`). Predictions ([`predict`]) are
//! stepped between training batches, so one never waits for the other to end. One worker serves
//! every session of the page: messages travel in an [`Addressed`] envelope and a [`Desk`] keeps
//! each session's run.

use super::{EpochRecord, Evaluation, History, StopReason, TrainConfig, Trainer};
use crate::data::Rows;
use crate::lang::Lang;
use crate::nn::saved::Shape;
use crate::nn::{MODEL_LIMITS, ModelFileError, ModelSpec, SavedModel, Sequential};
use serde::{Deserialize, Serialize};

pub mod desk;
pub mod predict;
mod rows;
pub use desk::{Addressed, Desk, EVERY_SESSION};
pub use predict::{PredictJob, PredictModel, PredictRunner};
pub use rows::JobRows;

/// Everything a training run needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainJob {
    /// The architecture.
    pub spec: ModelSpec,
    /// Seed of the initial weights.
    pub model_seed: u64,
    /// Batch size, epochs, validation, loss, optimiser, early stopping.
    pub config: TrainConfig,
    /// The training rows (the validation rows are split off them, as Keras does).
    pub train: JobRows,
    /// Pad (zero rows) or cut every sequence to this length (`None`: they already agree).
    #[serde(default)]
    pub fit_length: Option<usize>,
    /// The page's number for this run (its settings' fingerprint): a prediction may then name the
    /// run's weights ([`PredictModel::Run`]) instead of sending them again.
    #[serde(default)]
    pub run: u64,
}

/// A message to the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToWorker {
    /// Start a new run (replacing any other).
    Start(Box<TrainJob>),
    /// Stop after the current batch and report the weights so far.
    Stop,
    /// Continue a stopped or finished run, allowing `more_epochs` beyond the epochs done.
    Resume {
        /// Further epochs.
        more_epochs: usize,
    },
    /// Score rows with a model (answered with [`FromWorker::Predictions`]).
    Predict(Box<PredictJob>),
    /// Forget a prediction request that is no longer wanted.
    Cancel {
        /// The request's number.
        request: u64,
    },
}

/// A message from the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FromWorker {
    /// The worker is listening (messages sent before this are lost).
    Ready,
    /// A run began.
    Started {
        /// Rows trained on.
        train_rows: usize,
        /// Rows held out for validation.
        validation_rows: usize,
        /// Batches per epoch.
        batches: usize,
    },
    /// Progress within an epoch (at most every [`BATCH_REPORT_SECONDS`]).
    Batch {
        /// 1-based epoch.
        epoch: usize,
        /// 1-based batch.
        batch: usize,
        /// Batches per epoch.
        batches: usize,
        /// The batch's loss.
        #[serde(with = "crate::wire::f64")]
        loss: f64,
    },
    /// An epoch finished.
    Epoch {
        /// Its metrics.
        record: EpochRecord,
    },
    /// Stopped on request; can be resumed.
    Paused {
        /// The weights so far.
        model: SavedModel,
        /// The epochs so far.
        history: History,
    },
    /// The run ended (all epochs, early stop or divergence).
    Finished {
        /// Why.
        reason: StopReason,
        /// The final weights.
        model: SavedModel,
        /// Every epoch.
        history: History,
        /// Training rows per second of the whole run (batches only).
        #[serde(with = "crate::wire::f64")]
        samples_per_second: f64,
    },
    /// The job could not start.
    Failed {
        /// Korean message.
        ko: String,
        /// English message.
        en: String,
    },
    /// Progress of a prediction (at most every [`predict::PREDICT_REPORT_SECONDS`]).
    Predicting {
        /// The request's number.
        request: u64,
        /// Rows predicted so far.
        done: usize,
        /// Rows in the request.
        total: usize,
    },
    /// Every output of a prediction, row after row (`[N, columns]` flattened).
    Predictions {
        /// The request's number.
        request: u64,
        /// Outputs per row.
        columns: usize,
        /// The outputs.
        #[serde(with = "crate::wire::vec_f32")]
        values: Vec<f32>,
        /// The loss and metric against the targets, when the request gave a loss.
        #[serde(default)]
        evaluation: Option<Evaluation>,
    },
    /// A prediction could not be made.
    PredictFailed {
        /// The request's number.
        request: u64,
        /// Korean message.
        ko: String,
        /// English message.
        en: String,
    },
}

/// The shortest interval between two [`FromWorker::Batch`] reports.
pub const BATCH_REPORT_SECONDS: f64 = 0.05;

/// Why a job could not start, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobFailure {
    /// Korean.
    pub ko: String,
    /// English.
    pub en: String,
}

impl crate::lang::Message for JobFailure {
    fn message(&self, lang: Lang) -> String {
        lang.pick(&self.ko, &self.en).clone()
    }
}

impl From<JobFailure> for FromWorker {
    fn from(failure: JobFailure) -> FromWorker {
        FromWorker::Failed {
            ko: failure.ko,
            en: failure.en,
        }
    }
}

/// A run in progress inside the worker.
#[derive(Clone, Debug)]
pub struct JobRunner {
    trainer: Trainer,
    paused: bool,
    /// Whether the end of the run has been reported (a run with nothing to do still reports it).
    reported_end: bool,
    last_report: f64,
    samples: usize,
    seconds: f64,
    /// The page's number for the run.
    run: u64,
    /// The weights as last reported to the page (at a stop or the end).
    reported: Option<Sequential>,
}

impl JobRunner {
    /// Builds the model and the trainer for `job`.
    ///
    /// # Errors
    /// A [`JobFailure`] with the reason in both languages.
    pub fn start(job: TrainJob) -> Result<JobRunner, JobFailure> {
        let failed = |message: &dyn Fn(Lang) -> String| JobFailure {
            ko: message(Lang::Ko),
            en: message(Lang::En),
        };
        // Sizes first: nothing is allocated for a model or a batch that cannot fit.
        let facts = job
            .spec
            .check_training(job.config.batch_size, &MODEL_LIMITS)
            .map_err(|e| failed(&|l| e.message(l)))?;
        let data = job.train.samples(job.fit_length)?;
        // The data must be what the model reads and the targets what it gives.
        let sample = data.sample_shape();
        if sample != job.spec.input_shape {
            let e = ModelFileError::WrongInput {
                expected: Shape(sample),
                found: Shape(job.spec.input_shape.clone()),
            };
            return Err(failed(&|l| e.message(l)));
        }
        let output = facts
            .layers
            .last()
            .map(|l| l.output_shape.clone())
            .unwrap_or_default();
        if output != [data.targets().ncols()] {
            let e = ModelFileError::WrongOutput {
                expected: Shape(vec![data.targets().ncols()]),
                found: Shape(output),
            };
            return Err(failed(&|l| e.message(l)));
        }
        let model =
            Sequential::new(job.spec, job.model_seed).map_err(|e| failed(&|l| e.message(l)))?;
        let trainer =
            Trainer::new(model, data, job.config).map_err(|e| failed(&|l| e.message(l)))?;
        Ok(JobRunner {
            trainer,
            paused: false,
            reported_end: false,
            last_report: f64::NEG_INFINITY,
            samples: 0,
            seconds: 0.0,
            run: job.run,
            reported: None,
        })
    }

    /// The run's number and its weights as last reported to the page (what a prediction naming
    /// the run scores with), once a stop or the end was reported.
    pub fn reported(&self) -> Option<(u64, &Sequential)> {
        self.reported.as_ref().map(|model| (self.run, model))
    }

    /// The [`FromWorker::Started`] report of this run.
    pub fn started(&self) -> FromWorker {
        FromWorker::Started {
            train_rows: self.trainer.training_rows().len(),
            validation_rows: self.trainer.validation_rows().map_or(0, |v| v.len()),
            batches: self.trainer.batches_per_epoch(),
        }
    }

    /// Whether [`JobRunner::step`] has work to do (a batch, or the report of the end).
    pub fn is_running(&self) -> bool {
        !self.paused && !self.reported_end
    }

    /// Trains one batch. `now` is a clock in seconds. Returns what to report (possibly nothing);
    /// once the run has ended, the last call reports [`FromWorker::Finished`] (at once for a run of
    /// 0 epochs).
    pub fn step(&mut self, now: &mut dyn FnMut() -> f64) -> Vec<FromWorker> {
        if !self.is_running() {
            return Vec::new();
        }
        let start = now();
        let progress = if self.trainer.stop_reason().is_none() {
            self.trainer.train_batch()
        } else {
            None
        };
        let end = now();
        self.seconds += end - start;
        let mut out = Vec::new();
        if let Some(p) = progress {
            self.samples += self.trainer.rows_in_batch(p.batch);
            if p.batch == 1 || end - self.last_report >= BATCH_REPORT_SECONDS {
                self.last_report = end;
                out.push(FromWorker::Batch {
                    epoch: p.epoch,
                    batch: p.batch,
                    batches: p.batches,
                    loss: p.loss,
                });
            }
            if let Some(record) = p.finished_epoch {
                out.push(FromWorker::Epoch { record });
            }
        }
        if let Some(reason) = self.trainer.stop_reason() {
            self.reported_end = true;
            self.reported = Some(self.trainer.model.clone());
            out.push(FromWorker::Finished {
                reason: reason.clone(),
                model: self.trainer.model.to_saved(),
                history: self.trainer.history().clone(),
                samples_per_second: self.samples as f64 / self.seconds.max(1e-9),
            });
        }
        out
    }

    /// Stops before the next batch; returns the report.
    pub fn stop(&mut self) -> FromWorker {
        self.paused = true;
        self.reported = Some(self.trainer.model.clone());
        FromWorker::Paused {
            model: self.trainer.model.to_saved(),
            history: self.trainer.history().clone(),
        }
    }

    /// Continues after a stop; after the run ended, allows `more_epochs` further epochs.
    pub fn resume(&mut self, more_epochs: usize) {
        self.paused = false;
        if self.trainer.stop_reason().is_some() {
            self.trainer.extend(more_epochs);
            self.reported_end = self.trainer.stop_reason().is_some();
        }
    }
}

#[cfg(test)]
mod tests;
