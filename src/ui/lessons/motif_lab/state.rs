//! The motif lab's state: one signal per field of [`MotifSettings`] (each mirrored in the URL),
//! the settings they make, what the core derives from them (the motif, the simulated experiment,
//! the model), and the training run. Panels read it from context.

use crate::bio::motif::Pwm;
use crate::bio::simulate::Placement;
use crate::data::SplitMethod;
use crate::lab::motif::{
    KNOB_RANGES, MotifData, MotifExperiment, MotifLabError, MotifSettings, MotifSource, Output,
    ranges,
};
use crate::nn::{LossSemantics, ModelSpec, Padding, Summary};
use crate::ui::keep::kept;
use crate::ui::state::{use_bounded_param, use_choice_param, use_query_param};
use crate::ui::tasks::now_ms;
use crate::ui::training::TrainingSession;
use crate::ui::widgets::KnobSignals;
use leptos::prelude::*;

/// What the lab keeps for the whole visit ([`kept`]): the run and a pasted motif.
#[derive(Clone, Copy)]
struct Kept {
    run: TrainingSession,
    motif_text: RwSignal<String>,
}

/// Every signal of the lab.
#[derive(Clone, Copy)]
pub struct Lab {
    /// Where the motif comes from (`src`).
    pub source: RwSignal<MotifSource>,
    /// The editable count matrix (`m`).
    pub matrix: RwSignal<String>,
    /// A typed consensus (`cons`).
    pub consensus: RwSignal<String>,
    /// A pasted JASPAR/MEME motif (not in the URL).
    pub motif_text: RwSignal<String>,
    /// Sequence length (`len`).
    pub length: RwSignal<usize>,
    /// Positive sequences (`pos`).
    pub positives: RwSignal<usize>,
    /// Negative sequences (`neg`).
    pub negatives: RwSignal<usize>,
    /// Where the motif is planted (`place`).
    pub placement: RwSignal<Placement>,
    /// Simulation seed (`seed`).
    pub sim_seed: RwSignal<u64>,
    /// Test fraction (`test`).
    pub test_fraction: RwSignal<f64>,
    /// Split seed (`split`).
    pub split_seed: RwSignal<u64>,
    /// How the test rows are drawn (`splitter`).
    pub splitter: RwSignal<SplitMethod>,
    /// Filters of the convolution (`f`).
    pub filters: RwSignal<usize>,
    /// Kernel size (`k`).
    pub kernel: RwSignal<usize>,
    /// Pool size (`p`).
    pub pool: RwSignal<usize>,
    /// Convolution padding (`pad`).
    pub padding: RwSignal<Padding>,
    /// Output activation (`out`).
    pub output: RwSignal<Output>,
    /// Loss semantics (`sem`).
    pub semantics: RwSignal<LossSemantics>,
    /// Epochs, batch, optimiser, learning rate, validation, model seed.
    pub knobs: KnobSignals,
    /// The settings the form shows.
    pub settings: Memo<MotifSettings>,
    /// The motif the positives carry.
    pub motif: Memo<Result<Pwm, MotifLabError>>,
    /// The simulated, split data, with the milliseconds simulation took.
    pub experiment: Memo<Result<(MotifExperiment, f64), MotifLabError>>,
    /// The architecture.
    pub spec: Memo<ModelSpec>,
    /// A fingerprint of everything a run depends on.
    pub job_key: Memo<u64>,
    /// The training run (kept for the visit, saved for the next one).
    pub run: TrainingSession,
}

impl Lab {
    /// The state, starting from the URL's settings (the lecture's where absent).
    pub fn from_url() -> Lab {
        let (d, data) = (MotifSettings::default(), MotifData::default());
        let lab_source = use_choice_param("src", data.source);
        let matrix = use_query_param("m", data.matrix);
        let consensus = use_query_param("cons", data.consensus);
        let kept = kept(|| Kept {
            run: TrainingSession::create().remembered(super::super::motif_lab::LESSON.slug()),
            motif_text: RwSignal::new(data.motif_text),
        });
        kept.run.warm_up();
        let motif_text = kept.motif_text;
        let length = use_bounded_param("len", data.length, ranges::LENGTH);
        let positives = use_bounded_param("pos", data.positives, ranges::POSITIVES);
        let negatives = use_bounded_param("neg", data.negatives, ranges::NEGATIVES);
        let placement = use_choice_param("place", data.placement);
        let sim_seed = use_query_param("seed", data.sim_seed);
        let test_fraction = use_bounded_param("test", data.test_fraction, ranges::TEST_FRACTION);
        let split_seed = use_bounded_param("split", data.split_seed, ranges::SPLIT_SEED);
        let splitter = use_choice_param("splitter", data.splitter);
        let filters = use_bounded_param("f", d.filters, ranges::FILTERS);
        let kernel = use_bounded_param("k", d.kernel, ranges::KERNEL);
        let pool = use_bounded_param("p", d.pool, ranges::POOL);
        let padding = use_choice_param("pad", d.padding);
        let output = use_choice_param("out", d.output);
        let semantics = use_choice_param("sem", d.semantics);
        let knobs = KnobSignals::from_url(d.knobs, KNOB_RANGES);
        let data = Memo::new(move |_| MotifData {
            source: lab_source.get(),
            matrix: matrix.get(),
            consensus: consensus.get(),
            motif_text: motif_text.get(),
            length: length.get(),
            positives: positives.get(),
            negatives: negatives.get(),
            placement: placement.get(),
            sim_seed: sim_seed.get(),
            test_fraction: test_fraction.get(),
            split_seed: split_seed.get(),
            splitter: splitter.get(),
        });
        let settings = Memo::new(move |_| MotifSettings {
            data: data.get(),
            filters: filters.get(),
            kernel: kernel.get(),
            pool: pool.get(),
            padding: padding.get(),
            output: output.get(),
            semantics: semantics.get(),
            knobs: knobs.get(),
        });
        // The data depend on the data settings only: a new learning rate simulates nothing again.
        let motif = Memo::new(move |_| data.with(MotifData::motif));
        let experiment = Memo::new(move |_| {
            let motif = motif.get()?;
            let start = now_ms();
            let experiment = data.with(|d| d.experiment(&motif))?;
            Ok((experiment, now_ms() - start))
        });
        Lab {
            source: lab_source,
            matrix,
            consensus,
            motif_text,
            length,
            positives,
            negatives,
            placement,
            sim_seed,
            test_fraction,
            split_seed,
            splitter,
            filters,
            kernel,
            pool,
            padding,
            output,
            semantics,
            knobs,
            settings,
            motif,
            experiment,
            spec: Memo::new(move |_| settings.with(MotifSettings::spec)),
            job_key: Memo::new(move |_| settings.with(MotifSettings::key)),
            run: kept.run,
        }
    }

    /// The summary of the current architecture (or why it cannot be built), counted from the
    /// description alone, and an error if it is too large to train with the current batch size.
    pub fn summary(&self) -> Result<Summary, crate::nn::ModelError> {
        let spec = self.spec.get();
        let summary = spec.summary()?;
        spec.check_training(self.knobs.batch.get(), &crate::nn::MODEL_LIMITS)?;
        Ok(summary)
    }

    /// Whether the current model belongs to the current settings (an imported model always does).
    pub fn model_is_current(&self) -> bool {
        self.run.has_model_for(self.job_key.get())
    }
}
