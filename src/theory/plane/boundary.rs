//! The decision boundary of a classifier drawn as lines: the `level` contour of its probability
//! grid by marching squares, so a single neuron's boundary shows as its straight line and a hidden
//! layer's as the curve it bends into.

use ndarray::Array2;

/// A straight piece of a contour, from one point of the plane to another.
pub type Segment = [(f64, f64); 2];

/// The segments where `grid` crosses `level`, in plane coordinates.
///
/// `grid[[r, c]]` is the value at the centre of cell `(r, c)` of a plane spanning `x_range` across
/// and `y_range` up, row 0 at the top (as [`super::PlaneModel::probability_grid`] returns it).
/// Each square of four neighbouring centres holds 0, 1 or 2 segments whose ends are linearly
/// interpolated along its edges; a saddle (opposite corners on the same side) is split by the
/// value at its centre. Non-finite values count as below `level`.
///
/// # Shapes
/// `grid: [rows, cols]` → segments (none when `rows` or `cols` is below 2).
pub fn contour(
    grid: &Array2<f32>,
    level: f32,
    x_range: (f64, f64),
    y_range: (f64, f64),
) -> Vec<Segment> {
    let (rows, cols) = grid.dim();
    if rows < 2 || cols < 2 {
        return Vec::new();
    }
    let value = |r: usize, c: usize| {
        let v = grid[[r, c]];
        if v.is_finite() { v } else { f32::MIN }
    };
    let x = |c: f64| x_range.0 + (x_range.1 - x_range.0) * (c + 0.5) / cols as f64;
    let y = |r: f64| y_range.1 - (y_range.1 - y_range.0) * (r + 0.5) / rows as f64;
    let mut segments = Vec::new();
    for r in 0..rows - 1 {
        for c in 0..cols - 1 {
            // Corners clockwise from the top left, each with its (row, column).
            let corners = [(r, c), (r, c + 1), (r + 1, c + 1), (r + 1, c)];
            let values = corners.map(|(r, c)| value(r, c));
            let above = values.map(|v| v >= level);
            // Where the contour crosses edge k (from corner k to corner k + 1), if it does.
            let cross = |k: usize| -> Option<(f64, f64)> {
                let j = (k + 1) % 4;
                if above[k] == above[j] {
                    return None;
                }
                let t = f64::from((level - values[k]) / (values[j] - values[k])).clamp(0.0, 1.0);
                let (rk, ck) = (corners[k].0 as f64, corners[k].1 as f64);
                let (rj, cj) = (corners[j].0 as f64, corners[j].1 as f64);
                Some((x(ck + (cj - ck) * t), y(rk + (rj - rk) * t)))
            };
            let points: Vec<(usize, (f64, f64))> =
                (0..4).filter_map(|k| cross(k).map(|p| (k, p))).collect();
            match points.as_slice() {
                [(_, a), (_, b)] => segments.push([*a, *b]),
                [(_, p0), (_, p1), (_, p2), (_, p3)] => {
                    // A saddle: join the crossings around the corners that agree with the centre.
                    let centre = values.iter().sum::<f32>() / 4.0 >= level;
                    if centre == above[0] {
                        segments.push([*p0, *p1]);
                        segments.push([*p2, *p3]);
                    } else {
                        segments.push([*p3, *p0]);
                        segments.push([*p1, *p2]);
                    }
                }
                _ => {}
            }
        }
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ramp_gives_a_straight_vertical_line_where_it_crosses() {
        // Values rise from left to right: 0, 0.25, 0.5, 0.75 (per column), on x 0..4, y 0..2.
        let grid = Array2::from_shape_fn((2, 4), |(_, c)| c as f32 * 0.25);
        let segments = contour(&grid, 0.4, (0.0, 4.0), (0.0, 2.0));
        assert_eq!(segments.len(), 1);
        // Between the centres x = 1.5 (0.25) and x = 2.5 (0.5): 0.4 is 60 % of the way.
        for (x, _) in segments[0] {
            assert!((x - 2.1).abs() < 1e-6, "{x}");
        }
        let ys: Vec<f64> = segments[0].iter().map(|p| p.1).collect();
        assert!(ys.contains(&1.5) && ys.contains(&0.5), "{ys:?}");
    }

    #[test]
    fn no_crossing_no_segment_and_a_bump_is_closed() {
        let flat = Array2::from_elem((5, 5), 0.2_f32);
        assert!(contour(&flat, 0.5, (0.0, 1.0), (0.0, 1.0)).is_empty());
        assert!(contour(&Array2::zeros((1, 5)), 0.5, (0.0, 1.0), (0.0, 1.0)).is_empty());
        let mut bump = Array2::zeros((5, 5));
        bump[[2, 2]] = 1.0_f32;
        let segments = contour(&bump, 0.5, (0.0, 5.0), (0.0, 5.0));
        assert_eq!(segments.len(), 4, "a diamond around the peak");
        // Every end point is shared by exactly two segments: the contour is closed.
        let ends: Vec<(f64, f64)> = segments.iter().flatten().copied().collect();
        for p in &ends {
            let n = ends
                .iter()
                .filter(|q| (q.0 - p.0).abs() + (q.1 - p.1).abs() < 1e-9)
                .count();
            assert_eq!(n, 2, "{p:?}");
        }
    }

    #[test]
    fn a_saddle_gives_two_segments_and_nan_counts_as_below() {
        let saddle = Array2::from_shape_vec((2, 2), vec![1.0, 0.0, 0.0, 1.0]).expect("2 × 2");
        assert_eq!(contour(&saddle, 0.5, (0.0, 1.0), (0.0, 1.0)).len(), 2);
        let holes = Array2::from_shape_vec((2, 2), vec![f32::NAN, 1.0, 1.0, 1.0]).expect("2 × 2");
        assert_eq!(contour(&holes, 0.5, (0.0, 1.0), (0.0, 1.0)).len(), 1);
    }
}
