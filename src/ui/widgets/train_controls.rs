//! Train / Stop / Continue with the progress bar, the status line, the timing, the live curves
//! and the Keras-like epoch log of a [`TrainingSession`].

use crate::training::{History, StopReason, diagnose};
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::plots::{LineChart, Series};
use crate::ui::training::{Status, TrainingSession};
use leptos::prelude::*;

/// Curve colours: training solid blue, validation dashed orange.
const TRAIN_COLOR: (u8, u8, u8) = (37, 92, 153);
const VALIDATION_COLOR: (u8, u8, u8) = (222, 120, 0);

/// Which second metric a run reports beside the loss.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    /// Accuracy (classification).
    Accuracy,
    /// r² (regression).
    R2,
}

/// The training and validation curves of the loss (`None`) or of `metric`.
fn curves(history: &History, metric: Option<Metric>) -> Vec<Series> {
    let pick = |train: bool| -> Vec<(f64, f64)> {
        history
            .epochs
            .iter()
            .filter_map(|e| {
                let value = match (metric, train) {
                    (None, true) => Some(e.loss),
                    (None, false) => e.val_loss,
                    (Some(Metric::Accuracy), true) => e.accuracy,
                    (Some(Metric::Accuracy), false) => e.val_accuracy,
                    (Some(Metric::R2), true) => e.r2,
                    (Some(Metric::R2), false) => e.val_r2,
                };
                value.map(|v| (e.epoch as f64, v))
            })
            .collect()
    };
    let (train, validation) = match metric {
        None => (
            Bi::new("훈련 손실", "loss"),
            Bi::new("검증 손실", "val_loss"),
        ),
        Some(Metric::Accuracy) => (
            Bi::new("훈련 정확도", "accuracy"),
            Bi::new("검증 정확도", "val_accuracy"),
        ),
        Some(Metric::R2) => (Bi::new("훈련 r²", "r²"), Bi::new("검증 r²", "val_r²")),
    };
    vec![
        Series {
            name: train,
            color: TRAIN_COLOR,
            dashed: false,
            points: pick(true),
        },
        Series {
            name: validation,
            color: VALIDATION_COLOR,
            dashed: true,
            points: pick(false),
        },
    ]
}

