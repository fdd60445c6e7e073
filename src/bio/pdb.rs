//! A small reader of PDB coordinate files: the `ATOM` records by their fixed columns, and what the
//! protein lab measures on them ([`features`]: the Cα distance map `d(i, j) = ‖r_i − r_j‖`, burial,
//! distance to a site).
//!
//! | columns (1-based) | field |
//! |---|---|
//! | 1–6 | record name: `ATOM  ` or `HETATM` |
//! | 13–16 | atom name (`CA` = the α-carbon) |
//! | 17 | alternate location (the first one met is kept) |
//! | 18–20 | residue name (`SER`) |
//! | 22 | chain |
//! | 23–26 | residue number |
//! | 27 | insertion code |
//! | 31–38, 39–46, 47–54 | x, y, z in ångström |
//!
//! Every other record (`HEADER`, `REMARK`, `TER`, `CONECT`, a Rosetta model's energy table, …) is
//! skipped; `HETATM` records (ligands, water, the chromophore of a crystal structure) are read and
//! counted but belong to no residue; reading stops at the first `ENDMDL` (only the first model of
//! an NMR ensemble). An `ATOM`/`HETATM` line too short for its coordinates or with a field that is
//! not a number is a [`PdbError`] naming the line.

use crate::lang::Lang;

pub mod features;
pub use features::{burial, distance_map, distance_to};

/// One atom record.
#[derive(Clone, Debug, PartialEq)]
pub struct Atom {
    /// `HETATM` rather than `ATOM`.
    pub hetero: bool,
    /// The atom name, trimmed (`CA`, `N`, `OG1`).
    pub name: String,
    /// The alternate location indicator (`' '` for none).
    pub alt_loc: char,
    /// The residue name, trimmed (`SER`).
    pub residue_name: String,
    /// The chain identifier (`' '` for none).
    pub chain: char,
    /// The residue number as written.
    pub residue_number: i32,
    /// The insertion code (`' '` for none).
    pub insertion: char,
    /// x, y, z in ångström.
    pub position: [f64; 3],
    /// 1-based line in the file.
    pub line: usize,
}

/// One residue's α-carbon.
#[derive(Clone, Debug, PartialEq)]
pub struct Residue {
    /// The chain.
    pub chain: char,
    /// The residue number as written.
    pub number: i32,
    /// The insertion code (`' '` for none).
    pub insertion: char,
    /// The residue name (`SER`).
    pub name: String,
    /// The Cα position in ångström.
    pub ca: [f64; 3],
}

impl Residue {
    /// The one-letter code of the residue name (`X` if it is not one of the 20).
    pub fn letter(&self) -> char {
        one_letter(&self.name).unwrap_or('X')
    }
}

/// The atoms of the first model of a file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Structure {
    /// `ATOM` and `HETATM` records in file order.
    pub atoms: Vec<Atom>,
}

/// Why a PDB file could not be read. Lines are 1-based.
#[derive(Clone, Debug, PartialEq)]
pub enum PdbError {
    /// An atom line that ends before its z coordinate (column 54).
    TooShort {
        /// The line.
        line: usize,
        /// Its length in characters.
        length: usize,
    },
    /// A field that must be a number is not one.
    BadNumber {
        /// The line.
        line: usize,
        /// Which field (`x`, `y`, `z`, `residue number`).
        field: &'static str,
        /// Its text (trimmed).
        text: String,
    },
    /// No `ATOM` record at all.
    NoAtoms,
}

impl PdbError {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PdbError::TooShort { line, length } => lang.pick(
                format!(
                    "{line}번째 줄: 원자 줄이 {length}칸에서 끝납니다. PDB 원자 줄은 좌표가 끝나는 54번째 칸까지 있어야 합니다."
                ),
                format!(
                    "Line {line}: the atom record ends at column {length}; a PDB atom line runs to column 54, where its coordinates end."
                ),
            ),
            PdbError::BadNumber { line, field, text } => {
                let ko_field = match *field {
                    "x" | "y" | "z" => format!("{field} 좌표"),
                    _ => "잔기 번호".to_string(),
                };
                lang.pick(
                    format!(
                        "{line}번째 줄: {ko_field} '{}'은(는) 숫자가 아닙니다. 정해진 칸에 맞춰 쓴 PDB 파일인지 확인하세요.",
                        crate::lang::quoted(text)
                    ),
                    format!(
                        "Line {line}: the {field} '{}' is not a number: is this a PDB file with its fields in their fixed columns?",
                        crate::lang::quoted(text)
                    ),
                )
            }
            PdbError::NoAtoms => lang.pick(
                "ATOM 줄이 하나도 없습니다. PDB 좌표 파일이 아닙니다.".into(),
                "There is no ATOM record: this is not a PDB coordinate file.".into(),
            ),
        }
    }
}

crate::message!(PdbError);

/// Columns `from..=to` (1-based) of `line`, or `""` past its end.
fn columns(line: &str, from: usize, to: usize) -> &str {
    let end = to.min(line.len());
    line.get(from - 1..end).unwrap_or("")
}

