//! The training Web Worker: a thin adapter between the page and a [`Desk`] (one worker serves every
//! training session of the visit; each message names its session).
//!
//! Messages are JSON strings of `Addressed<ToWorker>` (in) and `Addressed<FromWorker>` (out).
//! Training runs one batch per turn of the worker's event loop: after each batch the worker posts
//! itself a message through a `MessageChannel` (no timer clamping) and returns, so a `stop` from the
//! page is handled before the next batch. Predictions the page asks for are stepped the same way, a
//! chunk of rows per turn, ahead of any training batch (the student is waiting for them). The page
//! stays responsive because none of this runs on its thread.

use seqlab::training::job::{Addressed, Desk, FromWorker, ToWorker};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent, MessagePort};

/// The worker's state: the desk, and the port that wakes it for the next batch or chunk.
#[derive(Default)]
struct State {
    desk: Desk,
    wake: Option<MessagePort>,
    scheduled: bool,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(message: &Addressed<FromWorker>) {
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

/// One turn of the desk, its reports, and the next turn if there is more to do.
fn tick() {
    let (messages, busy) = STATE.with(|state| {
        let mut state = state.borrow_mut();
        state.scheduled = false;
        let messages = state.desk.step(&mut now);
        (messages, state.desk.is_busy())
    });
    for message in &messages {
        post(message);
    }
    if busy {
        schedule();
    }
}

fn on_message(event: MessageEvent) {
    let Some(envelope) = event
        .data()
        .as_string()
        .and_then(|text| serde_json::from_str::<Addressed<ToWorker>>(&text).ok())
    else {
        post(&Addressed::everyone(FromWorker::Failed {
            ko: "알 수 없는 메시지입니다.".into(),
            en: "Unknown message.".into(),
        }));
        return;
    };
    let (replies, busy) = STATE.with(|state| {
        let mut state = state.borrow_mut();
        let replies = state.desk.receive(envelope);
        (replies, state.desk.is_busy())
    });
    for reply in &replies {
        post(reply);
    }
    if busy {
        schedule();
    }
}

fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        post(&Addressed::everyone(FromWorker::Failed {
            ko: format!("학습 작업자에서 오류가 났습니다: {info}"),
            en: format!("The training worker failed: {info}"),
        }));
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
    post(&Addressed::everyone(FromWorker::Ready));
}
