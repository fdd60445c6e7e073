//! Seeded train/test splits, as scikit-learn's `train_test_split(test_size=f)`: a random
//! permutation of the rows; the first `⌈f·N⌉` are the test rows, the rest the training rows. (The
//! generator is ChaCha8, so the rows chosen differ from scikit-learn's for the same seed.)

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

/// How the rows are shuffled before they are cut into a test and a training part.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum SplitMethod {
    /// scikit-learn's `train_test_split(random_state=seed)` exactly ([`super::sklearn_split`]):
    /// the lecture's split. Seeds above 2³² − 1 (which numpy refuses) are taken as 2³² − 1.
    #[default]
    #[serde(rename = "sklearn")]
    ScikitLearn,
    /// SeqLab's own seeded shuffle ([`train_test_split`], ChaCha8).
    #[serde(rename = "seeded")]
    Seeded,
}

crate::choice!(SplitMethod {
    ScikitLearn => "sklearn",
    Seeded => "seeded",
});

impl SplitMethod {
    /// Splits `n` rows, `test_fraction` of them (rounded up) for testing, from `seed`.
    pub fn split(self, n: usize, test_fraction: f64, seed: u64) -> Split {
        match self {
            SplitMethod::ScikitLearn => super::sklearn_split::sklearn_train_test_split(
                n,
                test_fraction,
                u32::try_from(seed).unwrap_or(u32::MAX),
            ),
            SplitMethod::Seeded => train_test_split(n, test_fraction, seed),
        }
    }
}

/// Row indices of a split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    /// Training rows.
    pub train: Vec<usize>,
    /// Test rows.
    pub test: Vec<usize>,
}

/// Splits `n` rows, `test_fraction` of them (rounded up) for testing. A fraction outside
/// `[0, 1]` is taken as the nearest end and NaN as 0 (the pages hold it in their own bounds; this
/// never panics).
pub fn train_test_split(n: usize, test_fraction: f64, seed: u64) -> Split {
    let test_fraction = if test_fraction.is_nan() {
        0.0
    } else {
        test_fraction.clamp(0.0, 1.0)
    };
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut ChaCha8Rng::seed_from_u64(seed));
    let n_test = (test_fraction * n as f64).ceil() as usize;
    let train = order.split_off(n_test.min(n));
    Split { train, test: order }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eighty_twenty_of_2000_is_1600_400_disjoint_and_seeded() {
        let split = train_test_split(2000, 0.2, 125);
        assert_eq!((split.train.len(), split.test.len()), (1600, 400));
        let mut all: Vec<usize> = split.train.iter().chain(&split.test).copied().collect();
        all.sort_unstable();
        assert_eq!(all, (0..2000).collect::<Vec<_>>());
        assert_eq!(split, train_test_split(2000, 0.2, 125));
        assert_ne!(split, train_test_split(2000, 0.2, 126));
        // `?test=1.5` or NaN in a link never panics.
        assert_eq!(train_test_split(10, 1.5, 1).test.len(), 10);
        assert_eq!(train_test_split(10, f64::NAN, 1).test.len(), 0);
    }
}
