//! Motifs as matrices, rows A, C, G, T × motif positions (the lecture's and Biopython's layout).
//!
//! - PFM (position frequency matrix): `count[b, j]`, how many aligned instances have base `b` at `j`.
//! - PWM (position weight matrix): `p[b, j] = (count[b, j] + pc) / (N_j + 4·pc)` with pseudocount `pc`
//!   and column total `N_j`. The lecture's TACAA, TACGA, TACAA with `pc = 0.5` gives `(count + 0.5)/5`.
//! - PSSM (log-odds): `s[b, j] = log2(p[b, j] / bg[b])`, as Biopython's `pwm.log_odds(background)`.
//! - Information content of column `j` (bits): `IC_j = 2 + Σ_b p[b, j]·log2 p[b, j]`; a sequence
//!   logo stacks letters of height `p[b, j]·IC_j`.

use super::alphabet::{Base, SequenceError, Symbol, parse_sequence, to_text};
use crate::lang::Lang;
use ndarray::Array2;

/// Why a motif could not be built.
#[derive(Clone, Debug, PartialEq)]
pub enum MotifError {
    /// No instance was given.
    NoInstances,
    /// Instance `instance` (1-based) has a character that is not a base.
    BadInstance {
        /// 1-based number of the instance.
        instance: usize,
        /// What was wrong with its letters.
        error: SequenceError,
    },
    /// Instance `instance` contains `N`: an aligned instance must state every base.
    UnknownBase {
        /// 1-based number of the instance.
        instance: usize,
        /// 1-based position of the `N`.
        position: usize,
    },
    /// Instance `instance` is not as long as the first one.
    UnequalLength {
        /// 1-based number of the instance.
        instance: usize,
        /// The length of the first instance.
        expected: usize,
        /// This instance's length.
        found: usize,
    },
    /// A count matrix that is not 4 rows × at least 1 column, or holds a negative or non-finite count.
    BadCounts,
    /// Column `position` (1-based) has counts whose total is too large for a number.
    CountsTooLarge {
        /// 1-based motif position.
        position: usize,
    },
    /// A pseudocount that is negative or not finite.
    BadPseudocount(f64),
    /// Column `position` (1-based) has no counts and no pseudocount, so it has no probabilities.
    EmptyColumn {
        /// 1-based motif position.
        position: usize,
    },
}

impl MotifError {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            MotifError::NoInstances => lang.pick(
                "정렬된 모티프 서열을 한 줄에 하나씩 하나 이상 입력하세요.".into(),
                "Enter at least one aligned motif instance, one per line.".into(),
            ),
            MotifError::BadInstance { instance, error } => lang.pick(
                format!("{instance}번째 서열: {}", error.message(lang)),
                format!("Instance {instance}: {}", error.message(lang)),
            ),
            MotifError::UnknownBase { instance, position } => lang.pick(
                format!(
                    "{instance}번째 서열의 {position}번째 위치가 N입니다. 정렬된 모티프 서열에는 \
                     확실한 염기(A, C, G, T)만 쓸 수 있습니다."
                ),
                format!(
                    "Instance {instance} has N at position {position}: aligned motif instances \
                     must name every base (A, C, G or T)."
                ),
            ),
            MotifError::UnequalLength { instance, expected, found } => lang.pick(
                format!(
                    "{instance}번째 서열의 길이는 {found}인데 첫 서열은 {expected}입니다. 정렬된 \
                     서열은 모두 길이가 같아야 합니다."
                ),
                format!(
                    "Instance {instance} is {found} bases long but the first is {expected}: aligned \
                     instances must all have the same length."
                ),
            ),
            MotifError::BadCounts => lang.pick(
                "빈도 행렬은 4행(A, C, G, T) × 1열 이상이어야 하고 값은 0 이상의 유한한 수여야 합니다."
                    .into(),
                "A count matrix needs 4 rows (A, C, G, T), at least one column, and finite counts \
                 of 0 or more."
                    .into(),
            ),
            MotifError::CountsTooLarge { position } => lang.pick(
                format!("{position}번째 열의 빈도 합이 너무 커서 숫자로 나타낼 수 없습니다. 빈도를 작게(예: 비율 × 100) 적으세요."),
                format!("The counts of column {position} add up to more than a number can hold: write smaller counts (for example proportions × 100)."),
            ),
            MotifError::BadPseudocount(pc) => lang.pick(
                format!("의사빈도(pseudocount)는 0 이상의 수여야 합니다 (입력: {pc})."),
                format!("The pseudocount must be a number of 0 or more (got {pc})."),
            ),
            MotifError::EmptyColumn { position } => lang.pick(
                format!(
                    "{position}번째 열에 빈도가 하나도 없습니다. 의사빈도를 0보다 크게 하세요."
                ),
                format!(
                    "Column {position} has no counts at all: use a pseudocount above 0."
                ),
            ),
        }
    }
}

