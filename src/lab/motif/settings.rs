//! Everything the student sets in the motif lab, as one typed value: where the motif comes from,
//! the simulation, the split, the CNN and its training. The page mirrors these fields (and the URL
//! holds them); the model, the training settings, the worker's job and the run's fingerprint are
//! all computed here.

use super::{MotifExperiment, ranges};
use crate::bio::formats::{FormatError, parse_motif};
use crate::bio::motif::{MotifError, Pfm, Pwm};
use crate::bio::simulate::{
    Placement, SimulationConfig, SimulationError, consensus_motif, lecture_motif,
};
use crate::choice;
use crate::data::SplitMethod;
use crate::lab::knobs::{KnobRanges, Knobs, Optimizer};
use crate::lang::Lang;
use crate::nn::{
    Activation, Conv1dConfig, DenseConfig, LayerSpec, LossConfig, LossKind, LossSemantics,
    MaxPool1dConfig, ModelSpec, Padding,
};
use crate::training::TrainConfig;
use crate::training::job::TrainJob;
use serde::{Deserialize, Serialize};

/// Where the planted motif comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MotifSource {
    /// An editable count matrix (the lecture's by default).
    #[default]
    Matrix,
    /// A typed consensus such as `CCGGAA`.
    Consensus,
    /// A pasted JASPAR or MEME motif.
    Text,
}

choice!(MotifSource {
    Matrix => "matrix",
    Consensus => "consensus",
    Text => "text",
});

/// The activation of the two output units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Output {
    /// The lecture's `Dense(2, activation="sigmoid")`.
    #[default]
    Sigmoid,
    /// Softmax, the textbook pairing with categorical cross-entropy.
    Softmax,
}

choice!(Output {
    Sigmoid => "sigmoid",
    Softmax => "softmax",
});

/// The shared knobs' ranges in the motif lab.
pub const KNOB_RANGES: KnobRanges = KnobRanges {
    epochs: ranges::EPOCHS,
    batch: ranges::BATCH,
    learning_rate: ranges::LEARNING_RATE,
    validation: ranges::VALIDATION,
    patience: crate::bounds::Bounds::new(0, 0),
};

/// Where the motif lab's sequences come from and how they are split.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MotifData {
    /// Where the motif comes from.
    pub source: MotifSource,
    /// The count matrix text (rows A, C, G, T), for [`MotifSource::Matrix`].
    pub matrix: String,
    /// The consensus, for [`MotifSource::Consensus`].
    pub consensus: String,
    /// The pasted JASPAR/MEME text, for [`MotifSource::Text`].
    pub motif_text: String,
    /// Sequence length (nt).
    pub length: usize,
    /// Positive sequences.
    pub positives: usize,
    /// Negative sequences.
    pub negatives: usize,
    /// Where the motif is planted.
    pub placement: Placement,
    /// Seed of the simulation.
    pub sim_seed: u64,
    /// Share of the sequences held out for testing.
    pub test_fraction: f64,
    /// Seed of the split.
    pub split_seed: u64,
    /// How the test rows are drawn (scikit-learn's is the lecture's).
    pub splitter: SplitMethod,
}

/// The motif lab's settings: the data, the CNN and its training.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MotifSettings {
    /// The sequences and their split.
    pub data: MotifData,
    /// Convolution filters.
    pub filters: usize,
    /// Kernel size.
    pub kernel: usize,
    /// Pool size.
    pub pool: usize,
    /// Convolution padding.
    pub padding: Padding,
    /// Output activation.
    pub output: Output,
    /// Which Keras formula of categorical cross-entropy.
    pub semantics: LossSemantics,
    /// Epochs, batch, optimiser, validation, seed (no early stopping in this lab).
    pub knobs: Knobs,
}

impl Default for MotifData {
    /// The lecture: its matrix, 1000 + 1000 sequences of 20 nt with the motif in the centre,
    /// scikit-learn's split (0.2, seed 125).
    fn default() -> MotifData {
        MotifData {
            source: MotifSource::Matrix,
            matrix: lecture_matrix_text(),
            consensus: "CCGGAA".to_string(),
            motif_text: String::new(),
            length: 20,
            positives: 1000,
            negatives: 1000,
            placement: Placement::Center,
            sim_seed: 0,
            test_fraction: 0.2,
            split_seed: 125,
            splitter: SplitMethod::ScikitLearn,
        }
    }
}

