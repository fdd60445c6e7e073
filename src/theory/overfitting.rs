//! The overfitting lesson's bench: the lecture's simulated binding sites (20 nt, the CCGGAA motif
//! planted at a random position, so a rule that holds everywhere must be learned), the lecture's CNN whose width, kernel, learning rate, batch size, epochs and
//! early stopping the student sets, trained on as few or as many rows as chosen and scored on one
//! fixed test set that no run ever trains or validates on.
//!
//! The rows of a run are the first `rows` of a seeded shuffle of the training pool, so a larger
//! run contains every row of a smaller one (the same seed compares like with like), and Keras's
//! `validation_split` holds out the last fifth of them.

use crate::bio::simulate::{Placement, SimulationConfig, lecture_motif};
use crate::data::Dataset;
use crate::lab::motif::MotifExperiment;
use crate::lang::Lang;
use crate::metrics;
use crate::nn::loss::categorical_crossentropy;
use crate::nn::{
    Activation, AdamConfig, Conv1dConfig, DenseConfig, LayerSpec, LossConfig, LossKind,
    LossSemantics, MaxPool1dConfig, ModelSpec, OptimizerConfig, Padding, Sequential,
};
use crate::training::job::TrainJob;
use crate::training::{
    EarlyStopping, Evaluation, History, Monitor, StopReason, TrainConfig, ValidationMode,
};
use ndarray::Array2;
use serde::{Deserialize, Serialize};

/// Length of every simulated sequence.
pub const LENGTH: usize = 20;
/// Rows available for training (and validation).
pub const POOL_ROWS: usize = 5000;
/// Rows of the fixed test set.
pub const TEST_ROWS: usize = 1000;
/// Fraction of a run's rows held out for validation (Keras `validation_split`).
pub const VALIDATION_SPLIT: f64 = 0.2;
/// The row counts the page offers.
pub const ROW_CHOICES: [usize; 6] = [100, 200, 500, 1000, 2000, POOL_ROWS];
/// The learning rates the page offers.
pub const LEARNING_RATES: [f64; 5] = [0.0001, 0.001, 0.01, 0.1, 1.0];
/// The batch sizes the page offers.
pub const BATCH_SIZES: [usize; 5] = [4, 16, 32, 128, POOL_ROWS];

const LOSS: LossConfig = LossConfig {
    kind: LossKind::CategoricalCrossentropy,
    semantics: LossSemantics::KerasFit,
};

/// What the student sets for one run.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Training rows, validation included.
    pub rows: usize,
    /// Adam's step size.
    pub learning_rate: f64,
    /// Conv1D filters.
    pub filters: usize,
    /// Conv1D kernel size.
    pub kernel_size: usize,
    /// The most epochs to run.
    pub epochs: usize,
    /// Rows per gradient step.
    pub batch_size: usize,
    /// Early stopping on the validation loss with this patience (weights of the best epoch
    /// restored), or none.
    pub patience: Option<usize>,
    /// Seed of the data, the split, the initial weights and the shuffling.
    pub seed: u64,
}

impl Default for Settings {
    /// Too few rows for this model: 100 rows, 16 filters of width 6, Keras's defaults for Adam
    /// (0.001) and the batch size (32), 100 epochs, no early stopping, seed 1.
    fn default() -> Settings {
        Settings {
            rows: 100,
            learning_rate: 0.001,
            filters: 16,
            kernel_size: 6,
            epochs: 100,
            batch_size: 32,
            patience: None,
            seed: 1,
        }
    }
}

impl Settings {
    /// The same settings with every row of the pool.
    pub fn enough_rows(self) -> Settings {
        Settings {
            rows: POOL_ROWS,
            ..self
        }
    }

    /// Rows held out for validation (the last fifth, rounded as Keras does).
    pub fn validation_rows(&self) -> usize {
        self.rows - self.fitted_rows()
    }

    /// Rows the gradient steps see.
    pub fn fitted_rows(&self) -> usize {
        (self.rows as f64 * (1.0 - VALIDATION_SPLIT)).floor() as usize
    }

    /// Gradient steps per epoch: ⌈fitted rows / batch size⌉.
    pub fn updates_per_epoch(&self) -> usize {
        self.fitted_rows().div_ceil(self.batch_size.max(1))
    }

