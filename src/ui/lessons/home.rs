//! The home page: what SeqLab is, the course map (every [`Lesson`] with its progress: visited,
//! check question answered), where to continue, and how the pages behave.

use crate::ui::i18n::{En, Ko, tr, use_lang};
use crate::ui::lessons::Lesson;
use crate::ui::state::{app_path, use_progress, use_visited};
use leptos::prelude::*;
use leptos_router::components::A;

/// `/`: welcome text and the course map.
#[component]
pub fn Home() -> impl IntoView {
    let lang = use_lang();
    let progress = use_progress();
    let visited = use_visited();
    document().set_title("SeqLab");
    let cards = Lesson::ALL
        .into_iter()
        .map(|lesson| {
            let slug = lesson.slug();
            let done = move || progress.with(|p| p.contains(slug));
            let seen = move || !done() && visited.with(|v| v.contains(slug));
            view! {
                <li class="card" class:done=done class:visited=seen data-testid=format!("card-{slug}")>
                    <A href=app_path(&format!("/{slug}"))>
                        <span class="card-num">{lesson.number()}</span>
                        <span class="card-title">{move || lesson.title().get(lang.get())}</span>
                    </A>
                    <p>{move || lesson.summary().get(lang.get())}</p>
                    <p class="status">
                        {move || {
                            if done() {
                                tr("✓ 확인 문제 완료", "✓ Check question done")()
                            } else if seen() {
                                tr("• 방문함 · 확인 문제는 아직", "• Visited · check question not done yet")()
                            } else {
                                tr("아직 시작하지 않음", "Not started yet")()
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
            <CourseProgress />
            <ol class="course-map">{cards}</ol>
            <h2>{tr("이렇게 쓰세요", "How the pages work")}</h2>
            <Ko>
                <ul>
                    <li>"모든 그림과 숫자는 살아 있습니다. 값을 바꾸면 바로 다시 계산됩니다."</li>
                    <li>"설정은 주소(URL)에 담깁니다. 링크를 공유하면 같은 화면이 열립니다."</li>
                    <li>"연 수업은 방문함(•)으로, 확인 문제를 맞힌 수업은 완료(✓)로 표시됩니다. 진도는 이 브라우저에만 저장됩니다."</li>
                    <li>"한 번 연 뒤에는 인터넷이 끊겨도 이 브라우저에서 SeqLab이 열립니다."</li>
                </ul>
            </Ko>
            <En>
                <ul>
                    <li>"Every plot and number is live: change a value and it is recomputed at once."</li>
                    <li>"Settings live in the address (URL): share the link and others see the same page."</li>
                    <li>"A lesson you open is marked visited (•); answer its check question to mark it done (✓). Progress is stored only in this browser."</li>
                    <li>"After the first visit SeqLab opens in this browser without internet too."</li>
                </ul>
            </En>
        </article>
    }
}

/// How far the student is (lessons visited, check questions answered), a link to the first lesson
/// not done yet, and a way to start over on a shared computer.
#[component]
fn CourseProgress() -> impl IntoView {
    let lang = use_lang();
    let progress = use_progress();
    let visited = use_visited();
    let total = Lesson::ALL.len();
    let counts = move || {
        let done = Lesson::ALL
            .iter()
            .filter(|l| progress.with(|p| p.contains(l.slug())))
            .count();
        let seen = Lesson::ALL
            .iter()
            .filter(|l| {
                visited.with(|v| v.contains(l.slug())) || progress.with(|p| p.contains(l.slug()))
            })
            .count();
        (seen, done)
    };
    let summary = move || {
        let (seen, done) = counts();
        lang.get().pick(
            format!("수업 {total}개 중 {seen}개를 열었고, 확인 문제 {done}개를 맞혔습니다."),
            format!(
                "{seen} of {total} lessons opened, {done} check {} answered.",
                if done == 1 { "question" } else { "questions" }
            ),
        )
    };
    let started = move || counts().0 > 0;
    // The first lesson whose check question is not answered, preferring one not opened yet.
    let continue_with = move || {
        let not_done = |l: &&Lesson| !progress.with(|p| p.contains(l.slug()));
        started()
            .then(|| Lesson::ALL.iter().find(not_done).copied())
            .flatten()
    };
    let confirming = RwSignal::new(false);
    let reset = move |_| {
        progress.set(Default::default());
        visited.set(Default::default());
        confirming.set(false);
    };
    view! {
        <div class="course-progress">
            <p data-testid="course-progress">
                <progress max=total value=move || counts().1 aria-hidden="true"></progress>
                " "
                {summary}
            </p>
            {move || {
                continue_with()
                    .map(|lesson| {
                        view! {
                            <p>
                                <A href=app_path(&format!("/{}", lesson.slug())) attr:class="continue" attr:data-testid="continue-course">
                                    {move || {
                                        lang.get()
                                            .pick("이어서 하기: ", "Continue: ")
                                            .to_string() + &format!("{} · {}", lesson.number(), lesson.title().get(lang.get()))
                                    }}
                                </A>
                            </p>
                        }
                    })
            }}
            <Show when=started>
                <Show
                    when=move || confirming.get()
                    fallback=move || {
                        view! {
                            <button type="button" class="secondary" data-testid="reset-progress" on:click=move |_| confirming.set(true)>
                                {tr("진도 지우기", "Reset progress")}
                            </button>
                        }
                    }
                >
                    <p class="notice" role="status">
                        {tr(
                            "이 브라우저에 저장된 방문 기록과 확인 문제 결과를 모두 지울까요? ",
                            "Clear every visit and check-question result stored in this browser? ",
                        )}
                        <button type="button" data-testid="reset-confirm" on:click=reset>
                            {tr("지우기", "Clear")}
                        </button>
                        " "
                        <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                            {tr("그대로 두기", "Keep")}
                        </button>
                    </p>
                </Show>
            </Show>
        </div>
    }
}
