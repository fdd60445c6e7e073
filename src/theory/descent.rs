//! Gradient descent on a loss surface small enough to draw: a line `ŷ = w·x + b` fitted to five
//! points by mean squared error, `L(w, b) = mean((w xᵢ + b − yᵢ)²)`, trained by the engine
//! (`Dense(1)` + SGD). With the points' `x` centred, `L` is a bowl with curvatures `2·mean(x²) = 4`
//! along `w` and 2 along `b`, so plain gradient descent converges for learning rates below
//! `2 / 4 = 0.5`, zigzags just under it, and diverges above it.

use super::{gradient_step, loss_of};
use crate::nn::{
    Activation, DenseConfig, LayerSpec, LossConfig, LossKind, LossSemantics, ModelSpec, Sequential,
    Sgd, SgdConfig,
};
use ndarray::{Array2, ArrayD, IxDyn, arr1, arr2};

/// The five points' inputs.
pub const XS: [f32; 5] = [-2.0, -1.0, 0.0, 1.0, 2.0];
/// The five points' targets (about `1.5 x + 0.5`).
pub const YS: [f32; 5] = [-2.4, -1.1, 0.6, 1.9, 3.6];
/// Where descent starts, `(w, b)`.
pub const START: (f32, f32) = (-1.0, 2.5);
/// The learning rate above which descent diverges on this surface.
pub const CRITICAL_RATE: f32 = 0.5;

/// One point of a descent path.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PathPoint {
    /// Slope.
    pub w: f32,
    /// Intercept.
    pub b: f32,
    /// Loss at `(w, b)`.
    pub loss: f32,
}

const LOSS: LossConfig = LossConfig {
    kind: LossKind::MeanSquaredError,
    semantics: LossSemantics::KerasFit,
};

fn line_model(w: f32, b: f32) -> Sequential {
    let spec = ModelSpec {
        input_shape: vec![1],
        layers: vec![LayerSpec::Dense(DenseConfig {
            units: 1,
            activation: Activation::Linear,
        })],
    };
    let mut model = Sequential::new(spec, 0).expect("a valid line model");
    let mut params = model.params_mut();
    params[0].value = arr2(&[[w]]).into_dyn();
    params[1].value = arr1(&[b]).into_dyn();
    model
}

fn data() -> (ArrayD<f32>, Array2<f32>) {
    let x = ArrayD::from_shape_vec(IxDyn(&[5, 1]), XS.to_vec()).expect("[5, 1]");
    let y = Array2::from_shape_vec((5, 1), YS.to_vec()).expect("[5, 1]");
    (x, y)
}

fn read(model: &Sequential) -> (f32, f32) {
    let params = model.params();
    (params[0].value[[0, 0]], params[1].value[[0]])
}

/// The loss at `(w, b)`.
pub fn loss_at(w: f32, b: f32) -> f32 {
    let (x, y) = data();
    loss_of(&mut line_model(w, b), LOSS, &x, &y)
}

/// The descent path from [`START`]: the start and the point after each of `steps` steps. Stops early
/// once the loss is no longer finite or exceeds `1e6` (diverged).
pub fn path(learning_rate: f32, steps: usize) -> Vec<PathPoint> {
    let (x, y) = data();
    let mut model = line_model(START.0, START.1);
    let mut optimizer = Sgd::new(SgdConfig {
        learning_rate,
        momentum: 0.0,
    });
    let mut points = Vec::with_capacity(steps + 1);
    for _ in 0..steps {
        let (w, b) = read(&model);
        let loss = gradient_step(&mut model, &mut optimizer, LOSS, &x, &y);
        points.push(PathPoint { w, b, loss });
        if !loss.is_finite() || loss > 1e6 {
            return points;
        }
    }
    let (w, b) = read(&model);
    points.push(PathPoint {
        w,
        b,
        loss: loss_of(&mut model, LOSS, &x, &y),
    });
    points
}

/// The loss on a `cells × cells` grid over `w ∈ w_range`, `b ∈ b_range`: row `r` is the `b` value
/// `r` steps from the top (largest first), column `c` the `w` value from the smallest.
///
/// # Shapes
/// → `[cells, cells]`.
pub fn surface(cells: usize, w_range: (f32, f32), b_range: (f32, f32)) -> Array2<f32> {
    let at = |(lo, hi): (f32, f32), i: usize| lo + (hi - lo) * (i as f32 + 0.5) / cells as f32;
    Array2::from_shape_fn((cells, cells), |(r, c)| {
        loss_at(at(w_range, c), at(b_range, cells - 1 - r))
    })
}

/// The bottom of the bowl: the least-squares line, `w* = Σ xᵢyᵢ / Σ xᵢ²` (the `x` are centred) and
/// `b* = mean(y)`, and the loss there.
pub fn minimum() -> PathPoint {
    let sxy: f32 = XS.iter().zip(&YS).map(|(x, y)| x * y).sum();
    let sxx: f32 = XS.iter().map(|x| x * x).sum();
    let (w, b) = (sxy / sxx, YS.iter().sum::<f32>() / YS.len() as f32);
    PathPoint {
        w,
        b,
        loss: loss_at(w, b),
    }
}

