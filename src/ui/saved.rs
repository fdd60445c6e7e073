//! What a lab leaves in the browser for the student's next visit: its last trained model with the
//! curves and the settings it was trained with, and its uploaded file. Models and files go to
//! IndexedDB (megabytes); the settings (a short address query) to localStorage, so the lab can
//! open with them before anything asynchronous has run. Nothing here ever fails loudly: a browser
//! that refuses storage (private mode, a full quota) gives an `Err` the page turns into one
//! "not saved" sentence.

use crate::ui::state::store;
use futures_channel::oneshot;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

const DATABASE: &str = "seqlab";
const STORE: &str = "labs";

/// The localStorage key of lesson `slug`'s saved settings.
fn settings_key(slug: &str) -> String {
    format!("seqlab.settings.{slug}")
}

/// The settings (address query, `?…` or empty) lesson `slug` was last saved with.
pub fn saved_settings(slug: &str) -> Option<String> {
    let storage = web_sys::window()?.local_storage().ok()??;
    storage
        .get_item(&settings_key(slug))
        .ok()?
        .filter(|q| !q.is_empty())
}

/// Saves (or with `None` forgets) lesson `slug`'s settings.
pub fn save_settings(slug: &str, query: Option<&str>) {
    match query {
        Some(query) => store(&settings_key(slug), query),
        None => {
            if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten())
            {
                let _ = storage.remove_item(&settings_key(slug));
            }
        }
    }
}

/// Waits for `request` to succeed (its result) or fail.
async fn finished(request: &web_sys::IdbRequest) -> Result<JsValue, JsValue> {
    let (send, receive) = oneshot::channel::<Result<(), JsValue>>();
    let send = std::rc::Rc::new(std::cell::RefCell::new(Some(send)));
    let on_success = {
        let send = send.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Some(send) = send.borrow_mut().take() {
                let _ = send.send(Ok(()));
            }
        })
    };
    let on_error = Closure::<dyn FnMut()>::new(move || {
        if let Some(send) = send.borrow_mut().take() {
            let _ = send.send(Err(JsValue::from_str("IndexedDB request failed")));
        }
    });
    request.set_onsuccess(Some(on_success.as_ref().unchecked_ref()));
    request.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let outcome = receive
        .await
        .unwrap_or_else(|_| Err(JsValue::from_str("IndexedDB request dropped")));
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(()) => request.result(),
        Err(e) => Err(request
            .error()
            .ok()
            .flatten()
            .map(JsValue::from)
            .unwrap_or(e)),
    }
}

/// The app's database (created on first use, one object store of lab records).
async fn database() -> Result<web_sys::IdbDatabase, JsValue> {
    if crate::ui::state::location_param("simulate-storage-failure").is_some() {
        // Lets the end-to-end tests check what a browser that refuses storage shows.
        return Err(JsValue::from_str(
            "storage refused (?simulate-storage-failure)",
        ));
    }
    let factory = web_sys::window()
        .ok_or("no window")?
        .indexed_db()?
        .ok_or("no IndexedDB")?;
    let open = factory.open_with_u32(DATABASE, 1)?;
    let on_upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(
        move |event: web_sys::IdbVersionChangeEvent| {
            let database = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
                .and_then(|r| r.result().ok())
                .and_then(|r| r.dyn_into::<web_sys::IdbDatabase>().ok());
            if let Some(database) = database
                && !database.object_store_names().contains(STORE)
            {
                let _ = database.create_object_store(STORE);
            }
        },
    );
    open.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let database = finished(&open).await;
    open.set_onupgradeneeded(None);
    database?.dyn_into()
}

/// The object store, in a transaction of `mode`.
async fn object_store(
    mode: web_sys::IdbTransactionMode,
) -> Result<web_sys::IdbObjectStore, JsValue> {
    database()
        .await?
        .transaction_with_str_and_mode(STORE, mode)?
        .object_store(STORE)
}

/// Saves `value` under `key`.
pub async fn put(key: &str, value: &JsValue) -> Result<(), JsValue> {
    let store = object_store(web_sys::IdbTransactionMode::Readwrite).await?;
    finished(&store.put_with_key(value, &JsValue::from_str(key))?)
        .await
        .map(drop)
}

/// The value saved under `key`, if any.
pub async fn get(key: &str) -> Result<Option<JsValue>, JsValue> {
    let store = object_store(web_sys::IdbTransactionMode::Readonly).await?;
    let value = finished(&store.get(&JsValue::from_str(key))?).await?;
    Ok((!value.is_undefined()).then_some(value))
}

/// Forgets what is saved under `key`.
pub async fn delete(key: &str) -> Result<(), JsValue> {
    let store = object_store(web_sys::IdbTransactionMode::Readwrite).await?;
    finished(&store.delete(&JsValue::from_str(key))?)
        .await
        .map(drop)
}

