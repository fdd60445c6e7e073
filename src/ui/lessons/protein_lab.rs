//! Lesson: the protein lab (LECTURE.md item 1: protein sequence → activity and structure →
//! activity). 44,024 avGFP variants and their brightness (Sarkisyan et al. 2016) or the student's
//! table of variants: the data's shape, a network trained in the worker on `L × 21` one-hot
//! proteins against the mean and the additive model, an in-silico scan of every substitution, a
//! search for brighter variants, epistasis, and the 3-D structure's burial against tolerance. The
//! page wires signals to the core (`lab::protein`, `bio::variants`, `bio::pdb`, `training::job`).

mod data_panel;
mod design_panel;
mod epistasis_panel;
mod export_panel;
mod model_panel;
mod results;
mod scan_panel;
mod source;
pub mod state;
mod structure_panel;
mod text;

use crate::ui::i18n::{Bi, use_lang};
use crate::ui::lessons::{Lesson, LessonInfo};
use crate::ui::widgets::{CheckQuestion, Choice};
use leptos::prelude::*;
use state::Prot;

/// This page in the course: protein sequence and structure → activity, on real GFP data.
pub const LESSON: Lesson = Lesson(&LessonInfo {
    slug: "protein-lab",
    title: Bi::new(
        "단백질 실험실: 서열과 구조로 GFP의 밝기 예측하기",
        "Protein lab: GFP brightness from sequence and structure",
    ),
    nav_title: Bi::new("단백질 실험실 (GFP)", "Protein lab (GFP)"),
    summary: Bi::new(
        "GFP 변이 44,024개로 서열에서 밝기를 예측하고, 모든 돌연변이를 컴퓨터로 시험하고, 더 밝은 변이를 찾고, 구조가 돌연변이 내성을 어떻게 설명하는지 봅니다.",
        "Predict brightness from sequence with 44,024 GFP variants, test every mutation in silico, search for a brighter variant, and see how the structure explains tolerance to mutation.",
    ),
    why_next: Bi::new(
        "서열을 떠나 숫자 표로: 같은 신경망이 배양 조건에서 단백질 생산량을 예측하고 가장 좋은 조건을 찾습니다.",
        "From sequences to a table of numbers: the same kind of network predicts a bioreactor's protein yield from its culture conditions and finds the best ones.",
    ),
    page: || view! { <ProteinLab /> }.into_any(),
});

/// The protein lab page (`/protein-lab`; settings in the URL).
#[component]
pub fn ProteinLab() -> impl IntoView {
    let lang = use_lang();
    let prot = Prot::from_url();
    provide_context(prot);
    let predictions = results::use_test_predictions(prot);
    let additive = results::use_additive(prot);
    let scanned = RwSignal::new(String::new());
    let scan = scan_panel::use_scan(prot, scanned);
    view! {
        <article class="lesson lab">
            <h1>{move || LESSON.title().get(lang.get())}</h1>
            <text::Intro />
            <data_panel::DataPanel />
            <model_panel::ModelPanel />
            <model_panel::TrainPanel />
            <results::ResultsPanel predictions=predictions additive=additive />
            <scan_panel::ScanPanel scan=scan variant=scanned />
            <design_panel::DesignPanel />
            <epistasis_panel::EpistasisPanel />
            <structure_panel::StructurePanel additive=additive />
            <export_panel::ExportPanel predictions=predictions />
            <text::Try />
            <CheckQuestion
                lesson=LESSON
                question=Bi::new(
                    "따로는 조금만 어두워지는 치환 두 개를 함께 넣었더니 빛이 완전히 꺼졌습니다. 이것을 가장 잘 설명하는 것은?",
                    "Two substitutions that each dim GFP only a little switch its light off completely when combined. What explains this best?",
                )
                options=vec![
                    Choice::right(
                        "효과가 더해지지 않는다(음의 상위작용): 둘이 함께 접힘 안정성의 문턱을 넘는다",
                        "The effects do not add up (negative epistasis): together they push folding stability over a threshold",
                    ),
                    Choice::wrong(
                        "측정 오류일 뿐이다",
                        "It is only measurement error",
                        "이런 쌍은 드물지 않습니다: 7단계의 테스트 세트 이중 돌연변이 중 여럿이 가산 예상보다 훨씬 어둡고, 점수 분포의 두 봉우리도 같은 문턱을 보여 줍니다.",
                        "Such pairs are not rare: step 7 shows many test-set double mutants far darker than the additive expectation, and the two humps of the score distribution show the same threshold.",
                    ),
                    Choice::wrong(
                        "두 치환의 효과를 더하면 정확히 그만큼 어두워진다",
                        "Adding the two effects gives exactly that much dimming",
                        "그것이 가산 모델의 가정입니다. 두 효과가 모두 작으면 합도 작아야 하는데, 실제로는 빛이 완전히 꺼졌습니다.",
                        "That is the additive model's assumption: two small effects should sum to a small one, yet the light went out completely.",
                    ),
                ]
                explanation=Bi::new(
                    "GFP는 충분히 안정해야 접히고 빛납니다. 약한 불안정화 둘이 함께 문턱을 넘으면 빛이 꺼집니다. 이것이 가산 모델보다 은닉층이 있는 신경망이 잘 맞히는 이유입니다.",
                    "GFP must be stable enough to fold and glow. Two mild destabilisations together can cross the threshold and the light goes out — which is why a network with a hidden layer predicts better than the additive model.",
                )
            />
        </article>
    }
}
