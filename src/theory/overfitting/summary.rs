//! What one run of the overfitting bench came to: the numbers of the runs table
//! ([`RunSummary`]) and what its curves say ([`Diagnosis`]), in both languages.

use super::Settings;
use crate::lang::Lang;
use crate::training::{Evaluation, History, StopReason};
use serde::{Deserialize, Serialize};

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
    fn diagnoses_read_in_both_languages() {
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
