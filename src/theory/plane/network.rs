//! What every neuron of a plane classifier computes, for the network diagram: each neuron's output
//! over the whole plane (a small picture per neuron, as TensorFlow Playground draws them) and every
//! weight between layers.

use super::PlaneModel;
use crate::nn::{Activation, LayerSpec};
use ndarray::{Array2, ArrayD, Axis, Ix2};

/// The network as the diagram draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkPicture {
    /// Per layer, inputs first and the output last, each neuron's value over the plane
    /// (`[cells, cells]`, row 0 at the highest pH, as [`PlaneModel::probability_grid`]): the
    /// inputs `x₁` and `x₂`, then each hidden neuron's activation, then the probability of high.
    pub neurons: Vec<Vec<Array2<f32>>>,
    /// Per connection, the kernel `[neurons before, neurons after]`.
    pub weights: Vec<Array2<f32>>,
    /// Per layer after the inputs, each neuron's bias.
    pub biases: Vec<Vec<f32>>,
    /// Per layer, `(centre, spread)`: the value drawn white and the distance from it drawn in full
    /// colour (inputs and tanh `(0, 1)`, sigmoid and the output `(0.5, 0.5)`, ReLU `(0, largest)`).
    pub scales: Vec<(f32, f32)>,
}

impl NetworkPicture {
    /// The largest absolute weight (0 for a network without weights).
    pub fn largest_weight(&self) -> f32 {
        self.weights
            .iter()
            .flat_map(|w| w.iter())
            .fold(0.0_f32, |m, w| m.max(w.abs()))
    }
}

/// A `[cells², k]` block as `k` pictures `[cells, cells]`.
fn pictures(block: &Array2<f32>, cells: usize) -> Vec<Array2<f32>> {
    block
        .axis_iter(Axis(1))
        .map(|column| {
            column
                .to_owned()
                .into_shape_with_order((cells, cells))
                .expect("cells × cells values")
        })
        .collect()
}

impl PlaneModel {
    /// Every neuron's output over a `cells × cells` grid and every weight.
    ///
    /// # Shapes
    /// → `neurons[l][k]: [cells, cells]`, `weights[l]: [units of layer l, units of layer l + 1]`.
    pub fn network(&mut self, cells: usize) -> NetworkPicture {
        let inputs = self.grid_inputs(cells);
        let as_block = |a: ArrayD<f32>| a.into_dimensionality::<Ix2>().expect("[N, units]");
        let input_block = as_block(inputs.clone());
        let mut neurons = vec![pictures(&input_block, cells)];
        let layers = self.model.layers().len();
        for count in 1..=layers {
            let out = self.model.forward_prefix(&inputs, count);
            neurons.push(pictures(&as_block(out), cells));
        }
        let params = self.model.params();
        let mut weights = Vec::new();
        let mut biases = Vec::new();
        for pair in params.chunks(2) {
            if let [kernel, bias] = pair {
                weights.push(
                    kernel
                        .value
                        .clone()
                        .into_dimensionality::<Ix2>()
                        .expect("a dense kernel"),
                );
                biases.push(bias.value.iter().copied().collect());
            }
        }
        let activations = self.model.spec().layers.iter().map(|layer| match layer {
            LayerSpec::Dense(dense) => dense.activation,
            _ => Activation::Linear,
        });
        let mut scales = vec![(0.0, 1.0)];
        for (activation, layer) in activations.zip(&neurons[1..]) {
            scales.push(match activation {
                Activation::Sigmoid => (0.5, 0.5),
                Activation::Relu => {
                    let largest = layer.iter().flatten().fold(0.0_f32, |m, &v| m.max(v));
                    (0.0, if largest > 0.0 { largest } else { 1.0 })
                }
                _ => (0.0, 1.0),
            });
        }
        NetworkPicture {
            neurons,
            weights,
            biases,
            scales,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::nn::Activation;
    use crate::theory::bioreactor::{Pattern, simulate};
    use crate::theory::plane::PlaneModel;

    #[test]
    fn the_picture_matches_the_model() {
        let runs = simulate(Pattern::Xor, 80, 1);
        let mut model = PlaneModel::new(&runs, 4, Activation::Tanh, 0.5, 1);
        model.train(50);
        let picture = model.network(6);
        let units: Vec<usize> = picture.neurons.iter().map(Vec::len).collect();
        assert_eq!(units, [2, 4, 1]);
        assert!(picture.neurons.iter().flatten().all(|p| p.dim() == (6, 6)));
        let shapes: Vec<(usize, usize)> = picture.weights.iter().map(|w| w.dim()).collect();
        assert_eq!(shapes, [(2, 4), (4, 1)]);
        assert_eq!(
            picture.biases.iter().map(Vec::len).collect::<Vec<_>>(),
            [4, 1]
        );
        // The last picture is the probability grid; tanh outputs stay in (−1, 1).
        let grid = model.probability_grid(6);
        assert!(
            (&picture.neurons[2][0] - &grid)
                .iter()
                .all(|d| d.abs() < 1e-6)
        );
        assert!(picture.neurons[1].iter().flatten().all(|v| v.abs() < 1.0));
        // The inputs are x₁ (rising to the right) and x₂ (rising upwards, so falling down rows).
        let (x1, x2) = (&picture.neurons[0][0], &picture.neurons[0][1]);
        assert!(x1[[0, 5]] > x1[[0, 0]] && x2[[0, 0]] > x2[[5, 0]]);
        assert!(picture.largest_weight() > 0.0);
        assert_eq!(picture.scales, [(0.0, 1.0), (0.0, 1.0), (0.5, 0.5)]);
        let relu = PlaneModel::new(&runs, 2, Activation::Relu, 0.5, 1).network(4);
        assert!(relu.scales[1].0 == 0.0 && relu.scales[1].1 > 0.0);
        let one = PlaneModel::new(&runs, 0, Activation::Tanh, 0.5, 1).network(4);
        assert_eq!(one.neurons.iter().map(Vec::len).collect::<Vec<_>>(), [2, 1]);
    }
}
