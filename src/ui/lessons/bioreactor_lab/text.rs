//! The bioreactor lab's prose, in Korean and English.

use crate::ui::i18n::{En, Ko};
use crate::ui::widgets::{ShowMe, TryThis};
use leptos::prelude::*;

/// What the lab does.
#[component]
pub fn Intro() -> impl IntoView {
    view! {
        <Ko><p class="lead">"서열이 아닌 숫자 표로 하는 회귀입니다. 대장균으로 재조합 단백질을 만드는 유가식 배양에서, 배양 조건 여섯 가지(온도, pH, 공급 속도, 초기 포도당, 유도 시점, 유도제 농도)를 보고 수확할 때의 단백질 역가(mg/L)를 예측합니다. 각 조건에는 너무 적어도 너무 많아도 나쁜 최적점이 있어서, 직선(평면) 모델은 놓치고 작은 신경망은 배울 수 있습니다. 학습한 모델로 가장 좋은 조건을 찾아 시뮬레이터로 확인합니다."</p></Ko>
        <En><p class="lead">"A regression on a table of numbers rather than sequences. In a fed-batch culture of E. coli making a recombinant protein, six culture conditions (temperature, pH, feed rate, initial glucose, induction time, inducer concentration) predict the protein titer at harvest (mg/L). Each condition has a best value, with too little and too much both worse, so a straight-line (plane) model misses it and a small network can learn it. The trained model then searches for the best conditions, and the simulator checks them."</p></En>
    }
}

/// What the simulator is.
#[component]
pub fn SimulatorText() -> impl IntoView {
    view! {
        <Ko><p>"데이터는 실제 실험 대신 시뮬레이터가 만듭니다. 반응기 안의 균체 X, 포도당 S, 단백질 P(모두 g/L 또는 mg/L)와 부피 V(L)의 물질 수지를 4차 룽게–쿠타(RK4) 방법으로 0.02시간 간격으로 풉니다. 공급액(포도당 500 g/L)이 F의 속도로 들어오면 부피가 늘고 모든 농도가 묽어집니다(F/V 항)."</p></Ko>
        <En><p>"A simulator stands in for real experiments. It solves the mass balances of biomass X, glucose S and protein P (g/L or mg/L) and the volume V (L) inside the vessel with fourth-order Runge–Kutta (RK4) in steps of 0.02 h. The feed (500 g/L glucose) flows in at rate F, so the volume grows and every concentration is diluted (the F/V terms)."</p></En>
    }
}

/// The rates and their trade-offs.
#[component]
pub fn RatesText() -> impl IntoView {
    view! {
        <Ko><p>"γ는 Rosso의 기수(cardinal) 모델로, 최적 온도·pH에서 1이고 한계에서 0입니다. 성장은 37 °C, 단백질 생산은 29 °C가 최적이라 온도는 둘 사이의 타협입니다. 포도당은 모자라면 굶고(Monod), 너무 많으면 성장을 막습니다(Kᵢ). 유도제 I는 생산을 켜지만(KI) 대사 부담 b로 성장을 늦춥니다(KB). 이른 유도는 균체가 적을 때 부담을 주고, 늦은 유도는 만들 시간이 모자랍니다. 생산은 Luedeking–Piret 식(α·μ + β)을 따릅니다."</p></Ko>
        <En><p>"The γ are Rosso's cardinal models: 1 at the best temperature or pH, 0 at the limits. Growth is fastest at 37 °C and production at 29 °C, so temperature is a compromise between them. Too little glucose starves the cells (Monod), too much inhibits growth (Kᵢ). The inducer I switches production on (KI) but slows growth by its burden b (KB): early induction burdens a small culture, late induction leaves little time to make protein. Production follows Luedeking–Piret (α·μ + β)."</p></En>
    }
}

