//! Several of the page's runs in one worker. The page starts one worker for the whole visit; each
//! training session of a lab talks to it through an [`Addressed`] envelope that names
//! the session. The [`Desk`] keeps one [`JobRunner`] per session and the predictions asked for,
//! and says what each turn of the worker does: a chunk of the oldest prediction first (the student
//! is waiting for it), else one batch of the next running run in turn, so two sessions training at
//! once share the worker batch by batch and neither starves.

use super::{FromWorker, JobRunner, PredictRunner, ToWorker};
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// The session number that means "every session" (the worker's `ready`, a failure of the whole
/// worker).
pub const EVERY_SESSION: u32 = 0;

/// A message for (or from) one of the page's sessions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Addressed<M> {
    /// The session's number ([`EVERY_SESSION`]: all of them).
    pub session: u32,
    /// The message.
    pub message: M,
}

impl<M> Addressed<M> {
    /// `message` for `session`.
    pub fn new(session: u32, message: M) -> Addressed<M> {
        Addressed { session, message }
    }

    /// `message` for every session.
    pub fn everyone(message: M) -> Addressed<M> {
        Addressed::new(EVERY_SESSION, message)
    }
}

/// The worker's runs and waiting predictions, by session.
#[derive(Default)]
pub struct Desk {
    runs: Vec<(u32, JobRunner)>,
    predictions: VecDeque<(u32, PredictRunner)>,
    /// Where the search for the next run to step begins (round robin).
    turn: usize,
}

impl Desk {
    /// Handles one message from the page; returns what to report at once.
    pub fn receive(&mut self, envelope: Addressed<ToWorker>) -> Vec<Addressed<FromWorker>> {
        let session = envelope.session;
        let reply = |message: FromWorker| vec![Addressed::new(session, message)];
        match envelope.message {
            ToWorker::Start(job) => match JobRunner::start(*job) {
                Ok(runner) => {
                    let started = runner.started();
                    match self.runs.iter_mut().find(|(s, _)| *s == session) {
                        Some((_, slot)) => *slot = runner,
                        None => self.runs.push((session, runner)),
                    }
                    reply(started)
                }
                Err(failure) => reply(failure.into()),
            },
            ToWorker::Stop => self
                .runner(session)
                .map(|runner| reply(runner.stop()))
                .unwrap_or_default(),
            ToWorker::Resume { more_epochs } => {
                if let Some(runner) = self.runner(session) {
                    runner.resume(more_epochs);
                }
                Vec::new()
            }
            ToWorker::Predict(job) => {
                let request = job.request;
                let run = self
                    .runs
                    .iter()
                    .find(|(s, _)| *s == session)
                    .and_then(|(_, runner)| runner.reported());
                match PredictRunner::start_with(*job, run) {
                    Ok(prediction) => {
                        self.predictions.push_back((session, prediction));
                        Vec::new()
                    }
                    Err(failure) => reply(FromWorker::predict_failed(request, failure)),
                }
            }
            ToWorker::Cancel { request } => {
                self.predictions
                    .retain(|(s, p)| *s != session || p.request() != request);
                Vec::new()
            }
        }
    }

    fn runner(&mut self, session: u32) -> Option<&mut JobRunner> {
        self.runs
            .iter_mut()
            .find(|(s, _)| *s == session)
            .map(|(_, runner)| runner)
    }

    /// One turn of the worker: a chunk of the oldest prediction, or else one batch of the next
    /// running run after the one stepped last. `now` is a clock in seconds.
    pub fn step(&mut self, now: &mut dyn FnMut() -> f64) -> Vec<Addressed<FromWorker>> {
        if let Some((session, prediction)) = self.predictions.front_mut() {
            let session = *session;
            let messages = prediction.step(now);
            if prediction.is_done() {
                self.predictions.pop_front();
            }
            return messages
                .into_iter()
                .map(|m| Addressed::new(session, m))
                .collect();
        }
        let n = self.runs.len();
        let next = (0..n)
            .map(|i| (self.turn + i) % n)
            .find(|&i| self.runs[i].1.is_running());
        let Some(i) = next else {
            return Vec::new();
        };
        self.turn = i + 1;
        let (session, runner) = &mut self.runs[i];
        let session = *session;
        runner
            .step(now)
            .into_iter()
            .map(|m| Addressed::new(session, m))
            .collect()
    }

    /// Whether there is more to do (a prediction waiting or a run training).
    pub fn is_busy(&self) -> bool {
        !self.predictions.is_empty() || self.runs.iter().any(|(_, r)| r.is_running())
    }
}

#[cfg(test)]
#[path = "desk_tests.rs"]
mod tests;
