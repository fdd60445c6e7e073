//! Lesson: PFM → PWM → scanning (lecture items 10–11). Aligned sites become a count matrix, a
//! pseudocount turns it into probabilities, a logo shows it, and a scan scores every window of a
//! target sequence on both strands. All numbers come from [`crate::bio`].

use crate::bio::formats::NamedMotif;
use crate::bio::motif::ranges;
use crate::bio::motif::{Background, MotifError, Pfm, Pwm};
use crate::bio::scan::{ScoreKind, WindowScore, scan};
use crate::bio::{ScanError, SequenceError, parse_sequence};
use crate::lang::Lang;
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::lessons::{Lesson, LessonInfo};
use crate::ui::plots::{ScoreTrack, SequenceLogo};
use crate::ui::state::{use_bounded_param, use_choice_param, use_query_param};
use crate::ui::widgets::{
    CheckQuestion, Choice, ErrorMessage, MatrixTable, MotifExport, MotifImport, RadioGroup,
    ScanTable, SequenceInput,
};
use leptos::prelude::*;

mod text;

/// The lecture's aligned sites (Biopython `motifs.create([TACAA, TACGA, TACAA])`).
pub const DEFAULT_SITES: &str = "TACAA\nTACGA\nTACAA";
/// The lecture's target sequence.
pub const DEFAULT_TARGET: &str = "ATACAA";
/// The lecture's pseudocount (`counts.normalize(pseudocounts=0.5)`).
pub const DEFAULT_PSEUDOCOUNT: f64 = 0.5;

/// Why there is no scan to show.
#[derive(Clone, Debug, PartialEq)]
enum ScanProblem {
    Sequence(SequenceError),
    Scan(ScanError),
    NoMotif,
}

impl ScanProblem {
    fn message(&self, lang: Lang) -> String {
        match self {
            ScanProblem::Sequence(e) => e.message(lang),
            ScanProblem::Scan(e) => e.message(lang),
            ScanProblem::NoMotif => lang
                .pick(
                    "위의 모티프를 먼저 고쳐 주세요.",
                    "Fix the motif above first.",
                )
                .to_string(),
        }
    }
}

/// This page in the course: PFM → PWM → scanning, log-likelihood and log-odds (lecture items 10–11).
pub const LESSON: Lesson = Lesson(&LessonInfo {
    slug: "pwm",
    title: Bi::new("모티프: PFM → PWM → 스캐닝", "Motifs: PFM → PWM → scanning"),
    nav_title: Bi::new("모티프와 PWM", "Motifs and PWMs"),
    summary: Bi::new(
        "정렬된 결합 부위에서 빈도 행렬과 확률 행렬을 만들고, 서열을 훑어 모티프를 찾습니다.",
        "Count aligned binding sites into a frequency and a weight matrix, then scan a \
        sequence for the motif.",
    ),
    why_next: Bi::new(
        "CNN의 필터는 데이터에서 스스로 배우는 PWM입니다. 같은 스캐닝을 신경망의 층으로 다시 봅니다.",
        "A CNN filter is a PWM learned from data: the same scan again, now as a layer of a network.",
    ),
    page: || view! { <PwmLesson /> }.into_any(),
});

