//! Steps 1 and 2 of the motif lab: the motif and the simulated sequences, then the split.

use super::state::Lab;
use crate::bio::simulate::Placement;
use crate::data::SplitMethod;
use crate::lab::motif::{MotifSource, ranges};
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::plots::SequenceLogo;
use crate::ui::widgets::{ErrorMessage, NumberField, RadioGroup, SelectField, SequenceInput};
use leptos::prelude::*;

/// How many example sequences of each class are shown.
const EXAMPLES: usize = 4;

/// Step 1: choose the motif, simulate, look at a few sequences and the tensor shapes.
#[component]
pub fn SimulatePanel() -> impl IntoView {
    let lab = expect_context::<Lab>();
    let lang = use_lang();
    let motif_error = Signal::derive(move || {
        lab.motif
            .with(|m| m.as_ref().err().map(|e| e.message(lang.get())))
    });
    let data_error = Signal::derive(move || {
        lab.experiment
            .with(|e| match (e, lab.motif.with(Result::is_ok)) {
                (Err(error), true) => Some(error.message(lang.get())),
                _ => None,
            })
    });
    let pwm = Signal::derive(move || lab.motif.get().ok());
    let examples = move || {
        lab.experiment.with(|e| {
            e.as_ref().ok().map(|(experiment, _)| {
                let positives = experiment
                    .sequences
                    .iter()
                    .filter(|s| s.positive)
                    .take(EXAMPLES);
                let negatives = experiment
                    .sequences
                    .iter()
                    .filter(|s| !s.positive)
                    .take(EXAMPLES);
                positives
                    .chain(negatives)
                    .map(|s| {
                        let (before, motif, after) = match s.motif_start {
                            Some(start) => {
                                let end =
                                    start + lab.motif.with(|m| m.as_ref().map_or(0, |p| p.width()));
                                (
                                    s.sequence[..start].to_string(),
                                    s.sequence[start..end].to_string(),
                                    s.sequence[end..].to_string(),
                                )
                            }
                            None => (s.sequence.clone(), String::new(), String::new()),
                        };
                        let label = if s.positive { "[1, 0]" } else { "[0, 1]" };
                        view! {
                            <li>
                                // Negatives have no planted site: no (empty, yellow) mark at all.
                                <code class="seq">{before}{(!motif.is_empty()).then(|| view! { <mark>{motif}</mark> })}{after}</code>
                                " "
                                <span class="label">{label}</span>
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let shapes = move || {
        lab.experiment.with(|e| {
            e.as_ref().ok().map(|(experiment, ms)| {
                let n = experiment.sequences.len();
                format!(
                    "X: ({n}, {}, 4) · y: ({n}, 2) · {ms:.0} ms",
                    lab.length.get()
                )
            })
        })
    };
    view! {
        <section class="panel" aria-labelledby="lab-step-1">
            <h2 id="lab-step-1">{tr("1 · 모티프와 시뮬레이션 데이터", "1 · The motif and the simulated data")}</h2>
            <super::text::SimulateText />
            <RadioGroup
                name="motif-source"
                legend=Bi::new("모티프", "Motif")
                options=vec![
                    (MotifSource::Matrix, Bi::new("강의의 4 × 6 행렬 (고칠 수 있음)", "the lecture's 4 × 6 matrix (editable)")),
                    (MotifSource::Consensus, Bi::new("합의 서열 입력", "type a consensus")),
                    (MotifSource::Text, Bi::new("JASPAR / MEME 붙여 넣기", "paste JASPAR / MEME")),
                ]
                value=lab.source
            />
            {move || match lab.source.get() {
                MotifSource::Consensus => view! {
                    <SequenceInput id="lab-consensus" label=Bi::new("합의 서열", "Consensus") value=lab.consensus rows=1
                        hint=Bi::new("합의 염기는 확률 0.85, 나머지는 0.05씩 받습니다.", "Each consensus base gets probability 0.85, the others 0.05 each.") />
                }.into_any(),
                MotifSource::Text => view! {
                    <SequenceInput id="lab-motif-text" label=Bi::new("JASPAR 또는 MEME 모티프", "JASPAR or MEME motif") value=lab.motif_text rows=6 />
                }.into_any(),
                MotifSource::Matrix => view! {
                    <SequenceInput id="lab-matrix" label=Bi::new("빈도 행렬 (A, C, G, T 네 줄)", "Count matrix (four lines: A, C, G, T)") value=lab.matrix rows=4
                        hint=Bi::new("열마다 합이 1이 되도록 나눈 뒤 표본을 뽑습니다.", "Each column is divided by its sum before sampling.") />
                }.into_any(),
            }}
            <ErrorMessage message=motif_error />
            <Show when=move || pwm.with(Option::is_some)>
                <SequenceLogo pwm=pwm testid="planted-logo" height=180.0 />
            </Show>
            <div class="field-row">
                <NumberField id="lab-length" label=Bi::new("서열 길이", "Sequence length") value=lab.length bounds=ranges::LENGTH />
                <NumberField id="lab-positives" label=Bi::new("양성 서열 수", "Positive sequences") value=lab.positives bounds=ranges::POSITIVES />
                <NumberField id="lab-negatives" label=Bi::new("음성 서열 수", "Negative sequences") value=lab.negatives bounds=ranges::NEGATIVES />
                <SelectField id="lab-placement" label=Bi::new("모티프 위치", "Motif position") value=lab.placement
                    options=vec![(Placement::Center, Bi::new("가운데 (강의)", "middle (lecture)")), (Placement::Random, Bi::new("아무 곳", "anywhere"))] />
                <NumberField id="lab-seed" label=Bi::new("시드", "Seed") value=lab.sim_seed bounds=ranges::SEED />
            </div>
            <ErrorMessage message=data_error />
            <p class="shape" data-testid="lab-shapes">{shapes}</p>
            <ul class="examples" aria-label=tr("예시 서열", "Example sequences")>{examples}</ul>
        </section>
    }
}

/// (positives, negatives) of the training and test sets, and the validation rows.
#[derive(Clone, Copy)]
struct SplitCounts {
    train: (usize, usize),
    test: (usize, usize),
    validation: usize,
}

/// Step 2: the train/test split and what the validation split will take.
#[component]
pub fn SplitPanel() -> impl IntoView {
    let lab = expect_context::<Lab>();
    let counts = move || {
        lab.experiment.with(|e| {
            e.as_ref().ok().map(|(experiment, _)| {
                let (train, test) = (&experiment.split.train, &experiment.split.test);
                let kept =
                    (train.len() as f64 * (1.0 - lab.knobs.validation.get())).floor() as usize;
                SplitCounts {
                    train: experiment.class_counts(train),
                    test: experiment.class_counts(test),
                    validation: train.len() - kept,
                }
            })
        })
    };
    let row = move |ko: &'static str, en: &'static str, pick: fn(SplitCounts) -> String| {
        view! {
            <tr>
                <th scope="row">{tr(ko, en)}</th>
                <td>{move || counts().map(pick)}</td>
            </tr>
        }
    };
    view! {
        <section class="panel" aria-labelledby="lab-step-2">
            <h2 id="lab-step-2">{tr("2 · 훈련 세트와 테스트 세트로 나누기", "2 · Split into training and test sets")}</h2>
            <Ko>
                <p>"테스트 세트는 마지막 평가에 딱 한 번만 씁니다. 훈련 세트의 마지막 일부는 Keras의 validation_split(훈련 세트의 마지막 일부를 검증 세트로 떼는 설정)처럼 검증 세트로 떼어 학습 중에 과적합을 지켜봅니다."</p>
            </Ko>
            <En>
                <p>"The test set is touched once, for the final evaluation. The last part of the training set is held out for validation, as Keras's validation_split (the setting that holds out the last part of the training set) does, to watch for overfitting while training."</p>
            </En>
            <div class="field-row">
                <NumberField id="lab-test" label=Bi::new("테스트 세트 비율", "Test fraction") value=lab.test_fraction bounds=ranges::TEST_FRACTION step="0.05" />
                <NumberField id="lab-split-seed" label=Bi::new("나누기 시드", "Split seed") value=lab.split_seed bounds=ranges::SPLIT_SEED />
                <NumberField id="lab-validation" label=Bi::new("검증 비율 (훈련 세트 중)", "Validation fraction (of training)") value=lab.knobs.validation bounds=lab.knobs.ranges.validation step="0.05" />
            </div>
            <RadioGroup
                name="lab-splitter"
                legend=Bi::new("나누는 방법", "How the test rows are drawn")
                options=vec![
                    (SplitMethod::ScikitLearn, Bi::new("scikit-learn의 train_test_split (강의와 같은 나누기)", "scikit-learn's train_test_split (the lecture's split)")),
                    (SplitMethod::Seeded, Bi::new("SeqLab의 시드 섞기 (ChaCha8)", "SeqLab's seeded shuffle (ChaCha8)")),
                ]
                value=lab.splitter
            />
            <Show when=move || lab.splitter.get() == SplitMethod::ScikitLearn>
                <p class="hint" data-testid="lecture-split">{tr(
                    "scikit-learn과 numpy가 하는 그대로(MT19937 난수, numpy의 순열) 나눕니다. 시드 125, 테스트 비율 0.2면 강의의 나누기와 행 하나하나까지 같아서, 테스트 세트에 양성 194개와 음성 206개가 들어갑니다 (강의의 혼동 행렬 행 합).",
                    "Split exactly as scikit-learn and numpy do it (the MT19937 generator, numpy's permutation). With seed 125 and a test fraction of 0.2 it is the lecture's split row for row: 194 positives and 206 negatives in the test set (the row sums of the lecture's confusion matrix).",
                )}</p>
            </Show>
            <table class="matrix counts" data-testid="split-counts">
                <tbody>
                    {row("훈련 세트 (양성 / 음성)", "training (positive / negative)", |c| format!("{} ({} / {})", c.train.0 + c.train.1, c.train.0, c.train.1))}
                    {row("그중 검증 세트 (마지막 행들)", "of which validation (the last rows)", |c| c.validation.to_string())}
                    {row("테스트 세트 (양성 / 음성)", "test (positive / negative)", |c| format!("{} ({} / {})", c.test.0 + c.test.1, c.test.0, c.test.1))}
                </tbody>
            </table>
        </section>
    }
}
