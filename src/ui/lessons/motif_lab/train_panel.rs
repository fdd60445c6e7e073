//! Step 4 of the motif lab: training in the Web Worker with live progress, curves and log; Stop
//! (within one batch) and Continue.

use super::state::{Lab, Status};
use crate::lang::Lang;
use crate::training::History;
use crate::training::job::{FromWorker, ToWorker, TrainJob};
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::plots::{LineChart, Series};
use crate::ui::worker::TrainingWorker;
use leptos::prelude::*;

/// Curve colours: training solid blue, validation dashed orange.
const TRAIN_COLOR: (u8, u8, u8) = (37, 92, 153);
const VALIDATION_COLOR: (u8, u8, u8) = (222, 120, 0);

fn handle(lab: Lab, message: FromWorker) {
    match message {
        FromWorker::Ready => lab.worker_ready.set(true),
        FromWorker::Started { batches, .. } => {
            lab.batches.set(batches);
            lab.status.set(Status::Running);
        }
        FromWorker::Batch {
            epoch,
            batch,
            batches,
            loss,
        } => lab.progress.set(Some((epoch, batch, batches, loss))),
        FromWorker::Epoch { record } => lab.push_epoch(record),
        FromWorker::Paused { model, history } => {
            lab.stop_clock();
            lab.history.set(history);
            lab.status.set(Status::Paused);
            hand_over(lab, model);
        }
        FromWorker::Finished {
            reason,
            model,
            history,
            samples_per_second,
        } => {
            lab.stop_clock();
            lab.history.set(history);
            lab.samples_per_second.set(Some(samples_per_second));
            lab.status.set(Status::Finished(reason));
            hand_over(lab, model);
        }
        FromWorker::Failed { ko, en } => lab.status.set(Status::Failed(ko, en)),
    }
}

/// Gives the trained weights to the evaluation and interpretation in a task of their own, after the
/// status and curves have been shown, so no single main-thread task grows long.
fn hand_over(lab: Lab, model: crate::nn::SavedModel) {
    set_timeout(
        move || lab.model.set(Some(model)),
        std::time::Duration::ZERO,
    );
}

