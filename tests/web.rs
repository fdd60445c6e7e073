//! Browser unit tests (wasm-bindgen-test, headless Chromium and Firefox): components mounted into
//! a real DOM and read back.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use seqlab::bio::motif::Pfm;
use seqlab::bio::parse_sequence;
use seqlab::lang::Lang;
use seqlab::ui::i18n::{Bi, LangContext};
use seqlab::ui::lessons::one_hot;
use seqlab::ui::state::ProgressContext;
use seqlab::ui::widgets::{CheckQuestion, Choice, MatrixTable, OneHotTable};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let document = document();
    let div = document
        .create_element("div")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Lets queued reactive updates run.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn texts(parent: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = parent.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn one_hot_table_shows_the_lecture_matrix_and_follows_the_language() {
    let parent = container();
    let lang = RwSignal::new(Lang::En);
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        provide_context(LangContext(lang));
        let symbols = parse_sequence("ATACAA").unwrap();
        view! { <OneHotTable symbols=Signal::stored(symbols) /> }
    });
    let rows: Vec<Vec<String>> = {
        let trs = parent
            .query_selector_all("[data-testid=onehot-table] tbody tr")
            .unwrap();
        (0..trs.length())
            .map(|i| {
                let tr = trs
                    .item(i)
                    .unwrap()
                    .unchecked_into::<web_sys::HtmlElement>();
                texts(&tr, "td")
            })
            .collect()
    };
    let expected = [
        [1, 0, 0, 0],
        [0, 0, 0, 1],
        [1, 0, 0, 0],
        [0, 1, 0, 0],
        [1, 0, 0, 0],
        [1, 0, 0, 0],
    ];
    let expected: Vec<Vec<String>> = expected
        .iter()
        .map(|r| r.iter().map(|v| v.to_string()).collect())
        .collect();
    assert_eq!(rows, expected);
    assert!(parent.text_content().unwrap().contains("Shape: (6, 4)"));

    lang.set(Lang::Ko);
    tick().await;
    assert!(
        parent
            .text_content()
            .unwrap()
            .contains("모양(shape): (6, 4)")
    );
    handle.forget();
}

#[wasm_bindgen_test]
fn matrix_table_prints_the_pwm_like_biopython() {
    let parent = container();
    let pwm = Pfm::from_text("TACAA TACGA TACAA")
        .unwrap()
        .normalize(0.5)
        .unwrap();
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        provide_context(LangContext(RwSignal::new(Lang::En)));
        view! {
            <MatrixTable
                matrix=Signal::stored(pwm.probs().clone())
                decimals=2
                caption=Bi::new("PWM", "PWM")
                testid="pwm"
            />
        }
    });
    assert_eq!(texts(&parent, "tbody th"), ["A:", "C:", "G:", "T:"]);
    let cells = texts(&parent, "tbody td");
    assert_eq!(&cells[..5], ["0.10", "0.70", "0.10", "0.50", "0.70"]);
    assert_eq!(&cells[15..], ["0.70", "0.10", "0.10", "0.10", "0.10"]);
    handle.forget();
}

#[wasm_bindgen_test]
async fn check_question_marks_the_lesson_done_only_when_right() {
    let parent = container();
    let progress = RwSignal::new(std::collections::BTreeSet::new());
    let handle = leptos::mount::mount_to(parent.clone(), move || {
        provide_context(LangContext(RwSignal::new(Lang::En)));
        provide_context(ProgressContext(progress));
        view! {
            <CheckQuestion
                lesson=one_hot::LESSON
                question=Bi::new("질문", "Question")
                options=vec![
                    Choice::wrong("틀림", "wrong", "이유입니다.", "Because of this."),
                    Choice::right("맞음", "right"),
                ]
                explanation=Bi::new("설명", "Because.")
            />
        }
    });
    let click = |selector: &str| {
        parent
            .query_selector(selector)
            .unwrap()
            .unwrap()
            .unchecked_into::<web_sys::HtmlElement>()
            .click();
    };
    click("#check-one-hot-0");
    tick().await;
    click(".check-question button");
    tick().await;
    assert_eq!(
        texts(&parent, "[data-testid=check-feedback]")[0],
        "Not quite. Because of this."
    );
    assert!(progress.get_untracked().is_empty());
    click("#check-one-hot-1");
    tick().await;
    click(".check-question button");
    tick().await;
    assert_eq!(texts(&parent, ".feedback")[0], "Correct! Because.");
    assert!(progress.get_untracked().contains("one-hot"));
    handle.forget();
}
