//! Step 4 of the motif lab: training in the Web Worker, through the shared [`TrainControls`].

use super::state::Lab;
use crate::ui::i18n::{Bi, tr};
use crate::ui::widgets::{Metric, TrainControls};
use leptos::prelude::*;

/// Train / Stop / Continue, progress, curves and the epoch log.
#[component]
pub fn TrainPanel() -> impl IntoView {
    let lab = expect_context::<Lab>();
    let train = Callback::new(move |_| {
        let settings = lab.settings.get_untracked();
        let Some(job) = lab
            .experiment
            .with_untracked(|e| e.as_ref().ok().map(|(x, _)| settings.job(x)))
        else {
            return;
        };
        lab.run.start(job, settings.key());
    });
    let ready = Signal::derive(move || lab.experiment.with(Result::is_ok) && lab.summary().is_ok());
    // Guessing the larger class scores its share of the rows.
    let chance = Signal::derive(move || {
        let (p, n) = (lab.positives.get(), lab.negatives.get());
        p.max(n) as f64 / (p + n).max(1) as f64
    });
    view! {
        <section class="panel" aria-labelledby="lab-step-4">
            <h2 id="lab-step-4">{tr("4 · 학습", "4 · Train")}</h2>
            <super::text::TrainText />
            <TrainControls
                session=lab.run
                epochs=lab.knobs.epochs
                ready=ready
                key=lab.job_key
                on_train=train
                metric=Metric::Accuracy
                loss_label=Bi::new("손실", "loss")
                chance=chance
            />
        </section>
    }
}
