//! Structure features from Cα positions: the distance map `d(i, j) = ‖r_i − r_j‖` (Å), burial
//! `b(i) = #{ j ≠ i : d(i, j) < radius }` (a Cα with many neighbours lies inside the protein; 10 Å
//! is the usual radius), and the distance from each residue to a site `min_{s ∈ site} d(i, s)`
//! (0 on the site itself).

use ndarray::Array2;

/// The Euclidean distance of two points.
fn distance(a: [f64; 3], b: [f64; 3]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

/// Every pairwise Cα distance in ångström (symmetric, zero diagonal).
///
/// # Shapes
/// `ca: [R]` points → `[R, R]`.
pub fn distance_map(ca: &[[f64; 3]]) -> Array2<f32> {
    Array2::from_shape_fn((ca.len(), ca.len()), |(i, j)| distance(ca[i], ca[j]) as f32)
}

/// For each residue, how many other Cα atoms lie closer than `radius` ångström.
///
/// # Shapes
/// `ca: [R]` → `[R]`.
pub fn burial(ca: &[[f64; 3]], radius: f64) -> Vec<usize> {
    (0..ca.len())
        .map(|i| {
            (0..ca.len())
                .filter(|&j| j != i && distance(ca[i], ca[j]) < radius)
                .count()
        })
        .collect()
}

/// For each residue, the distance (Å) from its Cα to the nearest Cα of the `site` residues
/// (0-based indices into `ca`).
///
/// # Shapes
/// `ca: [R]` → `[R]`.
///
/// # Panics
/// If `site` is empty or names a residue past the end.
pub fn distance_to(ca: &[[f64; 3]], site: &[usize]) -> Vec<f64> {
    assert!(!site.is_empty(), "distance_to: an empty site");
    assert!(
        site.iter().all(|&s| s < ca.len()),
        "distance_to: site {site:?} past {} residues",
        ca.len()
    );
    ca.iter()
        .map(|&p| {
            site.iter()
                .map(|&s| distance(p, ca[s]))
                .fold(f64::INFINITY, f64::min)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_right_triangle() {
        let ca = [[0.0, 0.0, 0.0], [3.0, 0.0, 0.0], [0.0, 4.0, 0.0]];
        let map = distance_map(&ca);
        assert_eq!(map[[1, 2]], 5.0);
        assert_eq!(map[[2, 1]], 5.0);
        assert_eq!(map[[0, 0]], 0.0);
        assert_eq!(burial(&ca, 4.5), vec![2, 1, 1]);
        assert_eq!(
            burial(&ca, 4.0),
            vec![1, 1, 0],
            "strictly closer than the radius"
        );
        assert_eq!(distance_to(&ca, &[1]), vec![3.0, 0.0, 5.0]);
        assert_eq!(distance_to(&ca, &[1, 2]), vec![3.0, 0.0, 0.0]);
    }
}
