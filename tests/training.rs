//! `Trainer`: Keras's validation split, seeded reproducibility, early stopping, the NaN guard,
//! continuing a finished run, and regression metrics.

use ndarray::{Array2, ArrayD, IxDyn};
use seqlab::data::Dataset;
use seqlab::lang::Lang;
use seqlab::nn::init::{glorot_uniform, seeded_rng};
use seqlab::nn::{
    Activation, DenseConfig, LayerSpec, LossConfig, LossKind, LossSemantics, ModelSpec,
    OptimizerConfig, Sequential, SgdConfig,
};
use seqlab::training::{
    EarlyStopping, Monitor, StopReason, TrainConfig, TrainError, Trainer, ValidationMode,
};

/// y = 2·x₀ − x₁ + 0.5 on 200 random points: a linear regression a Dense(1) learns exactly.
fn linear_data() -> Dataset {
    let x = glorot_uniform(&[200, 2], 3, 3, &mut seeded_rng(3));
    let y = Array2::from_shape_fn((200, 1), |(i, _)| 2.0 * x[[i, 0]] - x[[i, 1]] + 0.5);
    Dataset::new(x, y)
}

fn linear_model() -> Sequential {
    let spec = ModelSpec {
        input_shape: vec![2],
        layers: vec![LayerSpec::Dense(DenseConfig {
            units: 1,
            activation: Activation::Linear,
        })],
    };
    Sequential::new(spec, 1).unwrap()
}

fn config(epochs: usize) -> TrainConfig {
    TrainConfig {
        batch_size: 16,
        epochs,
        validation_split: 0.2,
        validation_mode: ValidationMode::LastRows,
        shuffle: true,
        seed: 9,
        loss: LossConfig {
            kind: LossKind::MeanSquaredError,
            semantics: LossSemantics::KerasFit,
        },
        optimizer: OptimizerConfig::Sgd(SgdConfig {
            learning_rate: 0.1,
            momentum: 0.9,
        }),
        early_stopping: None,
    }
}

#[test]
fn validation_split_takes_the_last_rows_like_keras() {
    let data = linear_data();
    let trainer = Trainer::new(linear_model(), data.clone(), config(1)).unwrap();
    assert_eq!(trainer.training_rows(), &data.split_at(160).0);
    assert_eq!(trainer.validation_rows().unwrap(), &data.split_at(160).1);
    let mut shuffled = config(1);
    shuffled.validation_mode = ValidationMode::Shuffled;
    let trainer = Trainer::new(linear_model(), data.clone(), shuffled).unwrap();
    assert_eq!(trainer.validation_rows().unwrap().len(), 40);
    assert_ne!(trainer.validation_rows().unwrap(), &data.split_at(160).1);
}

#[test]
fn learns_a_linear_function_and_reports_regression_metrics() {
    let mut trainer = Trainer::new(linear_model(), linear_data(), config(40)).unwrap();
    assert_eq!(trainer.fit(), StopReason::Completed);
    let last = trainer.history().epochs.last().unwrap();
    assert!(last.loss < 1e-4 && last.val_loss.unwrap() < 1e-4, "{last}");
    assert!(last.val_r2.unwrap() > 0.999 && last.accuracy.is_none());
    assert!(last.to_string().starts_with("epoch 40 - loss: "));
}

#[test]
fn the_same_seed_reproduces_the_run_exactly() {
    let run = |seed| {
        let mut c = config(3);
        c.seed = seed;
        let mut t = Trainer::new(linear_model(), linear_data(), c).unwrap();
        t.fit();
        t.history().clone()
    };
    assert_eq!(run(5), run(5));
    assert_ne!(run(5), run(6));
}

#[test]
fn one_batch_per_call_and_continue_after_the_end() {
    let mut trainer = Trainer::new(linear_model(), linear_data(), config(1)).unwrap();
    assert_eq!(trainer.batches_per_epoch(), 10);
    let first = trainer.train_batch().unwrap();
    assert_eq!((first.epoch, first.batch, first.batches), (1, 1, 10));
    assert!(first.finished_epoch.is_none());
    let record = trainer.train_epoch().unwrap();
    assert_eq!(record.epoch, 1);
    assert!(trainer.train_batch().is_none());
    assert_eq!(trainer.stop_reason(), Some(&StopReason::Completed));
    trainer.extend(2);
    assert_eq!(trainer.fit(), StopReason::Completed);
    assert_eq!(trainer.history().epochs.len(), 3);
}

