//! The page's side of the training Web Worker (`src/bin/worker.rs`).
//!
//! The worker is started from a small Blob script that loads Trunk's `worker.js` and
//! `worker_bg.wasm` from the app's base URL (so a sub-path deployment still finds them). Messages
//! posted before the worker says `ready` would be lost, so they wait in a queue until then.

use crate::training::job::{Addressed, FromWorker, ToWorker};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// A running training worker; terminated when dropped.
pub struct TrainingWorker {
    worker: web_sys::Worker,
    /// Messages waiting for `ready` (`None` once it came).
    queue: Rc<RefCell<Option<Vec<String>>>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

/// The worker's files next to the app: (`worker.js`, `worker_bg.wasm`) as absolute URLs.
fn worker_urls() -> Result<(String, String), JsValue> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .ok_or("no document")?;
    let js = web_sys::Url::new_with_base("worker.js", &base)?.href();
    let wasm = web_sys::Url::new_with_base("worker_bg.wasm", &base)?.href();
    Ok((js, wasm))
}

/// What the student reads when the worker cannot start (its script or WebAssembly did not load,
/// typically because the network is gone and the files are not saved for offline use yet): one
/// sentence that says what to do; the browser's error goes to the console.
pub fn unavailable() -> FromWorker {
    FromWorker::Failed {
        ko: "학습 작업자를 시작하지 못했습니다. 인터넷에 다시 연결한 뒤 페이지를 새로 고치세요. (자세한 내용은 브라우저 콘솔에 있습니다.)".into(),
        en: "The training worker could not start: reconnect to the internet and reload the page. (Details are in the browser console.)".into(),
    }
}

/// The Blob script that starts the worker: loads `js`, then its WebAssembly from `wasm`. A load
/// the browser aborted because the page is closing (Firefox reports it as an error) is only a
/// warning. If either fails otherwise it logs why and posts [`unavailable`] instead of dying with a bare
/// `NetworkError` (an `importScripts` failure) or an unhandled rejection (a failed wasm fetch,
/// which would leave the page waiting for `ready` forever).
fn boot_script(js: &str, wasm: &str) -> String {
    let failed = serde_json::to_string(&Addressed::everyone(unavailable())).unwrap_or_default();
    format!(
        "const failed = {failed:?};\n\
         function fail(what, error) {{\n\
           if (/abort/i.test(String(error))) {{\n\
             console.warn('SeqLab: the training worker stopped loading (the page closed): ' + what, error);\n\
             return;\n\
           }}\n\
           console.error('SeqLab: the training worker could not start: ' + what, error);\n\
           postMessage(failed);\n\
         }}\n\
         let loaded = false;\n\
         try {{ importScripts({js:?}); loaded = true; }}\n\
         catch (error) {{ fail({js:?}, error); }}\n\
         if (loaded) wasm_bindgen({{ module_or_path: {wasm:?} }}).catch((error) => fail({wasm:?}, error));\n"
    )
}

impl TrainingWorker {
    /// Starts the worker; every message it sends is parsed and handed to `on_message` (a worker
    /// that cannot load or crashes arrives as [`FromWorker::Failed`] for every session, one
    /// sentence for the student).
    ///
    /// # Errors
    /// The browser's error if the worker cannot be created (the caller logs it and shows
    /// [`unavailable`]).
    pub fn spawn(
        on_message: impl Fn(Addressed<FromWorker>) + 'static,
    ) -> Result<TrainingWorker, JsValue> {
        let (js, wasm) = worker_urls()?;
        let script = boot_script(&js, &wasm);
        let parts = js_sys::Array::of1(&JsValue::from_str(&script));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/javascript");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let worker = web_sys::Worker::new(&url)?;
        let _ = web_sys::Url::revoke_object_url(&url);

        let queue: Rc<RefCell<Option<Vec<String>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let on_message = Rc::new(on_message);
        let handler = {
            let (queue, worker, on_message) = (queue.clone(), worker.clone(), on_message.clone());
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let text = event.data().as_string().unwrap_or_default();
                let message = match serde_json::from_str::<Addressed<FromWorker>>(&text) {
                    Ok(message) => message,
                    Err(error) => {
                        // Never dropped in silence: the run would show "training" forever.
                        web_sys::console::error_2(
                            &JsValue::from_str(&format!("unreadable worker message ({error})")),
                            &JsValue::from_str(&text.chars().take(500).collect::<String>()),
                        );
                        Addressed::everyone(FromWorker::Failed {
                            ko: "학습 작업자가 보낸 메시지를 페이지가 읽지 못해 학습을 멈췄습니다. 페이지를 새로 고친 뒤 다시 학습해 보세요. (자세한 내용은 브라우저 콘솔에 있습니다.)".into(),
                            en: "The page could not read a message from the training worker, so the run stopped. Reload the page and train again. (Details are in the browser console.)".into(),
                        })
                    }
                };
                if message.message == FromWorker::Ready {
                    for pending in queue.borrow_mut().take().unwrap_or_default() {
                        let _ = worker.post_message(&JsValue::from_str(&pending));
                    }
                }
                on_message(message);
            })
        };
        worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(
            move |event: web_sys::ErrorEvent| {
                event.prevent_default();
                web_sys::console::error_1(&JsValue::from_str(&format!(
                    "SeqLab: the training worker stopped: {} ({}:{})",
                    event.message(),
                    event.filename(),
                    event.lineno()
                )));
                on_message(Addressed::everyone(FromWorker::Failed {
                    ko: "학습 작업자가 오류로 멈췄습니다. 페이지를 새로 고친 뒤 다시 학습해 보세요. (자세한 내용은 브라우저 콘솔에 있습니다.)".into(),
                    en: "The training worker stopped with an error: reload the page and train again. (Details are in the browser console.)".into(),
                }));
            },
        );
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(TrainingWorker {
            worker,
            queue,
            _on_message: handler,
            _on_error: on_error,
        })
    }

    /// Sends a message (queued until the worker is ready).
    pub fn send(&self, message: &Addressed<ToWorker>) {
        let text = serde_json::to_string(message).expect("messages are plain data");
        match self.queue.borrow_mut().as_mut() {
            Some(queue) => queue.push(text),
            None => {
                let _ = self.worker.post_message(&JsValue::from_str(&text));
            }
        }
    }
}

impl Drop for TrainingWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
