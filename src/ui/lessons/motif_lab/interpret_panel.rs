//! Step 6 of the motif lab: what the network learned. Every first-layer filter as a logo — from the
//! windows that activate it (Basset's method) and from its weights — scored against the planted
//! motif; in-silico mutagenesis of one test sequence beside the PWM scanner's track.

use super::results::{TestResult, trained_model};
use super::state::Lab;
use crate::bio::alphabet::Symbol;
use crate::bio::motif::{Background, Pwm};
use crate::bio::parse_sequence;
use crate::bio::scan::{Score, scan};
use crate::interpret::{consensus_agreement, mutagenesis};
use crate::lab::motif::Interpretation;
use crate::nn::Layer;
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::plots::canvas::use_next_task;
use crate::ui::plots::{Heatmap, HeightSwitch, ScoreTrack, SequenceLogo};
use crate::ui::tasks::forward_prefix_chunked;
use crate::ui::widgets::NumberField;
use leptos::prelude::*;
use ndarray::Ix3;

/// The filters of the current model over the training sequences, computed in short tasks (the
/// first layer's activations a few rows at a time) once a model arrives; a newer model cancels
/// an older computation.
pub fn use_interpretation(lab: Lab) -> Memo<Option<Interpretation>> {
    let result = RwSignal::new(None::<Interpretation>);
    let generation = StoredValue::new(0u64);
    Effect::new(move || {
        lab.run.model.track();
        lab.job_key.track();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        result.set(None);
        let (Some(mut model), Some(planted)) = (trained_model(&lab), lab.motif.get().ok()) else {
            return;
        };
        let x = lab.experiment.with_untracked(|e| {
            e.as_ref()
                .ok()
                .and_then(|(experiment, _)| experiment.train().to_dataset().ok())
        });
        let (Some(x), Layer::Conv1d(conv)) = (x.map(|d| d.x), model.layers()[0].clone()) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let activations = forward_prefix_chunked(&mut model, &x, 1).await;
            if generation.try_get_value() != Some(mine) {
                return;
            }
            let (Ok(activations), Ok(x)) = (
                activations.into_dimensionality::<Ix3>(),
                x.view().into_dimensionality::<Ix3>(),
            ) else {
                return;
            };
            result.try_set(Interpretation::new(&conv, activations.view(), x, &planted));
        });
    });
    Memo::new(move |_| result.get())
}

