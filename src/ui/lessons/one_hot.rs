//! Lesson: one-hot encoding (lecture item 9). The student types any sequence and sees the `L × 4`
//! matrix that [`crate::bio::one_hot`] makes of it, next to the integer code it replaces; then a
//! protein and its `L × 21` matrix ([`protein`]).

use crate::bio::alphabet::{Symbol, parse_sequence};
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::lessons::{Lesson, LessonInfo};
use crate::ui::state::use_query_param;
use crate::ui::widgets::{
    CheckQuestion, Choice, ErrorMessage, OneHotTable, SequenceInput, ShowMe, TryThis,
};
use leptos::prelude::*;

mod protein;

/// The lecture's example sequence.
pub const DEFAULT_SEQUENCE: &str = "ATACAA";

/// This page in the course: One-hot encoding of DNA (lecture item 9).
pub const LESSON: Lesson = Lesson(&LessonInfo {
    slug: "one-hot",
    title: Bi::new("원-핫 인코딩", "One-hot encoding"),
    nav_title: Bi::new("원-핫 인코딩", "One-hot encoding"),
    summary: Bi::new(
        "DNA 서열을 신경망이 읽을 수 있는 L × 4 행렬로 바꿉니다.",
        "Turn a DNA sequence into the L × 4 matrix a neural network reads.",
    ),
    why_next: Bi::new(
        "원-핫 행렬 위에서, 생물학자가 오래 써 온 모티프 모델인 PWM이 서열에 점수를 매기는 법을 봅니다.",
        "On the one-hot matrix, see how the biologist's classic motif model, the PWM, scores a sequence.",
    ),
    page: || view! { <OneHotLesson /> }.into_any(),
});

