//! Numbers as the pages print them: a real minus sign (−1.20, not -1.20), never a negative zero
//! (−0.0000 is 0.0000), and sums for formulas written with their signs (`0.80 x_1 − 1.20 x_2`)
//! rather than `+ (−1.20)` in parentheses.

/// `value` with `decimals` decimals and a real minus sign (U+2212); a value that rounds to zero is
/// printed without a sign; `NaN` and `±∞` as `NaN`, `∞`, `−∞`.
pub fn signed(value: f64, decimals: usize) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    if value.is_infinite() {
        return if value > 0.0 { "∞" } else { "−∞" }.into();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let zero = text.chars().all(|c| c == '0' || c == '.');
    if value < 0.0 && !zero {
        format!("−{text}")
    } else {
        text
    }
}

/// As [`signed`], with `+` before a positive value (a difference or a gradient: `+0.1000`,
/// `−0.3000`, `0.0000`).
pub fn with_sign(value: f64, decimals: usize) -> String {
    let text = signed(value, decimals);
    if value > 0.0 && !text.chars().all(|c| c == '0' || c == '.') {
        format!("+{text}")
    } else {
        text
    }
}

/// A LaTeX sum `c₁ v₁ + c₂ v₂ + …` with two decimals, each sign written as the operator before the
/// term (`0.80 x_1 - 1.20 x_2 + 0.30`); an empty variable is a constant term. LaTeX's `-` between
/// terms becomes MathML's minus sign.
pub fn tex_sum(terms: &[(f32, &str)]) -> String {
    let mut out = String::new();
    for (k, &(coefficient, variable)) in terms.iter().enumerate() {
        let magnitude = signed(f64::from(coefficient).abs(), 2);
        let negative = signed(f64::from(coefficient), 2).starts_with('−');
        match (k, negative) {
            (0, true) => out.push('-'),
            (0, false) => {}
            (_, true) => out.push_str(" - "),
            (_, false) => out.push_str(" + "),
        }
        out.push_str(&magnitude);
        if !variable.is_empty() {
            out.push_str(r"\,");
            out.push_str(variable);
        }
    }
    out
}

/// `value` for LaTeX: as [`signed`] (no negative zero) with LaTeX's `-`.
pub fn tex_number(value: f64, decimals: usize) -> String {
    signed(value, decimals).replacen('−', "-", 1)
}

/// A factor for a LaTeX product: `1.20`, or `(-1.20)` for a negative one (brackets that do not
/// stretch, and a minus that reads as a sign, not as an operation).
pub fn tex_factor(value: f32) -> String {
    let text = signed(f64::from(value), 2);
    match text.strip_prefix('−') {
        Some(magnitude) => format!(r"(\text{{−}}{magnitude})"),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_are_real_minus_signs_and_zero_has_none() {
        assert_eq!(signed(-1.2, 2), "−1.20");
        assert_eq!(signed(-0.00001, 4), "0.0000");
        assert_eq!(signed(-0.0, 1), "0.0");
        assert_eq!(signed(1.23456, 3), "1.235");
        assert_eq!(signed(f64::NEG_INFINITY, 2), "−∞");
        assert_eq!(signed(f64::NAN, 2), "NaN");
        assert_eq!(with_sign(0.1, 4), "+0.1000");
        assert_eq!(with_sign(-0.3, 4), "−0.3000");
        assert_eq!(with_sign(0.00001, 4), "0.0000");
        assert_eq!(with_sign(f64::INFINITY, 1), "+∞");
    }

    #[test]
    fn sums_carry_their_signs() {
        assert_eq!(
            tex_sum(&[(0.8, "x_1"), (-1.2, "x_2"), (0.3, "")]),
            r"0.80\,x_1 - 1.20\,x_2 + 0.30"
        );
        assert_eq!(
            tex_sum(&[(-2.0, "x_1"), (-0.001, "")]),
            r"-2.00\,x_1 + 0.00"
        );
        assert_eq!(tex_factor(-1.2), r"(\text{−}1.20)");
        assert_eq!(tex_factor(0.5), "0.50");
    }
}
