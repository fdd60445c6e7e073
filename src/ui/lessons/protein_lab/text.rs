//! The protein lab's prose, in both languages.

use crate::ui::i18n::{En, Ko};
use crate::ui::widgets::{ShowMe, TryThis};
use leptos::prelude::*;

/// What the lab is about and where the data come from.
#[component]
pub fn Intro() -> impl IntoView {
    view! {
        <Ko>
            <p class="lead">"강의의 두 번째 응용 분야, 단백질 서열 → 활성입니다. 녹색 형광 단백질(GFP)의 변이체 44,024개와 각각의 밝기를 가지고, 서열에서 밝기를 예측하는 신경망을 학습하고, 어떤 자리가 바뀌면 빛을 잃는지, 더 밝은 변이를 설계할 수 있는지, 단백질 구조가 그것을 어떻게 설명하는지 봅니다."</p>
            <p class="source">"데이터: Sarkisyan KS 외. Local fitness landscape of the green fluorescent protein. Nature 533, 397–401 (2016). 정리된 표: Gelman 외, PNAS 2021 (nn4dms, MIT 라이선스). 실험: 해파리 GFP(avGFP) 유전자에 무작위 돌연변이를 넣은 라이브러리를 대장균에서 발현시키고, 세포를 형광 세기에 따라 분류(FACS)한 뒤 서열을 읽어 변이마다 밝기를 얻었습니다. 점수는 초록 형광의 log10 값입니다: 야생형은 약 3.72, 빛이 없으면 약 1.3."</p>
        </Ko>
        <En>
            <p class="lead">"The course's second application area, protein sequence → activity. With 44,024 variants of the green fluorescent protein (GFP) and how brightly each one glows, train a network that predicts brightness from sequence, see which positions cannot change without the light going out, try to design a brighter variant, and see how the protein's structure explains it."</p>
            <p class="source">"Data: Sarkisyan KS et al. Local fitness landscape of the green fluorescent protein. Nature 533, 397–401 (2016); processed table from Gelman et al., PNAS 2021 (nn4dms, MIT licence). The assay: a library of random mutants of the jellyfish GFP gene (avGFP) was expressed in E. coli, the cells sorted by fluorescence (FACS) and sequenced, giving each variant a brightness. The score is the log10 of green fluorescence: the wild type is about 3.72, no light about 1.3."</p>
        </En>
    }
}

/// Why the model is trained on one-hot proteins.
#[component]
pub fn ModelText() -> impl IntoView {
    view! {
        <Ko>
            <p>"단백질 하나는 237 × 21 원-핫 행렬입니다 (아미노산 20가지 + 종결 코돈 *). 기본 모델은 이 행렬을 펼쳐 은닉층 하나(Dense 64, ReLU)에 넣고, 선형(가산) 모델은 자리마다 아미노산마다 가중치 하나를 더하기만 합니다. 둘을 견주면 돌연변이 효과가 그냥 더해지는지, 아닌지가 드러납니다."</p>
        </Ko>
        <En>
            <p>"A protein is a 237 × 21 one-hot matrix (20 amino acids plus the stop codon *). The default model flattens it into one hidden layer (Dense 64, ReLU); the linear (additive) model only adds one weight per position and amino acid. Comparing the two shows whether mutation effects simply add up."</p>
        </En>
    }
}

/// Suggestions to try, each checked by doing it (`tests/e2e/protein.mjs`).
#[component]
pub fn Try() -> impl IntoView {
    view! {
        <TryThis>
            <Ko>
                <ul>
                    <li>"구조를 \"선형 (가산)\"으로 바꿔 다시 학습하고 테스트 r²를 견주어 보세요. 효과를 더하기만 하는 모델은 여러 약한 돌연변이가 겹쳐 빛이 꺼지는 변이를 맞히지 못합니다."<ShowMe target="#prot-preset" /></li>
                    <li>"발색단(63–65번 자리, SYG)의 열을 돌연변이 지도에서 찾아보세요. 훈련 세트에 나온 치환이 빛을 끄는 비율이 단백질 전체보다 몇 배 높습니다 (지도 아래에 그 수가 나옵니다). 점이 없는 칸은 모델의 짐작일 뿐입니다."<ShowMe target="[data-testid=prot-scan]" /></li>
                    <li>"더 밝은 변이 찾기의 제안이 측정된 변이에서 몇 치환 떨어져 있는지 보세요. 멀수록 모델은 본 적 없는 곳을 짐작하는 것입니다."<ShowMe target="[data-testid=prot-search-run]" /></li>
                </ul>
            </Ko>
            <En>
                <ul>
                    <li>"Switch the architecture to \"linear (additive)\", train again and compare the test r². A model that only adds effects misses the variants where several mild mutations together switch the light off."<ShowMe target="#prot-preset" /></li>
                    <li>"Find the chromophore's columns (positions 63–65, SYG) in the mutation map: the substitutions the training set holds there turn the light off several times as often as elsewhere in the protein (the counts are under the map). Cells without a dot are only the model's guess."<ShowMe target="[data-testid=prot-scan]" /></li>
                    <li>"See how many substitutions the proposals of the brighter-variant search are from any measured variant: the further away, the more the model is guessing where it has seen nothing."<ShowMe target="[data-testid=prot-search-run]" /></li>
                </ul>
            </En>
        </TryThis>
    }
}
