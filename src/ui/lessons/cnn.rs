//! Lesson: the anatomy of a CNN for sequences (LECTURE.md item 14): a filter as a learnable PWM
//! sliding over one-hot DNA, and the shapes and parameter counts through the lecture's model for
//! both paddings.

mod shapes_panel;
mod window_panel;

use crate::ui::i18n::{Bi, En, Ko, use_lang};
use crate::ui::lessons::{Lesson, LessonInfo};
use crate::ui::widgets::{CheckQuestion, Choice, ShowMe, TryThis};
use leptos::prelude::*;

/// This page in the course: A CNN's anatomy: a filter as a learnable PWM, shapes, same vs valid (lecture items 7, 14).
pub const LESSON: Lesson = Lesson(&LessonInfo {
    slug: "cnn",
    title: Bi::new(
        "CNN 해부: 필터는 배우는 PWM",
        "CNN anatomy: a filter is a learnable PWM",
    ),
    nav_title: Bi::new("CNN 해부", "CNN anatomy"),
    summary: Bi::new(
        "필터가 원-핫 서열 위를 미끄러지는 모습과, same/valid 패딩에 따른 모양과 매개변수 수(312 대 292)를 봅니다.",
        "Watch a filter slide over one-hot DNA, and work out shapes and parameter counts for same and valid padding (312 vs 292).",
    ),
    why_next: Bi::new(
        "구조를 알았으니, 강의의 CNN을 데이터 만들기부터 평가까지 직접 학습합니다.",
        "With the anatomy known, train the lecture's CNN yourself, from making the data to testing it.",
    ),
    page: || view! { <CnnLesson /> }.into_any(),
});

/// The CNN page (`/cnn`).
#[component]
pub fn CnnLesson() -> impl IntoView {
    let lang = use_lang();
    view! {
        <article class="lesson">
            <h1>{move || LESSON.title().get(lang.get())}</h1>
            <Ko>
                <p class="lead">"합성곱 신경망(CNN)은 이미지에서 모서리와 무늬를 찾듯, 서열에서는 짧은 모티프를 찾습니다. 같은 필터를 모든 위치에 적용하므로 모티프가 어디에 있든 찾아내고, 풀링은 \"근처 어딘가에 있었다\"만 남겨 위치를 조금 흐립니다."</p>
            </Ko>
            <En>
                <p class="lead">"A convolutional network (CNN) finds short motifs in a sequence the way it finds edges and textures in an image. The same filter is applied at every position, so a motif is found wherever it sits; pooling then keeps only \"it was somewhere near here\", blurring the position a little."</p>
            </En>
            <window_panel::WindowPanel />
            <shapes_panel::ShapesPanel />
            <TryThis>
                <Ko>
                    <ul>
                        <li>"재생을 누르고 TACAA 위에서 출력 막대가 가장 높이 솟는 것을 보세요."<ShowMe target="#cnn-play" /></li>
                        <li>"편향을 −8로 내리면 ReLU가 거의 모든 창을 0으로 만듭니다. 0으로 올리면 약한 일치도 통과합니다."<ShowMe target="#cnn-bias" /></li>
                        <li>"패딩을 same으로 바꾸면 양 끝에 · (0행)이 붙고 출력이 서열 길이와 같아집니다."<ShowMe target="input[name=cnn-pad]" /></li>
                        <li>"계산기에서 풀링 크기를 3으로 바꾸면 valid에서 16 → 5, same에서 20 → 6이 됩니다 (나머지는 버립니다)."<ShowMe target="#shape-pool" /></li>
                    </ul>
                </Ko>
                <En>
                    <ul>
                        <li>"Press Play and watch the output bar shoot up over TACAA."<ShowMe target="#cnn-play" /></li>
                        <li>"Lower the bias to −8: ReLU zeroes almost every window. Raise it to 0 and weak matches pass too."<ShowMe target="#cnn-bias" /></li>
                        <li>"Switch the padding to same: · (zero rows) appear at both ends and the output is as long as the sequence."<ShowMe target="input[name=cnn-pad]" /></li>
                        <li>"In the calculator set the pool size to 3: valid gives 16 → 5 and same 20 → 6 (the remainder is dropped)."<ShowMe target="#shape-pool" /></li>
                    </ul>
                </En>
            </TryThis>
            <CheckQuestion
                lesson=LESSON
                question=Bi::new(
                    "길이 20 서열에 필터 길이 5, padding=\"valid\"인 Conv1D를 쓰면 출력 길이는?",
                    "A Conv1D with kernel size 5 and padding=\"valid\" on a length-20 sequence gives an output of length…",
                )
                options=vec![
                    Choice::wrong(
                        "20",
                        "20",
                        "20은 padding=\"same\"일 때의 길이입니다. valid는 양 끝을 0으로 채우지 않으므로, 길이 5인 창이 서열 안에 다 들어가는 자리만 셉니다.",
                        "20 is the length with padding=\"same\". valid adds no zero rows at the ends, so it counts only the places where a window of length 5 fits inside the sequence.",
                    ),
                    Choice::right("16", "16"),
                    Choice::wrong(
                        "4",
                        "4",
                        "4는 MaxPooling1D(4)까지 지난 뒤의 길이입니다. 질문은 Conv1D 바로 뒤의 출력 길이를 묻습니다.",
                        "4 is the length after MaxPooling1D(4) as well. The question asks for the output length right after the Conv1D.",
                    ),
                ]
                explanation=Bi::new(
                    "valid는 서열 안에 다 들어가는 창만 셉니다: 20 − 5 + 1 = 16. same은 0으로 채워 20을 유지합니다.",
                    "valid counts only windows that fit: 20 − 5 + 1 = 16. same pads with zeros and keeps 20.",
                )
            />
        </article>
    }
}
