//! The runs as a [`NumericTable`] (six condition columns, one titer column), split into training
//! and test runs, and standardised with means and standard deviations of the training runs only:
//! `z = (x − mean) / sd` per condition and for the titer, so every input of the network has mean 0
//! and sd 1 and the titer's scale does not set the learning rate.

use super::conditions::Condition;
use super::linear::LinearFit;
use super::simulate::Run;
use crate::data::numeric::{NumericError, NumericTable};
use crate::data::{Dataset, Split, train_test_split};
use crate::lab::expression::{Standardizer, ValuesError};
use crate::lang::Lang;
use crate::nn::Sequential;
use ndarray::Array2;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The titer column's name in `lang`, unit included.
pub fn titer_column(lang: Lang) -> String {
    lang.pick("역가 (mg/L)", "titer (mg/L)").to_string()
}

/// The runs as a table: the six conditions in [`Condition::ALL`] order, the measured titer.
pub fn runs_table(runs: &[Run], lang: Lang) -> NumericTable {
    let mut columns: Vec<String> = Condition::ALL.iter().map(|c| c.column(lang)).collect();
    columns.push(titer_column(lang));
    NumericTable {
        columns,
        features: runs
            .iter()
            .map(|r| r.conditions.to_array().map(|v| v as f32).to_vec())
            .collect(),
        targets: runs.iter().map(|r| vec![r.measured as f32]).collect(),
    }
}

/// Per-column standardisation fitted on the training rows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scaling {
    /// One per feature column.
    pub features: Vec<Standardizer>,
    /// The (first) target column.
    pub target: Standardizer,
}

impl Scaling {
    /// Means and standard deviations of `rows` of `table` (a constant column gets sd 1).
    ///
    /// # Panics
    /// If a row index is out of range or the table has no target.
    pub fn fit(table: &NumericTable, rows: &[usize]) -> Scaling {
        let column = |j: usize| rows.iter().map(move |&i| f64::from(table.features[i][j]));
        Scaling {
            features: (0..table.feature_count())
                .map(|j| Standardizer::fit(column(j)))
                .collect(),
            target: Standardizer::fit(rows.iter().map(|&i| f64::from(table.targets[i][0]))),
        }
    }

    /// Rows of conditions as z-scores.
    ///
    /// # Shapes
    /// `[N, F]` → `[N, F]`.
    pub fn standardise(&self, x: &Array2<f32>) -> Array2<f32> {
        let mut z = x.clone();
        for (mut column, scaler) in z.columns_mut().into_iter().zip(&self.features) {
            column.mapv_inplace(|v| scaler.apply(f64::from(v)) as f32);
        }
        z
    }

    /// `rows` of `table` standardised, as a table of numbers with `table`'s column names (the
    /// form a worker job or prediction carries).
    ///
    /// # Panics
    /// If a row index is out of range.
    pub fn table(&self, table: &NumericTable, rows: &[usize]) -> NumericTable {
        NumericTable {
            columns: table.columns.clone(),
            features: rows
                .iter()
                .map(|&i| {
                    table.features[i]
                        .iter()
                        .zip(&self.features)
                        .map(|(&v, s)| s.apply(f64::from(v)) as f32)
                        .collect()
                })
                .collect(),
            targets: rows
                .iter()
                .map(|&i| vec![self.target.apply(f64::from(table.targets[i][0])) as f32])
                .collect(),
        }
    }

    /// One row of conditions as z-scores (f64, for distances).
    pub fn standardise_row(&self, row: &[f64]) -> Vec<f64> {
        row.iter()
            .zip(&self.features)
            .map(|(&v, s)| s.apply(v))
            .collect()
    }

    /// Wraps `model` (standardised conditions → standardised titer) as a predictor of titers from
    /// conditions in their own units, the form [`super::surface`] and [`super::optimize`] take.
    ///
    /// # Shapes
    /// The predictor: `[N, F]` → `N` titers.
    pub fn predictor<'a>(
        &'a self,
        model: &'a mut Sequential,
    ) -> impl FnMut(&Array2<f32>) -> Vec<f32> + 'a {
        move |x: &Array2<f32>| {
            let z = self.standardise(x).into_dyn();
            model
                .predict(&z, 256)
                .column(0)
                .iter()
                .map(|&v| self.target.invert(f64::from(v)) as f32)
                .collect()
        }
    }
}

/// Why runs cannot be learned from.
#[derive(Clone, Debug, PartialEq)]
pub enum DataError {
    /// The table is malformed.
    Table(NumericError),
    /// Every training titer is the same.
    Values(ValuesError),
}

impl DataError {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DataError::Table(e) => e.message(lang),
            DataError::Values(e) => e.message(lang),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for DataError {}

/// A table of runs, its train/test split and the scaling fitted on the training runs.
#[derive(Clone, Debug, PartialEq)]
pub struct LabData {
    /// Every run (conditions in their units, the titer in mg/L).
    pub table: NumericTable,
    /// Training and test rows.
    pub split: Split,
    /// Fitted on the training rows.
    pub scaling: Scaling,
}

impl LabData {
    /// Splits `table` (`test_fraction` for testing, from `seed`) and fits the scaling.
    ///
    /// # Errors
    /// [`DataError::Table`] for a malformed table, [`DataError::Values`] when every training
    /// titer is the same number.
    pub fn new(table: NumericTable, test_fraction: f64, seed: u64) -> Result<LabData, DataError> {
        table.check().map_err(DataError::Table)?;
        let split = train_test_split(table.len(), test_fraction, seed);
        let mut values = split.train.iter().map(|&i| f64::from(table.targets[i][0]));
        if let Some(first) = values.next()
            && values.all(|v| v == first)
        {
            return Err(DataError::Values(ValuesError::AllEqual { value: first }));
        }
        let scaling = Scaling::fit(&table, &split.train);
        Ok(LabData {
            table,
            split,
            scaling,
        })
    }

