//! A training job as plain messages, so the page and the Web Worker (and the native tests) speak one
//! protocol, and the worker adapter only moves messages. [`JobRunner`] is the worker's whole logic:
//! it owns a [`Trainer`], runs one batch per [`JobRunner::step`] and says what to report.
//!
//! Page → worker: [`ToWorker`] (`start`, `stop`, `resume`). Worker → page: [`FromWorker`]
//! (`ready`, `started`, `batch`, `epoch`, `paused`, `finished`, `failed`).

use super::{EpochRecord, History, StopReason, TrainConfig, Trainer};
use crate::data::SequenceTable;
use crate::lang::Lang;
use crate::nn::saved::Shape;
use crate::nn::{MODEL_LIMITS, ModelFileError, ModelSpec, SavedModel, Sequential};
use serde::{Deserialize, Serialize};

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
    pub train: SequenceTable,
    /// Pad (zero rows) or cut every sequence to this length (`None`: they already agree).
    #[serde(default)]
    pub fit_length: Option<usize>,
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
        let data = job
            .train
            .to_dataset_fitted(job.fit_length)
            .map_err(|e| failed(&|l| e.message(l)))?;
        // The data must be what the model reads and the targets what it gives.
        let sample = data.x.shape()[1..].to_vec();
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
        if output != [data.y.ncols()] {
            let e = ModelFileError::WrongOutput {
                expected: Shape(vec![data.y.ncols()]),
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
        })
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
mod tests {
    use super::*;
    use crate::nn::{LossConfig, LossKind, OptimizerConfig, Padding};
    use crate::training::ValidationMode;

    fn job(epochs: usize) -> TrainJob {
        let sequences: Vec<String> = (0..40)
            .map(|i| {
                if i % 2 == 0 {
                    "CCGGAACCGGAACCGGAACC"
                } else {
                    "ATATATATATATATATATAT"
                }
                .to_string()
            })
            .collect();
        let targets = (0..40)
            .map(|i| {
                if i % 2 == 0 {
                    vec![1.0, 0.0]
                } else {
                    vec![0.0, 1.0]
                }
            })
            .collect();
        TrainJob {
            spec: ModelSpec::lecture(Padding::Valid),
            model_seed: 1,
            config: TrainConfig {
                batch_size: 10,
                epochs,
                validation_split: 0.25,
                validation_mode: ValidationMode::LastRows,
                shuffle: true,
                seed: 1,
                loss: LossConfig {
                    kind: LossKind::CategoricalCrossentropy,
                    semantics: Default::default(),
                },
                optimizer: OptimizerConfig::default(),
                early_stopping: None,
            },
            train: SequenceTable { sequences, targets },
            fit_length: None,
        }
    }

    #[test]
    fn runs_to_the_end_and_reports_every_epoch_then_finishes() {
        let mut runner = JobRunner::start(job(2)).unwrap();
        assert_eq!(
            runner.started(),
            FromWorker::Started {
                train_rows: 30,
                validation_rows: 10,
                batches: 3
            }
        );
        let mut clock = 0.0;
        let mut now = || {
            clock += 0.001;
            clock
        };
        let mut messages = Vec::new();
        while runner.is_running() {
            messages.extend(runner.step(&mut now));
        }
        let epochs = messages
            .iter()
            .filter(|m| matches!(m, FromWorker::Epoch { .. }))
            .count();
        assert_eq!(epochs, 2);
        let Some(FromWorker::Finished {
            reason,
            history,
            samples_per_second,
            ..
        }) = messages.last()
        else {
            panic!("no finish")
        };
        assert_eq!(*reason, StopReason::Completed);
        assert_eq!(history.epochs.len(), 2);
        assert!(*samples_per_second > 0.0);
        // JSON round trip of every message (what crosses the worker boundary).
        for message in &messages {
            let text = serde_json::to_string(message).unwrap();
            assert_eq!(&serde_json::from_str::<FromWorker>(&text).unwrap(), message);
        }
    }

