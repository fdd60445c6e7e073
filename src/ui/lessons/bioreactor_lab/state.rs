//! The bioreactor lab's state: one signal per field of [`Settings`] (each mirrored in the URL;
//! the shared knobs under [`crate::lab::knobs::keys`]), the upload and its verdicts, the runs
//! (simulated in short tasks, or read from the file), what the core derives from them, and the
//! training runs. Panels read it from context.

use super::runs_panel::RunScore;
use super::work::{Generation, simulate_chunked};
use crate::data::csv::{
    Limits, TabularFileError, TabularLayout, TabularPreview, TabularTable, preview_tabular,
    read_tabular,
};
use crate::lab::bioreactor::RunPlan;
use crate::lab::bioreactor::settings::ranges;
use crate::lab::bioreactor::{
    Condition, DataSource, KNOB_RANGES, LabData, LinearFit, Params, Scaling, Settings, runs_table,
};
use crate::lab::knobs::keys;
use crate::lang::Lang;
use crate::nn::ModelSpec;
use crate::training::job::TrainJob;
use crate::ui::keep::kept;
use crate::ui::state::{use_bounded_param, use_choice_param};
use crate::ui::tasks::now_ms;
use crate::ui::training::{QueueStore, TrainingSession};
use crate::ui::widgets::KnobSignals;
use leptos::prelude::*;
use std::sync::Arc;

pub use super::problems::{DataProblem, MIN_RUNS, Simulated};

/// What the lab keeps for the whole visit ([`kept`]): the runs, the upload and its columns, the
/// simulated runs and the design they were made for, an imported model's scaling, the simulator's
/// optimum and the "how many runs" experiment.
#[derive(Clone, Copy)]
struct Kept {
    run: TrainingSession,
    runs_run: TrainingSession,
    upload: RwSignal<Option<(String, Arc<Vec<u8>>)>>,
    layout: RwSignal<Option<TabularLayout>>,
    layout_for: RwSignal<Option<(String, usize)>>,
    simulated: RwSignal<Simulated>,
    simulated_for: StoredValue<Option<Settings>>,
    imported_scaling: RwSignal<Option<Scaling>>,
    true_best: RwSignal<Option<crate::lab::bioreactor::Best>>,
    truth_work: Generation,
    experiment: Experiment,
}

/// The "how many runs" experiment as kept for the visit: its queue, each point's plan and data.
#[derive(Clone, Copy)]
pub struct Experiment {
    /// The series of runs and their scores.
    pub queue: QueueStore<RunScore>,
    /// The plan of each point.
    pub plans: RwSignal<Vec<RunPlan>>,
    /// The runs of each point, split and standardised.
    pub datasets: StoredValue<Vec<Arc<LabData>>>,
}