impl Default for MotifSettings {
    /// The lecture: its data, Conv1D(10, 5, same) → MaxPooling1D(4) → Dense(2, sigmoid), Adam
    /// 0.001, batch 100, 20 epochs, validation 0.1.
    fn default() -> MotifSettings {
        MotifSettings {
            data: MotifData::default(),
            filters: 10,
            kernel: 5,
            pool: 4,
            padding: Padding::Same,
            output: Output::Sigmoid,
            semantics: LossSemantics::KerasFit,
            knobs: Knobs {
                epochs: 20,
                batch: 100,
                learning_rate: 0.001,
                optimizer: Optimizer::Adam,
                validation: 0.1,
                patience: 0,
                model_seed: 0,
            },
        }
    }
}

/// Why there is no motif or no data.
#[derive(Clone, Debug, PartialEq)]
pub enum MotifLabError {
    /// The matrix text is not four rows of equally many numbers.
    Matrix,
    /// A bad consensus or counts.
    Motif(MotifError),
    /// A JASPAR/MEME text that cannot be read.
    Format(FormatError),
    /// Settings the simulation cannot follow.
    Simulation(SimulationError),
}

impl MotifLabError {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            MotifLabError::Matrix => lang
                .pick(
                    "행렬은 A, C, G, T 네 줄에 같은 개수의 0 이상 숫자를 공백으로 나누어 적어야 합니다.",
                    "The matrix needs four lines (A, C, G, T) of equally many numbers (0 or more) separated by spaces.",
                )
                .to_string(),
            MotifLabError::Motif(e) => e.message(lang),
            MotifLabError::Format(e) => e.message(lang),
            MotifLabError::Simulation(e) => e.message(lang),
        }
    }
}

crate::message!(MotifLabError);

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

/// Reads a count matrix typed as four lines (A, C, G, T) of numbers separated by spaces or commas.
///
/// # Errors
/// [`MotifLabError::Matrix`] for anything but four lines of equally many numbers, or the
/// [`MotifError`] of counts a motif cannot have (negative, all zero).
pub fn parse_matrix(text: &str) -> Result<Pfm, MotifLabError> {
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
        .map_err(|_| MotifLabError::Matrix)?;
    let width = rows.first().map_or(0, Vec::len);
    if rows.len() != 4 || width == 0 || rows.iter().any(|r| r.len() != width) {
        return Err(MotifLabError::Matrix);
    }
    let counts = ndarray::Array2::from_shape_vec((4, width), rows.concat())
        .map_err(|_| MotifLabError::Matrix)?;
    Pfm::from_counts(counts).map_err(MotifLabError::Motif)
}

impl MotifData {
    /// The planted motif as probabilities (no pseudocount).
    ///
    /// # Errors
    /// Why the chosen source gives no motif.
    pub fn motif(&self) -> Result<Pwm, MotifLabError> {
        let pfm = match self.source {
            MotifSource::Consensus => {
                consensus_motif(&self.consensus).map_err(MotifLabError::Motif)?
            }
            MotifSource::Text => {
                parse_motif(&self.motif_text)
                    .map_err(MotifLabError::Format)?
                    .pfm
            }
            MotifSource::Matrix => parse_matrix(&self.matrix)?,
        };
        pfm.normalize(0.0).map_err(MotifLabError::Motif)
    }

    /// The simulation's settings.
    pub fn simulation(&self) -> SimulationConfig {
        SimulationConfig {
            length: self.length,
            positives: self.positives,
            negatives: self.negatives,
            placement: self.placement,
            seed: self.sim_seed,
        }
    }

    /// The simulated, split sequences carrying `motif`.
    ///
    /// # Errors
    /// Settings the simulation cannot follow.
    pub fn experiment(&self, motif: &Pwm) -> Result<MotifExperiment, MotifLabError> {
        MotifExperiment::with_split(
            motif,
            &self.simulation(),
            self.test_fraction,
            self.split_seed,
            self.splitter,
        )
        .map_err(MotifLabError::Simulation)
    }
}