/// The one-hot lesson page (`/one-hot`, setting `?seq=`).
#[component]
pub fn OneHotLesson() -> impl IntoView {
    let lang = use_lang();
    let text = use_query_param("seq", DEFAULT_SEQUENCE.to_string());
    let parsed = Memo::new(move |_| text.with(|t| parse_sequence(t)));
    let symbols =
        Signal::derive(move || parsed.with(|p| p.as_ref().ok().cloned().unwrap_or_default()));
    let error =
        Signal::derive(move || parsed.with(|p| p.as_ref().err().map(|e| e.message(lang.get()))));
    let integers = move || {
        parsed.with(|p| {
            p.as_ref().ok().map(|symbols| {
                symbols
                    .iter()
                    .map(|s| match s {
                        Symbol::Base(b) => (b.index() + 1).to_string(),
                        Symbol::N => "?".to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        })
    };

    view! {
        <article class="lesson">
            <h1>{move || LESSON.title().get(lang.get())}</h1>
            <Ko>
                <p class="lead">
                    "신경망은 숫자만 곱하고 더할 수 있습니다. 그래서 DNA 서열을 먼저 숫자로 바꿔야 합니다. 원-핫 인코딩은 네 염기에 각자의 열을 줍니다: 길이 L인 서열은 L × 4 행렬이 되고, i번째 행에는 i번째 염기의 열(A=0, C=1, G=2, T=3)에만 1이 있습니다."
                </p>
            </Ko>
            <En>
                <p class="lead">
                    "A neural network can only multiply and add numbers, so a DNA sequence has to become numbers first. One-hot encoding gives each of the four bases its own column: a sequence of length L becomes an L × 4 matrix whose row i holds a single 1, in the column of the base at position i (A=0, C=1, G=2, T=3)."
                </p>
            </En>

            <section class="panel">
                <SequenceInput
                    id="onehot-seq"
                    label=Bi::new("서열 (DNA 또는 RNA)", "Sequence (DNA or RNA)")
                    hint=Bi::new(
                        "소문자도 됩니다. U는 T로 읽고, N(모르는 염기)은 0.25가 네 개인 행이 됩니다. FASTA 머리줄(>…)은 건너뜁니다.",
                        "Lowercase is fine. U is read as T; N (unknown base) becomes a row of four 0.25s. FASTA header lines (>…) are skipped.",
                    )
                    value=text
                />
                <ErrorMessage message=error />
                <Show when=move || parsed.with(Result::is_ok)>
                    <OneHotTable symbols=symbols />
                    <p class="integers">
                        {tr("정수로 적으면 (A=1, C=2, G=3, T=4): ", "The same sequence as integers (A=1, C=2, G=3, T=4): ")}
                        <code>{integers}</code>
                    </p>
                </Show>
            </section>

            <h2>{tr("왜 A=1, C=2, G=3, T=4가 아닐까요?", "Why not A=1, C=2, G=3, T=4?")}</h2>
            <Ko>
                <p>
                    "정수 하나로 염기를 적으면 염기 사이에 없는 순서와 거리가 생깁니다. G(3)는 C(2)와 T(4) 사이에 있는 것처럼 보이고, T는 A보다 네 배 \"큰\" 값이 됩니다. 신경망의 가중치는 입력 값에 곱해지므로, 같은 가중치가 T에는 A의 네 배로 작용해 버립니다."
                </p>
                <p>
                    "원-핫 행렬에서는 염기마다 입력 칸이 따로 있어 가중치도 따로 배웁니다. 어떤 두 염기도 서로 같은 거리(√2)만큼 떨어져 있고, 어느 염기도 다른 염기보다 크지 않습니다. 이 L × 4 행렬이 나중에 CNN이 읽는 입력이고, 위치 가중치 행렬(PWM)과 모양이 같습니다."
                </p>
                <p>
                    "N은 \"네 염기 중 하나인데 무엇인지 모름\"이라는 뜻이라 0.25를 네 번 적었습니다. 행의 합이 다른 행처럼 1이므로 PWM으로 훑을 때 그 위치의 평균 확률을 쓰게 되고, 0으로만 채운 행처럼 \"염기가 없음\"을 뜻하지 않습니다."
                </p>
            </Ko>
            <En>
                <p>
                    "One integer per base invents an order and distances that bases do not have: G (3) seems to sit between C (2) and T (4), and T is four times \"bigger\" than A. A network multiplies its inputs by weights, so one weight would act four times as strongly on T as on A."
                </p>
                <p>
                    "In a one-hot matrix every base has its own input and learns its own weight. Any two bases are equally far apart (√2), and none is larger than another. This L × 4 matrix is exactly what a CNN reads later, and it has the same shape as a position weight matrix (PWM)."
                </p>
                <p>
                    "N means \"one of the four bases, we do not know which\", so its row is four 0.25s. It sums to 1 like every other row, so a PWM scan uses the average probability there, rather than the \"no base at all\" that a row of zeros would claim."
                </p>
            </En>

            <protein::ProteinOneHot />

            <TryThis>
                <Ko>
                    <ul>
                        <li>"강의의 다른 예 " <code>"ATGCTA"</code> "를 넣어 보세요. 첫 행은 A = [1, 0, 0, 0]입니다 (강의 본문은 이 행을 T로 잘못 적었습니다)."<ShowMe target="#onehot-seq" /></li>
                        <li>"RNA " <code>"augc"</code> "를 넣으면 U가 T 열에 1로 들어갑니다."<ShowMe target="#onehot-seq" /></li>
                        <li>"모르는 염기 " <code>"ACNGT"</code> "와 잘못된 글자 " <code>"ACGX"</code> "도 넣어 보세요."<ShowMe target="#onehot-seq" /></li>
                        <li>"단백질 칸에 " <code>"MKX*"</code> "를 넣어 보세요. X 행은 아미노산 20열에 0.05씩, * 행은 마지막 열에 1이 들어갑니다."<ShowMe target="#onehot-protein" /></li>
                    </ul>
                </Ko>
                <En>
                    <ul>
                        <li>"Type the lecture's other example, " <code>"ATGCTA"</code> ". Its first row is A = [1, 0, 0, 0] (the lecture's prose misprints that row as T)."<ShowMe target="#onehot-seq" /></li>
                        <li>"Type RNA, " <code>"augc"</code> ": the U lands in the T column."<ShowMe target="#onehot-seq" /></li>
                        <li>"Try an unknown base, " <code>"ACNGT"</code> ", and a typo, " <code>"ACGX"</code> "."<ShowMe target="#onehot-seq" /></li>
                        <li>"Type " <code>"MKX*"</code> " into the protein field: the X row spreads 0.05 over the 20 amino-acid columns, the * row has its 1 in the last column."<ShowMe target="#onehot-protein" /></li>
                    </ul>
                </En>
            </TryThis>

            <CheckQuestion
                lesson=LESSON
                question=Bi::new(
                    "열 순서가 A, C, G, T일 때 G를 나타내는 행은 무엇일까요?",
                    "With the columns in the order A, C, G, T, which row encodes G?",
                )
                options=vec![
                    Choice::wrong(
                        "[0, 1, 0, 0]",
                        "[0, 1, 0, 0]",
                        "[0, 1, 0, 0]은 두 번째 열인 C에 1이 있는 행입니다. A, C, G, T 순서에서 G가 몇 번째 열인지 다시 세어 보세요.",
                        "[0, 1, 0, 0] has its 1 in the second column, which is C. Count again which column G is in the order A, C, G, T.",
                    ),
                    Choice::right("[0, 0, 1, 0]", "[0, 0, 1, 0]"),
                    Choice::wrong(
                        "[3]",
                        "[3]",
                        "[3]은 정수 부호(A=1, C=2, G=3, T=4)입니다. 원-핫 인코딩은 염기 사이에 없는 순서와 거리가 생기지 않도록 염기마다 네 열짜리 행을 씁니다.",
                        "[3] is the integer code (A=1, C=2, G=3, T=4). One-hot encoding gives each base a row of four columns, so no false order or distance between bases appears.",
                    ),
                    Choice::wrong(
                        "[0.25, 0.25, 0.25, 0.25]",
                        "[0.25, 0.25, 0.25, 0.25]",
                        "0.25가 네 개인 행은 어느 염기인지 모르는 N을 나타냅니다. G는 무엇인지 아는 염기입니다.",
                        "A row of four 0.25s stands for N, a base that is not known. G is a known base.",
                    ),
                ]
                explanation=Bi::new(
                    "G는 세 번째 열(인덱스 2)이므로 [0, 0, 1, 0]입니다. [3]은 정수 부호이고, 0.25 네 개는 N입니다.",
                    "G is the third column (index 2), so its row is [0, 0, 1, 0]. [3] is the integer code, and four 0.25s is N.",
                )
            />
        </article>
    }
}
