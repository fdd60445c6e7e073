//! The motif lab's state: every setting (mirrored in the URL), what is derived from them (the
//! motif, the simulated experiment, the model's description), and the training run reported by the
//! worker. Panels read it from context.

use crate::bio::formats::{FormatError, parse_motif};
use crate::bio::motif::{MotifError, Pfm, Pwm};
use crate::bio::simulate::{
    Placement, SimulationConfig, SimulationError, consensus_motif, lecture_motif,
};
use crate::data::SplitMethod;
use crate::lab::motif::MotifExperiment;
use crate::lab::motif::ranges;
use crate::lang::Lang;
use crate::nn::{
    Activation, AdamConfig, Conv1dConfig, DenseConfig, LayerSpec, LossConfig, LossKind,
    LossSemantics, MaxPool1dConfig, ModelSpec, OptimizerConfig, Padding, SgdConfig, Summary,
};
use crate::training::{TrainConfig, ValidationMode};
use crate::ui::state::{use_bounded_param, use_choice_param, use_query_param};
use crate::ui::training::TrainingSession;
use leptos::prelude::*;
use std::hash::{Hash, Hasher};

/// The lecture's motif matrix as the editable text (rows A, C, G, T; numbers separated by spaces).
pub fn lecture_matrix_text() -> String {
    lecture_motif()
        .counts()
        .rows()
        .into_iter()
        .map(|row| {
            row.iter()
                .map(|v| v.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Why there is no motif or no data.
#[derive(Clone, Debug, PartialEq)]
pub enum LabError {
    /// The matrix text is not four rows of equally many numbers.
    Matrix,
    /// A bad consensus or counts.
    Motif(MotifError),
    /// A JASPAR/MEME text that cannot be read.
    Format(FormatError),
    /// Settings the simulation cannot follow.
    Simulation(SimulationError),
}

impl LabError {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LabError::Matrix => lang
                .pick(
                    "행렬은 A, C, G, T 네 줄에 같은 개수의 0 이상 숫자를 공백으로 나누어 적어야 합니다.",
                    "The matrix needs four lines (A, C, G, T) of equally many numbers (0 or more) separated by spaces.",
                )
                .to_string(),
            LabError::Motif(e) => e.message(lang),
            LabError::Format(e) => e.message(lang),
            LabError::Simulation(e) => e.message(lang),
        }
    }
}

fn parse_matrix(text: &str) -> Result<Pfm, LabError> {
    let rows: Vec<Vec<f64>> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            l.split(|c: char| c.is_whitespace() || c == ',')
                .filter(|t| !t.is_empty())
                .map(str::parse)
                .collect()
        })
        .collect::<Result<_, _>>()
        .map_err(|_| LabError::Matrix)?;
    let width = rows.first().map_or(0, Vec::len);
    if rows.len() != 4 || width == 0 || rows.iter().any(|r| r.len() != width) {
        return Err(LabError::Matrix);
    }
    let counts =
        ndarray::Array2::from_shape_vec((4, width), rows.concat()).map_err(|_| LabError::Matrix)?;
    Pfm::from_counts(counts).map_err(LabError::Motif)
}