/// Curves of one metric (`loss` or `accuracy`) for training and validation.
fn curves(history: &History, accuracy: bool) -> Vec<Series> {
    let pick = |train: bool| -> Vec<(f64, f64)> {
        history
            .epochs
            .iter()
            .filter_map(|e| {
                let value = match (accuracy, train) {
                    (false, true) => Some(e.loss),
                    (false, false) => e.val_loss,
                    (true, true) => e.accuracy,
                    (true, false) => e.val_accuracy,
                };
                value.map(|v| (e.epoch as f64, v))
            })
            .collect()
    };
    let (train, validation) = if accuracy {
        (
            Bi::new("학습 정확도", "accuracy"),
            Bi::new("검증 정확도", "val_accuracy"),
        )
    } else {
        (
            Bi::new("학습 손실", "loss"),
            Bi::new("검증 손실", "val_loss"),
        )
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

fn status_text(status: &Status, lang: Lang) -> String {
    match status {
        Status::Idle => lang
            .pick("아직 학습하지 않았습니다.", "Not trained yet.")
            .to_string(),
        Status::Starting => lang
            .pick(
                "학습 작업자를 준비하는 중…",
                "Starting the training worker…",
            )
            .to_string(),
        Status::Running => lang
            .pick(
                "학습 중 (Web Worker에서, 페이지는 계속 반응합니다)",
                "Training (in a Web Worker; the page stays responsive)",
            )
            .to_string(),
        Status::Paused => lang
            .pick(
                "멈춤. 계속하기를 누르면 이어서 학습합니다.",
                "Stopped. Continue picks up where it left off.",
            )
            .to_string(),
        Status::Finished(reason) => reason.message(lang),
        Status::Failed(ko, en) => lang.pick(ko.clone(), en.clone()),
    }
}

/// Train / Stop / Continue, progress, curves and the epoch log.
#[component]
pub fn TrainPanel() -> impl IntoView {
    let lab = expect_context::<Lab>();
    let lang = use_lang();
    let worker = StoredValue::new_local(None::<TrainingWorker>);
    on_cleanup(move || worker.update_value(|w| *w = None));
    let ensure_worker = move || {
        worker.update_value(|w| {
            if w.is_none() {
                match TrainingWorker::spawn(move |m| handle(lab, m)) {
                    Ok(spawned) => *w = Some(spawned),
                    Err(e) => lab.status.set(Status::Failed(
                        format!("학습 작업자를 만들 수 없습니다: {e:?}"),
                        format!("The training worker could not be created: {e:?}"),
                    )),
                }
            }
        });
    };
    // Start the worker as soon as the lab is shown: loading and compiling its WebAssembly then
    // happens while the student reads, not while the first epoch is drawn.
    set_timeout(ensure_worker, std::time::Duration::ZERO);
    let send = move |message: ToWorker| {
        ensure_worker();
        worker.with_value(|w| {
            if let Some(w) = w {
                w.send(&message);
            }
        });
    };
    let train = move |_| {
        let Some(train) = lab
            .experiment
            .with_untracked(|e| e.as_ref().ok().map(|(x, _)| x.train()))
        else {
            return;
        };
        let job = TrainJob {
            spec: lab.spec.get_untracked(),
            model_seed: lab.model_seed.get_untracked(),
            config: lab.config.get_untracked(),
            train,
            fit_length: None,
        };
        lab.history.set(History::default());
        lab.model.set(None);
        lab.model_key.set(Some(lab.job_key.get_untracked()));
        lab.progress.set(None);
        lab.samples_per_second.set(None);
        lab.status.set(Status::Starting);
        lab.start_clock();
        send(ToWorker::Start(Box::new(job)));
    };
    let stop = move |_| send(ToWorker::Stop);
    let resume = move |_| {
        let more = if matches!(lab.status.get_untracked(), Status::Paused) {
            0
        } else {
            lab.epochs.get_untracked()
        };
        lab.status.set(Status::Running);
        lab.start_clock();
        send(ToWorker::Resume { more_epochs: more });
    };
    let busy = move || matches!(lab.status.get(), Status::Starting | Status::Running);
    let can_train = move || {
        lab.worker_ready.get()
            && !busy()
            && lab.experiment.with(Result::is_ok)
            && lab.summary().is_ok()
    };
    let can_resume = move || {
        lab.model_key.get().is_some()
            && lab.model_is_current()
            && matches!(
                lab.status.get(),
                Status::Paused
                    | Status::Finished(
                        crate::training::StopReason::Completed
                            | crate::training::StopReason::EarlyStopped { .. }
                    )
            )
    };
    let stale =
        move || lab.model_key.get().is_some() && lab.model_key.get() != Some(lab.job_key.get());
    let target_epochs = move || lab.history.with(|h| h.epochs.len()).max(lab.epochs.get());
    let progress = move || {
        lab.progress
            .get()
            .map_or(0.0, |(epoch, batch, batches, _)| {
                ((epoch - 1) * batches + batch) as f64 / (target_epochs() * batches).max(1) as f64
            })
    };
    let progress_text = move || {
        let lang = lang.get();
        lab.progress.get().map(|(epoch, batch, batches, loss)| {
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
    let log = move || {
        lab.history.with(|h| {
            h.epochs
                .iter()
                .map(|e| format!("{e}\n"))
                .collect::<String>()
        })
    };
    let loss_curves = Signal::derive(move || lab.history.with(|h| curves(h, false)));
    let accuracy_curves = Signal::derive(move || lab.history.with(|h| curves(h, true)));
    let timing = move || {
        let lang = lang.get();
        let sim = lab
            .experiment
            .with(|e| e.as_ref().ok().map(|(_, ms)| *ms))
            .unwrap_or(0.0);
        let (_, took) = lab.train_ms.get();
        took.map(|train| {
            let speed = lab.samples_per_second.get().map(|s| {
                lang.pick(
                    format!(" · 작업자 속도 {s:.0} 샘플/초"),
                    format!(" · worker speed {s:.0} samples/s"),
                )
            });
            lang.pick(
                format!(
                    "시뮬레이션 {sim:.0} ms · 학습 {train:.0} ms{}",
                    speed.clone().unwrap_or_default()
                ),
                format!(
                    "Simulation {sim:.0} ms · training {train:.0} ms{}",
                    speed.unwrap_or_default()
                ),
            )
        })
    };
    view! {
        <section class="panel" aria-labelledby="lab-step-4">
            <h2 id="lab-step-4">{tr("4 · 학습", "4 · Train")}</h2>
            <super::text::TrainText />
            <div class="buttons">
                <button type="button" class="primary" data-testid="train" on:click=train disabled=move || !can_train()>
                    {tr("학습 시작", "Train")}
                </button>
                <button type="button" data-testid="stop" on:click=stop disabled=move || !busy()>
                    {tr("멈추기", "Stop")}
                </button>
                <button type="button" data-testid="continue" on:click=resume disabled=move || !can_resume()>
                    {tr("계속하기", "Continue")}
                </button>
            </div>
            <Show when=move || !lab.worker_ready.get() && !matches!(lab.status.get(), Status::Failed(..))>
                <p class="hint" role="status">{tr("학습 엔진(WebAssembly)을 불러오는 중…", "Loading the training engine (WebAssembly)…")}</p>
            </Show>
            <Show when=stale>
                <p class="notice">{tr("학습한 뒤에 설정이 바뀌었습니다. 다시 학습하세요.", "The settings changed since this model was trained: train again.")}</p>
            </Show>
            <progress max="1" value=progress aria-label=tr("학습 진행", "Training progress")></progress>
            <p role="status" data-testid="train-status" class=move || if matches!(lab.status.get(), Status::Failed(..) | Status::Finished(crate::training::StopReason::Diverged { .. })) { "error" } else { "" }>
                {move || status_text(&lab.status.get(), lang.get())}
                " "
                {progress_text}
            </p>
            <p class="timing" data-testid="timing">{timing}</p>
            <div class="plot-grid">
                <LineChart series=loss_curves x_label=Bi::new("에포크", "epoch") y_label=Bi::new("손실", "loss") testid="loss-chart" />
                <LineChart series=accuracy_curves x_label=Bi::new("에포크", "epoch") y_label=Bi::new("정확도", "accuracy") y_range=(0.0, 1.0) testid="accuracy-chart" />
            </div>
            <details open>
                <summary>{tr("에포크 기록 (Keras와 같은 형식)", "Epoch log (as Keras prints it)")}</summary>
                <pre class="log" data-testid="epoch-log">{log}</pre>
            </details>
        </section>
    }
}
