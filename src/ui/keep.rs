//! What a lab keeps for the whole visit: its training runs, its uploaded file, its loaded data and
//! its experiment tables live at app level, so going to another lesson and back (or the browser's
//! Back button) finds them as they were. A page's own signals die with the page; the signals of a
//! [`kept`] value are created once, under the app's owner, the first time any page asks for them.
//!
//! Keep plain signals and [`crate::ui::training::TrainingSession`]s here, never effects or memos
//! that read a page's settings: those belong to the page and are rebuilt with it.

use leptos::prelude::*;
use std::any::{Any, TypeId};
use std::collections::HashMap;

/// The app-level store (provided by the app shell).
#[derive(Clone)]
struct Keeper {
    owner: Owner,
    values: StoredValue<HashMap<TypeId, Box<dyn Any>>, LocalStorage>,
}

/// Makes [`kept`] values live as long as the current owner (call once, in the app shell).
pub fn provide_keeper() {
    provide_context(Keeper {
        owner: Owner::current().unwrap_or_default(),
        values: StoredValue::new_local(HashMap::new()),
    });
}

/// The visit's one value of type `T`, made by `init` (under the app's owner) the first time it is
/// asked for. Without an app shell (a component test) every call makes a new value.
pub fn kept<T: Clone + 'static>(init: impl FnOnce() -> T) -> T {
    let Some(keeper) = use_context::<Keeper>() else {
        return init();
    };
    let id = TypeId::of::<T>();
    let found = keeper.values.with_value(|values| {
        values
            .get(&id)
            .and_then(|value| value.downcast_ref::<T>())
            .cloned()
    });
    if let Some(value) = found {
        return value;
    }
    let value = keeper.owner.with(init);
    keeper
        .values
        .update_value(|values| drop(values.insert(id, Box::new(value.clone()))));
    value
}

/// The last address query (the settings) of each lesson opened in this visit, without the
/// language: a link to a lesson from the lesson list or the pager opens it as the student left it,
/// as the browser's Back button does.
#[derive(Clone, Copy)]
struct LastQueries(RwSignal<HashMap<String, String>>);

fn last_queries() -> LastQueries {
    // A lab whose last run was saved opens with that run's settings.
    kept(|| {
        let saved = crate::ui::lessons::Lesson::ALL
            .iter()
            .filter_map(|l| {
                Some((
                    l.slug().to_string(),
                    crate::ui::saved::saved_settings(l.slug())?,
                ))
            })
            .collect();
        LastQueries(RwSignal::new(saved))
    })
}

/// Records the address bar's query (without `lang`) as the settings of the lesson its path names
/// (its last segment). Called whenever a page writes a setting into the address and when a lesson
/// opens.
pub fn remember_address() {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    let Some(slug) = path.split('/').rfind(|s| !s.is_empty()) else {
        return;
    };
    let query = settings_query(&search);
    let LastQueries(queries) = last_queries();
    if queries.with_untracked(|q| q.get(slug) != Some(&query)) {
        queries.update(|q| drop(q.insert(slug.to_string(), query)));
    }
}

/// An address's settings: its query (`?…` or empty) without the language, which the app keeps
/// apart.
pub fn settings_query(search: &str) -> String {
    let pairs: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("lang="))
        .collect();
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

/// The link to lesson `slug` with the settings it was last left with (tracked).
pub fn lesson_href(slug: &'static str) -> impl Fn() -> String + Send + Sync + Copy + 'static {
    let LastQueries(queries) = last_queries();
    move || {
        let query = queries.with(|q| q.get(slug).cloned().unwrap_or_default());
        crate::ui::state::app_path(&format!("/{slug}{query}"))
    }
}