/// Every signal of the bioreactor lab.
#[derive(Clone, Copy)]
pub struct Bio {
    /// Simulated runs or an upload (`data`).
    pub source: RwSignal<DataSource>,
    /// The design (`design`).
    pub design: RwSignal<crate::lab::bioreactor::DesignKind>,
    /// Simulated runs (`n`).
    pub runs: RwSignal<usize>,
    /// Seed of the design, the noise and the split (`seed`).
    pub seed: RwSignal<u64>,
    /// Measurement noise, coefficient of variation (`noise`).
    pub noise_cv: RwSignal<f64>,
    /// Test fraction (`test`).
    pub test_fraction: RwSignal<f64>,
    /// The network (`model`).
    pub model: RwSignal<crate::lab::bioreactor::ModelPreset>,
    /// Custom: hidden layers (`hl`).
    pub hidden_layers: RwSignal<usize>,
    /// Custom: units per hidden layer (`hu`).
    pub hidden_units: RwSignal<usize>,
    /// Epochs, batch, optimiser, learning rate, validation, patience, model seed.
    pub knobs: KnobSignals,
    /// The settings the form shows.
    pub settings: Memo<Settings>,
    /// The uploaded file's name and bytes.
    pub upload: RwSignal<Option<(String, Arc<Vec<u8>>)>>,
    /// The upload's preview (its guessed layout).
    pub upload_preview: Memo<Option<Result<TabularPreview, TabularFileError>>>,
    /// The columns the student chose (from the preview's guess).
    pub layout: RwSignal<Option<TabularLayout>>,
    /// The upload's rows and verdicts.
    pub upload_table: Memo<Option<Result<TabularTable, TabularFileError>>>,
    /// The simulated runs.
    pub simulated: RwSignal<Simulated>,
    /// The runs split and standardised, or why there are none.
    pub data_result: Memo<Result<Arc<LabData>, DataProblem>>,
    /// The runs split and standardised.
    pub data: Memo<Option<Arc<LabData>>>,
    /// Whether the data are the simulator's (so the truth can be drawn and proposals run).
    pub simulated_data: Memo<bool>,
    /// The closed-form plane on the training runs.
    pub linear: Memo<Option<Arc<LinearFit>>>,
    /// The network.
    pub spec: Memo<ModelSpec>,
    /// A fingerprint of everything a run depends on.
    pub job_key: Memo<u64>,
    /// The main training run.
    pub run: TrainingSession,
    /// The "how many runs" experiment's runs.
    pub runs_run: TrainingSession,
    /// The standardisation of an imported model (it replaces the data's).
    pub imported_scaling: RwSignal<Option<Scaling>>,
    /// The simulator's best conditions within the ranges, once found (searched in short tasks
    /// the first time something needs it).
    pub true_best: RwSignal<Option<crate::lab::bioreactor::Best>>,
    /// That search's requests (none until something needs the optimum; it stops with the page).
    pub truth_work: Generation,
    /// The "how many runs" experiment.
    pub experiment: Experiment,
    /// The response surface's horizontal feature column (`sx`).
    pub surface_x: RwSignal<usize>,
    /// Its vertical feature column (`sy`).
    pub surface_y: RwSignal<usize>,
}

/// A feature column's index (the surface's axes; a table has fewer, and a larger index is read
/// as its last column).
pub const COLUMN: crate::bounds::Bounds<usize> = crate::bounds::Bounds::new(0, 63);

/// The simulator's constants (the lab does not change them).
pub const PARAMS: Params = Params::E_COLI;

