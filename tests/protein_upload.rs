//! Protein uploads (issue 14): a table of protein sequences read with the detected alphabet, and a
//! column of variants expanded against the avGFP wild type, every rejected row with its line and
//! reason. Fixtures in `tests/fixtures/csv/` (`protein.tsv`, `variants.csv`).

use seqlab::bio::Alphabet;
use seqlab::bio::variants::{Numbering, VariantError, WildType};
use seqlab::data::csv::{
    Layout, Limits, RowError, Table, numbering_of, preview, read, read_as, read_variants,
    variant_column,
};
use seqlab::lang::Lang;

/// The avGFP wild type (`data/avgfp/wt_aa.txt`, 237 residues).
const AVGFP_WILD_TYPE: &str = include_str!("../data/avgfp/wt_aa.txt");

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn rejections(table: &Table) -> Vec<(usize, RowError)> {
    table
        .rejected
        .iter()
        .map(|r| (r.line, r.error.clone()))
        .collect()
}

#[test]
fn protein_sequences_are_detected_and_bad_letters_name_the_alphabet() {
    let bytes = fixture("protein.tsv");
    let preview = preview(&bytes, Limits::default()).unwrap();
    assert_eq!(preview.alphabet, Alphabet::Protein);
    assert_eq!(preview.columns, ["name", "sequence", "fluorescence"]);
    assert!(!preview.ambiguous);
    let layout = preview.layout.clone();
    assert_eq!(
        (
            layout.sequence_column,
            layout.value_column,
            layout.has_header
        ),
        (1, 2, true)
    );
    let table = read_as(&bytes, &layout, None, Limits::default()).unwrap();
    assert!(table.is_complete());
    assert_eq!(table.alphabet, Alphabet::Protein);
    let accepted: Vec<(usize, &str, f64)> = table
        .rows
        .iter()
        .map(|r| (r.line, r.sequence.as_str(), r.value))
        .collect();
    assert_eq!(
        accepted,
        [
            (2, "MSKGEELFTG", 3.5),
            (3, "MSKGEELFTW", 2.25),
            (6, "MSKGEELFT*", 1.3),
            (8, "MSKGEELFTX", 2.0),
        ]
    );
    let bad_letter = RowError::InvalidLetter {
        ch: 'B',
        position: 6,
        alphabet: Alphabet::Protein,
    };
    assert_eq!(
        rejections(&table),
        [
            (4, bad_letter.clone()),
            (5, RowError::EmptySequence),
            (
                7,
                RowError::ConflictingDuplicate {
                    first_line: 2,
                    first_value: 3.5
                }
            ),
        ]
    );
    assert_eq!(
        bad_letter.message(Lang::En),
        "letter 6 of the protein sequence, 'B', is not an amino acid: use the 20 amino-acid \
         letters ACDEFGHIKLMNPQRSTVWY (lowercase is fine), * for a stop or X for an unknown residue."
    );
    assert!(
        bad_letter
            .message(Lang::Ko)
            .starts_with("단백질 서열의 6번째 글자 'B'은(는) 아미노산이 아닙니다.")
    );
    // Chosen by the caller: as DNA every sequence is rejected with the DNA message.
    let as_dna = read_as(&bytes, &layout, Some(Alphabet::Dna), Limits::default()).unwrap();
    assert_eq!((as_dna.rows.len(), as_dna.rejected.len()), (0, 7));
    assert_eq!(as_dna, read(&bytes, &layout, Limits::default()).unwrap());
    assert!(matches!(
        as_dna.rejected[0].error,
        RowError::InvalidBase {
            ch: 'M',
            position: 1
        }
    ));
}

#[test]
fn dna_uploads_read_as_dna_whichever_way_they_are_read() {
    let bytes = fixture("mixed.csv");
    let preview = preview(&bytes, Limits::default()).unwrap();
    assert_eq!(preview.alphabet, Alphabet::Dna);
    let detected = read_as(&bytes, &preview.layout, None, Limits::default()).unwrap();
    assert_eq!(
        detected,
        read(&bytes, &preview.layout, Limits::default()).unwrap()
    );
    assert_eq!(detected.alphabet, Alphabet::Dna);
}

