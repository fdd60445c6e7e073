//! State that outlives one render: settings in the URL query (a shared link reproduces the page),
//! and language and progress (lessons visited, check questions answered) in `localStorage` (they
//! persist across visits).

use crate::bounds::Bounds;
use crate::choice::Choice;
use crate::lang::Lang;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::collections::BTreeSet;
use std::fmt::Display;
use std::str::FromStr;

/// `localStorage` key of the chosen language.
pub const LANG_KEY: &str = "seqlab.lang";
/// `localStorage` key of the completed lessons (a JSON array of slugs).
pub const PROGRESS_KEY: &str = "seqlab.progress";
/// `localStorage` key of the lessons opened at least once (a JSON array of slugs).
pub const VISITED_KEY: &str = "seqlab.visited";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a `localStorage` value; `None` if absent or storage is unavailable (private mode).
pub fn stored(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Writes a `localStorage` value; silently does nothing where storage is unavailable.
pub fn store(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
}

/// The current URL's query parameter `key`, read straight from `window.location`.
pub fn location_param(key: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(key)
}

/// The language to start in: `?lang=ko|en`, else the stored choice, else the browser's language,
/// else English.
pub fn initial_lang() -> Lang {
    let from_browser = || {
        let navigator = web_sys::window()?.navigator();
        navigator
            .languages()
            .iter()
            .filter_map(|tag| tag.as_string())
            .chain(navigator.language())
            .find_map(|tag| Lang::from_code(&tag))
    };
    location_param("lang")
        .and_then(|code| Lang::from_code(&code))
        .or_else(|| stored(LANG_KEY).and_then(|code| Lang::from_code(&code)))
        .or_else(from_browser)
        .unwrap_or_default()
}

/// Sets (or with `None` removes) query parameter `key` in the address bar without a new history
/// entry or a navigation.
pub fn replace_query_param(key: &str, value: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search), Ok(hash)) =
        (location.pathname(), location.search(), location.hash())
    else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    match value {
        Some(value) => params.set(key, value),
        None => params.delete(key),
    }
    let query = String::from(params.to_string());
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
    crate::ui::keep::remember_address();
}

/// A link setting the page could not use as it was given: unreadable, outside its range, or not
/// one of its choices. The page uses another value and says so (the [`UrlNotices`] box).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlNotice {
    /// The query key.
    pub key: &'static str,
    /// The value in the link (cut short).
    pub given: String,
    /// The value used instead.
    pub used: String,
    /// What is allowed (a range or the choices), if the value was readable.
    pub allowed: Option<String>,
}

impl UrlNotice {
    /// The sentence shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use crate::lang::{Particle, with_particle};
        let UrlNotice {
            key,
            given,
            used,
            allowed,
        } = self;
        let setting = format!("{key}={given}");
        match allowed {
            Some(allowed) => lang.pick(
                format!(
                    "링크의 설정 {} 허용 범위({allowed}) 밖이라 {} 씁니다.",
                    with_particle(&setting, Particle::Topic),
                    with_particle(used, Particle::Object)
                ),
                format!("The link's setting {setting} is outside what is allowed ({allowed}), so {used} is used."),
            ),
            None => lang.pick(
                format!(
                    "링크의 설정 {} 읽을 수 없어 기본값 {} 씁니다.",
                    with_particle(&setting, Particle::Object),
                    with_particle(used, Particle::Object)
                ),
                format!("The link's setting {setting} cannot be read, so the default {used} is used."),
            ),
        }
    }
}

/// The context value holding the link settings the current page could not use as given.
#[derive(Clone, Copy, Debug)]
pub struct UrlNotices(pub RwSignal<Vec<UrlNotice>>);

/// Records a notice for the current page; it goes when the page does.
fn notify(notice: UrlNotice) {
    let Some(UrlNotices(notices)) = use_context::<UrlNotices>() else {
        return;
    };
    let key = notice.key;
    notices.update(|n| {
        n.retain(|o| o.key != key);
        n.push(notice);
    });
    on_cleanup(move || notices.update(|n| n.retain(|o| o.key != key)));
}

/// How a link's text for a setting reads.
enum Reading<T> {
    /// A value the page can use.
    Usable(T),
    /// A readable value the page cannot use: the value used instead, and what is allowed.
    Replaced(T, String),
    /// Not a value of the setting's kind.
    Unreadable,
}

