//! Running the model: classic fourth-order Runge–Kutta with a fixed step,
//!
//! `y₁ = y₀ + h/6 · (k₁ + 2k₂ + 2k₃ + k₄)`, `k₁ = f(y₀)`, `k₂ = f(y₀ + h/2·k₁)`,
//! `k₃ = f(y₀ + h/2·k₂)`, `k₄ = f(y₀ + h·k₃)`,
//!
//! from inoculation to harvest. The run is cut into segments at the feed start and the induction
//! (where the right-hand side jumps) and at every recorded time; each segment takes the fewest
//! equal steps no longer than the step, so no step straddles an event and halving the step
//! changes a titer by far less than 0.1 % (`tests/bioreactor.rs`).
//!
//! A measured titer carries multiplicative log-normal noise with coefficient of variation `cv`:
//! `measured = titer · exp(σ·z − σ²/2)`, `σ² = ln(1 + cv²)`, `z` standard normal from a seeded
//! ChaCha8 stream (Box–Muller), so its mean is the true titer and its sd `cv` times it.

use super::conditions::Conditions;
use super::model::{Params, Phase, State};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// The integration step, h (1,500 steps for a 30 h run). Halving it changes titers by less than
/// 1e-5 (relative) across the design ranges: checked in `tests/bioreactor.rs`.
pub const STEP: f64 = 0.02;

/// Hours between the recorded points of a time course.
pub const RECORD_EVERY: f64 = 0.5;

/// The vessel at one moment of a run.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimePoint {
    /// Hours after inoculation.
    pub time: f64,
    /// Biomass, glucose, product, volume and glucose consumed.
    pub state: State,
    /// Glucose fed so far, g.
    pub fed: f64,
}

impl TimePoint {
    /// The glucose balance's residue, g: fed − (now in the broth − at the start) − consumed. Zero
    /// up to the integration's round-off.
    pub fn balance_residue(&self, initial: &State) -> f64 {
        let accumulated =
            self.state.substrate * self.state.volume - initial.substrate * initial.volume;
        self.fed - accumulated - self.state.consumed
    }
}

/// Glucose fed up to `time`, g: `F · S_f · (t − t_feed)` once the feed runs.
pub fn fed_by(time: f64, conditions: &Conditions, params: &Params) -> f64 {
    let hours = (time - params.feed_start).max(0.0);
    conditions.feed_rate.max(0.0) / 1000.0 * params.s_feed * hours
}

/// The segment ends of a run: 0, the feed start, the induction, harvest, and with `record` every
/// multiple of it.
fn boundaries(conditions: &Conditions, params: &Params, record: Option<f64>) -> Vec<f64> {
    let end = params.harvest;
    let mut times = vec![0.0, end];
    for event in [params.feed_start, conditions.induction_time] {
        if event > 0.0 && event < end {
            times.push(event);
        }
    }
    if let Some(every) = record.filter(|e| *e > 0.0) {
        let count = (end / every).floor() as usize;
        times.extend((1..=count).map(|k| k as f64 * every).filter(|&t| t < end));
    }
    times.sort_by(f64::total_cmp);
    times.dedup();
    times
}

fn add(y: [f64; 5], k: [f64; 5], scale: f64) -> [f64; 5] {
    let mut out = y;
    for (o, d) in out.iter_mut().zip(k) {
        *o += scale * d;
    }
    out
}

/// Integrates from `from` to `to` in the phase that holds there, in equal steps no longer than
/// `step`.
fn segment(
    state: State,
    from: f64,
    to: f64,
    conditions: &Conditions,
    params: &Params,
    step: f64,
) -> State {
    let phase = Phase {
        feeding: from >= params.feed_start,
        induced: from >= conditions.induction_time,
    };
    let f = |y: [f64; 5]| {
        params
            .derivatives(&State::from_array(y), conditions, phase)
            .to_array()
    };
    let steps = ((to - from) / step - 1e-9).ceil().max(1.0) as usize;
    let h = (to - from) / steps as f64;
    let mut y = state.to_array();
    for _ in 0..steps {
        let k1 = f(y);
        let k2 = f(add(y, k1, h / 2.0));
        let k3 = f(add(y, k2, h / 2.0));
        let k4 = f(add(y, k3, h));
        for j in 0..5 {
            y[j] += h / 6.0 * (k1[j] + 2.0 * k2[j] + 2.0 * k3[j] + k4[j]);
        }
    }
    State::from_array(y)
}

