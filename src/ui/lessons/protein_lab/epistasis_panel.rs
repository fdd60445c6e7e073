//! Step 7 of the protein lab: epistasis — double mutants of the test set whose two substitutions
//! were also measured alone: their measured brightness against the additive expectation
//! (`s_a + s_b − wt`) and against the network's prediction.

use super::results::current_model;
use super::state::Prot;
use crate::bio::variants::{Numbering, Substitution, notation};
use crate::lab::protein::WILD_TYPE_SCORE;
use crate::lab::protein::epistasis::{PairEffect, errors, measured_pairs};
use crate::training::job::PredictJob;
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::plots::Scatter;
use crate::ui::training::use_predictions;
use leptos::prelude::*;
use std::collections::HashSet;

/// The pairs of the test set, with the model's predictions once made.
fn use_pairs(prot: Prot) -> (Memo<Vec<PairEffect>>, Signal<Option<Vec<PairEffect>>>) {
    let pairs = Memo::new(move |_| {
        let (Some(data), Some(split), Some(singles)) =
            (prot.data.get(), prot.split_now(), prot.singles.get())
        else {
            return Vec::new();
        };
        let test: HashSet<(Substitution, Substitution)> = split
            .split
            .test
            .iter()
            .filter_map(|&i| match data.substitutions[i].as_slice() {
                [a, b] => Some((*a, *b)),
                _ => None,
            })
            .collect();
        measured_pairs(&data, &singles, WILD_TYPE_SCORE)
            .into_iter()
            .filter(|p| test.contains(&(p.a, p.b)))
            .collect()
    });
    let predicted = use_predictions(
        prot.run,
        move || {
            let model = current_model(&prot)?;
            let (data, split) = (prot.data.get()?, prot.split_now()?);
            let pairs = pairs.get();
            if pairs.is_empty() {
                return None;
            }
            let variants = pairs
                .iter()
                .map(|p| notation(&[p.a, p.b], Numbering::ZeroBased))
                .collect();
            let job = PredictJob::variants(0, model, data.wild_type.as_str().to_string(), variants);
            Some((job, (pairs, split.scaler)))
        },
        |predicted, (mut pairs, scaler)| {
            let (z, _) = predicted.ok()?;
            for (pair, &v) in pairs.iter_mut().zip(z.column(0)) {
                pair.predicted = Some(scaler.invert(f64::from(v)));
            }
            Some(pairs)
        },
    );
    (pairs, predicted)
}

/// Two scatters and the errors of the additive expectation and of the network.
#[component]
pub fn EpistasisPanel() -> impl IntoView {
    let prot = expect_context::<Prot>();
    let lang = use_lang();
    let (pairs, predicted) = use_pairs(prot);
    let additive_points = Signal::derive(move || {
        pairs.with(|p| p.iter().map(|p| (p.double, p.additive)).collect::<Vec<_>>())
    });
    let model_points = Signal::derive(move || {
        predicted.with(|p| {
            p.as_ref().map_or_else(Vec::new, |p| {
                p.iter()
                    .filter_map(|p| Some((p.double, p.predicted?)))
                    .collect()
            })
        })
    });
    let summary = move || {
        let lang = lang.get();
        let pairs = pairs.get();
        if pairs.is_empty() {
            return None;
        }
        let negative = pairs.iter().filter(|p| p.epistasis < -0.5).count();
        let model = predicted.with(|p| p.as_ref().and_then(|p| errors(p).1));
        let (additive, _) = errors(&pairs);
        let model = model.map_or_else(String::new, |m| {
            lang.pick(
                format!(" 신경망의 MSE는 {m:.3}입니다."),
                format!(" The network's MSE is {m:.3}."),
            )
        });
        Some(lang.pick(
            format!(
                "테스트 세트의 이중 돌연변이 {}개 (두 치환 모두 따로 측정됨). 가산 예상의 MSE는 {additive:.3}이고, {}개는 가산 예상보다 0.5 넘게 어둡습니다 (음의 상위작용).{model}",
                pairs.len(), negative
            ),
            format!(
                "{} double mutants of the test set (both substitutions measured alone). The additive expectation's MSE is {additive:.3}; {} are more than 0.5 darker than it (negative epistasis).{model}",
                pairs.len(), negative
            ),
        ))
    };
    view! {
        <section class="panel" aria-labelledby="prot-step-7">
            <h2 id="prot-step-7">{tr("7 · 상위작용: 효과가 더해지지 않을 때", "7 · Epistasis: when effects do not add up")}</h2>
            <Ko><p>"두 치환의 효과가 그냥 더해진다면 이중 돌연변이의 점수는 s_a + s_b − 야생형이어야 합니다. 실제로는 약한 두 치환이 겹쳐 빛이 꺼지는 경우가 많습니다: 단백질이 접힐 수 있는 안정성의 문턱을 함께 넘기 때문입니다."</p></Ko>
            <En><p>"If the two substitutions' effects simply added up, a double mutant would score s_a + s_b − wild type. In fact two mild substitutions often switch the light off together: between them they push the protein's stability over the threshold it needs to fold."</p></En>
            <p data-testid="prot-epistasis">{summary}</p>
            <div class="results-grid">
                <Scatter points=additive_points x_label=Bi::new("측정 점수", "measured score") y_label=Bi::new("가산 예상", "additive expectation")
                    description=Signal::derive(move || lang.get().pick("이중 돌연변이: 측정 대 가산 예상", "Double mutants: measured against the additive expectation").to_string()) testid="prot-epistasis-additive" />
                // Before training there is nothing to plot: one sentence instead of an empty chart.
                <Show
                    when=move || model_points.with(|p| !p.is_empty())
                    fallback=|| view! { <p class="hint">{tr("모델을 학습하면 신경망의 예측이 여기에 가산 예상과 나란히 그려집니다.", "Train a model to see the network's predictions here, beside the additive expectation.")}</p> }
                >
                    <Scatter points=model_points x_label=Bi::new("측정 점수", "measured score") y_label=Bi::new("신경망 예측", "network prediction")
                        description=Signal::derive(move || lang.get().pick("이중 돌연변이: 측정 대 신경망 예측", "Double mutants: measured against the network's prediction").to_string()) testid="prot-epistasis-model" />
                </Show>
            </div>
        </section>
    }
}
