//! Keras's `model.summary()` table: layer (type), output shape (batch shown as `None`), and
//! parameter count, with the total.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One row of a model summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryRow {
    /// Keras's layer name (`conv1d`, `dense_1`, …).
    pub name: String,
    /// Keras's class name (`Conv1D`, …).
    pub kind: String,
    /// Output shape without the batch axis.
    pub output_shape: Vec<usize>,
    /// Trainable parameters of the layer.
    pub params: usize,
}

impl SummaryRow {
    /// The output shape as Keras prints it: `(None, 16, 10)`.
    pub fn shape_text(&self) -> String {
        let dims: Vec<String> = self.output_shape.iter().map(usize::to_string).collect();
        format!("(None, {})", dims.join(", "))
    }
}

/// A model summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// One row per layer.
    pub rows: Vec<SummaryRow>,
}

impl Summary {
    /// Total trainable parameters.
    pub fn total_params(&self) -> usize {
        self.rows.iter().map(|r| r.params).sum()
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<30} {:<20} {:>10}",
            "Layer (type)", "Output Shape", "Param #"
        )?;
        for row in &self.rows {
            let label = format!("{} ({})", row.name, row.kind);
            writeln!(f, "{label:<30} {:<20} {:>10}", row.shape_text(), row.params)?;
        }
        write!(f, "Total params: {}", self.total_params())
    }
}
