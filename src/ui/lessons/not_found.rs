//! The page for an address that matches no lesson.

use crate::ui::i18n::tr;
use crate::ui::state::app_path;
use leptos::prelude::*;
use leptos_router::components::A;

/// "This page does not exist", with a way back home.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <article class="lesson">
            <h1>{tr("없는 페이지입니다", "Page not found")}</h1>
            <p>
                {tr(
                    "이 주소에는 수업이 없습니다. 왼쪽 목록에서 수업을 고르거나 처음으로 돌아가세요.",
                    "There is no lesson at this address. Pick one from the list, or go back home.",
                )}
            </p>
            <p>
                <A href=app_path("/")>{tr("처음으로", "Go to the home page")}</A>
            </p>
        </article>
    }
}
