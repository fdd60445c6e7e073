//! The motif lab's data: the lecture's simulated binding sites, labelled as in the lecture's code
//! (positive = `[1, 0]`, class 0; negative = `[0, 1]`, class 1), split 80/20, and the CSV files the
//! page offers for download.

use crate::bio::formats::NamedMotif;
use crate::bio::motif::Pwm;
use crate::bio::simulate::{SimulatedSequence, SimulationConfig, SimulationError, simulate};
use crate::data::{SequenceTable, Split, SplitMethod};
use crate::nn::{ModelFileError, SavedModel, Sequential};
use ndarray::Array2;

pub mod filters;
pub mod settings;
pub use filters::{FilterView, Interpretation};
pub use settings::{
    KNOB_RANGES, MotifData, MotifLabError, MotifSettings, MotifSource, Output, lecture_matrix_text,
    parse_matrix,
};

/// The label of a positive sequence (class 0), as in the lecture's code.
pub const POSITIVE: [f32; 2] = [1.0, 0.0];
/// The label of a negative sequence (class 1).
pub const NEGATIVE: [f32; 2] = [0.0, 1.0];
/// Class names in label order.
pub const CLASS_NAMES: [&str; 2] = ["positive", "negative"];

/// The valid values of every setting of the motif lab: its form fields and its URL both use these.
pub mod ranges {
    use crate::bounds::Bounds;
    pub use crate::bounds::SEED;

    /// Sequence length (nt).
    pub const LENGTH: Bounds<usize> = Bounds::new(4, 200);
    /// Positive sequences.
    pub const POSITIVES: Bounds<usize> = Bounds::new(1, 50_000);
    /// Negative sequences.
    pub const NEGATIVES: Bounds<usize> = Bounds::new(1, 50_000);
    /// Share of the sequences held out for testing.
    pub const TEST_FRACTION: Bounds<f64> = Bounds::new(0.05, 0.5);
    /// Share of the training sequences held out for validation.
    pub const VALIDATION: Bounds<f64> = Bounds::new(0.0, 0.5);
    /// Convolution filters.
    pub const FILTERS: Bounds<usize> = Bounds::new(1, 64);
    /// Kernel size.
    pub const KERNEL: Bounds<usize> = Bounds::new(1, 30);
    /// Pool size.
    pub const POOL: Bounds<usize> = Bounds::new(1, 20);
    /// Learning rate (high enough to show divergence).
    pub const LEARNING_RATE: Bounds<f32> = Bounds::new(1e-6, 10.0);
    /// Batch size.
    pub const BATCH: Bounds<usize> = Bounds::new(1, 5000);
    /// Epochs (at least one: a run of none would have nothing to show).
    pub const EPOCHS: Bounds<usize> = Bounds::new(1, 500);
    /// The split seed (scikit-learn takes 32-bit seeds).
    pub const SPLIT_SEED: Bounds<u64> = Bounds::new(0, u32::MAX as u64);
}

/// Reads a model file for the motif lab: a SeqLab model that reads `[length, 4]` one-hot
/// sequences and gives two class scores, checked from its description before anything is built,
/// then built from its own weights.
///
/// # Errors
/// The [`ModelFileError`] of the first problem.
pub fn import_model(text: &str, length: usize) -> Result<SavedModel, ModelFileError> {
    let saved = SavedModel::from_json(text)?;
    saved.check_fits(&[length, 4], &[2])?;
    Sequential::from_saved(&saved)?;
    Ok(saved)
}

/// Simulated sequences and their train/test split.
#[derive(Clone, Debug, PartialEq)]
pub struct MotifExperiment {
    /// Every sequence, positives first.
    pub sequences: Vec<SimulatedSequence>,
    /// Row indices of the training and test sets.
    pub split: Split,
}

impl MotifExperiment {
    /// Simulates with `motif` and splits off `test_fraction` with `split_seed`.
    ///
    /// # Errors
    /// The [`SimulationError`] of [`simulate`].
    pub fn new(
        motif: &Pwm,
        simulation: &SimulationConfig,
        test_fraction: f64,
        split_seed: u64,
    ) -> Result<MotifExperiment, SimulationError> {
        MotifExperiment::with_split(
            motif,
            simulation,
            test_fraction,
            split_seed,
            SplitMethod::Seeded,
        )
    }

