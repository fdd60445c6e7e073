//! The fed-batch model: balances for a stirred vessel fed at rate `F` (L/h) with glucose at
//! `S_f` (g/L), volume `V` (L), biomass `X` (g/L), glucose `S` (g/L), product `P` (mg/L):
//!
//! ```text
//! dX/dt = μ·X − (F/V)·X
//! dS/dt = (F/V)·(S_f − S) − q_s·X
//! dP/dt = q_p·X − (F/V)·P
//! dV/dt = F
//! dC/dt = q_s·X·V                          glucose consumed, g (for the mass balance)
//! ```
//!
//! Every concentration is diluted by the feed (`F/V`); the feed adds `F·S_f` grams of glucose per
//! hour, so `S·V − S₀·V₀ = F·S_f·(t − t_feed) − C`: what came in is what is left plus what was
//! eaten. The rates:
//!
//! ```text
//! μ   = μ_max · γ_T(T) · γ_pH(pH) · S/(K_s + S) · K_i/(K_i + S) · (1 − X/X_max) · b
//! q_s = μ / Y_xs + m_s · S/(K_s + S)
//! q_p = (α·μ + β) · γ_P(T) · I/(K_I + I)         after induction, 0 before
//! b   = 1 before induction, 1 / (1 + I/K_B) after (the metabolic burden of expression)
//! ```
//!
//! `γ_T` and `γ_P` are Rosso's cardinal temperature model with inflection (CTMI; Rosso et al.
//! 1993, J. Theor. Biol. 162:447–463), `γ_pH` his cardinal pH model (CPM; Rosso et al. 1995, Appl.
//! Environ. Microbiol. 61:610–616): 1 at the optimum, 0 at and beyond the minimum and maximum.
//! Product formation follows Luedeking–Piret (`α·μ + β`: growth-associated plus constant) with its
//! own temperature optimum 8 °C below growth's, as for soluble recombinant proteins in E. coli,
//! which fold better in cooler, slower cultures (Schein & Noteborn 1988, Bio/Technology
//! 6:291–294). The trade-offs this builds:
//!
//! - temperature: warm grows biomass, cool makes product (best between 29 and 37 °C);
//! - pH: growth falls on either side of 7;
//! - feed: too little starves the cells; too much overshoots what the vessel can carry, and the
//!   unused glucose inhibits growth and dilutes the broth;
//! - initial glucose: too little starves the batch phase before the feed starts, too much
//!   inhibits it;
//! - induction time: early induction burdens the growth phase, late induction leaves little time
//!   to make product;
//! - inducer: production saturates (`K_I`) while the burden keeps growing (`K_B`).
//!
//! `X_max` stands for the oxygen the vessel can transfer: a logistic factor, the usual ceiling of
//! air-sparged E. coli cultures (Lee 1996, Trends Biotechnol. 14:98–105).

use super::conditions::Conditions;
use serde::{Deserialize, Serialize};

/// The model's constants (units in each field's doc; provenance beside [`Params::E_COLI`]).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Params {
    /// Largest specific growth rate at the optimal temperature and pH, 1/h.
    pub mu_max: f64,
    /// Monod half-saturation constant for glucose, g/L.
    pub k_s: f64,
    /// Substrate inhibition constant, g/L.
    pub k_i: f64,
    /// Biomass yield on glucose, g/g.
    pub y_xs: f64,
    /// Maintenance glucose uptake, g/(g·h).
    pub m_s: f64,
    /// Most biomass the vessel's oxygen transfer carries, g/L.
    pub x_max: f64,
    /// Growth's cardinal temperatures (minimum, optimum, maximum), °C.
    pub growth_temperature: [f64; 3],
    /// Growth's cardinal pH (minimum, optimum, maximum).
    pub growth_ph: [f64; 3],
    /// Product formation's cardinal temperatures, °C.
    pub product_temperature: [f64; 3],
    /// Growth-associated product, mg product per g biomass formed.
    pub alpha: f64,
    /// Non-growth-associated product, mg/(g·h).
    pub beta: f64,
    /// Inducer concentration of half-maximal induction, mM.
    pub k_inducer: f64,
    /// Inducer concentration at which the burden halves growth, mM.
    pub k_burden: f64,
    /// Biomass at inoculation, g/L.
    pub x0: f64,
    /// Volume at inoculation, L.
    pub v0: f64,
    /// Glucose in the feed, g/L.
    pub s_feed: f64,
    /// Hours after inoculation the feed starts (the end of a typical batch phase).
    pub feed_start: f64,
    /// Hours after inoculation the run is harvested.
    pub harvest: f64,
}

