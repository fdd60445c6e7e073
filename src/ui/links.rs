//! Following the app's own links. Pages write their settings into the address bar as the student
//! changes them (`history.replaceState`, [`crate::ui::state::replace_query_param`]), which the
//! router does not see. Its record of visited addresses then disagrees with the browser's after
//! Back, and leptos_router 0.8.17 skips the `pushState` of a link click whose address equals the
//! last one it recorded: a student who changes a setting, opens another lesson, goes Back and
//! clicks that lesson again sees its page under the previous lesson's address (and Back leaves the
//! app). So same-document links are followed here, before the router's own click handler: the new
//! entry is pushed and the router reads it as it reads a Back or Forward (`popstate`), which always
//! follows the browser's address. Links the browser should follow itself (another origin, outside
//! the app's base path, a new tab, a download, a modified click) are left alone.

use crate::ui::state::router_base;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Installs the click handler (call before the router is created, so it runs first).
pub fn follow_app_links() {
    let handle = window_event_listener(ev::click, |event| {
        if let Some(href) = app_link(&event) {
            event.prevent_default();
            go_to(&href);
        }
    });
    on_cleanup(move || handle.remove());
}

/// The address of the same-document link `event` clicks, if the app should follow it.
fn app_link(event: &web_sys::MouseEvent) -> Option<String> {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.alt_key()
        || event.ctrl_key()
        || event.shift_key()
    {
        return None;
    }
    let target: web_sys::Element = event.target()?.dyn_into().ok()?;
    let anchor: web_sys::HtmlAnchorElement = target.closest("a[href]").ok()??.dyn_into().ok()?;
    let rel = anchor.rel();
    if !anchor.target().is_empty()
        || anchor.has_attribute("download")
        || rel.split_whitespace().any(|r| r == "external")
    {
        return None;
    }
    let location = window().location();
    let url = web_sys::Url::new(&anchor.href()).ok()?;
    let base = router_base();
    let inside = base.is_empty() || url.pathname().starts_with(base);
    if url.origin() != location.origin().ok()? || !inside {
        return None;
    }
    Some(format!("{}{}{}", url.pathname(), url.search(), url.hash()))
}

/// Pushes `href` (unless it is the address already shown) and lets the router follow it.
fn go_to(href: &str) {
    let window = window();
    let location = window.location();
    let here = format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default()
    );
    if here != href
        && let Ok(history) = window.history()
    {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
    if let Ok(event) = web_sys::PopStateEvent::new("popstate") {
        let _ = window.dispatch_event(&event);
    }
    window.scroll_to_with_x_and_y(0.0, 0.0);
}
