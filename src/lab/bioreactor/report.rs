//! How well the network predicts the test runs, beside the least-squares plane and the mean
//! baseline (always answering the training runs' mean titer):
//!
//! `r² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)²`, `RMSE = √(Σ(y − ŷ)² / N)`, in the target's unit (mg/L).

use super::linear::LinearFit;
use super::table::LabData;
use crate::metrics;
use serde::{Deserialize, Serialize};

/// One model's test scores.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    /// Coefficient of determination.
    pub r2: f64,
    /// Root mean squared error, in the target's unit.
    pub rmse: f64,
}

impl Scores {
    /// The scores of `predicted` against `observed`.
    pub fn of(observed: &[f64], predicted: &[f64]) -> Scores {
        let o: Vec<f32> = observed.iter().map(|&v| v as f32).collect();
        let p: Vec<f32> = predicted.iter().map(|&v| v as f32).collect();
        Scores {
            r2: metrics::r2(&o, &p),
            rmse: metrics::mse(&o, &p).sqrt(),
        }
    }
}

/// The network, the plane and the mean baseline on the test runs.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TestReport {
    /// The network.
    pub network: Scores,
    /// The least-squares plane.
    pub linear: Scores,
    /// Always the training mean.
    pub baseline: Scores,
}

/// The report of the network's `predicted` test titers (in `data`'s test order) and of `linear`.
///
/// # Panics
/// If `predicted` does not have one value per test run.
pub fn test_report(data: &LabData, predicted: &[f64], linear: &LinearFit) -> TestReport {
    let rows = &data.split.test;
    assert_eq!(rows.len(), predicted.len(), "one prediction per test run");
    let observed = data.targets(rows);
    let plane = linear.predict(&data.features(rows));
    let plane: Vec<f64> = plane.into_iter().map(f64::from).collect();
    let mean = vec![data.scaling.target.mean; rows.len()];
    TestReport {
        network: Scores::of(&observed, predicted),
        linear: Scores::of(&observed, &plane),
        baseline: Scores::of(&observed, &mean),
    }
}