impl Params {
    /// Literature-plausible constants for a recombinant protein made by E. coli on glucose.
    pub const E_COLI: Params = Params {
        // E. coli on glucose in defined medium at 37 °C grows at 0.6–0.8 1/h.
        mu_max: 0.7,
        // Glucose K_s of 0.05–0.2 g/L is what fed-batch models use; the upper end keeps the
        // ODE less stiff at the same titers.
        k_s: 0.2,
        // Glucose inhibits E. coli growth from tens of g/L.
        k_i: 50.0,
        // Aerobic growth on glucose yields about 0.5 g biomass per g glucose.
        y_xs: 0.5,
        // Pirt maintenance of E. coli, about 0.03 g glucose per g biomass per hour.
        m_s: 0.03,
        // An air-sparged bench vessel carries 30–50 g/L dry biomass (Lee 1996).
        x_max: 40.0,
        // CTMI cardinal temperatures of E. coli (Rosso et al. 1993/1995: T_min 5–8, T_opt near
        // 37, T_max 45–47 °C).
        growth_temperature: [6.0, 37.0, 46.0],
        // CPM cardinal pH of E. coli (growth between pH 4.5 and 9, Rosso et al. 1995).
        growth_ph: [4.3, 7.0, 9.5],
        // Soluble product is favoured near 29 °C (Schein & Noteborn 1988); chosen for the lesson.
        product_temperature: [10.0, 29.0, 42.0],
        // Mostly non-growth-associated product (β ≫ α·μ), as for a recombinant protein made
        // after induction in a culture that has stopped growing; α and β are chosen so the best
        // run makes about 6 g/L, about 160 mg per g biomass (~30 % of the cell's protein, a
        // strongly expressed protein).
        alpha: 5.0,
        beta: 10.0,
        // IPTG half-induces a lac-type promoter near 0.1 mM and saturates towards 1 mM.
        k_inducer: 0.1,
        // The burden: 2 mM IPTG halves growth (chosen for the lesson; expression burden grows
        // with induction strength, Glick 1995, Biotechnol. Adv. 13:247–261).
        k_burden: 2.0,
        // A 10 % (v/v) inoculum of a 10 g/L pre-culture into 1 L.
        x0: 1.0,
        v0: 1.0,
        // A concentrated glucose feed (500 g/L is usual).
        s_feed: 500.0,
        // A 6 h batch phase, then the feed; harvest 30 h after inoculation.
        feed_start: 6.0,
        harvest: 30.0,
    };
}

impl Default for Params {
    fn default() -> Params {
        Params::E_COLI
    }
}

/// Rosso's cardinal temperature model with inflection: 0 outside `(min, max)`, 1 at `opt`,
///
/// `γ(T) = (T − T_max)(T − T_min)² / ((T_opt − T_min)[(T_opt − T_min)(T − T_opt) −
/// (T_opt − T_max)(T_opt + T_min − 2T)])`.
pub fn ctmi(t: f64, [min, opt, max]: [f64; 3]) -> f64 {
    if t <= min || t >= max {
        return 0.0;
    }
    let denominator = (opt - min) * ((opt - min) * (t - opt) - (opt - max) * (opt + min - 2.0 * t));
    (t - max) * (t - min).powi(2) / denominator
}

