//! The six operating conditions of a run — the lab's inputs `x = (T, pH, F, S₀, t_ind, I)` — with
//! their units, their names in both languages and the range a design draws them from.
//!
//! The ranges are chosen around the simulator's best run so that the best titer lies strictly
//! inside every one of them: each condition is a real trade-off (see [`super::model`]), and the
//! tests check the optimum's place ([`super::true_optimum`]).

use crate::bounds::Bounds;
use crate::choice;
use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// How many conditions a run has (the width of a design's rows).
pub const COUNT: usize = 6;

/// One operating condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// Cultivation temperature, °C (growth is fastest near 37 °C, product forms best near 29 °C).
    Temperature,
    /// pH of the broth (growth is fastest at 7).
    Ph,
    /// Feed rate of the 500 g/L glucose feed, mL/h, from the feed start (6 h) to harvest.
    FeedRate,
    /// Glucose in the broth at inoculation, g/L.
    InitialSubstrate,
    /// Hours after inoculation at which the inducer is added.
    InductionTime,
    /// Inducer (IPTG) concentration, mM.
    Inducer,
}

impl Condition {
    /// Every condition, in the order of a design's columns.
    pub const ALL: [Condition; COUNT] = [
        Condition::Temperature,
        Condition::Ph,
        Condition::FeedRate,
        Condition::InitialSubstrate,
        Condition::InductionTime,
        Condition::Inducer,
    ];

    /// The column index of this condition.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The range a design draws this condition from. Each contains the simulator's optimum
    /// strictly inside (checked by `tests/bioreactor.rs`); provenance in [`super::model`].
    pub fn range(self) -> Bounds<f64> {
        // Ranges around the simulator's best run (30.7 °C, pH 7.0, 11.3 mL/h, 23.7 g/L, 6.3 h,
        // 1.5 mM; `tests/bioreactor.rs`), wide enough that each condition's trade-off shows and
        // narrow enough that 200 runs teach a 2 × 16 network the hill (the lab's acceptance test).
        match self {
            // Growth (optimum 37 °C) against product formation (optimum 29 °C): the titer falls
            // by about 30 % at 27 °C and 17 % at 35 °C.
            Condition::Temperature => Bounds::new(27.0, 35.0),
            // A controlled broth near neutral; growth's cardinal pH are 4.3 / 7.0 / 9.5, so the
            // titer changes by about 1 % here.
            Condition::Ph => Bounds::new(6.6, 7.4),
            // 8 mL/h feeds too little to fill the vessel, 15 mL/h overshoots it (about 4–6 %).
            Condition::FeedRate => Bounds::new(8.0, 15.0),
            // Too little starves the 6 h batch phase, too much inhibits it (K_i = 50 g/L).
            Condition::InitialSubstrate => Bounds::new(12.0, 34.0),
            // Early induction burdens growth (−20 % at 2 h), late leaves less time (−13 % at 12 h).
            Condition::InductionTime => Bounds::new(2.0, 12.0),
            // Induction saturates (K_I = 0.1 mM) while the burden grows (K_B = 2 mM).
            Condition::Inducer => Bounds::new(0.8, 2.4),
        }
    }

    /// The unit, as a column name writes it.
    pub fn unit(self) -> &'static str {
        match self {
            Condition::Temperature => "°C",
            Condition::Ph => "",
            Condition::FeedRate => "mL/h",
            Condition::InitialSubstrate => "g/L",
            Condition::InductionTime => "h",
            Condition::Inducer => "mM",
        }
    }

    /// The condition's name in `lang` (without the unit).
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Condition::Temperature => lang.pick("온도", "temperature"),
            Condition::Ph => "pH",
            Condition::FeedRate => lang.pick("공급 속도", "feed rate"),
            Condition::InitialSubstrate => lang.pick("초기 포도당", "initial glucose"),
            Condition::InductionTime => lang.pick("유도 시점", "induction time"),
            Condition::Inducer => lang.pick("유도제", "inducer"),
        }
    }

    /// The name with its unit, as a table column: `temperature (°C)`, `pH`.
    pub fn column(self, lang: Lang) -> String {
        match self.unit() {
            "" => self.name(lang).to_string(),
            unit => format!("{} ({unit})", self.name(lang)),
        }
    }
}

choice!(Condition {
    Temperature => "temperature",
    Ph => "ph",
    FeedRate => "feed_rate",
    InitialSubstrate => "initial_substrate",
    InductionTime => "induction_time",
    Inducer => "inducer",
});

/// The ranges of all six conditions, in column order.
pub fn ranges() -> [Bounds<f64>; COUNT] {
    Condition::ALL.map(Condition::range)
}

/// One run's operating conditions, in the units of [`Condition::unit`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conditions {
    /// °C.
    pub temperature: f64,
    /// pH.
    pub ph: f64,
    /// Feed rate, mL/h (from the feed start to harvest).
    pub feed_rate: f64,
    /// Glucose at inoculation, g/L.
    pub initial_substrate: f64,
    /// Hours after inoculation the inducer is added.
    pub induction_time: f64,
    /// Inducer concentration, mM.
    pub inducer: f64,
}

impl Conditions {
    /// The conditions as a design row, in [`Condition::ALL`] order.
    pub fn to_array(&self) -> [f64; COUNT] {
        [
            self.temperature,
            self.ph,
            self.feed_rate,
            self.initial_substrate,
            self.induction_time,
            self.inducer,
        ]
    }

    /// Conditions from a design row in [`Condition::ALL`] order.
    pub fn from_array(row: [f64; COUNT]) -> Conditions {
        let [
            temperature,
            ph,
            feed_rate,
            initial_substrate,
            induction_time,
            inducer,
        ] = row;
        Conditions {
            temperature,
            ph,
            feed_rate,
            initial_substrate,
            induction_time,
            inducer,
        }
    }

    /// The value of `condition`.
    pub fn get(&self, condition: Condition) -> f64 {
        self.to_array()[condition.index()]
    }

    /// The same conditions with `condition` set to `value`.
    pub fn with(&self, condition: Condition, value: f64) -> Conditions {
        let mut row = self.to_array();
        row[condition.index()] = value;
        Conditions::from_array(row)
    }

    /// The middle of every range.
    pub fn centre() -> Conditions {
        Conditions::from_array(ranges().map(|b| (b.min + b.max) / 2.0))
    }
}
