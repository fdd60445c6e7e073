//! The visit's one training worker, shared by every [`TrainingSession`]: started on first use (a
//! lab page opening), kept across lessons, and restarted on next use only if it failed. Each
//! session has a number; the hub wraps what a session sends in an [`Addressed`] envelope and hands
//! each answer to the session it names (the worker's `ready` and a failure of the whole worker go
//! to all of them).

use super::TrainingSession;
use crate::training::job::{Addressed, EVERY_SESSION, FromWorker, ToWorker};
use crate::ui::keep::kept;
use crate::ui::worker::{TrainingWorker, unavailable};
use leptos::prelude::*;
use std::rc::Rc;

/// A session's handler of the worker's messages.
type Handler = Rc<dyn Fn(FromWorker)>;

/// The visit's training worker and the sessions it serves. Cheap to copy.
#[derive(Clone, Copy)]
pub struct WorkerHub {
    worker: StoredValue<Option<TrainingWorker>, LocalStorage>,
    sessions: StoredValue<Vec<(u32, Handler)>, LocalStorage>,
    next_session: StoredValue<u32>,
    /// Whether the worker has loaded and said `ready`.
    pub ready: RwSignal<bool>,
    /// How many workers this visit has started (1 unless one failed).
    pub started: RwSignal<usize>,
}

/// The visit's hub.
pub fn use_hub() -> WorkerHub {
    kept(|| WorkerHub {
        worker: StoredValue::new_local(None),
        sessions: StoredValue::new_local(Vec::new()),
        next_session: StoredValue::new(EVERY_SESSION),
        ready: RwSignal::new(false),
        started: RwSignal::new(0),
    })
}

impl WorkerHub {
    /// A new session number; `handler` receives the worker's messages for it.
    pub(super) fn register(self, make: impl FnOnce(u32) -> TrainingSession) -> TrainingSession {
        let id = self.next_session.get_value() + 1;
        self.next_session.set_value(id);
        let session = make(id);
        self.sessions
            .update_value(|s| s.push((id, Rc::new(move |m| session.handle(m)))));
        session
    }

    /// Starts the worker unless it runs.
    pub fn ensure(self) {
        if self.worker.with_value(Option::is_some) {
            return;
        }
        match TrainingWorker::spawn(move |m| self.deliver(m)) {
            Ok(spawned) => {
                self.worker.set_value(Some(spawned));
                self.started.update(|n| *n += 1);
                // For the end-to-end tests: one worker for the whole visit.
                if let Some(root) = document().document_element() {
                    let _ = root.set_attribute(
                        "data-training-workers",
                        &self.started.get_untracked().to_string(),
                    );
                }
            }
            Err(e) => {
                web_sys::console::error_2(
                    &"SeqLab: the training worker could not be created".into(),
                    &e,
                );
                self.deliver(Addressed::everyone(unavailable()));
            }
        }
    }

    /// Sends `message` for session `session`, starting the worker if needed.
    pub(super) fn send(self, session: u32, message: ToWorker) {
        self.ensure();
        self.worker.with_value(|w| {
            if let Some(w) = w {
                w.send(&Addressed::new(session, message));
            }
        });
    }

    fn deliver(self, envelope: Addressed<FromWorker>) {
        let Addressed { session, message } = envelope;
        match &message {
            FromWorker::Ready => self.ready.set(true),
            // The worker is unusable: the next use starts a new one (after this message's task,
            // since the worker's own handler is running now).
            FromWorker::Failed { .. } if session == EVERY_SESSION => {
                self.ready.set(false);
                set_timeout(
                    move || self.worker.set_value(None),
                    std::time::Duration::ZERO,
                );
            }
            _ => {}
        }
        let handlers: Vec<Handler> = self.sessions.with_value(|s| {
            s.iter()
                .filter(|(id, _)| session == EVERY_SESSION || *id == session)
                .map(|(_, h)| h.clone())
                .collect()
        });
        for handler in handlers {
            handler(message.clone());
        }
    }
}
