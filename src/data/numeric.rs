//! A table of numbers: `N` rows of `F` feature values and `K` target values, with the columns'
//! names (units included, `temperature (°C)`), as plain data the page sends to the worker; and its
//! tensors, inputs `x: [N, F]` and targets `y: [N, K]`. The bioreactor lab's runs are one
//! (simulated or uploaded, [`crate::data::csv::read_tabular`]).

use super::Dataset;
use crate::lang::Lang;
use ndarray::Array2;
use serde::{Deserialize, Serialize};

/// The most numbers a table turns into tensors (`N · (F + K)`; 80 MB of `f32`).
pub const MAX_VALUES: usize = 20_000_000;

/// Rows of features and targets, and the names of their columns.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NumericTable {
    /// The features' names, then the targets' names (`F + K` names, units included).
    pub columns: Vec<String>,
    /// One row of `F` features per sample.
    #[serde(with = "crate::wire::rows_f32")]
    pub features: Vec<Vec<f32>>,
    /// One row of `K` targets per sample.
    #[serde(with = "crate::wire::rows_f32")]
    pub targets: Vec<Vec<f32>>,
}

/// Which half of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The features.
    Features,
    /// The targets.
    Targets,
}

/// Why a table cannot become a dataset. Rows are 1-based.
#[derive(Clone, Debug, PartialEq)]
pub enum NumericError {
    /// No row, or rows without a feature or a target.
    Empty,
    /// A different number of feature rows and target rows.
    RowCount {
        /// Feature rows.
        features: usize,
        /// Target rows.
        targets: usize,
    },
    /// A row of another width than the first.
    Width {
        /// The row.
        row: usize,
        /// Features or targets.
        part: Part,
        /// The first row's width.
        expected: usize,
        /// This row's width.
        found: usize,
    },
    /// Not one name per feature and target.
    Columns {
        /// `F + K`.
        expected: usize,
        /// Names given.
        found: usize,
    },
    /// A NaN or infinite value.
    NotFinite {
        /// The row.
        row: usize,
        /// The column's name.
        column: String,
    },
    /// More numbers than [`MAX_VALUES`].
    TooLarge {
        /// Rows.
        rows: usize,
        /// The limit on numbers.
        limit: usize,
    },
}

impl NumericError {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let part = |p: &Part| match p {
            Part::Features => lang.pick("입력값", "feature"),
            Part::Targets => lang.pick("목표값", "target"),
        };
        match self {
            NumericError::Empty => lang.pick(
                "데이터가 비어 있습니다 (행, 입력 열, 목표 열이 하나 이상 필요합니다).".into(),
                "The data is empty: at least one row, one feature and one target are needed."
                    .into(),
            ),
            NumericError::RowCount { features, targets } => lang.pick(
                format!("입력값 행이 {features}개인데 목표값 행은 {targets}개입니다."),
                format!("{features} feature rows but {targets} target rows."),
            ),
            NumericError::Width {
                row,
                part: p,
                expected,
                found,
            } => lang.pick(
                format!(
                    "{row}번째 행의 {} 개수({found}개)가 첫 행({expected}개)과 다릅니다.",
                    part(p)
                ),
                format!(
                    "Row {row} has {found} {} values but the first row has {expected}.",
                    part(p)
                ),
            ),
            NumericError::Columns { expected, found } => lang.pick(
                format!("열 이름이 {found}개인데 열은 {expected}개입니다."),
                format!("{found} column names for {expected} columns."),
            ),
            NumericError::NotFinite { row, column } => lang.pick(
                format!("{row}번째 행의 '{column}' 값이 유한한 수가 아닙니다 (NaN 또는 무한대)."),
                format!("Row {row}: the value of '{column}' is not finite (NaN or infinity)."),
            ),
            NumericError::TooLarge { rows, limit } => lang.pick(
                format!(
                    "행 {}개는 너무 많습니다. 숫자를 {}개까지 다룰 수 있습니다.",
                    crate::lang::grouped(*rows),
                    crate::lang::grouped(*limit)
                ),
                format!(
                    "{} rows are too many: at most {} numbers can be used.",
                    crate::lang::grouped(*rows),
                    crate::lang::grouped(*limit)
                ),
            ),
        }
    }
}

crate::message!(NumericError);

impl NumericTable {
    /// Number of rows `N`.
    pub fn len(&self) -> usize {
        self.features.len()
    }

    /// Whether there is no row.
    pub fn is_empty(&self) -> bool {
        self.features.is_empty()
    }

    /// `F`, from the first row (0 for an empty table).
    pub fn feature_count(&self) -> usize {
        self.features.first().map_or(0, Vec::len)
    }

    /// `K`, from the first row (0 for an empty table).
    pub fn target_count(&self) -> usize {
        self.targets.first().map_or(0, Vec::len)
    }

    /// The features' names.
    pub fn feature_columns(&self) -> &[String] {
        &self.columns[..self.feature_count().min(self.columns.len())]
    }

    /// The targets' names.
    pub fn target_columns(&self) -> &[String] {
        &self.columns[self.feature_count().min(self.columns.len())..]
    }

