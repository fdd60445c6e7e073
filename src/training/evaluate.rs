//! Scoring a model on a whole dataset in inference mode: the mean loss and, by the loss kind, the
//! accuracy (classification) or r² (regression).

use crate::data::Rows;
use crate::metrics;
use crate::nn::{LossConfig, LossKind, Sequential};
use ndarray::{Array2, Zip};
use serde::{Deserialize, Serialize};

/// A loss and its metric over a whole dataset.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Mean loss.
    #[serde(with = "crate::wire::f64")]
    pub loss: f64,
    /// Accuracy (classification).
    #[serde(default, with = "crate::wire::option_f64")]
    pub accuracy: Option<f64>,
    /// Coefficient of determination (regression).
    #[serde(default, with = "crate::wire::option_f64")]
    pub r2: Option<f64>,
}

/// The mean loss and the metric of `model` on `data`, in inference mode, `batch_size` rows at a
/// time.
pub fn evaluate<R: Rows + ?Sized>(
    model: &mut Sequential,
    loss: LossConfig,
    data: &R,
    batch_size: usize,
) -> Evaluation {
    evaluate_with_predictions(model, loss, data, batch_size).0
}

/// [`evaluate`], and the predictions it made on the way (one forward pass serves both).
///
/// # Shapes
/// `data.x: [N, …input_shape]` → predictions `[N, K]`.
pub fn evaluate_with_predictions<R: Rows + ?Sized>(
    model: &mut Sequential,
    loss: LossConfig,
    data: &R,
    batch_size: usize,
) -> (Evaluation, Array2<f32>) {
    let n = data.len();
    let mut predictions = Array2::zeros(data.targets().raw_dim());
    let mut loss_sum = 0.0;
    let mut start = 0;
    while start < n {
        let end = (start + batch_size.max(1)).min(n);
        let indices: Vec<usize> = (start..end).collect();
        let batch = data.batch(&indices);
        let output = model.forward(&batch.x, false);
        loss_sum +=
            f64::from(loss.evaluate(model, &output, &batch.y).0.loss) * (end - start) as f64;
        let output = output
            .into_dimensionality::<ndarray::Ix2>()
            .expect("[B, K] output");
        Zip::from(predictions.slice_mut(ndarray::s![start..end, ..]))
            .and(&output)
            .for_each(|p, &o| *p = o);
        start = end;
    }
    let evaluation = Evaluation::of(
        loss,
        loss_sum / n.max(1) as f64,
        &predictions,
        data.targets(),
    );
    (evaluation, predictions)
}

impl Evaluation {
    /// The evaluation of `predictions` against `targets` whose mean loss is `mean_loss`: accuracy
    /// for classification, r² for regression (by `loss`'s kind).
    ///
    /// # Shapes
    /// `predictions`, `targets`: `[N, K]`.
    pub fn of(
        loss: LossConfig,
        mean_loss: f64,
        predictions: &Array2<f32>,
        targets: &Array2<f32>,
    ) -> Evaluation {
        let (accuracy, r2) = if loss.kind == LossKind::MeanSquaredError {
            let flat = |a: &Array2<f32>| a.iter().copied().collect::<Vec<_>>();
            (None, Some(metrics::r2(&flat(targets), &flat(predictions))))
        } else {
            (
                Some(metrics::accuracy(predictions.view(), targets.view())),
                None,
            )
        };
        Evaluation {
            loss: mean_loss,
            accuracy,
            r2,
        }
    }
}
