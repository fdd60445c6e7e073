//! The motif lab's prose, in Korean and English.

use crate::ui::i18n::{En, Ko};
use crate::ui::widgets::{ShowMe, TryThis};
use leptos::prelude::*;

/// What the lab reproduces.
#[component]
pub fn Intro() -> impl IntoView {
    view! {
        <Ko>
            <p class="lead">"강의의 실험을 그대로 브라우저에서 다시 합니다: CCGGAA 모티프가 심긴 서열 1000개와 무작위 서열 1000개를 만들고, 작은 CNN이 둘을 가려내도록 학습한 뒤, 테스트 세트로 평가하고, 신경망이 무엇을 배웠는지 들여다봅니다. 학습은 Web Worker에서 돌아가므로 페이지는 멈추지 않습니다."</p>
        </Ko>
        <En>
            <p class="lead">"The lecture's experiment, in your browser: make 1000 sequences carrying the CCGGAA motif and 1000 random ones, train a small CNN to tell them apart, evaluate it on held-out sequences, and look inside to see what it learned. Training runs in a Web Worker, so the page never freezes."</p>
        </En>
    }
}

/// How the data is made and labelled.
#[component]
pub fn SimulateText() -> impl IntoView {
    view! {
        <Ko>
            <p>"양성 서열은 가운데 6자리를 모티프 행렬의 열마다 확률대로 뽑고, 양옆 7자리는 네 염기를 똑같은 확률로 뽑습니다. 음성 서열은 20자리 모두 무작위입니다. 강의 코드처럼 양성의 레이블은 [1, 0] (0번 클래스), 음성은 [0, 1]입니다. 입력 X는 (서열 수, 길이, 4), 레이블 y는 (서열 수, 2) 텐서입니다."</p>
        </Ko>
        <En>
            <p>"A positive sequence draws its middle 6 bases column by column from the motif matrix and its 7-base flanks uniformly; a negative sequence is 20 uniform random bases. As in the lecture's code, positives are labelled [1, 0] (class 0) and negatives [0, 1]. The input X is a (sequences, length, 4) tensor; the labels y are (sequences, 2)."</p>
        </En>
    }
}

/// Filters, padding and the summary.
#[component]
pub fn ModelText() -> impl IntoView {
    view! {
        <Ko>
            <p>"Conv1D 필터 하나는 길이 × 4 크기의 학습되는 PWM입니다. 필터가 서열 위를 미끄러지며 창마다 점수를 내고(ReLU), MaxPooling이 구간마다 가장 큰 점수만 남기고, Dense 층이 두 클래스를 고릅니다. 강의 코드는 padding=\"same\"(출력 길이 20, 매개변수 312개)이지만, 강의에 찍힌 요약은 \"valid\"의 것(길이 16, 292개)입니다. 둘 다 골라 보세요."</p>
        </Ko>
        <En>
            <p>"A Conv1D filter is a learnable PWM of size length × 4. It slides along the sequence and scores every window (ReLU); max pooling keeps the largest score of each stretch; the dense layer decides between the two classes. The lecture's code says padding=\"same\" (output length 20, 312 parameters) but its printed summary is the \"valid\" one (length 16, 292): try both."</p>
        </En>
    }
}

/// Epochs, batches and the validation curves.
#[component]
pub fn TrainText() -> impl IntoView {
    view! {
        <Ko>
            <p>"한 에포크는 훈련 세트의 서열을 모두 한 번씩 보는 것이고, 배치마다 기울기를 구해 Adam이 가중치를 고칩니다. 검증 손실이 훈련 손실과 함께 내려가면 잘 배우는 중이고, 검증 손실만 다시 오르면 과적합입니다."</p>
        </Ko>
        <En>
            <p>"An epoch shows the network every training sequence once; after each batch the gradient is computed and Adam updates the weights. If the validation loss falls with the training loss the network is learning; if only the validation loss turns up again, it is overfitting."</p>
        </En>
    }
}

/// How filters become logos.
#[component]
pub fn InterpretText() -> impl IntoView {
    view! {
        <Ko>
            <p>"필터마다 두 가지 로고를 봅니다. 위: 훈련 세트의 서열에서 그 필터를 가장 세게(최댓값의 절반 넘게) 켜는 창들을 모아 센 빈도 행렬(Basset의 방법: 2016년 Basset 논문이 필터를 읽은 방식). 아래: 가중치의 소프트맥스, 즉 위치마다 네 염기의 가중치를 합이 1인 확률로 바꾼 행렬(가중치가 작아도 보이도록 가장 큰 가중치를 3으로 늘린 뒤). r은 심은 모티프(또는 그 역상보)와 가장 잘 겹칠 때 열들의 평균 피어슨 상관입니다."</p>
        </Ko>
        <En>
            <p>"Each filter is shown twice. Top: the windows of the training sequences that switch it on strongly (above half its maximum), counted into a frequency matrix (Basset's method: how the 2016 Basset paper read its filters). Bottom: the softmax of its weights, i.e. at each position the four bases' weights turned into probabilities that sum to 1 (after scaling the largest weight to 3 so that small weights still show). r is the mean Pearson correlation of the columns at the best overlap with the planted motif (or its reverse complement)."</p>
        </En>
    }
}

/// Suggestions.
#[component]
pub fn Try() -> impl IntoView {
    view! {
        <TryThis>
            <Ko>
                <ul>
                    <li>"모티프 위치를 \"아무 곳\"으로 바꿔 보세요. 필터는 위치와 상관없이 모티프를 찾지만, Dense 층은 위치마다 따로 배워야 합니다."<ShowMe target="#lab-placement" /></li>
                    <li>"양성과 음성을 100개씩으로 줄여 보세요. 검증 곡선이 훈련 곡선과 벌어지는 과적합이 보입니다."<ShowMe target="#lab-positives" /></li>
                    <li>"학습률을 1로 올려 보세요. 손실이 튀거나 발산합니다."<ShowMe target="#lab-lr" /></li>
                    <li>"손실 계산 방식을 2020년 무렵 Keras로 바꿔 같은 시드로 다시 학습해 보세요. 같은 모델이라도 최적화하는 식이 다릅니다."<ShowMe target="#lab-semantics" /></li>
                </ul>
            </Ko>
            <En>
                <ul>
                    <li>"Set the motif position to \"anywhere\": the filters find the motif wherever it is, but the dense layer must learn each position separately."<ShowMe target="#lab-placement" /></li>
                    <li>"Cut the data to 100 positives and 100 negatives: the validation curve parts from the training curve (overfitting)."<ShowMe target="#lab-positives" /></li>
                    <li>"Raise the learning rate to 1: the loss jumps around or diverges."<ShowMe target="#lab-lr" /></li>
                    <li>"Switch the loss semantics to 2020-era Keras and train again with the same seed: the same model optimises a different formula."<ShowMe target="#lab-semantics" /></li>
                </ul>
            </En>
        </TryThis>
    }
}
