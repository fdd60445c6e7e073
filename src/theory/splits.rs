//! A seeded three-way split, as the lecture describes it: the test rows are set aside first
//! ([`crate::data::split::train_test_split`]), then the remaining rows are split again, at random,
//! into training and validation rows. The test rows are only used once, to evaluate the final model.

use crate::data::split::train_test_split;

/// The part of the data a row belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// Fits the weights.
    Train,
    /// Watches the fit (early stopping, choosing hyperparameters).
    Validation,
    /// Evaluates the final model, once.
    Test,
}

/// Row `i`'s part, for `n` rows: `test_fraction` of all rows (rounded up) go to the test set, then
/// `validation_fraction` of the rest (rounded up) to validation.
///
/// # Panics
/// If a fraction is outside `[0, 1]`.
pub fn three_way_split(
    n: usize,
    validation_fraction: f64,
    test_fraction: f64,
    seed: u64,
) -> Vec<Part> {
    let outer = train_test_split(n, test_fraction, seed);
    let inner = train_test_split(outer.train.len(), validation_fraction, seed.wrapping_add(1));
    let mut parts = vec![Part::Train; n];
    for &i in &outer.test {
        parts[i] = Part::Test;
    }
    for &j in &inner.test {
        parts[outer.train[j]] = Part::Validation;
    }
    parts
}

/// How many rows each part holds: `(train, validation, test)`.
pub fn counts(parts: &[Part]) -> (usize, usize, usize) {
    let count = |p: Part| parts.iter().filter(|&&q| q == p).count();
    (
        count(Part::Train),
        count(Part::Validation),
        count(Part::Test),
    )
}

/// The valid values of the splitter's sliders and URL settings.
pub mod ranges {
    use crate::bounds::Bounds;

    /// Test share (%).
    pub const TEST_PERCENT: Bounds<f64> = Bounds::new(10.0, 50.0);
    /// Validation share of the rest (%).
    pub const VALIDATION_PERCENT: Bounds<f64> = Bounds::new(0.0, 50.0);
    /// Seed.
    pub const SEED: Bounds<u64> = Bounds::new(0, 999_999);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_rows_split_into_the_stated_counts_reproducibly() {
        let parts = three_way_split(20, 0.25, 0.2, 7);
        // 20 → 4 test (20 %), 16 → 4 validation (25 %), 12 train.
        assert_eq!(counts(&parts), (12, 4, 4));
        assert_eq!(parts, three_way_split(20, 0.25, 0.2, 7));
        assert_ne!(parts, three_way_split(20, 0.25, 0.2, 8));
    }

    #[test]
    fn changing_the_validation_share_keeps_the_test_rows() {
        let a = three_way_split(30, 0.1, 0.2, 3);
        let b = three_way_split(30, 0.4, 0.2, 3);
        let tests = |p: &[Part]| {
            p.iter()
                .enumerate()
                .filter(|(_, q)| **q == Part::Test)
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        };
        assert_eq!(tests(&a), tests(&b));
        assert_eq!(counts(&three_way_split(10, 0.0, 0.0, 1)), (10, 0, 0));
    }
}