/// Every signal of the lab.
#[derive(Clone, Copy)]
pub struct Lab {
    /// `matrix`, `consensus` or `text`.
    pub source: RwSignal<String>,
    /// The editable count matrix.
    pub matrix: RwSignal<String>,
    /// A typed consensus.
    pub consensus: RwSignal<String>,
    /// A pasted JASPAR/MEME motif.
    pub motif_text: RwSignal<String>,
    /// Sequence length.
    pub length: RwSignal<usize>,
    /// Positive sequences.
    pub positives: RwSignal<usize>,
    /// Negative sequences.
    pub negatives: RwSignal<usize>,
    /// `center` or `random`.
    pub placement: RwSignal<String>,
    /// Simulation seed.
    pub sim_seed: RwSignal<u64>,
    /// Test fraction.
    pub test_fraction: RwSignal<f64>,
    /// Split seed.
    pub split_seed: RwSignal<u64>,
    /// `sklearn` (the lecture's split) or `seeded`.
    pub splitter: RwSignal<String>,
    /// Filters of the convolution.
    pub filters: RwSignal<usize>,
    /// Kernel size.
    pub kernel: RwSignal<usize>,
    /// Pool size.
    pub pool: RwSignal<usize>,
    /// `same` or `valid`.
    pub padding: RwSignal<String>,
    /// `sigmoid` or `softmax`.
    pub output: RwSignal<String>,
    /// `keras_fit` or `classic`.
    pub semantics: RwSignal<String>,
    /// `adam` or `sgd`.
    pub optimizer: RwSignal<String>,
    /// Learning rate.
    pub learning_rate: RwSignal<f32>,
    /// Batch size.
    pub batch: RwSignal<usize>,
    /// Epochs.
    pub epochs: RwSignal<usize>,
    /// Validation fraction.
    pub validation: RwSignal<f64>,
    /// Seed of the initial weights and of the shuffles.
    pub model_seed: RwSignal<u64>,
    /// The motif the positives carry.
    pub motif: Memo<Result<Pwm, LabError>>,
    /// The simulated, split data, with the milliseconds simulation took.
    pub experiment: Memo<Result<(MotifExperiment, f64), LabError>>,
    /// The architecture.
    pub spec: Memo<ModelSpec>,
    /// The training settings.
    pub config: Memo<TrainConfig>,
    /// A fingerprint of everything a run depends on.
    pub job_key: Memo<u64>,
    /// The training run and its worker.
    pub run: TrainingSession,
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

impl Lab {
    /// The state, starting from the URL's settings (the lecture's where absent).
    pub fn from_url() -> Lab {
        let source = use_choice_param("src", "matrix", ranges::SOURCES);
        let matrix = use_query_param("m", lecture_matrix_text());
        let consensus = use_query_param("cons", "CCGGAA".to_string());
        let motif_text = RwSignal::new(String::new());
        let length = use_bounded_param("len", 20usize, ranges::LENGTH);
        let positives = use_bounded_param("pos", 1000usize, ranges::POSITIVES);
        let negatives = use_bounded_param("neg", 1000usize, ranges::NEGATIVES);
        let placement = use_choice_param("place", "center", ranges::PLACEMENTS);
        let sim_seed = use_query_param("seed", 0u64);
        let test_fraction = use_bounded_param("test", 0.2f64, ranges::TEST_FRACTION);
        let split_seed = use_bounded_param("split", 125u64, ranges::SPLIT_SEED);
        let splitter = use_choice_param("splitter", "sklearn", ranges::SPLITTERS);
        let filters = use_bounded_param("f", 10usize, ranges::FILTERS);
        let kernel = use_bounded_param("k", 5usize, ranges::KERNEL);
        let pool = use_bounded_param("p", 4usize, ranges::POOL);
        let padding = use_choice_param("pad", "same", ranges::PADDINGS);
        let output = use_choice_param("out", "sigmoid", ranges::OUTPUTS);
        let semantics = use_choice_param("sem", "keras_fit", ranges::SEMANTICS);
        let optimizer = use_choice_param("opt", "adam", ranges::OPTIMIZERS);
        let learning_rate = use_bounded_param("lr", 0.001f32, ranges::LEARNING_RATE);
        let batch = use_bounded_param("bs", 100usize, ranges::BATCH);
        let epochs = use_bounded_param("ep", 20usize, ranges::EPOCHS);
        let validation = use_bounded_param("val", 0.1f64, ranges::VALIDATION);
        let model_seed = use_query_param("mseed", 0u64);

        let motif = Memo::new(move |_| {
            let pfm = match source.get().as_str() {
                "consensus" => consensus
                    .with(|c| consensus_motif(c))
                    .map_err(LabError::Motif)?,
                "text" => {
                    motif_text
                        .with(|t| parse_motif(t))
                        .map_err(LabError::Format)?
                        .pfm
                }
                _ => matrix.with(|m| parse_matrix(m))?,
            };
            pfm.normalize(0.0).map_err(LabError::Motif)
        });
        let experiment = Memo::new(move |_| {
            let pwm = motif.get()?;
            let simulation = SimulationConfig {
                length: length.get(),
                positives: positives.get(),
                negatives: negatives.get(),
                placement: if placement.get() == "random" {
                    Placement::Random
                } else {
                    Placement::Center
                },
                seed: sim_seed.get(),
            };
            let start = now_ms();
            let experiment = MotifExperiment::with_split(
                &pwm,
                &simulation,
                test_fraction.get(),
                split_seed.get(),
                SplitMethod::from_code(&splitter.get()).unwrap_or_default(),
            )
            .map_err(LabError::Simulation)?;
            Ok((experiment, now_ms() - start))
        });
        let spec = Memo::new(move |_| ModelSpec {
            input_shape: vec![length.get(), 4],
            layers: vec![
                LayerSpec::Conv1d(Conv1dConfig {
                    filters: filters.get(),
                    kernel_size: kernel.get(),
                    padding: if padding.get() == "valid" {
                        Padding::Valid
                    } else {
                        Padding::Same
                    },
                    activation: Activation::Relu,
                }),
                LayerSpec::MaxPool1d(MaxPool1dConfig {
                    pool_size: pool.get(),
                }),
                LayerSpec::Flatten,
                LayerSpec::Dense(DenseConfig {
                    units: 2,
                    activation: if output.get() == "softmax" {
                        Activation::Softmax
                    } else {
                        Activation::Sigmoid
                    },
                }),
            ],
        });
        let config = Memo::new(move |_| TrainConfig {
            batch_size: batch.get(),
            epochs: epochs.get(),
            validation_split: validation.get(),
            validation_mode: ValidationMode::LastRows,
            shuffle: true,
            seed: model_seed.get(),
            loss: LossConfig {
                kind: LossKind::CategoricalCrossentropy,
                semantics: if semantics.get() == "classic" {
                    LossSemantics::ClassicNormaliseClip
                } else {
                    LossSemantics::KerasFit
                },
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
            early_stopping: None,
        });
        let job_key = Memo::new(move |_| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            let parts = (
                motif.with(|m| format!("{m:?}")),
                (
                    length.get(),
                    positives.get(),
                    negatives.get(),
                    placement.get(),
                    sim_seed.get(),
                ),
                (
                    test_fraction.get().to_bits(),
                    split_seed.get(),
                    splitter.get(),
                    model_seed.get(),
                ),
                serde_json::to_string(&spec.get()).unwrap_or_default(),
                serde_json::to_string(&config.get()).unwrap_or_default(),
            );
            parts.hash(&mut hasher);
            hasher.finish()
        });
        Lab {
            source,
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
            optimizer,
            learning_rate,
            batch,
            epochs,
            validation,
            model_seed,
            motif,
            experiment,
            spec,
            config,
            job_key,
            run: TrainingSession::spawn(),
        }
    }

    /// The summary of the current architecture (or why it cannot be built), counted from the
    /// description alone, and an error if it is too large to train with the current batch size.
    pub fn summary(&self) -> Result<Summary, crate::nn::ModelError> {
        let spec = self.spec.get();
        let summary = spec.summary()?;
        spec.check_training(self.batch.get(), &crate::nn::MODEL_LIMITS)?;
        Ok(summary)
    }

    /// Whether the current model belongs to the current settings (an imported model always does).
    pub fn model_is_current(&self) -> bool {
        self.run.has_model_for(self.job_key.get())
    }
}