    /// The rows at `rows`, in that order.
    ///
    /// # Panics
    /// If an index is out of range.
    pub fn select(&self, rows: &[usize]) -> NumericTable {
        NumericTable {
            columns: self.columns.clone(),
            features: rows.iter().map(|&i| self.features[i].clone()).collect(),
            targets: rows.iter().map(|&i| self.targets[i].clone()).collect(),
        }
    }

    /// Checks the table and returns `(F, K)`: rows, widths, names, finite values and size, in
    /// that order, nothing allocated.
    ///
    /// # Errors
    /// The [`NumericError`] of the first problem.
    pub fn check(&self) -> Result<(usize, usize), NumericError> {
        let (f, k) = (self.feature_count(), self.target_count());
        if self.features.len() != self.targets.len() {
            return Err(NumericError::RowCount {
                features: self.features.len(),
                targets: self.targets.len(),
            });
        }
        if self.is_empty() || f == 0 || k == 0 {
            return Err(NumericError::Empty);
        }
        if self.columns.len() != f + k {
            return Err(NumericError::Columns {
                expected: f + k,
                found: self.columns.len(),
            });
        }
        let values = self.len().checked_mul(f + k);
        if values.is_none_or(|v| v > MAX_VALUES) {
            return Err(NumericError::TooLarge {
                rows: self.len(),
                limit: MAX_VALUES,
            });
        }
        for (i, (x, y)) in self.features.iter().zip(&self.targets).enumerate() {
            for (row, part, width) in [(x, Part::Features, f), (y, Part::Targets, k)] {
                if row.len() != width {
                    return Err(NumericError::Width {
                        row: i + 1,
                        part,
                        expected: width,
                        found: row.len(),
                    });
                }
            }
            let offset = |j: usize, part| if part == Part::Features { j } else { f + j };
            for (row, part) in [(x, Part::Features), (y, Part::Targets)] {
                if let Some(j) = row.iter().position(|v| !v.is_finite()) {
                    return Err(NumericError::NotFinite {
                        row: i + 1,
                        column: self.columns[offset(j, part)].clone(),
                    });
                }
            }
        }
        Ok((f, k))
    }

    /// The features as a matrix.
    ///
    /// # Shapes
    /// `[N, F]`.
    ///
    /// # Errors
    /// As [`NumericTable::check`].
    pub fn feature_matrix(&self) -> Result<Array2<f32>, NumericError> {
        let (f, _) = self.check()?;
        Ok(Array2::from_shape_vec((self.len(), f), self.features.concat()).expect("N × F"))
    }

    /// Inputs `x: [N, F]` and targets `y: [N, K]`, after [`NumericTable::check`].
    ///
    /// # Errors
    /// The [`NumericError`] of the first problem.
    pub fn to_dataset(&self) -> Result<Dataset, NumericError> {
        let (f, k) = self.check()?;
        let n = self.len();
        let x = Array2::from_shape_vec((n, f), self.features.concat()).expect("N × F");
        let y = Array2::from_shape_vec((n, k), self.targets.concat()).expect("N × K");
        Ok(Dataset::new(x.into_dyn(), y))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> NumericTable {
        NumericTable {
            columns: vec!["T (°C)".into(), "pH".into(), "titer (mg/L)".into()],
            features: vec![vec![30.0, 7.0], vec![32.0, 6.5], vec![35.0, 7.5]],
            targets: vec![vec![1200.0], vec![1500.0], vec![900.0]],
        }
    }

    #[test]
    fn a_table_becomes_n_by_f_and_n_by_k_tensors() {
        let data = table().to_dataset().unwrap();
        assert_eq!(data.x.shape(), &[3, 2]);
        assert_eq!(data.y.shape(), &[3, 1]);
        assert_eq!((data.x[[1, 0]], data.y[[2, 0]]), (32.0, 900.0));
        assert_eq!(table().feature_columns(), ["T (°C)", "pH"]);
        assert_eq!(table().target_columns(), ["titer (mg/L)"]);
        let json = serde_json::to_string(&table()).unwrap();
        assert_eq!(
            serde_json::from_str::<NumericTable>(&json).unwrap(),
            table()
        );
    }

    #[test]
    fn every_shape_problem_is_named_before_anything_is_allocated() {
        let mut ragged = table();
        ragged.features[2].pop();
        assert_eq!(
            ragged.to_dataset(),
            Err(NumericError::Width {
                row: 3,
                part: Part::Features,
                expected: 2,
                found: 1
            })
        );
        let mut nan = table();
        nan.targets[1][0] = f32::NAN;
        let error = nan.to_dataset().unwrap_err();
        assert_eq!(
            error,
            NumericError::NotFinite {
                row: 2,
                column: "titer (mg/L)".into()
            }
        );
        assert!(
            error
                .message(Lang::Ko)
                .contains("2번째 행의 'titer (mg/L)'")
        );
        let mut names = table();
        names.columns.pop();
        assert_eq!(
            names.check(),
            Err(NumericError::Columns {
                expected: 3,
                found: 2
            })
        );
        let mut short = table();
        short.targets.pop();
        assert!(matches!(short.check(), Err(NumericError::RowCount { .. })));
        assert_eq!(NumericTable::default().check(), Err(NumericError::Empty));
        let too_large = NumericError::TooLarge {
            rows: 25_000_000,
            limit: MAX_VALUES,
        };
        assert!(too_large.message(Lang::En).contains("25,000,000 rows"));
    }
}
