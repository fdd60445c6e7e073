//! The expression lab's prose, in Korean and English.

use crate::ui::i18n::{En, Ko};
use crate::ui::widgets::{ShowMe, TryThis};
use leptos::prelude::*;

/// What the lab does.
#[component]
pub fn Intro() -> impl IntoView {
    view! {
        <Ko><p class="lead">"강의의 진짜 과제는 회귀입니다: 서열을 보고 발현량(숫자)을 예측합니다. 실제 5′UTR 데이터나 정답 규칙을 아는 시뮬레이션 데이터, 또는 여러분의 CSV로 작은 CNN을 학습하고, 본 적 없는 서열을 얼마나 잘 맞히는지 확인합니다."</p></Ko>
        <En><p class="lead">"The course's real task is a regression: read a sequence, predict its expression (a number). Train a compact CNN on real 5′UTR data, on simulated data whose rule you know, or on your own CSV, and see how well it predicts sequences it has never seen."</p></En>
    }
}

/// The real data: what the value means and whom to cite.
#[component]
pub fn RealDataText() -> impl IntoView {
    view! {
        <Ko><p>"무작위 50-nt 5′UTR 15,000개를 eGFP 앞에 붙인 mRNA(백신 mRNA처럼 U 대신 m1Ψ)를 사람 세포(HEK293T)에 넣고, 각 서열의 평균 리보솜 수(mean ribosome load, MRL)를 폴리솜 분석으로 잰 값입니다. MRL은 mRNA 한 분자에 평균 몇 개의 리보솜이 붙어 번역하는지를 뜻하며(약 1–8, 단위 없음), 클수록 단백질을 많이 만듭니다. 출처: Sample PJ 외, Nature Biotechnology 37, 803–809 (2019), GEO GSE114002."</p></Ko>
        <En><p>"15,000 random 50-nt 5′UTRs were placed in front of eGFP in mRNAs made with m1Ψ instead of U (as in mRNA vaccines), put into human cells (HEK293T), and for each the mean ribosome load (MRL) was measured by polysome profiling: how many ribosomes, on average, sit on one mRNA molecule translating it (about 1–8, no unit). Higher means more protein. Source: Sample PJ et al., Nature Biotechnology 37, 803–809 (2019); GEO GSE114002."</p></En>
    }
}

/// The simulation's rule.
#[component]
pub fn SimulatedText() -> impl IntoView {
    view! {
        <Ko><p>"정답 규칙: 값은 6.0에서 시작해, 서열 안의 ATG(너무 이른 시작 코돈) 하나마다 1.5씩 줄고(두 개까지), 3′ 끝에서 세 번째 염기가 A나 G(Kozak 비슷한 배열)이면 0.6 늘고, 표준편차 0.4의 잡음이 더해집니다. 잘 배운 모델의 돌연변이 지도에서는 ATG가 보여야 합니다."</p></Ko>
        <En><p>"The rule: the value starts at 6.0, drops by 1.5 for each ATG in the sequence (an upstream start codon; up to two), rises by 0.6 when the third base from the 3′ end is A or G (a Kozak-like context), and gets Gaussian noise of sd 0.4. A model that learned well should show the ATGs in its mutagenesis map."</p></En>
    }
}

/// The presets and the z-score.
#[component]
pub fn ModelText() -> impl IntoView {
    view! {
        <Ko><p>"기본 모델(compact)은 Conv1D(32, 커널 8) 두 층 → Flatten → Dense(32) → Dense(1)입니다. 작은 업로드에는 가중치가 적은 small을 쓰세요. 목표값은 훈련 세트의 평균과 표준편차로 z-점수(값에서 평균을 빼고 표준편차로 나눈 수)로 바꿔 학습하고(평균 0, 분산 1이라 학습이 안정적), 결과는 원래 단위로 되돌려 보여 줍니다. 조기 종료는 검증 손실이 나아지지 않으면 멈추고 가장 좋았던 가중치로 돌아갑니다."</p></Ko>
        <En><p>"The default (compact) model is two Conv1D(32, kernel 8) layers → Flatten → Dense(32) → Dense(1); use small, with fewer weights, for small uploads. The targets are turned into z-scores (the value minus the mean, divided by the standard deviation) with the training mean and sd for training (mean 0, variance 1 keeps training stable) and shown back in their own unit. Early stopping ends training when the validation loss stops improving and goes back to the best weights."</p></En>
    }
}

/// How to read the results.
#[component]
pub fn ResultsText() -> impl IntoView {
    view! {
        <Ko><p>"점이 빨간 대각선(y = x)에 가까울수록 잘 맞힌 것입니다. r²(결정 계수)는 값의 흩어짐 중 모델이 설명하는 비율로, 1이면 완벽하고 0이면 언제나 평균만 말하는 모델과 같습니다. 비교를 위해 언제나 훈련 세트 평균을 답하는 모델(기준선)의 점수도 보여 줍니다."</p></Ko>
        <En><p>"The closer the dots lie to the red diagonal (y = x), the better the predictions. r² (the coefficient of determination) is the share of the values' spread the model explains: 1 is perfect, 0 is no better than always answering the mean. For comparison, the score of a baseline that always answers the training mean is shown too."</p></En>
    }
}

/// Why the learning curve.
#[component]
pub fn CurveText() -> impl IntoView {
    view! {
        <Ko><p>"같은 모델을 훈련 세트 1천, 2천, 5천 행과 전체로 따로 학습해 테스트 r²를 비교합니다. 딥러닝이 수천에서 수만 개의 표본을 필요로 하는 이유가 곡선에 보입니다."</p></Ko>
        <En><p>"The same model is trained on 1,000, 2,000 and 5,000 training rows and on all of them, and the test r² is compared: the curve shows why deep learning needs thousands to tens of thousands of samples."</p></En>
    }
}

/// Suggestions.
#[component]
pub fn Try() -> impl IntoView {
    view! {
        <TryThis>
            <Ko>
                <ul>
                    <li>"실제 데이터로 조기 종료를 끄고(인내 0) 30 에포크를 학습해 보세요. 훈련 r²는 1에 가까워지는데 검증 r²는 떨어집니다: 과적합입니다."<ShowMe target="#expr-patience" /></li>
                    <li>"시뮬레이션 데이터로 학습한 뒤 예측 칸에 ATG가 있는 서열과 없는 서열을 넣어 비교해 보세요."<ShowMe target="input[name=expr-source]" /></li>
                    <li>"실제 데이터의 돌연변이 지도에서 ATG를 만드는 돌연변이가 예측을 낮추는지 보세요."<ShowMe target="#expr-step-6" /></li>
                </ul>
            </Ko>
            <En>
                <ul>
                    <li>"On the real data, turn early stopping off (patience 0) and train 30 epochs: the training r² nears 1 while the validation r² falls — overfitting."<ShowMe target="#expr-patience" /></li>
                    <li>"Train on the simulated data, then predict a sequence with an ATG and the same sequence without it."<ShowMe target="input[name=expr-source]" /></li>
                    <li>"In the real data's mutagenesis map, check that mutations creating an ATG lower the prediction."<ShowMe target="#expr-step-6" /></li>
                </ul>
            </En>
        </TryThis>
    }
}