/// Rosso's cardinal pH model: 0 outside `(min, max)`, 1 at `opt`,
///
/// `γ(pH) = (pH − pH_min)(pH − pH_max) / ((pH − pH_min)(pH − pH_max) − (pH − pH_opt)²)`.
pub fn cpm(ph: f64, [min, opt, max]: [f64; 3]) -> f64 {
    if ph <= min || ph >= max {
        return 0.0;
    }
    let a = (ph - min) * (ph - max);
    a / (a - (ph - opt).powi(2))
}

/// The state of the vessel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// Biomass `X`, g/L.
    pub biomass: f64,
    /// Glucose `S`, g/L.
    pub substrate: f64,
    /// Product `P`, mg/L.
    pub product: f64,
    /// Volume `V`, L.
    pub volume: f64,
    /// Glucose consumed so far `C`, g.
    pub consumed: f64,
}

impl State {
    /// The vessel at inoculation with `initial_substrate` g/L glucose.
    pub fn initial(params: &Params, initial_substrate: f64) -> State {
        State {
            biomass: params.x0,
            substrate: initial_substrate,
            product: 0.0,
            volume: params.v0,
            consumed: 0.0,
        }
    }

    pub(super) fn to_array(self) -> [f64; 5] {
        [
            self.biomass,
            self.substrate,
            self.product,
            self.volume,
            self.consumed,
        ]
    }

    pub(super) fn from_array([biomass, substrate, product, volume, consumed]: [f64; 5]) -> State {
        State {
            biomass,
            substrate,
            product,
            volume,
            consumed,
        }
    }
}

/// Which events have happened: the feed is on, the inducer is in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Phase {
    /// The feed runs (from [`Params::feed_start`]).
    pub feeding: bool,
    /// The inducer has been added (from [`Conditions::induction_time`]).
    pub induced: bool,
}

/// The specific rates at one moment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rates {
    /// Specific growth rate `μ`, 1/h.
    pub mu: f64,
    /// Specific glucose uptake `q_s`, g/(g·h).
    pub q_s: f64,
    /// Specific product formation `q_p`, mg/(g·h).
    pub q_p: f64,
}

impl Params {
    /// The rates of `state` under `conditions` in `phase` (the formulas in the module docs).
    pub fn rates(&self, state: &State, conditions: &Conditions, phase: Phase) -> Rates {
        let s = state.substrate.max(0.0);
        let monod = s / (self.k_s + s);
        let inhibition = self.k_i / (self.k_i + s);
        let ceiling = (1.0 - state.biomass / self.x_max).max(0.0);
        let induced = phase.induced && conditions.inducer > 0.0;
        let burden = if induced {
            1.0 / (1.0 + conditions.inducer / self.k_burden)
        } else {
            1.0
        };
        let mu = self.mu_max
            * ctmi(conditions.temperature, self.growth_temperature)
            * cpm(conditions.ph, self.growth_ph)
            * monod
            * inhibition
            * ceiling
            * burden;
        let q_p = if induced {
            (self.alpha * mu + self.beta)
                * ctmi(conditions.temperature, self.product_temperature)
                * conditions.inducer
                / (self.k_inducer + conditions.inducer)
        } else {
            0.0
        };
        Rates {
            mu,
            q_s: mu / self.y_xs + self.m_s * monod,
            q_p,
        }
    }

    /// The feed rate in L/h under `conditions` (their feed rate is in mL/h) in `phase`.
    pub fn feed(&self, conditions: &Conditions, phase: Phase) -> f64 {
        if phase.feeding {
            conditions.feed_rate.max(0.0) / 1000.0
        } else {
            0.0
        }
    }

    /// `d state / dt` (the balances in the module docs).
    pub fn derivatives(&self, state: &State, conditions: &Conditions, phase: Phase) -> State {
        let Rates { mu, q_s, q_p } = self.rates(state, conditions, phase);
        let feed = self.feed(conditions, phase);
        let dilution = feed / state.volume;
        let x = state.biomass;
        State {
            biomass: mu * x - dilution * x,
            substrate: dilution * (self.s_feed - state.substrate) - q_s * x,
            product: q_p * x - dilution * state.product,
            volume: feed,
            consumed: q_s * x * state.volume,
        }
    }
}