crate::message!(MotifError);

/// The valid values of the PWM page's numeric settings (form and URL).
pub mod ranges {
    use crate::bounds::Bounds;

    /// Pseudocount added to every cell.
    pub const PSEUDOCOUNT: Bounds<f64> = Bounds::new(0.0, 100.0);
    /// Background GC content (%).
    pub const GC_PERCENT: Bounds<f64> = Bounds::new(1.0, 99.0);
}

/// Position frequency matrix: counts, rows A, C, G, T × positions.
#[derive(Clone, Debug, PartialEq)]
pub struct Pfm {
    counts: Array2<f64>,
}

impl Pfm {
    /// Counts aligned instances. Instances are separated by whitespace, commas or semicolons;
    /// FASTA header lines (`>`) are skipped; lowercase and `U` are accepted.
    ///
    /// # Errors
    /// [`MotifError::NoInstances`], [`MotifError::BadInstance`], [`MotifError::UnknownBase`] or
    /// [`MotifError::UnequalLength`], naming the 1-based instance.
    pub fn from_text(text: &str) -> Result<Pfm, MotifError> {
        let instances: Vec<&str> = text
            .lines()
            .filter(|line| !line.trim_start().starts_with('>'))
            .flat_map(|line| line.split(|c: char| c.is_whitespace() || c == ',' || c == ';'))
            .filter(|token| !token.is_empty())
            .collect();
        Pfm::from_instances(&instances)
    }

    /// Counts aligned instances, one string each.
    ///
    /// # Errors
    /// As [`Pfm::from_text`].
    pub fn from_instances<S: AsRef<str>>(instances: &[S]) -> Result<Pfm, MotifError> {
        let mut counts: Option<Array2<f64>> = None;
        for (k, text) in instances.iter().enumerate() {
            let instance = k + 1;
            let symbols = parse_sequence(text.as_ref())
                .map_err(|error| MotifError::BadInstance { instance, error })?;
            let counts = counts.get_or_insert_with(|| Array2::zeros((4, symbols.len())));
            if symbols.len() != counts.ncols() {
                return Err(MotifError::UnequalLength {
                    instance,
                    expected: counts.ncols(),
                    found: symbols.len(),
                });
            }
            for (j, symbol) in symbols.iter().enumerate() {
                match symbol {
                    Symbol::Base(base) => counts[[base.index(), j]] += 1.0,
                    Symbol::N => {
                        return Err(MotifError::UnknownBase {
                            instance,
                            position: j + 1,
                        });
                    }
                }
            }
        }
        counts
            .map(|counts| Pfm { counts })
            .ok_or(MotifError::NoInstances)
    }

    /// Wraps a count matrix (for example one read from JASPAR or MEME text).
    ///
    /// # Shapes
    /// `counts: [4, W]`, rows A, C, G, T, `W ≥ 1`.
    ///
    /// # Errors
    /// [`MotifError::BadCounts`] for another shape or a negative / non-finite count;
    /// [`MotifError::CountsTooLarge`] for a column whose total overflows (so the number of sites and
    /// every probability stay finite).
    pub fn from_counts(counts: Array2<f64>) -> Result<Pfm, MotifError> {
        let valid = counts.nrows() == 4
            && counts.ncols() > 0
            && counts.iter().all(|c| c.is_finite() && *c >= 0.0);
        if !valid {
            return Err(MotifError::BadCounts);
        }
        if let Some(j) = counts
            .columns()
            .into_iter()
            .position(|column| !column.sum().is_finite())
        {
            return Err(MotifError::CountsTooLarge { position: j + 1 });
        }
        Ok(Pfm { counts })
    }

    /// The counts, `[4, W]`.
    pub fn counts(&self) -> &Array2<f64> {
        &self.counts
    }

    /// Motif width `W` (number of positions).
    pub fn width(&self) -> usize {
        self.counts.ncols()
    }

    /// The number of sites: the largest column total (all columns agree for counted instances).
    pub fn n_sites(&self) -> f64 {
        self.counts
            .sum_axis(ndarray::Axis(0))
            .fold(0.0, |a, &b| f64::max(a, b))
    }