/// If the address names a lesson and carries no settings, puts the settings that lesson's last
/// saved run was trained with into it (call before the router reads the address). A link with
/// settings of its own keeps them.
pub fn open_with_saved_settings() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    let Some(slug) = path.split('/').rfind(|s| !s.is_empty()) else {
        return;
    };
    let pairs: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .collect();
    if pairs.iter().any(|p| !p.starts_with("lang=")) {
        return;
    }
    let Some(saved) = saved_settings(slug) else {
        return;
    };
    let mut query = saved;
    for lang in pairs {
        query.push('&');
        query.push_str(lang);
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{query}")));
    }
}

/// An uploaded file: its name and bytes.
pub type UploadedFile = (String, std::sync::Arc<Vec<u8>>);

/// Where lesson `slug`'s uploaded file is saved.
fn upload_key(slug: &str) -> String {
    format!("{slug}:upload")
}

/// Keeps lesson `slug`'s uploaded file for the next visit: the one saved by an earlier visit is
/// handed to `restore` (unless a file was chosen meanwhile), and every new file is saved. Call once,
/// where the lab's kept state is made (the saving effect lives as long as the visit).
pub fn keep_upload(
    slug: &'static str,
    upload: leptos::prelude::RwSignal<Option<UploadedFile>>,
    restore: impl FnOnce(UploadedFile) + 'static,
) {
    use leptos::prelude::*;
    let restoring = StoredValue::new(true);
    leptos::task::spawn_local(async move {
        let saved = get(&upload_key(slug)).await.ok().flatten();
        restoring.set_value(false);
        let Some(saved) = saved else { return };
        let parts = js_sys::Array::from(&saved);
        let (Some(name), Ok(bytes)) = (
            parts.get(0).as_string(),
            parts.get(1).dyn_into::<js_sys::Uint8Array>(),
        ) else {
            return;
        };
        if upload.with_untracked(Option::is_none) {
            restore((name, std::sync::Arc::new(bytes.to_vec())));
        }
    });
    Effect::new(move |previous: Option<Option<(String, usize)>>| {
        let file = upload.with(|u| u.as_ref().map(|(n, b)| (n.clone(), b.len())));
        let changed = previous.is_some_and(|p| p != file);
        // A file over the upload limit is refused by every lab: nothing to keep.
        let usable = file
            .as_ref()
            .is_none_or(|(_, size)| *size <= crate::data::csv::Limits::default().max_bytes);
        if changed && usable && !restoring.get_value() {
            let value = upload.with_untracked(|u| {
                u.as_ref().map(|(name, bytes)| {
                    js_sys::Array::of2(
                        &JsValue::from_str(name),
                        &js_sys::Uint8Array::from(bytes.as_slice()),
                    )
                })
            });
            leptos::task::spawn_local(async move {
                let outcome = match value {
                    Some(value) => put(&upload_key(slug), &value).await,
                    None => delete(&upload_key(slug)).await,
                };
                if let Err(e) = outcome {
                    web_sys::console::warn_2(&"SeqLab: the uploaded file was not saved".into(), &e);
                }
            });
        }
        file
    });
}

/// A small value saved as JSON in localStorage (an upload's chosen columns).
pub fn load_json<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    let storage = web_sys::window()?.local_storage().ok()??;
    serde_json::from_str(&storage.get_item(key).ok()??).ok()
}

/// Saves `value` as JSON in localStorage under `key`.
pub fn save_json<T: serde::Serialize>(key: &str, value: &T) {
    if let Ok(text) = serde_json::to_string(value) {
        store(key, &text);
    }
}

/// [`keep_upload`] for a file read with chosen columns (`layout`, saved in localStorage as it
/// changes): the saved file comes back with the columns chosen for it. `layout_for` is the lab's
/// record of which file its columns belong to (so its guess does not replace them).
pub fn keep_upload_and_columns<L>(
    slug: &'static str,
    upload: leptos::prelude::RwSignal<Option<UploadedFile>>,
    layout: leptos::prelude::RwSignal<Option<L>>,
    layout_for: leptos::prelude::RwSignal<Option<(String, usize)>>,
) where
    L: serde::Serialize + serde::de::DeserializeOwned + Clone + Send + Sync + 'static,
{
    use leptos::prelude::*;
    let columns_key = format!("seqlab.columns.{slug}");
    let restore_key = columns_key.clone();
    keep_upload(slug, upload, move |file| {
        if let Some(columns) = load_json::<L>(&restore_key) {
            layout_for.set(Some((file.0.clone(), file.1.len())));
            layout.set(Some(columns));
        }
        upload.set(Some(file));
    });
    Effect::new(move || {
        if let Some(columns) = layout.get() {
            save_json(&columns_key, &columns);
        }
    });
}