impl Bio {
    /// The state, from the URL (defaults where absent).
    pub fn from_url() -> Bio {
        let d = Settings::default();
        let source = use_choice_param("data", d.source);
        let design = use_choice_param("design", d.design);
        let runs = use_bounded_param("n", d.runs, ranges::RUNS);
        let seed = use_bounded_param("seed", d.seed, ranges::SEED);
        let noise_cv = use_bounded_param("noise", d.noise_cv, ranges::NOISE_CV);
        let test_fraction = use_bounded_param(keys::TEST, d.test_fraction, ranges::TEST_FRACTION);
        let model = use_choice_param("model", d.model);
        let hidden_layers = use_bounded_param("hl", d.hidden_layers, ranges::HIDDEN_LAYERS);
        let hidden_units = use_bounded_param("hu", d.hidden_units, ranges::HIDDEN_UNITS);
        let knobs = KnobSignals::from_url(d.knobs, KNOB_RANGES);
        let settings = Memo::new(move |_| Settings {
            source: source.get(),
            design: design.get(),
            runs: runs.get(),
            seed: seed.get(),
            noise_cv: noise_cv.get(),
            test_fraction: test_fraction.get(),
            model: model.get(),
            hidden_layers: hidden_layers.get(),
            hidden_units: hidden_units.get(),
            knobs: knobs.get(),
        });
        let kept = kept(|| {
            let slug = super::super::bioreactor_lab::LESSON.slug();
            let kept = Kept {
                run: TrainingSession::create().remembered(slug),
                runs_run: TrainingSession::create(),
                upload: RwSignal::new(None),
                layout: RwSignal::new(None),
                layout_for: RwSignal::new(None),
                simulated: RwSignal::new(Simulated::Running(0, d.runs)),
                simulated_for: StoredValue::new(None),
                imported_scaling: RwSignal::new(None),
                true_best: RwSignal::new(None),
                truth_work: Generation::new(),
                experiment: Experiment {
                    queue: QueueStore::new(),
                    plans: RwSignal::new(Vec::new()),
                    datasets: StoredValue::new(Vec::new()),
                },
            };
            crate::ui::saved::keep_upload_and_columns(
                slug,
                kept.upload,
                kept.layout,
                kept.layout_for,
            );
            kept
        });
        kept.run.warm_up();
        let (upload, layout) = (kept.upload, kept.layout);
        let upload_preview = Memo::new(move |_| {
            upload.with(|u| {
                u.as_ref()
                    .map(|(_, bytes)| preview_tabular(bytes, Limits::default()))
            })
        });
        // A new file starts from its guessed columns; the columns chosen for the file already read
        // stay when the page opens again.
        Effect::new(move || {
            let file = upload.with(|u| u.as_ref().map(|(n, b)| (n.clone(), b.len())));
            if file.is_some() && kept.layout_for.get_untracked() == file {
                return;
            }
            kept.layout_for.set(file);
            layout.set(upload_preview.with(|p| {
                p.as_ref()
                    .and_then(|p| p.as_ref().ok())
                    .map(|p| p.layout.clone())
            }))
        });
        let upload_table = Memo::new(move |_| {
            let layout = layout.get()?;
            upload.with(|u| {
                u.as_ref()
                    .map(|(_, bytes)| read_tabular(bytes, &layout, Limits::default()))
            })
        });
        // The simulation depends on the design settings only, and runs in short tasks; a newer
        // request makes an older one stop.
        // The runs already simulated for the same design are not simulated again.
        let simulated = kept.simulated;
        let generation = Generation::new();
        let plan = Memo::new(move |_| {
            (source.get() == DataSource::Sim).then(|| Settings {
                design: design.get(),
                runs: runs.get(),
                seed: seed.get(),
                noise_cv: noise_cv.get(),
                ..Settings::default()
            })
        });
        Effect::new(move || {
            let Some(plan) = plan.get() else { return };
            if kept.simulated_for.get_value().as_ref() == Some(&plan)
                && simulated.with_untracked(|s| matches!(s, Simulated::Ready(..)))
            {
                return;
            }
            kept.simulated_for.set_value(Some(plan.clone()));
            let ticket = generation.next();
            leptos::task::spawn_local(async move {
                let start = now_ms();
                let runs = simulate_chunked(&plan, &PARAMS, ticket, |done, total| {
                    simulated.try_set(Simulated::Running(done, total));
                })
                .await;
                if let Some(runs) = runs {
                    simulated.try_set(Simulated::Ready(Arc::new(runs), now_ms() - start));
                }
            });
        });
        let data_result = Memo::new(move |_| {
            let (fraction, split_seed) = (test_fraction.get(), seed.get());
            let table = match source.get() {
                DataSource::Sim => match simulated.get() {
                    Simulated::Running(..) => return Err(DataProblem::Simulating),
                    // Column names in English whatever the page's language: switching language
                    // changes no data, no key and no file.
                    Simulated::Ready(runs, _) => runs_table(&runs, Lang::En),
                },
                DataSource::Upload => match upload_table.get() {
                    None => {
                        return Err(upload_preview.with(|p| match p {
                            Some(Err(e)) => DataProblem::File(e.clone()),
                            _ => DataProblem::NoFile,
                        }));
                    }
                    Some(Err(e)) => return Err(DataProblem::File(e)),
                    Some(Ok(read)) => read.table,
                },
            };
            if table.len() < MIN_RUNS {
                return Err(DataProblem::TooFew(table.len()));
            }
            LabData::new(table, fraction, split_seed)
                .map(Arc::new)
                .map_err(DataProblem::Data)
        });
        let data = Memo::new(move |_| data_result.get().ok());
        let simulated_data =
            Memo::new(move |_| source.get() == DataSource::Sim && data.with(Option::is_some));
        let linear = Memo::new(move |_| data.get().map(|d| Arc::new(d.linear_fit())));
        // Which rows the settings apply to: an upload is named by its file, size and columns.
        let rows_id = Memo::new(move |_| {
            if source.get() == DataSource::Sim {
                return 0;
            }
            upload.with(|u| {
                let file = u.as_ref().map(|(n, b)| (n.clone(), b.len()));
                crate::lab::fingerprint(&(file, layout.get().map(|l| format!("{l:?}"))))
            })
        });
        let features = Memo::new(move |_| {
            data.with(|d| {
                d.as_ref()
                    .map_or(Condition::ALL.len(), |d| d.table.feature_count())
            })
        });
        let spec = Memo::new(move |_| settings.with(|s| s.spec(features.get())));
        let job_key = Memo::new(move |_| settings.with(|s| s.key(rows_id.get())));
        Bio {
            source,
            design,
            runs,
            seed,
            noise_cv,
            test_fraction,
            model,
            hidden_layers,
            hidden_units,
            knobs,
            settings,
            upload,
            upload_preview,
            layout,
            upload_table,
            simulated,
            data_result,
            data,
            simulated_data,
            linear,
            spec,
            job_key,
            run: kept.run,
            runs_run: kept.runs_run,
            imported_scaling: kept.imported_scaling,
            true_best: kept.true_best,
            truth_work: kept.truth_work,
            experiment: kept.experiment,
            surface_x: use_bounded_param("sx", Condition::Temperature.index(), COLUMN),
            surface_y: use_bounded_param("sy", Condition::FeedRate.index(), COLUMN),
        }
    }

