//! Evaluation metrics.
//!
//! Classification: accuracy = correct / total (Keras's categorical accuracy: the arg-max of the
//! prediction equals the arg-max of the one-hot target; a single sigmoid output counts as class 1
//! above 0.5); a [`ConfusionMatrix`] with **rows = true class, columns = predicted class**
//! (scikit-learn's orientation, as in the lecture); per class c: precision = TP / (TP + FP),
//! recall = TP / (TP + FN), F1 = 2·P·R / (P + R).
//!
//! Regression: MSE = mean (y − ŷ)², MAE = mean |y − ŷ|, r² = 1 − SS_res / SS_tot (coefficient of
//! determination, can be negative), Pearson r = cov(y, ŷ) / (σ_y σ_ŷ). Computed in f64.

use ndarray::{Array2, ArrayView2};

/// The predicted (or true) class of every row: the arg-max, first index on a tie; for one column,
/// 1 if the value exceeds 0.5.
///
/// # Shapes
/// `[N, K]` → `N` class indices.
pub fn classes(rows: ArrayView2<f32>) -> Vec<usize> {
    rows.rows()
        .into_iter()
        .map(|row| {
            if row.len() == 1 {
                usize::from(row[0] > 0.5)
            } else {
                (0..row.len()).fold(0, |best, j| if row[j] > row[best] { j } else { best })
            }
        })
        .collect()
}

/// Fraction of rows whose predicted class equals the true class.
///
/// # Shapes
/// `predictions`, `targets`: `[N, K]`.
pub fn accuracy(predictions: ArrayView2<f32>, targets: ArrayView2<f32>) -> f64 {
    let (p, t) = (classes(predictions), classes(targets));
    if p.is_empty() {
        return 0.0;
    }
    p.iter().zip(&t).filter(|(a, b)| a == b).count() as f64 / p.len() as f64
}

/// Counts of (true class, predicted class) pairs: `counts[[true, predicted]]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfusionMatrix {
    /// `[classes, classes]`, rows = true class, columns = predicted class.
    pub counts: Array2<usize>,
}

impl ConfusionMatrix {
    /// Tallies class indices (`classes` classes).
    ///
    /// # Panics
    /// If the two lists differ in length or hold a class ≥ `classes`.
    pub fn from_classes(truth: &[usize], predicted: &[usize], classes: usize) -> ConfusionMatrix {
        assert_eq!(
            truth.len(),
            predicted.len(),
            "confusion matrix: {} true vs {} predicted",
            truth.len(),
            predicted.len()
        );
        let mut counts = Array2::zeros((classes, classes));
        for (&t, &p) in truth.iter().zip(predicted) {
            counts[[t, p]] += 1;
        }
        ConfusionMatrix { counts }
    }

    /// Tallies predictions against one-hot targets (see [`classes`]).
    ///
    /// # Shapes
    /// `predictions`, `targets`: `[N, K]` (K = 1 counts as two classes).
    pub fn from_predictions(
        predictions: ArrayView2<f32>,
        targets: ArrayView2<f32>,
    ) -> ConfusionMatrix {
        let k = targets.ncols().max(2);
        ConfusionMatrix::from_classes(&classes(targets), &classes(predictions), k)
    }

    /// Number of samples.
    pub fn total(&self) -> usize {
        self.counts.sum()
    }

    /// Correct / total.
    pub fn accuracy(&self) -> f64 {
        ratio(self.counts.diag().sum(), self.total())
    }

    /// TP / (TP + FP) for `class` (0 when nothing was predicted as it).
    pub fn precision(&self, class: usize) -> f64 {
        ratio(self.counts[[class, class]], self.counts.column(class).sum())
    }

    /// TP / (TP + FN) for `class` (0 when it never occurs).
    pub fn recall(&self, class: usize) -> f64 {
        ratio(self.counts[[class, class]], self.counts.row(class).sum())
    }

