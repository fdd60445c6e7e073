//! scikit-learn's `train_test_split(X, y, test_size=f, random_state=seed)` exactly (integer seed,
//! `shuffle=True`, no `stratify`), so a page can offer the lecture's own split: with 2,000 rows,
//! `f = 0.2` and seed 125 its test set holds 194 positives and 206 negatives, the row sums of the
//! lecture's confusion matrix. ([`super::split`] draws its permutation from ChaCha8, so the same
//! seed lands on other rows.)
//!
//! What scikit-learn 1.9 does, step by step (checked against scikit-learn 1.9.1 / numpy 2.4.6, see
//! `tests/fixtures/reference/sklearn_split.json`):
//! - sizes (`_validate_shuffle_split`): `n_test = ⌈f · n⌉`, the product taken in `f64` (so
//!   `0.07 · 100 = 7.000000000000001` gives 8), and `n_train = n − n_test`;
//! - generator (`check_random_state(seed)` → numpy's legacy `RandomState(seed)`): MT19937 seeded by
//!   the reference `init_genrand(seed)`;
//! - permutation (`RandomState.permutation(n)`): `0..n` shuffled by Fisher–Yates from the end: for
//!   `i` from `n − 1` down to 1, `j` = a uniform draw from `0..=i` by masked rejection (the
//!   smallest all-ones mask `≥ i`, 32-bit outputs, or 64-bit ones above `u32::MAX`), then swap `i`
//!   and `j`;
//! - split (`ShuffleSplit`): the first `n_test` entries of the permutation are the test rows, the
//!   rest the training rows, both kept in the permutation's order.

use super::Split;

/// MT19937's state length (32-bit words).
const N: usize = 624;
/// MT19937's middle word offset.
const M: usize = 397;
/// The twist matrix's last row.
const MATRIX_A: u32 = 0x9908_b0df;
/// The most significant bit of a word.
const UPPER_MASK: u32 = 0x8000_0000;
/// The 31 least significant bits of a word.
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The 32-bit Mersenne Twister (Matsumoto and Nishimura, 1998), seeded as numpy's legacy
/// `RandomState(seed)` seeds it for an integer seed: the reference `init_genrand`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mt19937 {
    /// The 624 state words.
    state: [u32; N],
    /// The next word to temper; `N` means the state must be twisted first.
    index: usize,
}

impl Mt19937 {
    /// A generator seeded by `init_genrand(seed)`: `mt[0] = seed`,
    /// `mt[i] = 1812433253 · (mt[i−1] ⊕ (mt[i−1] ≫ 30)) + i` (mod 2³²). Seed 5489 is the reference
    /// (and C++ `std::mt19937`) default.
    pub fn new(seed: u32) -> Mt19937 {
        let mut state = [0u32; N];
        state[0] = seed;
        let mut previous = seed;
        for (i, word) in (1u32..).zip(state.iter_mut().skip(1)) {
            previous = 1_812_433_253u32
                .wrapping_mul(previous ^ (previous >> 30))
                .wrapping_add(i);
            *word = previous;
        }
        Mt19937 { state, index: N }
    }

    /// The next 32-bit output (numpy's `mt19937_next32`, the reference `genrand_int32`).
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// The next 64-bit output as numpy's MT19937 makes it (`mt19937_next64`): two 32-bit outputs,
    /// the first as the high word.
    pub fn next_u64(&mut self) -> u64 {
        let high = u64::from(self.next_u32());
        let low = u64::from(self.next_u32());
        (high << 32) | low
    }

    /// Regenerates all 624 words in place (the reference `genrand_int32` refill, whose last steps
    /// read words already regenerated).
    fn twist(&mut self) {
        for i in 0..N {
            let y = (self.state[i] & UPPER_MASK) | (self.state[(i + 1) % N] & LOWER_MASK);
            let mut next = self.state[(i + M) % N] ^ (y >> 1);
            if y & 1 != 0 {
                next ^= MATRIX_A;
            }
            self.state[i] = next;
        }
        self.index = 0;
    }
}

/// A uniform draw from `0..=max`, as numpy's legacy `random_interval` (`rk_interval`): outputs
/// masked to the smallest all-ones number `≥ max` until one is `≤ max` (32-bit outputs when `max`
/// fits in 32 bits, 64-bit ones otherwise). Each draw is accepted with probability above ½.
fn random_interval(rng: &mut Mt19937, max: u64) -> u64 {
    if max == 0 {
        return 0;
    }
    let mask = u64::MAX >> max.leading_zeros();
    if max <= u64::from(u32::MAX) {
        loop {
            let value = u64::from(rng.next_u32()) & mask;
            if value <= max {
                return value;
            }
        }
    } else {
        loop {
            let value = rng.next_u64() & mask;
            if value <= max {
                return value;
            }
        }
    }
}

/// numpy's `RandomState(seed).permutation(n)`: `0..n` shuffled by Fisher–Yates from the end, one
/// [`Mt19937`] draw per position from `n − 1` down to 1 (rejections aside). `n` of 0 or 1 gives
/// `0..n` unchanged.
pub fn legacy_permutation(n: usize, seed: u32) -> Vec<usize> {
    let mut rng = Mt19937::new(seed);
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        // `j ≤ i < n`, so it fits back into `usize`.
        let j = random_interval(&mut rng, i as u64) as usize;
        order.swap(i, j);
    }
    order
}

