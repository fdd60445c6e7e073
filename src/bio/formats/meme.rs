//! MEME minimal motif format (MEME Suite "MEME version 4"):
//! ```text
//! MEME version 4
//!
//! ALPHABET= ACGT
//!
//! MOTIF id name
//! letter-probability matrix: alength= 4 w= 5 nsites= 3 E= 0
//!  0.000000  0.000000  0.000000  1.000000
//!  …one row per motif position, columns A C G T…
//! ```
//! Counts are `probability × nsites`; `nsites` defaults to 20 as in the MEME documentation.

use super::{FormatError, MAX_WIDTH, NamedMotif, format_number, parse_number};
use crate::bio::motif::{Background, Pfm};
use ndarray::Array2;

/// The `nsites` MEME assumes when a matrix does not state it.
pub const DEFAULT_NSITES: f64 = 20.0;

/// Reads the first motif of a MEME text.
///
/// # Errors
/// [`FormatError::Empty`], [`FormatError::NotDna`], [`FormatError::NoMatrix`] (also for a matrix
/// line with no rows under it),
/// [`FormatError::BadNumber`], [`FormatError::RowLength`], [`FormatError::WidthMismatch`] or
/// [`FormatError::Matrix`].
pub fn parse_meme(text: &str) -> Result<NamedMotif, FormatError> {
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .collect();
    let (mut id, mut name) = (String::new(), String::new());
    let mut matrix_at = None;
    for (index, &(line_no, line)) in lines.iter().enumerate() {
        if let Some(alphabet) = line.strip_prefix("ALPHABET=") {
            if alphabet.trim() != "ACGT" {
                return Err(FormatError::NotDna { line: line_no });
            }
        } else if let Some(rest) = line.strip_prefix("MOTIF") {
            let mut parts = rest.split_whitespace();
            id = parts.next().unwrap_or_default().to_string();
            name = parts.collect::<Vec<_>>().join(" ");
        } else if line.starts_with("letter-probability matrix") {
            matrix_at = Some(index);
            break;
        }
    }
    let start = matrix_at.ok_or(FormatError::NoMatrix)?;
    let (header_line, header) = lines[start];
    let field = |key: &str| -> Option<&str> {
        let after = header.split(key).nth(1)?;
        after.split_whitespace().next()
    };
    if field("alength=").is_some_and(|a| a != "4") {
        return Err(FormatError::NotDna { line: header_line });
    }
    let declared_width = match field("w=") {
        Some(w) => Some(
            w.parse::<usize>()
                .ok()
                .filter(|w| (1..=MAX_WIDTH).contains(w))
                .ok_or_else(|| FormatError::BadWidth {
                    line: header_line,
                    token: w.to_string(),
                })?,
        ),
        None => None,
    };
    let nsites = match field("nsites=") {
        Some(n) => parse_number(n, header_line)?,
        None => DEFAULT_NSITES,
    };

    let mut probs: Vec<f64> = Vec::new();
    let mut width = 0;
    for &(line_no, line) in lines[start + 1..].iter().skip_while(|(_, l)| l.is_empty()) {
        if declared_width == Some(width) || line.is_empty() || !starts_numeric(line) {
            break;
        }
        let row = line
            .split_whitespace()
            .map(|t| parse_number(t, line_no))
            .collect::<Result<Vec<_>, _>>()?;
        if row.len() != 4 {
            return Err(FormatError::RowLength {
                line: line_no,
                expected: 4,
                found: row.len(),
            });
        }
        probs.extend(row);
        width += 1;
    }
    if let Some(declared) = declared_width.filter(|&d| d != width) {
        return Err(FormatError::WidthMismatch {
            declared,
            found: width,
        });
    }
    if width == 0 {
        return Err(FormatError::NoMatrix);
    }
    // Rows are positions × ACGT; the PFM is ACGT × positions.
    let positions = Array2::from_shape_vec((width, 4), probs).expect("width rows of 4 values");
    let counts = positions.reversed_axes().mapv(|p| p * nsites);
    let pfm =
        Pfm::from_counts(counts.as_standard_layout().into_owned()).map_err(FormatError::Matrix)?;
    Ok(NamedMotif { id, name, pfm })
}

/// Writes `motif` as a minimal MEME file (uniform background, both strands), probabilities with
/// six decimals and `nsites` equal to the motif's number of sites.
pub fn to_meme(motif: &NamedMotif) -> String {
    to_meme_many(std::slice::from_ref(motif))
}

/// Writes several motifs into one minimal MEME file (the reader here takes the first; the MEME
/// Suite reads them all).
pub fn to_meme_many(motifs: &[NamedMotif]) -> String {
    let background = Background::uniform().probs();
    let mut out = String::from("MEME version 4\n\nALPHABET= ACGT\n\nstrands: + -\n\n");
    out.push_str("Background letter frequencies\n");
    out.push_str(&format!(
        "A {} C {} G {} T {}\n",
        background[0], background[1], background[2], background[3]
    ));
    for motif in motifs {
        out.push('\n');
        out.push_str(&motif_block(motif));
    }
    out
}

/// One `MOTIF` block: the header, the matrix line and one row per position.
fn motif_block(motif: &NamedMotif) -> String {
    let counts = motif.pfm.counts();
    let id = if motif.id.is_empty() {
        "motif"
    } else {
        motif.id.as_str()
    };
    let mut out = format!("MOTIF {id}");
    if !motif.name.is_empty() {
        out.push(' ');
        out.push_str(&motif.name);
    }
    out.push('\n');
    out.push_str(&format!(
        "letter-probability matrix: alength= 4 w= {} nsites= {} E= 0\n",
        counts.ncols(),
        format_number(motif.pfm.n_sites(), 4)
    ));
    for column in counts.columns() {
        let total: f64 = column.sum();
        let row: Vec<String> = column
            .iter()
            .map(|&c| format!("{:9.6}", if total > 0.0 { c / total } else { 0.25 }))
            .collect();
        out.push_str(&format!("{}\n", row.join(" ")));
    }
    out
}

fn starts_numeric(line: &str) -> bool {
    line.chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+')
}
