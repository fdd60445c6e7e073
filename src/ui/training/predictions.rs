//! Predictions made by the session's worker: the page writes the model and the rows into one
//! message and reads the outputs back, so scoring thousands of rows never holds up its thread.
//! Each request is a future; dropping it (a newer model, a page left) cancels the request.

use super::TrainingSession;
use crate::lang::{Lang, grouped};
use crate::nn::SavedModel;
use crate::training::Evaluation;
use crate::training::job::{FromWorker, JobFailure, PredictJob, PredictModel, ToWorker};
use futures_channel::oneshot;
use leptos::prelude::*;
use ndarray::Array2;

/// A prediction's answer: the outputs `[N, K]` and, when a loss was given, their evaluation.
pub type Predicted = Result<(Array2<f32>, Option<Evaluation>), JobFailure>;

/// A request waiting for its answer.
pub(super) struct Pending {
    request: u64,
    answer: oneshot::Sender<Predicted>,
}

/// Sends `cancel` for its request unless the answer came first.
struct CancelOnDrop {
    session: TrainingSession,
    request: Option<u64>,
}

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        if let Some(request) = self.request.take() {
            // The page may be gone already (then so is the worker).
            let removed = self
                .session
                .pending
                .try_update_value(|p| p.retain(|pending| pending.request != request));
            if removed.is_some() {
                self.session.send(ToWorker::Cancel { request });
                self.session.predicting.try_set(None);
            }
        }
    }
}

fn worker_stopped() -> JobFailure {
    JobFailure {
        ko: "학습 작업자가 예측을 마치지 못했습니다. 페이지를 새로 고친 뒤 다시 해 보세요.".into(),
        en: "The training worker did not finish the prediction. Reload the page and try again."
            .into(),
    }
}

impl TrainingSession {
    /// Scores `job`'s rows with its model in the worker; its request number is set here.
    pub async fn predict(self, mut job: PredictJob) -> Predicted {
        // A task started just before its page closed: nothing to answer to.
        if self.closed() {
            return Err(worker_stopped());
        }
        // The session's own trained weights are in the worker already: name the run instead of
        // sending them again (a 318,657-weight model is 4 MB of JSON to write on this thread).
        if let (PredictModel::Saved(saved), Some(run)) =
            (&job.model, self.model_key.get_untracked())
            && self.worker_run.get_value() == Some(run)
            && self.model.with_untracked(|m| m.as_ref() == Some(saved))
        {
            job.model = PredictModel::Run(run);
        }
        let request = self.next_request.get_value() + 1;
        self.next_request.set_value(request);
        job.request = request;
        let (answer, receiver) = oneshot::channel();
        self.pending
            .update_value(|p| p.push(Pending { request, answer }));
        let mut guard = CancelOnDrop {
            session: self,
            request: Some(request),
        };
        self.send(ToWorker::Predict(Box::new(job)));
        let predicted = receiver.await.unwrap_or_else(|_| Err(worker_stopped()));
        guard.request = None;
        predicted
    }

    /// [`TrainingSession::predict`] of `sequences` without targets: the outputs only.
    pub async fn predict_sequences(
        self,
        model: SavedModel,
        sequences: Vec<String>,
        fit_length: Option<usize>,
    ) -> Result<Array2<f32>, JobFailure> {
        let job = PredictJob::sequences(0, model, sequences, fit_length);
        self.predict(job).await.map(|(outputs, _)| outputs)
    }

    /// Handles the worker's prediction messages; gives any other message back.
    pub(super) fn handle_prediction(self, message: FromWorker) -> Option<FromWorker> {
        let answer = |request: u64, predicted: Predicted| {
            self.predicting.set(None);
            let pending = self.pending.try_update_value(|p| {
                p.iter()
                    .position(|pending| pending.request == request)
                    .map(|i| p.remove(i))
            });
            if let Some(Some(pending)) = pending {
                let _ = pending.answer.send(predicted);
            }
        };
        match message {
            FromWorker::Predicting { done, total, .. } => {
                self.predicting.set(Some((done, total)));
            }
            FromWorker::Predictions {
                request,
                columns,
                values,
                evaluation,
            } => {
                let outputs =
                    FromWorker::prediction_array(columns, values).ok_or_else(worker_stopped);
                answer(request, outputs.map(|o| (o, evaluation)));
            }
            FromWorker::PredictFailed { request, ko, en } => {
                answer(request, Err(JobFailure { ko, en }));
            }
            other => return Some(other),
        }
        None
    }

    /// "The training worker is predicting the test sequences…", with its progress once reported.
    pub fn predicting_message(self, lang: Lang) -> String {
        match self.predicting.get() {
            Some((done, total)) => lang.pick(
                format!(
                    "학습 작업자가 테스트 세트의 서열을 예측하는 중… {} / {}",
                    grouped(done),
                    grouped(total)
                ),
                format!(
                    "The training worker is predicting the test sequences… {} / {}",
                    grouped(done),
                    grouped(total)
                ),
            ),
            None => lang
                .pick(
                    "학습 작업자가 테스트 세트의 서열을 예측하는 중…",
                    "The training worker is predicting the test sequences…",
                )
                .to_string(),
        }
    }

    /// Fails every waiting request (the worker reported an error it may not recover from).
    pub(super) fn fail_predictions(self, failure: &JobFailure) {
        let pending = self
            .pending
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        for pending in pending {
            let _ = pending.answer.send(Err(failure.clone()));
        }
        self.predicting.set(None);
    }
}
