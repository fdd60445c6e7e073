//! What one run of the overfitting bench came to: the numbers of the runs table
//! ([`RunSummary`]) and what its curves say ([`Diagnosis`]), in both languages.

use super::Settings;
use crate::training::diagnosis::CurveFacts;
pub use crate::training::diagnosis::{
    Diagnosis, LEARNING_ACCURACY, OVERFIT_ACCURACY_GAP, OVERFIT_RISE,
};
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

impl RunSummary {
    /// The diagnosis of the run (two balanced classes: chance is 0.5).
    pub fn diagnosis(&self) -> Diagnosis {
        CurveFacts {
            final_loss: self.final_loss,
            final_val_loss: self.final_val_loss,
            best_epoch: self.best_epoch,
            best_val_loss: self.best_val_loss,
            final_accuracy: self.final_accuracy,
            final_val_accuracy: self.final_val_accuracy,
        }
        .diagnose(self.reason.as_ref(), 0.5)
    }
}

/// The summary of a run from its `history`, how it ended (`None`: stopped by the student) and its
/// `test` score. `None` if no epoch finished.
pub fn summarize(
    settings: Settings,
    history: &History,
    reason: Option<StopReason>,
    test: Evaluation,
) -> Option<RunSummary> {
    let facts = CurveFacts::of(history)?;
    Some(RunSummary {
        settings,
        epochs_run: history.epochs.len(),
        final_loss: facts.final_loss,
        final_val_loss: facts.final_val_loss,
        best_epoch: facts.best_epoch,
        best_val_loss: facts.best_val_loss,
        gap: facts.final_val_loss - facts.final_loss,
        final_accuracy: facts.final_accuracy,
        final_val_accuracy: facts.final_val_accuracy,
        test,
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
