//! A lab's main run survives a reload: each finished (or stopped) run is saved in the browser with
//! the settings it was trained for ([`crate::ui::saved`]), and the next visit opens the lab with
//! that model, its curves and its settings, under a "restored from your last visit · clear" note.
//! The worker of the new visit does not hold the restored weights: predictions send them, and
//! Continue waits for a new run.

use super::{Status, TrainingSession};
use crate::nn::SavedModel;
use crate::training::{History, StopReason};
use crate::ui::saved;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A run as saved in the browser.
#[derive(Serialize, Deserialize)]
struct SavedRun {
    /// The lab's address query when the run ended (its settings, without the language).
    query: String,
    /// The settings' fingerprint the model was trained for.
    key: u64,
    model: SavedModel,
    history: History,
    reason: Option<StopReason>,
    train_ms: Option<f64>,
    samples_per_second: Option<f64>,
    /// The last progress report: (epoch, batch, batches, loss).
    progress: Option<(usize, usize, usize, f64)>,
}

/// Where lesson `slug`'s run is saved.
fn run_key(slug: &str) -> String {
    format!("{slug}:run")
}

/// The current address's settings ([`crate::ui::keep::settings_query`]).
fn current_query() -> String {
    crate::ui::keep::settings_query(&window().location().search().unwrap_or_default())
}

impl TrainingSession {
    /// This session, saving its runs as lesson `slug`'s ([`TrainingSession::remember_as`]).
    pub fn remembered(self, slug: &'static str) -> TrainingSession {
        self.remember_as(slug);
        self
    }

    /// Saves this session's runs as lesson `slug`'s, and brings back the one saved by an earlier
    /// visit if the lab opened with the settings it was trained for (a link without settings
    /// gets them from [`saved::open_with_saved_settings`]; a link with other settings starts
    /// afresh) and no run has started meanwhile. Call once, where the session is made.
    pub fn remember_as(self, slug: &'static str) {
        self.memory.set_value(Some(slug));
        let opened_with = current_query();
        leptos::task::spawn_local(async move {
            let text = match saved::get(&run_key(slug)).await {
                Ok(Some(value)) => value.as_string(),
                Ok(None) => None,
                Err(e) => {
                    web_sys::console::warn_2(&"SeqLab: saved runs unavailable".into(), &e);
                    None
                }
            };
            let Some(run) = text.and_then(|t| serde_json::from_str::<SavedRun>(&t).ok()) else {
                return;
            };
            if run.query != opened_with {
                return;
            }
            if !matches!(self.status.get_untracked(), Status::Idle)
                || self.model.with_untracked(Option::is_some)
            {
                return;
            }
            self.history.set(run.history);
            self.progress.set(run.progress);
            if let Some((_, _, batches, _)) = run.progress {
                self.batches.set(batches);
            }
            self.model_key.set(Some(run.key));
            self.samples_per_second.set(run.samples_per_second);
            self.train_ms.set((0.0, run.train_ms));
            self.status.set(match run.reason {
                Some(reason) => Status::Finished(reason),
                None => Status::Paused,
            });
            self.restored.set(true);
            self.hand_over(run.model);
        });
    }

    /// Saves the run that just ended with `model` (if the session is remembered).
    pub(super) fn save(self, model: &SavedModel) {
        let Some(slug) = self.memory.get_value() else {
            return;
        };
        let reason = match self.status.get_untracked() {
            Status::Finished(reason) => Some(reason),
            _ => None,
        };
        let query = current_query();
        let run = SavedRun {
            query: query.clone(),
            key: self.model_key.get_untracked().unwrap_or_default(),
            model: model.clone(),
            history: self.history.get_untracked(),
            reason,
            train_ms: self.train_ms.get_untracked().1,
            samples_per_second: self.samples_per_second.get_untracked(),
            progress: self.progress.get_untracked(),
        };
        let Ok(text) = serde_json::to_string(&run) else {
            return;
        };
        self.restored.set(false);
        saved::save_settings(slug, Some(&query));
        leptos::task::spawn_local(async move {
            let outcome = saved::put(&run_key(slug), &text.into()).await;
            if let Err(e) = &outcome {
                web_sys::console::warn_2(&"SeqLab: the run was not saved".into(), e);
            }
            self.not_saved.try_set(outcome.is_err());
        });
    }

    /// Forgets the saved run and the model shown ("clear" under the restored note).
    pub fn forget(self) {
        if let Some(slug) = self.memory.get_value() {
            saved::save_settings(slug, None);
            leptos::task::spawn_local(async move {
                let _ = saved::delete(&run_key(slug)).await;
            });
        }
        self.restored.set(false);
        self.model.set(None);
        self.model_key.set(None);
        self.history.set(History::default());
        self.progress.set(None);
        self.samples_per_second.set(None);
        self.train_ms.set((0.0, None));
        self.status.set(Status::Idle);
    }
}
