//! The runs as a [`NumericTable`] (six condition columns, one titer column), split into training
//! and test runs, and standardised with means and standard deviations of the training runs only:
//! `z = (x − mean) / sd` per condition and for the titer, so every input of the network has mean 0
//! and sd 1 and the titer's scale does not set the learning rate.

use super::conditions::Condition;
use super::simulate::Run;
use crate::data::numeric::{NumericError, NumericTable};
use crate::data::{Dataset, Split, train_test_split};
use crate::lab::expression::{Standardizer, ValuesError};
use crate::lang::Lang;
use crate::nn::Sequential;
use ndarray::Array2;
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
#[derive(Clone, Debug, PartialEq)]
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
}
