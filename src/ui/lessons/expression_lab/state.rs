//! The expression lab's state: the data source (built-in real data, simulation or upload), the
//! model and training settings (all in the URL), what is derived from them, and the runs.

use crate::data::csv::{FileError, Layout, Limits, Preview, Table, preview, read};
use crate::lab::expression::{
    Architecture, CustomModel, DataSource, ExpressionData, ExpressionSettings, FitPolicy,
    KNOB_RANGES, Row, Standardizer, ranges, simulate_utrs,
};
use crate::nn::ModelSpec;
use crate::training::job::TrainJob;
use crate::ui::keep::kept;
use crate::ui::state::{use_bounded_param, use_choice_param, use_query_param};
use crate::ui::training::{QueueStore, TrainingSession};
use crate::ui::widgets::KnobSignals;
use leptos::prelude::*;
use std::sync::Arc;

use super::source::fetch_real;
pub use super::source::{DataError, Loaded, MIN_ROWS, REAL_DATA};

/// What the lab keeps for the whole visit ([`kept`]): the runs, the built-in data, the upload and
/// its columns, an imported model's scaling and the learning curve's series.
#[derive(Clone, Copy)]
struct Kept {
    run: TrainingSession,
    curve_run: TrainingSession,
    real: RwSignal<Loaded>,
    upload: RwSignal<Option<(String, Arc<Vec<u8>>)>>,
    layout: RwSignal<Option<Layout>>,
    /// The upload (name, size) whose guessed columns `layout` started from.
    layout_for: RwSignal<Option<(String, usize)>>,
    imported_scaler: RwSignal<Option<Standardizer>>,
    curve: QueueStore<f64>,
    curve_sizes: RwSignal<Vec<usize>>,
}

/// Every signal of the expression lab.
#[derive(Clone, Copy)]
pub struct Expr {
    /// Where the rows come from (`data`).
    pub source: RwSignal<DataSource>,
    /// Simulated rows.
    pub sim_rows: RwSignal<usize>,
    /// Simulated sequence length.
    pub sim_length: RwSignal<usize>,
    /// Simulation seed.
    pub sim_seed: RwSignal<u64>,
    /// The built-in data.
    pub real: RwSignal<Loaded>,
    /// The uploaded file's name and bytes.
    pub upload: RwSignal<Option<(String, Arc<Vec<u8>>)>>,
    /// The upload's preview.
    pub upload_preview: Memo<Option<Result<Preview, FileError>>>,
    /// The columns the student chose (from the preview's guess).
    pub layout: RwSignal<Option<Layout>>,
    /// The upload's rows.
    pub upload_table: Memo<Option<Result<Table, FileError>>>,
    /// Padding or trimming when lengths differ (`fit`).
    pub policy: RwSignal<FitPolicy>,
    /// Length to cut to (0: the shortest sequence).
    pub cut: RwSignal<usize>,
    /// Test fraction.
    pub test_fraction: RwSignal<f64>,
    /// Split seed.
    pub split_seed: RwSignal<u64>,
    /// The architecture (`preset`).
    pub preset: RwSignal<Architecture>,
    /// Custom: convolution layers.
    pub conv_layers: RwSignal<usize>,
    /// Custom: filters per convolution.
    pub filters: RwSignal<usize>,
    /// Custom: kernel size.
    pub kernel: RwSignal<usize>,
    /// Custom: pool size after the convolutions (1: none).
    pub pool: RwSignal<usize>,
    /// Custom: hidden dense units.
    pub dense: RwSignal<usize>,
    /// Epochs, batch, optimiser, learning rate, validation, patience, model seed.
    pub knobs: KnobSignals,
    /// The settings the form shows.
    pub settings: Memo<ExpressionSettings>,
    /// The rows of the chosen source.
    pub rows: Memo<Result<Arc<Vec<Row>>, DataError>>,
    /// Split and standardised, or why there is nothing to train on.
    pub data_result: Memo<Result<Arc<ExpressionData>, DataError>>,
    /// Split and standardised.
    pub data: Memo<Option<Arc<ExpressionData>>>,
    /// The length every sequence is fitted to, and whether fitting is needed.
    pub length: Memo<(usize, Option<usize>)>,
    /// The architecture.
    pub spec: Memo<ModelSpec>,
    /// A fingerprint of everything a run depends on.
    pub job_key: Memo<u64>,
    /// The main training run.
    pub run: TrainingSession,
    /// The learning-curve experiment's runs.
    pub curve_run: TrainingSession,
    /// The standardisation of an imported model (it replaces the data's for display).
    pub imported_scaler: RwSignal<Option<Standardizer>>,
    /// The learning curve's series and test r² scores.
    pub curve: QueueStore<f64>,
    /// The training rows of each point of the learning curve.
    pub curve_sizes: RwSignal<Vec<usize>>,
}