    /// `rows`' conditions in their own units.
    ///
    /// # Shapes
    /// `[rows, F]`.
    pub fn features(&self, rows: &[usize]) -> Array2<f32> {
        let f = self.table.feature_count();
        let flat: Vec<f32> = rows
            .iter()
            .flat_map(|&i| self.table.features[i].iter().copied())
            .collect();
        Array2::from_shape_vec((rows.len(), f), flat).expect("rows × F")
    }

    /// `rows`' titers in mg/L.
    pub fn targets(&self, rows: &[usize]) -> Vec<f64> {
        rows.iter()
            .map(|&i| f64::from(self.table.targets[i][0]))
            .collect()
    }

    /// `rows` standardised: `x: [rows, F]`, `y: [rows, 1]`.
    pub fn dataset(&self, rows: &[usize]) -> Dataset {
        let x = self.scaling.standardise(&self.features(rows));
        let y = Array2::from_shape_fn((rows.len(), 1), |(r, _)| {
            self.scaling
                .target
                .apply(f64::from(self.table.targets[rows[r]][0])) as f32
        });
        Dataset::new(x.into_dyn(), y)
    }

    /// The training runs, standardised (what the network is trained on).
    pub fn train(&self) -> Dataset {
        self.dataset(&self.split.train)
    }

    /// The test runs, standardised.
    pub fn test(&self) -> Dataset {
        self.dataset(&self.split.test)
    }

    /// `rows` standardised with the training runs' scaling ([`Scaling::table`]).
    pub fn standardised_table(&self, rows: &[usize]) -> NumericTable {
        self.scaling.table(&self.table, rows)
    }

    /// The training runs standardised, in training order (what the worker trains on; Keras's
    /// validation split takes the last of them).
    pub fn train_table(&self) -> NumericTable {
        self.standardised_table(&self.split.train)
    }

    /// The test runs standardised.
    pub fn test_table(&self) -> NumericTable {
        self.standardised_table(&self.split.test)
    }

    /// At most `rows` training runs, evenly spaced through the training order (all of them when
    /// there are fewer), in their own units: the background a partial-dependence curve averages
    /// over when the simulator has to run every point.
    ///
    /// # Shapes
    /// `[min(rows, train), F]`.
    pub fn background(&self, rows: usize) -> Array2<f32> {
        let train = &self.split.train;
        let picked: Vec<usize> = if train.len() <= rows {
            train.clone()
        } else {
            (0..rows).map(|k| train[k * train.len() / rows]).collect()
        };
        self.features(&picked)
    }

    /// The closed-form least-squares plane fitted on the training runs.
    pub fn linear_fit(&self) -> LinearFit {
        LinearFit::fit(
            &self.features(&self.split.train),
            &self.targets(&self.split.train),
        )
    }

    /// Every run as CSV in its own units — the feature columns, the target and a `split` column
    /// (`train` rows first, in training order, then `test`) — the file the exported Keras script
    /// reads. Column names are quoted when they hold a comma, a quote or a line break.
    pub fn data_csv(&self) -> String {
        let mut header: Vec<String> = self.table.columns.iter().map(|c| csv_field(c)).collect();
        header.push("split".into());
        let mut out = header.join(",");
        out.push('\n');
        for (rows, part) in [(&self.split.train, "train"), (&self.split.test, "test")] {
            for &i in rows.iter() {
                for v in self.table.features[i].iter().chain(&self.table.targets[i]) {
                    out.push_str(&format!("{v},"));
                }
                out.push_str(part);
                out.push('\n');
            }
        }
        out
    }
}

/// A CSV field: as it is, or in double quotes (inner quotes doubled) when it holds a comma, a
/// quote or a line break.
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The test runs' predictions as CSV: the feature columns, the observed target, the network's
/// prediction and the plane's, one row per test run (in `data`'s test order).
///
/// # Panics
/// If `predicted` does not have one value per test run.
pub fn predictions_csv(data: &LabData, predicted: &[f64], linear: &LinearFit) -> String {
    let rows = &data.split.test;
    assert_eq!(rows.len(), predicted.len(), "one prediction per test run");
    let features = data.table.feature_columns();
    let target = data
        .table
        .target_columns()
        .first()
        .cloned()
        .unwrap_or_default();
    let mut header: Vec<String> = features.iter().map(|c| csv_field(c)).collect();
    header.push(csv_field(&target));
    header.extend(["predicted".to_string(), "linear".to_string()]);
    let mut out = header.join(",");
    out.push('\n');
    for (&i, p) in rows.iter().zip(predicted) {
        let x: Vec<f64> = data.table.features[i]
            .iter()
            .map(|&v| f64::from(v))
            .collect();
        for v in &data.table.features[i] {
            out.push_str(&format!("{v},"));
        }
        out.push_str(&format!(
            "{},{p},{}\n",
            data.table.targets[i][0],
            linear.predict_row(&x)
        ));
    }
    out
}
