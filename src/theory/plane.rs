//! A classifier of the bioreactor plane trained by full-batch gradient descent with the engine:
//! either one neuron (`Dense(1, sigmoid)`, a perceptron with a smooth activation, whose decision
//! boundary `w₁x₁ + w₂x₂ + b = 0` is a straight line) or one hidden layer (`Dense(h, tanh, relu or
//! sigmoid) → Dense(1, sigmoid)`, whose boundary can bend). Loss: binary cross-entropy; optimiser:
//! plain SGD. [`boundary`] draws the boundary as lines, [`network`] every neuron over the plane.

pub mod boundary;
pub mod network;

use super::bioreactor::{PH_RANGE, Run, TEMPERATURE_RANGE, scale};
use super::{gradient_step, loss_of};
use crate::metrics;
use crate::nn::{
    Activation, DenseConfig, LayerSpec, LossConfig, LossKind, LossSemantics, ModelSpec, Sequential,
    Sgd, SgdConfig,
};
use ndarray::{Array2, ArrayD, IxDyn};

/// A plane classifier and its data.
#[derive(Clone, Debug)]
pub struct PlaneModel {
    model: Sequential,
    optimizer: Sgd,
    inputs: ArrayD<f32>,
    targets: Array2<f32>,
    /// Training loss before each step taken so far.
    pub losses: Vec<f32>,
}

const LOSS: LossConfig = LossConfig {
    kind: LossKind::BinaryCrossentropy,
    semantics: LossSemantics::KerasFit,
};

/// The architecture: `hidden = 0` is a single neuron, otherwise one hidden layer of that size with
/// `activation`.
pub fn spec(hidden: usize, activation: Activation) -> ModelSpec {
    let output = LayerSpec::Dense(DenseConfig {
        units: 1,
        activation: Activation::Sigmoid,
    });
    let layers = if hidden == 0 {
        vec![output]
    } else {
        vec![
            LayerSpec::Dense(DenseConfig {
                units: hidden,
                activation,
            }),
            output,
        ]
    };
    ModelSpec {
        input_shape: vec![2],
        layers,
    }
}

impl PlaneModel {
    /// A fresh model (glorot-uniform weights from `seed`) for `runs`; `activation` is the hidden
    /// layer's (unused without one).
    pub fn new(
        runs: &[Run],
        hidden: usize,
        activation: Activation,
        learning_rate: f32,
        seed: u64,
    ) -> PlaneModel {
        let model = Sequential::new(spec(hidden, activation), seed).expect("a valid plane model");
        let inputs = ArrayD::from_shape_vec(
            IxDyn(&[runs.len(), 2]),
            runs.iter().flat_map(Run::inputs).collect(),
        )
        .expect("[N, 2] inputs");
        let targets = Array2::from_shape_fn((runs.len(), 1), |(i, _)| f32::from(runs[i].high));
        PlaneModel {
            model,
            optimizer: Sgd::new(SgdConfig {
                learning_rate,
                momentum: 0.0,
            }),
            inputs,
            targets,
            losses: Vec::new(),
        }
    }

    /// Takes `steps` gradient-descent steps on all runs at once.
    pub fn train(&mut self, steps: usize) {
        for _ in 0..steps {
            let loss = gradient_step(
                &mut self.model,
                &mut self.optimizer,
                LOSS,
                &self.inputs,
                &self.targets,
            );
            self.losses.push(loss);
        }
    }

    /// The current training loss.
    pub fn loss(&mut self) -> f32 {
        loss_of(&mut self.model, LOSS, &self.inputs, &self.targets)
    }

    /// The fraction of runs classified correctly (a probability above 0.5 means high).
    pub fn accuracy(&mut self) -> f64 {
        let p = self.model.predict(&self.inputs, 256);
        metrics::accuracy(p.view(), self.targets.view())
    }

    /// For a single neuron, its weights `(w₁, w₂, b)` on the scaled inputs; `None` with a hidden layer.
    pub fn neuron_weights(&self) -> Option<(f32, f32, f32)> {
        match self.model.params().as_slice() {
            [kernel, bias] => Some((kernel.value[[0, 0]], kernel.value[[1, 0]], bias.value[[0]])),
            _ => None,
        }
    }

    /// The probability of high yield on a `cells × cells` grid of cell centres: row `r` is the pH
    /// `r` steps from the top (highest pH first), column `c` the temperature from the lowest.
    ///
    /// # Shapes
    /// → `[cells, cells]`.
    pub fn probability_grid(&mut self, cells: usize) -> Array2<f32> {
        let inputs = self.grid_inputs(cells);
        self.model
            .predict(&inputs, 1024)
            .into_shape_with_order((cells, cells))
            .expect("[cells, cells]")
    }

    /// The scaled inputs at the centres of a `cells × cells` grid, row by row from the highest pH.
    ///
    /// # Shapes
    /// → `[cells², 2]`.
    fn grid_inputs(&self, cells: usize) -> ArrayD<f32> {
        let centre =
            |(lo, hi): (f64, f64), i: usize| lo + (hi - lo) * (i as f64 + 0.5) / cells as f64;
        let points: Vec<f32> = (0..cells * cells)
            .flat_map(|k| {
                let (r, c) = (k / cells, k % cells);
                let ph = centre(PH_RANGE, cells - 1 - r);
                scale(centre(TEMPERATURE_RANGE, c), ph)
            })
            .collect();
        ArrayD::from_shape_vec(IxDyn(&[cells * cells, 2]), points).expect("[N, 2]")
    }

