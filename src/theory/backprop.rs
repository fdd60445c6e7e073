//! Backpropagation by hand on a network small enough to follow: 2 inputs → 2 sigmoid hidden
//! units → 1 sigmoid output, squared-error loss `L = (ŷ − y)²` (the engine's MSE for one output).
//!
//! Forward: `zⱼ = x₁ w₁ⱼ + x₂ w₂ⱼ + bⱼ`, `hⱼ = σ(zⱼ)`, `z_o = v₁ h₁ + v₂ h₂ + c`, `ŷ = σ(z_o)`.
//! Backward (the chain rule, one local derivative per edge):
//! `∂L/∂ŷ = 2(ŷ − y)`, `∂ŷ/∂z_o = ŷ(1 − ŷ)`, `∂L/∂vⱼ = ∂L/∂z_o · hⱼ`, `∂L/∂hⱼ = ∂L/∂z_o · vⱼ`,
//! `∂hⱼ/∂zⱼ = hⱼ(1 − hⱼ)`, `∂L/∂wᵢⱼ = ∂L/∂zⱼ · xᵢ`, `∂L/∂bⱼ = ∂L/∂zⱼ`.
//!
//! The trace is in f64; [`TinyNet::engine_gradient`] gets the same gradient from the engine (f32
//! `Dense` layers) and [`TinyNet::numeric_gradient`] from central finite differences.

use crate::nn::{
    Activation, DenseConfig, LayerSpec, LossConfig, LossKind, LossSemantics, ModelSpec, Sequential,
};
use ndarray::{Array2, ArrayD, IxDyn};

/// The parameters' names, in [`TinyNet::params`] order.
pub const PARAM_NAMES: [&str; 9] = ["w₁₁", "w₂₁", "w₁₂", "w₂₂", "b₁", "b₂", "v₁", "v₂", "c"];

/// The network's nine parameters. `w[i][j]` joins input `i` to hidden unit `j`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TinyNet {
    /// Input → hidden weights.
    pub w: [[f64; 2]; 2],
    /// Hidden biases.
    pub b: [f64; 2],
    /// Hidden → output weights.
    pub v: [f64; 2],
    /// Output bias.
    pub c: f64,
}

/// One training example.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sample {
    /// The two inputs.
    pub x: [f64; 2],
    /// The target.
    pub y: f64,
}

/// The lesson's example: inputs (1.0, 0.5), target 1.
pub const SAMPLE: Sample = Sample {
    x: [1.0, 0.5],
    y: 1.0,
};

/// Every value of the forward pass.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Forward {
    /// Hidden pre-activations `zⱼ`.
    pub z_hidden: [f64; 2],
    /// Hidden outputs `hⱼ = σ(zⱼ)`.
    pub hidden: [f64; 2],
    /// Output pre-activation `z_o`.
    pub z_out: f64,
    /// The prediction `ŷ = σ(z_o)`.
    pub output: f64,
    /// `(ŷ − y)²`.
    pub loss: f64,
}

/// Every local derivative and chain-rule product of the backward pass.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Backward {
    /// `∂L/∂ŷ = 2(ŷ − y)`.
    pub d_output: f64,
    /// Local: `∂ŷ/∂z_o = ŷ(1 − ŷ)`.
    pub local_out: f64,
    /// `∂L/∂z_o = ∂L/∂ŷ · ∂ŷ/∂z_o`.
    pub d_z_out: f64,
    /// `∂L/∂hⱼ = ∂L/∂z_o · vⱼ`.
    pub d_hidden: [f64; 2],
    /// Local: `∂hⱼ/∂zⱼ = hⱼ(1 − hⱼ)`.
    pub local_hidden: [f64; 2],
    /// `∂L/∂zⱼ = ∂L/∂hⱼ · ∂hⱼ/∂zⱼ`.
    pub d_z_hidden: [f64; 2],
    /// The gradient, in [`TinyNet::params`] order.
    pub gradient: [f64; 9],
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

impl TinyNet {
    /// The lesson's starting weights.
    pub const START: TinyNet = TinyNet {
        w: [[0.5, -0.3], [0.8, 0.2]],
        b: [0.1, -0.1],
        v: [0.7, -0.4],
        c: 0.05,
    };

    /// The parameters in the order of [`PARAM_NAMES`].
    pub fn params(&self) -> [f64; 9] {
        let [[w11, w12], [w21, w22]] = self.w;
        [
            w11, w21, w12, w22, self.b[0], self.b[1], self.v[0], self.v[1], self.c,
        ]
    }

    /// The network with parameters `p` (in [`PARAM_NAMES`] order).
    pub fn from_params(p: [f64; 9]) -> TinyNet {
        TinyNet {
            w: [[p[0], p[2]], [p[1], p[3]]],
            b: [p[4], p[5]],
            v: [p[6], p[7]],
            c: p[8],
        }
    }

    /// The forward pass on `s`.
    pub fn forward(&self, s: Sample) -> Forward {
        let z_hidden = [0, 1].map(|j| s.x[0] * self.w[0][j] + s.x[1] * self.w[1][j] + self.b[j]);
        let hidden = z_hidden.map(sigmoid);
        let z_out = self.v[0] * hidden[0] + self.v[1] * hidden[1] + self.c;
        let output = sigmoid(z_out);
        Forward {
            z_hidden,
            hidden,
            z_out,
            output,
            loss: (output - s.y).powi(2),
        }
    }