    /// The model: the lecture's CNN with a softmax output, Conv1D(filters, kernel, same, relu) →
    /// MaxPooling1D(4) → Flatten → Dense(2, softmax), on `[20, 4]` one-hot sequences.
    pub fn spec(&self) -> ModelSpec {
        ModelSpec {
            input_shape: vec![LENGTH, 4],
            layers: vec![
                LayerSpec::Conv1d(Conv1dConfig {
                    filters: self.filters,
                    kernel_size: self.kernel_size,
                    padding: Padding::Same,
                    activation: Activation::Relu,
                }),
                LayerSpec::MaxPool1d(MaxPool1dConfig { pool_size: 4 }),
                LayerSpec::Flatten,
                LayerSpec::Dense(DenseConfig {
                    units: 2,
                    activation: Activation::Softmax,
                }),
            ],
        }
    }

    /// The training settings: categorical cross-entropy, Adam, validation split, early stopping.
    pub fn config(&self) -> TrainConfig {
        TrainConfig {
            batch_size: self.batch_size,
            epochs: self.epochs,
            validation_split: VALIDATION_SPLIT,
            validation_mode: ValidationMode::LastRows,
            shuffle: true,
            seed: self.seed,
            loss: LOSS,
            optimizer: OptimizerConfig::Adam(AdamConfig {
                learning_rate: self.learning_rate as f32,
                ..AdamConfig::default()
            }),
            early_stopping: self.patience.map(|patience| EarlyStopping {
                monitor: Monitor::ValLoss,
                patience,
                restore_best_weights: true,
            }),
        }
    }
}

/// The simulated data of one seed: a training pool and a fixed test set.
#[derive(Clone, Debug, PartialEq)]
pub struct Bench {
    experiment: MotifExperiment,
    test: Dataset,
    seed: u64,
}

impl Bench {
    /// Simulates `POOL_ROWS + TEST_ROWS` sequences (half with the motif) with `seed`.
    pub fn new(seed: u64) -> Bench {
        let motif = lecture_motif().normalize(0.0).expect("the lecture motif");
        let total = POOL_ROWS + TEST_ROWS;
        let simulation = SimulationConfig {
            length: LENGTH,
            positives: total / 2,
            negatives: total - total / 2,
            placement: Placement::Random,
            seed,
        };
        let test_fraction = TEST_ROWS as f64 / total as f64;
        let experiment = MotifExperiment::new(&motif, &simulation, test_fraction, seed)
            .expect("a valid simulation");
        let test = experiment
            .test()
            .to_dataset()
            .expect("simulated sequences are valid");
        Bench {
            experiment,
            test,
            seed,
        }
    }

    /// The seed the data was simulated with.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The job of a run with `settings` (its first `settings.rows` rows of the pool).
    pub fn job(&self, settings: &Settings) -> TrainJob {
        let rows = settings.rows.min(self.experiment.split.train.len());
        TrainJob {
            spec: settings.spec(),
            model_seed: settings.seed,
            config: settings.config(),
            train: self.experiment.table(&self.experiment.split.train[..rows]),
            fit_length: None,
        }
    }

    /// The fixed test set, `[TEST_ROWS, 30, 4]` → `[TEST_ROWS, 2]`.
    pub fn test_set(&self) -> &Dataset {
        &self.test
    }

    /// The loss and accuracy of `model` on the test set.
    pub fn score(&self, model: &mut Sequential) -> Evaluation {
        self.score_predictions(&model.predict(&self.test.x, 250))
    }

    /// The test loss (categorical cross-entropy of the probabilities) and accuracy of
    /// `predictions`.
    ///
    /// # Shapes
    /// `predictions: [TEST_ROWS, 2]`, softmax probabilities in test-set order.
    pub fn score_predictions(&self, predictions: &Array2<f32>) -> Evaluation {
        Evaluation {
            loss: f64::from(categorical_crossentropy(predictions.view(), self.test.y.view()).loss),
            accuracy: Some(metrics::accuracy(predictions.view(), self.test.y.view())),
            r2: None,
        }
    }
}

/// What one run came to: the numbers of the runs table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunSummary {
    /// The settings it ran with.
    pub settings: Settings,
    /// Epochs run.
    pub epochs_run: usize,
    /// Training loss of the last epoch.
    pub final_loss: f64,
    /// Validation loss of the last epoch.
    pub final_val_loss: f64,
    /// The epoch with the lowest validation loss (1-based).
    pub best_epoch: usize,
    /// The lowest validation loss.
    pub best_val_loss: f64,
    /// Validation loss minus training loss at the last epoch (how far the curves split).
    pub gap: f64,
    /// Training accuracy of the last epoch.
    pub final_accuracy: f64,
    /// Validation accuracy of the last epoch.
    pub final_val_accuracy: f64,
    /// Loss and accuracy on the test set of the weights the run ended with.
    pub test: Evaluation,
    /// Why it ended (`None`: stopped by the student).
    pub reason: Option<StopReason>,
}

