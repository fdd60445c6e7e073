//! The app shell: header with the language switch, the lesson navigation, the routed page and the
//! footer. Routes: `/` (home) and `/:lesson` for every [`Lesson`]; anything else is "not found".

use crate::lang::Lang;
use crate::ui::i18n::{LangContext, tr, use_lang};
use crate::ui::lessons::{Lesson, home::Home, not_found::NotFound};
use crate::ui::state::{
    LANG_KEY, ProgressContext, UrlNotices, app_path, initial_lang, load_progress, location_param,
    replace_query_param, router_base, save_progress, store, use_progress,
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
    let progress = RwSignal::new(load_progress());
    provide_context(ProgressContext(progress));
    let notices = RwSignal::new(Vec::new());
    provide_context(UrlNotices(notices));

    Effect::new(move || {
        let lang = lang.get();
        store(LANG_KEY, lang.code());
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    Effect::new(move || save_progress(&progress.get()));
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

#[component]
fn LessonNav() -> impl IntoView {
    let lang = use_lang();
    let progress = use_progress();
    let items = Lesson::ALL
        .into_iter()
        .map(|lesson| {
            let done = move || progress.get().contains(lesson.slug());
            view! {
                <li>
                    <A href=app_path(&format!("/{}", lesson.slug()))>
                        <span class="num">{lesson.number()}</span>
                        <span class="title">{move || lesson.nav_title().get(lang.get())}</span>
                        <Show when=done>
                            <span class="done" title=tr("완료", "Completed")>
                                "✓"
                            </span>
                        </Show>
                    </A>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="lesson-nav" aria-label=tr("수업 목록", "Lessons")>
            <ol>
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

/// `/:lesson`: the lesson of that slug, or "not found". Keeps the document title in step.
#[component]
fn LessonPage() -> impl IntoView {
    let params = use_params_map();
    let lang = use_lang();
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
    move || match lesson.get() {
        Some(lesson) => lesson.view(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="footer">
            <p>
                {tr(
                    "SeqLab은 브라우저 안에서만 돌아갑니다. 입력한 서열과 파일은 이 컴퓨터를 떠나지 않습니다.",
                    "SeqLab runs entirely in your browser: the sequences and files you enter never leave this computer.",
                )}
            </p>
        </footer>
    }
}
