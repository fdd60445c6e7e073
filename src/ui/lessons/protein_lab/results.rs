//! Step 4 of the protein lab: the test set — predicted against measured brightness, r², Pearson r,
//! MSE, MAE — beside the mean predictor and the additive model (a ridge fit of one effect per
//! position and amino acid, made here in short steps): the network's lead over the additive model
//! is how much the mutations' effects combine nonlinearly.

use super::state::Prot;
use crate::lab::expression::{RegressionReport, report};
use crate::lab::protein::tolerance::{AdditiveFit, AdditiveModel};
use crate::nn::SavedModel;
use crate::training::job::PredictJob;
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::plots::Scatter;
use crate::ui::state::Shared;
use crate::ui::tasks::next_task;
use crate::ui::training::use_predictions;
use leptos::prelude::*;

/// The ridge penalty of the additive model (the data README's reference fit).
pub const LAMBDA: f64 = 10.0;
/// Conjugate-gradient iterations per task of the additive fit (a few milliseconds each).
const ITERATIONS_PER_TASK: usize = 5;

/// The current model's weights, if they belong to the current settings.
pub fn current_model(prot: &Prot) -> Option<SavedModel> {
    prot.run.trained_model(prot.job_key.get())
}

/// The test predictions of the current model (scores, log10 brightness), made in the worker
/// from the test rows' variants.
pub fn use_test_predictions(prot: Prot) -> Signal<Option<Vec<f64>>> {
    use_predictions(
        prot.run,
        move || {
            let model = current_model(&prot)?;
            let (data, split) = (prot.data.get()?, prot.split_now()?);
            let rows = split.variants(&data, &split.split.test);
            let loss = prot.settings.with_untracked(|s| s.config().loss);
            Some((
                PredictJob::evaluation(0, model, rows, None, loss),
                split.scaler,
            ))
        },
        |predicted, scaler| {
            let (z, _) = predicted.ok()?;
            Some(z.iter().map(|&v| scaler.invert(f64::from(v))).collect())
        },
    )
}

/// The additive model fitted to the training rows, a few iterations per task (restarted when the
/// rows or the split change).
pub fn use_additive(prot: Prot) -> ReadSignal<Option<Shared<AdditiveModel>>> {
    let (model, set_model) = signal(None::<Shared<AdditiveModel>>);
    let generation = StoredValue::new(0u64);
    Effect::new(move || {
        let (data, split) = (prot.data.get(), prot.split_now());
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_model.set(None);
        let (Some(data), Some(split)) = (data, split) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let mut fit = AdditiveFit::new(&data, &split.split.train, LAMBDA);
            loop {
                next_task().await;
                if generation.try_get_value() != Some(mine) {
                    return;
                }
                if fit.iterate(ITERATIONS_PER_TASK) {
                    break;
                }
            }
            set_model.try_set(Some(Shared::new(fit.model())));
        });
    });
    model
}