#[test]
fn early_stopping_restores_the_best_weights() {
    // Noise-only targets: validation loss stops improving quickly.
    let x = glorot_uniform(&[120, 2], 3, 3, &mut seeded_rng(4));
    let y = glorot_uniform(&[120, 1], 3, 3, &mut seeded_rng(5))
        .into_dimensionality::<ndarray::Ix2>()
        .unwrap();
    let mut c = config(200);
    c.early_stopping = Some(EarlyStopping {
        monitor: Monitor::ValLoss,
        patience: 3,
        restore_best_weights: true,
    });
    let mut trainer = Trainer::new(linear_model(), Dataset::new(x, y), c).unwrap();
    let StopReason::EarlyStopped { epoch, best_epoch } = trainer.fit() else {
        panic!("expected an early stop")
    };
    assert_eq!(epoch, best_epoch + 3);
    assert!(epoch < 200);
    let best = trainer.history().epochs[best_epoch - 1].val_loss.unwrap();
    let validation = trainer.validation_rows().unwrap().clone();
    let now = seqlab::training::evaluate(&mut trainer.model, config(1).loss, &validation, 16).loss;
    assert!(
        (now - best).abs() < 1e-6,
        "restored weights give {now}, best epoch had {best}"
    );
}

#[test]
fn a_diverging_run_stops_with_a_typed_reason() {
    let mut c = config(50);
    c.optimizer = OptimizerConfig::Sgd(SgdConfig {
        learning_rate: 1e6,
        momentum: 0.0,
    });
    let mut trainer = Trainer::new(linear_model(), linear_data(), c).unwrap();
    let reason = trainer.fit();
    let StopReason::Diverged { epoch, loss, .. } = reason.clone() else {
        panic!("expected divergence, got {reason:?}")
    };
    assert!(!loss.is_finite() && epoch <= 50);
    assert!(reason.message(Lang::En).contains("lower learning rate"));
    assert!(reason.message(Lang::Ko).contains("학습률"));
    trainer.extend(5);
    assert!(
        trainer.train_batch().is_none(),
        "a diverged run does not continue"
    );
}

#[test]
fn classification_reports_accuracy() {
    let x = glorot_uniform(&[100, 2], 3, 3, &mut seeded_rng(6));
    let y = Array2::from_shape_fn((100, 2), |(i, j)| {
        if (x[[i, 0]] > 0.0) == (j == 0) {
            1.0
        } else {
            0.0
        }
    });
    let spec = ModelSpec {
        input_shape: vec![2],
        layers: vec![LayerSpec::Dense(DenseConfig {
            units: 2,
            activation: Activation::Softmax,
        })],
    };
    let mut c = config(30);
    c.loss = LossConfig {
        kind: LossKind::CategoricalCrossentropy,
        semantics: LossSemantics::KerasFit,
    };
    let mut trainer =
        Trainer::new(Sequential::new(spec, 2).unwrap(), Dataset::new(x, y), c).unwrap();
    trainer.fit();
    let last = trainer.history().epochs.last().unwrap();
    assert!(
        last.accuracy.unwrap() > 0.9 && last.val_accuracy.unwrap() > 0.85,
        "{last}"
    );
}

#[test]
fn bad_settings_are_bilingual_errors() {
    let data = || Dataset::new(ArrayD::zeros(IxDyn(&[3, 2])), Array2::zeros((3, 1)));
    let mut c = config(1);
    c.batch_size = 0;
    assert_eq!(
        Trainer::new(linear_model(), data(), c).err(),
        Some(TrainError::BatchSize)
    );
    let mut c = config(1);
    c.validation_split = 1.0;
    assert_eq!(
        Trainer::new(linear_model(), data(), c).err(),
        Some(TrainError::ValidationSplit(1.0))
    );
    let mut c = config(1);
    c.validation_split = 0.9;
    let one = Dataset::new(ArrayD::zeros(IxDyn(&[1, 2])), Array2::zeros((1, 1)));
    let err = Trainer::new(linear_model(), one, c).err().unwrap();
    assert_eq!(err, TrainError::TooFewRows(1));
    assert!(err.message(Lang::Ko).contains("1개"));
}
