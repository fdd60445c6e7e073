//! What a classification run's curves say, in words a student can act on: diverged, not learning
//! (training accuracy near chance), overfitting (validation loss rising from its lowest point or
//! validation accuracy far behind training accuracy), stopped early, or a good fit. The motif lab
//! and the overfitting bench both show it beside their curves.

use super::{History, StopReason};
use crate::lang::Lang;

/// What a run's curves say.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Diagnosis {
    /// The loss or the weights became NaN or infinite.
    Diverged,
    /// Training accuracy stayed near chance: the model did not learn.
    NotLearning {
        /// Training accuracy at the end.
        accuracy: f64,
        /// The accuracy of always guessing the most common class.
        chance: f64,
    },
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

/// Share of the way from chance to perfect that training accuracy must reach to count as
/// learning: with two balanced classes (chance 0.5), 0.65.
pub const LEARNING_SHARE: f64 = 0.3;
/// Training accuracy below this counts as not learning when chance is 0.5.
pub const LEARNING_ACCURACY: f64 = 0.5 + LEARNING_SHARE * 0.5;
/// Validation loss this many times its lowest value (or more) at the end counts as overfitting.
pub const OVERFIT_RISE: f64 = 1.25;
/// Training accuracy this much above validation accuracy (or more) counts as overfitting.
pub const OVERFIT_ACCURACY_GAP: f64 = 0.1;

/// The numbers of a run's curves that its diagnosis reads.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CurveFacts {
    /// Training loss of the last epoch.
    pub final_loss: f64,
    /// Validation loss of the last epoch (NaN without validation rows).
    pub final_val_loss: f64,
    /// The epoch with the lowest validation loss.
    pub best_epoch: usize,
    /// The lowest validation loss.
    pub best_val_loss: f64,
    /// Training accuracy of the last epoch.
    pub final_accuracy: f64,
    /// Validation accuracy of the last epoch.
    pub final_val_accuracy: f64,
}

impl CurveFacts {
    /// The facts of `history`; `None` before the first epoch.
    pub fn of(history: &History) -> Option<CurveFacts> {
        let last = history.epochs.last()?;
        let val = |r: &super::EpochRecord| r.val_loss.unwrap_or(f64::NAN);
        let best = history
            .epochs
            .iter()
            .filter(|r| val(r).is_finite())
            .min_by(|a, b| val(a).total_cmp(&val(b)))
            .unwrap_or(last);
        Some(CurveFacts {
            final_loss: last.loss,
            final_val_loss: val(last),
            best_epoch: best.epoch,
            best_val_loss: val(best),
            final_accuracy: last.accuracy.unwrap_or(f64::NAN),
            final_val_accuracy: last.val_accuracy.unwrap_or(f64::NAN),
        })
    }

