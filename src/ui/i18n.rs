//! Bilingual text. The current [`Lang`] lives in a context signal; text nodes read it, so switching
//! language re-renders every word (plot labels included, since plots redraw on the signal).

use crate::lang::Lang;
use leptos::prelude::*;

/// The context value holding the current language.
#[derive(Clone, Copy, Debug)]
pub struct LangContext(pub RwSignal<Lang>);

/// The current-language signal from context.
///
/// # Panics
/// Outside the component tree of [`crate::ui::App`] (or a test that provides [`LangContext`]).
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<LangContext>().0
}

/// A static sentence in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bi {
    /// Korean.
    pub ko: &'static str,
    /// English.
    pub en: &'static str,
}

impl Bi {
    /// Both versions of one sentence.
    pub const fn new(ko: &'static str, en: &'static str) -> Bi {
        Bi { ko, en }
    }

    /// The version in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.ko, self.en)
    }

    /// A sentence made at run time (a legend entry such as "#3 training (100 rows)"). Each
    /// distinct text is stored once for the life of the page, so redrawing never grows memory.
    pub fn interned(ko: String, en: String) -> Bi {
        Bi {
            ko: intern(ko),
            en: intern(en),
        }
    }
}

fn intern(text: String) -> &'static str {
    thread_local! {
        static TEXTS: std::cell::RefCell<std::collections::HashSet<&'static str>> =
            Default::default();
    }
    TEXTS.with_borrow_mut(|texts| match texts.get(text.as_str()) {
        Some(&stored) => stored,
        None => {
            let stored: &'static str = text.leak();
            texts.insert(stored);
            stored
        }
    })
}

/// A reactive text: `{tr("안녕", "Hello")}` renders the current language's version.
pub fn tr(ko: &'static str, en: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let lang = use_lang();
    move || lang.get().pick(ko, en)
}

/// Children shown only while the language is Korean (for prose with inline markup).
#[component]
pub fn Ko(
    /// The Korean content.
    children: ChildrenFn,
) -> impl IntoView {
    let lang = use_lang();
    view! { <Show when=move || lang.get() == Lang::Ko>{children()}</Show> }
}

/// Children shown only while the language is English (for prose with inline markup).
#[component]
pub fn En(
    /// The English content.
    children: ChildrenFn,
) -> impl IntoView {
    let lang = use_lang();
    view! { <Show when=move || lang.get() == Lang::En>{children()}</Show> }
}
