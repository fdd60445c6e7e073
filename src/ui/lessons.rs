//! The lesson pages. [`Lesson`] is the one list the navigation, the home page's course map and the
//! router are built from, so only pages that exist are ever linked.

pub mod ai_ml_dl;
pub mod backprop;
pub mod cnn;
pub mod expression_lab;
pub mod home;
pub mod motif_lab;
pub mod not_found;
pub mod one_hot;
pub mod overfitting;
pub mod perceptron;
pub mod pwm;
pub mod softmax;

use crate::ui::i18n::Bi;
use leptos::prelude::*;

/// A lesson page, in course order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lesson {
    /// AI ⊃ ML ⊃ DL, supervised learning, data splits (lecture items 1, 2, 4).
    AiMlDl,
    /// The perceptron: weighted sum, activation, learning a boundary (lecture item 3).
    Perceptron,
    /// Softmax and cross-entropy (lecture item 5).
    Softmax,
    /// Gradients, the chain rule, backpropagation, gradient descent (lecture item 6).
    Backprop,
    /// One-hot encoding of DNA (lecture item 9).
    OneHot,
    /// PFM → PWM → scanning, log-likelihood and log-odds (lecture items 10–11).
    Pwm,
    /// A CNN's anatomy: a filter as a learnable PWM, shapes, same vs valid (lecture items 7, 14).
    Cnn,
    /// The lecture's CNN experiment end to end (lecture items 12–16).
    MotifLab,
    /// Sequence → expression regression on real or uploaded data (lecture item 17).
    ExpressionLab,
    /// Overfitting and hyperparameters, by experiment (the lecture's next topics, item 18).
    Overfitting,
}

impl Lesson {
    /// Every lesson, in course order.
    pub const ALL: [Lesson; 10] = [
        Lesson::AiMlDl,
        Lesson::Perceptron,
        Lesson::Softmax,
        Lesson::Backprop,
        Lesson::OneHot,
        Lesson::Pwm,
        Lesson::Cnn,
        Lesson::MotifLab,
        Lesson::ExpressionLab,
        Lesson::Overfitting,
    ];