/// The summary of a run from its `history`, how it ended (`None`: stopped by the student) and its
/// `test` score. `None` if no epoch finished.
pub fn summarize(
    settings: Settings,
    history: &History,
    reason: Option<StopReason>,
    test: Evaluation,
) -> Option<RunSummary> {
    let last = history.epochs.last()?;
    let val = |r: &crate::training::EpochRecord| r.val_loss.unwrap_or(f64::NAN);
    let best = history
        .epochs
        .iter()
        .filter(|r| val(r).is_finite())
        .min_by(|a, b| val(a).total_cmp(&val(b)))
        .unwrap_or(last);
    Some(RunSummary {
        settings,
        epochs_run: history.epochs.len(),
        final_loss: last.loss,
        final_val_loss: val(last),
        best_epoch: best.epoch,
        best_val_loss: val(best),
        gap: val(last) - last.loss,
        final_accuracy: last.accuracy.unwrap_or(f64::NAN),
        final_val_accuracy: last.val_accuracy.unwrap_or(f64::NAN),
        test,
        reason,
    })
}

/// Runs `settings` on `bench` to the end on this thread (what the worker does, batch by batch).
pub fn run(bench: &Bench, settings: &Settings) -> RunSummary {
    let job = bench.job(settings);
    let data = job.train.to_dataset().expect("valid sequences");
    let model = Sequential::new(job.spec, job.model_seed).expect("a valid model");
    let mut trainer =
        crate::training::Trainer::new(model, data, job.config).expect("a valid configuration");
    let reason = trainer.fit();
    let test = bench.score(&mut trainer.model);
    summarize(*settings, trainer.history(), Some(reason), test).expect("at least one epoch")
}

/// What a run's curves say, in words a student can act on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Diagnosis {
    /// The loss became NaN or infinite.
    Diverged,
    /// Training accuracy stayed near chance: the model did not learn.
    NotLearning,
    /// Validation loss rose well above its lowest point, or validation accuracy fell well behind
    /// training accuracy: the model fits its training rows better than new ones.
    Overfitting {
        /// The epoch of the lowest validation loss.
        best_epoch: usize,
        /// Training accuracy at the end.
        train_accuracy: f64,
        /// Validation accuracy at the end.
        val_accuracy: f64,
    },
    /// Early stopping ended the run and put back the weights of `best_epoch`.
    StoppedEarly {
        /// The epoch whose weights were restored.
        best_epoch: usize,
    },
    /// Training and validation loss stayed close.
    GoodFit,
}

/// Training accuracy below this counts as not learning (chance is 0.5).
pub const LEARNING_ACCURACY: f64 = 0.65;
/// Validation loss this many times its lowest value (or more) at the end counts as overfitting.
pub const OVERFIT_RISE: f64 = 1.25;
/// Training accuracy this much above validation accuracy (or more) counts as overfitting.
pub const OVERFIT_ACCURACY_GAP: f64 = 0.1;

impl RunSummary {
    /// The diagnosis of the run.
    pub fn diagnosis(&self) -> Diagnosis {
        match &self.reason {
            Some(StopReason::Diverged { .. }) => return Diagnosis::Diverged,
            Some(StopReason::EarlyStopped { best_epoch, .. }) => {
                return Diagnosis::StoppedEarly {
                    best_epoch: *best_epoch,
                };
            }
            _ => {}
        }
        if self.final_accuracy.is_nan() || self.final_accuracy < LEARNING_ACCURACY {
            Diagnosis::NotLearning
        } else if self.final_loss < self.final_val_loss
            && (self.final_val_loss >= OVERFIT_RISE * self.best_val_loss
                || self.final_accuracy - self.final_val_accuracy >= OVERFIT_ACCURACY_GAP)
        {
            Diagnosis::Overfitting {
                best_epoch: self.best_epoch,
                train_accuracy: self.final_accuracy,
                val_accuracy: self.final_val_accuracy,
            }
        } else {
            Diagnosis::GoodFit
        }
    }
}

