//! The expression lab's state: the data source (built-in real data, simulation or upload), the
//! model and training settings (all in the URL), what is derived from them, and the runs.

use crate::data::csv::{FileError, Layout, Limits, Preview, Table, preview, read};
use crate::lab::expression::ranges;
use crate::lab::expression::{ExpressionData, Preset, Row, Standardizer, simulate_utrs};
use crate::nn::{
    Activation, AdamConfig, Conv1dConfig, DenseConfig, LayerSpec, LossConfig, LossKind,
    LossSemantics, MaxPool1dConfig, ModelSpec, OptimizerConfig, Padding, SgdConfig,
};
use crate::training::{EarlyStopping, Monitor, TrainConfig, ValidationMode};
use crate::ui::state::{use_bounded_param, use_choice_param, use_query_param};
use crate::ui::training::TrainingSession;
use leptos::prelude::*;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use super::source::fetch_real;
pub use super::source::{DataError, Loaded, MIN_ROWS, REAL_DATA};

/// Every signal of the expression lab.
#[derive(Clone, Copy)]
pub struct Expr {
    /// `sim`, `real` or `upload`.
    pub source: RwSignal<String>,
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
    /// `pad` or `trim` when lengths differ.
    pub policy: RwSignal<String>,
    /// Length to cut to (0: the shortest sequence).
    pub cut: RwSignal<usize>,
    /// Test fraction.
    pub test_fraction: RwSignal<f64>,
    /// Split seed.
    pub split_seed: RwSignal<u64>,
    /// `compact`, `small` or `custom`.
    pub preset: RwSignal<String>,
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
    /// Batch size.
    pub batch: RwSignal<usize>,
    /// Epochs.
    pub epochs: RwSignal<usize>,
    /// Learning rate.
    pub learning_rate: RwSignal<f32>,
    /// `adam` or `sgd`.
    pub optimizer: RwSignal<String>,
    /// Early-stopping patience (0: off).
    pub patience: RwSignal<usize>,
    /// Validation fraction of the training rows.
    pub validation: RwSignal<f64>,
    /// Seed of the weights and shuffles.
    pub model_seed: RwSignal<u64>,
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
    /// The training settings.
    pub config: Memo<TrainConfig>,
    /// A fingerprint of everything a run depends on.
    pub job_key: Memo<u64>,
    /// The main training run.
    pub run: TrainingSession,
    /// The learning-curve experiment's runs.
    pub curve_run: TrainingSession,
    /// The standardisation of an imported model (it replaces the data's for display).
    pub imported_scaler: RwSignal<Option<Standardizer>>,
}