/// The filter grid, the similarity summary and the mutagenesis view.
#[component]
pub fn InterpretPanel(
    /// The filters (absent until a model exists).
    interpretation: Memo<Option<Interpretation>>,
    /// The test-set evaluation (its predictions choose the sequence mutagenesis opens on).
    result: Signal<Option<TestResult>>,
) -> impl IntoView {
    let lab = expect_context::<Lab>();
    let lang = use_lang();
    let bits = RwSignal::new(true);
    let planted = Signal::derive(move || lab.motif.get().ok());
    // Built one task after the model arrives (the results come first), so no task grows long.
    let ready = use_next_task(move || lab.run.model.track());
    let best_text = move || {
        let lang = lang.get();
        interpretation.with(|i| {
            i.as_ref().map(|i| {
                let f = &i.filters[i.best];
                let consensus = f.activation.as_ref().unwrap_or(&f.weights).consensus();
                let planted_consensus = planted
                    .with(|p| p.as_ref().map(Pwm::consensus))
                    .unwrap_or_default();
                let agreement = consensus_agreement(&consensus, &planted_consensus);
                let strand = if f.matched.reverse_complement {
                    lang.pick("역상보", "reverse complement")
                } else {
                    lang.pick("같은 가닥", "same strand")
                };
                let agree = agreement.map_or_else(String::new, |a| {
                    let n = a.consensus.len();
                    let side = if a.reverse {
                        lang.pick(" (심은 모티프의 역상보 위에서)", " (on the planted motif's reverse complement)")
                    } else {
                        ""
                    };
                    lang.pick(
                        format!(" 배운 합의 서열 {consensus}({n}자리)를 심은 모티프 {planted_consensus}에 맞춰 보면 {n}자리 중 {}자리가 같습니다{side}.", a.matches),
                        format!(" Its learned consensus {consensus} ({n} letters) lined up on the planted motif {planted_consensus}: {} of {n} positions agree{side}.", a.matches),
                    )
                });
                let agree = agree.as_str();
                lang.pick(
                    format!(
                        "심은 모티프와 가장 닮은 필터: {}번 (상관 {:.2}, {strand}).{}",
                        f.index, f.matched.score, agree
                    ),
                    format!(
                        "Filter most like the planted motif: #{} (correlation {:.2}, {strand}).{}",
                        f.index, f.matched.score, agree
                    ),
                )
            })
        })
    };
    // The learned consensus under the planted motif, letter by letter.
    let alignment = move || {
        let agreement = interpretation.with(|i| {
            i.as_ref().and_then(|i| {
                let f = &i.filters[i.best];
                let consensus = f.activation.as_ref().unwrap_or(&f.weights).consensus();
                let planted = planted.with(|p| p.as_ref().map(Pwm::consensus))?;
                consensus_agreement(&consensus, &planted)
            })
        })?;
        let [strand, marks, learned] = agreement.lines();
        let cells = |text: &str| {
            (0..agreement.strand.len())
                .map(|k| view! { <td>{text.chars().nth(k).filter(|c| *c != ' ').map(String::from).unwrap_or_default()}</td> })
                .collect_view()
        };
        let planted_label = if agreement.reverse {
            Bi::new("심은 모티프 (역상보)", "planted (reverse complement)")
        } else {
            Bi::new("심은 모티프", "planted")
        };
        Some(view! {
            <table class="matrix alignment" data-testid="consensus-alignment">
                <caption>{tr("배운 합의 서열을 심은 모티프에 맞춘 모습 (| = 같은 염기)", "The learned consensus lined up on the planted motif (| = same base)")}</caption>
                <tbody>
                    <tr><th scope="row">{move || planted_label.get(lang.get())}</th>{cells(&strand)}</tr>
                    <tr class="marks"><th scope="row"></th>{cells(&marks)}</tr>
                    <tr><th scope="row">{tr("배운 필터", "learned filter")}</th>{cells(&learned)}</tr>
                </tbody>
            </table>
        })
    };
    let grid = move || {
        interpretation.with(|i| {
            i.as_ref().map(|i| {
                i.filters
                    .iter()
                    .map(|f| {
                        let best = f.index == i.best;
                        let activation = f.activation.clone();
                        let weights = f.weights.clone();
                        let caption = format!("#{} · r = {:.2} · {}", f.index, f.matched.score, activation.as_ref().unwrap_or(&weights).consensus());
                        let windows = f.windows;
                        view! {
                            <li class="filter" class:best=best data-testid=if best { "best-filter" } else { "filter" }>
                                <p class="filter-title">{caption}</p>
                                <p class="hint">{tr("활성 창에서", "from activating windows")} " (" {windows} ")"</p>
                                <SequenceLogo pwm=Signal::derive(move || activation.clone()) bits=bits height=110.0 compact=true testid="filter-logo" />
                                <p class="hint">{tr("가중치에서", "from weights")}</p>
                                <SequenceLogo pwm=Signal::derive(move || Some(weights.clone())) bits=bits height=110.0 compact=true testid="weight-logo" />
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="panel" aria-labelledby="lab-step-6">
            <h2 id="lab-step-6">{tr("6 · 신경망이 배운 것", "6 · What the network learned")}</h2>
            <Show
                when=move || ready.get() && interpretation.with(Option::is_some)
                fallback=|| view! { <p class="hint">{tr("학습한 모델이 있으면 필터를 보여 줍니다.", "The filters appear once there is a trained model.")}</p> }
            >
                <super::text::InterpretText />
                <p class="notice" data-testid="best-filter-text">{best_text}</p>
                {alignment}
                <HeightSwitch bits=bits name="filter-logo-height" />
                <div class="planted">
                    <p class="filter-title">{tr("심은 모티프", "Planted motif")}</p>
                    <SequenceLogo pwm=planted bits=bits height=130.0 compact=true testid="planted-logo-small" />
                </div>
                <ul class="filter-grid">{grid}</ul>
                <Mutagenesis result=result />
            </Show>
        </section>
    }
}

/// In-silico mutagenesis of one test sequence, with the PWM scan of the same sequence below. It
/// opens on the positive the model is surest of ([`crate::lab::motif::MotifExperiment::showcase_test_row`]) until the
/// student picks another.
#[component]
fn Mutagenesis(
    /// The test-set evaluation.
    result: Signal<Option<TestResult>>,
) -> impl IntoView {
    let lab = expect_context::<Lab>();
    let lang = use_lang();
    let showcase = move || {
        lab.experiment.with(|e| {
            e.as_ref().ok().map_or(0, |(x, _)| {
                result.with(|r| x.showcase_test_row(r.as_ref().map(|r| &r.predictions)))
            })
        })
    };
    let chosen = RwSignal::new(showcase());
    // The row last chosen for the student: while it is still the one shown, a newer evaluation
    // may choose again.
    let automatic = StoredValue::new(chosen.get_untracked());
    Effect::new(move || {
        let row = showcase();
        if chosen.get_untracked() == automatic.get_value() {
            automatic.set_value(row);
            chosen.set(row);
        }
    });
    let ready = use_next_task(move || lab.run.model.track());
    let count = move || {
        lab.experiment
            .with(|e| e.as_ref().map_or(1, |(x, _)| x.split.test.len()))
    };
    let sequence = Memo::new(move |_| {
        lab.experiment.with(|e| {
            e.as_ref().ok().and_then(|(x, _)| {
                x.split
                    .test
                    .get(chosen.get().min(count().saturating_sub(1)))
                    .map(|&r| x.sequences[r].clone())
            })
        })
    });
    let symbols = Signal::derive(move || {
        sequence.with(|s| {
            s.as_ref()
                .and_then(|s| parse_sequence(&s.sequence).ok())
                .unwrap_or_default()
        })
    });
    let result = Memo::new(move |_| {
        if !ready.get() {
            return None;
        }
        let mut model = trained_model(&lab)?;
        let symbols = symbols.get();
        (symbols.len() == model.spec().input_shape[0]).then(|| mutagenesis(&mut model, &symbols, 0))
    });
    let scores = Signal::derive(move || {
        let symbols: Vec<Symbol> = symbols.get();
        lab.motif.with(|m| {
            m.as_ref()
                .ok()
                .and_then(|pwm| scan(pwm, &symbols, Score::LogOdds(Background::uniform())).ok())
                .unwrap_or_default()
        })
    });
    let about = move || {
        let lang = lang.get();
        sequence.with(|s| {
            result.with(|r| {
                s.as_ref().zip(r.as_ref()).map(|(s, r)| {
                    let label = if s.positive {
                        lang.pick("양성", "positive")
                    } else {
                        lang.pick("음성", "negative")
                    };
                    lang.pick(
                        format!("{} ({label}) · 양성 점수 {:.3}", s.sequence, r.baseline),
                        format!(
                            "{} ({label}) · positive score {:.3}",
                            s.sequence, r.baseline
                        ),
                    )
                })
            })
        })
    };
    view! {
        <h3>{tr("인실리코(컴퓨터) 돌연변이 분석 (in-silico mutagenesis)", "In-silico mutagenesis")}</h3>
        <Ko>
            <p>"테스트 세트의 서열 하나의 모든 위치를 다른 염기로 하나씩 바꿔 보고, 모델의 양성 점수(출력 0번)가 얼마나 변하는지 칠합니다. 파랑은 점수가 떨어지는 돌연변이, 빨강은 오르는 돌연변이, 검은 점은 원래 염기입니다. 아래는 같은 서열을 심은 모티프의 PWM으로 훑은 점수입니다."</p>
        </Ko>
        <En>
            <p>"Every position of one test sequence is changed to every other base, and the change of the model's positive score (output 0) is coloured: blue where a mutation lowers it, red where it raises it; black dots mark the sequence's own bases. Below: the same sequence scanned with the planted motif's PWM."</p>
        </En>
        <NumberField id="lab-ism-index" label=Bi::new("테스트 세트의 서열 번호", "Test sequence number") value=chosen bounds=crate::bounds::Bounds::new(0, 100_000) />
        <p class="seq-title" data-testid="ism-sequence">{about}</p>
        <Heatmap
            values=Signal::derive(move || result.with(|r| r.as_ref().map(|r| r.delta.clone())).unwrap_or_else(|| ndarray::Array2::zeros((0, 4))))
            sequence=symbols
            caption=Bi::new("양성 점수의 변화 (돌연변이 − 원래)", "change of the positive score (mutant − original)")
            testid="ism-heatmap"
        />
        <ScoreTrack scores=scores y_label=Signal::derive(|| Bi::new("PWM 로그 오즈 (비트)", "PWM log-odds (bits)")) />
    }
}