impl MotifSettings {
    /// The lecture's CNN with these sizes: Conv1D(filters, kernel, padding, relu) →
    /// MaxPooling1D(pool) → Flatten → Dense(2, output), on `[length, 4]` one-hot sequences.
    pub fn spec(&self) -> ModelSpec {
        ModelSpec {
            input_shape: vec![self.data.length, 4],
            layers: vec![
                LayerSpec::Conv1d(Conv1dConfig {
                    filters: self.filters,
                    kernel_size: self.kernel,
                    padding: self.padding,
                    activation: Activation::Relu,
                }),
                LayerSpec::MaxPool1d(MaxPool1dConfig {
                    pool_size: self.pool,
                }),
                LayerSpec::Flatten,
                LayerSpec::Dense(DenseConfig {
                    units: 2,
                    activation: match self.output {
                        Output::Sigmoid => Activation::Sigmoid,
                        Output::Softmax => Activation::Softmax,
                    },
                }),
            ],
        }
    }

    /// Categorical cross-entropy in the chosen semantics, with the shared knobs.
    pub fn config(&self) -> TrainConfig {
        self.knobs.config(LossConfig {
            kind: LossKind::CategoricalCrossentropy,
            semantics: self.semantics,
        })
    }

    /// The worker's job: this model trained on `experiment`'s training rows.
    pub fn job(&self, experiment: &MotifExperiment) -> TrainJob {
        TrainJob {
            spec: self.spec(),
            model_seed: self.knobs.model_seed,
            config: self.config(),
            train: experiment.train().into(),
            fit_length: None,
            run: 0,
        }
    }

    /// A fingerprint of everything a run depends on (a trained model belongs to one).
    pub fn key(&self) -> u64 {
        crate::lab::fingerprint(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::choice::assert_serde_names;

    #[test]
    fn the_defaults_are_the_lecture() {
        let settings = MotifSettings::default();
        let motif = settings.data.motif().unwrap();
        assert_eq!(motif.consensus(), "CCGGAA");
        let experiment = settings.data.experiment(&motif).unwrap();
        assert_eq!(experiment.class_counts(&experiment.split.test), (194, 206));
        let summary = settings.spec().summary().unwrap();
        assert_eq!(summary.total_params(), 312);
        let job = settings.job(&experiment);
        assert_eq!(job.train.len(), 1600);
        assert_eq!(job.config.batch_size, 100);
        assert_eq!(job.config.early_stopping, None);
    }

    #[test]
    fn every_setting_changes_the_key() {
        let base = MotifSettings::default();
        let mut changed = base.clone();
        assert_eq!(base.key(), changed.key());
        changed.padding = Padding::Valid;
        assert_ne!(base.key(), changed.key());
        let mut changed = base.clone();
        changed.knobs.learning_rate = 0.01;
        assert_ne!(base.key(), changed.key());
        let mut changed = base.clone();
        changed.data.splitter = SplitMethod::Seeded;
        assert_ne!(base.key(), changed.key());
    }

    #[test]
    fn sources_give_their_motifs_or_say_why_not() {
        let settings = MotifData {
            source: MotifSource::Consensus,
            consensus: "TATAAA".into(),
            ..MotifData::default()
        };
        assert_eq!(settings.motif().unwrap().consensus(), "TATAAA");
        let bad = MotifData {
            matrix: "1 2\n3 4\n5 6".into(),
            ..MotifData::default()
        };
        assert_eq!(bad.motif(), Err(MotifLabError::Matrix));
        assert!(
            bad.motif()
                .unwrap_err()
                .message(Lang::En)
                .contains("four lines")
        );
        let text = MotifData {
            source: MotifSource::Text,
            motif_text: "nonsense".into(),
            ..MotifData::default()
        };
        assert!(matches!(text.motif(), Err(MotifLabError::Format(_))));
    }

    #[test]
    fn parse_matrix_reads_the_lecture_text_back() {
        let pfm = parse_matrix(&lecture_matrix_text()).unwrap();
        assert_eq!(pfm.counts(), lecture_motif().counts());
        assert!(parse_matrix("1 2\n1 2\n1 x\n1 2").is_err());
        assert!(parse_matrix("1, 2\n1, 2\n1, 2\n1, 2").is_ok());
    }

    #[test]
    fn choices_are_named_as_serde_names_them() {
        assert_serde_names::<MotifSource>();
        assert_serde_names::<Output>();
    }
}