impl Expr {
    /// The state, from the URL (defaults where absent).
    pub fn from_url() -> Expr {
        let source = use_choice_param("data", "real", ranges::SOURCES);
        let sim_rows = use_bounded_param("n", 10_000usize, ranges::SIM_ROWS);
        let sim_length = use_bounded_param("len", 50usize, ranges::SIM_LENGTH);
        let sim_seed = use_query_param("seed", 0u64);
        let real = RwSignal::new(Loaded::Idle);
        let upload = RwSignal::new(None::<(String, Arc<Vec<u8>>)>);
        let layout = RwSignal::new(None::<Layout>);
        let upload_preview = Memo::new(move |_| {
            upload.with(|u| {
                u.as_ref()
                    .map(|(_, bytes)| preview(bytes, Limits::default()))
            })
        });
        Effect::new(move || {
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
            if source.get() == "real" && real.with_untracked(|r| *r == Loaded::Idle) {
                fetch_real(real);
            }
        });
        let rows = Memo::new(move |_| {
            let rows: Vec<Row> = match source.get().as_str() {
                "real" => match real.get() {
                    Loaded::Ready(table) => table
                        .rows
                        .into_iter()
                        .map(|r| Row {
                            sequence: r.sequence,
                            value: r.value,
                        })
                        .collect(),
                    Loaded::Failed(e) => return Err(DataError::Fetch(e)),
                    _ => return Err(DataError::Loading),
                },
                "upload" => match upload_table.get() {
                    None => {
                        return Err(upload_preview.with(|p| match p {
                            Some(Err(e)) => DataError::File(e.clone()),
                            _ => DataError::NoFile,
                        }));
                    }
                    Some(Err(e)) => return Err(DataError::File(e)),
                    Some(Ok(table)) => table
                        .rows
                        .into_iter()
                        .map(|r| Row {
                            sequence: r.sequence,
                            value: r.value,
                        })
                        .collect(),
                },
                _ => simulate_utrs(sim_rows.get(), sim_length.get(), sim_seed.get()),
            };
            if rows.len() < MIN_ROWS {
                return Err(DataError::TooFew(rows.len()));
            }
            Ok(Arc::new(rows))
        });
        let test_fraction = use_bounded_param("test", 0.2f64, ranges::TEST_FRACTION);
        let split_seed = use_query_param("split", 1u64);
        let data_result = Memo::new(move |_| {
            let rows = rows.get()?;
            ExpressionData::new((*rows).clone(), test_fraction.get(), split_seed.get())
                .map(Arc::new)
                .map_err(DataError::Values)
        });
        let data = Memo::new(move |_| data_result.get().ok());
        let policy = use_choice_param("fit", "pad", ranges::FITS);
        let cut = use_bounded_param("cut", 0usize, ranges::CUT);
        let length = Memo::new(move |_| {
            let (lo, hi) = data.with(|d| d.as_ref().map_or((1, 1), |d| d.length_range()));
            if lo == hi {
                (hi, None)
            } else if policy.get() == "trim" {
                let cut = match cut.get() {
                    0 => lo,
                    c => c.min(hi),
                };
                (cut, Some(cut))
            } else {
                (hi, Some(hi))
            }
        });
        let preset = use_choice_param("preset", "compact", ranges::PRESETS);
        let conv_layers = use_bounded_param("cl", 2usize, ranges::CONV_LAYERS);
        let filters = use_bounded_param("f", 32usize, ranges::FILTERS);
        let kernel = use_bounded_param("k", 8usize, ranges::KERNEL);
        let pool = use_bounded_param("p", 1usize, ranges::POOL);
        let dense = use_bounded_param("d", 32usize, ranges::DENSE);
        let spec = Memo::new(move |_| {
            let l = length.get().0;
            match preset.get().as_str() {
                "small" => Preset::Small.spec(l),
                "custom" => {
                    let mut layers: Vec<LayerSpec> = (0..conv_layers.get())
                        .map(|_| {
                            LayerSpec::Conv1d(Conv1dConfig {
                                filters: filters.get(),
                                kernel_size: kernel.get(),
                                padding: Padding::Same,
                                activation: Activation::Relu,
                            })
                        })
                        .collect();
                    if pool.get() > 1 {
                        layers.push(LayerSpec::MaxPool1d(MaxPool1dConfig {
                            pool_size: pool.get(),
                        }));
                    }
                    layers.push(LayerSpec::Flatten);
                    layers.push(LayerSpec::Dense(DenseConfig {
                        units: dense.get(),
                        activation: Activation::Relu,
                    }));
                    layers.push(LayerSpec::Dense(DenseConfig {
                        units: 1,
                        activation: Activation::Linear,
                    }));
                    ModelSpec {
                        input_shape: vec![l, 4],
                        layers,
                    }
                }
                _ => Preset::Compact.spec(l),
            }
        });
        let batch = use_bounded_param("bs", 128usize, ranges::BATCH);
        let epochs = use_bounded_param("ep", 30usize, ranges::EPOCHS);
        let learning_rate = use_bounded_param("lr", 0.001f32, ranges::LEARNING_RATE);
        let optimizer = use_choice_param("opt", "adam", ranges::OPTIMIZERS);
        let patience = use_bounded_param("pat", 3usize, ranges::PATIENCE);
        let validation = use_bounded_param("val", 0.1f64, ranges::VALIDATION);
        let model_seed = use_query_param("mseed", 0u64);
        let config = Memo::new(move |_| TrainConfig {
            batch_size: batch.get(),
            epochs: epochs.get(),
            validation_split: validation.get(),
            validation_mode: ValidationMode::LastRows,
            shuffle: true,
            seed: model_seed.get(),
            loss: LossConfig {
                kind: LossKind::MeanSquaredError,
                semantics: LossSemantics::KerasFit,
            },
            optimizer: if optimizer.get() == "sgd" {
                OptimizerConfig::Sgd(SgdConfig {
                    learning_rate: learning_rate.get(),
                    momentum: 0.9,
                })
            } else {
                OptimizerConfig::Adam(AdamConfig {
                    learning_rate: learning_rate.get(),
                    ..AdamConfig::default()
                })
            },
            early_stopping: (patience.get() > 0).then(|| EarlyStopping {
                monitor: Monitor::ValLoss,
                patience: patience.get(),
                restore_best_weights: true,
            }),
        });
        let job_key = Memo::new(move |_| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            (
                source.get(),
                (sim_rows.get(), sim_length.get(), sim_seed.get()),
                upload.with(|u| u.as_ref().map(|(n, b)| (n.clone(), b.len()))),
                layout.get().map(|l| format!("{l:?}")),
            )
                .hash(&mut hasher);
            (
                test_fraction.get().to_bits(),
                split_seed.get(),
                model_seed.get(),
                length.get(),
            )
                .hash(&mut hasher);
            serde_json::to_string(&(spec.get(), config.get()))
                .unwrap_or_default()
                .hash(&mut hasher);
            hasher.finish()
        });
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
            batch,
            epochs,
            learning_rate,
            optimizer,
            patience,
            validation,
            model_seed,
            rows,
            data_result,
            data,
            length,
            spec,
            config,
            job_key,
            run: TrainingSession::spawn(),
            curve_run: TrainingSession::spawn(),
            imported_scaler: RwSignal::new(None),
        }
    }

    /// The standardisation in force: an imported model's, else the data's.
    pub fn scaler(&self) -> Option<Standardizer> {
        self.imported_scaler
            .get()
            .or_else(|| self.data.with(|d| d.as_ref().map(|d| d.scaler)))
    }
}
