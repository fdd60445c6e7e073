//! The lesson pages. [`Lesson`] is the one list the navigation, the home page's course map and the
//! router are built from, so only pages that exist are ever linked.

pub mod expression_lab;
pub mod home;
pub mod motif_lab;
pub mod not_found;
pub mod one_hot;
pub mod pwm;

use crate::ui::i18n::Bi;
use leptos::prelude::*;

/// A lesson page, in course order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lesson {
    /// One-hot encoding of DNA (lecture item 9).
    OneHot,
    /// PFM → PWM → scanning, log-likelihood and log-odds (lecture items 10–11).
    Pwm,
    /// The lecture's CNN experiment end to end (lecture items 12–16).
    MotifLab,
    /// Sequence → expression regression on real or uploaded data (lecture item 17).
    ExpressionLab,
}

impl Lesson {
    /// Every lesson, in course order.
    pub const ALL: [Lesson; 4] = [
        Lesson::OneHot,
        Lesson::Pwm,
        Lesson::MotifLab,
        Lesson::ExpressionLab,
    ];

    /// The URL path segment, e.g. `one-hot` for `/one-hot`.
    pub fn slug(self) -> &'static str {
        match self {
            Lesson::OneHot => "one-hot",
            Lesson::Pwm => "pwm",
            Lesson::MotifLab => "motif-lab",
            Lesson::ExpressionLab => "expression-lab",
        }
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
        match self {
            Lesson::OneHot => Bi::new("원-핫 인코딩", "One-hot encoding"),
            Lesson::Pwm => Bi::new("모티프: PFM → PWM → 스캐닝", "Motifs: PFM → PWM → scanning"),
            Lesson::MotifLab => Bi::new(
                "모티프 실험실: CNN으로 결합 부위 찾기",
                "Motif lab: a CNN finds binding sites",
            ),
            Lesson::ExpressionLab => Bi::new(
                "발현 실험실: 서열로 발현량 예측하기",
                "Expression lab: predict expression from sequence",
            ),
        }
    }

    /// A short title for the navigation list.
    pub fn nav_title(self) -> Bi {
        match self {
            Lesson::OneHot => Bi::new("원-핫 인코딩", "One-hot encoding"),
            Lesson::Pwm => Bi::new("모티프와 PWM", "Motifs and PWMs"),
            Lesson::MotifLab => Bi::new("모티프 실험실 (CNN)", "Motif lab (CNN)"),
            Lesson::ExpressionLab => Bi::new("발현 실험실 (회귀)", "Expression lab (regression)"),
        }
    }

    /// One sentence for the course map.
    pub fn summary(self) -> Bi {
        match self {
            Lesson::OneHot => Bi::new(
                "DNA 서열을 신경망이 읽을 수 있는 L × 4 행렬로 바꿉니다.",
                "Turn a DNA sequence into the L × 4 matrix a neural network reads.",
            ),
            Lesson::Pwm => Bi::new(
                "정렬된 결합 부위에서 빈도 행렬과 확률 행렬을 만들고, 서열을 훑어 모티프를 찾습니다.",
                "Count aligned binding sites into a frequency and a weight matrix, then scan a \
                 sequence for the motif.",
            ),
            Lesson::MotifLab => Bi::new(
                "강의의 CNN 실험을 그대로: 데이터를 만들고, 학습하고, 평가하고, 필터가 배운 모티프를 봅니다.",
                "The lecture's CNN experiment: simulate data, train, evaluate, and see the motif the filters learned.",
            ),
            Lesson::ExpressionLab => Bi::new(
                "실제 5′UTR 15,000개 또는 내 CSV로 발현량을 예측하는 CNN을 학습하고, 처음 보는 서열로 평가합니다.",
                "Train a CNN that predicts expression from 15,000 real 5′UTRs or your own CSV, and test it on unseen sequences.",
            ),
        }
    }

    /// The page itself.
    pub fn view(self) -> AnyView {
        match self {
            Lesson::OneHot => view! { <one_hot::OneHotLesson /> }.into_any(),
            Lesson::Pwm => view! { <pwm::PwmLesson /> }.into_any(),
            Lesson::MotifLab => view! { <motif_lab::MotifLab /> }.into_any(),
            Lesson::ExpressionLab => view! { <expression_lab::ExpressionLab /> }.into_any(),
        }
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
        assert_eq!(Lesson::Pwm.number(), 2);
    }
}
