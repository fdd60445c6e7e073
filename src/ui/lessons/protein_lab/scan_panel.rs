//! Step 5 of the protein lab: an in-silico deep mutational scan — every position of the wild type
//! (or of a variant the student types) changed to every amino acid and scored by the trained
//! network in the worker, shown as a position × amino-acid map of the change in brightness with
//! the single mutants that were measured marked, and the positions that tolerate least.

use super::data_panel::amino_acid_labels;
use super::results::current_model;
use super::state::Prot;
use crate::bio::variants::Numbering;
use crate::lab::protein::scan::agreement;
use crate::lab::protein::{CHROMOPHORE, Scan, scan_variants};
use crate::training::job::PredictJob;
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::plots::{Matrix, MatrixColors, MatrixPlot};
use crate::ui::state::Shared;
use crate::ui::training::use_predictions;
use crate::ui::widgets::ErrorMessage;
use leptos::prelude::*;

/// Positions listed as the least tolerant.
const LISTED: usize = 12;

/// The scan of the typed variant by the current model (made in the worker).
pub fn use_scan(prot: Prot, variant: RwSignal<String>) -> Signal<Option<Shared<Scan>>> {
    use_predictions(
        prot.run,
        move || {
            let model = current_model(&prot)?;
            let data = prot.data.get()?;
            let base = data
                .wild_type
                .parse(&variant.get(), Numbering::ZeroBased)
                .ok()?;
            let variants = scan_variants(&data.wild_type, &base);
            let sequence = data.wild_type.apply(&base);
            let job = PredictJob::variants(0, model, data.wild_type.as_str().to_string(), variants);
            Some((job, sequence))
        },
        |predicted, sequence| {
            let (scores, _) = predicted.ok()?;
            let scores: Vec<f32> = scores.column(0).to_vec();
            Some(Shared::new(Scan::from_predictions(&sequence, &scores)))
        },
    )
}

