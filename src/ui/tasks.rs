//! Work the page does without blocking itself: fetching a packed file, and running a model's first
//! layers over a few hundred sequences in small chunks with a pause between them (each chunk is one
//! short task, so the page keeps answering clicks and scrolling). Predictions of whole test sets
//! and files are the training worker's ([`crate::ui::training::TrainingSession::predict`]).

use crate::nn::Sequential;
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

/// Fetches `path` (relative to the app's base URL) and unpacks it with the browser's gzip
/// `DecompressionStream`.
///
/// # Errors
/// A description of what failed (network, HTTP status, decompression).
pub async fn fetch_gzip(path: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let base = window
        .document()
        .and_then(|d| d.base_uri().ok().flatten())
        .ok_or("no base URL")?;
    let url = web_sys::Url::new_with_base(path, &base)
        .map_err(|e| format!("{e:?}"))?
        .href();
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|e| format!("{e:?}"))?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let body = response.body().ok_or("empty response")?;
    let inflate = DecompressionStream::new("gzip").map_err(|e| format!("{e:?}"))?;
    let pair = web_sys::ReadableWritablePair::new(&inflate.readable(), &inflate.writable());
    let unpacked = web_sys::Response::new_with_opt_readable_stream(Some(&body.pipe_through(&pair)))
        .map_err(|e| format!("{e:?}"))?;
    let buffer = JsFuture::from(unpacked.array_buffer().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The bytes of a file the student picked or dropped.
///
/// # Errors
/// The browser's message if the file cannot be read.
pub async fn read_file(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
