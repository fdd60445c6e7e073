//! "Export to Keras": a Python script that rebuilds a SeqLab model with the same architecture and
//! hyperparameters in Keras 3 and trains it on the same data (written out as CSV next to it), so a
//! student who outgrows the browser continues in Jupyter.
//!
//! The script needs numpy and Keras (TensorFlow backend). Its weights start from Keras's own random
//! initialisation, so its numbers differ a little from the browser's run; the set-up is the same.

use crate::nn::{Activation, LayerSpec, LossKind, LossSemantics, ModelSpec, OptimizerConfig};
use crate::training::{Monitor, TrainConfig};

/// What the data CSV holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Targets {
    /// Columns `sequence,positive,split`: two classes, positive = `[1, 0]` as in the lecture.
    MotifClasses,
    /// Columns `sequence,value,split`: one regression value, standardised as in the browser.
    Value {
        /// Mean subtracted from the values before training.
        mean: f64,
        /// Standard deviation they were divided by.
        std: f64,
    },
}

fn python_bool(value: bool) -> &'static str {
    if value { "True" } else { "False" }
}

fn activation(a: Activation) -> &'static str {
    a.keras_name()
}

fn layer_line(layer: &LayerSpec) -> String {
    match layer {
        LayerSpec::Conv1d(c) => format!(
            "keras.layers.Conv1D({}, {}, padding=\"{}\", activation=\"{}\")",
            c.filters,
            c.kernel_size,
            serde_json::to_value(c.padding)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            activation(c.activation)
        ),
        LayerSpec::MaxPool1d(p) => format!("keras.layers.MaxPooling1D({})", p.pool_size),
        LayerSpec::Flatten => "keras.layers.Flatten()".to_string(),
        LayerSpec::Dense(d) => format!(
            "keras.layers.Dense({}, activation=\"{}\")",
            d.units,
            activation(d.activation)
        ),
        LayerSpec::Activation { activation: a } => {
            format!("keras.layers.Activation(\"{}\")", activation(*a))
        }
        LayerSpec::Dropout(d) => format!("keras.layers.Dropout({})", d.rate),
    }
}

fn optimizer_line(optimizer: &OptimizerConfig) -> String {
    match optimizer {
        OptimizerConfig::Adam(a) => format!(
            "keras.optimizers.Adam(learning_rate={}, beta_1={}, beta_2={}, epsilon={})",
            a.learning_rate, a.beta_1, a.beta_2, a.epsilon
        ),
        OptimizerConfig::Sgd(s) => format!(
            "keras.optimizers.SGD(learning_rate={}, momentum={})",
            s.learning_rate, s.momentum
        ),
    }
}

fn loss_line(kind: LossKind, semantics: LossSemantics) -> String {
    match (kind, semantics) {
        (LossKind::CategoricalCrossentropy, LossSemantics::KerasFit) => {
            "\"categorical_crossentropy\"".into()
        }
        (LossKind::CategoricalCrossentropy, LossSemantics::ClassicNormaliseClip) => {
            // Multiplying by 1.0 makes a new tensor without the cached logits, which is what
            // switches today's Keras to the 2020-era normalise-and-clip formula.
            "lambda y_true, y_pred: keras.losses.categorical_crossentropy(y_true, y_pred * 1.0)"
                .into()
        }
        (LossKind::BinaryCrossentropy, _) => "\"binary_crossentropy\"".into(),
        (LossKind::MeanSquaredError, _) => "\"mean_squared_error\"".into(),
    }
}

