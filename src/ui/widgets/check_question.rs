//! The check question at the end of each lesson: pick an answer, get feedback; a right answer marks
//! the lesson done in the persisted progress.

use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::lessons::Lesson;
use crate::ui::state::use_progress;
use leptos::prelude::*;

/// A multiple-choice question with feedback.
#[component]
pub fn CheckQuestion(
    /// The lesson this question completes.
    lesson: Lesson,
    /// The question.
    question: Bi,
    /// The options, each with whether it is right.
    options: Vec<(Bi, bool)>,
    /// Why the right answer is right (shown once answered correctly).
    explanation: Bi,
) -> impl IntoView {
    let lang = use_lang();
    let progress = use_progress();
    let chosen = RwSignal::new(None::<usize>);
    let checked = RwSignal::new(None::<bool>);
    let name = format!("check-{}", lesson.slug());
    let correct: Vec<bool> = options.iter().map(|&(_, right)| right).collect();
    let choices = options
        .into_iter()
        .enumerate()
        .map(|(i, (text, _))| {
            let id = format!("{name}-{i}");
            view! {
                <li>
                    <input
                        type="radio"
                        id=id.clone()
                        name=name.clone()
                        on:change=move |_| {
                            chosen.set(Some(i));
                            checked.set(None);
                        }
                    />
                    <label for=id>{move || text.get(lang.get())}</label>
                </li>
            }
        })
        .collect_view();
    let check = move |_| {
        let Some(i) = chosen.get() else { return };
        let right = correct[i];
        checked.set(Some(right));
        if right {
            progress.update(|done| {
                done.insert(lesson.slug().to_string());
            });
        }
    };
    view! {
        <section class="check-question" aria-labelledby=format!("{name}-title")>
            <h2 id=format!("{name}-title")>{tr("확인 문제", "Check question")}</h2>
            <fieldset>
                <legend>{move || question.get(lang.get())}</legend>
                <ul class="choices">{choices}</ul>
            </fieldset>
            <button type="button" on:click=check disabled=move || chosen.get().is_none()>
                {tr("정답 확인", "Check my answer")}
            </button>
            <p class="feedback" role="status" aria-live="polite">
                {move || match checked.get() {
                    Some(true) => {
                        format!("{} {}", tr("정답입니다!", "Correct!")(), explanation.get(lang.get()))
                    }
                    Some(false) => {
                        tr("아직 아닙니다. 위의 표를 다시 보고 한 번 더 골라 보세요.", "Not quite: look at the table above again and try another answer.")()
                            .to_string()
                    }
                    None => String::new(),
                }}
            </p>
        </section>
    }
}