/// The setting `key` of the URL, read by `read`, mirrored back on every change (dropped from the
/// address when it equals `default`).
fn query_param<T>(key: &'static str, default: T, read: impl Fn(&str) -> Reading<T>) -> RwSignal<T>
where
    T: ToString + PartialEq + Clone + Send + Sync + 'static,
{
    let given = use_query_map().get_untracked().get(key);
    let initial = match given {
        None => default.clone(),
        Some(text) => match read(&text) {
            Reading::Usable(value) => value,
            Reading::Replaced(used, allowed) => {
                notify(UrlNotice {
                    key,
                    given: crate::lang::quoted(&text),
                    used: used.to_string(),
                    allowed: Some(allowed),
                });
                used
            }
            Reading::Unreadable => {
                notify(UrlNotice {
                    key,
                    given: crate::lang::quoted(&text),
                    used: default.to_string(),
                    allowed: None,
                });
                default.clone()
            }
        },
    };
    let value = RwSignal::new(initial);
    Effect::new(move || {
        let current = value.get();
        let text = (current != default).then(|| current.to_string());
        replace_query_param(key, text.as_deref());
    });
    value
}

/// A page setting mirrored in the URL query: starts from `?key=` (or `default` if absent; a value
/// that does not parse is replaced by `default` with a notice) and writes every change back,
/// dropping the parameter when it equals `default`.
pub fn use_query_param<T>(key: &'static str, default: T) -> RwSignal<T>
where
    T: FromStr + ToString + PartialEq + Clone + Send + Sync + 'static,
{
    query_param(key, default, |text| match text.parse() {
        Ok(value) => Reading::Usable(value),
        Err(_) => Reading::Unreadable,
    })
}

/// A numeric setting mirrored in the URL query and held inside `bounds` (the same bounds its form
/// field takes): a value outside them (or NaN) is replaced by the nearest allowed one, with a
/// notice.
pub fn use_bounded_param<T>(key: &'static str, default: T, bounds: Bounds<T>) -> RwSignal<T>
where
    T: FromStr + ToString + Display + PartialOrd + Copy + Send + Sync + 'static,
{
    query_param(key, default, move |text| match text.parse() {
        Ok(value) => match bounds.check(value) {
            Ok(value) => Reading::Usable(value),
            Err(near) => Reading::Replaced(near, bounds.to_string()),
        },
        Err(_) => Reading::Unreadable,
    })
}

/// A setting that is one of a [`Choice`]'s values, mirrored in the URL query by its name: any
/// other name is replaced by `default`, with a notice listing the names.
pub fn use_choice_param<T>(key: &'static str, default: T) -> RwSignal<T>
where
    T: Choice + Display,
{
    query_param(key, default, move |text| match T::from_code(text) {
        Some(value) => Reading::Usable(value),
        None => Reading::Replaced(default, T::codes()),
    })
}

/// A setting that is one of the values `listed` (a learning rate from a short list, say),
/// mirrored in the URL query: a readable value not in the list is replaced by `default`, with a
/// notice listing them.
pub fn use_listed_param<T>(key: &'static str, default: T, listed: &'static [T]) -> RwSignal<T>
where
    T: FromStr + Display + PartialEq + Copy + Send + Sync + 'static,
{
    query_param(key, default, move |text| match text.parse::<T>() {
        Ok(value) if listed.contains(&value) => Reading::Usable(value),
        Ok(_) => Reading::Replaced(
            default,
            listed
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Err(_) => Reading::Unreadable,
    })
}

/// The context value holding the slugs of lessons whose check question was answered correctly.
#[derive(Clone, Copy, Debug)]
pub struct ProgressContext(pub RwSignal<BTreeSet<String>>);

/// The context value holding the slugs of lessons the student has opened.
#[derive(Clone, Copy, Debug)]
pub struct VisitedContext(pub RwSignal<BTreeSet<String>>);

/// Loads a set of lesson slugs stored under `key` ([`PROGRESS_KEY`], [`VISITED_KEY`]; empty if
/// absent or unreadable).
pub fn load_slugs(key: &str) -> BTreeSet<String> {
    stored(key)
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// Saves a set of lesson slugs under `key`.
pub fn save_slugs(key: &str, slugs: &BTreeSet<String>) {
    if let Ok(json) = serde_json::to_string(slugs) {
        store(key, &json);
    }
}

/// The completed-lessons signal from context.
///
/// # Panics
/// Outside the component tree of [`crate::ui::App`].
pub fn use_progress() -> RwSignal<BTreeSet<String>> {
    expect_context::<ProgressContext>().0
}

/// The visited-lessons signal from context.
///
/// # Panics
/// Outside the component tree of [`crate::ui::App`].
pub fn use_visited() -> RwSignal<BTreeSet<String>> {
    expect_context::<VisitedContext>().0
}

/// The router base: the path of the document's base URL without its trailing slash, so the app
/// works at `/` and under any sub-path (the build uses a relative public URL). Read once: every
/// route is one segment deep, so the base never changes while the app runs.
pub fn router_base() -> &'static str {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .and_then(|uri| web_sys::Url::new(&uri).ok())
            .map(|url| url.pathname().trim_end_matches('/').to_string())
            .unwrap_or_default()
    })
}

/// The address of an app page: `path` (such as `/pwm`, or `/` for home) under [`router_base`].
/// Links need it because the router uses absolute paths as they are.
pub fn app_path(path: &str) -> String {
    format!("{}{path}", router_base())
}

/// A value shared between signals that compares by identity: two `Shared` are equal when they
/// point at the same value, so a memo holding 44,000 rows never compares them row by row.
#[derive(Debug)]
pub struct Shared<T>(pub std::sync::Arc<T>);

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Shared<T> {
        Shared(std::sync::Arc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Shared<T> {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}
