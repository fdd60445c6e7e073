use super::*;

/// Two residues of avGFP's Rosetta model, a remark, an alternate Cα, a water and a second model.
const SMALL: &str = "\
REMARK   1 a test file
ATOM      1  N   SER A   1     -11.260  63.388 -13.287  1.00  0.00           N
ATOM      2  CA  SER A   1     -12.369  62.666 -13.908  1.00  0.00           C
ATOM      3  CA BSER A   1      99.000  99.000  99.000  0.50  0.00           C
ATOM     13  CA  LYS A   2     -11.508  60.143 -16.605  1.00  0.00           C
ATOM     14  CA  GLY A   2A     -8.081  61.730 -16.356  1.00  0.00           C
HETATM   20  O   HOH A 301       1.000   2.000   3.000  1.00  0.00           O
TER
label fa_atr fa_rep
SER_1 -2.739 0.39768
ENDMDL
ATOM     99  CA  ALA A   3       0.000   0.000   0.000  1.00  0.00           C
";

#[test]
fn reads_residues_by_fixed_columns() {
    let s = Structure::parse(SMALL).unwrap();
    assert_eq!(s.atoms.len(), 6, "the second model is not read");
    assert_eq!(s.hetero_atoms(), 1);
    let residues = s.residues();
    assert_eq!(
        residues.len(),
        3,
        "the insertion code makes 2A a residue of its own"
    );
    assert_eq!(
        residues[0].ca,
        [-12.369, 62.666, -13.908],
        "the first Cα is kept"
    );
    assert_eq!((residues[2].number, residues[2].insertion), (2, 'A'));
    assert_eq!(s.sequence(), "SKG");
    assert_eq!(s.ca(Some('A')).len(), 3);
    assert!(s.ca(Some('B')).is_empty());
    let first = &s.atoms[0];
    assert_eq!(
        (
            first.name.as_str(),
            first.residue_name.as_str(),
            first.chain
        ),
        ("N", "SER", 'A')
    );
    assert_eq!(s.atoms[2].alt_loc, 'B');
}

#[test]
fn malformed_atom_lines_name_their_line() {
    let short = "REMARK\nATOM      2  CA  SER A   1     -12.369  62.666\n";
    assert_eq!(
        Structure::parse(short),
        Err(PdbError::TooShort {
            line: 2,
            length: 46
        })
    );
    // Written with spaces between fields instead of in their columns: x reads "2.369  6".
    let shifted = "ATOM      2  CA  SER A   1  -12.369  62.666 -13.908  1.00  0.00\n";
    assert_eq!(
        Structure::parse(shifted),
        Err(PdbError::BadNumber {
            line: 1,
            field: "x",
            text: "2.369  6".into()
        })
    );
    let letters = "ATOM      2  CA  SER A   1     -12.369  62.6x6 -13.908  1.00  0.00\n";
    assert_eq!(
        Structure::parse(letters),
        Err(PdbError::BadNumber {
            line: 1,
            field: "y",
            text: "62.6x6".into()
        })
    );
    let residue = "ATOM      2  CA  SER A   X     -12.369  62.666 -13.908  1.00  0.00\n";
    assert!(matches!(
        Structure::parse(residue),
        Err(PdbError::BadNumber {
            field: "residue number",
            ..
        })
    ));
    assert_eq!(Structure::parse(""), Err(PdbError::NoAtoms));
    assert_eq!(
        Structure::parse("HETATM   20  O   HOH A 301       1.000   2.000   3.000\n"),
        Err(PdbError::NoAtoms)
    );
    for error in [
        PdbError::TooShort {
            line: 2,
            length: 46,
        },
        PdbError::BadNumber {
            line: 1,
            field: "y",
            text: "62.6x6".into(),
        },
        PdbError::NoAtoms,
    ] {
        assert_ne!(error.message(Lang::Ko), error.message(Lang::En));
    }
    assert!(
        PdbError::TooShort {
            line: 2,
            length: 46
        }
        .message(Lang::Ko)
        .contains("2번째 줄")
    );
}

#[test]
fn crlf_and_non_ascii_lines_do_not_panic() {
    let crlf = SMALL.replace('\n', "\r\n");
    assert_eq!(Structure::parse(&crlf).unwrap().residues().len(), 3);
    let odd = "ATOM  é   2  CA  SER A   1     -12.369  62.666 -13.908\n";
    assert!(Structure::parse(odd).is_err());
}
