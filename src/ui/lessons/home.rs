//! The home page: what SeqLab is, the course map (every [`Lesson`] with its progress) and how the
//! pages behave.

use crate::ui::i18n::{En, Ko, tr, use_lang};
use crate::ui::lessons::Lesson;
use crate::ui::state::{app_path, use_progress};
use leptos::prelude::*;
use leptos_router::components::A;

/// `/`: welcome text and the course map.
#[component]
pub fn Home() -> impl IntoView {
    let lang = use_lang();
    let progress = use_progress();
    document().set_title("SeqLab");
    let cards = Lesson::ALL
        .into_iter()
        .map(|lesson| {
            let done = move || progress.get().contains(lesson.slug());
            view! {
                <li class="card" class:done=done>
                    <A href=app_path(&format!("/{}", lesson.slug()))>
                        <span class="card-num">{lesson.number()}</span>
                        <span class="card-title">{move || lesson.title().get(lang.get())}</span>
                    </A>
                    <p>{move || lesson.summary().get(lang.get())}</p>
                    <p class="status">
                        {move || {
                            if done() {
                                tr("✓ 확인 문제 완료", "✓ Check question done")()
                            } else {
                                tr("아직 시작하지 않음", "Not done yet")()
                            }
                        }}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="lesson home">
            <h1>"SeqLab"</h1>
            <Ko>
                <p class="lead">
                    "DNA 서열을 딥러닝이 어떻게 읽는지, 각 단계를 직접 만지면서 배웁니다. 설치도 서버도 없이 이 브라우저 안에서 모두 계산합니다."
                </p>
            </Ko>
            <En>
                <p class="lead">
                    "Learn how deep learning reads DNA by touching every step yourself. Everything is computed right here in your browser: nothing to install, no server."
                </p>
            </En>
            <h2>{tr("코스 지도", "Course map")}</h2>
            <ol class="course-map">{cards}</ol>
            <h2>{tr("이렇게 쓰세요", "How the pages work")}</h2>
            <Ko>
                <ul>
                    <li>"모든 그림과 숫자는 살아 있습니다. 값을 바꾸면 바로 다시 계산됩니다."</li>
                    <li>"설정은 주소(URL)에 담깁니다. 링크를 공유하면 같은 화면이 열립니다."</li>
                    <li>"각 수업의 확인 문제를 맞히면 완료로 표시됩니다. 진도는 이 브라우저에만 저장됩니다."</li>
                </ul>
            </Ko>
            <En>
                <ul>
                    <li>"Every plot and number is live: change a value and it is recomputed at once."</li>
                    <li>"Settings live in the address (URL): share the link and others see the same page."</li>
                    <li>"Answer a lesson's check question to mark it done. Progress is stored only in this browser."</li>
                </ul>
            </En>
        </article>
    }
}
