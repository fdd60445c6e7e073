//! The bioreactor lab: operating conditions → protein titer, a regression on six numbers.
//!
//! ```text
//! x = (T, pH, F, S₀, t_ind, I)  ──simulated fed-batch run──▶  titer y (mg/L) at 30 h
//! ```
//!
//! A simulated E. coli fed-batch expression run ([`model`]: balances and rates with their
//! provenance; [`simulate`]: fixed-step RK4, the time course, measurement noise) is run at the
//! conditions of a design ([`design`](mod@design): random, full grid or Latin hypercube). The
//! runs become a table ([`table`]: split, standardised on the training runs) for the network
//! ([`settings`]: the lab's typed settings, `spec()` and `config()`) and for the closed-form
//! least-squares plane it is compared with ([`linear`]). A trained model is then read and used:
//! partial dependence and response surfaces beside the simulator's truth ([`surface`]), the best
//! conditions it proposes and whether it extrapolates there ([`proposal`], searched by
//! [`optimize`], which also finds the simulator's true optimum), and how many runs a study needs
//! ([`plans`]). A trained network is saved with its columns and standardisation ([`saved`]) and
//! exported as a Keras script ([`export`]).
//!
//! Every condition has its optimum strictly inside its range ([`Condition::range`]): the titer is
//! a hill, not a plane, so a linear model cannot find the best run and a small network can.

pub mod conditions;
pub mod design;
pub mod export;
pub mod linear;
pub mod model;
pub mod optimize;
pub mod plans;
pub mod proposal;
pub mod report;
pub mod saved;
pub mod settings;
pub mod simulate;
pub mod surface;
pub mod table;

pub use conditions::{Condition, Conditions, ranges};
pub use design::{DesignKind, design};
pub use export::keras_export;
pub use linear::LinearFit;
pub use model::{Params, State};
pub use optimize::{Best, Search, SearchOptions, maximize, true_optimum};
pub use plans::{RUN_COUNTS, RunPlan, run_plans};
pub use proposal::{Proposal, place, propose};
pub use report::{Scores, TestReport, test_report};
pub use saved::BioreactorModel;
pub use settings::{DataSource, KNOB_RANGES, ModelPreset, Settings};
pub use simulate::{Run, RunSimulator, TimePoint, course, simulate_runs, titer};
pub use surface::{
    Curve, Surface, partial_dependence, partial_dependence_rows, response_surface, simulator,
    surface_rows,
};
pub use table::{DataError, LabData, Scaling, predictions_csv, runs_table};

use crate::lang::Lang;

/// The runs of `settings` as the lab simulates them: its design from `settings.seed`, run with
/// `params` and measured with `settings.noise_cv` (noise drawn from `settings.seed + 1`, so the
/// design and the noise are independent streams).
pub fn simulate_settings(settings: &Settings, params: &Params) -> Vec<Run> {
    let mut simulator = simulation(settings, params);
    simulator.step(usize::MAX);
    simulator.into_runs()
}

/// [`simulate_settings`] as a [`RunSimulator`], to be stepped a few runs at a time.
pub fn simulation(settings: &Settings, params: &Params) -> RunSimulator {
    let conditions = design(settings.design, settings.runs, &ranges(), settings.seed);
    RunSimulator::new(
        conditions,
        params,
        settings.noise_cv,
        settings.seed.wrapping_add(1),
    )
}

/// The simulated runs of `settings` as the lab's data: the table (column names in `lang`), split
/// with `settings.test_fraction` from `settings.seed`, standardised on the training runs.
///
/// # Errors
/// [`DataError`] if the runs cannot be learned from (every titer equal: no induction anywhere).
pub fn simulated_data(
    settings: &Settings,
    params: &Params,
    lang: Lang,
) -> Result<LabData, DataError> {
    let runs = simulate_settings(settings, params);
    LabData::new(
        runs_table(&runs, lang),
        settings.test_fraction,
        settings.seed,
    )
}

#[cfg(test)]
mod tests;
