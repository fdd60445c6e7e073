//! The prose of the PWM lesson, in Korean and English (kept apart from the page's wiring).

use crate::ui::i18n::{En, Ko};
use crate::ui::widgets::{ShowMe, TryThis};
use leptos::prelude::*;

/// What a motif is and what the page builds.
#[component]
pub fn Intro() -> impl IntoView {
    view! {
        <Ko>
            <p class="lead">
                "전사인자는 DNA의 짧고 특정한 구간, 곧 모티프(motif)에 붙습니다. 실제 결합 부위들은 서로 조금씩 다르기 때문에 모티프는 서열 하나가 아니라 위치마다의 염기 확률로 적습니다. 이 수업에서는 강의의 예(TACAA, TACGA, TACAA)로 개수 행렬(PFM), 확률 행렬(PWM), 로고를 만들고, 그 행렬로 다른 서열을 훑어 모티프가 있는 곳을 찾습니다."
            </p>
        </Ko>
        <En>
            <p class="lead">
                "A transcription factor binds short, specific stretches of DNA: its motif. Real binding sites differ a little from one another, so a motif is written not as one sequence but as the probability of each base at each position. Here the lecture's example sites (TACAA, TACGA, TACAA) become a count matrix (PFM), a probability matrix (PWM) and a logo; the matrix then scans another sequence for the motif."
            </p>
        </En>
    }
}

/// Why pseudocounts exist.
#[component]
pub fn PseudocountNote() -> impl IntoView {
    view! {
        <Ko>
            <p>
                "의사빈도는 왜 더할까요? 결합 부위 세 개는 아주 작은 표본입니다. 의사빈도가 0이면 어떤 위치에서 한 번도 보지 못한 염기의 확률이 0이 되고, 그런 염기가 하나만 있어도 나머지가 아무리 잘 맞아도 창(window)의 가능도는 0, 로그는 −∞가 됩니다. 모든 개수에 0.5를 더하는 것은 \"보지 못했다 = 드물다, 불가능하지는 않다\"라는 뜻입니다. 슬라이더를 0으로 옮기고 4단계의 점수를 보세요."
            </p>
        </Ko>
        <En>
            <p>
                "Why add a pseudocount? Three sites are a tiny sample. With a pseudocount of 0, a base never seen at a position gets probability 0, and one such base makes the window's likelihood 0 and its log −∞, however well the rest matches. Adding 0.5 to every count says \"unseen means rare, not impossible\". Slide it to 0 and watch the scores in step 4."
            </p>
        </En>
    }
}

/// How to read a sequence logo.
#[component]
pub fn LogoNote() -> impl IntoView {
    view! {
        <Ko>
            <p>
                "로고는 위치마다 네 글자를 쌓습니다. 쌓인 높이는 그 위치의 정보량 2 − H 비트입니다(H는 확률의 엔트로피). 한 염기가 확실하면 2비트, 네 염기가 똑같이 나올 수 있으면 0비트입니다. 각 글자가 차지하는 몫은 그 염기의 확률이고, 가장 흔한 염기가 맨 위에 옵니다."
            </p>
        </Ko>
        <En>
            <p>
                "A logo stacks the four letters at each position. The stack is as tall as the position's information content, 2 − H bits (H is the entropy of its probabilities): 2 bits when one base is certain, 0 when all four are equally likely. Each letter's share of the stack is its probability, and the most likely base sits on top."
            </p>
        </En>
    }
}