/// The whole run with `step` (h), recording a point at every segment end (every `record` hours,
/// the feed start and the induction); the first point is the inoculation, the last the harvest.
///
/// # Panics
/// If `step` is not positive and finite.
pub fn course_with_step(
    conditions: &Conditions,
    params: &Params,
    step: f64,
    record: Option<f64>,
) -> Vec<TimePoint> {
    assert!(step > 0.0 && step.is_finite(), "RK4 step {step} h");
    let times = boundaries(conditions, params, record);
    let mut state = State::initial(params, conditions.initial_substrate);
    let mut points = Vec::with_capacity(times.len());
    points.push(TimePoint {
        time: 0.0,
        state,
        fed: 0.0,
    });
    for pair in times.windows(2) {
        state = segment(state, pair[0], pair[1], conditions, params, step);
        points.push(TimePoint {
            time: pair[1],
            state,
            fed: fed_by(pair[1], conditions, params),
        });
    }
    points
}

/// The run's time course for plots: a point every [`RECORD_EVERY`] hours (and at the feed start
/// and the induction), integrated with [`STEP`].
pub fn course(conditions: &Conditions, params: &Params) -> Vec<TimePoint> {
    course_with_step(conditions, params, STEP, Some(RECORD_EVERY))
}

/// The harvest state with `step` (h), recording nothing.
pub fn harvest_with_step(conditions: &Conditions, params: &Params, step: f64) -> State {
    let points = course_with_step(conditions, params, step, None);
    points.last().expect("inoculation and harvest").state
}

/// The true (noiseless) harvest titer, mg/L.
pub fn titer(conditions: &Conditions, params: &Params) -> f64 {
    harvest_with_step(conditions, params, STEP).product
}

/// One simulated run: its conditions, the true titer and the measured one.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Run {
    /// The operating conditions.
    pub conditions: Conditions,
    /// The noiseless harvest titer, mg/L.
    pub titer: f64,
    /// The titer as measured (with noise), mg/L.
    pub measured: f64,
}

/// A standard normal number (Box–Muller from two uniforms).
fn standard_normal(rng: &mut ChaCha8Rng) -> f64 {
    let (u, v): (f64, f64) = (rng.random::<f64>().max(1e-300), rng.random());
    (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
}

/// `titer` measured with coefficient of variation `cv` given the standard normal `z` (the module
/// docs' log-normal formula; `cv = 0` returns `titer`).
pub fn measure(titer: f64, cv: f64, z: f64) -> f64 {
    if cv <= 0.0 {
        return titer;
    }
    let sigma2 = (1.0 + cv * cv).ln();
    titer * (sigma2.sqrt() * z - sigma2 / 2.0).exp()
}

/// Runs a design a few rows at a time (for a page that simulates in short tasks): each run's
/// titer and one normal draw for its measurement, in design order from one seeded stream, so the
/// runs are the same however the work is cut.
#[derive(Clone, Debug)]
pub struct RunSimulator {
    design: Vec<Conditions>,
    params: Params,
    noise_cv: f64,
    rng: ChaCha8Rng,
    runs: Vec<Run>,
}

impl RunSimulator {
    /// A simulation of `design` with `params`, measured with noise `noise_cv` from `seed`.
    pub fn new(design: Vec<Conditions>, params: &Params, noise_cv: f64, seed: u64) -> RunSimulator {
        RunSimulator {
            runs: Vec::with_capacity(design.len()),
            design,
            params: *params,
            noise_cv,
            rng: ChaCha8Rng::seed_from_u64(seed),
        }
    }

    /// Simulates up to `count` more runs; returns whether every run is done.
    pub fn step(&mut self, count: usize) -> bool {
        let start = self.runs.len();
        let end = (start + count).min(self.design.len());
        for conditions in &self.design[start..end] {
            let titer = titer(conditions, &self.params);
            let z = standard_normal(&mut self.rng);
            self.runs.push(Run {
                conditions: *conditions,
                titer,
                measured: measure(titer, self.noise_cv, z),
            });
        }
        self.is_done()
    }

    /// Whether every run is done.
    pub fn is_done(&self) -> bool {
        self.runs.len() == self.design.len()
    }

    /// (runs done, runs in the design).
    pub fn progress(&self) -> (usize, usize) {
        (self.runs.len(), self.design.len())
    }

    /// The runs simulated so far.
    pub fn into_runs(self) -> Vec<Run> {
        self.runs
    }
}

/// Runs every design row and measures its titer with noise `noise_cv`, one normal draw per run in
/// order from `seed` (the same seed gives the same measurements).
pub fn simulate_runs(design: &[Conditions], params: &Params, noise_cv: f64, seed: u64) -> Vec<Run> {
    let mut simulator = RunSimulator::new(design.to_vec(), params, noise_cv, seed);
    simulator.step(design.len());
    simulator.into_runs()
}
