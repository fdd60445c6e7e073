//! Training: `Trainer` runs a model over a dataset one batch (or one epoch) per call, so a caller —
//! a test, a benchmark, the browser's Web Worker — can report progress and stop at any moment.
//!
//! One step: forward the batch → loss and its gradient ([`crate::nn::LossConfig`]) → backward
//! through the model → the optimiser updates every parameter. One epoch: every training row once,
//! in a seeded shuffled order. After each epoch the validation rows are scored in inference mode,
//! and early stopping may end the run; a NaN or infinite loss ends it at once ([`StopReason`]).

pub mod bench;
mod config;
pub mod diagnosis;
mod evaluate;
mod history;
pub mod job;

pub use config::{EarlyStopping, Monitor, TrainConfig, ValidationMode};
pub use diagnosis::{Diagnosis, diagnose};
pub use evaluate::{Evaluation, evaluate, evaluate_with_predictions};
pub use history::{EpochRecord, History, StopReason};

use crate::data::{Rows, Samples};
use crate::lang::{Lang, Particle, with_particle};
use crate::metrics;
use crate::nn::init::{SeededRng, seeded_rng};
use crate::nn::{LossKind, Optimizer, Sequential};
use ndarray::ArrayD;
use rand::seq::SliceRandom;

/// Why a training run cannot start.
#[derive(Clone, Debug, PartialEq)]
pub enum TrainError {
    /// A batch size of 0.
    BatchSize,
    /// A validation fraction outside `[0, 1)`.
    ValidationSplit(f64),
    /// Too few rows: none left to train on after the validation split.
    TooFewRows(usize),
}

impl TrainError {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TrainError::BatchSize => lang.pick(
                "배치 크기는 1 이상이어야 합니다.".into(),
                "The batch size must be at least 1.".into(),
            ),
            TrainError::ValidationSplit(f) => lang.pick(
                format!(
                    "검증 비율 {} 0 이상 1 미만이어야 합니다.",
                    with_particle(&f.to_string(), Particle::Topic)
                ),
                format!("The validation fraction {f} must be at least 0 and below 1."),
            ),
            TrainError::TooFewRows(n) => lang.pick(
                format!("데이터가 {n}개뿐이라 검증 세트를 떼고 나면 학습할 행이 남지 않습니다."),
                format!(
                    "Only {n} rows: none would be left to train on after the validation split."
                ),
            ),
        }
    }
}

crate::message!(TrainError);

/// Progress after one batch.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchProgress {
    /// 1-based epoch the batch belonged to.
    pub epoch: usize,
    /// 1-based batch within the epoch.
    pub batch: usize,
    /// Batches per epoch.
    pub batches: usize,
    /// The batch's loss.
    pub loss: f64,
    /// The epoch's record if this batch finished it.
    pub finished_epoch: Option<EpochRecord>,
}

/// Running sums over the batches of the current epoch.
#[derive(Clone, Debug, Default)]
struct Running {
    loss_sum: f64,
    correct: usize,
    seen: usize,
    predictions: Vec<f32>,
    targets: Vec<f32>,
}

/// A training run in progress.
#[derive(Clone, Debug)]
pub struct Trainer {
    /// The model being trained.
    pub model: Sequential,
    optimizer: Optimizer,
    config: TrainConfig,
    train: Samples,
    validation: Option<Samples>,
    rng: SeededRng,
    order: Vec<usize>,
    epochs_done: usize,
    cursor: usize,
    batch: usize,
    running: Running,
    history: History,
    best: Option<(f64, usize, Vec<ArrayD<f32>>)>,
    stopped: Option<StopReason>,
}

