//! Vector outlines of the letters A, C, G and T for sequence logos.
//!
//! Logo letters are stretched to arbitrary heights, which text rendering cannot do, so each letter
//! is a few filled polygons in the unit square (x to the right, y up, both 0..1) that the logo scales
//! into its box. C and G are ring sectors approximated by [`ARC_STEPS`] segments.

use crate::bio::alphabet::Base;

/// A polygon: its corner points in unit-square coordinates.
pub type Outline = Vec<(f64, f64)>;

/// Segments per ring sector of C and G.
pub const ARC_STEPS: usize = 40;

/// The outline of `base`: one or more polygons whose union is the letter.
pub fn glyph(base: Base) -> Vec<Outline> {
    match base {
        Base::A => vec![
            vec![(0.0, 0.0), (0.2, 0.0), (0.6, 1.0), (0.4, 1.0)],
            vec![(0.8, 0.0), (1.0, 0.0), (0.6, 1.0), (0.4, 1.0)],
            vec![(0.25, 0.28), (0.75, 0.28), (0.75, 0.43), (0.25, 0.43)],
        ],
        Base::C => vec![ring_sector(40.0, 320.0)],
        Base::G => vec![
            ring_sector(40.0, 360.0),
            vec![(0.55, 0.38), (1.0, 0.38), (1.0, 0.53), (0.55, 0.53)],
        ],
        Base::T => vec![
            vec![(0.0, 0.82), (1.0, 0.82), (1.0, 1.0), (0.0, 1.0)],
            vec![(0.4, 0.0), (0.6, 0.0), (0.6, 0.82), (0.4, 0.82)],
        ],
    }
}

/// A ring from angle `from` to `to` (degrees, counter-clockwise from the right), outer radius 0.5
/// and inner radius 0.3 around the centre of the unit square.
fn ring_sector(from: f64, to: f64) -> Outline {
    let point = |radius: f64, degrees: f64| {
        let (sin, cos) = degrees.to_radians().sin_cos();
        (0.5 + radius * cos, 0.5 + radius * sin)
    };
    let angles: Vec<f64> = (0..=ARC_STEPS)
        .map(|k| from + (to - from) * k as f64 / ARC_STEPS as f64)
        .collect();
    let outer = angles.iter().map(|&a| point(0.5, a));
    let inner = angles.iter().rev().map(|&a| point(0.3, a));
    outer.chain(inner).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_glyph_stays_inside_the_unit_square_and_reaches_its_edges() {
        for base in Base::ALL {
            let points: Vec<(f64, f64)> = glyph(base).into_iter().flatten().collect();
            assert!(
                points
                    .iter()
                    .all(|&(x, y)| (-1e-9..=1.0 + 1e-9).contains(&x)
                        && (-1e-9..=1.0 + 1e-9).contains(&y))
            );
            let top = points.iter().map(|p| p.1).fold(f64::MIN, f64::max);
            let bottom = points.iter().map(|p| p.1).fold(f64::MAX, f64::min);
            assert!(
                top > 0.99 && bottom < 0.01,
                "{base:?} spans {bottom}..{top}"
            );
        }
    }

    #[test]
    fn c_is_open_on_the_right_and_g_is_closed_by_its_bar() {
        // The point (0.9, 0.5) lies in C's opening but on G's bar.
        let on_bar = |outline: &Outline| {
            let xs = outline.iter().map(|p| p.0);
            let ys = outline.iter().map(|p| p.1);
            outline.len() == 4
                && xs.clone().fold(f64::MAX, f64::min) <= 0.9
                && xs.fold(f64::MIN, f64::max) >= 0.9
                && ys.clone().fold(f64::MAX, f64::min) <= 0.5
                && ys.fold(f64::MIN, f64::max) >= 0.5
        };
        assert!(glyph(Base::G).iter().any(on_bar));
        assert!(!glyph(Base::C).iter().any(on_bar));
    }
}