    /// Simulates with `motif` and splits off `test_fraction` with `split_seed` by `method`
    /// ([`SplitMethod::ScikitLearn`] with seed 125 and 0.2 is the lecture's own split: 194
    /// positives and 206 negatives in the test set).
    ///
    /// # Errors
    /// The [`SimulationError`] of [`simulate`].
    pub fn with_split(
        motif: &Pwm,
        simulation: &SimulationConfig,
        test_fraction: f64,
        split_seed: u64,
        method: SplitMethod,
    ) -> Result<MotifExperiment, SimulationError> {
        let sequences = simulate(motif, simulation)?;
        let split = method.split(sequences.len(), test_fraction, split_seed);
        Ok(MotifExperiment { sequences, split })
    }

    /// The test row (an index into `split.test`) to open in-silico mutagenesis on: the positive
    /// the model is surest of (the largest margin `predictions[[i, 0]] − predictions[[i, 1]]`, the
    /// first of equals), so its planted site shows clearly; without predictions the first test
    /// positive; 0 without any.
    ///
    /// # Shapes
    /// `predictions: [N_test, 2]` (column 0 = positive), in the order of `split.test`.
    pub fn showcase_test_row(&self, predictions: Option<&Array2<f32>>) -> usize {
        let positives = self
            .split
            .test
            .iter()
            .enumerate()
            .filter(|&(_, &r)| self.sequences[r].positive)
            .map(|(i, _)| i);
        let score = |i: usize| {
            predictions
                .and_then(|p| Some(p.get([i, 0])? - p.get([i, 1])?))
                .filter(|s| s.is_finite())
                .unwrap_or(f32::MIN)
        };
        positives
            .fold(None::<(usize, f32)>, |best, i| match best {
                Some((_, s)) if s >= score(i) => best,
                _ => Some((i, score(i))),
            })
            .map_or(0, |(i, _)| i)
    }

    /// The rows `rows` as sequences with one-hot labels.
    pub fn table(&self, rows: &[usize]) -> SequenceTable {
        SequenceTable {
            sequences: rows
                .iter()
                .map(|&r| self.sequences[r].sequence.clone())
                .collect(),
            targets: rows
                .iter()
                .map(|&r| {
                    if self.sequences[r].positive {
                        POSITIVE
                    } else {
                        NEGATIVE
                    }
                    .to_vec()
                })
                .collect(),
            alphabet: crate::bio::Alphabet::Dna,
        }
    }

    /// The training rows.
    pub fn train(&self) -> SequenceTable {
        self.table(&self.split.train)
    }

    /// The test rows.
    pub fn test(&self) -> SequenceTable {
        self.table(&self.split.test)
    }

    /// (positives, negatives) among `rows`.
    pub fn class_counts(&self, rows: &[usize]) -> (usize, usize) {
        let positives = rows.iter().filter(|&&r| self.sequences[r].positive).count();
        (positives, rows.len() - positives)
    }

    /// Every sequence as CSV: `sequence,positive,split` (positive 1/0, split train/test). The
    /// training rows come first, in the order the browser trained on them, so Keras's
    /// `validation_split` (the last rows of the training set) holds out the same rows.
    pub fn data_csv(&self) -> String {
        let mut out = String::from("sequence,positive,split\n");
        let parts = [(&self.split.train, "train"), (&self.split.test, "test")];
        for (rows, part) in parts {
            for &r in rows {
                let s = &self.sequences[r];
                out.push_str(&format!("{},{},{part}\n", s.sequence, u8::from(s.positive)));
            }
        }
        out
    }
}

/// Test predictions as CSV: `sequence,true_class,p_positive,p_negative,predicted_class`.
///
/// # Shapes
/// `predictions: [N, 2]` for the `N` rows of `table`.
pub fn predictions_csv(table: &SequenceTable, predictions: &Array2<f32>) -> String {
    let classes = crate::metrics::classes(predictions.view());
    let mut out = String::from("sequence,true_class,p_positive,p_negative,predicted_class\n");
    for (((sequence, target), p), class) in table
        .sequences
        .iter()
        .zip(&table.targets)
        .zip(predictions.rows())
        .zip(classes)
    {
        let truth = if target[0] > target[1] { 0 } else { 1 };
        out.push_str(&format!(
            "{sequence},{},{},{},{}\n",
            CLASS_NAMES[truth], p[0], p[1], CLASS_NAMES[class]
        ));
    }
    out
}