impl Expr {
    /// The state, from the URL (defaults where absent).
    pub fn from_url() -> Expr {
        let d = ExpressionSettings::default();
        let source = use_choice_param("data", d.source);
        let sim_rows = use_bounded_param("n", d.sim_rows, ranges::SIM_ROWS);
        let sim_length = use_bounded_param("len", d.sim_length, ranges::SIM_LENGTH);
        let sim_seed = use_query_param("seed", d.sim_seed);
        let kept = kept(|| {
            let slug = super::super::expression_lab::LESSON.slug();
            let kept = Kept {
                run: TrainingSession::create().remembered(slug),
                curve_run: TrainingSession::create(),
                real: RwSignal::new(Loaded::Idle),
                upload: RwSignal::new(None),
                layout: RwSignal::new(None),
                layout_for: RwSignal::new(None),
                imported_scaler: RwSignal::new(None),
                curve: QueueStore::new(),
                curve_sizes: RwSignal::new(Vec::new()),
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
        let (real, upload, layout) = (kept.real, kept.upload, kept.layout);
        let upload_preview = Memo::new(move |_| {
            upload.with(|u| {
                u.as_ref()
                    .map(|(_, bytes)| preview(bytes, Limits::default()))
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
                    .map(|(_, bytes)| read(bytes, &layout, Limits::default()))
            })
        });
        Effect::new(move || {
            if source.get() == DataSource::Real && real.with_untracked(|r| *r == Loaded::Idle) {
                fetch_real(real);
            }
        });
        let rows = Memo::new(move |_| {
            let rows: Vec<Row> = match source.get() {
                DataSource::Real => match real.get() {
                    Loaded::Ready(table) => rows_of(table),
                    Loaded::Failed(ko, en) => return Err(DataError::Fetch(ko, en)),
                    _ => return Err(DataError::Loading),
                },
                DataSource::Upload => match upload_table.get() {
                    None => {
                        return Err(upload_preview.with(|p| match p {
                            Some(Err(e)) => DataError::File(e.clone()),
                            _ => DataError::NoFile,
                        }));
                    }
                    Some(Err(e)) => return Err(DataError::File(e)),
                    Some(Ok(table)) => rows_of(table),
                },
                DataSource::Sim => simulate_utrs(sim_rows.get(), sim_length.get(), sim_seed.get()),
            };
            if rows.len() < MIN_ROWS {
                return Err(DataError::TooFew(rows.len()));
            }
            Ok(Arc::new(rows))
        });
        // Which rows the settings apply to: an upload is named by its file, size and columns.
        let rows_id = Memo::new(move |_| {
            upload.with(|u| {
                let file = u.as_ref().map(|(n, b)| (n.clone(), b.len()));
                crate::lab::fingerprint(&(file, layout.get().map(|l| format!("{l:?}"))))
            })
        });
        let test_fraction = use_bounded_param("test", d.test_fraction, ranges::TEST_FRACTION);
        let split_seed = use_query_param("split", d.split_seed);
        let data_result = Memo::new(move |_| {
            let rows = rows.get()?;
            ExpressionData::new((*rows).clone(), test_fraction.get(), split_seed.get())
                .map(Arc::new)
                .map_err(DataError::Values)
        });
        let data = Memo::new(move |_| data_result.get().ok());
        let policy = use_choice_param("fit", d.fit);
        let cut = use_bounded_param("cut", d.cut, ranges::CUT);
        let preset = use_choice_param("preset", d.architecture);
        let conv_layers = use_bounded_param("cl", d.custom.conv_layers, ranges::CONV_LAYERS);
        let filters = use_bounded_param("f", d.custom.filters, ranges::FILTERS);
        let kernel = use_bounded_param("k", d.custom.kernel, ranges::KERNEL);
        let pool = use_bounded_param("p", d.custom.pool, ranges::POOL);
        let dense = use_bounded_param("d", d.custom.dense, ranges::DENSE);
        let knobs = KnobSignals::from_url(d.knobs, KNOB_RANGES);
        let settings = Memo::new(move |_| ExpressionSettings {
            source: source.get(),
            sim_rows: sim_rows.get(),
            sim_length: sim_length.get(),
            sim_seed: sim_seed.get(),
            fit: policy.get(),
            cut: cut.get(),
            test_fraction: test_fraction.get(),
            split_seed: split_seed.get(),
            architecture: preset.get(),
            custom: CustomModel {
                conv_layers: conv_layers.get(),
                filters: filters.get(),
                kernel: kernel.get(),
                pool: pool.get(),
                dense: dense.get(),
            },
            knobs: knobs.get(),
        });
        let length = Memo::new(move |_| {
            let range = data.with(|d| d.as_ref().map_or((1, 1), |d| d.length_range()));
            settings.with(|s| s.fitted_length(range))
        });
        let spec = Memo::new(move |_| settings.with(|s| s.spec(length.get().0)));
        let job_key = Memo::new(move |_| settings.with(|s| s.key(rows_id.get())));
        Expr {
            source,
            sim_rows,
            sim_length,
            sim_seed,
            real,
            upload,
            upload_preview,
            layout,
            upload_table,
            policy,
            cut,
            test_fraction,
            split_seed,
            preset,
            conv_layers,
            filters,
            kernel,
            pool,
            dense,
            knobs,
            settings,
            rows,
            data_result,
            data,
            length,
            spec,
            job_key,
            run: kept.run,
            curve_run: kept.curve_run,
            imported_scaler: kept.imported_scaler,
            curve: kept.curve,
            curve_sizes: kept.curve_sizes,
        }
    }

    /// The worker's job for the current settings on the first `limit` training rows (all with
    /// `None`), if there are rows.
    pub fn job(&self, limit: Option<usize>) -> Option<TrainJob> {
        let data = self.data.get_untracked()?;
        Some(self.settings.with_untracked(|s| s.job(&data, limit)))
    }

    /// The standardisation in force: an imported model's, else the data's.
    pub fn scaler(&self) -> Option<Standardizer> {
        self.imported_scaler
            .get()
            .or_else(|| self.data.with(|d| d.as_ref().map(|d| d.scaler)))
    }
}

/// An upload's (or the built-in file's) accepted rows as the lab's rows.
fn rows_of(table: Table) -> Vec<Row> {
    table
        .rows
        .into_iter()
        .map(|r| Row {
            sequence: r.sequence,
            value: r.value,
        })
        .collect()
}