/// Log-likelihood against log-odds, and the two strands.
#[component]
pub fn ScoreNote() -> impl IntoView {
    view! {
        <Ko>
            <p>
                "강의의 점수: 창의 원-핫 행렬과 PWM을 칸끼리 곱하고, 행마다 더하면(그 위치 염기의 확률) 이 값들을 모두 곱한 뒤 자연로그를 씌웁니다. 이것은 로그 가능도(log-likelihood)로, 0을 넘지 않고 0에 가까울수록 모티프와 닮았습니다. 이론상 완벽한 일치는 0입니다."
            </p>
            <p>
                "모티프 도구들은 보통 로그 오즈(log-odds)를 보고합니다: (모티프에서의 확률 ÷ 배경 DNA에서의 확률)의 log2, 단위는 비트입니다. 0보다 크면 무작위 DNA보다 모티프에 더 가깝다는 뜻입니다. Biopython의 pwm.log_odds()와 JASPAR, MEME 도구가 이 값을 씁니다. − 가닥 열은 창의 역상보 서열 점수입니다. 전사인자는 DNA의 어느 가닥에도 붙을 수 있기 때문입니다."
            </p>
        </Ko>
        <En>
            <p>
                "The lecture's score: multiply the window's one-hot matrix by the PWM cell by cell, sum each row (the probability of that position's base), multiply those values together and take the natural log. This is a log-likelihood: never above 0, and the closer to 0 the more the window looks like the motif (0 would be a perfect match in theory)."
            </p>
            <p>
                "Motif tools usually report log-odds instead: log2 of (probability under the motif ÷ probability under background DNA), in bits. Above 0, the window looks more like the motif than like random DNA. This is Biopython's pwm.log_odds() and what JASPAR and MEME tools show. The − strand column scores the window's reverse complement, because a transcription factor can bind either strand of the DNA."
            </p>
        </En>
    }
}

/// What the JASPAR and MEME formats are.
#[component]
pub fn FormatNote() -> impl IntoView {
    view! {
        <Ko>
            <p>
                "JASPAR 파일은 개수 행렬을, MEME 파일은 확률과 결합 부위 수(nsites)를 담습니다. 둘 다 모티프 데이터베이스와 도구(JASPAR, MEME Suite, Biopython의 motifs.read)가 주고받는 평범한 텍스트입니다. JASPAR에서 실제 전사인자의 모티프를 복사해 아래에 붙여 넣으면 그 모티프로 훑을 수 있습니다."
            </p>
        </Ko>
        <En>
            <p>
                "A JASPAR file holds the count matrix; a MEME file holds the probabilities and the number of sites (nsites). Both are plain text that motif databases and tools exchange (JASPAR, the MEME Suite, Biopython's motifs.read). Copy a real transcription factor's motif from JASPAR, paste it below, and scan with it."
            </p>
        </En>
    }
}

/// Suggestions to try on this page.
#[component]
pub fn Try() -> impl IntoView {
    view! {
        <TryThis>
            <Ko>
                <ul>
                    <li>"의사빈도를 0으로 하세요. ATACA의 점수가 −∞가 됩니다(0번 위치의 A를 한 번도 보지 못했으니까요)."<ShowMe target="#pwm-pc" /></li>
                    <li>"세 번째 서열을 TACAA로 바꾸면 3번 위치가 확실해지고 로고에서 그 글자가 커집니다."<ShowMe target="#pwm-sites" /></li>
                    <li>"로그 오즈로 바꾸고 GC 함량을 30%로 낮춰 보세요. 배경에서 C와 G가 드물어지므로 C, G가 많은 창의 점수가 올라갑니다."<ShowMe target="input[name=score-kind]" /></li>
                    <li>"역상보 서열 " <code>"TTGTAT"</code> "를 훑어 보세요. 가장 좋은 창이 − 가닥으로 옮겨 갑니다."<ShowMe target="#pwm-target" /></li>
                </ul>
            </Ko>
            <En>
                <ul>
                    <li>"Set the pseudocount to 0: ATACA now scores −∞ (an A was never seen at position 0)."<ShowMe target="#pwm-pc" /></li>
                    <li>"Change the third site to TACAA: position 3 becomes certain and its letter grows in the logo."<ShowMe target="#pwm-sites" /></li>
                    <li>"Switch to log-odds and lower the GC content to 30%: C and G become rare in the background, so windows rich in C and G score higher."<ShowMe target="input[name=score-kind]" /></li>
                    <li>"Scan the reverse complement, " <code>"TTGTAT"</code> ": the best window moves to the − strand."<ShowMe target="#pwm-target" /></li>
                </ul>
            </En>
        </TryThis>
    }
}
