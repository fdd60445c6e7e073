//! The training Web Worker: a thin adapter between the page and a `JobRunner`.
//!
//! Messages are JSON strings of `ToWorker` (in) and `FromWorker` (out). Training runs one batch per
//! turn of the worker's event loop: after each batch the worker posts itself a message through a
//! `MessageChannel` (no timer clamping) and returns, so a `stop` from the page is handled before the
//! next batch. Predictions the page asks for are stepped the same way, a chunk of rows per turn,
//! ahead of any training batch (the student is waiting for them). The page stays responsive
//! because none of this runs on its thread.

use seqlab::training::job::{FromWorker, JobRunner, PredictRunner, ToWorker};
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent, MessagePort};

/// The worker's state: the run, the predictions asked for, and the port that wakes it for the next
/// batch or chunk.
#[derive(Default)]
struct State {
    runner: Option<JobRunner>,
    predictions: VecDeque<PredictRunner>,
    wake: Option<MessagePort>,
    scheduled: bool,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(message: &FromWorker) {
    let text = serde_json::to_string(message).expect("messages are plain data");
    let _ = scope().post_message(&JsValue::from_str(&text));
}

fn now() -> f64 {
    scope().performance().map_or(0.0, |p| p.now() / 1000.0)
}

/// Asks for one more turn (once: a second request while one is pending does nothing).
fn schedule() {
    STATE.with(|state| {
        let mut state = state.borrow_mut();
        if !state.scheduled
            && let Some(port) = &state.wake
        {
            state.scheduled = port.post_message(&JsValue::NULL).is_ok();
        }
    });
}

/// One turn: a chunk of the oldest prediction or else one batch, its reports, and the next turn
/// if there is more to do.
fn tick() {
    let (messages, running) = STATE.with(|state| {
        let mut state = state.borrow_mut();
        state.scheduled = false;
        let messages = if let Some(prediction) = state.predictions.front_mut() {
            let messages = prediction.step(&mut now);
            if prediction.is_done() {
                state.predictions.pop_front();
            }
            messages
        } else {
            match state.runner.as_mut() {
                Some(runner) => runner.step(&mut now),
                None => Vec::new(),
            }
        };
        let running = !state.predictions.is_empty()
            || state.runner.as_ref().is_some_and(JobRunner::is_running);
        (messages, running)
    });
    for message in &messages {
        post(message);
    }
    if running {
        schedule();
    }
}

fn on_message(event: MessageEvent) {
    let Some(message) = event
        .data()
        .as_string()
        .and_then(|text| serde_json::from_str::<ToWorker>(&text).ok())
    else {
        post(&FromWorker::Failed {
            ko: "알 수 없는 메시지입니다.".into(),
            en: "Unknown message.".into(),
        });
        return;
    };
    match message {
        ToWorker::Start(job) => match JobRunner::start(*job) {
            Ok(runner) => {
                post(&runner.started());
                STATE.with(|state| state.borrow_mut().runner = Some(runner));
                schedule();
            }
            Err(failure) => post(&failure.into()),
        },
        ToWorker::Stop => {
            let paused =
                STATE.with(|state| state.borrow_mut().runner.as_mut().map(JobRunner::stop));
            if let Some(paused) = paused {
                post(&paused);
            }
        }
        ToWorker::Resume { more_epochs } => {
            STATE.with(|state| {
                if let Some(runner) = state.borrow_mut().runner.as_mut() {
                    runner.resume(more_epochs);
                }
            });
            schedule();
        }
        ToWorker::Predict(job) => {
            let request = job.request;
            let started = STATE.with(|state| {
                let state = state.borrow();
                let run = state.runner.as_ref().and_then(JobRunner::reported);
                PredictRunner::start_with(*job, run)
            });
            match started {
                Ok(prediction) => {
                    STATE.with(|state| state.borrow_mut().predictions.push_back(prediction));
                    schedule();
                }
                Err(failure) => post(&FromWorker::predict_failed(request, failure)),
            }
        }
        ToWorker::Cancel { request } => STATE.with(|state| {
            state
                .borrow_mut()
                .predictions
                .retain(|p| p.request() != request);
        }),
    }
}

fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        post(&FromWorker::Failed {
            ko: format!("학습 작업자에서 오류가 났습니다: {info}"),
            en: format!("The training worker failed: {info}"),
        });
    }));
    let channel = MessageChannel::new().expect("workers have MessageChannel");
    let on_tick = Closure::<dyn FnMut(MessageEvent)>::new(|_| tick());
    channel
        .port2()
        .set_onmessage(Some(on_tick.as_ref().unchecked_ref()));
    on_tick.forget();
    STATE.with(|state| state.borrow_mut().wake = Some(channel.port1()));
    let on_page_message = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
    scope().set_onmessage(Some(on_page_message.as_ref().unchecked_ref()));
    on_page_message.forget();
    post(&FromWorker::Ready);
}
