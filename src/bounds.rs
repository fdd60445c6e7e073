//! The valid range of a numeric setting, defined once beside the settings it belongs to (in the
//! lab or lesson module of the core) and used by the page's form field and by the URL reader
//! alike, so a link can never hand a page a value its form would refuse.
//!
//! ```
//! use seqlab::bounds::Bounds;
//! const TEST: Bounds<f64> = Bounds::new(0.05, 0.5);
//! assert_eq!(TEST.check(1.5), Err(0.5));
//! assert_eq!(TEST.check(f64::NAN), Err(0.05));
//! assert_eq!(TEST.check(0.2), Ok(0.2));
//! ```

use std::fmt;

/// `min ..= max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Bounds<T> {
    /// Smallest allowed value.
    pub min: T,
    /// Largest allowed value.
    pub max: T,
}

impl<T: PartialOrd + Copy> Bounds<T> {
    /// The range `min ..= max`.
    pub const fn new(min: T, max: T) -> Bounds<T> {
        Bounds { min, max }
    }

    /// Whether `value` lies in the range (never for NaN).
    pub fn contains(&self, value: T) -> bool {
        value >= self.min && value <= self.max
    }

    /// `value` if it lies in the range, else `Err` with the nearest allowed value (`min` for NaN).
    ///
    /// # Errors
    /// The value to use instead.
    pub fn check(&self, value: T) -> Result<T, T> {
        if self.contains(value) {
            Ok(value)
        } else if value > self.max {
            Err(self.max)
        } else {
            Err(self.min)
        }
    }

    /// The nearest allowed value.
    pub fn clamp(&self, value: T) -> T {
        self.check(value).unwrap_or_else(|nearest| nearest)
    }
}

impl<T: fmt::Display> fmt::Display for Bounds<T> {
    /// `min–max`, as a page states a range.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}–{}", self.min, self.max)
    }
}

/// Every seed: 0 to 2⁶⁴ − 1.
pub const SEED: Bounds<u64> = Bounds::new(0, u64::MAX);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamps_to_the_nearest_end_and_refuses_nan() {
        const LR: Bounds<f32> = Bounds::new(1e-6, 10.0);
        assert_eq!(LR.check(f32::INFINITY), Err(10.0));
        assert_eq!(LR.check(f32::NEG_INFINITY), Err(1e-6));
        assert_eq!(LR.clamp(f32::NAN), 1e-6);
        assert!(LR.contains(1.0) && !LR.contains(0.0));
        assert_eq!(Bounds::new(1usize, 500).to_string(), "1–500");
    }
}