    /// The number of trainable parameters.
    pub fn param_count(&self) -> usize {
        self.model.param_count()
    }
}

/// The valid values of the perceptron training panel's settings (form and URL).
pub mod ranges {
    use crate::bounds::Bounds;

    /// Hidden neurons (0: one neuron alone).
    pub const HIDDEN: Bounds<usize> = Bounds::new(0, 8);
    /// Hidden-layer sizes the page offers.
    pub const HIDDEN_CHOICES: [usize; 4] = [0, 2, 4, 8];
    /// Learning rates offered.
    pub const LEARNING_RATES: &[f32] = &[0.05, 0.5, 2.0, 10.0];
    /// Gradient steps a link may ask for.
    pub const STEPS: Bounds<usize> = Bounds::new(0, 5000);
    /// Seed of the simulated runs and the initial weights.
    pub const SEED: Bounds<u64> = Bounds::new(0, 999_999);
}

/// The share of `runs` in their most common class: the accuracy of always answering it.
pub fn majority_share(runs: &[Run]) -> f64 {
    if runs.is_empty() {
        return 0.0;
    }
    let high = runs.iter().filter(|r| r.high).count();
    high.max(runs.len() - high) as f64 / runs.len() as f64
}

/// The hidden layer's activation (the page offers these three).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum HiddenActivation {
    /// tanh (Playground's default).
    #[default]
    Tanh,
    /// ReLU.
    Relu,
    /// The logistic sigmoid.
    Sigmoid,
}

crate::choice!(HiddenActivation {
    Tanh => "tanh",
    Relu => "relu",
    Sigmoid => "sigmoid",
});

impl HiddenActivation {
    /// The engine's activation.
    pub fn activation(self) -> Activation {
        match self {
            HiddenActivation::Tanh => Activation::Tanh,
            HiddenActivation::Relu => Activation::Relu,
            HiddenActivation::Sigmoid => Activation::Sigmoid,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::Activation;
    use crate::theory::bioreactor::{Pattern, simulate};

    fn trained(pattern: Pattern, hidden: usize, steps: usize) -> PlaneModel {
        let mut model =
            PlaneModel::new(&simulate(pattern, 80, 1), hidden, Activation::Tanh, 0.5, 1);
        model.train(steps);
        model
    }

    #[test]
    fn one_neuron_separates_the_line_but_not_xor_a_hidden_layer_does() {
        let mut line = trained(Pattern::Linear, 0, 300);
        assert!(line.accuracy() >= 0.9, "linear: {}", line.accuracy());
        assert!(line.losses[299] < line.losses[0]);
        let mut xor = trained(Pattern::Xor, 0, 300);
        assert!(
            xor.accuracy() <= 0.75,
            "xor, one neuron: {}",
            xor.accuracy()
        );
        let mut xor_hidden = trained(Pattern::Xor, 4, 300);
        assert!(
            xor_hidden.accuracy() >= 0.9,
            "xor, hidden: {}",
            xor_hidden.accuracy()
        );
        let mut window_hidden = trained(Pattern::Window, 4, 1000);
        assert!(
            window_hidden.accuracy() >= 0.9,
            "window: {}",
            window_hidden.accuracy()
        );
        assert!(line.neuron_weights().is_some() && xor_hidden.neuron_weights().is_none());
        let grid = line.probability_grid(8);
        assert_eq!(grid.dim(), (8, 8));
        // Cooler and more basic is better: top-left (basic, cool) is high, bottom-right low.
        assert!(grid[[0, 0]] > 0.5 && grid[[7, 7]] < 0.5);
        assert_eq!((line.param_count(), xor_hidden.param_count()), (3, 17));
    }

    /// The perceptron page's "try this" on the learning rate, performed: after 100 steps at 0.05
    /// the loss is still about 0.5; at 10 the same 100 steps bring it below 0.1, and it never goes
    /// back up on the way.
    #[test]
    fn try_this_learning_rates() {
        let runs = simulate(Pattern::Linear, 80, 1);
        let run = |rate: f32| {
            let mut model = PlaneModel::new(&runs, 0, Activation::Tanh, rate, 1);
            model.train(100);
            let end = model.loss();
            (model.losses, end)
        };
        let (slow, slow_end) = run(0.05);
        let (fast, fast_end) = run(10.0);
        let start = slow[0];
        let rises = fast.windows(2).filter(|w| w[1] > w[0]).count();
        assert!(start > 0.6, "{start}");
        assert!(
            (0.4..0.6).contains(&slow_end),
            "0.05 after 100 steps: {slow_end}"
        );
        assert!(fast_end < 0.1, "10 after 100 steps: {fast_end}");
        assert_eq!(rises, 0, "the loss went back up at 10");
    }

    /// "XOR-like": one neuron stays far below 100 % however long it trains; four hidden neurons
    /// (tanh, ReLU or sigmoid) separate it within 1000 steps at the page's default rate.
    #[test]
    fn try_this_xor() {
        let runs = simulate(Pattern::Xor, 80, 1);
        let mut single = PlaneModel::new(&runs, 0, Activation::Tanh, 0.5, 1);
        single.train(5000);
        assert!(single.accuracy() <= 0.75, "{}", single.accuracy());
        let mut tanh = PlaneModel::new(&runs, 4, Activation::Tanh, 0.5, 1);
        tanh.train(1000);
        assert!(tanh.accuracy() >= 0.9, "{}", tanh.accuracy());
        assert!(majority_share(&runs) > 0.4 && majority_share(&runs) <= 1.0);
    }
}