/// scikit-learn's `train_test_split` of `n` rows with `test_size=test_fraction` and
/// `random_state=seed`: the first `⌈test_fraction · n⌉` entries of
/// [`legacy_permutation`]`(n, seed)` are the test rows and the rest the training rows, each in the
/// permutation's order (so `X[train]`, `X[test]` are scikit-learn's `X_train`, `X_test` row for
/// row).
///
/// scikit-learn refuses a fraction outside `(0, 1)` and an empty training set; this never panics
/// instead: a fraction outside `[0, 1]` is taken as the nearest end and NaN as 0, so 0 puts every
/// row in training and 1 every row in test (the permutation is the same either way).
pub fn sklearn_train_test_split(n: usize, test_fraction: f64, seed: u32) -> Split {
    let test_fraction = if test_fraction.is_nan() {
        0.0
    } else {
        test_fraction.clamp(0.0, 1.0)
    };
    let n_test = ((test_fraction * n as f64).ceil() as usize).min(n);
    let mut order = legacy_permutation(n, seed);
    let train = order.split_off(n_test);
    Split { train, test: order }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(seed: u32, count: usize) -> Vec<u32> {
        let mut rng = Mt19937::new(seed);
        (0..count).map(|_| rng.next_u32()).collect()
    }

    #[test]
    fn mt19937_matches_numpy_and_the_reference() {
        // numpy 2.4.6: `MT19937()._legacy_seeding(seed)` then `random_raw(5)`.
        assert_eq!(
            first(125, 5),
            [2176371645, 4217546909, 247092450, 840617815, 2695435519]
        );
        assert_eq!(
            first(5489, 5),
            [3499211612, 581869302, 3890346734, 3586334585, 545404204]
        );
        assert_eq!(first(0, 3), [2357136044, 2546248239, 3071714933]);
        // C++ `std::mt19937` requires its 10000th output for seed 5489 to be 4123659995 (16 twists).
        assert_eq!(first(5489, 10_000)[9_999], 4123659995);
    }

    #[test]
    fn next_u64_puts_the_first_output_high() {
        let mut rng = Mt19937::new(125);
        assert_eq!(rng.next_u64(), (2176371645u64 << 32) | 4217546909);
    }

    #[test]
    fn random_interval_matches_numpy_randint_on_both_paths() {
        // numpy: `RandomState(125).randint(0, 2**33 + 6, size=3, dtype=np.uint64)` (64-bit path).
        let mut rng = Mt19937::new(125);
        let drawn: Vec<u64> = (0..3)
            .map(|_| random_interval(&mut rng, (1u64 << 33) + 5))
            .collect();
        assert_eq!(drawn, [8512514205, 2660785445, 1096105940]);
        // `max = u32::MAX` takes raw 32-bit outputs unmasked.
        let mut rng = Mt19937::new(0);
        let drawn: Vec<u64> = (0..3)
            .map(|_| random_interval(&mut rng, u64::from(u32::MAX)))
            .collect();
        assert_eq!(drawn, [2357136044, 2546248239, 3071714933]);
        assert_eq!(random_interval(&mut rng, 0), 0);
    }

    #[test]
    fn permutation_matches_numpy() {
        // numpy: `RandomState(125).permutation(2000)[:10]`.
        assert_eq!(
            legacy_permutation(2000, 125)[..10],
            [1077, 489, 1519, 1464, 309, 445, 1113, 566, 916, 1709]
        );
        assert_eq!(legacy_permutation(10, 0), [2, 8, 4, 9, 1, 6, 7, 3, 0, 5]);
        assert_eq!(legacy_permutation(0, 7), Vec::<usize>::new());
        assert_eq!(legacy_permutation(1, 7), [0]);
        assert_eq!(legacy_permutation(2, 7), [0, 1]);
    }

    #[test]
    fn split_is_scikit_learns() {
        // scikit-learn 1.9.1: `train_test_split(range(10), test_size=0.2, random_state=125)`.
        let split = sklearn_train_test_split(10, 0.2, 125);
        assert_eq!(split.test, [9, 1]);
        assert_eq!(split.train, [0, 6, 4, 5, 3, 8, 7, 2]);
        let lecture = sklearn_train_test_split(2000, 0.2, 125);
        assert_eq!((lecture.train.len(), lecture.test.len()), (1600, 400));
        // The lecture's rows 0..999 are the positives: 194 of them land in the test set.
        assert_eq!(lecture.test.iter().filter(|&&row| row < 1000).count(), 194);
        // ⌈0.07 · 100⌉ is 8 in f64, as in scikit-learn.
        assert_eq!(sklearn_train_test_split(100, 0.07, 0).test.len(), 8);
    }

    #[test]
    fn fractions_outside_the_unit_interval_never_panic() {
        let all = legacy_permutation(10, 3);
        assert_eq!(sklearn_train_test_split(10, 1.5, 3).test, all);
        assert_eq!(sklearn_train_test_split(10, -1.0, 3).train, all);
        assert_eq!(sklearn_train_test_split(10, f64::NAN, 3).train, all);
        assert_eq!(sklearn_train_test_split(10, f64::INFINITY, 3).test, all);
        let empty = sklearn_train_test_split(0, 0.2, 3);
        assert!(empty.train.is_empty() && empty.test.is_empty());
    }
}