impl Diagnosis {
    /// A short label for the runs table, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Diagnosis::Diverged => lang.pick("발산", "diverged"),
            Diagnosis::NotLearning => lang.pick("학습 안 됨", "not learning"),
            Diagnosis::Overfitting { .. } => lang.pick("과적합", "overfitting"),
            Diagnosis::StoppedEarly { .. } => lang.pick("조기 종료", "stopped early"),
            Diagnosis::GoodFit => lang.pick("잘 맞음", "good fit"),
        }
    }

    /// What it means and what to try, in `lang`.
    pub fn advice(self, lang: Lang) -> String {
        match self {
            Diagnosis::Diverged => lang
                .pick(
                    "손실이 숫자가 아니게 되었습니다(NaN 또는 무한대). 학습률을 낮추세요.",
                    "The loss stopped being a number (NaN or infinite). Lower the learning rate.",
                )
                .to_string(),
            Diagnosis::NotLearning => lang
                .pick(
                    "학습 정확도가 우연(50 %)에 가깝습니다. 학습률이 너무 작거나 크지 않은지, 에포크가 충분한지, 모델이 너무 작지 않은지 보세요.",
                    "Training accuracy is close to chance (50 %). Check that the learning rate is neither too small nor too large, that there are enough epochs, and that the model is not too small.",
                )
                .to_string(),
            Diagnosis::Overfitting {
                best_epoch,
                train_accuracy,
                val_accuracy,
            } => {
                let (t, v) = (100.0 * train_accuracy, 100.0 * val_accuracy);
                lang.pick(
                    format!(
                        "학습 정확도 {t:.0} %에 비해 검증 정확도는 {v:.0} %이고, 검증 손실은 에포크 {best_epoch}에서 가장 낮았습니다. 모델이 새 행보다 자기 학습 행에 훨씬 잘 맞습니다. 즉 외우고 있습니다. 데이터를 늘리거나 조기 종료를 켜세요."
                    ),
                    format!(
                        "Training accuracy {t:.0} % against {v:.0} % on the validation rows, and the validation loss was lowest at epoch {best_epoch}: the model fits its own training rows far better than new ones, so it is memorising them. Add rows or turn on early stopping."
                    ),
                )
            }
            Diagnosis::StoppedEarly { best_epoch } => lang.pick(
                format!(
                    "검증 손실이 더 나아지지 않아 학습을 멈추고, 가장 좋았던 에포크 {best_epoch}의 가중치로 되돌렸습니다."
                ),
                format!(
                    "Validation loss stopped improving, so training stopped and the weights of the best epoch, {best_epoch}, were put back."
                ),
            ),
            Diagnosis::GoodFit => lang
                .pick(
                    "학습 손실과 검증 손실이 가까이 붙어 있습니다. 모델이 처음 보는 서열에도 통하는 규칙을 배웠습니다.",
                    "Training and validation loss stay close together: the model learned a rule that holds for sequences it has not seen.",
                )
                .to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_imply_rows_updates_and_the_lecture_shapes() {
        let s = Settings::default();
        assert_eq!((s.fitted_rows(), s.validation_rows()), (80, 20));
        assert_eq!(s.updates_per_epoch(), 3); // ⌈80 / 32⌉
        let all = Settings {
            batch_size: POOL_ROWS,
            ..s.enough_rows()
        };
        assert_eq!((all.fitted_rows(), all.updates_per_epoch()), (4000, 1));
        let model = Sequential::new(s.spec(), 0).unwrap();
        // Conv1D 6·4·16 + 16 = 400, Dense 5·16·2 + 2 = 162.
        assert_eq!(model.summary().total_params(), 562);
        assert_eq!(s.config().early_stopping, None);
    }

    #[test]
    fn a_bench_is_seeded_and_larger_runs_contain_smaller_ones() {
        let bench = Bench::new(1);
        assert_eq!(bench, Bench::new(1));
        assert_ne!(bench, Bench::new(2));
        assert_eq!(bench.test_set().x.shape(), &[TEST_ROWS, LENGTH, 4]);
        let small = bench.job(&Settings::default()).train;
        let large = bench.job(&Settings::default().enough_rows()).train;
        assert_eq!(
            (small.sequences.len(), large.sequences.len()),
            (100, POOL_ROWS)
        );
        assert_eq!(small.sequences[..], large.sequences[..100]);
        // No test sequence is a training row of any run.
        let test: std::collections::HashSet<_> = bench
            .experiment
            .split
            .test
            .iter()
            .map(|&r| &bench.experiment.sequences[r].sequence)
            .collect();
        assert!(large.sequences.iter().all(|s| !test.contains(s)));
    }

    /// The lesson's claim, measured: on 100 rows the model memorises (training accuracy far above
    /// validation, large gap, poor test accuracy); on 5,000 rows the curves stay close and the test
    /// accuracy is far higher. Numbers of seed 1 at the time of writing: test accuracy 0.654 vs
    /// 0.884, gap 0.49 vs 0.13.
    #[test]
    fn too_few_rows_overfit_and_enough_rows_do_not() {
        let bench = Bench::new(1);
        let few = run(&bench, &Settings::default());
        let enough = run(&bench, &Settings::default().enough_rows());
        assert!(
            matches!(few.diagnosis(), Diagnosis::Overfitting { .. }),
            "{few:?}"
        );
        assert_eq!(enough.diagnosis(), Diagnosis::GoodFit, "{enough:?}");
        assert!(
            few.gap > 0.3 && enough.gap < 0.2,
            "{} {}",
            few.gap,
            enough.gap
        );
        let (few_test, enough_test) = (few.test.accuracy.unwrap(), enough.test.accuracy.unwrap());
        assert!(
            few_test < 0.75 && enough_test > 0.85,
            "{few_test} {enough_test}"
        );
        assert!(few.final_accuracy > 0.95, "100 rows are memorised");
    }

    /// Seed 1, 100 rows, patience 10: the lowest validation loss is at epoch 29, the run stops at
    /// 39 of 100.
    #[test]
    fn early_stopping_stops_patience_epochs_after_the_best() {
        let bench = Bench::new(1);
        let settings = Settings {
            patience: Some(10),
            ..Settings::default()
        };
        let stopped = run(&bench, &settings);
        let Diagnosis::StoppedEarly { best_epoch } = stopped.diagnosis() else {
            panic!("{stopped:?}")
        };
        assert_eq!(stopped.epochs_run, best_epoch + 10);
        assert_eq!(best_epoch, stopped.best_epoch);
        assert!(stopped.epochs_run < settings.epochs);
    }

    #[test]
    fn a_huge_learning_rate_does_not_learn_and_diagnoses_say_so_in_both_languages() {
        let bench = Bench::new(1);
        let wild = run(
            &bench,
            &Settings {
                learning_rate: 1.0,
                ..Settings::default()
            },
        );
        let d = wild.diagnosis();
        assert!(
            matches!(d, Diagnosis::NotLearning | Diagnosis::Diverged),
            "{wild:?}"
        );
        assert!(wild.test.accuracy.unwrap() < 0.6);
        for d in [
            Diagnosis::Diverged,
            Diagnosis::NotLearning,
            Diagnosis::GoodFit,
            Diagnosis::StoppedEarly { best_epoch: 3 },
            Diagnosis::Overfitting {
                best_epoch: 4,
                train_accuracy: 1.0,
                val_accuracy: 0.6,
            },
        ] {
            assert!(!d.label(Lang::Ko).is_ascii() && d.label(Lang::En).is_ascii());
            assert_ne!(d.advice(Lang::Ko), d.advice(Lang::En));
        }
        assert!(
            Diagnosis::Overfitting {
                best_epoch: 4,
                train_accuracy: 1.0,
                val_accuracy: 0.6
            }
            .advice(Lang::En)
            .starts_with("Training accuracy 100 % against 60 %")
        );
    }

    #[test]
    fn summarize_needs_an_epoch_and_finds_the_lowest_validation_loss() {
        let record = |epoch, loss, val| crate::training::EpochRecord {
            epoch,
            loss,
            accuracy: Some(0.9),
            val_loss: Some(val),
            val_accuracy: Some(0.9),
            ..Default::default()
        };
        let s = Settings::default();
        assert!(summarize(s, &History::default(), None, Evaluation::default()).is_none());
        let history = History {
            epochs: vec![
                record(1, 0.6, 0.5),
                record(2, 0.3, 0.2),
                record(3, 0.1, 0.4),
            ],
        };
        let summary = summarize(s, &history, None, Evaluation::default()).unwrap();
        assert_eq!((summary.best_epoch, summary.best_val_loss), (2, 0.2));
        assert!((summary.gap - 0.3).abs() < 1e-12);
        assert!(matches!(
            summary.diagnosis(),
            Diagnosis::Overfitting { best_epoch: 2, .. }
        ));
    }
}
