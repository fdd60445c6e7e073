//! Reading a table of variants and scores (the built-in avGFP table: `variant`, `num_mutations`,
//! `score`, tab-separated) into rows with verdicts, expanded against the wild type, and split for
//! training with the targets standardised on the training rows.

use crate::bio::Alphabet;
use crate::bio::variants::{Numbering, Substitution, WildType, notation};
use crate::data::csv::{
    Accepted, Decimal, FileError, Limits, Rejected, RowError, Table, decode, lines, quoted,
    reject_duplicates,
};
use crate::data::{SequenceTable, Split, VariantTable, train_test_split};
use crate::lab::expression::{Standardizer, ValuesError};

/// Header names of the variant column (lower case, compared by `contains`).
const VARIANT_NAMES: [&str; 3] = ["variant", "mutant", "mutation"];
/// Header names of the number-of-mutations column.
const COUNT_NAMES: [&str; 3] = ["num_mutations", "n_mutations", "num_mut"];
/// Header names of the score column.
const SCORE_NAMES: [&str; 4] = ["score", "fitness", "brightness", "value"];

/// Variants read from a table: the accepted rows' full sequences (in [`Table::rows`], value =
/// score) and their substitutions, every other line accounted for in the table.
#[derive(Clone, Debug, PartialEq)]
pub struct ProteinData {
    /// The wild type every variant refers to.
    pub wild_type: WildType,
    /// Every line's verdict; accepted sequences are full protein sequences.
    pub table: Table,
    /// The substitutions of each accepted row (same order as `table.rows`), sorted by position.
    pub substitutions: Vec<Vec<Substitution>>,
}

impl ProteinData {
    /// Reads a table with a header naming a variant column (`variant`, `mutant`, `mutation`), a
    /// score column (`score`, `fitness`, `brightness`, `value`) and optionally a number of
    /// mutations (`num_mutations`), tab-, comma- or semicolon-separated. Every data row is
    /// accepted or rejected: missing fields, a bad variant ([`RowError::Variant`]), a number of
    /// mutations that is not the number of substitutions ([`RowError::MutationCount`]), a score
    /// that is not a finite number, a variant seen before (the first row wins).
    ///
    /// # Errors
    /// The file-level [`FileError`]s of [`decode`]; [`FileError::BadColumns`] when the header does
    /// not name a variant and a score column; [`FileError::TooManyRows`].
    pub fn parse(
        bytes: &[u8],
        wild_type: &WildType,
        numbering: Numbering,
        limits: Limits,
    ) -> Result<ProteinData, FileError> {
        let decoded = decode(bytes, limits.max_bytes)?;
        let text = decoded.text.as_ref();
        let mut table = Table {
            alphabet: Alphabet::Protein,
            ..Table::default()
        };
        let mut columns: Option<(u8, usize, Option<usize>, usize)> = None;
        for (line, raw) in lines::lines(text) {
            table.lines = line;
            if raw.trim().is_empty() {
                table.blank_lines += 1;
                continue;
            }
            let Some((delimiter, variant, count, score)) = columns else {
                columns = Some(header(raw, limits).ok_or(FileError::BadColumns)?);
                table.header_lines = 1;
                continue;
            };
            if table.rows.len() + table.rejected.len() >= limits.max_rows {
                return Err(FileError::TooManyRows {
                    limit: limits.max_rows,
                });
            }
            let verdict = row(
                raw,
                delimiter,
                limits,
                wild_type,
                numbering,
                [variant, score],
                count,
            );
            match verdict {
                Ok(Some((sequence, value))) => table.rows.push(Accepted {
                    line,
                    sequence,
                    value,
                }),
                Ok(None) => table.blank_lines += 1,
                Err(error) => table.rejected.push(Rejected { line, error }),
            }
        }
        if columns.is_none() {
            return Err(FileError::Empty);
        }
        reject_duplicates(&mut table);
        let substitutions = table
            .rows
            .iter()
            .map(|r| wild_type.substitutions_in(&r.sequence))
            .collect();
        Ok(ProteinData {
            wild_type: wild_type.clone(),
            table,
            substitutions,
        })
    }

    /// Accepted rows.
    pub fn len(&self) -> usize {
        self.table.rows.len()
    }

    /// Whether no row was accepted.
    pub fn is_empty(&self) -> bool {
        self.table.rows.is_empty()
    }

    /// The scores of the accepted rows.
    pub fn scores(&self) -> Vec<f64> {
        self.table.rows.iter().map(|r| r.value).collect()
    }

    /// The full sequences of the accepted rows.
    pub fn sequences(&self) -> Vec<String> {
        self.table.rows.iter().map(|r| r.sequence.clone()).collect()
    }

    /// `[L, 21]`: whether the substitution (position, letter in [`Alphabet::Protein`] order)
    /// appears in at least one of `rows` — what a model trained on them has seen.
    pub fn seen(&self, rows: &[usize]) -> ndarray::Array2<bool> {
        let protein = Alphabet::Protein;
        let mut seen = ndarray::Array2::from_elem((self.wild_type.len(), protein.size()), false);
        for &r in rows {
            for s in &self.substitutions[r] {
                if let Some(column) = protein.index(s.to) {
                    seen[[s.index, column]] = true;
                }
            }
        }
        seen
    }
}