/// The controls and live view of a training run.
#[component]
pub fn TrainControls(
    /// The run.
    session: TrainingSession,
    /// Epochs asked for (for the progress bar and for Continue after the end).
    #[prop(into)]
    epochs: Signal<usize>,
    /// Whether the settings allow training now (valid data and architecture).
    #[prop(into)]
    ready: Signal<bool>,
    /// Fingerprint of the current settings.
    #[prop(into)]
    key: Signal<u64>,
    /// Starts a run with the current settings.
    on_train: Callback<()>,
    /// The metric beside the loss.
    metric: Metric,
    /// The loss's name on the chart (e.g. "loss (MSE)").
    loss_label: Bi,
    /// For classification: the share of the most common class, so a finished run is diagnosed
    /// (not learning, overfitting, good fit…) beside its curves.
    #[prop(optional, into)]
    chance: Option<Signal<f64>>,
) -> impl IntoView {
    let lang = use_lang();
    let can_train = move || session.worker_ready.get() && !session.is_busy() && ready.get();
    let target_epochs = move || session.history.with(|h| h.epochs.len()).max(epochs.get());
    let progress = move || {
        session
            .progress
            .get()
            .map_or(0.0, |(epoch, batch, batches, _)| {
                ((epoch - 1) * batches + batch) as f64 / (target_epochs() * batches).max(1) as f64
            })
    };
    let progress_text = move || {
        let lang = lang.get();
        // A diverged run's last report is older than the batch that diverged: the status says it.
        if session.status.with(Status::is_error) {
            return None;
        }
        session.progress.get().map(|(epoch, batch, batches, loss)| {
            lang.pick(
                format!(
                    "에포크 {epoch}/{} · 배치 {batch}/{batches} · 손실 {loss:.4}",
                    target_epochs()
                ),
                format!(
                    "Epoch {epoch}/{} · batch {batch}/{batches} · loss {loss:.4}",
                    target_epochs()
                ),
            )
        })
    };
    let timing = move || {
        let lang = lang.get();
        let (_, took) = session.train_ms.get();
        took.map(|train| {
            let speed = session.samples_per_second.get().map(|s| {
                lang.pick(
                    format!(" · 작업자 속도 {s:.0} 샘플/초"),
                    format!(" · worker speed {s:.0} samples/s"),
                )
            });
            lang.pick(
                format!("학습 {train:.0} ms{}", speed.clone().unwrap_or_default()),
                format!("training {train:.0} ms{}", speed.unwrap_or_default()),
            )
        })
    };
    // One text node per epoch, added as epochs arrive (rewriting the whole log every epoch made
    // Chromium re-lay-out the page for 30–50 ms in the motif lab's trace).
    let log = move || {
        session.history.with(|h| {
            h.epochs
                .iter()
                .enumerate()
                .map(|(i, e)| (i, format!("{e}\n")))
                .collect::<Vec<_>>()
        })
    };
    let diagnosis = move || {
        let chance = chance?.get();
        let reason = match session.status.get() {
            Status::Finished(reason) => reason,
            _ => return None,
        };
        let lang = lang.get();
        session
            .history
            .with(|h| diagnose(h, Some(&reason), chance))
            .map(|d| format!("{}: {}", d.label(lang), d.advice(lang)))
    };
    // Continue after a stop picks up the planned epochs; after the end it adds as many again.
    let continue_label = move || {
        let lang = lang.get();
        if matches!(
            session.status.get(),
            Status::Finished(StopReason::Completed | StopReason::EarlyStopped { .. })
        ) {
            let more = epochs.get();
            lang.pick(
                format!("{more} 에포크 더 학습"),
                format!("Train {more} more epochs"),
            )
        } else {
            lang.pick("계속하기", "Continue").to_string()
        }
    };
    let (metric_label, metric_range) = match metric {
        Metric::Accuracy => (Bi::new("정확도", "accuracy"), Some((0.0, 1.0))),
        Metric::R2 => (
            // The axis title: the page explains r² (the coefficient of determination) in words.
            Bi::new("결정 계수 r²", "r²"),
            None,
        ),
    };
    view! {
        <div class="buttons">
            <button type="button" class="primary" data-testid="train" on:click=move |_| on_train.run(()) disabled=move || !can_train()>
                {tr("학습 시작", "Train")}
            </button>
            <button type="button" data-testid="stop" on:click=move |_| session.stop() disabled=move || !session.is_busy()>
                {tr("멈추기", "Stop")}
            </button>
            <button type="button" data-testid="continue" on:click=move |_| session.resume(epochs.get_untracked()) disabled=move || !session.can_resume(key.get())>
                {continue_label}
            </button>
        </div>
        <Show when=move || !session.worker_ready.get() && !matches!(session.status.get(), Status::Failed(..))>
            <p class="hint" role="status">{tr("학습 엔진(WebAssembly)을 불러오는 중…", "Loading the training engine (WebAssembly)…")}</p>
        </Show>
        <Show when=move || session.restored.get()>
            <p class="notice" role="status" data-testid="restored">
                {tr("지난 방문에서 학습한 모델과 곡선, 설정을 불러왔습니다. ", "Restored from your last visit: the model, its curves and its settings. ")}
                <button type="button" class="link-button" data-testid="forget-restored" on:click=move |_| session.forget()>
                    {tr("지우기", "Clear")}
                </button>
            </p>
        </Show>
        <Show when=move || session.not_saved.get()>
            <p class="hint" role="status" data-testid="not-saved">{tr("이 브라우저에 저장하지 못했습니다 (저장 공간이 막혀 있거나 가득 찼습니다). 모델은 이 탭을 닫을 때까지 남아 있습니다.", "Not saved in this browser (storage is blocked or full): the model stays until this tab is closed.")}</p>
        </Show>
        <Show when=move || session.is_stale(key.get())>
            <p class="notice">{tr("학습한 뒤에 설정이 바뀌었습니다. 다시 학습하세요.", "The settings changed since this model was trained: train again.")}</p>
        </Show>
        <progress max="1" value=progress aria-label=tr("학습 진행", "Training progress")></progress>
        <p role="status" data-testid="train-status" class=move || if session.status.with(Status::is_error) { "error" } else { "" }>
            {move || session.status.with(|s| s.message(lang.get()))}
            " "
            {progress_text}
        </p>
        <p class="timing" data-testid="timing">{timing}</p>
        {move || diagnosis().map(|text| view! { <p class="notice" data-testid="diagnosis">{text}</p> })}
        <div class="plot-grid">
            <LineChart series=Signal::derive(move || session.history.with(|h| curves(h, None))) x_label=Bi::new("에포크", "epoch") y_label=loss_label testid="loss-chart" />
            {match metric_range {
                Some(range) => view! {
                    <LineChart series=Signal::derive(move || session.history.with(|h| curves(h, Some(metric)))) x_label=Bi::new("에포크", "epoch") y_label=metric_label y_range=range testid="metric-chart" />
                }.into_any(),
                None => view! {
                    <LineChart series=Signal::derive(move || session.history.with(|h| curves(h, Some(metric)))) x_label=Bi::new("에포크", "epoch") y_label=metric_label testid="metric-chart" />
                }.into_any(),
            }}
        </div>
        <details open>
            <summary>{tr("에포크 기록 (Keras와 같은 형식)", "Epoch log (as Keras prints it)")}</summary>
            <pre class="log" role="region" data-testid="epoch-log" tabindex="0" aria-label=tr("에포크 기록", "Epoch log")><For each=log key=|(i, line)| (*i, line.clone()) let((_, line))>{line}</For></pre>
        </details>
    }
}