/// Scatter and metrics of the test set against the two baselines.
#[component]
pub fn ResultsPanel(
    /// The network's test predictions.
    predictions: Signal<Option<Vec<f64>>>,
    /// The additive model.
    additive: ReadSignal<Option<Shared<AdditiveModel>>>,
) -> impl IntoView {
    let prot = expect_context::<Prot>();
    let lang = use_lang();
    let observed = Memo::new(move |_| {
        let (data, split) = (prot.data.get()?, prot.split_now()?);
        Some(split.test_scores(&data))
    });
    let network = Memo::new(move |_| {
        let (observed, predicted) = (observed.get()?, predictions.get()?);
        let mean = prot.split_now()?.scaler.mean;
        (observed.len() == predicted.len()).then(|| report(&observed, &predicted, mean))
    });
    let linear = Memo::new(move |_| {
        let (observed, model) = (observed.get()?, additive.get()?);
        let (data, split) = (prot.data.get()?, prot.split_now()?);
        let predicted: Vec<f64> = split
            .split
            .test
            .iter()
            .map(|&i| model.predict(&data.substitutions[i]))
            .collect();
        Some(report(&observed, &predicted, split.scaler.mean))
    });
    let points = Signal::derive(move || match (observed.get(), predictions.get()) {
        (Some(o), Some(p)) if o.len() == p.len() => o.into_iter().zip(p).collect(),
        _ => Vec::new(),
    });
    let cell = move |of: Memo<Option<RegressionReport>>, pick: fn(&RegressionReport) -> f64| {
        move || {
            of.get().map_or_else(
                || "…".to_string(),
                |r| crate::lang::numbers::signed(pick(&r), 4),
            )
        }
    };
    let description = Signal::derive(move || {
        let lang = lang.get();
        network.get().map_or_else(String::new, |r| {
            lang.pick(
                format!(
                    "테스트 변이의 예측 점수와 측정 점수 산점도, r² = {:.3}",
                    r.r2
                ),
                format!(
                    "Predicted against measured scores of the test variants, r² = {:.3}",
                    r.r2
                ),
            )
        })
    });
    let verdict = move || {
        let (n, a) = (network.get()?, linear.get()?);
        let lang = lang.get();
        let number = |v: f64| crate::lang::numbers::signed(v, 3);
        let (network_r2, additive_r2, gap) = (number(n.r2), number(a.r2), number(n.r2 - a.r2));
        // Below 0.02 the network explains nothing the additive model does not (the linear preset,
        // or a network that has not learned the interactions).
        Some(if n.r2 - a.r2 >= 0.02 {
            lang.pick(
                format!("신경망 r² {network_r2}, 가산 모델 r² {additive_r2}. 차이 {gap}만큼이 효과를 더하기만 해서는 설명되지 않는 부분, 곧 돌연변이들이 서로 얽혀 내는 효과(비선형)입니다."),
                format!("Network r² {network_r2}, additive model r² {additive_r2}. The difference, {gap}, is what adding effects cannot explain: mutations acting together (nonlinearly)."),
            )
        } else {
            lang.pick(
                format!("신경망 r² {network_r2}, 가산 모델 r² {additive_r2} (차이 {gap}). 이 신경망은 가산 모델보다 더 설명하지 못합니다. 효과를 더하기만 하는 구조이거나, 돌연변이들이 얽혀 내는 효과를 아직 배우지 못했습니다."),
                format!("Network r² {network_r2}, additive model r² {additive_r2} (difference {gap}). This network explains no more than the additive model: either its architecture only adds effects, or it has not learned how mutations act together yet."),
            )
        })
    };
    view! {
        <section class="panel" aria-labelledby="prot-step-4">
            <h2 id="prot-step-4">{tr("4 · 테스트 세트로 평가", "4 · Evaluate on the test set")}</h2>
            <Show
                when=move || network.with(Option::is_some)
                fallback=move || view! { <p class="hint" data-testid="prot-predicting">{move || if current_model(&prot).is_some() {
                    prot.run.predicting_message(lang.get())
                } else {
                    tr("학습을 마치거나 멈추면 여기에 결과가 나옵니다.", "Results appear here once training finishes or is stopped.")().to_string()
                }}</p> }
            >
                <Ko><p>"가산 모델은 훈련 세트에 릿지 회귀(λ = 10)로 맞춘, 자리마다 아미노산마다 효과 하나를 더하는 모델입니다."</p></Ko>
                <En><p>"The additive model adds one effect per position and amino acid, fitted to the training set by ridge regression (λ = 10)."</p></En>
                <div class="results-grid">
                    <Scatter points=points x_label=Bi::new("측정 점수", "measured score") y_label=Bi::new("예측 점수", "predicted score") description=description testid="prot-scatter" />
                    <table class="matrix metrics" data-testid="prot-metrics">
                        <thead>
                            <tr><td></td><th scope="col">{tr("신경망", "network")}</th><th scope="col">{tr("가산 모델", "additive")}</th><th scope="col">{tr("평균 기준선", "mean baseline")}</th></tr>
                        </thead>
                        <tbody>
                            <tr><th scope="row">"r²"</th><td data-testid="prot-r2">{cell(network, |r| r.r2)}</td><td data-testid="prot-additive-r2">{cell(linear, |r| r.r2)}</td><td>{cell(network, |r| r.baseline_r2)}</td></tr>
                            <tr><th scope="row">{tr("피어슨 r", "Pearson r")}</th><td data-testid="prot-pearson">{cell(network, |r| r.pearson)}</td><td>{cell(linear, |r| r.pearson)}</td><td>"–"</td></tr>
                            <tr><th scope="row">"MSE"</th><td>{cell(network, |r| r.mse)}</td><td>{cell(linear, |r| r.mse)}</td><td>{cell(network, |r| r.baseline_mse)}</td></tr>
                            <tr><th scope="row">"MAE"</th><td>{cell(network, |r| r.mae)}</td><td>{cell(linear, |r| r.mae)}</td><td>{cell(network, |r| r.baseline_mae)}</td></tr>
                        </tbody>
                    </table>
                </div>
                <p data-testid="prot-verdict">{verdict}</p>
            </Show>
        </section>
    }
}