/// The PWM lesson page (`/pwm`; settings `?sites=`, `?pc=`, `?seq=`, `?score=ll|lo`, `?gc=`).
#[component]
pub fn PwmLesson() -> impl IntoView {
    let lang = use_lang();
    let sites = use_query_param("sites", DEFAULT_SITES.to_string());
    let pseudocount = use_bounded_param("pc", DEFAULT_PSEUDOCOUNT, ranges::PSEUDOCOUNT);
    let target = use_query_param("seq", DEFAULT_TARGET.to_string());
    let kind = use_choice_param("score", ScoreKind::LogLikelihood);
    let gc_percent = use_bounded_param("gc", 50.0f64, ranges::GC_PERCENT);
    let imported = RwSignal::new(None::<NamedMotif>);

    let pfm: Memo<Result<Pfm, MotifError>> = Memo::new(move |_| match imported.get() {
        Some(motif) => Ok(motif.pfm),
        None => sites.with(|s| Pfm::from_text(s)),
    });
    let pwm: Memo<Result<Pwm, MotifError>> =
        Memo::new(move |_| pfm.get().and_then(|pfm| pfm.normalize(pseudocount.get())));
    let score = Memo::new(move |_| {
        let background =
            Background::from_gc(gc_percent.get() / 100.0).unwrap_or_else(Background::uniform);
        kind.get().score(background)
    });
    let scores: Memo<Result<Vec<WindowScore>, ScanProblem>> = Memo::new(move |_| {
        let pwm = pwm.get().map_err(|_| ScanProblem::NoMotif)?;
        let sequence = target
            .with(|t| parse_sequence(t))
            .map_err(ScanProblem::Sequence)?;
        scan(&pwm, &sequence, score.get()).map_err(ScanProblem::Scan)
    });

    let motif_error =
        Signal::derive(move || pfm.with(|p| p.as_ref().err().map(|e| e.message(lang.get()))));
    let pwm_error = Signal::derive(move || {
        pwm.with(|p| match (p, pfm.with(Result::is_ok)) {
            (Err(e), true) => Some(e.message(lang.get())),
            _ => None,
        })
    });
    let scan_error = Signal::derive(move || {
        scores.with(|s| match s {
            Err(ScanProblem::NoMotif) | Ok(_) => None,
            Err(e) => Some(e.message(lang.get())),
        })
    });
    let counts = Signal::derive(move || {
        pfm.with(|p| p.as_ref().map(|p| p.counts().clone()).unwrap_or_default())
    });
    let probs = Signal::derive(move || {
        pwm.with(|p| p.as_ref().map(|p| p.probs().clone()).unwrap_or_default())
    });
    let pwm_option = Signal::derive(move || pwm.get().ok());
    let window_scores = Signal::derive(move || scores.get().unwrap_or_default());
    let export = Signal::derive(move || {
        pfm.get().ok().map(|pfm| {
            let (id, name) = imported.with(|m| match m {
                Some(m) => (m.id.clone(), m.name.clone()),
                None => ("SeqLab".to_string(), pfm.consensus()),
            });
            NamedMotif { id, name, pfm }
        })
    });
    let y_label = Signal::derive(move || match kind.get() {
        ScoreKind::LogOdds => Bi::new("로그 오즈 (log2, 비트)", "log-odds (log2, bits)"),
        ScoreKind::LogLikelihood => Bi::new("로그 가능도 (ln)", "log-likelihood (ln)"),
    });
    let exact = move || {
        scores.with(|s| {
            s.as_ref().ok().map(|s| {
                s.iter()
                    .take(12)
                    .map(|w| format!("{}: {}", w.window, w.forward))
                    .collect::<Vec<_>>()
                    .join(",  ")
            })
        })
    };
    let formula = move || {
        pfm.with(|p| {
            p.as_ref().ok().map(|pfm| {
                let (n, pc) = (pfm.n_sites(), pseudocount.get());
                format!(
                    "p = (count + {pc}) / ({n} + 4 × {pc}) = (count + {pc}) / {}",
                    n + 4.0 * pc
                )
            })
        })
    };
    let on_import = Callback::new(move |motif: NamedMotif| imported.set(Some(motif)));

    view! {
        <article class="lesson">
            <h1>{move || LESSON.title().get(lang.get())}</h1>
            <text::Intro />

            <section class="panel">
                <h2>{tr("1 · 정렬된 결합 부위 → 빈도 행렬 (PFM)", "1 · Aligned sites → frequency matrix (PFM)")}</h2>
                {move || match imported.get() {
                    Some(motif) => view! {
                        <p class="notice">
                            {tr("가져온 모티프를 쓰는 중: ", "Using the imported motif: ")}
                            <strong>{format!("{} {}", motif.id, motif.name)}</strong>
                            " "
                            <button type="button" on:click=move |_| imported.set(None)>
                                {tr("정렬된 서열로 돌아가기", "Back to the aligned sites")}
                            </button>
                        </p>
                    }.into_any(),
                    None => view! {
                        <SequenceInput
                            id="pwm-sites"
                            label=Bi::new("정렬된 모티프 서열 (한 줄에 하나)", "Aligned motif sites (one per line)")
                            hint=Bi::new("모든 서열의 길이가 같아야 합니다.", "All sites must have the same length.")
                            value=sites
                            rows=4
                        />
                    }.into_any(),
                }}
                <ErrorMessage message=motif_error />
                <Show when=move || pfm.with(Result::is_ok)>
                    <MatrixTable
                        matrix=counts
                        decimals=0
                        caption=Bi::new("PFM: 위치별 염기 개수", "PFM: base counts per position")
                        testid="pfm-table"
                    />
                </Show>
            </section>

            <section class="panel">
                <h2>{tr("2 · 의사빈도 → 확률 행렬 (PWM)", "2 · Pseudocounts → weight matrix (PWM)")}</h2>
                <div class="field slider">
                    <label for="pwm-pc">{tr("의사빈도 (pseudocount)", "Pseudocount")}</label>
                    <input
                        id="pwm-pc"
                        type="range"
                        min="0"
                        max="2"
                        step="0.05"
                        prop:value=move || pseudocount.get().to_string()
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse() {
                                pseudocount.set(v);
                            }
                        }
                    />
                    <input
                        type="number"
                        min=ranges::PSEUDOCOUNT.min.to_string()
                        max=ranges::PSEUDOCOUNT.max.to_string()
                        step="0.1"
                        aria-label=tr("의사빈도 값", "Pseudocount value")
                        prop:value=move || pseudocount.get().to_string()
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                                pseudocount.set(ranges::PSEUDOCOUNT.clamp(v));
                            }
                        }
                    />
                </div>
                <p class="formula"><code>{formula}</code></p>
                <ErrorMessage message=pwm_error />
                <Show when=move || pwm.with(Result::is_ok)>
                    <MatrixTable
                        matrix=probs
                        decimals=2
                        shade=true
                        caption=Bi::new("PWM: 위치별 염기 확률 (열의 합 = 1)", "PWM: base probabilities per position (each column sums to 1)")
                        testid="pwm-table"
                    />
                </Show>
                <text::PseudocountNote />
            </section>

            <section class="panel">
                <h2>{tr("3 · 서열 로고", "3 · Sequence logo")}</h2>
                <text::LogoNote />
                <Show when=move || pwm.with(Result::is_ok)>
                    <SequenceLogo pwm=pwm_option />
                </Show>
            </section>

            <section class="panel">
                <h2>{tr("4 · 서열 훑기 (스캐닝)", "4 · Scanning a sequence")}</h2>
                <SequenceInput
                    id="pwm-target"
                    label=Bi::new("훑을 서열", "Sequence to scan")
                    value=target
                />
                <RadioGroup
                    name="score-kind"
                    legend=Bi::new("점수", "Score")
                    options=vec![
                        (ScoreKind::LogLikelihood, Bi::new("로그 가능도 (ln, 강의)", "log-likelihood (ln, as in the lecture)")),
                        (ScoreKind::LogOdds, Bi::new("배경 대비 로그 오즈 (log2)", "log-odds against a background (log2)")),
                    ]
                    value=kind
                />
                <Show when=move || kind.get() == ScoreKind::LogOdds>
                    <div class="field slider">
                        <label for="pwm-gc">{tr("배경 GC 함량 (%)", "Background GC content (%)")}</label>
                        <input id="pwm-gc" type="number" min="1" max="99" step="1"
                            prop:value=move || gc_percent.get().to_string()
                            on:change=move |ev| {
                                if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                                    gc_percent.set(ranges::GC_PERCENT.clamp(v));
                                }
                            } />
                    </div>
                </Show>
                <ErrorMessage message=scan_error />
                <Show when=move || scores.with(Result::is_ok)>
                    <ScanTable scores=window_scores />
                    <p class="exact" data-testid="exact-scores">
                        {tr("+ 가닥 점수 전체 자릿수 (파이썬 출력과 같은 형식): ", "Forward scores at full precision (as Python prints them): ")}
                        <code>{exact}</code>
                    </p>
                    <ScoreTrack scores=window_scores y_label=y_label />
                </Show>
                <text::ScoreNote />
            </section>

            <section class="panel">
                <h2>{tr("5 · 모티프 저장하고 불러오기", "5 · Save or load the motif")}</h2>
                <text::FormatNote />
                <MotifExport motif=export />
                <MotifImport on_load=on_import />
            </section>

            <text::Try />

            <CheckQuestion
                lesson=LESSON
                question=Bi::new(
                    "TACAA, TACGA, TACAA에 의사빈도 0.5를 쓰면, 3번 위치에서 A의 확률은 얼마일까요?",
                    "With TACAA, TACGA, TACAA and a pseudocount of 0.5, what is the probability of A at position 3?",
                )
                options=vec![
                    Choice::wrong(
                        "2/3 ≈ 0.67",
                        "2/3 ≈ 0.67",
                        "2/3은 의사빈도 없이 센 빈도입니다. 네 염기의 개수에 모두 0.5를 더한 뒤 나누어 보세요.",
                        "2/3 is the plain frequency, without the pseudocount. Add 0.5 to the count of each of the four bases before dividing.",
                    ),
                    Choice::right("0.50", "0.50"),
                    Choice::wrong(
                        "0.70",
                        "0.70",
                        "0.70은 세 서열 모두 A인 위치(1번과 4번)의 값입니다. 3번 위치에서 A가 몇 번 나오는지 다시 세어 보세요.",
                        "0.70 belongs to the positions where all three sequences have A (positions 1 and 4). Count again how often A appears at position 3.",
                    ),
                    Choice::wrong(
                        "0.30",
                        "0.30",
                        "0.30은 3번 위치에서 G의 확률입니다. 같은 위치에서 A를 세어 보세요.",
                        "0.30 is the probability of G at position 3. Count the A's at that position instead.",
                    ),
                ]
                explanation=Bi::new(
                    "3번 위치에는 A가 2번 있으므로 (2 + 0.5) / (3 + 4 × 0.5) = 2.5 / 5 = 0.50입니다.",
                    "Position 3 has A twice, so (2 + 0.5) / (3 + 4 × 0.5) = 2.5 / 5 = 0.50.",
                )
            />
        </article>
    }
}