/// Designs and the split.
#[component]
pub fn DataText() -> impl IntoView {
    view! {
        <Ko><p>"실험 계획이 어떤 조건으로 실행할지 정합니다. 무작위는 조건마다 범위 안에서 아무 값이나 뽑고, 완전 격자는 몇 개의 수준을 모두 조합하며, 라틴 하이퍼큐브는 각 조건의 범위를 실행 수만큼 칸으로 나눠 칸마다 정확히 한 번씩 씁니다(적은 실행으로도 범위를 고르게 덮습니다). 측정한 역가에는 변동 계수만큼의 잡음이 있습니다. 시드가 같으면 언제나 같은 실행이 나옵니다."</p></Ko>
        <En><p>"A design of experiments decides which conditions each run uses. Random draws every condition anywhere in its range; a full grid takes every combination of a few levels; a Latin hypercube cuts each condition's range into as many strata as there are runs and uses each stratum exactly once (even few runs cover the ranges evenly). The measured titer carries noise with the given coefficient of variation. The same seed always gives the same runs."</p></En>
    }
}

/// The closed-form plane.
#[component]
pub fn LinearText() -> impl IntoView {
    view! {
        <Ko><p>"비교할 기준은 ŷ = b₀ + Σ bₖ·xₖ 평면입니다. 훈련 세트로 정규 방정식을 한 번에 풀어(최소제곱법) 계수를 얻으므로 학습이 필요 없습니다. bₖ는 조건 k가 한 단위 늘 때 역가가 얼마나 변하는지, wₖ는 표준편차 하나만큼 늘 때의 변화(조건끼리 비교 가능)입니다. 평면은 오르거나 내릴 뿐, 중간에 꼭대기가 있는 언덕을 그릴 수 없습니다."</p></Ko>
        <En><p>"The baseline is the plane ŷ = b₀ + Σ bₖ·xₖ, solved at once from the training runs (least squares, the normal equations), so it needs no training. bₖ is how much the titer changes per unit of condition k, wₖ per standard deviation (comparable across conditions). A plane can only rise or fall: it cannot draw a hill with its top in the middle."</p></En>
    }
}

/// The network.
#[component]
pub fn ModelText() -> impl IntoView {
    view! {
        <Ko><p>"기본 신경망은 Dense(16, relu) 두 층과 출력 Dense(1)로, 매개변수가 401개입니다. 입력 조건과 역가는 훈련 세트의 평균과 표준편차로 z-점수(값에서 평균을 빼고 표준편차로 나눈 수)로 바꿔 학습하고, 예측은 mg/L로 되돌립니다. 기본 설정(Adam, 학습률 0.01, 배치 32, 2,000 에포크)은 훈련 세트 실행 144개를 여러 번 보며 언덕 모양을 배웁니다. 검증 세트는 16개뿐이라 조기 종료는 꺼 두었습니다."</p></Ko>
        <En><p>"The preset network is two Dense(16, relu) layers and a Dense(1) output, 401 parameters. The conditions and the titer are turned into z-scores (the value minus the mean, divided by the standard deviation) with the training runs' means and standard deviations, and predictions are turned back into mg/L. The defaults (Adam, learning rate 0.01, batch 32, 2,000 epochs) go over the 144 fitted training runs many times to learn the hill's shape. With only 16 validation runs, early stopping is off."</p></En>
    }
}

/// How to read the results.
#[component]
pub fn ResultsText() -> impl IntoView {
    view! {
        <Ko><p>"점이 빨간 대각선(y = x)에 가까울수록 잘 맞힌 것입니다. r²는 역가의 흩어짐 중 모델이 설명하는 비율(1이면 완벽, 0이면 평균만 답하는 기준선과 같음)이고, RMSE는 예측 오차의 크기를 mg/L로 나타냅니다. 직선(평면) 모델과 나란히 비교하세요."</p></Ko>
        <En><p>"The closer the dots lie to the red diagonal (y = x), the better. r² is the share of the titer's spread the model explains (1 is perfect, 0 is the mean baseline); RMSE is the size of the errors in mg/L. Compare the network with the plane beside it."</p></En>
    }
}

/// Partial dependence.
#[component]
pub fn DependenceText() -> impl IntoView {
    view! {
        <Ko><p>"부분 의존 곡선은 한 조건만 범위를 따라 바꾸고 나머지 조건은 훈련 세트 실행 그대로 둔 채, 예측 역가를 평균한 것입니다: PD(v) = 평균ᵢ f(xᵢ, 조건 k = v). 시뮬레이션 데이터라면 같은 계산을 시뮬레이터로 한 정답(점선)과 겹쳐 봅니다. 곡선이 범위 안에서 꺾여 내려오면 그 조건에 최적점이 있다는 뜻입니다."</p></Ko>
        <En><p>"A partial-dependence curve changes one condition across its range while the others stay as the training runs had them, and averages the predicted titer: PD(v) = meanᵢ f(xᵢ with condition k = v). With simulated runs the same average taken with the simulator (dashed) is the truth to compare with. A curve that turns down inside its range means the condition has a best value."</p></En>
    }
}

