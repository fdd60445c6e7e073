//! Work the page does without blocking itself: fetching a packed file, and running a model's first
//! layers over a few hundred sequences in small chunks with a pause between them (each chunk is one
//! short task, so the page keeps answering clicks and scrolling). Predictions of whole test sets
//! and files are the training worker's ([`crate::ui::training::TrainingSession::predict`]).

use crate::lang::{Lang, Particle, with_particle};
use crate::nn::Sequential;
use crate::ui::i18n::Bi;
use ndarray::{ArrayD, Axis, Slice};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// The browser's `DecompressionStream` (web-sys has it only behind its unstable flag).
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> web_sys::WritableStream;
}

/// Rows predicted per task: a 50-nt compact CNN does 32 rows in a few milliseconds, so even with
/// other work queued beside it no task nears 50 ms.
pub const CHUNK_ROWS: usize = 32;

/// The page's clock in milliseconds (`performance.now()`; 0 where there is none).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Resolves in a new task (a `setTimeout(0)`), letting the browser handle events meanwhile.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// The output of the first `layers` layers of `model` for `x` ([`Sequential::forward_prefix`]),
/// [`CHUNK_ROWS`] rows per task.
///
/// # Shapes
/// `x: [N, …input_shape]` → `[N, …shape after those layers]`.
pub async fn forward_prefix_chunked(
    model: &mut Sequential,
    x: &ArrayD<f32>,
    layers: usize,
) -> ArrayD<f32> {
    let n = x.shape()[0];
    let mut parts = Vec::new();
    let mut start = 0;
    while start < n {
        let end = (start + CHUNK_ROWS).min(n);
        let chunk = x.slice_axis(Axis(0), Slice::from(start..end)).to_owned();
        parts.push(model.forward_prefix(&chunk, layers));
        start = end;
        next_task().await;
    }
    let views: Vec<_> = parts.iter().map(|p| p.view()).collect();
    ndarray::concatenate(Axis(0), &views).unwrap_or_else(|_| ArrayD::zeros(ndarray::IxDyn(&[0])))
}

/// Why a file next to the app (the built-in data) could not be fetched. The student sees one
/// sentence that says what to do ([`FetchError::message`]); the browser's own error goes to the
/// console.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// No answer: the network is down (and the file is not saved for offline use yet).
    Network,
    /// The server answered with this HTTP status (a file missing from the deployment).
    Status(u16),
    /// The answer could not be unpacked or read (an old browser, or a damaged download).
    Unreadable,
}

impl FetchError {
    /// One sentence for the student: `what` (such as "the real data", capitalised in English)
    /// could not be loaded, and what to do about it.
    pub fn message(self, what: Bi, lang: Lang) -> String {
        let object = with_particle(what.ko, Particle::Object);
        match self {
            FetchError::Network => lang.pick(
                format!(
                    "{object} 내려받지 못했습니다. 인터넷에 다시 연결한 뒤 페이지를 새로 고치세요."
                ),
                format!(
                    "{} could not be downloaded: reconnect to the internet and reload the page.",
                    what.en
                ),
            ),
            FetchError::Status(status) => lang.pick(
                format!(
                    "서버가 {object} 보내 주지 않았습니다 (HTTP {status}). 페이지를 새로 고치고, 그래도 안 되면 강사에게 알려 주세요."
                ),
                format!(
                    "The server did not send {} (HTTP {status}): reload the page, and tell your instructor if it happens again.",
                    lowercase_first(what.en)
                ),
            ),
            FetchError::Unreadable => lang.pick(
                format!(
                    "{object} 풀지 못했습니다. 최신 Chrome이나 Firefox에서 페이지를 다시 열어 보세요."
                ),
                format!(
                    "{} could not be unpacked: open the page again in a current Chrome or Firefox.",
                    what.en
                ),
            ),
        }
    }
}

/// `The real data` → `the real data` (for the middle of a sentence).
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// Logs what went wrong for the console (the page shows a [`FetchError`] sentence instead).
fn log_failure(url: &str, what: &str, detail: &JsValue) -> FetchError {
    web_sys::console::error_3(
        &JsValue::from_str(&format!("SeqLab: {what}")),
        &JsValue::from_str(url),
        detail,
    );
    match what {
        "no answer from the network" => FetchError::Network,
        _ => FetchError::Unreadable,
    }
}

/// Fetches `path` (relative to the app's base URL) and unpacks it with the browser's gzip
/// `DecompressionStream`.
///
/// # Errors
/// What failed (no network, an HTTP status, unpacking), with the details logged to the console.
pub async fn fetch_gzip(path: &str) -> Result<Vec<u8>, FetchError> {
    let url = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(path, &base).ok())
        .map_or_else(|| path.to_string(), |url| url.href());
    let window = web_sys::window().ok_or(FetchError::Unreadable)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|e| log_failure(&url, "no answer from the network", &e))?
        .dyn_into()
        .map_err(|e| log_failure(&url, "not a response", &e))?;
    if !response.ok() {
        web_sys::console::error_2(
            &JsValue::from_str(&format!("SeqLab: HTTP {}", response.status())),
            &JsValue::from_str(&url),
        );
        return Err(FetchError::Status(response.status()));
    }
    let unpack = async {
        let body = response.body().ok_or(JsValue::from_str("empty response"))?;
        let inflate = DecompressionStream::new("gzip")?;
        let pair = web_sys::ReadableWritablePair::new(&inflate.readable(), &inflate.writable());
        let unpacked =
            web_sys::Response::new_with_opt_readable_stream(Some(&body.pipe_through(&pair)))?;
        JsFuture::from(unpacked.array_buffer()?).await
    };
    let buffer = unpack
        .await
        .map_err(|e| log_failure(&url, "the download could not be unpacked", &e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The bytes of a file the student picked or dropped.
///
/// # Errors
/// [`FetchError::Unreadable`] if the browser cannot read the file (its error goes to the console).
pub async fn read_file(file: web_sys::File) -> Result<Vec<u8>, FetchError> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| log_failure(&file.name(), "the file could not be read", &e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