/// The script for `spec` trained with `config` on `data_file` (written by the page next to it).
/// With `fit_length`, every sequence is padded with zero rows or cut to that length, as in the
/// browser.
pub fn keras_script(
    spec: &ModelSpec,
    config: &TrainConfig,
    model_seed: u64,
    data_file: &str,
    targets: Targets,
    fit_length: Option<usize>,
) -> String {
    let input_shape: Vec<String> = spec.input_shape.iter().map(usize::to_string).collect();
    let layers: Vec<String> = spec
        .layers
        .iter()
        .map(|l| format!("    {},", layer_line(l)))
        .collect();
    let (metrics, load_targets, report) = match targets {
        Targets::MotifClasses => (
            "[\"accuracy\"]",
            "positive = np.array([float(r[\"positive\"]) for r in rows], dtype=\"float32\")\n\
             y = np.stack([positive, 1.0 - positive], axis=1)  # positive = [1, 0], as in the lecture"
                .to_string(),
            "loss, accuracy = model.evaluate(X[test], y[test], verbose=0)\n\
             print(f\"test loss {loss:.4f}, test accuracy {accuracy:.4f}\")\n\
             predicted = model.predict(X[test], verbose=0).argmax(axis=1)\n\
             true = y[test].argmax(axis=1)\n\
             matrix = np.zeros((2, 2), dtype=int)  # rows = true class, columns = predicted\n\
             for t, p in zip(true, predicted):\n    matrix[t, p] += 1\n\
             print(\"confusion matrix (class 0 = positive):\")\nprint(matrix)"
                .to_string(),
        ),
        Targets::Value { mean, std } => (
            "[]",
            format!(
                "values = np.array([float(r[\"value\"]) for r in rows], dtype=\"float32\")\n\
                 MEAN, STD = {mean}, {std}  # the browser's standardisation (z-score)\n\
                 y = ((values - MEAN) / STD).reshape(-1, 1)"
            ),
            "predicted = model.predict(X[test], verbose=0).ravel() * STD + MEAN\n\
             observed = values[test]\n\
             r2 = 1.0 - ((observed - predicted) ** 2).sum() / ((observed - observed.mean()) ** 2).sum()\n\
             print(f\"test r2 {r2:.4f}, Pearson r {np.corrcoef(observed, predicted)[0, 1]:.4f}\")"
                .to_string(),
        ),
    };
    let callbacks = match config.early_stopping {
        Some(rule) => format!(
            "[keras.callbacks.EarlyStopping(monitor=\"{}\", patience={}, restore_best_weights={})]",
            match rule.monitor {
                Monitor::ValLoss => "val_loss",
                Monitor::Loss => "loss",
            },
            rule.patience,
            python_bool(rule.restore_best_weights)
        ),
        None => "[]".to_string(),
    };
    format!(
        r#""""SeqLab export: the model trained in the browser, rebuilt in Keras 3.

Run it next to {data_file} (written by SeqLab): python this_file.py
Needs numpy and keras with the TensorFlow backend (pip install numpy tensorflow).
Keras starts from its own random weights, so its numbers differ a little from the browser's.
"""
import csv

import numpy as np
import keras

DATA_FILE = "{data_file}"
LENGTH = {length}  # pad with zero rows / cut to this length (None: all sequences agree)
keras.utils.set_random_seed({model_seed})


def one_hot(sequence):
    """L x 4 matrix, columns A, C, G, T; U is read as T and N is a row of 0.25."""
    index = {{"A": 0, "C": 1, "G": 2, "T": 3, "U": 3}}
    size = len(sequence) if LENGTH is None else LENGTH
    matrix = np.zeros((size, 4), dtype="float32")
    for i, base in enumerate(sequence.upper()[:size]):
        if base == "N":
            matrix[i, :] = 0.25
        else:
            matrix[i, index[base]] = 1.0
    return matrix


with open(DATA_FILE, newline="") as handle:
    rows = list(csv.DictReader(handle))
X = np.stack([one_hot(r["sequence"]) for r in rows])
{load_targets}
test = np.array([r["split"] == "test" for r in rows])
train = ~test
print("X", X.shape, "train", int(train.sum()), "test", int(test.sum()))

model = keras.Sequential([
    keras.Input(shape=({input},)),
{layers}
])
model.compile(
    optimizer={optimizer},
    loss={loss},
    metrics={metrics},
)
model.summary()

history = model.fit(
    X[train], y[train],
    batch_size={batch_size},
    epochs={epochs},
    validation_split={validation_split},
    shuffle={shuffle},
    callbacks={callbacks},
)
{report}
"#,
        input = input_shape.join(", "),
        layers = layers.join("\n"),
        optimizer = optimizer_line(&config.optimizer),
        loss = loss_line(config.loss.kind, config.loss.semantics),
        batch_size = config.batch_size,
        epochs = config.epochs,
        validation_split = config.validation_split,
        shuffle = python_bool(config.shuffle),
        length = fit_length.map_or_else(|| "None".to_string(), |l| l.to_string()),
    )
}
