//! Offline use after the first visit. The page registers `sw.js`, the service worker that
//! `scripts/make-sw.mjs` writes into `dist/` at build time with the list of every built file and
//! its hash. It is registered relative to the document's base URL, so its scope is the app's own
//! folder (`/` or a sub-path) and nothing above it. Once it is installed it holds the page, the
//! training worker, the style and the built-in data, and [`OfflineReady`] turns true.
//!
//! Where there are no service workers (a private window in some browsers, a `file://` page) the
//! app works as before, online only; the reason goes to the console as a warning.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The service worker's file, next to `index.html`.
pub const SCRIPT: &str = "sw.js";

/// The context value saying whether this browser has SeqLab saved for offline use (the service
/// worker is installed and active, so its cache is complete).
#[derive(Clone, Copy, Debug)]
pub struct OfflineReady(pub RwSignal<bool>);

fn warn(what: &str, detail: &JsValue) {
    web_sys::console::warn_2(
        &JsValue::from_str(&format!("SeqLab: offline use is not available ({what})")),
        detail,
    );
}

/// Registers the service worker and sets `ready` once it is active. Never fails: without service
/// workers the app simply stays online-only.
pub fn register_service_worker(ready: RwSignal<bool>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let supported = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .is_ok_and(|container| !container.is_undefined() && !container.is_null());
    if !supported {
        warn("this browser window has no service workers", &JsValue::NULL);
        return;
    }
    let url = window
        .document()
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(SCRIPT, &base).ok())
        .map(|url| url.href());
    let Some(url) = url else {
        return;
    };
    let container = navigator.service_worker();
    let options = web_sys::RegistrationOptions::new();
    // Every visit asks the server for sw.js itself, never the HTTP cache: a new deploy is seen.
    options.set_update_via_cache(web_sys::ServiceWorkerUpdateViaCache::None);
    let registered = container.register_with_options(&url, &options);
    leptos::task::spawn_local(async move {
        if let Err(error) = JsFuture::from(registered).await {
            warn("the service worker could not be registered", &error);
            return;
        }
        match container.ready() {
            Ok(promise) => match JsFuture::from(promise).await {
                Ok(_) => {
                    ready.try_set(true);
                }
                Err(error) => warn("the service worker did not start", &error),
            },
            Err(error) => warn("the service worker did not start", &error),
        }
    });
}