/// Learned filters as one MEME file (one `MOTIF` per filter).
pub fn filters_meme(motifs: &[NamedMotif]) -> String {
    crate::bio::formats::meme::to_meme_many(motifs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bio::simulate::lecture_motif;

    #[test]
    fn the_lecture_split_has_the_lecture_test_classes() {
        let motif = lecture_motif().normalize(0.0).unwrap();
        let sim = SimulationConfig::default();
        let lecture =
            MotifExperiment::with_split(&motif, &sim, 0.2, 125, SplitMethod::ScikitLearn).unwrap();
        let positives = lecture.split.test.iter().filter(|&&i| i < 1000).count();
        // LECTURE.md item 16: the confusion matrix rows sum to 194 (positives) and 206.
        assert_eq!(
            (positives, lecture.split.test.len() - positives),
            (194, 206)
        );
    }

    #[test]
    fn the_lecture_experiment_has_the_lecture_shapes() {
        let motif = lecture_motif().normalize(0.0).unwrap();
        let experiment =
            MotifExperiment::new(&motif, &SimulationConfig::default(), 0.2, 125).unwrap();
        let (train, test) = (
            experiment.train().to_dataset().unwrap(),
            experiment.test().to_dataset().unwrap(),
        );
        assert_eq!(train.x.shape(), &[1600, 20, 4]);
        assert_eq!(test.x.shape(), &[400, 20, 4]);
        assert_eq!(test.y.shape(), &[400, 2]);
        let (p, n) = experiment.class_counts(&experiment.split.test);
        assert_eq!(p + n, 400);
        let csv = experiment.data_csv();
        assert_eq!(csv.lines().count(), 2001);
        assert_eq!(csv.lines().filter(|l| l.ends_with(",test")).count(), 400);
        // Training rows first, in training order: the last 10 % are Keras's validation rows.
        let first = &experiment.sequences[experiment.split.train[0]];
        assert_eq!(
            csv.lines().nth(1).unwrap(),
            format!("{},{},train", first.sequence, u8::from(first.positive))
        );
        assert!(csv.lines().nth(1601).unwrap().ends_with(",test"));
    }

    #[test]
    fn the_showcase_is_the_surest_positive_with_its_site() {
        let motif = lecture_motif().normalize(0.0).unwrap();
        let x = MotifExperiment::new(&motif, &SimulationConfig::default(), 0.2, 125).unwrap();
        let first = x.showcase_test_row(None);
        assert!(x.sequences[x.split.test[first]].positive);
        assert!(
            x.split.test[..first]
                .iter()
                .all(|&r| !x.sequences[r].positive)
        );
        // Scores rising along the test set: the last positive wins, negatives never do.
        let n = x.split.test.len();
        let p = Array2::from_shape_fn((n, 2), |(i, c)| if c == 0 { i as f32 } else { 0.0 });
        let chosen = x.showcase_test_row(Some(&p));
        let last = (0..n)
            .rev()
            .find(|&i| x.sequences[x.split.test[i]].positive)
            .unwrap();
        assert_eq!(chosen, last);
        assert!(x.sequences[x.split.test[chosen]].motif_start.is_some());
        let empty = MotifExperiment {
            sequences: Vec::new(),
            split: Split {
                train: Vec::new(),
                test: Vec::new(),
            },
        };
        assert_eq!(empty.showcase_test_row(None), 0);
    }

    #[test]
    fn predictions_csv_names_the_classes() {
        let table = SequenceTable {
            sequences: vec!["AC".into(), "GT".into()],
            targets: vec![POSITIVE.to_vec(), NEGATIVE.to_vec()],
            alphabet: crate::bio::Alphabet::Dna,
        };
        let csv = predictions_csv(&table, &ndarray::array![[0.9, 0.2], [0.6, 0.3]]);
        assert_eq!(
            csv,
            "sequence,true_class,p_positive,p_negative,predicted_class\nAC,positive,0.9,0.2,positive\nGT,negative,0.6,0.3,positive\n"
        );
    }
}
