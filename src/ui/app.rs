//! The app shell: header with the language switch, the lesson navigation ([`crate::ui::nav`]), the
//! routed page and the footer. Routes: `/` (home) and `/:lesson` for every [`Lesson`], each ending
//! with the previous / next links; anything else is "not found". Opening a lesson records it as
//! visited; the service worker for offline use is registered once the shell is up.

use crate::lang::Lang;
use crate::ui::i18n::{LangContext, tr, use_lang};
use crate::ui::lessons::{Lesson, home::Home, not_found::NotFound, pager::LessonPager};
use crate::ui::nav::LessonNav;
use crate::ui::offline::{OfflineReady, register_service_worker};
use crate::ui::state::{
    LANG_KEY, PROGRESS_KEY, ProgressContext, UrlNotices, VISITED_KEY, VisitedContext, app_path,
    initial_lang, load_slugs, location_param, replace_query_param, router_base, save_slugs, store,
    use_visited,
};
use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::hooks::use_params_map;
use leptos_router::path;

/// The whole app. Provides the language and progress contexts and the router.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(initial_lang());
    provide_context(LangContext(lang));
    let progress = RwSignal::new(load_slugs(PROGRESS_KEY));
    provide_context(ProgressContext(progress));
    let visited = RwSignal::new(load_slugs(VISITED_KEY));
    provide_context(VisitedContext(visited));
    let notices = RwSignal::new(Vec::new());
    provide_context(UrlNotices(notices));
    let offline = RwSignal::new(false);
    provide_context(OfflineReady(offline));
    crate::ui::keep::provide_keeper();
    crate::ui::saved::open_with_saved_settings();
    // Before the router exists, so the app's links are followed here first (see `links`).
    crate::ui::links::follow_app_links();

    Effect::new(move || {
        let lang = lang.get();
        store(LANG_KEY, lang.code());
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    Effect::new(move || progress.with(|p| save_slugs(PROGRESS_KEY, p)));
    Effect::new(move || visited.with(|v| save_slugs(VISITED_KEY, v)));
    Effect::new(move || register_service_worker(offline));
    if location_param("simulate-panic").is_some() {
        // Lets the end-to-end tests check that a panic shows the error panel, not a blank page.
        Effect::new(|| panic!("simulated panic (?simulate-panic in the URL)"));
    }

    view! {
        <Router base=router_base()>
            <SkipLink />
            <Header />
            <div class="layout">
                <LessonNav />
                <main id="main" tabindex="-1">
                    <LinkNotices />
                    <Routes fallback=|| view! { <NotFound /> }>
                        <Route path=path!("/") view=Home />
                        <Route path=path!("/:lesson") view=LessonPage />
                    </Routes>
                </main>
            </div>
            <Footer />
        </Router>
    }
}

/// The link settings the current page replaced (out of range, unreadable, unknown), one
/// sentence each.
#[component]
fn LinkNotices() -> impl IntoView {
    let UrlNotices(notices) = expect_context::<UrlNotices>();
    let lang = use_lang();
    view! {
        <Show when=move || notices.with(|n| !n.is_empty())>
            <div class="notice" role="status" data-testid="url-notices">
                <ul>
                    {move || {
                        let lang = lang.get();
                        notices.with(|n| n.iter().map(|notice| view! { <li>{notice.message(lang)}</li> }).collect_view())
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// A keyboard user's first Tab stop: jumps to the page content. (A button, because the relative
/// `<base>` would turn `href="#main"` into a link to the home page.)
#[component]
fn SkipLink() -> impl IntoView {
    let focus_main = |_| {
        if let Some(main) = document().get_element_by_id("main") {
            use wasm_bindgen::JsCast;
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        }
    };
    view! {
        <button type="button" class="skip-link" on:click=focus_main>
            {tr("본문으로 건너뛰기", "Skip to content")}
        </button>
    }
}

#[component]
fn Header() -> impl IntoView {
    view! {
        <header class="topbar">
            <A href=app_path("/")>
                <span class="brand">"SeqLab"</span>
            </A>
            <span class="tagline">
                {tr("생물 서열로 배우는 딥러닝", "Deep learning on biological sequences")}
            </span>
            <LangSwitch />
        </header>
    }
}

/// Two buttons, 한국어 and English; the pressed one is the current language. A `?lang=` already in
/// the address is updated so a reload keeps the choice.
#[component]
fn LangSwitch() -> impl IntoView {
    let lang = use_lang();
    let choose = move |choice: Lang| {
        lang.set(choice);
        if location_param("lang").is_some() {
            replace_query_param("lang", Some(choice.code()));
        }
    };
    let button = move |choice: Lang, label: &'static str| {
        view! {
            <button
                type="button"
                lang=choice.code()
                aria-pressed=move || (lang.get() == choice).to_string()
                on:click=move |_| choose(choice)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=tr("언어", "Language")>
            {button(Lang::Ko, "한국어")}
            {button(Lang::En, "English")}
        </div>
    }
}

/// `/:lesson`: the lesson of that slug and its previous / next links, or "not found". Keeps the
/// document title in step and records the lesson as visited.
#[component]
fn LessonPage() -> impl IntoView {
    let params = use_params_map();
    let lang = use_lang();
    let visited = use_visited();
    let lesson = Memo::new(move |_| {
        params
            .with(|p| p.get("lesson"))
            .and_then(|s| Lesson::from_slug(&s))
    });
    Effect::new(move || {
        let title = match lesson.get() {
            Some(lesson) => format!("{} · SeqLab", lesson.title().get(lang.get())),
            None => "SeqLab".to_string(),
        };
        document().set_title(&title);
    });
    Effect::new(move || {
        if let Some(lesson) = lesson.get()
            && !visited.with_untracked(|v| v.contains(lesson.slug()))
        {
            visited.update(|v| {
                v.insert(lesson.slug().to_string());
            });
        }
    });
    // The settings a lesson opens with (a link's query), for the links back to it.
    Effect::new(move || {
        lesson.track();
        crate::ui::keep::remember_address();
    });
    move || match lesson.get() {
        Some(lesson) => view! {
            {lesson.view()}
            <LessonPager lesson=lesson />
        }
        .into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

/// Privacy in one sentence, and whether SeqLab is saved for offline use in this browser.
#[component]
fn Footer() -> impl IntoView {
    let OfflineReady(offline) = expect_context::<OfflineReady>();
    view! {
        <footer class="footer">
            <p>
                {tr(
                    "SeqLab은 브라우저 안에서만 돌아갑니다. 입력한 서열과 파일은 이 컴퓨터를 떠나지 않습니다.",
                    "SeqLab runs entirely in your browser: the sequences and files you enter never leave this computer.",
                )}
            </p>
            <Show when=move || offline.get()>
                <p data-testid="offline-ready">
                    {tr(
                        "✓ 이 브라우저에 저장되었습니다. 인터넷이 끊겨도 SeqLab이 열립니다.",
                        "✓ Saved in this browser: SeqLab opens without internet too.",
                    )}
                </p>
            </Show>
        </footer>
    }
}