impl Trainer {
    /// Sets up a run: splits off the validation rows and creates the optimiser.
    ///
    /// # Errors
    /// [`TrainError`] for a batch size of 0, a validation fraction outside `[0, 1)`, or no rows
    /// left to train on.
    pub fn new(
        model: Sequential,
        data: impl Into<Samples>,
        config: TrainConfig,
    ) -> Result<Trainer, TrainError> {
        let data = data.into();
        if config.batch_size == 0 {
            return Err(TrainError::BatchSize);
        }
        if !(0.0..1.0).contains(&config.validation_split) {
            return Err(TrainError::ValidationSplit(config.validation_split));
        }
        let mut rng = seeded_rng(config.seed);
        let n = data.len();
        let data = match config.validation_mode {
            ValidationMode::LastRows => data,
            ValidationMode::Shuffled => {
                let mut order: Vec<usize> = (0..n).collect();
                order.shuffle(&mut rng);
                data.select(&order)
            }
        };
        // Keras: split_at = floor(N · (1 − validation_split)).
        let split_at = (n as f64 * (1.0 - config.validation_split)).floor() as usize;
        if split_at == 0 {
            return Err(TrainError::TooFewRows(n));
        }
        let (train, validation) = data.split_at(split_at);
        let validation = (!validation.is_empty()).then_some(validation);
        Ok(Trainer {
            model,
            optimizer: Optimizer::new(&config.optimizer),
            train,
            validation,
            rng,
            order: Vec::new(),
            epochs_done: 0,
            cursor: 0,
            batch: 0,
            running: Running::default(),
            history: History::default(),
            best: None,
            stopped: (config.epochs == 0).then_some(StopReason::Completed),
            config,
        })
    }

    /// The rows trained on.
    pub fn training_rows(&self) -> &Samples {
        &self.train
    }

    /// The validation rows, if any.
    pub fn validation_rows(&self) -> Option<&Samples> {
        self.validation.as_ref()
    }

    /// The records of the finished epochs.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Why the run ended, once it has.
    pub fn stop_reason(&self) -> Option<&StopReason> {
        self.stopped.as_ref()
    }

    /// Rows in batch `batch` (1-based) of an epoch: the batch size, or the remainder for the last.
    pub fn rows_in_batch(&self, batch: usize) -> usize {
        let n = self.train.len();
        let bs = self.config.batch_size;
        if batch == self.batches_per_epoch() {
            n - bs * (batch - 1)
        } else {
            bs
        }
    }

    /// Batches per epoch, `⌈N_train / batch_size⌉`.
    pub fn batches_per_epoch(&self) -> usize {
        self.train.len().div_ceil(self.config.batch_size)
    }

    /// Allows `more` further epochs after the run completed or stopped early (not after it
    /// diverged), keeping the weights and the optimiser's state.
    pub fn extend(&mut self, more: usize) {
        if !matches!(self.stopped, Some(StopReason::Diverged { .. })) && more > 0 {
            self.config.epochs = self.epochs_done + more;
            self.stopped = None;
            self.best = None;
        }
    }

    fn is_regression(&self) -> bool {
        self.config.loss.kind == LossKind::MeanSquaredError
    }

    /// Trains on the next batch. Returns `None` once the run has ended.
    pub fn train_batch(&mut self) -> Option<BatchProgress> {
        if self.stopped.is_some() {
            return None;
        }
        if self.cursor == 0 {
            self.order = (0..self.train.len()).collect();
            if self.config.shuffle {
                self.order.shuffle(&mut self.rng);
            }
            self.running = Running::default();
        }
        let end = (self.cursor + self.config.batch_size).min(self.train.len());
        let batch = self.train.batch(&self.order[self.cursor..end]);
        let output = self.model.forward(&batch.x, true);
        let (loss, from_logits) = self.config.loss.evaluate(&self.model, &output, &batch.y);
        self.batch += 1;
        let epoch = self.epochs_done + 1;
        if !loss.loss.is_finite() {
            self.stopped = Some(StopReason::Diverged {
                epoch,
                batch: self.batch,
                loss: f64::from(loss.loss),
                in_weights: false,
            });
            return None;
        }
        self.model
            .backward_params(&loss.grad.into_dyn(), from_logits);
        self.optimizer.step(&mut self.model.params_mut());
        // A finite loss can still give a non-finite update (a learning rate of ∞, an overflowing
        // step): the weights are checked too, or the next epoch would report NaN as "completed".
        let finite = self
            .model
            .params()
            .iter()
            .all(|p| p.value.iter().all(|v| v.is_finite()));
        if !finite {
            self.stopped = Some(StopReason::Diverged {
                epoch,
                batch: self.batch,
                loss: f64::from(loss.loss),
                in_weights: true,
            });
            return None;
        }

        let rows = batch.len();
        self.running.loss_sum += f64::from(loss.loss) * rows as f64;
        self.running.seen += rows;
        let output = output
            .into_dimensionality::<ndarray::Ix2>()
            .expect("[B, K] output");
        if self.is_regression() {
            self.running.predictions.extend(output.iter());
            self.running.targets.extend(batch.y.iter());
        } else {
            let (p, t) = (
                metrics::classes(output.view()),
                metrics::classes(batch.y.view()),
            );
            self.running.correct += p.iter().zip(&t).filter(|(a, b)| a == b).count();
        }
        self.cursor = end;
        let progress_batch = self.batch;
        let finished_epoch = (self.cursor == self.train.len()).then(|| self.finish_epoch());
        Some(BatchProgress {
            epoch,
            batch: progress_batch,
            batches: self.batches_per_epoch(),
            loss: f64::from(loss.loss),
            finished_epoch,
        })
    }