/// The one character of column `at` (1-based), `' '` past the end.
fn column(line: &str, at: usize) -> char {
    line.get(at - 1..at)
        .and_then(|s| s.chars().next())
        .unwrap_or(' ')
}

/// Reads one `ATOM`/`HETATM` line.
fn atom(line: &str, number: usize, hetero: bool) -> Result<Atom, PdbError> {
    if line.len() < 54 || !line.is_char_boundary(54) {
        return Err(PdbError::TooShort {
            line: number,
            length: line.chars().count(),
        });
    }
    let float = |from: usize, to: usize, field: &'static str| {
        let text = columns(line, from, to).trim();
        text.parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| PdbError::BadNumber {
                line: number,
                field,
                text: text.to_string(),
            })
    };
    let residue_text = columns(line, 23, 26).trim();
    let residue_number = residue_text
        .parse::<i32>()
        .map_err(|_| PdbError::BadNumber {
            line: number,
            field: "residue number",
            text: residue_text.to_string(),
        })?;
    Ok(Atom {
        hetero,
        name: columns(line, 13, 16).trim().to_string(),
        alt_loc: column(line, 17),
        residue_name: columns(line, 18, 20).trim().to_string(),
        chain: column(line, 22),
        residue_number,
        insertion: column(line, 27),
        position: [
            float(31, 38, "x")?,
            float(39, 46, "y")?,
            float(47, 54, "z")?,
        ],
        line: number,
    })
}

impl Structure {
    /// Reads the atom records of `text` (any line ends).
    ///
    /// # Errors
    /// [`PdbError::TooShort`] or [`PdbError::BadNumber`] for the first malformed atom line,
    /// [`PdbError::NoAtoms`] when there is no `ATOM` record.
    pub fn parse(text: &str) -> Result<Structure, PdbError> {
        let mut atoms = Vec::new();
        for (i, line) in text.split('\n').enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            let hetero = match line.get(..6) {
                Some("ATOM  ") => false,
                Some("HETATM") => true,
                Some("ENDMDL") => break,
                _ if line.starts_with("ATOM") && line.len() < 6 => false,
                _ => continue,
            };
            atoms.push(atom(line, i + 1, hetero)?);
        }
        if atoms.iter().all(|a| a.hetero) {
            return Err(PdbError::NoAtoms);
        }
        Ok(Structure { atoms })
    }

    /// `HETATM` records read (they belong to no residue).
    pub fn hetero_atoms(&self) -> usize {
        self.atoms.iter().filter(|a| a.hetero).count()
    }

    /// Every residue of the `ATOM` records that has a Cα, in file order (a residue = consecutive
    /// atoms with the same chain, number and insertion code; of alternate Cα positions the first
    /// is kept). Residues without a Cα atom are left out.
    pub fn residues(&self) -> Vec<Residue> {
        let mut residues: Vec<Residue> = Vec::new();
        let mut current: Option<(char, i32, char)> = None;
        let mut has_ca = false;
        for a in self.atoms.iter().filter(|a| !a.hetero) {
            let key = (a.chain, a.residue_number, a.insertion);
            if current != Some(key) {
                current = Some(key);
                has_ca = false;
            }
            if a.name == "CA" && !has_ca {
                has_ca = true;
                residues.push(Residue {
                    chain: a.chain,
                    number: a.residue_number,
                    insertion: a.insertion,
                    name: a.residue_name.clone(),
                    ca: a.position,
                });
            }
        }
        residues
    }

    /// The Cα positions of [`Structure::residues`] (of `chain` only, if given).
    ///
    /// # Shapes
    /// `[R]` points of 3 coordinates.
    pub fn ca(&self, chain: Option<char>) -> Vec<[f64; 3]> {
        self.residues()
            .into_iter()
            .filter(|r| chain.is_none_or(|c| r.chain == c))
            .map(|r| r.ca)
            .collect()
    }

    /// The one-letter sequence of [`Structure::residues`] (`X` for a residue that is not one of the
    /// 20 amino acids).
    pub fn sequence(&self) -> String {
        self.residues().iter().map(Residue::letter).collect()
    }
}

/// The one-letter code of a three-letter residue name (the 20 amino acids, and the common
/// protonation names HID/HIE/HIP for histidine and MSE for selenomethionine).
pub fn one_letter(name: &str) -> Option<char> {
    Some(match name.to_ascii_uppercase().as_str() {
        "ALA" => 'A',
        "CYS" => 'C',
        "ASP" => 'D',
        "GLU" => 'E',
        "PHE" => 'F',
        "GLY" => 'G',
        "HIS" | "HID" | "HIE" | "HIP" => 'H',
        "ILE" => 'I',
        "LYS" => 'K',
        "LEU" => 'L',
        "MET" | "MSE" => 'M',
        "ASN" => 'N',
        "PRO" => 'P',
        "GLN" => 'Q',
        "ARG" => 'R',
        "SER" => 'S',
        "THR" => 'T',
        "VAL" => 'V',
        "TRP" => 'W',
        "TYR" => 'Y',
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
