//! The overfitting lesson's bench: the lecture's simulated binding sites (20 nt, the CCGGAA motif
//! planted at a random position, so a rule that holds everywhere must be learned) and the
//! lecture's CNN, whose width, kernel, learning rate, batch size, epochs and early stopping the
//! student sets, trained on as few or as many rows as chosen and scored on one fixed test set that
//! no run ever trains or validates on. [`summary`] turns a run into the table's numbers and a
//! diagnosis.
//!
//! The rows of a run are the first `rows` of a seeded shuffle of the training pool, so a larger
//! run contains every row of a smaller one (the same seed compares like with like), and Keras's
//! `validation_split` holds out the last fifth of them.

use crate::bio::simulate::{Placement, SimulationConfig, lecture_motif};
use crate::data::Dataset;
use crate::lab::motif::MotifExperiment;
use crate::metrics;
use crate::nn::loss::categorical_crossentropy;
use crate::nn::{
    Activation, AdamConfig, Conv1dConfig, DenseConfig, LayerSpec, LossConfig, LossKind,
    LossSemantics, MaxPool1dConfig, ModelSpec, OptimizerConfig, Padding, Sequential,
};
use crate::training::job::TrainJob;
use crate::training::{EarlyStopping, Evaluation, Monitor, TrainConfig, ValidationMode};
use ndarray::Array2;
use serde::{Deserialize, Serialize};

pub mod summary;
pub use summary::{
    Diagnosis, LEARNING_ACCURACY, OVERFIT_ACCURACY_GAP, OVERFIT_RISE, RunSummary, summarize,
};

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

/// The valid values of every setting of the bench: its form and its URL both use these.
pub mod ranges {
    use crate::bounds::Bounds;

    /// Rows (validation included), at most the pool.
    pub const ROWS: Bounds<usize> = Bounds::new(10, super::POOL_ROWS);
    /// Adam's learning rate.
    pub const LEARNING_RATE: Bounds<f64> = Bounds::new(1e-6, 10.0);
    /// Conv1D filters.
    pub const FILTERS: Bounds<usize> = Bounds::new(1, 64);
    /// Conv1D kernel size (at most the sequence length).
    pub const KERNEL: Bounds<usize> = Bounds::new(1, super::LENGTH);
    /// Epochs at most.
    pub const EPOCHS: Bounds<usize> = Bounds::new(1, 300);
    /// Batch size.
    pub const BATCH: Bounds<usize> = Bounds::new(1, super::POOL_ROWS);
    /// Early-stopping patience.
    pub const PATIENCE: Bounds<usize> = Bounds::new(1, 50);
    /// Seed.
    pub const SEED: Bounds<u64> = Bounds::new(0, 1_000_000);
}

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
    /// A fingerprint of the settings (ties a trained model to the settings it was trained with).
    pub fn key(&self) -> u64 {
        crate::lab::fingerprint(self)
    }

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
            train: self
                .experiment
                .table(&self.experiment.split.train[..rows])
                .into(),
            fit_length: None,
            run: 0,
        }
    }

    /// The fixed test set, `[TEST_ROWS, 30, 4]` → `[TEST_ROWS, 2]`.
    pub fn test_set(&self) -> &Dataset {
        &self.test
    }

    /// The test set's sequences as text, in the order of [`Bench::test_set`] (what the worker is
    /// sent to predict).
    pub fn test_sequences(&self) -> Vec<String> {
        self.experiment.test().sequences
    }

    /// The loss and accuracy of `model` on the test set.
    pub fn score(&self, model: &mut Sequential) -> Evaluation {
        score_predictions(&self.test, &model.predict(&self.test.x, 250))
    }
}

/// The loss (categorical cross-entropy of the probabilities) and accuracy of `predictions` on
/// `test` (the page predicts in short tasks, then scores with this).
///
/// # Shapes
/// `predictions: [N, 2]`, softmax probabilities in the order of `test`'s `N` rows.
pub fn score_predictions(test: &Dataset, predictions: &Array2<f32>) -> Evaluation {
    Evaluation {
        loss: f64::from(categorical_crossentropy(predictions.view(), test.y.view()).loss),
        accuracy: Some(metrics::accuracy(predictions.view(), test.y.view())),
        r2: None,
    }
}

/// Runs `settings` on `bench` to the end on this thread (what the worker does, batch by batch).
pub fn run(bench: &Bench, settings: &Settings) -> RunSummary {
    let job = bench.job(settings);
    let data = job.train.samples(None).expect("valid sequences");
    let model = Sequential::new(job.spec, job.model_seed).expect("a valid model");
    let mut trainer =
        crate::training::Trainer::new(model, data, job.config).expect("a valid configuration");
    let reason = trainer.fit();
    let test = bench.score(&mut trainer.model);
    summarize(*settings, trainer.history(), Some(reason), test).expect("at least one epoch")
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
        // The sequences the worker is sent encode to the same test set, row for row.
        let sent = crate::data::SequenceTable {
            targets: bench
                .test_set()
                .y
                .outer_iter()
                .map(|r| r.to_vec())
                .collect(),
            sequences: bench.test_sequences(),
            alphabet: crate::bio::Alphabet::Dna,
        };
        assert_eq!(&sent.to_dataset().unwrap(), bench.test_set());
        let sequences = |job: TrainJob| match job.train {
            crate::training::job::JobRows::Sequences(table) => table.sequences,
            _ => Vec::new(),
        };
        let small = sequences(bench.job(&Settings::default()));
        let large = sequences(bench.job(&Settings::default().enough_rows()));
        assert_eq!((small.len(), large.len()), (100, POOL_ROWS));
        assert_eq!(small[..], large[..100]);
        // No test sequence is a training row of any run.
        let test: std::collections::HashSet<_> = bench
            .experiment
            .split
            .test
            .iter()
            .map(|&r| &bench.experiment.sequences[r].sequence)
            .collect();
        assert!(large.iter().all(|s| !test.contains(s)));
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
    fn a_huge_learning_rate_does_not_learn() {
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
            matches!(d, Diagnosis::NotLearning { .. } | Diagnosis::Diverged),
            "{wild:?}"
        );
        assert!(wild.test.accuracy.unwrap() < 0.6);
    }
}