    /// The diagnosis of a run with these curves that ended for `reason` (`None`: stopped by the
    /// student); `chance` is the share of the most common class.
    pub fn diagnose(&self, reason: Option<&StopReason>, chance: f64) -> Diagnosis {
        match reason {
            Some(StopReason::Diverged { .. }) => return Diagnosis::Diverged,
            Some(StopReason::EarlyStopped { best_epoch, .. }) => {
                return Diagnosis::StoppedEarly {
                    best_epoch: *best_epoch,
                };
            }
            _ => {}
        }
        let threshold = chance + LEARNING_SHARE * (1.0 - chance);
        if self.final_accuracy.is_nan() || self.final_accuracy < threshold {
            Diagnosis::NotLearning {
                accuracy: self.final_accuracy,
                chance,
            }
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

/// The diagnosis of a classification run from its `history` and how it ended (`None`: stopped
/// by the student); `chance` is the share of the most common class. `None` if no epoch finished
/// and the run did not diverge.
pub fn diagnose(history: &History, reason: Option<&StopReason>, chance: f64) -> Option<Diagnosis> {
    match CurveFacts::of(history) {
        Some(facts) => Some(facts.diagnose(reason, chance)),
        None => matches!(reason, Some(StopReason::Diverged { .. })).then_some(Diagnosis::Diverged),
    }
}

impl Diagnosis {
    /// A short label for the runs table, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Diagnosis::Diverged => lang.pick("발산", "diverged"),
            Diagnosis::NotLearning { .. } => lang.pick("학습 안 됨", "not learning"),
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
                    "손실이나 가중치가 숫자가 아니게 되었습니다(NaN 또는 무한대). 학습률을 낮추세요.",
                    "The loss or the weights stopped being numbers (NaN or infinite). Lower the learning rate.",
                )
                .to_string(),
            Diagnosis::NotLearning { accuracy, chance } => {
                let (a, c) = (100.0 * accuracy, 100.0 * chance);
                lang.pick(
                    format!("훈련 정확도 {a:.0} %가 찍기(가장 흔한 클래스만 고르기, {c:.0} %)와 거의 같습니다. 학습률이 너무 크거나(1처럼) 너무 작지 않은지, 에포크가 충분한지, 모델이 너무 작지 않은지 보세요."),
                    format!("Training accuracy {a:.0} % is about what always guessing the most common class gives ({c:.0} %). Check that the learning rate is neither too large (such as 1) nor too small, that there are enough epochs, and that the model is not too small."),
                )
            }
            Diagnosis::Overfitting {
                best_epoch,
                train_accuracy,
                val_accuracy,
            } => {
                let (t, v) = (100.0 * train_accuracy, 100.0 * val_accuracy);
                lang.pick(
                    format!(
                        "훈련 정확도 {t:.0} %에 비해 검증 정확도는 {v:.0} %이고, 검증 손실은 에포크 {best_epoch}에서 가장 낮았습니다. 모델이 새 행보다 자기 훈련 행에 훨씬 잘 맞습니다. 즉 외우고 있습니다. 데이터를 늘리거나 조기 종료를 켜세요."
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
                    "훈련 손실과 검증 손실이 가까이 붙어 있습니다. 모델이 처음 보는 서열에도 통하는 규칙을 배웠습니다.",
                    "Training and validation loss stay close together: the model learned a rule that holds for sequences it has not seen.",
                )
                .to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::EpochRecord;

    fn history(records: &[(f64, f64, f64, f64)]) -> History {
        History {
            epochs: records
                .iter()
                .enumerate()
                .map(
                    |(i, &(loss, accuracy, val_loss, val_accuracy))| EpochRecord {
                        epoch: i + 1,
                        loss,
                        accuracy: Some(accuracy),
                        val_loss: Some(val_loss),
                        val_accuracy: Some(val_accuracy),
                        ..Default::default()
                    },
                )
                .collect(),
        }
    }

    #[test]
    fn chance_accuracy_is_not_learning_whatever_the_classes() {
        let flat = history(&[(0.69, 0.5, 0.69, 0.5), (0.69, 0.49, 0.69, 0.51)]);
        let done = Some(&StopReason::Completed);
        assert_eq!(
            diagnose(&flat, done, 0.5),
            Some(Diagnosis::NotLearning {
                accuracy: 0.49,
                chance: 0.5
            })
        );
        // With 90 % negatives, 0.9 accuracy is what always saying "negative" gives.
        let majority = history(&[(0.3, 0.9, 0.3, 0.9)]);
        assert!(matches!(
            diagnose(&majority, done, 0.9),
            Some(Diagnosis::NotLearning { .. })
        ));
        assert_eq!(diagnose(&majority, done, 0.5), Some(Diagnosis::GoodFit));
        let advice = Diagnosis::NotLearning {
            accuracy: 0.49,
            chance: 0.5,
        }
        .advice(Lang::En);
        assert!(
            advice.starts_with("Training accuracy 49 % is about what always guessing"),
            "{advice}"
        );
        assert_eq!(diagnose(&History::default(), None, 0.5), None);
    }

    #[test]
    fn diagnoses_read_in_both_languages() {
        for d in [
            Diagnosis::Diverged,
            Diagnosis::NotLearning {
                accuracy: 0.5,
                chance: 0.5,
            },
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
}
