//! The end of every lesson: "← previous · next →" in course order ([`Lesson::ALL`]), the next
//! lesson's title and, under it, one line on why it comes next ([`Lesson::why_next`]). The first lesson's
//! "previous" is the home page; the last lesson's "next" is the course map.

use crate::ui::i18n::{tr, use_lang};
use crate::ui::lessons::Lesson;
use crate::ui::state::app_path;
use leptos::prelude::*;
use leptos_router::components::A;

/// Previous and next lesson links under `lesson`.
#[component]
pub fn LessonPager(
    /// The lesson the pager ends.
    lesson: Lesson,
) -> impl IntoView {
    let lang = use_lang();
    let href = |lesson: Lesson| crate::ui::keep::lesson_href(lesson.slug());
    let title =
        move |lesson: Lesson| format!("{} · {}", lesson.number(), lesson.title().get(lang.get()));
    let previous = match lesson.previous() {
        Some(previous) => view! {
            <A href=href(previous) attr:class="pager-previous" attr:rel="prev">
                <span class="pager-label">{tr("← 이전", "← Previous")}</span>
                <span class="pager-title">{move || title(previous)}</span>
            </A>
        }
        .into_any(),
        None => view! {
            <A href=app_path("/") attr:class="pager-previous">
                <span class="pager-label">{tr("← 처음", "← Home")}</span>
                <span class="pager-title">{tr("코스 지도", "Course map")}</span>
            </A>
        }
        .into_any(),
    };
    let why = move || lesson.why_next().get(lang.get());
    let next = match lesson.next() {
        Some(next) => view! {
            <A href=href(next) attr:class="pager-next" attr:rel="next">
                <span class="pager-label">{tr("다음 →", "Next →")}</span>
                <span class="pager-title">{move || title(next)}</span>
                <span class="why-next" data-testid="why-next">{why}</span>
            </A>
        }
        .into_any(),
        None => view! {
            <A href=app_path("/") attr:class="pager-next">
                <span class="pager-label">{tr("끝 →", "Done →")}</span>
                <span class="pager-title">{tr("코스 지도", "Course map")}</span>
                <span class="why-next" data-testid="why-next">{why}</span>
            </A>
        }
        .into_any(),
    };
    view! {
        <nav class="lesson-pager" aria-label=tr("이전 수업과 다음 수업", "Previous and next lesson") data-testid="lesson-pager">
            {previous}
            {next}
        </nav>
    }
}