#[test]
fn a_variant_column_expands_against_the_wild_type_and_every_bad_row_is_named() {
    let bytes = fixture("variants.csv");
    let wt = WildType::new(AVGFP_WILD_TYPE).unwrap();
    let preview = preview(&bytes, Limits::default()).unwrap();
    assert_eq!(variant_column(&preview), Some(0));
    let layout = Layout {
        sequence_column: 0,
        value_column: 1,
        ..preview.layout.clone()
    };
    assert!(layout.has_header);
    let check = numbering_of(&bytes, &layout, &wt, Limits::default()).unwrap();
    // 15 substitutions read (rows with a syntax error or an unknown letter are skipped); 13 agree
    // counted from 0 (not A32V, and K237R is past the end), only K237R counted from 1: neither
    // numbering fits every row.
    assert_eq!(
        (check.substitutions, check.zero_based, check.numbering()),
        (15, 13, None)
    );
    let table = read_variants(
        &bytes,
        &layout,
        &wt,
        Numbering::ZeroBased,
        Limits::default(),
    )
    .unwrap();
    assert!(table.is_complete(), "{table:?}");
    assert_eq!(table.alphabet, Alphabet::Protein);
    assert_eq!(
        (
            table.lines,
            table.rows.len(),
            table.rejected.len(),
            table.blank_lines,
            table.header_lines
        ),
        (16, 5, 9, 1, 1)
    );
    let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 3, 4, 11, 15]);
    let expected = |changes: &[(usize, char)]| {
        let mut s = AVGFP_WILD_TYPE.as_bytes().to_vec();
        for &(i, c) in changes {
            s[i] = c as u8;
        }
        String::from_utf8(s).unwrap()
    };
    assert_eq!(table.rows[0].sequence, expected(&[(32, 'V'), (36, 'S')]));
    assert_eq!(table.rows[1].sequence, AVGFP_WILD_TYPE);
    assert_eq!(table.rows[3].sequence, expected(&[(143, '*')]));
    assert_eq!(table.rows[4].sequence, expected(&[(13, 'P'), (131, 'G')]));
    let zero = Numbering::ZeroBased;
    let variant = |error| RowError::Variant { error };
    assert_eq!(
        rejections(&table),
        [
            (
                5,
                RowError::ConflictingDuplicate {
                    first_line: 2,
                    first_value: 3.71
                }
            ),
            (
                6,
                variant(VariantError::WrongWildType {
                    token: "A32V".into(),
                    actual: 'E',
                    numbering: zero
                })
            ),
            (
                7,
                variant(VariantError::PastEnd {
                    token: "K237R".into(),
                    length: 237,
                    numbering: zero
                })
            ),
            (
                8,
                variant(VariantError::Duplicate {
                    first: "E32V".into(),
                    second: "E32D".into()
                })
            ),
            (
                9,
                variant(VariantError::UnknownLetter {
                    token: "E32B".into(),
                    ch: 'B'
                })
            ),
            (
                10,
                variant(VariantError::Syntax {
                    token: "E32".into()
                })
            ),
            (12, RowError::NotANumber { text: "abc".into() }),
            (
                13,
                RowError::ConflictingDuplicate {
                    first_line: 3,
                    first_value: 3.72
                }
            ),
            (
                16,
                variant(VariantError::Unchanged {
                    token: "S0S".into()
                })
            ),
        ]
    );
    let messages: Vec<String> = table
        .rejected
        .iter()
        .map(|r| r.error.message(Lang::En))
        .collect();
    assert_eq!(
        messages[1],
        "the variant says A32 but the wild type has E there (0-based): check the wild-type \
         sequence and the numbering."
    );
    assert_eq!(
        messages[2],
        "'K237R' is past the end of the wild type: it has 237 residues, positions 0 to 236 \
         (0-based)."
    );
    assert_eq!(
        messages[3],
        "'E32V' and 'E32D' change the same position twice."
    );
    for rejected in &table.rejected {
        let (ko, en) = (
            rejected.error.message(Lang::Ko),
            rejected.error.message(Lang::En),
        );
        assert!(!ko.is_empty() && ko != en, "line {}: {ko}", rejected.line);
    }
    assert_eq!(check.one_based, 1);
    // Counted from 1, the same file is mostly wrong (E32 is a G there): the WT row and K237R (the
    // last residue, K) remain.
    let one_based =
        read_variants(&bytes, &layout, &wt, Numbering::OneBased, Limits::default()).unwrap();
    assert!(one_based.is_complete());
    let kept: Vec<usize> = one_based.rows.iter().map(|r| r.line).collect();
    assert_eq!(kept, [3, 7]);
}