/// What a descent path did, judged from the whole path, not only its ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    /// The excess loss over the minimum shrinks; `zigzag` if `w` jumps from side to side of the
    /// valley on the way.
    Converging {
        /// Whether `w` overshoots the minimum at every step.
        zigzag: bool,
    },
    /// The excess loss stays the same step after step: the path bounces between two walls.
    Oscillating,
    /// The excess loss grows (or the loss stopped being a finite number).
    Diverging,
}

/// Steps over which the trend of a path is measured.
const TREND_STEPS: usize = 8;
/// A per-step change of the excess loss within this factor of 1 counts as standing still.
const STILL: f32 = 0.02;

/// The verdict on `path`: the per-step factor by which the excess loss `L − L*` changes over its
/// last steps (the distance to the minimum in loss terms): below `1 − 0.02` converging, above
/// `1 + 0.02` diverging, in between oscillating (η = 0.5 bounces between w = −1 and w = 4 forever).
/// A path cut short by a loss that is not finite or above 10⁶ diverges.
pub fn verdict(path: &[PathPoint]) -> Verdict {
    let best = minimum();
    let excess = |p: &PathPoint| (p.loss - best.loss).max(0.0);
    let Some(last) = path.last() else {
        return Verdict::Converging { zigzag: false };
    };
    if !last.loss.is_finite() || last.loss > 1e6 {
        return Verdict::Diverging;
    }
    let from = path.len().saturating_sub(TREND_STEPS + 1);
    let (start, end) = (excess(&path[from]), excess(last));
    let steps = (path.len() - 1 - from).max(1) as f32;
    // Converged to round-off: nothing left to shrink.
    if end <= 1e-6 * excess(&path[0]).max(1e-6) {
        return Verdict::Converging {
            zigzag: zigzags(path, best.w),
        };
    }
    let factor = (end / start.max(f32::MIN_POSITIVE)).powf(1.0 / steps);
    if factor > 1.0 + STILL {
        Verdict::Diverging
    } else if factor < 1.0 - STILL {
        Verdict::Converging {
            zigzag: zigzags(path, best.w),
        }
    } else {
        Verdict::Oscillating
    }
}

/// Whether `w` lands on the other side of `w_star` at (nearly) every step.
fn zigzags(path: &[PathPoint], w_star: f32) -> bool {
    let sides: Vec<f32> = path
        .iter()
        .map(|p| p.w - w_star)
        .filter(|d| d.abs() > 1e-4)
        .collect();
    sides.len() >= 3 && sides.windows(2).all(|d| d[0] * d[1] < 0.0)
}

/// The valid values of the loss-surface slider and URL setting.
pub mod ranges {
    use crate::bounds::Bounds;

    /// Learning rate η of the loss surface (above 0.5 it diverges).
    pub const LEARNING_RATE: Bounds<f64> = Bounds::new(0.01, 0.6);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_rates_converge_large_rates_diverge() {
        let slow = path(0.05, 30);
        assert_eq!(slow.len(), 31);
        assert!(slow.windows(2).all(|p| p[1].loss < p[0].loss));
        let good = path(0.2, 30);
        let last = good[30];
        assert!(
            (last.w - 1.49).abs() < 0.01 && (last.b - 0.52).abs() < 0.01,
            "{last:?}"
        );
        // Just under the critical rate: w overshoots back and forth but still settles.
        let zigzag = path(0.45, 60);
        assert!(zigzag[1].w > 1.5 && zigzag[2].w < 1.5);
        assert!(zigzag[60].loss < 0.05);
        let diverging = path(0.55, 200);
        assert!(
            diverging.last().unwrap().loss > 1e6 || !diverging.last().unwrap().loss.is_finite()
        );
        assert!(diverging.windows(2).all(|p| p[1].loss > p[0].loss));
    }

    #[test]
    fn the_verdict_reads_the_whole_path() {
        // Issue: at η = 0.5 the path bounces between w = −1 and w = 4 with the loss at 12.51,
        // which a first-versus-last check called "converging".
        assert_eq!(verdict(&path(0.5, 30)), Verdict::Oscillating);
        assert_eq!(
            verdict(&path(0.45, 30)),
            Verdict::Converging { zigzag: true }
        );
        assert_eq!(verdict(&path(0.55, 30)), Verdict::Diverging);
        assert_eq!(
            verdict(&path(0.2, 30)),
            Verdict::Converging { zigzag: false }
        );
        assert_eq!(
            verdict(&path(0.05, 30)),
            Verdict::Converging { zigzag: false }
        );
        let best = minimum();
        assert!(
            (best.w - 1.5).abs() < 1e-6 && (best.b - 0.52).abs() < 1e-6,
            "{best:?}"
        );
    }

    #[test]
    fn the_surface_is_a_bowl_around_the_least_squares_line() {
        // Least squares: w = Σxy/Σx² = 14.9/10 = 1.49, b = mean(y) = 0.52.
        let best = loss_at(1.49, 0.52);
        assert!(best < loss_at(1.6, 0.52) && best < loss_at(1.49, 0.7));
        let grid = surface(4, (-2.0, 4.0), (-2.0, 3.0));
        assert_eq!(grid.dim(), (4, 4));
        assert!((grid[[0, 0]] - loss_at(-1.25, 2.375)).abs() < 1e-6);
    }
}