    /// The PWM with `pseudocount` added to every cell: `(count + pc) / (N_j + 4·pc)`.
    ///
    /// # Errors
    /// [`MotifError::BadPseudocount`] if `pseudocount` is negative or not finite;
    /// [`MotifError::EmptyColumn`] if a column total plus `4·pc` is 0.
    pub fn normalize(&self, pseudocount: f64) -> Result<Pwm, MotifError> {
        if !(pseudocount.is_finite() && pseudocount >= 0.0) {
            return Err(MotifError::BadPseudocount(pseudocount));
        }
        let mut probs = &self.counts + pseudocount;
        for (j, mut column) in probs.columns_mut().into_iter().enumerate() {
            let total = column.sum();
            if total <= 0.0 {
                return Err(MotifError::EmptyColumn { position: j + 1 });
            }
            if total.is_finite() {
                column /= total;
            } else {
                // A huge pseudocount: scale before adding, so the column still sums to 1.
                let counts = self.counts.column(j);
                let scale = counts.fold(pseudocount, |a, &c| a.max(c));
                column.assign(&counts.mapv(|c| c / scale + pseudocount / scale));
                let scaled = column.sum();
                column /= scaled;
            }
        }
        Ok(Pwm { probs })
    }

    /// The most frequent base of every column (the first on a tie).
    pub fn consensus(&self) -> String {
        consensus(&self.counts)
    }
}

/// Position weight matrix: probabilities, rows A, C, G, T × positions; every column sums to 1.
#[derive(Clone, Debug, PartialEq)]
pub struct Pwm {
    probs: Array2<f64>,
}

impl Pwm {
    /// The probabilities, `[4, W]`.
    pub fn probs(&self) -> &Array2<f64> {
        &self.probs
    }

    /// Motif width `W`.
    pub fn width(&self) -> usize {
        self.probs.ncols()
    }

    /// Probability of `symbol` at motif position `j`; `N` gets the column's average, 1/4.
    pub fn prob(&self, symbol: Symbol, j: usize) -> f64 {
        match symbol {
            Symbol::Base(base) => self.probs[[base.index(), j]],
            Symbol::N => self.probs.column(j).sum() / 4.0,
        }
    }

    /// Information content per position in bits: `2 + Σ_b p·log2 p` (0·log 0 = 0).
    pub fn information_content(&self) -> Vec<f64> {
        self.probs
            .columns()
            .into_iter()
            .map(|column| {
                2.0 + column
                    .iter()
                    .filter(|&&p| p > 0.0)
                    .map(|&p| p * p.log2())
                    .sum::<f64>()
            })
            .collect()
    }

    /// The log-odds matrix against `background`: `log2(p / bg)`; a zero probability gives −∞.
    pub fn log_odds(&self, background: &Background) -> Pssm {
        let mut scores = self.probs.clone();
        for (mut row, bg) in scores.rows_mut().into_iter().zip(background.probs()) {
            row.mapv_inplace(|p| (p / bg).log2());
        }
        Pssm { scores }
    }

    /// The most probable base of every column (the first on a tie).
    pub fn consensus(&self) -> String {
        consensus(&self.probs)
    }

    /// The motif of the other strand: columns reversed, A↔T and C↔G swapped.
    pub fn reverse_complement(&self) -> Pwm {
        let probs = ndarray::Array2::from_shape_fn(self.probs.raw_dim(), |(b, j)| {
            self.probs[[3 - b, self.width() - 1 - j]]
        });
        Pwm { probs }
    }
}

/// Position-specific scoring matrix: log2 odds, rows A, C, G, T × positions.
#[derive(Clone, Debug, PartialEq)]
pub struct Pssm {
    scores: Array2<f64>,
}

impl Pssm {
    /// The scores, `[4, W]` (may hold −∞ where the PWM has a zero).
    pub fn scores(&self) -> &Array2<f64> {
        &self.scores
    }
}

/// Base probabilities of the background the log-odds compare against.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Background {
    probs: [f64; 4],
}

impl Background {
    /// Every base 1/4, Biopython's default.
    pub fn uniform() -> Background {
        Background { probs: [0.25; 4] }
    }

    /// A genome with GC fraction `gc`: C = G = gc/2, A = T = (1 − gc)/2.
    ///
    /// Returns `None` unless `0 < gc < 1`.
    pub fn from_gc(gc: f64) -> Option<Background> {
        (gc > 0.0 && gc < 1.0).then(|| {
            let (at, cg) = ((1.0 - gc) / 2.0, gc / 2.0);
            Background {
                probs: [at, cg, cg, at],
            }
        })
    }

    /// The probabilities of A, C, G, T.
    pub fn probs(&self) -> [f64; 4] {
        self.probs
    }

    /// Probability of `symbol`; `N` gets the average, 1/4.
    pub fn prob(&self, symbol: Symbol) -> f64 {
        match symbol {
            Symbol::Base(base) => self.probs[base.index()],
            Symbol::N => 0.25,
        }
    }
}

fn consensus(matrix: &Array2<f64>) -> String {
    let symbols: Vec<Symbol> = matrix
        .columns()
        .into_iter()
        .map(|column| {
            let best = (0..4).fold(0, |best, b| if column[b] > column[best] { b } else { best });
            Symbol::Base(Base::from_index(best))
        })
        .collect();
    to_text(&symbols)
}
