//! The check question at the end of each lesson: pick an answer, get feedback; a right answer marks
//! the lesson done in the persisted progress. Each wrong answer carries its own hint.

use crate::lang::Lang;
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::lessons::Lesson;
use crate::ui::state::use_progress;
use leptos::prelude::*;

/// One answer of a check question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The right answer.
    Right(Bi),
    /// A wrong answer and why it is wrong (one or two sentences that do not give the right
    /// answer away).
    Wrong(Bi, Bi),
}

impl Choice {
    /// The right answer, in Korean and English.
    pub const fn right(ko: &'static str, en: &'static str) -> Choice {
        Choice::Right(Bi::new(ko, en))
    }

    /// A wrong answer, in Korean and English, with the hint shown when it is checked.
    pub const fn wrong(
        ko: &'static str,
        en: &'static str,
        why_ko: &'static str,
        why_en: &'static str,
    ) -> Choice {
        Choice::Wrong(Bi::new(ko, en), Bi::new(why_ko, why_en))
    }

    /// The answer's text.
    pub const fn text(self) -> Bi {
        match self {
            Choice::Right(text) | Choice::Wrong(text, _) => text,
        }
    }

    /// Whether this is the right answer.
    pub const fn is_right(self) -> bool {
        matches!(self, Choice::Right(_))
    }

    /// Why this answer is wrong (`None` for the right answer).
    pub const fn hint(self) -> Option<Bi> {
        match self {
            Choice::Right(_) => None,
            Choice::Wrong(_, why) => Some(why),
        }
    }

    /// The feedback shown once this answer is checked: "Correct!" and `explanation` for the right
    /// answer, "Not quite." and the answer's own hint for a wrong one.
    pub fn feedback(self, explanation: Bi, lang: Lang) -> String {
        match self {
            Choice::Right(_) => format!(
                "{} {}",
                lang.pick("정답입니다!", "Correct!"),
                explanation.get(lang)
            ),
            Choice::Wrong(_, why) => format!(
                "{} {}",
                lang.pick("아직 아닙니다.", "Not quite."),
                why.get(lang)
            ),
        }
    }
}

/// A multiple-choice question with feedback.
#[component]
pub fn CheckQuestion(
    /// The lesson this question completes.
    lesson: Lesson,
    /// The question.
    question: Bi,
    /// The answers, in the order shown (radio ids `check-<slug>-<i>`).
    options: Vec<Choice>,
    /// Why the right answer is right (shown once answered correctly).
    explanation: Bi,
) -> impl IntoView {
    let lang = use_lang();
    let progress = use_progress();
    let chosen = RwSignal::new(None::<usize>);
    // The index of the answer last checked (cleared when another answer is picked).
    let checked = RwSignal::new(None::<usize>);
    let name = format!("check-{}", lesson.slug());
    let answers = StoredValue::new(options.clone());
    let choices = options
        .into_iter()
        .enumerate()
        .map(|(i, choice)| {
            let text = choice.text();
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
        checked.set(Some(i));
        if answers.with_value(|answers| answers[i].is_right()) {
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
            <p class="feedback" role="status" aria-live="polite" data-testid="check-feedback">
                {move || {
                    checked
                        .get()
                        .map(|i| answers.with_value(|answers| answers[i].feedback(explanation, lang.get())))
                        .unwrap_or_default()
                }}
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RIGHT: Choice = Choice::right("맞음", "right");
    const WRONG: Choice = Choice::wrong("틀림", "wrong", "이유입니다.", "Because of this.");

    #[test]
    fn choices_know_their_text_and_hint() {
        assert_eq!(RIGHT.text(), Bi::new("맞음", "right"));
        assert_eq!(WRONG.text(), Bi::new("틀림", "wrong"));
        assert!(RIGHT.is_right() && !WRONG.is_right());
        assert_eq!(RIGHT.hint(), None);
        assert_eq!(
            WRONG.hint(),
            Some(Bi::new("이유입니다.", "Because of this."))
        );
    }

    #[test]
    fn feedback_shows_the_explanation_or_the_answers_own_hint() {
        let why = Bi::new("설명입니다.", "Because.");
        assert_eq!(RIGHT.feedback(why, Lang::En), "Correct! Because.");
        assert_eq!(RIGHT.feedback(why, Lang::Ko), "정답입니다! 설명입니다.");
        assert_eq!(WRONG.feedback(why, Lang::En), "Not quite. Because of this.");
        assert_eq!(WRONG.feedback(why, Lang::Ko), "아직 아닙니다. 이유입니다.");
    }
}
