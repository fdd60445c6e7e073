//! The page for an address that matches no lesson: which address, and every lesson to go to.
//! Addresses deeper than one level reach it through `scripts/not-found-boot.js`, which passes the
//! address asked for as `?missing=`.

use crate::ui::i18n::{tr, use_lang};
use crate::ui::lessons::Lesson;
use crate::ui::state::{app_path, location_param};
use leptos::prelude::*;
use leptos_router::components::A;

/// "This page does not exist": the address, the lesson list, and a way home.
#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    let address = location_param("missing")
        .or_else(|| web_sys::window().and_then(|w| w.location().pathname().ok()));
    let lessons = Lesson::ALL
        .into_iter()
        .map(|lesson| {
            view! {
                <li>
                    <A href=app_path(&format!("/{}", lesson.slug()))>
                        {move || lesson.title().get(lang.get())}
                    </A>
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="lesson not-found" data-testid="not-found">
            <h1>{tr("없는 페이지입니다", "Page not found")}</h1>
            <p>
                {tr("이 주소에는 수업이 없습니다: ", "There is no lesson at this address: ")}
                <code data-testid="not-found-address">{address}</code>
            </p>
            <p>{tr("아래에서 수업을 고르세요.", "Pick a lesson below.")}</p>
            <ol class="not-found-lessons">{lessons}</ol>
            <p>
                <A href=app_path("/")>{tr("처음으로", "Go to the home page")}</A>
            </p>
        </article>
    }
}