    #[test]
    fn stop_pauses_and_resume_continues_past_the_end() {
        let mut runner = JobRunner::start(job(1)).unwrap();
        let mut now = || 0.0;
        runner.step(&mut now);
        assert!(matches!(runner.stop(), FromWorker::Paused { .. }));
        assert!(!runner.is_running() && runner.step(&mut now).is_empty());
        runner.resume(0);
        while runner.is_running() {
            runner.step(&mut now);
        }
        runner.resume(2);
        let mut finished = None;
        while runner.is_running() {
            finished = runner
                .step(&mut now)
                .into_iter()
                .find(|m| matches!(m, FromWorker::Finished { .. }));
        }
        let Some(FromWorker::Finished { history, .. }) = finished else {
            panic!("no finish")
        };
        assert_eq!(history.epochs.len(), 3);
    }

    fn run_to_end(runner: &mut JobRunner) -> Vec<FromWorker> {
        let mut now = || 0.0;
        let mut messages = Vec::new();
        while runner.is_running() {
            messages.extend(runner.step(&mut now));
        }
        messages
    }

    #[test]
    fn zero_epochs_finish_at_once() {
        let mut runner = JobRunner::start(job(0)).unwrap();
        let messages = run_to_end(&mut runner);
        assert!(matches!(
            messages.as_slice(),
            [FromWorker::Finished { reason: StopReason::Completed, history, .. }] if history.epochs.is_empty()
        ));
    }

    #[test]
    fn a_diverged_run_crosses_the_boundary_with_its_nan() {
        let mut diverging = job(3);
        diverging.config.optimizer = OptimizerConfig::Sgd(crate::nn::SgdConfig {
            learning_rate: f32::INFINITY,
            momentum: 0.0,
        });
        let mut runner = JobRunner::start(diverging).unwrap();
        let messages = run_to_end(&mut runner);
        let Some(finished @ FromWorker::Finished { reason, .. }) = messages.last() else {
            panic!("no finish: {messages:?}")
        };
        assert!(
            matches!(
                reason,
                StopReason::Diverged {
                    epoch: 1,
                    batch: 1,
                    in_weights: true,
                    ..
                }
            ),
            "{reason:?}"
        );
        // The weights are NaN/∞ and the message still parses on the other side.
        let text = serde_json::to_string(finished).unwrap();
        assert!(
            text.contains("\"NaN\"") || text.contains("Infinity"),
            "{text}"
        );
        let FromWorker::Finished { model, .. } = serde_json::from_str::<FromWorker>(&text).unwrap()
        else {
            panic!("not a finish")
        };
        assert!(
            model
                .weights
                .iter()
                .any(|t| t.values.iter().any(|v| !v.is_finite()))
        );
        let loss = FromWorker::Batch {
            epoch: 1,
            batch: 2,
            batches: 3,
            loss: f64::NAN,
        };
        let text = serde_json::to_string(&loss).unwrap();
        assert!(matches!(
            serde_json::from_str::<FromWorker>(&text).unwrap(),
            FromWorker::Batch { loss, .. } if loss.is_nan()
        ));
    }

    #[test]
    fn mixed_lengths_train_with_a_fit_length() {
        let mut uneven = job(1);
        uneven.train.sequences[5] = "ACGT".into();
        assert!(
            JobRunner::start(uneven.clone()).is_err(),
            "without fitting, lengths must agree"
        );
        uneven.fit_length = Some(20);
        let mut runner = JobRunner::start(uneven).unwrap();
        assert!(matches!(
            run_to_end(&mut runner).last(),
            Some(FromWorker::Finished {
                reason: StopReason::Completed,
                ..
            })
        ));
    }

    #[test]
    fn a_bad_job_fails_in_both_languages() {
        let mut bad = job(1);
        bad.train.sequences[3] = "ACGX".into();
        let Err(JobFailure { ko, en }) = JobRunner::start(bad) else {
            panic!("expected a failure")
        };
        assert!(en.starts_with("Row 4:") && ko.starts_with("4번째 행"));
        let message = ToWorker::Start(Box::new(job(1)));
        let text = serde_json::to_string(&message).unwrap();
        assert!(text.starts_with(r#"{"type":"start""#));
        assert_eq!(serde_json::from_str::<ToWorker>(&text).unwrap(), message);
    }
}
