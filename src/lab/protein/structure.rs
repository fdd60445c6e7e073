//! Structure → activity (the lecture's first application, "X: structure"): the wild type's 3-D
//! model read as Cα coordinates, its distance map ("the structure as an image"), each residue's
//! burial (other Cα within [`BURIAL_RADIUS`] Å) and distance to the chromophore, and a least-
//! squares fit of each position's tolerance to mutation from those two features:
//! `tolerance ≈ b₀ + b₁·burial + b₂·distance`. Buried residues near the chromophore tolerate
//! change least.

use super::{BURIAL_RADIUS, CHROMOPHORE};
use crate::bio::pdb::Structure;
use crate::bio::pdb::features::{burial, distance_map, distance_to};
use crate::lab::bioreactor::linear::LinearFit;
use crate::metrics;
use ndarray::Array2;

/// What the structure says about each residue.
#[derive(Clone, Debug, PartialEq)]
pub struct StructureFeatures {
    /// `[R, R]` Cα–Cα distances (Å).
    pub distances: Array2<f32>,
    /// Other Cα within [`BURIAL_RADIUS`] Å of each residue's.
    pub burial: Vec<usize>,
    /// Each residue's Cα distance to the nearest chromophore Cα (Å).
    pub to_chromophore: Vec<f64>,
}

impl StructureFeatures {
    /// The features of `structure`'s first chain (all residues with a Cα).
    pub fn new(structure: &Structure) -> StructureFeatures {
        let ca = structure.ca(None);
        let site: Vec<usize> = CHROMOPHORE
            .iter()
            .copied()
            .filter(|&i| i < ca.len())
            .collect();
        StructureFeatures {
            distances: distance_map(&ca),
            burial: burial(&ca, BURIAL_RADIUS),
            to_chromophore: distance_to(&ca, &site),
        }
    }
}

/// The fit of tolerance to structure.
#[derive(Clone, Debug, PartialEq)]
pub struct StructureFit {
    /// `b₀ + b₁·burial + b₂·distance to the chromophore`.
    pub fit: LinearFit,
    /// Positions with both a tolerance and a structure.
    pub positions: usize,
    /// Pearson r of burial alone against tolerance.
    pub burial_r: f64,
    /// Pearson r of the fit's prediction against tolerance.
    pub fit_r: f64,
    /// `(burial, tolerance)` of each position that has both (for a scatter).
    pub points: Vec<(f64, f64)>,
}

/// Fits `tolerance` (one per position, `None` where unknown) to the structure's features.
/// `None` without at least three positions that have both.
pub fn fit_tolerance(
    features: &StructureFeatures,
    tolerance: &[Option<f64>],
) -> Option<StructureFit> {
    let rows: Vec<(f64, f64, f64)> = tolerance
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let t = (*t)?;
            Some((
                *features.burial.get(i)? as f64,
                *features.to_chromophore.get(i)?,
                t,
            ))
        })
        .collect();
    if rows.len() < 3 {
        return None;
    }
    let x = Array2::from_shape_fn((rows.len(), 2), |(r, c)| {
        (if c == 0 { rows[r].0 } else { rows[r].1 }) as f32
    });
    let y: Vec<f64> = rows.iter().map(|r| r.2).collect();
    let fit = LinearFit::fit(&x, &y);
    let predicted = fit.predict(&x);
    let observed: Vec<f32> = y.iter().map(|&v| v as f32).collect();
    let burial: Vec<f32> = rows.iter().map(|r| r.0 as f32).collect();
    Some(StructureFit {
        positions: rows.len(),
        burial_r: metrics::pearson(&burial, &observed),
        fit_r: metrics::pearson(&predicted, &observed),
        points: rows.iter().map(|r| (r.0, r.2)).collect(),
        fit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerance_falls_with_burial_and_the_fit_finds_it() {
        // Twelve residues on a line 3.8 Å apart: the middle ones are the most buried.
        let features = StructureFeatures {
            distances: Array2::zeros((12, 12)),
            burial: vec![2, 3, 4, 5, 6, 6, 6, 6, 5, 4, 3, 2],
            to_chromophore: (0..12).map(|i| f64::from(i as u32) * 3.8).collect(),
        };
        let tolerance: Vec<Option<f64>> = features
            .burial
            .iter()
            .map(|&b| Some(-0.3 * b as f64 + 0.1))
            .collect();
        let fit = fit_tolerance(&features, &tolerance).unwrap();
        assert_eq!(fit.positions, 12);
        assert!(fit.burial_r < -0.99 && fit.fit_r > 0.99, "{fit:?}");
        assert!((fit.fit.coefficients[0] + 0.3).abs() < 1e-3);
        assert!(fit_tolerance(&features, &[None; 12]).is_none());
    }
}