    /// The backward pass, by the chain rule, from the forward pass `f` on `s`.
    pub fn backward(&self, s: Sample, f: &Forward) -> Backward {
        let d_output = 2.0 * (f.output - s.y);
        let local_out = f.output * (1.0 - f.output);
        let d_z_out = d_output * local_out;
        let d_hidden = self.v.map(|v| d_z_out * v);
        let local_hidden = f.hidden.map(|h| h * (1.0 - h));
        let d_z_hidden = [0, 1].map(|j| d_hidden[j] * local_hidden[j]);
        let g = d_z_hidden;
        Backward {
            d_output,
            local_out,
            d_z_out,
            d_hidden,
            local_hidden,
            d_z_hidden,
            gradient: [
                g[0] * s.x[0],
                g[0] * s.x[1],
                g[1] * s.x[0],
                g[1] * s.x[1],
                g[0],
                g[1],
                d_z_out * f.hidden[0],
                d_z_out * f.hidden[1],
                d_z_out,
            ],
        }
    }

    /// The same gradient from the engine: `Dense(2, sigmoid) → Dense(1, sigmoid)`, MSE loss, in f32.
    pub fn engine_gradient(&self, s: Sample) -> [f32; 9] {
        let dense = |units| {
            LayerSpec::Dense(DenseConfig {
                units,
                activation: Activation::Sigmoid,
            })
        };
        let spec = ModelSpec {
            input_shape: vec![2],
            layers: vec![dense(2), dense(1)],
        };
        let mut model = Sequential::new(spec, 0).expect("a valid 2-2-1 model");
        let values = [
            vec![self.w[0][0], self.w[0][1], self.w[1][0], self.w[1][1]],
            self.b.to_vec(),
            self.v.to_vec(),
            vec![self.c],
        ];
        for (param, values) in model.params_mut().into_iter().zip(values) {
            let shape = param.value.shape().to_vec();
            param.value = ArrayD::from_shape_vec(
                IxDyn(&shape),
                values.into_iter().map(|v| v as f32).collect(),
            )
            .expect("parameter shape");
        }
        let x =
            ArrayD::from_shape_vec(IxDyn(&[1, 2]), s.x.map(|v| v as f32).to_vec()).expect("[1, 2]");
        let y = Array2::from_elem((1, 1), s.y as f32);
        let loss = LossConfig {
            kind: LossKind::MeanSquaredError,
            semantics: LossSemantics::KerasFit,
        };
        let output = model.forward(&x, true);
        let (out, from_logits) = loss.evaluate(&model, &output, &y);
        model.backward(&out.grad.into_dyn(), from_logits);
        let params = model.params();
        let (kernel1, bias1, kernel2, bias2) = (
            &params[0].grad,
            &params[1].grad,
            &params[2].grad,
            &params[3].grad,
        );
        [
            kernel1[[0, 0]],
            kernel1[[1, 0]],
            kernel1[[0, 1]],
            kernel1[[1, 1]],
            bias1[[0]],
            bias1[[1]],
            kernel2[[0, 0]],
            kernel2[[1, 0]],
            bias2[[0]],
        ]
    }

    /// Central finite differences of the loss, step `h`, in f64.
    pub fn numeric_gradient(&self, s: Sample, h: f64) -> [f64; 9] {
        let p = self.params();
        std::array::from_fn(|i| {
            let (mut up, mut down) = (p, p);
            up[i] += h;
            down[i] -= h;
            let loss = |q| TinyNet::from_params(q).forward(s).loss;
            (loss(up) - loss(down)) / (2.0 * h)
        })
    }

    /// One gradient-descent step: `θ ← θ − lr · ∂L/∂θ`.
    pub fn descend(&self, s: Sample, learning_rate: f64) -> TinyNet {
        let gradient = self.backward(s, &self.forward(s)).gradient;
        let mut p = self.params();
        for (p, g) in p.iter_mut().zip(gradient) {
            *p -= learning_rate * g;
        }
        TinyNet::from_params(p)
    }
}

/// The valid values of the backpropagation page's URL settings.
pub mod ranges {
    use crate::bounds::Bounds;

    /// The walk-through's stage (eight: four forward, four backward).
    pub const STAGE: Bounds<usize> = Bounds::new(0, 7);
    /// Descent steps taken on the 2-2-1 network.
    pub const STEPS: Bounds<usize> = Bounds::new(0, 200);
    /// Its learning rate.
    pub const RATE: Bounds<f64> = Bounds::new(0.01, 10.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_rule_engine_and_finite_differences_agree() {
        let net = TinyNet::START;
        let f = net.forward(SAMPLE);
        let back = net.backward(SAMPLE, &f);
        let engine = net.engine_gradient(SAMPLE);
        let numeric = net.numeric_gradient(SAMPLE, 1e-5);
        for i in 0..9 {
            let (a, e, n) = (back.gradient[i], f64::from(engine[i]), numeric[i]);
            assert!(
                (a - n).abs() < 1e-9,
                "{}: chain {a} vs numeric {n}",
                PARAM_NAMES[i]
            );
            assert!(
                (a - e).abs() < 1e-6,
                "{}: chain {a} vs engine {e}",
                PARAM_NAMES[i]
            );
            // The lesson shows them to 4 significant digits: identical there.
            assert_eq!(format!("{a:.4e}"), format!("{n:.4e}"));
        }
        assert_eq!(TinyNet::from_params(net.params()), net);
    }

    #[test]
    fn a_descent_step_lowers_the_loss() {
        let mut net = TinyNet::START;
        let mut loss = net.forward(SAMPLE).loss;
        for _ in 0..10 {
            net = net.descend(SAMPLE, 1.0);
            let next = net.forward(SAMPLE).loss;
            assert!(next < loss);
            loss = next;
        }
    }
}
