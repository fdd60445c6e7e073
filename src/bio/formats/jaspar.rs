//! JASPAR count-matrix text:
//! ```text
//! >MA0004.1 Arnt
//! A  [ 4 19  0  0  0  0 ]
//! C  [16  0 20  0  0  0 ]
//! G  [ 0  1  0 20  0 20 ]
//! T  [ 0  0  0  0 20  0 ]
//! ```
//! The header, the row letters and the brackets are optional (the bare "pfm" flavour is four rows
//! of numbers in the order A, C, G, T).

use super::{FormatError, NamedMotif, format_number, parse_number};
use crate::bio::alphabet::Base;
use crate::bio::motif::Pfm;
use ndarray::Array2;

/// Reads the first JASPAR matrix of `text`.
///
/// # Errors
/// [`FormatError::Empty`], [`FormatError::RowCount`], [`FormatError::BadNumber`],
/// [`FormatError::RowLength`], [`FormatError::BadRowLabel`] or [`FormatError::Matrix`].
pub fn parse_jaspar(text: &str) -> Result<NamedMotif, FormatError> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty())
        .peekable();
    if lines.peek().is_none() {
        return Err(FormatError::Empty);
    }
    let (id, name) = match lines.peek() {
        Some((_, header)) if header.starts_with('>') => {
            let header = header[1..].trim();
            let (id, name) = header
                .split_once(char::is_whitespace)
                .unwrap_or((header, ""));
            let parsed = (id.to_string(), name.trim().to_string());
            lines.next();
            parsed
        }
        _ => (String::new(), String::new()),
    };

    let mut rows: [Option<Vec<f64>>; 4] = Default::default();
    let mut found = 0;
    for (line_no, line) in lines.take_while(|(_, l)| !l.starts_with('>')).take(4) {
        let cleaned = line.replace(['[', ']'], " ");
        let mut tokens = cleaned.split_whitespace().peekable();
        let labelled = tokens
            .peek()
            .is_some_and(|t| t.parse::<f64>().is_err() && t.len() == 1);
        let index = if labelled {
            let label = tokens.next().unwrap_or_default();
            let base = match label.to_ascii_uppercase().as_str() {
                "A" => Base::A,
                "C" => Base::C,
                "G" => Base::G,
                "T" | "U" => Base::T,
                _ => {
                    return Err(FormatError::BadRowLabel {
                        line: line_no,
                        label: label.into(),
                    });
                }
            };
            if rows[base.index()].is_some() {
                return Err(FormatError::BadRowLabel {
                    line: line_no,
                    label: label.into(),
                });
            }
            base.index()
        } else {
            found
        };
        let values = tokens
            .map(|t| parse_number(t, line_no))
            .collect::<Result<Vec<_>, _>>()?;
        let expected = rows.iter().flatten().next().map_or(values.len(), Vec::len);
        if values.len() != expected || values.is_empty() {
            return Err(FormatError::RowLength {
                line: line_no,
                expected,
                found: values.len(),
            });
        }
        if rows[index].is_some() {
            // An unlabelled row after labelled ones landed on a filled slot.
            return Err(FormatError::BadRowLabel {
                line: line_no,
                label: String::new(),
            });
        }
        rows[index] = Some(values);
        found += 1;
    }
    if found < 4 {
        return Err(FormatError::RowCount { found });
    }
    let width = rows[0].as_ref().map_or(0, Vec::len);
    let flat: Vec<f64> = rows.into_iter().flatten().flatten().collect();
    let counts = Array2::from_shape_vec((4, width), flat)
        .expect("four rows of equal length make a 4 × width matrix");
    let pfm = Pfm::from_counts(counts).map_err(FormatError::Matrix)?;
    Ok(NamedMotif { id, name, pfm })
}

/// Writes `motif` as a JASPAR matrix with a `>id name` header and aligned, bracketed rows.
pub fn to_jaspar(motif: &NamedMotif) -> String {
    let counts = motif.pfm.counts();
    let cells: Vec<String> = counts.iter().map(|&c| format_number(c, 4)).collect();
    let cell_width = cells.iter().map(String::len).max().unwrap_or(1);
    let id = if motif.id.is_empty() {
        "motif"
    } else {
        motif.id.as_str()
    };
    let mut out = format!(">{id}");
    if !motif.name.is_empty() {
        out.push(' ');
        out.push_str(&motif.name);
    }
    out.push('\n');
    for (b, row) in cells.chunks(counts.ncols()).enumerate() {
        let padded: Vec<String> = row.iter().map(|c| format!("{c:>cell_width$}")).collect();
        out.push_str(&format!(
            "{}  [ {} ]\n",
            Base::from_index(b).letter(),
            padded.join(" ")
        ));
    }
    out
}
