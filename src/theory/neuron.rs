//! One artificial neuron (the perceptron): `z = Σᵢ xᵢ wᵢ + b`, output `a = f(z)`. Besides the
//! engine's activations it offers the step function of the original perceptron, `1 if z ≥ 0 else 0`,
//! which has no useful derivative and so is not used for training.

use crate::nn::Activation;
use ndarray::ArrayD;

/// The neuron's activation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NeuronActivation {
    /// `1 if z ≥ 0 else 0` (Rosenblatt's perceptron).
    Step,
    /// One of the engine's activations.
    Engine(Activation),
}

impl crate::choice::Choice for NeuronActivation {
    /// The choices the lesson offers.
    const ALL: &'static [NeuronActivation] = &[
        NeuronActivation::Step,
        NeuronActivation::Engine(Activation::Linear),
        NeuronActivation::Engine(Activation::Sigmoid),
        NeuronActivation::Engine(Activation::Relu),
        NeuronActivation::Engine(Activation::Tanh),
    ];

    /// The short name used in URLs (`step`, or Keras's name).
    fn code(self) -> &'static str {
        match self {
            NeuronActivation::Step => "step",
            NeuronActivation::Engine(a) => a.keras_name(),
        }
    }
}

impl std::str::FromStr for NeuronActivation {
    type Err = crate::choice::UnknownChoice;

    fn from_str(text: &str) -> Result<NeuronActivation, crate::choice::UnknownChoice> {
        <NeuronActivation as crate::choice::Choice>::from_code(text)
            .ok_or_else(|| crate::choice::UnknownChoice(text.to_string()))
    }
}

impl std::fmt::Display for NeuronActivation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(crate::choice::Choice::code(*self))
    }
}

impl NeuronActivation {
    /// `f(z)` for each `z`.
    ///
    /// # Shapes
    /// `z`: `[n]` → `[n]`.
    pub fn apply(self, z: &[f32]) -> Vec<f32> {
        match self {
            NeuronActivation::Step => z.iter().map(|&v| f32::from(v >= 0.0)).collect(),
            NeuronActivation::Engine(activation) => {
                let mut values = ArrayD::from_shape_vec(vec![z.len()], z.to_vec())
                    .expect("a vector has one axis");
                activation.apply(&mut values);
                values.into_iter().collect()
            }
        }
    }
}

/// What one neuron computed.
#[derive(Clone, Debug, PartialEq)]
pub struct NeuronOutput {
    /// `xᵢ · wᵢ` for each input.
    pub products: Vec<f32>,
    /// The weighted sum plus bias, `z`.
    pub z: f32,
    /// `f(z)`.
    pub output: f32,
}

/// The neuron's computation for `inputs` and `weights` (the same length) and `bias`.
///
/// # Panics
/// If `inputs` and `weights` differ in length.
pub fn neuron(
    inputs: &[f32],
    weights: &[f32],
    bias: f32,
    activation: NeuronActivation,
) -> NeuronOutput {
    assert_eq!(inputs.len(), weights.len(), "one weight per input");
    let products: Vec<f32> = inputs.iter().zip(weights).map(|(x, w)| x * w).collect();
    let z = products.iter().sum::<f32>() + bias;
    let output = activation.apply(&[z])[0];
    NeuronOutput {
        products,
        z,
        output,
    }
}

/// `points` samples `(z, f(z))` of the activation, `z` evenly spaced over `[from, to]`.
pub fn curve(activation: NeuronActivation, from: f32, to: f32, points: usize) -> Vec<(f32, f32)> {
    let step = (to - from) / (points.max(2) - 1) as f32;
    let z: Vec<f32> = (0..points).map(|i| from + step * i as f32).collect();
    let y = activation.apply(&z);
    z.into_iter().zip(y).collect()
}

/// The valid values of the neuron page's sliders and URL settings.
pub mod ranges {
    use crate::bounds::Bounds;

    /// Inputs x₁, x₂.
    pub const INPUT: Bounds<f64> = Bounds::new(-2.0, 2.0);
    /// Weights w₁, w₂ and the bias b.
    pub const WEIGHT: Bounds<f64> = Bounds::new(-3.0, 3.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weighted_sum_then_activation() {
        let relu = NeuronActivation::Engine(Activation::Relu);
        let out = neuron(&[1.0, 2.0], &[0.5, -1.0], 0.25, relu);
        assert_eq!(out.products, vec![0.5, -2.0]);
        assert_eq!(out.z, -1.25);
        assert_eq!(out.output, 0.0);
        let step = neuron(&[1.0, 2.0], &[0.5, 1.0], 0.0, NeuronActivation::Step);
        assert_eq!(step.output, 1.0);
        let sigmoid = NeuronActivation::Engine(Activation::Sigmoid);
        assert!((neuron(&[0.0], &[1.0], 0.0, sigmoid).output - 0.5).abs() < 1e-7);
        for &a in <NeuronActivation as crate::choice::Choice>::ALL {
            assert_eq!(a.to_string().parse::<NeuronActivation>(), Ok(a));
        }
        let c = curve(NeuronActivation::Step, -1.0, 1.0, 3);
        assert_eq!(c, vec![(-1.0, 0.0), (0.0, 1.0), (1.0, 1.0)]);
    }
}
