//! A visible error panel instead of a blank page.
//!
//! A panic in WebAssembly stops the app for good, so the panel is built with plain DOM calls (not
//! Leptos, whose runtime may be the thing that failed) and offers a reload. The message is logged to
//! the console too ([`console_error_panic_hook`]).

use wasm_bindgen::JsCast;

/// The element id of the panel (tests look for it).
pub const PANEL_ID: &str = "seqlab-panic";

/// Installs the panic hook: console log plus the error panel. Call first in `main`.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_error_panel(&info.to_string());
    }));
}

/// Shows the error panel: a bilingual sentence on what to do (reload) and a Reload button, with
/// `detail` (the panic message) folded away under "Details".
pub fn show_error_panel(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id(PANEL_ID).is_some() {
        return;
    }
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id(PANEL_ID);
    panel.set_class_name("error-panel");
    let _ = panel.set_attribute("role", "alert");
    let parts: [(&str, &str); 3] = [
        (
            "h2",
            "문제가 생겨 SeqLab이 멈췄습니다 · SeqLab stopped because of an error",
        ),
        (
            "p",
            "페이지를 새로 고치면 다시 시작합니다. 입력한 설정은 주소(URL)에 남아 있습니다. · \
             Reload the page to start again; your settings are kept in the address (URL).",
        ),
        ("button", "새로 고침 · Reload"),
    ];
    for (tag, text) in parts {
        let Ok(element) = document.create_element(tag) else {
            continue;
        };
        element.set_text_content(Some(text));
        if tag == "button" {
            let _ = element.set_attribute("type", "button");
            let _ = element.set_attribute("onclick", "location.reload()");
        }
        let _ = panel.append_child(&element);
    }
    // The panic message is for a bug report, not for the student: folded away (and in the console).
    if let (Ok(details), Ok(summary), Ok(pre)) = (
        document.create_element("details"),
        document.create_element("summary"),
        document.create_element("pre"),
    ) {
        summary.set_text_content(Some(
            "자세한 내용 (오류 보고용) · Details (for a bug report)",
        ));
        pre.set_text_content(Some(detail));
        let _ = details.append_child(&summary);
        let _ = details.append_child(&pre);
        let _ = panel.append_child(&details);
    }
    let _ = body.insert_before(&panel, body.first_child().as_ref());
    if let Some(button) = panel.query_selector("button").ok().flatten()
        && let Ok(button) = button.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = button.focus();
    }
}
