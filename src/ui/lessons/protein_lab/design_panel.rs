//! Step 6 of the protein lab: designing a brighter GFP with the trained network — a beam search
//! over single and double (or triple) substitutions, each round scored in the worker — and how
//! far each proposal lies from anything measured, with the warning that the model extrapolates.

use super::results::current_model;
use super::state::Prot;
use crate::bio::variants::{Numbering, notation};
use crate::bounds::Bounds;
use crate::lab::protein::{Proposal, Search, SearchConfig};
use crate::training::job::PredictJob;
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::widgets::NumberField;
use leptos::prelude::*;

/// Substitutions a proposal may carry.
const MUTATIONS: Bounds<usize> = Bounds::new(1, 3);
/// Variants kept each round.
const BEAM: Bounds<usize> = Bounds::new(1, 10);

/// The search form, its progress and the proposals.
#[component]
pub fn DesignPanel() -> impl IntoView {
    let prot = expect_context::<Prot>();
    let lang = use_lang();
    let defaults = SearchConfig::default();
    let mutations = RwSignal::new(defaults.max_mutations);
    let beam = RwSignal::new(defaults.beam_width);
    let proposals = RwSignal::new(None::<Vec<Proposal>>);
    let progress = RwSignal::new(None::<(usize, usize)>);
    let brightest = Memo::new(move |_| {
        prot.data.with(|d| {
            d.as_ref()
                .map(|d| d.scores().into_iter().fold(f64::MIN, f64::max))
        })
    });
    let run = move |_| {
        let (Some(model), Some(data)) = (current_model(&prot), prot.data.get_untracked()) else {
            return;
        };
        let config = SearchConfig {
            max_mutations: mutations.get_untracked(),
            beam_width: beam.get_untracked(),
            ..SearchConfig::default()
        };
        proposals.set(None);
        leptos::task::spawn_local(async move {
            let mut search = Search::new(&data.wild_type, config);
            let mut round = 0;
            while let Some(candidates) = search.candidates() {
                round += 1;
                progress.try_set(Some((round, candidates.len())));
                let variants: Vec<String> = candidates
                    .iter()
                    .map(|v| notation(v, Numbering::ZeroBased))
                    .collect();
                let job = PredictJob::variants(
                    0,
                    model.clone(),
                    data.wild_type.as_str().to_string(),
                    variants,
                );
                let Ok((scores, _)) = prot.run.predict(job).await else {
                    progress.try_set(None);
                    return;
                };
                search.score(&scores.column(0).to_vec());
            }
            let found = search.proposals(&data);
            // Scores come back z-scored: turn them into log10 brightness.
            let scaler = prot.split_now().map(|s| s.scaler);
            proposals.try_set(Some(
                found
                    .into_iter()
                    .map(|mut p| {
                        if let Some(s) = scaler {
                            p.predicted = s.invert(f64::from(p.predicted)) as f32;
                        }
                        p
                    })
                    .collect(),
            ));
            progress.try_set(None);
        });
    };
    let status = move || {
        let lang = lang.get();
        progress.get().map(|(round, n)| {
            lang.pick(
                format!(
                    "{round}단계: 변이 {}개를 예측하는 중…",
                    crate::lang::grouped(n)
                ),
                format!(
                    "Round {round}: predicting {} variants…",
                    crate::lang::grouped(n)
                ),
            )
        })
    };
    let rows = move || {
        let lang = lang.get();
        let brightest = brightest.get().unwrap_or(f64::MAX);
        proposals.get().map(|found| {
            found
                .into_iter()
                .map(|p| {
                    let far = p.nearest_measured.unwrap_or(usize::MAX);
                    let warning = match (far, f64::from(p.predicted) > brightest) {
                        (0, _) => lang.pick("측정된 변이", "measured").to_string(),
                        (_, true) => lang.pick("측정된 어떤 변이보다 밝다는 예측: 외삽", "brighter than anything measured: extrapolation").to_string(),
                        (d, _) if d >= 2 => lang.pick("측정된 변이에서 멂: 외삽", "far from measured variants: extrapolation").to_string(),
                        _ => String::new(),
                    };
                    view! {
                        <tr>
                            <th scope="row">{notation(&p.substitutions, Numbering::ZeroBased)}</th>
                            <td>{format!("{:.3}", p.predicted)}</td>
                            <td>{p.mutations}</td>
                            <td>{p.nearest_measured.map_or_else(|| "–".to_string(), |d| d.to_string())}</td>
                            <td>{warning}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel" aria-labelledby="prot-step-6">
            <h2 id="prot-step-6">{tr("6 · 더 밝은 GFP 설계하기", "6 · Design a brighter GFP")}</h2>
            <Ko><p>"야생형에서 출발해 치환 하나씩을 모두 예측하고, 가장 밝은 몇 개(빔)에 치환을 하나 더 붙여 다시 예측합니다. 조심하세요: 모델은 측정된 변이 근처에서만 배웠습니다. 제안이 측정된 어떤 변이에서도 여러 치환 떨어져 있거나, 측정된 가장 밝은 변이보다 밝다고 예측되면 그것은 외삽이고, 실험으로 확인해야 합니다."</p></Ko>
            <En><p>"Starting from the wild type, every single substitution is predicted; the brightest few (the beam) get one more substitution each and are predicted again. Careful: the model only learned near the variants that were measured. A proposal several substitutions away from any measured variant, or predicted brighter than the brightest one measured, is an extrapolation that only an experiment can confirm."</p></En>
            <div class="field-row">
                <NumberField id="prot-search-mutations" label=Bi::new("최대 치환 수", "Substitutions at most") value=mutations bounds=MUTATIONS />
                <NumberField id="prot-search-beam" label=Bi::new("빔 너비", "Beam width") value=beam bounds=BEAM />
            </div>
            <button type="button" data-testid="prot-search-run" on:click=run
                disabled=move || progress.with(Option::is_some) || current_model(&prot).is_none()>
                {tr("찾기", "Search")}
            </button>
            <p role="status" data-testid="prot-search-status">{status}</p>
            <Show when=move || proposals.with(Option::is_some)>
                <p class="hint">{move || brightest.get().map(|b| lang.get().pick(
                    format!("측정된 가장 밝은 변이의 점수: {b:.3}"),
                    format!("The brightest measured variant scores {b:.3}."),
                ))}</p>
                <div class="table-scroll">
                    <table class="matrix metrics" data-testid="prot-search">
                        <thead><tr>
                            <th scope="col">{tr("치환 (0부터)", "substitutions (from 0)")}</th>
                            <th scope="col">{tr("예측 점수", "predicted score")}</th>
                            <th scope="col">{tr("야생형에서", "from wild type")}</th>
                            <th scope="col">{tr("측정 변이까지", "to a measured variant")}</th>
                            <th scope="col">{tr("주의", "caution")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
