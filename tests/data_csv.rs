//! `data::csv`: every case of an upload, from `tests/fixtures/csv/`.

use seqlab::data::csv::{
    Decimal, FileError, Layout, Limits, RowError, preview, read, read_sequences,
};
use seqlab::lang::Lang;

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_mix_of_good_and_bad_rows_is_counted_and_every_rejection_explained() {
    let bytes = fixture("mixed.csv");
    let preview = preview(&bytes, Limits::default()).unwrap();
    assert_eq!(
        preview.layout,
        Layout {
            delimiter: b',',
            decimal: Decimal::Point,
            has_header: true,
            sequence_column: 0,
            value_column: 1
        }
    );
    assert_eq!(preview.columns, ["sequence", "expression"]);
    assert!(!preview.ambiguous);
    let table = read(&bytes, &preview.layout, Limits::default()).unwrap();
    let accepted: Vec<(usize, &str, f64)> = table
        .rows
        .iter()
        .map(|r| (r.line, r.sequence.as_str(), r.value))
        .collect();
    assert_eq!(
        accepted,
        [
            (2, "ACGTACGT", 1.5),
            (4, "ACGTTAAA", 2.0),
            (13, "AAAACCCC", -0.5)
        ]
    );
    assert_eq!(table.blank_lines, 1);
    let rejected: Vec<(usize, RowError)> = table
        .rejected
        .iter()
        .map(|r| (r.line, r.error.clone()))
        .collect();
    assert_eq!(
        rejected,
        [
            (5, RowError::NotANumber { text: "abc".into() }),
            (6, RowError::EmptySequence),
            (
                7,
                RowError::InvalidBase {
                    ch: 'X',
                    position: 4
                }
            ),
            (8, RowError::Duplicate { first_line: 2 }),
            (
                9,
                RowError::ConflictingDuplicate {
                    first_line: 2,
                    first_value: 1.5
                }
            ),
            (
                10,
                RowError::MissingField {
                    column: 2,
                    found: 1
                }
            ),
            (11, RowError::NotFinite { text: "NaN".into() }),
            (12, RowError::NotFinite { text: "inf".into() }),
        ]
    );
    for rejected in &table.rejected {
        let (ko, en) = (
            rejected.error.message(Lang::Ko),
            rejected.error.message(Lang::En),
        );
        assert!(!ko.is_empty() && !en.is_empty() && ko != en);
    }
    assert!(
        RowError::InvalidBase {
            ch: 'X',
            position: 4
        }
        .message(Lang::En)
        .contains("letter 4 of the sequence, 'X'")
    );
}

#[test]
fn bom_crlf_tabs_and_no_header() {
    let bytes = fixture("bom_crlf_no_header.tsv");
    let preview = preview(&bytes, Limits::default()).unwrap();
    assert_eq!(
        preview.layout,
        Layout {
            delimiter: b'\t',
            decimal: Decimal::Point,
            has_header: false,
            sequence_column: 0,
            value_column: 1
        }
    );
    assert_eq!(preview.columns, ["1", "2"]);
    let table = read(&bytes, &preview.layout, Limits::default()).unwrap();
    let values: Vec<f64> = table.rows.iter().map(|r| r.value).collect();
    assert_eq!(values, [3.25, 30.0, -0.001]);
    assert_eq!(table.rows[1].sequence, "TTGTAGTTGATTGTAGTTGA");
    assert_eq!((table.blank_lines, table.rejected.len()), (1, 0));
    assert_eq!(table.rows[2].line, 4);
}

#[test]
fn several_numeric_columns_are_ambiguous_and_a_named_value_column_is_suggested() {
    let preview = preview(&fixture("several_numeric_columns.csv"), Limits::default()).unwrap();
    assert!(preview.ambiguous);
    assert_eq!(preview.columns, ["id", "utr", "total_reads", "mrl"]);
    assert_eq!(
        (preview.layout.sequence_column, preview.layout.value_column),
        (1, 3)
    );
    assert_eq!(preview.rows.len(), 3);
    let mut layout = preview.layout.clone();
    layout.value_column = 2;
    let table = read(
        &fixture("several_numeric_columns.csv"),
        &layout,
        Limits::default(),
    )
    .unwrap();
    assert_eq!(table.rows[0].value, 1200.0);
    layout.value_column = 1;
    assert_eq!(
        read(
            &fixture("several_numeric_columns.csv"),
            &layout,
            Limits::default()
        ),
        Err(FileError::BadColumns)
    );
}

#[test]
fn files_that_cannot_be_read_get_one_message() {
    assert_eq!(
        preview(&fixture("empty.csv"), Limits::default()),
        Err(FileError::Empty)
    );
    assert_eq!(preview(b"", Limits::default()), Err(FileError::Empty));
    assert_eq!(
        preview(&fixture("binary.bin"), Limits::default()),
        Err(FileError::NotText)
    );
    assert_eq!(
        preview(&[0x41, 0xC3, 0x28], Limits::default()),
        Err(FileError::NotText),
        "invalid UTF-8"
    );
    assert_eq!(
        preview(&fixture("one_column.csv"), Limits::default()),
        Err(FileError::OneColumn)
    );
    let small = Limits {
        max_bytes: 20,
        ..Limits::default()
    };
    let bytes = fixture("mixed.csv");
    assert_eq!(
        preview(&bytes, small),
        Err(FileError::TooLarge {
            bytes: bytes.len(),
            limit: 20
        })
    );
    let few = Limits {
        max_rows: 5,
        ..Limits::default()
    };
    let layout = preview(&bytes, Limits::default()).unwrap().layout;
    assert_eq!(
        read(&bytes, &layout, few),
        Err(FileError::TooManyRows { limit: 5 })
    );
    let big = FileError::TooLarge {
        bytes: 51_000_000,
        limit: 50_000_000,
    };
    assert!(big.message(Lang::En).contains("51.0 MB") && big.message(Lang::En).contains("50 MB"));
    assert!(FileError::NotText.message(Lang::Ko).contains("CSV"));
}

#[test]
fn sequences_to_predict_skip_headers_and_name_bad_rows() {
    let table = read_sequences(&fixture("predict.txt"), Limits::default()).unwrap();
    assert!(table.is_complete());
    let (accepted, rejected) = (&table.rows, &table.rejected);
    let sequences: Vec<&str> = accepted.iter().map(|a| a.sequence.as_str()).collect();
    assert_eq!(sequences, ["ACGTACGTAC", "GATTACA"]);
    assert_eq!(rejected.len(), 1);
    assert_eq!(
        (rejected[0].line, &rejected[0].error),
        (
            5,
            &RowError::InvalidBase {
                ch: 'Z',
                position: 4
            }
        )
    );
}

#[test]
fn the_real_dataset_reads_completely() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/sample2019_m1psi_mrl.csv");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!(
            "no shared data folder beside the checkout; the shipped copy is tested in expression_data.rs"
        );
        return;
    };
    let preview = preview(&bytes, Limits::default()).unwrap();
    assert!(!preview.ambiguous && preview.layout.has_header);
    let table = read(&bytes, &preview.layout, Limits::default()).unwrap();
    assert_eq!(
        (table.rows.len(), table.rejected.len(), table.blank_lines),
        (15_000, 0, 0)
    );
}