/// The map, its agreement with the measured single mutants and the least tolerant positions.
#[component]
pub fn ScanPanel(
    /// The scan (the page keeps it: the design step reads it too).
    scan: Signal<Option<Shared<Scan>>>,
    /// The variant scanned (0-based substitutions; empty: the wild type).
    variant: RwSignal<String>,
) -> impl IntoView {
    let prot = expect_context::<Prot>();
    let lang = use_lang();
    let error = Signal::derive(move || {
        let data = prot.data.get()?;
        let typed = variant.get();
        data.wild_type
            .parse(&typed, Numbering::ZeroBased)
            .err()
            .map(|e| e.message(lang.get()))
    });
    // The substitutions the training variants carry: what the model has seen.
    let seen = Memo::new(move |_| {
        let (data, split) = (prot.data.get()?, prot.split_now()?);
        Some(Shared::new(data.seen(&split.split.train)))
    });
    // The scan's Δ, each substitution the training data held marked with a dot.
    let matrix = Signal::derive(move || {
        let scan = scan.get()?;
        let marks = seen.with(|s| {
            s.as_ref().map(|s| {
                s.indexed_iter()
                    .filter(|(_, seen)| **seen)
                    .map(|((i, a), _)| (a, i))
                    .collect()
            })
        });
        Some(Matrix {
            values: scan.delta().t().to_owned(),
            row_labels: amino_acid_labels(),
            colors: MatrixColors::Diverging { center: 0.0 },
            marks: marks.unwrap_or_default(),
            highlight: CHROMOPHORE.to_vec(),
        })
    });
    let coverage = move || {
        let seen = seen.get()?;
        let (on, all) = (seen.iter().filter(|s| **s).count(), seen.len());
        Some(lang.get().pick(
            format!("점은 훈련 세트의 변이에 한 번이라도 나온 치환입니다: 칸 {}개 중 {}개 ({:.0} %). 점이 없는 칸은 모델이 본 적 없는 치환이라 그 색은 짐작입니다.", crate::lang::grouped(all), crate::lang::grouped(on), 100.0 * on as f64 / all as f64),
            format!("Dots mark the substitutions that appear in at least one training variant: {} of {} cells ({:.0} %). Cells without a dot are substitutions the model never saw: their colour is a guess.", crate::lang::grouped(on), crate::lang::grouped(all), 100.0 * on as f64 / all as f64),
        ))
    };
    let agreement = move || {
        let scan = scan.get()?;
        if !variant.with(|v| v.trim().is_empty()) {
            return None;
        }
        let measured = prot.singles.get()?;
        let a = agreement(&scan, &measured);
        Some(lang.get().pick(
            format!(
                "측정된 단일 돌연변이 {}개와 예측의 피어슨 r = {:.3}",
                a.pairs, a.pearson
            ),
            format!(
                "Pearson r of the predictions against the {} measured single mutants: {:.3}",
                a.pairs, a.pearson
            ),
        ))
    };
    let chromophore = move || {
        let (scan, seen) = (scan.get()?, seen.get()?);
        if !variant.with(|v| v.trim().is_empty()) {
            return None;
        }
        let (dark, of) = scan.darkened(&CHROMOPHORE, 1.0, Some(&seen));
        let (_, all) = scan.darkened(&CHROMOPHORE, 1.0, None);
        // The same count over every position, for comparison.
        let every: Vec<usize> = (0..scan.sequence.len()).collect();
        let (dark_everywhere, of_everywhere) = scan.darkened(&every, 1.0, Some(&seen));
        let percent = |a: usize, b: usize| format!("{:.0}", 100.0 * a as f64 / b.max(1) as f64);
        let (here, everywhere) = (percent(dark, of), percent(dark_everywhere, of_everywhere));
        let (dark_everywhere, of_everywhere) = (
            crate::lang::grouped(dark_everywhere),
            crate::lang::grouped(of_everywhere),
        );
        Some(lang.get().pick(
            format!("발색단(63–65): 훈련 세트에 나온 아미노산 치환 {of}개 중 {dark}개({here}%)가 밝기를 1 (log10) 넘게 잃는다고 예측됩니다. 단백질 전체에서는 {of_everywhere}개 중 {dark_everywhere}개({everywhere}%)입니다. 발색단의 나머지 치환 {}개는 훈련 세트에 한 번도 없었습니다.", all - of),
            format!("The chromophore (63–65): of the {of} amino-acid substitutions the training set holds there, {dark} ({here} %) are predicted to lose more than 1 (log10) of brightness; over the whole protein, {dark_everywhere} of {of_everywhere} ({everywhere} %). The other {} substitutions at the chromophore never appear in the training set.", all - of),
        ))
    };
    let intolerant = move || {
        let scan = scan.get()?;
        let delta = scan.delta();
        let stop = delta.ncols() - 1;
        let mut mean: Vec<(usize, f32)> = delta
            .rows()
            .into_iter()
            .enumerate()
            .map(|(i, row)| (i, row.iter().take(stop).sum::<f32>() / stop as f32))
            .collect();
        mean.sort_by(|a, b| a.1.total_cmp(&b.1));
        let lang = lang.get();
        let items = mean
            .into_iter()
            .take(LISTED)
            .map(|(i, d)| {
                let letter = scan.sequence.as_bytes()[i] as char;
                let note = if CHROMOPHORE.contains(&i) {
                    lang.pick(" (발색단)", " (chromophore)")
                } else {
                    ""
                };
                view! { <li>{format!("{letter}{i}{note}: {}", crate::lang::numbers::signed(f64::from(d), 2))}</li> }
            })
            .collect_view();
        Some(view! { <ol class="compact" data-testid="prot-intolerant">{items}</ol> })
    };
    view! {
        <section class="panel" aria-labelledby="prot-step-5">
            <h2 id="prot-step-5">{tr("5 · 인실리코(컴퓨터) 돌연변이 분석: 모든 자리, 모든 아미노산", "5 · In-silico mutational scan: every position, every amino acid")}</h2>
            <Ko><p>"학습한 신경망으로 237개 자리 × 21가지(아미노산 20 + 종결) = 4,977개 변이를 모두 예측합니다. 색은 원래 서열보다 얼마나 밝아지거나(빨강) 어두워지는지(파랑)입니다."</p></Ko>
            <En><p>"The trained network predicts all 237 positions × 21 letters (20 amino acids and the stop) = 4,977 variants. The colour is how much brighter (red) or darker (blue) each is than the scanned sequence."</p></En>
            <div class="field">
                <label for="prot-scan-variant">{tr("훑을 변이 (비우면 야생형; 예: K156R, 0부터 센 위치)", "Variant to scan (empty: the wild type; e.g. K156R, positions from 0)")}</label>
                <input id="prot-scan-variant" type="text" prop:value=move || variant.get() on:change=move |ev| variant.set(event_target_value(&ev)) />
            </div>
            <ErrorMessage message=error />
            <MatrixPlot matrix=matrix x_label=Bi::new("위치", "position") y_label=Bi::new("아미노산", "amino acid")
                description=Signal::derive(move || lang.get().pick("예측한 밝기 변화 지도", "Map of the predicted change in brightness").to_string())
                empty=Bi::new("모델을 학습하면 모든 변이의 예측이 여기에 그려집니다.", "Train a model: its predictions for every variant are drawn here.")
                height=360.0 testid="prot-scan" />
            <p class="hint" data-testid="prot-scan-coverage">{coverage}</p>
            <p data-testid="prot-scan-agreement">{agreement}</p>
            <p data-testid="prot-chromophore">{chromophore}</p>
            <h3>{tr("가장 바꾸기 어려운 자리", "The positions that tolerate least")}</h3>
            <p class="hint">{tr("아미노산 20가지로 바꿨을 때 예측 변화의 평균이 가장 낮은 자리입니다.", "Positions whose mean predicted change over the 20 amino acids is lowest.")}</p>
            {intolerant}
        </section>
    }
}