    /// The URL path segment, e.g. `one-hot` for `/one-hot`.
    pub fn slug(self) -> &'static str {
        match self {
            Lesson::AiMlDl => "ai-ml-dl",
            Lesson::Perceptron => "perceptron",
            Lesson::Softmax => "softmax-cross-entropy",
            Lesson::Backprop => "backprop",
            Lesson::Cnn => "cnn",
            Lesson::OneHot => "one-hot",
            Lesson::Pwm => "pwm",
            Lesson::MotifLab => "motif-lab",
            Lesson::ExpressionLab => "expression-lab",
            Lesson::Overfitting => "overfitting",
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
            Lesson::AiMlDl => Bi::new(
                "인공지능, 머신러닝, 딥러닝과 데이터",
                "AI, machine learning, deep learning and data",
            ),
            Lesson::Perceptron => Bi::new("퍼셉트론: 뉴런 하나", "The perceptron: one neuron"),
            Lesson::Softmax => Bi::new("소프트맥스와 교차 엔트로피", "Softmax and cross-entropy"),
            Lesson::Backprop => Bi::new(
                "기울기, 연쇄 법칙, 역전파",
                "Gradients, the chain rule and backpropagation",
            ),
            Lesson::Cnn => Bi::new(
                "CNN 해부: 필터는 배우는 PWM",
                "CNN anatomy: a filter is a learnable PWM",
            ),
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
            Lesson::Overfitting => {
                Bi::new("과적합과 하이퍼파라미터", "Overfitting and hyperparameters")
            }
        }
    }

    /// A short title for the navigation list.
    pub fn nav_title(self) -> Bi {
        match self {
            Lesson::AiMlDl => Bi::new("AI·ML·DL과 데이터", "AI, ML, DL and data"),
            Lesson::Perceptron => Bi::new("퍼셉트론", "Perceptron"),
            Lesson::Softmax => Bi::new("소프트맥스와 손실", "Softmax and loss"),
            Lesson::Backprop => Bi::new("역전파", "Backpropagation"),
            Lesson::Cnn => Bi::new("CNN 해부", "CNN anatomy"),
            Lesson::OneHot => Bi::new("원-핫 인코딩", "One-hot encoding"),
            Lesson::Pwm => Bi::new("모티프와 PWM", "Motifs and PWMs"),
            Lesson::MotifLab => Bi::new("모티프 실험실 (CNN)", "Motif lab (CNN)"),
            Lesson::ExpressionLab => Bi::new("발현 실험실 (회귀)", "Expression lab (regression)"),
            Lesson::Overfitting => {
                Bi::new("과적합과 하이퍼파라미터", "Overfitting, hyperparameters")
            }
        }
    }

    /// One sentence for the course map.
    pub fn summary(self) -> Bi {
        match self {
            Lesson::AiMlDl => Bi::new(
                "X에서 Y를 맞히는 함수를 데이터에서 배웁니다: 분류와 회귀, 그리고 훈련·검증·테스트 세트.",
                "Learn a function from X to Y from data: classification and regression, and training, validation and test sets.",
            ),
            Lesson::Perceptron => Bi::new(
                "가중합과 활성화 함수를 직접 움직이고, 뉴런 하나와 은닉층이 생물반응기 데이터를 나누는 모습을 봅니다.",
                "Move a weighted sum and its activation by hand, then watch one neuron and a hidden layer learn to split bioreactor data.",
            ),
            Lesson::Softmax => Bi::new(
                "로짓을 확률로 바꾸고, 정답 확률로 손실을 매기고, 그 기울기 p − y를 봅니다.",
                "Turn logits into probabilities, score the true class's probability, and see the gradient p − y.",
            ),
            Lesson::Backprop => Bi::new(
                "작은 신경망을 한 단계씩 순전파·역전파하고, 기울기를 유한 차분과 비교하고, 학습률을 바꿔 봅니다.",
                "Step a small network forward and backward, check its gradient against finite differences, and try learning rates.",
            ),
            Lesson::Cnn => Bi::new(
                "필터가 원-핫 서열 위를 미끄러지는 모습과, same/valid 패딩에 따른 모양과 매개변수 수(312 대 292)를 봅니다.",
                "Watch a filter slide over one-hot DNA, and work out shapes and parameter counts for same and valid padding (312 vs 292).",
            ),
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
                "실제 5′UTR 15,000개(기본) 또는 내 CSV로 발현량을 예측하는 CNN을 학습하고, 처음 보는 서열로 평가합니다.",
                "Train a CNN that predicts expression from 15,000 real 5′UTRs (the default) or your own CSV, and test it on unseen sequences.",
            ),
            Lesson::Overfitting => Bi::new(
                "적은 행과 충분한 행으로 같은 모델을 학습해 학습·검증 곡선이 갈라지는 것을 보고, 조기 종료와 학습률·필터·커널·배치·에포크를 실험으로 익힙니다.",
                "Train one model on too few and on enough rows and watch the training and validation curves split; learn early stopping, learning rate, filters, kernel, batch size and epochs by experiment.",
            ),
        }
    }

    /// The page itself.
    pub fn view(self) -> AnyView {
        match self {
            Lesson::AiMlDl => view! { <ai_ml_dl::AiMlDlLesson /> }.into_any(),
            Lesson::Perceptron => view! { <perceptron::PerceptronLesson /> }.into_any(),
            Lesson::Softmax => view! { <softmax::SoftmaxLesson /> }.into_any(),
            Lesson::Backprop => view! { <backprop::BackpropLesson /> }.into_any(),
            Lesson::Cnn => view! { <cnn::CnnLesson /> }.into_any(),
            Lesson::OneHot => view! { <one_hot::OneHotLesson /> }.into_any(),
            Lesson::Pwm => view! { <pwm::PwmLesson /> }.into_any(),
            Lesson::MotifLab => view! { <motif_lab::MotifLab /> }.into_any(),
            Lesson::ExpressionLab => view! { <expression_lab::ExpressionLab /> }.into_any(),
            Lesson::Overfitting => view! { <overfitting::OverfittingLesson /> }.into_any(),
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
        assert_eq!(Lesson::Pwm.number(), 6);
        assert_eq!(Lesson::Overfitting.number(), 10);
    }
}
