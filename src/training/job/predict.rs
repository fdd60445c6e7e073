//! Prediction as plain messages: the page sends a saved model and the rows to score, the worker
//! answers in chunks with its progress and then every output, so scoring a test set, a learning
//! curve or an uploaded file never runs on the page's thread. [`PredictRunner`] is the worker's
//! whole logic for it, stepped beside (and between the batches of) a training run.

use super::{FromWorker, JobFailure, JobRows};
use crate::bio::Alphabet;
use crate::data::{Dataset, Rows, Samples, SequenceTable, VariantTable};
use crate::lang::Lang;
use crate::nn::saved::Shape;
use crate::nn::{LossConfig, ModelFileError, SavedModel, Sequential};
use crate::training::{Evaluation, evaluate_with_predictions};
use ndarray::Array2;
use serde::{Deserialize, Serialize};

/// Rows predicted per worker turn: a few milliseconds for the labs' models, so a `stop` or a
/// `cancel` waits for at most one chunk.
pub const PREDICT_CHUNK_ROWS: usize = 250;

/// The shortest interval between two [`FromWorker::Predicting`] reports.
pub const PREDICT_REPORT_SECONDS: f64 = 0.1;

/// The weights a prediction scores with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PredictModel {
    /// Weights sent along (an imported model, or a run the worker no longer holds).
    Saved(SavedModel),
    /// The weights the worker last reported for the run of this number (nothing to send).
    Run(u64),
}

impl From<SavedModel> for PredictModel {
    fn from(model: SavedModel) -> PredictModel {
        PredictModel::Saved(model)
    }
}

/// Rows to score with a model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PredictJob {
    /// The page's number for this request (its answers carry it).
    pub request: u64,
    /// The weights.
    pub model: PredictModel,
    /// The rows to score (targets are needed only with `loss`: an empty row each will do).
    pub rows: JobRows,
    /// Pad (zero rows) or cut every sequence to this length (`None`: they already agree).
    #[serde(default)]
    pub fit_length: Option<usize>,
    /// Also score the outputs against the rows' targets with this loss (a test set).
    #[serde(default)]
    pub loss: Option<LossConfig>,
}

impl PredictJob {
    /// A job scoring DNA `sequences` with `model`, with no targets.
    pub fn sequences(
        request: u64,
        model: impl Into<PredictModel>,
        sequences: Vec<String>,
        fit_length: Option<usize>,
    ) -> PredictJob {
        PredictJob::sequences_of(request, model, Alphabet::Dna, sequences, fit_length)
    }

    /// A job scoring `sequences` of `alphabet` with `model`, with no targets.
    pub fn sequences_of(
        request: u64,
        model: impl Into<PredictModel>,
        alphabet: Alphabet,
        sequences: Vec<String>,
        fit_length: Option<usize>,
    ) -> PredictJob {
        let targets = vec![Vec::new(); sequences.len()];
        PredictJob {
            request,
            model: model.into(),
            rows: JobRows::Sequences(SequenceTable {
                sequences,
                targets,
                alphabet,
            }),
            fit_length,
            loss: None,
        }
    }

    /// A job scoring `variants` (0-based substitutions) of the protein `wild_type` with `model`,
    /// with no targets.
    pub fn variants(
        request: u64,
        model: impl Into<PredictModel>,
        wild_type: String,
        variants: Vec<String>,
    ) -> PredictJob {
        let targets = vec![Vec::new(); variants.len()];
        PredictJob {
            request,
            model: model.into(),
            rows: JobRows::Variants(VariantTable {
                wild_type,
                variants,
                targets,
            }),
            fit_length: None,
            loss: None,
        }
    }

    /// A job scoring `rows` with `model` and evaluating the outputs against the rows' targets
    /// with `loss` (the answer carries an [`Evaluation`]).
    pub fn evaluation(
        request: u64,
        model: impl Into<PredictModel>,
        rows: impl Into<JobRows>,
        fit_length: Option<usize>,
        loss: LossConfig,
    ) -> PredictJob {
        PredictJob {
            request,
            model: model.into(),
            rows: rows.into(),
            fit_length,
            loss: Some(loss),
        }
    }
}

/// A prediction in progress inside the worker.
#[derive(Clone, Debug)]
pub struct PredictRunner {
    request: u64,
    model: Sequential,
    /// `x: [N, …input_shape]`, `y: [N, K]` (or `[N, 0]` without a loss).
    data: Samples,
    /// The loss to evaluate with, and the sum of its row losses so far.
    loss: Option<(LossConfig, f64)>,
    /// `[N, K]`, filled up to `next`.
    out: Array2<f32>,
    next: usize,
    /// Whether the outputs have been sent.
    reported: bool,
    last_report: f64,
}

impl PredictRunner {
    /// Rebuilds the model and encodes the rows, checking that they are what the model reads.
    ///
    /// # Errors
    /// The problem (a bad model file, a bad row, a shape the model does not read), in both
    /// languages; the worker answers it as [`FromWorker::PredictFailed`].
    pub fn start(job: PredictJob) -> Result<PredictRunner, JobFailure> {
        PredictRunner::start_with(job, None)
    }