    /// Harmonic mean of precision and recall for `class`.
    pub fn f1(&self, class: usize) -> f64 {
        let (p, r) = (self.precision(class), self.recall(class));
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn check(observed: &[f32], predicted: &[f32]) {
    assert_eq!(
        observed.len(),
        predicted.len(),
        "metric: {} observed vs {} predicted",
        observed.len(),
        predicted.len()
    );
}

/// Mean squared error.
pub fn mse(observed: &[f32], predicted: &[f32]) -> f64 {
    check(observed, predicted);
    mean(
        observed
            .iter()
            .zip(predicted)
            .map(|(&y, &p)| (f64::from(y) - f64::from(p)).powi(2)),
    )
}

/// Mean absolute error.
pub fn mae(observed: &[f32], predicted: &[f32]) -> f64 {
    check(observed, predicted);
    mean(
        observed
            .iter()
            .zip(predicted)
            .map(|(&y, &p)| (f64::from(y) - f64::from(p)).abs()),
    )
}

/// Coefficient of determination `1 − SS_res / SS_tot` (0 if the observations are constant).
pub fn r2(observed: &[f32], predicted: &[f32]) -> f64 {
    check(observed, predicted);
    let m = mean(observed.iter().map(|&y| f64::from(y)));
    let ss_tot: f64 = observed.iter().map(|&y| (f64::from(y) - m).powi(2)).sum();
    let ss_res: f64 = observed
        .iter()
        .zip(predicted)
        .map(|(&y, &p)| (f64::from(y) - f64::from(p)).powi(2))
        .sum();
    if ss_tot == 0.0 {
        0.0
    } else {
        1.0 - ss_res / ss_tot
    }
}

/// Pearson correlation (0 if either side is constant).
pub fn pearson(observed: &[f32], predicted: &[f32]) -> f64 {
    check(observed, predicted);
    let (my, mp) = (
        mean(observed.iter().map(|&v| f64::from(v))),
        mean(predicted.iter().map(|&v| f64::from(v))),
    );
    let (mut cov, mut vy, mut vp) = (0.0, 0.0, 0.0);
    for (&y, &p) in observed.iter().zip(predicted) {
        let (dy, dp) = (f64::from(y) - my, f64::from(p) - mp);
        cov += dy * dp;
        vy += dy * dy;
        vp += dp * dp;
    }
    if vy == 0.0 || vp == 0.0 {
        0.0
    } else {
        cov / (vy * vp).sqrt()
    }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn the_lecture_confusion_matrix() {
        // LECTURE.md item 16: [[188, 6], [5, 201]], rows = true (0 = positive), columns = predicted.
        let mut truth = vec![0; 194];
        truth.extend(vec![1; 206]);
        let mut predicted = vec![0; 188];
        predicted.extend(vec![1; 6]);
        predicted.extend(vec![0; 5]);
        predicted.extend(vec![1; 201]);
        let cm = ConfusionMatrix::from_classes(&truth, &predicted, 2);
        assert_eq!(cm.counts, array![[188, 6], [5, 201]]);
        assert!((cm.accuracy() - 389.0 / 400.0).abs() < 1e-12);
        assert!((cm.precision(0) - 188.0 / 193.0).abs() < 1e-12);
        assert!((cm.recall(0) - 188.0 / 194.0).abs() < 1e-12);
        let (p, r) = (188.0 / 193.0, 188.0 / 194.0);
        assert!((cm.f1(0) - 2.0 * p * r / (p + r)).abs() < 1e-12);
    }

    #[test]
    fn accuracy_uses_argmax_with_the_first_index_on_ties() {
        let p = array![[0.6f32, 0.4], [0.5, 0.5], [0.1, 0.9]];
        let y = array![[1.0f32, 0.0], [0.0, 1.0], [0.0, 1.0]];
        assert!((accuracy(p.view(), y.view()) - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(classes(array![[0.7f32], [0.2]].view()), vec![1, 0]);
    }

    #[test]
    fn regression_metrics_by_hand() {
        let y = [1.0f32, 2.0, 3.0, 4.0];
        let p = [1.0f32, 2.0, 3.0, 5.0];
        assert!((mse(&y, &p) - 0.25).abs() < 1e-12);
        assert!((mae(&y, &p) - 0.25).abs() < 1e-12);
        assert!((r2(&y, &p) - (1.0 - 1.0 / 5.0)).abs() < 1e-12);
        assert!((pearson(&y, &[2.0, 4.0, 6.0, 8.0]) - 1.0).abs() < 1e-12);
        assert!(r2(&y, &[4.0, 3.0, 2.0, 1.0]) < 0.0);
        assert_eq!(pearson(&y, &[1.0; 4]), 0.0);
    }
}
