//! What a training run reports: one record per epoch (Keras's `History`) and why it ended.

use crate::lang::{Lang, Particle, with_particle};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The metrics of one epoch. Training values are averaged over the epoch's batches (weighted by
/// batch size, as Keras's progress bar does); validation values are computed at the end of the
/// epoch in inference mode.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EpochRecord {
    /// 1-based epoch number.
    pub epoch: usize,
    /// Training loss.
    #[serde(with = "crate::wire::f64")]
    pub loss: f64,
    /// Training accuracy (classification).
    #[serde(with = "crate::wire::option_f64", default)]
    pub accuracy: Option<f64>,
    /// Training r² (regression).
    #[serde(with = "crate::wire::option_f64", default)]
    pub r2: Option<f64>,
    /// Validation loss.
    #[serde(with = "crate::wire::option_f64", default)]
    pub val_loss: Option<f64>,
    /// Validation accuracy (classification).
    #[serde(with = "crate::wire::option_f64", default)]
    pub val_accuracy: Option<f64>,
    /// Validation r² (regression).
    #[serde(with = "crate::wire::option_f64", default)]
    pub val_r2: Option<f64>,
}

impl fmt::Display for EpochRecord {
    /// Keras's log line: `epoch 3 - loss: 0.6123 - accuracy: 0.7010 - val_loss: …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "epoch {} - loss: {:.4}", self.epoch, self.loss)?;
        let optional = [
            ("accuracy", self.accuracy),
            ("r2", self.r2),
            ("val_loss", self.val_loss),
            ("val_accuracy", self.val_accuracy),
            ("val_r2", self.val_r2),
        ];
        for (name, value) in optional {
            if let Some(value) = value {
                write!(f, " - {name}: {value:.4}")?;
            }
        }
        Ok(())
    }
}

/// Every epoch's record, in order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// One record per finished epoch.
    pub epochs: Vec<EpochRecord>,
}

impl History {
    /// The history as CSV: `epoch,loss,accuracy,val_loss,val_accuracy,r2,val_r2` (empty where a
    /// value does not apply).
    pub fn to_csv(&self) -> String {
        let cell = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        let mut out = String::from("epoch,loss,accuracy,val_loss,val_accuracy,r2,val_r2\n");
        for e in &self.epochs {
            out.push_str(&format!(
                "{},{},{},{},{},{},{}\n",
                e.epoch,
                e.loss,
                cell(e.accuracy),
                cell(e.val_loss),
                cell(e.val_accuracy),
                cell(e.r2),
                cell(e.val_r2)
            ));
        }
        out
    }
}

/// Why training stopped before (or when) all epochs ran.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum StopReason {
    /// Every requested epoch ran.
    Completed,
    /// Early stopping: the monitored loss did not improve for `patience` epochs.
    EarlyStopped {
        /// The last epoch run.
        epoch: usize,
        /// The epoch with the best monitored value.
        best_epoch: usize,
    },
    /// A batch produced a loss that is NaN or infinite, or an update left a weight NaN or
    /// infinite (the learning rate is usually too high).
    Diverged {
        /// 1-based epoch.
        epoch: usize,
        /// 1-based batch within the epoch.
        batch: usize,
        /// The batch's loss (NaN or ±∞ when the loss diverged).
        #[serde(with = "crate::wire::f64")]
        loss: f64,
        /// Whether it was the weights, after the update, that stopped being finite.
        #[serde(default)]
        in_weights: bool,
    },
}

impl StopReason {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StopReason::Completed => lang.pick("모든 에포크를 마쳤습니다.".into(), "All epochs finished.".into()),
            StopReason::EarlyStopped { epoch, best_epoch } => lang.pick(
                format!("{epoch}번째 에포크에서 조기 종료: 검증 손실이 {best_epoch}번째 에포크 이후 나아지지 않았습니다."),
                format!("Stopped early at epoch {epoch}: the validation loss has not improved since epoch {best_epoch}."),
            ),
            StopReason::Diverged { epoch, batch, in_weights: true, .. } => lang.pick(
                format!("{epoch}번째 에포크 {batch}번째 배치의 갱신 뒤에 가중치가 NaN 또는 무한대가 되어 학습을 멈췄습니다(발산). 학습률을 낮춰 보세요."),
                format!("Training stopped at epoch {epoch}, batch {batch}: after the update the weights became NaN or infinite (it diverged). Try a lower learning rate."),
            ),
            StopReason::Diverged { epoch, batch, loss, .. } => {
                let shown = crate::wire::display(*loss);
                lang.pick(
                    format!("{epoch}번째 에포크 {batch}번째 배치에서 손실이 {} 되어 학습을 멈췄습니다(발산). 학습률을 낮춰 보세요.", with_particle(&shown, Particle::Subject)),
                    format!("Training stopped at epoch {epoch}, batch {batch}: the loss became {shown} (it diverged). Try a lower learning rate."),
                )
            }
        }
    }
}
