//! "How many runs do I need?": the same lab at 20, 50, 100, 200 and 500 runs, and what each job
//! needs — rows to fit, to validate and to test, the network's weights per fitted row, and the
//! reactor time the runs would take in a real laboratory.
//!
//! Rows: `test = ⌈f_test·N⌉`, `train = N − test`, `fitted = ⌊train·(1 − f_val)⌋` (Keras's
//! validation split), `validation = train − fitted`.

use super::conditions::COUNT;
use super::model::Params;
use super::settings::Settings;
use serde::{Deserialize, Serialize};

/// The run counts the page offers to compare.
pub const RUN_COUNTS: [usize; 5] = [20, 50, 100, 200, 500];

/// One job of the comparison.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunPlan {
    /// Simulated runs.
    pub runs: usize,
    /// Runs the model learns from (validation included).
    pub train_rows: usize,
    /// Training runs the gradient steps see.
    pub fitted_rows: usize,
    /// Training runs held out for early stopping.
    pub validation_rows: usize,
    /// Runs held out for the test r².
    pub test_rows: usize,
    /// The network's trainable parameters.
    pub parameters: usize,
    /// Parameters per fitted row (above about 1 the network can memorise the runs).
    pub parameters_per_row: f64,
    /// Reactor hours the runs take, one vessel after another.
    pub reactor_hours: f64,
    /// The job's settings: the student's, with this many runs.
    pub settings: Settings,
}

/// The plan of every count in [`RUN_COUNTS`] for `settings`, runs harvested at `params.harvest`.
pub fn run_plans(settings: &Settings, params: &Params) -> Vec<RunPlan> {
    let parameters = settings.spec(COUNT).facts().map_or(0, |facts| facts.params);
    RUN_COUNTS
        .iter()
        .map(|&runs| {
            let test_rows =
                ((settings.test_fraction.clamp(0.0, 1.0) * runs as f64).ceil() as usize).min(runs);
            let train_rows = runs - test_rows;
            let fitted_rows =
                (train_rows as f64 * (1.0 - settings.knobs.validation)).floor() as usize;
            RunPlan {
                runs,
                train_rows,
                fitted_rows,
                validation_rows: train_rows - fitted_rows,
                test_rows,
                parameters,
                parameters_per_row: parameters as f64 / fitted_rows.max(1) as f64,
                reactor_hours: runs as f64 * params.harvest,
                settings: Settings {
                    runs,
                    ..settings.clone()
                },
            }
        })
        .collect()
}