    /// [`PredictRunner::start`], with `run`: the worker's run and its last reported weights, for
    /// a job that names them ([`PredictModel::Run`]).
    ///
    /// # Errors
    /// As [`PredictRunner::start`]; a job naming another run than `run`'s.
    pub fn start_with(
        job: PredictJob,
        run: Option<(u64, &Sequential)>,
    ) -> Result<PredictRunner, JobFailure> {
        let request = job.request;
        let failed = |message: &dyn Fn(Lang) -> String| JobFailure {
            ko: message(Lang::Ko),
            en: message(Lang::En),
        };
        let model = match (&job.model, run) {
            (PredictModel::Saved(saved), _) => {
                Sequential::from_saved(saved).map_err(|e| failed(&|l| e.message(l)))?
            }
            (PredictModel::Run(wanted), Some((held, model))) if *wanted == held => model.clone(),
            (PredictModel::Run(_), _) => {
                return Err(failed(&|l| {
                    l.pick(
                        "학습 작업자에 그 모델이 더는 없습니다. 다시 학습해 보세요.",
                        "The training worker no longer holds that model. Train again.",
                    )
                    .to_string()
                }));
            }
        };
        let k: usize = model.output_shape().iter().product();
        let data = if job.rows.is_empty() {
            let mut input = vec![0];
            input.extend(&model.spec().input_shape);
            Samples::Dense(Dataset {
                x: ndarray::ArrayD::zeros(input),
                y: Array2::zeros((0, k)),
            })
        } else {
            job.rows.samples(job.fit_length)?
        };
        let sample = data.sample_shape();
        if sample != model.spec().input_shape {
            let e = ModelFileError::WrongInput {
                expected: Shape(sample),
                found: Shape(model.spec().input_shape.clone()),
            };
            return Err(failed(&|l| e.message(l)));
        }
        // Targets are compared with the outputs only when there is a loss to evaluate.
        if job.loss.is_some() && data.targets().ncols() != k {
            let e = ModelFileError::WrongOutput {
                expected: Shape(vec![data.targets().ncols()]),
                found: Shape(vec![k]),
            };
            return Err(failed(&|l| e.message(l)));
        }
        let n = data.len();
        Ok(PredictRunner {
            request,
            model,
            data,
            loss: job.loss.map(|loss| (loss, 0.0)),
            out: Array2::zeros((n, k)),
            next: 0,
            reported: false,
            last_report: f64::NEG_INFINITY,
        })
    }

    /// The request this runner answers.
    pub fn request(&self) -> u64 {
        self.request
    }

    /// Whether every row has been predicted and reported.
    pub fn is_done(&self) -> bool {
        self.reported
    }

    /// Predicts the next [`PREDICT_CHUNK_ROWS`] rows; returns a progress report now and then, and
    /// [`FromWorker::Predictions`] once the last row is done.
    pub fn step(&mut self, now: &mut dyn FnMut() -> f64) -> Vec<FromWorker> {
        let n = self.out.nrows();
        if self.is_done() {
            return Vec::new();
        }
        if self.next < n {
            let end = (self.next + PREDICT_CHUNK_ROWS).min(n);
            let y = match &mut self.loss {
                Some((loss, sum)) => {
                    let chunk = self.data.batch(&(self.next..end).collect::<Vec<_>>());
                    let (part, y) = evaluate_with_predictions(
                        &mut self.model,
                        *loss,
                        &chunk,
                        PREDICT_CHUNK_ROWS,
                    );
                    *sum += part.loss * (end - self.next) as f64;
                    y
                }
                None => {
                    let chunk = self.data.batch(&(self.next..end).collect::<Vec<_>>());
                    self.model.predict(&chunk.x, PREDICT_CHUNK_ROWS)
                }
            };
            self.out
                .slice_mut(ndarray::s![self.next..end, ..])
                .assign(&y);
            self.next = end;
        }
        if self.next < n {
            let at = now();
            if at - self.last_report < PREDICT_REPORT_SECONDS {
                return Vec::new();
            }
            self.last_report = at;
            return vec![FromWorker::Predicting {
                request: self.request,
                done: self.next,
                total: n,
            }];
        }
        self.reported = true;
        let evaluation = self.loss.map(|(loss, sum)| {
            Evaluation::of(loss, sum / n.max(1) as f64, &self.out, self.data.targets())
        });
        vec![FromWorker::Predictions {
            request: self.request,
            columns: self.out.ncols(),
            values: self.out.iter().copied().collect(),
            evaluation,
        }]
    }
}

impl FromWorker {
    /// A prediction that could not be made.
    pub fn predict_failed(request: u64, failure: JobFailure) -> FromWorker {
        FromWorker::PredictFailed {
            request,
            ko: failure.ko,
            en: failure.en,
        }
    }

    /// The outputs of a [`FromWorker::Predictions`] message as `[N, K]`.
    pub fn prediction_array(columns: usize, values: Vec<f32>) -> Option<Array2<f32>> {
        let rows = values.len().checked_div(columns).unwrap_or(0);
        Array2::from_shape_vec((rows, columns), values).ok()
    }
}

#[cfg(test)]
mod tests;
