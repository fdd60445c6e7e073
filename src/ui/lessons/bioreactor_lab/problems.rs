//! What the bioreactor lab's data can be while it is prepared, and why there may be nothing to
//! train on (each reason one sentence in both languages).

use crate::data::csv::TabularFileError;
use crate::lab::bioreactor::Run;
use crate::lang::Lang;
use std::sync::Arc;

/// The fewest runs the lab trains on (a test set of a few runs is left).
pub const MIN_RUNS: usize = 10;

/// The simulated runs.
#[derive(Clone, Debug, PartialEq)]
pub enum Simulated {
    /// Being simulated: (runs done, runs).
    Running(usize, usize),
    /// Done, with the milliseconds it took.
    Ready(Arc<Vec<Run>>, f64),
}

/// Why there is nothing to train on.
#[derive(Clone, Debug, PartialEq)]
pub enum DataProblem {
    /// The simulation is running.
    Simulating,
    /// No file chosen yet.
    NoFile,
    /// The file cannot be read as a table of numbers.
    File(TabularFileError),
    /// Too few accepted runs.
    TooFew(usize),
    /// The runs cannot be learned from.
    Data(crate::lab::bioreactor::DataError),
}

impl DataProblem {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DataProblem::Simulating => lang
                .pick("실행을 시뮬레이션하는 중…", "Simulating the runs…")
                .to_string(),
            DataProblem::NoFile => lang
                .pick(
                    "CSV 또는 TSV 파일을 고르거나 여기로 끌어 놓으세요.",
                    "Choose a CSV or TSV file, or drop one here.",
                )
                .to_string(),
            DataProblem::File(e) => e.message(lang),
            DataProblem::TooFew(n) => lang.pick(
                format!("받아들인 실행이 {n}개뿐입니다. 적어도 {MIN_RUNS}개가 필요합니다."),
                format!("Only {n} runs were accepted; at least {MIN_RUNS} are needed."),
            ),
            DataProblem::Data(e) => e.message(lang),
        }
    }
}
