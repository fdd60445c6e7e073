//! The lesson navigation. On a wide screen it is the list beside the page; on a phone (the same
//! markup, CSS below 56rem) it is one compact bar that stays at the top of the screen — "☰ 6 / 11 ·
//! Motifs and PWMs" — and opens the list as a menu over the page. The menu closes when a lesson is
//! picked, on Escape, and whenever the address changes.

use crate::ui::i18n::{tr, use_lang};
use crate::ui::lessons::Lesson;
use crate::ui::state::{app_path, router_base, use_progress, use_visited};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// The element id of the lesson list (the menu button controls it).
pub const LIST_ID: &str = "lesson-list";

/// The lesson at `pathname` (an address under [`router_base`]), if it is one.
pub fn lesson_at(pathname: &str) -> Option<Lesson> {
    let path = pathname.strip_prefix(router_base()).unwrap_or(pathname);
    Lesson::from_slug(path.trim_matches('/'))
}

/// The lesson list with each lesson's progress (✓ check question answered, • visited), and the
/// menu button that shows it on a phone.
#[component]
pub fn LessonNav() -> impl IntoView {
    let lang = use_lang();
    let progress = use_progress();
    let visited = use_visited();
    let open = RwSignal::new(false);
    let pathname = use_location().pathname;
    let current = Memo::new(move |_| pathname.with(|p| lesson_at(p)));
    // A new address (a lesson picked, back, a link in the page) closes the menu.
    Effect::new(move || {
        pathname.track();
        open.set(false);
    });
    let items = Lesson::ALL
        .into_iter()
        .map(|lesson| {
            let slug = lesson.slug();
            let done = move || progress.with(|p| p.contains(slug));
            let seen = move || !done() && visited.with(|v| v.contains(slug));
            view! {
                <li>
                    <A href=crate::ui::keep::lesson_href(slug)>
                        <span class="num">{lesson.number()}</span>
                        <span class="title">{move || lesson.nav_title().get(lang.get())}</span>
                        <Show when=done>
                            <span class="done" title=tr("확인 문제 완료", "Check question done")>
                                "✓"
                            </span>
                        </Show>
                        <Show when=seen>
                            <span class="seen" title=tr("방문함", "Visited")>
                                "•"
                            </span>
                        </Show>
                    </A>
                </li>
            }
        })
        .collect_view();
    let where_am_i = move || {
        let lang = lang.get();
        match current.get() {
            Some(lesson) => format!(
                "{} / {} · {}",
                lesson.number(),
                Lesson::ALL.len(),
                lesson.nav_title().get(lang)
            ),
            None => lang.pick("수업 목록", "Lessons").to_string(),
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(button) = document()
                .query_selector(".nav-toggle")
                .ok()
                .flatten()
                .and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok())
            {
                let _ = button.focus();
            }
        }
    };
    view! {
        <nav
            class="lesson-nav"
            class:open=move || open.get()
            aria-label=tr("수업 목록", "Lessons")
            on:keydown=on_keydown
        >
            <button
                type="button"
                class="nav-toggle"
                aria-controls=LIST_ID
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="nav-icon" aria-hidden="true">
                    {move || if open.get() { "✕" } else { "☰" }}
                </span>
                <span class="nav-where">{where_am_i}</span>
            </button>
            <ol id=LIST_ID on:click=move |_| open.set(false)>
                <li>
                    <A href=app_path("/") exact=true>
                        <span class="num">"⌂"</span>
                        <span class="title">{tr("처음", "Home")}</span>
                    </A>
                </li>
                {items}
            </ol>
        </nav>
    }
}