/// The delimiter and the variant, count and score columns of the header line.
fn header(raw: &str, limits: Limits) -> Option<(u8, usize, Option<usize>, usize)> {
    let delimiter = [b'\t', b',', b';']
        .into_iter()
        .find(|&d| lines::count(raw, d, limits.max_columns).is_ok_and(|n| n >= 2))?;
    let names: Vec<String> = lines::split(raw, delimiter, limits.max_columns)
        .ok()?
        .iter()
        .map(|f| f.to_ascii_lowercase())
        .collect();
    let find = |keys: &[&str], skip: Option<usize>| {
        names
            .iter()
            .enumerate()
            .position(|(i, n)| Some(i) != skip && keys.iter().any(|k| n.contains(k)))
    };
    let count = find(&COUNT_NAMES, None);
    let variant = find(&VARIANT_NAMES, count)?;
    let score = find(&SCORE_NAMES, Some(variant))?;
    Some((delimiter, variant, count, score))
}

/// One data row: `Ok(None)` for a row of separators only.
fn row(
    raw: &str,
    delimiter: u8,
    limits: Limits,
    wild_type: &WildType,
    numbering: Numbering,
    [variant, score]: [usize; 2],
    count: Option<usize>,
) -> Result<Option<(String, f64)>, RowError> {
    let fields = match lines::split(raw, delimiter, limits.max_columns) {
        Ok(fields) if fields.is_empty() => return Ok(None),
        Ok(fields) => fields,
        Err(lines::LineProblem::UnclosedQuote { field }) => {
            return Err(RowError::UnclosedQuote { field });
        }
        Err(lines::LineProblem::TooManyFields { limit }) => {
            return Err(RowError::TooManyFields { limit });
        }
    };
    let needed = variant.max(score).max(count.unwrap_or(0));
    if fields.len() <= needed {
        return Err(RowError::MissingField {
            column: needed + 1,
            found: fields.len(),
        });
    }
    let substitutions = wild_type
        .parse(&fields[variant], numbering)
        .map_err(|error| RowError::Variant { error })?;
    if let Some(count) = count {
        let text = fields[count].as_ref();
        let stated: usize = text
            .parse()
            .map_err(|_| RowError::NotANumber { text: quoted(text) })?;
        if stated != substitutions.len() {
            return Err(RowError::MutationCount {
                stated,
                found: substitutions.len(),
            });
        }
    }
    let text = fields[score].as_ref();
    let value = Decimal::Point
        .parse(text)
        .ok_or_else(|| RowError::NotANumber { text: quoted(text) })?;
    if !value.is_finite() {
        return Err(RowError::NotFinite { text: quoted(text) });
    }
    Ok(Some((wild_type.apply(&substitutions), value)))
}

/// Rows split into training and test rows, with the standardisation of the training scores.
#[derive(Clone, Debug, PartialEq)]
pub struct ProteinSplit {
    /// Indices into the data's accepted rows.
    pub split: Split,
    /// Fitted on the training scores.
    pub scaler: Standardizer,
}

impl ProteinSplit {
    /// Splits `data` (`test_fraction` for testing, seeded) and fits the standardisation.
    ///
    /// # Errors
    /// [`ValuesError::AllEqual`] when every training score is the same.
    pub fn new(
        data: &ProteinData,
        test_fraction: f64,
        seed: u64,
    ) -> Result<ProteinSplit, ValuesError> {
        let split = train_test_split(data.len(), test_fraction, seed);
        let score = |i: &usize| data.table.rows[*i].value;
        let mut values = split.train.iter().map(score);
        if let Some(first) = values.next()
            && values.all(|v| v == first)
        {
            return Err(ValuesError::AllEqual { value: first });
        }
        let scaler = Standardizer::fit(split.train.iter().map(score));
        Ok(ProteinSplit { split, scaler })
    }

    /// `rows` of `data` as a protein table with standardised targets.
    pub fn table(&self, data: &ProteinData, rows: &[usize]) -> SequenceTable {
        SequenceTable {
            sequences: rows
                .iter()
                .map(|&i| data.table.rows[i].sequence.clone())
                .collect(),
            targets: rows
                .iter()
                .map(|&i| vec![self.scaler.apply(data.table.rows[i].value) as f32])
                .collect(),
            alphabet: Alphabet::Protein,
        }
    }

    /// `rows` of `data` as variants of its wild type with standardised targets (0-based
    /// substitutions: what a job carries).
    pub fn variants(&self, data: &ProteinData, rows: &[usize]) -> VariantTable {
        VariantTable {
            wild_type: data.wild_type.as_str().to_string(),
            variants: rows
                .iter()
                .map(|&i| notation(&data.substitutions[i], Numbering::ZeroBased))
                .collect(),
            targets: rows
                .iter()
                .map(|&i| vec![self.scaler.apply(data.table.rows[i].value) as f32])
                .collect(),
        }
    }

    /// The training rows (validation rows included: the trainer splits them off the end).
    pub fn train(&self, data: &ProteinData) -> SequenceTable {
        self.table(data, &self.split.train)
    }

    /// The test rows.
    pub fn test(&self, data: &ProteinData) -> SequenceTable {
        self.table(data, &self.split.test)
    }

    /// Every row as `sequence,value,split` (full proteins) with the training rows first, in
    /// training order, so Keras's `validation_split` holds out the same rows.
    pub fn data_csv(&self, data: &ProteinData) -> String {
        let mut out = String::from("sequence,value,split\n");
        for (rows, part) in [(&self.split.train, "train"), (&self.split.test, "test")] {
            for &i in rows {
                let row = &data.table.rows[i];
                out.push_str(&format!("{},{},{part}\n", row.sequence, row.value));
            }
        }
        out
    }

    /// The test rows' scores in their own unit (log10 brightness).
    pub fn test_scores(&self, data: &ProteinData) -> Vec<f64> {
        self.split
            .test
            .iter()
            .map(|&i| data.table.rows[i].value)
            .collect()
    }
}
