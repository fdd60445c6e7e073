//! The lesson pages. [`Lesson::ALL`] is the one list the navigation, the home page's course map and
//! the router are built from, so only pages that exist are ever linked; each page's module says
//! what it is called (its `LESSON`).

pub mod ai_ml_dl;
pub mod backprop;
pub mod bioreactor_lab;
pub mod cnn;
pub mod expression_lab;
pub mod home;
pub mod motif_lab;
pub mod not_found;
pub mod one_hot;
pub mod overfitting;
pub mod pager;
pub mod perceptron;
pub mod protein_lab;
pub mod pwm;
pub mod softmax;

use crate::ui::i18n::Bi;
use leptos::prelude::*;

/// What the navigation, the home page's course map and the router know about a page. Each lesson
/// module defines its own (`pub const LESSON`), so adding a page is one module and one line in
/// [`Lesson::ALL`].
#[derive(Debug)]
pub struct LessonInfo {
    /// The URL path segment, e.g. `one-hot` for `/one-hot`.
    pub slug: &'static str,
    /// The page title.
    pub title: Bi,
    /// A short title for the navigation list.
    pub nav_title: Bi,
    /// One sentence for the course map.
    pub summary: Bi,
    /// One line at the end of the page on why the next lesson in [`Lesson::ALL`] comes next (for
    /// the last lesson: where to go after the course).
    pub why_next: Bi,
    /// The page itself.
    pub page: fn() -> AnyView,
}

/// A lesson page (compared by its slug).
#[derive(Clone, Copy, Debug)]
pub struct Lesson(pub &'static LessonInfo);

impl PartialEq for Lesson {
    fn eq(&self, other: &Lesson) -> bool {
        self.0.slug == other.0.slug
    }
}

impl Eq for Lesson {}

impl std::hash::Hash for Lesson {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.slug.hash(state);
    }
}

impl Lesson {
    /// Every lesson, in course order.
    pub const ALL: [Lesson; 12] = [
        ai_ml_dl::LESSON,
        perceptron::LESSON,
        softmax::LESSON,
        backprop::LESSON,
        one_hot::LESSON,
        pwm::LESSON,
        cnn::LESSON,
        motif_lab::LESSON,
        expression_lab::LESSON,
        protein_lab::LESSON,
        bioreactor_lab::LESSON,
        overfitting::LESSON,
    ];

    /// The URL path segment, e.g. `one-hot` for `/one-hot`.
    pub fn slug(self) -> &'static str {
        self.0.slug
    }

    /// The lesson whose slug is `slug`.
    pub fn from_slug(slug: &str) -> Option<Lesson> {
        Lesson::ALL.into_iter().find(|lesson| lesson.slug() == slug)
    }

    /// 1-based number in the course order.
    pub fn number(self) -> usize {
        Lesson::ALL
            .iter()
            .position(|&l| l == self)
            .map_or(0, |i| i + 1)
    }

    /// The page title.
    pub fn title(self) -> Bi {
        self.0.title
    }

    /// A short title for the navigation list.
    pub fn nav_title(self) -> Bi {
        self.0.nav_title
    }

    /// One sentence for the course map.
    pub fn summary(self) -> Bi {
        self.0.summary
    }

    /// Why the next lesson comes next (the line under the page's "next" link).
    pub fn why_next(self) -> Bi {
        self.0.why_next
    }

    /// The lesson before this one in the course, if any.
    pub fn previous(self) -> Option<Lesson> {
        let i = Lesson::ALL.iter().position(|&l| l == self)?;
        i.checked_sub(1).map(|i| Lesson::ALL[i])
    }

    /// The lesson after this one in the course, if any.
    pub fn next(self) -> Option<Lesson> {
        let i = Lesson::ALL.iter().position(|&l| l == self)?;
        Lesson::ALL.get(i + 1).copied()
    }

    /// The page itself.
    pub fn view(self) -> AnyView {
        (self.0.page)()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_and_round_trip() {
        for lesson in Lesson::ALL {
            assert_eq!(Lesson::from_slug(lesson.slug()), Some(lesson));
        }
        assert_eq!(Lesson::from_slug("nope"), None);
        assert_eq!(pwm::LESSON.number(), 6);
        assert_eq!(bioreactor_lab::LESSON.number(), 11);
        assert_eq!(overfitting::LESSON.number(), 12);
    }

    #[test]
    fn previous_and_next_follow_the_course_order() {
        let first = Lesson::ALL[0];
        let last = Lesson::ALL[Lesson::ALL.len() - 1];
        assert_eq!(first.previous(), None);
        assert_eq!(last.next(), None);
        for pair in Lesson::ALL.windows(2) {
            assert_eq!(pair[0].next(), Some(pair[1]));
            assert_eq!(pair[1].previous(), Some(pair[0]));
        }
    }

    #[test]
    fn every_lesson_says_why_the_next_one_follows() {
        let mut seen = std::collections::HashSet::new();
        for lesson in Lesson::ALL {
            let why = lesson.why_next();
            for text in [why.ko, why.en] {
                assert!(text.len() > 20, "{}: {text:?}", lesson.slug());
                assert!(seen.insert(text), "{}: the same line twice", lesson.slug());
            }
            assert!(
                why.ko.chars().any(|c| ('가'..='힣').contains(&c)),
                "{}: the Korean line is Korean",
                lesson.slug()
            );
        }
    }
}
