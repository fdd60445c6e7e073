//! Guessing how a file is laid out from its first lines: the delimiter, the decimal mark, and how
//! many fields a row has.
//!
//! - Delimiter: of tab, `;`, `,` and `|`, the one that splits the most sampled lines into the same
//!   number (≥ 2) of fields; on a tie tab, then `;` (a semicolon file is what Excel writes where the
//!   comma is the decimal mark), then `,`.
//! - Decimal mark: a comma when the delimiter is not a comma, some fields read as comma decimals
//!   (`3,139`, `-0,5`, `1.234,5`) and none as point decimals (`3.139`).
//! - Row width: the number of fields most lines have.

use super::lines::{self, LineProblem};
use std::collections::HashMap;

/// How numbers write their fractional part.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Decimal {
    /// `3.139` (and no thousands separator).
    #[default]
    Point,
    /// `3,139`; a `.` before the comma separates thousands (`1.234,5`).
    Comma,
}

impl Decimal {
    /// Reads `text` as a number written with this decimal mark (`None` if it is not one).
    pub fn parse(self, text: &str) -> Option<f64> {
        match self {
            Decimal::Point => text.parse().ok(),
            Decimal::Comma => {
                if !text.contains(',') {
                    return if text.contains('.') {
                        // 1.234 with a comma decimal mark is one thousand two hundred thirty-four.
                        thousands(text).and_then(|t| t.parse().ok())
                    } else {
                        text.parse().ok()
                    };
                }
                let (whole, fraction) = text.rsplit_once(',')?;
                let whole = if whole.contains('.') {
                    thousands(whole)?
                } else {
                    whole.to_string()
                };
                let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
                let unsigned = whole.trim_start_matches(['-', '+']);
                (digits(unsigned) && digits(fraction))
                    .then(|| format!("{whole}.{fraction}").parse().ok())
                    .flatten()
            }
        }
    }
}

/// `1.234.567` → `1234567` when the dots separate groups of three digits.
fn thousands(text: &str) -> Option<String> {
    let unsigned = text.trim_start_matches(['-', '+']);
    let mut groups = unsigned.split('.');
    let first = groups.next()?;
    let ok = (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    ok.then(|| text.replace('.', ""))
}

/// A number with a fractional part after a point: `3.139`, `-0.5` (`1e-3` does not count). Any
/// such field speaks against decimal commas.
fn is_point_decimal(text: &str) -> bool {
    text.split_once('.').is_some_and(|(whole, fraction)| {
        let whole = whole.trim_start_matches(['-', '+']);
        whole.bytes().all(|b| b.is_ascii_digit())
            && !fraction.is_empty()
            && fraction.bytes().all(|b| b.is_ascii_digit())
    })
}

/// A number with a decimal comma: `3,139`, `-0,5`, `1.234,5`.
fn is_comma_decimal(text: &str) -> bool {
    text.contains(',') && Decimal::Comma.parse(text).is_some()
}

/// The delimiters tried, in order of preference on a tie.
const DELIMITERS: [u8; 4] = [b'\t', b';', b',', b'|'];

/// The most common field count of `lines` split by `delimiter`, and how many lines have it.
fn mode_width(sample: &[&str], delimiter: u8, max_fields: usize) -> (usize, usize) {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for line in sample {
        let fields = match lines::count(line, delimiter, max_fields) {
            Ok(n) => n,
            Err(LineProblem::TooManyFields { .. }) => max_fields + 1,
            Err(LineProblem::UnclosedQuote { .. }) => continue,
        };
        *counts.entry(fields).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(width, lines)| (lines, std::cmp::Reverse(width)))
        .unwrap_or((0, 0))
}

/// The delimiter of the sampled non-blank lines (`,` if none splits them).
pub fn delimiter(sample: &[&str], max_fields: usize) -> u8 {
    DELIMITERS
        .iter()
        .enumerate()
        .filter_map(|(rank, &d)| {
            let (width, lines) = mode_width(sample, d, max_fields);
            (width >= 2).then_some((lines, std::cmp::Reverse(rank), d))
        })
        .max()
        .map_or(b',', |(_, _, d)| d)
}

/// The decimal mark of the sampled rows' fields (split with `delimiter`).
pub fn decimal(rows: &[Vec<std::borrow::Cow<'_, str>>], delimiter: u8) -> Decimal {
    if delimiter == b',' {
        return Decimal::Point;
    }
    let fields = || rows.iter().flatten().map(|f| f.as_ref());
    let comma = fields().filter(|f| is_comma_decimal(f)).count();
    let point = fields().filter(|f| is_point_decimal(f)).count();
    if comma > 0 && point == 0 {
        Decimal::Comma
    } else {
        Decimal::Point
    }
}

/// The number of fields most of `widths` have (0 for none).
pub fn usual_width(widths: impl Iterator<Item = usize>) -> usize {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for w in widths {
        *counts.entry(w).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(width, lines)| (lines, std::cmp::Reverse(width)))
        .map_or(0, |(width, _)| width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_commas_and_thousands() {
        assert_eq!(Decimal::Comma.parse("3,139"), Some(3.139));
        assert_eq!(Decimal::Comma.parse("-0,5"), Some(-0.5));
        assert_eq!(Decimal::Comma.parse("1.234,5"), Some(1234.5));
        assert_eq!(Decimal::Comma.parse("1.234"), Some(1234.0));
        assert_eq!(Decimal::Comma.parse("12"), Some(12.0));
        assert_eq!(Decimal::Comma.parse("1,2,3"), None);
        assert_eq!(Decimal::Comma.parse("12.34,5"), None);
        assert_eq!(Decimal::Point.parse("3,139"), None);
        assert!(is_point_decimal("3.139") && !is_point_decimal("7") && !is_point_decimal("1,5"));
    }

    #[test]
    fn semicolons_win_over_decimal_commas_and_tabs_over_both() {
        let semi = ["ACGT;3,139", "TTGA;2,5", "GGCC;1,0"];
        assert_eq!(delimiter(&semi, 1000), b';');
        let tabs = ["ACGT\t3,139", "TTGA\t2,5"];
        assert_eq!(delimiter(&tabs, 1000), b'\t');
        let commas = ["sequence,expression", "ACGT,3.1", "TTGA,2.5"];
        assert_eq!(delimiter(&commas, 1000), b',');
        assert_eq!(delimiter(&["ACGT", "TTGA"], 1000), b',');
    }
}
