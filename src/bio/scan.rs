//! Scanning a sequence with a motif: score every window of the motif's width, on both strands.
//!
//! - Log-likelihood (the lecture's score, natural log):
//!   `LL(w) = ln Π_i Σ_b x[i, b]·p[b, i]` where `x` is the window's one-hot matrix. It is ≤ 0;
//!   closer to 0 means more like the motif. "ATACA" scores −9.567015315914915 and "TACAA"
//!   −2.119846956314875 against the lecture's PWM (`fixtures/seed_values.json`, `window_scores`).
//! - Log-odds (what motif tools report, bits, as Biopython's `pssm.calculate`):
//!   `LO(w) = log2( Π_i p[w_i, i] / Π_i bg[w_i] )`; above 0 means more like the motif than like the
//!   background.
//!
//! `N` counts as the average of the four bases (its one-hot row is 1/4 each). The reverse strand's
//! score of a window is the score of its reverse complement.

use super::alphabet::{Symbol, reverse_complement, to_text};
use super::motif::{Background, Pwm};
use crate::lang::Lang;

/// Which score a scan reports.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Score {
    /// Natural-log likelihood of the window under the PWM (the lecture's score).
    LogLikelihood,
    /// Log2 odds of the window under the PWM against a background (Biopython's `log_odds`).
    LogOdds(Background),
}

/// Which score the page shows, by name (the background of the log-odds is set apart).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum ScoreKind {
    /// The lecture's natural-log likelihood (`ll`).
    #[default]
    #[serde(rename = "ll")]
    LogLikelihood,
    /// Log2 odds against a background (`lo`).
    #[serde(rename = "lo")]
    LogOdds,
}

crate::choice!(ScoreKind {
    LogLikelihood => "ll",
    LogOdds => "lo",
});

impl ScoreKind {
    /// The score to compute, with `background` for the log-odds.
    pub fn score(self, background: Background) -> Score {
        match self {
            ScoreKind::LogLikelihood => Score::LogLikelihood,
            ScoreKind::LogOdds => Score::LogOdds(background),
        }
    }
}

/// The scores of one window.
#[derive(Clone, Debug, PartialEq)]
pub struct WindowScore {
    /// 0-based start of the window in the sequence.
    pub start: usize,
    /// The window's letters on the forward strand.
    pub window: String,
    /// Score of the window as written (+ strand).
    pub forward: f64,
    /// The window's reverse complement: the − strand read 5′→3′.
    pub reverse_window: String,
    /// Score of its reverse complement (− strand).
    pub reverse: f64,
}

impl WindowScore {
    /// The better of the two strands' scores.
    pub fn best(&self) -> f64 {
        self.forward.max(self.reverse)
    }
}

/// Why a scan could not run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScanError {
    /// The sequence is shorter than the motif, so it has no window.
    TooShort {
        /// Sequence length.
        length: usize,
        /// Motif width.
        width: usize,
    },
}

impl ScanError {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let ScanError::TooShort { length, width } = self;
        lang.pick(
            format!(
                "서열 길이({length})가 모티프 폭({width})보다 짧아서 훑을 창(window)이 없습니다."
            ),
            format!(
                "The sequence ({length} bases) is shorter than the motif ({width} positions), so \
                 there is no window to score."
            ),
        )
    }
}

crate::message!(ScanError);

/// Scores one window (`window.len()` must equal the motif width).
///
/// # Panics
/// If `window.len() != pwm.width()`.
pub fn score_window(pwm: &Pwm, window: &[Symbol], score: Score) -> f64 {
    assert_eq!(
        window.len(),
        pwm.width(),
        "a window of {} bases cannot be scored by a motif of width {}",
        window.len(),
        pwm.width()
    );
    // The lecture's order: the product of the per-position probabilities, then one logarithm.
    // A wide motif's product underflows (below ~1e-308 after about 540 positions of 0.25), so
    // then the logarithms are summed instead; a probability of 0 gives −∞ either way.
    let likelihood: f64 = window
        .iter()
        .enumerate()
        .map(|(j, &s)| pwm.prob(s, j))
        .product();
    let normal = |x: f64| x >= f64::MIN_POSITIVE;
    match score {
        Score::LogLikelihood if normal(likelihood) => likelihood.ln(),
        Score::LogLikelihood => window
            .iter()
            .enumerate()
            .map(|(j, &s)| pwm.prob(s, j).ln())
            .sum(),
        Score::LogOdds(background) => {
            let null: f64 = window.iter().map(|&s| background.prob(s)).product();
            if normal(likelihood) && normal(null) {
                (likelihood / null).log2()
            } else {
                window
                    .iter()
                    .enumerate()
                    .map(|(j, &s)| (pwm.prob(s, j) / background.prob(s)).log2())
                    .sum()
            }
        }
    }
}

/// Scores every window of `sequence` on both strands.
///
/// ```
/// # use seqlab::bio::{motif::Pfm, parse_sequence, scan::{scan, Score}};
/// // A 600-column motif: its likelihoods are far below the smallest f64, yet finite logs.
/// let pwm = Pfm::from_text(&"ACGT".repeat(150)).unwrap().normalize(0.5).unwrap();
/// let seq = parse_sequence(&"ACGT".repeat(160)).unwrap();
/// let scores = scan(&pwm, &seq, Score::LogLikelihood).unwrap();
/// assert!(scores.iter().all(|w| w.forward.is_finite() && w.reverse.is_finite()));
/// ```
///
/// # Errors
/// [`ScanError::TooShort`] if the sequence is shorter than the motif.
pub fn scan(pwm: &Pwm, sequence: &[Symbol], score: Score) -> Result<Vec<WindowScore>, ScanError> {
    let width = pwm.width();
    if sequence.len() < width {
        return Err(ScanError::TooShort {
            length: sequence.len(),
            width,
        });
    }
    Ok(sequence
        .windows(width)
        .enumerate()
        .map(|(start, window)| {
            let reverse_window = reverse_complement(window);
            WindowScore {
                start,
                window: to_text(window),
                forward: score_window(pwm, window, score),
                reverse: score_window(pwm, &reverse_window, score),
                reverse_window: to_text(&reverse_window),
            }
        })
        .collect())
}