/// The search for the best conditions.
#[component]
pub fn OptimumText() -> impl IntoView {
    view! {
        <Ko><p>"학습한 신경망은 실험 없이 수천 가지 조건의 역가를 바로 예측합니다. 범위 안의 무작위 조건 2,000개에서 시작해, 가장 좋은 8개를 조건마다 조금씩 움직여 보며 더 나은 쪽으로 옮겨 갑니다(패턴 탐색). 고른 조건이 훈련 실행에서 멀거나 범위 끝에 있으면 모델은 외삽하고 있는 것이라 예측을 믿기 어렵습니다. 시뮬레이터로 실제 역가를 확인하세요."</p></Ko>
        <En><p>"A trained network predicts the titer of thousands of conditions at once, without an experiment. The search starts from 2,000 random conditions within the ranges and moves the best 8 a little along each condition towards better titers (a pattern search). If the chosen conditions lie far from the training runs or at the end of a range, the model is extrapolating and its prediction is hard to trust: check the real titer in the simulator."</p></En>
    }
}

/// The run-count experiment.
#[component]
pub fn RunsText() -> impl IntoView {
    view! {
        <Ko><p>"같은 설정으로 실행 20, 50, 100, 200, 500개를 시뮬레이션해 각각 학습하고(별도의 Web Worker에서 차례로), 테스트 r²와 제안한 조건의 실제 역가를 비교합니다. 실행 한 번은 반응기를 30시간 씁니다: 데이터가 비싸다는 것이 실험 설계의 출발점입니다."</p></Ko>
        <En><p>"The same settings with 20, 50, 100, 200 and 500 simulated runs, each trained in turn (in a Web Worker of its own) and compared by test r² and by the real titer of the conditions it proposes. Every run takes a vessel for 30 hours: data are expensive, which is where designing experiments starts."</p></En>
    }
}

/// The export.
#[component]
pub fn ExportText() -> impl IntoView {
    view! {
        <Ko><p>"Keras 스크립트와 노트북은 같은 Dense 신경망을 만들고, 데이터 CSV의 입력 열을 브라우저와 같은 평균과 표준편차로 표준화해 학습합니다."</p></Ko>
        <En><p>"The Keras script and notebook build the same Dense network and standardise the data CSV's feature columns with the browser's means and standard deviations before training."</p></En>
    }
}

/// Suggestions, each checked by doing it (`tests/try_this_claims.rs`).
#[component]
pub fn Try() -> impl IntoView {
    view! {
        <TryThis>
            <Ko>
                <ul>
                    <li>"구조를 \"Dense(1)만\"으로 바꿔 학습해 보세요. 테스트 r²가 최소제곱 평면과 거의 같아집니다: 은닉층이 없으면 경사 하강법도 같은 평면을 찾을 뿐입니다."<ShowMe target="#bio-model" /></li>
                    <li>"실행 수를 20개로 줄이고 다시 학습해 보세요. 테스트 r²가 0.9보다 한참 낮아집니다."<ShowMe target="#bio-runs" /></li>
                    <li>"측정 잡음을 0.2로 올려 보세요. 신경망의 테스트 r²가 떨어집니다: 잡음은 어떤 모델로도 예측할 수 없습니다."<ShowMe target="#bio-noise" /></li>
                </ul>
            </Ko>
            <En>
                <ul>
                    <li>"Switch the architecture to \"Dense(1) only\" and train: the test r² comes out almost the same as the least-squares plane's — without a hidden layer, gradient descent finds the same plane."<ShowMe target="#bio-model" /></li>
                    <li>"Cut the runs to 20 and train again: the test r² falls far below 0.9."<ShowMe target="#bio-runs" /></li>
                    <li>"Raise the measurement noise to 0.2: the network's test r² drops — noise cannot be predicted by any model."<ShowMe target="#bio-noise" /></li>
                </ul>
            </En>
        </TryThis>
    }
}
