//! The result of reading an upload: accepted and rejected rows, every line accounted for, and
//! the duplicate rule (the first row of a sequence wins).

use super::RowError;
use crate::bio::Alphabet;

/// One accepted row.
#[derive(Clone, Debug, PartialEq)]
pub struct Accepted {
    /// 1-based line in the file.
    pub line: usize,
    /// Upper-case letters of the table's alphabet (DNA's `U` turned into `T`).
    pub sequence: String,
    /// The value (NaN for a list of sequences to predict).
    pub value: f64,
}

/// One rejected row.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    /// 1-based line in the file.
    pub line: usize,
    /// Why.
    pub error: RowError,
}

/// Everything read from a file, every line accounted for.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    /// The accepted rows, in file order.
    pub rows: Vec<Accepted>,
    /// The rejected rows, in file order.
    pub rejected: Vec<Rejected>,
    /// Blank lines and rows of separators only (`,`, `,,`, ` , `).
    pub blank_lines: usize,
    /// The header line (0 or 1); for FASTA, the `>` lines of records that had no sequence line
    /// to stand for them are not counted here but as rejected rows.
    pub header_lines: usize,
    /// FASTA sequence lines joined to the record that starts above them (0 for tables).
    pub joined_lines: usize,
    /// Lines in the file.
    pub lines: usize,
    /// The alphabet the sequences were read in (DNA unless read otherwise).
    pub alphabet: Alphabet,
}

impl Table {
    /// Whether every line is accounted for: accepted + rejected + blank + header + joined = lines.
    pub fn is_complete(&self) -> bool {
        self.rows.len()
            + self.rejected.len()
            + self.blank_lines
            + self.header_lines
            + self.joined_lines
            == self.lines
    }

    /// The most common reason for rejection, its first row and how many rows have it, when it
    /// matters: no row was accepted, or it rejected at least half of the rows.
    pub fn main_problem(&self) -> Option<(&Rejected, usize)> {
        let mut kinds: Vec<(std::mem::Discriminant<RowError>, &Rejected, usize)> = Vec::new();
        for r in &self.rejected {
            let kind = std::mem::discriminant(&r.error);
            match kinds.iter_mut().find(|(k, _, _)| *k == kind) {
                Some((_, _, n)) => *n += 1,
                None => kinds.push((kind, r, 1)),
            }
        }
        let (_, example, n) = kinds
            .into_iter()
            .max_by_key(|&(_, r, n)| (n, std::cmp::Reverse(r.line)))?;
        (self.rows.is_empty() || n * 2 >= self.rows.len() + self.rejected.len())
            .then_some((example, n))
    }
}

/// Moves every row whose sequence appeared on an earlier line to the rejected rows (the first row
/// of a sequence wins), keeping both lists in file order.
pub(crate) fn reject_duplicates(table: &mut Table) {
    let rows = &table.rows;
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| rows[a].sequence.cmp(&rows[b].sequence).then(a.cmp(&b)));
    let mut duplicate: Vec<Option<RowError>> = vec![None; rows.len()];
    let mut origin = 0;
    for (k, &later) in order.iter().enumerate() {
        if k == 0 || rows[order[k - 1]].sequence != rows[later].sequence {
            origin = later;
            continue;
        }
        let kept = &rows[origin];
        duplicate[later] = Some(if kept.value == rows[later].value {
            RowError::Duplicate {
                first_line: kept.line,
            }
        } else {
            RowError::ConflictingDuplicate {
                first_line: kept.line,
                first_value: kept.value,
            }
        });
    }
    if duplicate.iter().all(Option::is_none) {
        return;
    }
    let rows = std::mem::take(&mut table.rows);
    for (row, duplicate) in rows.into_iter().zip(duplicate) {
        match duplicate {
            Some(error) => table.rejected.push(Rejected {
                line: row.line,
                error,
            }),
            None => table.rows.push(row),
        }
    }
    table.rejected.sort_by_key(|r| r.line);
}