    /// Trains until the current epoch ends. Returns its record, or `None` if the run had ended
    /// (or ended during the epoch by diverging).
    pub fn train_epoch(&mut self) -> Option<EpochRecord> {
        loop {
            let progress = self.train_batch()?;
            if let Some(record) = progress.finished_epoch {
                return Some(record);
            }
        }
    }

    /// Trains until the run ends and returns why it ended.
    pub fn fit(&mut self) -> StopReason {
        while self.train_epoch().is_some() {}
        self.stopped.clone().unwrap_or(StopReason::Completed)
    }

    fn finish_epoch(&mut self) -> EpochRecord {
        self.epochs_done += 1;
        let running = std::mem::take(&mut self.running);
        let seen = running.seen.max(1) as f64;
        let (accuracy, r2) = if self.is_regression() {
            (
                None,
                Some(metrics::r2(&running.targets, &running.predictions)),
            )
        } else {
            (Some(running.correct as f64 / seen), None)
        };
        let validation = self
            .validation
            .as_ref()
            .map(|v| evaluate(&mut self.model, self.config.loss, v, self.config.batch_size));
        let record = EpochRecord {
            epoch: self.epochs_done,
            loss: running.loss_sum / seen,
            accuracy,
            r2,
            val_loss: validation.as_ref().map(|v| v.loss),
            val_accuracy: validation.as_ref().and_then(|v| v.accuracy),
            val_r2: validation.as_ref().and_then(|v| v.r2),
        };
        self.history.epochs.push(record.clone());
        self.cursor = 0;
        self.batch = 0;
        self.check_early_stopping(&record);
        if self.stopped.is_none() && self.epochs_done >= self.config.epochs {
            self.stopped = Some(StopReason::Completed);
        }
        record
    }

    fn check_early_stopping(&mut self, record: &EpochRecord) {
        let Some(rule) = self.config.early_stopping else {
            return;
        };
        let value = match rule.monitor {
            Monitor::ValLoss => record.val_loss.unwrap_or(record.loss),
            Monitor::Loss => record.loss,
        };
        let improved = self.best.as_ref().is_none_or(|(best, _, _)| value < *best);
        if improved {
            let weights = if rule.restore_best_weights {
                self.model
                    .params()
                    .iter()
                    .map(|p| p.value.clone())
                    .collect()
            } else {
                Vec::new()
            };
            self.best = Some((value, record.epoch, weights));
            return;
        }
        let (_, best_epoch, weights) = self.best.as_ref().expect("set on the first epoch");
        if record.epoch - best_epoch >= rule.patience {
            if rule.restore_best_weights {
                for (param, saved) in self.model.params_mut().into_iter().zip(weights) {
                    param.value.assign(saved);
                }
            }
            self.stopped = Some(StopReason::EarlyStopped {
                epoch: record.epoch,
                best_epoch: *best_epoch,
            });
        }
    }
}