    /// Puts `settings` into the form (and so into the URL).
    pub fn apply(&self, settings: &Settings) {
        self.source.set(settings.source);
        self.design.set(settings.design);
        self.runs.set(settings.runs);
        self.seed.set(settings.seed);
        self.noise_cv.set(settings.noise_cv);
        self.test_fraction.set(settings.test_fraction);
        self.model.set(settings.model);
        self.hidden_layers.set(settings.hidden_layers);
        self.hidden_units.set(settings.hidden_units);
        self.knobs.apply(settings.knobs);
    }

    /// The worker's job for the current settings, if there are runs.
    pub fn job(&self) -> Option<TrainJob> {
        let data = self.data.get_untracked()?;
        Some(self.settings.with_untracked(|s| s.job(&data)))
    }

    /// The standardisation in force: an imported model's, else the data's (tracked).
    pub fn scaling(&self) -> Option<Scaling> {
        self.imported_scaling
            .get()
            .or_else(|| self.data.with(|d| d.as_ref().map(|d| d.scaling.clone())))
    }

    /// The range of every feature column: the design's for simulated runs, the training runs'
    /// span for an upload (tracked).
    pub fn feature_ranges(&self) -> Option<Vec<crate::bounds::Bounds<f64>>> {
        let simulated = self.simulated_data.get();
        self.data.with(|d| {
            d.as_ref().map(|d| {
                if simulated {
                    crate::lab::bioreactor::ranges().to_vec()
                } else {
                    crate::lab::bioreactor::surface::column_ranges(&d.features(&d.split.train))
                }
            })
        })
    }

    /// The feature columns' names in `lang` (the conditions' names for simulated runs, the
    /// file's otherwise; tracked).
    pub fn feature_names(&self, lang: Lang) -> Vec<String> {
        if self.simulated_data.get() {
            return Condition::ALL.iter().map(|c| c.column(lang)).collect();
        }
        self.data.with(|d| {
            d.as_ref()
                .map(|d| d.table.feature_columns().to_vec())
                .unwrap_or_default()
        })
    }

    /// The current model's weights, if they belong to the current settings (tracked).
    pub fn model(&self) -> Option<crate::nn::SavedModel> {
        self.run.trained_model(self.job_key.get())
    }
}
