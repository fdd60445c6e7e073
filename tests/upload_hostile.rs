//! `data::csv` on the files students really produce and on hostile ones (issue "nothing lost,
//! nothing crashes", uploads 1–11): every line is accounted for, every rejection names its line,
//! and sizes are bounded. Fixtures in `tests/fixtures/csv/`; the very large cases are generated.

use seqlab::data::csv::{
    Decimal, Encoding, FileError, Limits, RowError, Table, preview, read, read_sequences,
};
use seqlab::lang::Lang;

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Reads a file with the layout its preview guesses.
fn read_guessed(bytes: &[u8]) -> Table {
    let preview = preview(bytes, Limits::default()).unwrap();
    let table = read(bytes, &preview.layout, Limits::default()).unwrap();
    assert!(table.is_complete(), "lines lost: {table:?}");
    table
}

fn rejections(table: &Table) -> Vec<(usize, RowError)> {
    table
        .rejected
        .iter()
        .map(|r| (r.line, r.error.clone()))
        .collect()
}

#[test]
fn an_unclosed_quote_loses_one_row_not_the_rest_of_the_file() {
    let table = read_guessed(&fixture("unclosed_quote.csv"));
    assert_eq!(table.lines, 61);
    assert_eq!((table.rows.len(), table.header_lines), (59, 1));
    assert_eq!(
        rejections(&table),
        [(21, RowError::UnclosedQuote { field: 2 })]
    );
    let error = &table.rejected[0].error;
    assert!(error.message(Lang::En).contains("opens in field 2"));
    assert!(error.message(Lang::Ko).contains("2번째 칸"));
    assert_eq!(table.rows.last().unwrap().line, 61);
}

#[test]
fn extra_fields_are_rejected_with_a_hint() {
    let table = read_guessed(&fixture("extra_fields.csv"));
    let extra = RowError::ExtraFields {
        found: 3,
        expected: 2,
    };
    let quoted = RowError::NotANumber { text: "3,5".into() };
    assert_eq!(
        rejections(&table),
        [(3, extra.clone()), (4, extra.clone()), (6, quoted.clone())]
    );
    assert!(quoted.message(Lang::En).contains("decimal comma"));
    // A quoted "3,5" is one field (not a number with decimal points); a trailing empty field is
    // padding.
    let values: Vec<(usize, f64)> = table.rows.iter().map(|r| (r.line, r.value)).collect();
    assert_eq!(values, [(2, 1.5), (5, 2.25), (7, 4.0)]);
    assert!(table.is_complete() && table.lines == 7);
    assert!(extra.message(Lang::En).contains("thousands separator"));
    assert!(extra.message(Lang::Ko).contains("천 단위"));
}

#[test]
fn semicolons_with_decimal_commas_are_read_and_said() {
    let bytes = fixture("semicolon_decimal_comma.csv");
    let preview = preview(&bytes, Limits::default()).unwrap();
    assert_eq!(
        (preview.layout.delimiter, preview.layout.decimal),
        (b';', Decimal::Comma)
    );
    let said = preview.assumptions(&preview.layout, Lang::En);
    assert!(
        said.contains("semicolon") && said.contains("decimal commas"),
        "{said}"
    );
    assert!(
        preview
            .assumptions(&preview.layout, Lang::Ko)
            .contains("쉼표")
    );
    let table = read_guessed(&bytes);
    let values: Vec<f64> = table.rows.iter().map(|r| r.value).collect();
    assert_eq!(values, [3.139, 2.5, -0.75, 1234.5, 7.0, 0.001]);
    // Read with decimal points instead, every row is refused, and the page is told why.
    let mut points = preview.layout.clone();
    points.decimal = Decimal::Point;
    let table = read(&bytes, &points, Limits::default()).unwrap();
    let (example, count) = table.main_problem().expect("a main problem");
    assert_eq!(count, 5);
    assert!(example.error.message(Lang::En).contains("decimal comma"));
}

#[test]
fn utf16_in_both_byte_orders_is_text() {
    for name in ["utf16le_bom.txt", "utf16be_bom.txt"] {
        let bytes = fixture(name);
        let preview = preview(&bytes, Limits::default()).unwrap();
        assert!(matches!(
            preview.encoding,
            Encoding::Utf16Le | Encoding::Utf16Be
        ));
        assert!(
            preview
                .assumptions(&preview.layout, Lang::En)
                .starts_with("UTF-16")
        );
        let table = read_guessed(&bytes);
        assert_eq!((table.rows.len(), table.rejected.len()), (5, 0), "{name}");
        assert_eq!(table.rows[4].value, 4.5);
    }
}

#[test]
fn old_mac_line_ends_number_the_lines() {
    let table = read_guessed(&fixture("cr_only.csv"));
    assert_eq!(table.lines, 6);
    assert_eq!(
        rejections(&table),
        [(
            4,
            RowError::InvalidBase {
                ch: 'X',
                position: 6
            }
        )]
    );
    let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 3, 5, 6]);
}

#[test]
fn a_header_without_rows_says_so() {
    let bytes = fixture("header_only.csv");
    assert_eq!(
        preview(&bytes, Limits::default()),
        Err(FileError::HeaderOnly)
    );
    let layout = seqlab::data::csv::Layout {
        delimiter: b',',
        decimal: Decimal::Point,
        has_header: true,
        sequence_column: 0,
        value_column: 1,
    };
    assert_eq!(
        read(&bytes, &layout, Limits::default()),
        Err(FileError::HeaderOnly)
    );
    assert!(
        FileError::HeaderOnly
            .message(Lang::En)
            .contains("header but no data rows")
    );
}

#[test]
fn separator_only_rows_count_as_empty() {
    let table = read_guessed(&fixture("separator_rows.csv"));
    assert_eq!(
        (
            table.rows.len(),
            table.rejected.len(),
            table.blank_lines,
            table.lines
        ),
        (2, 0, 4, 7)
    );
}

#[test]
fn equal_values_are_read_and_then_refused_by_the_lab() {
    use seqlab::lab::expression::{ExpressionData, Row, ValuesError};
    let table = read_guessed(&fixture("zero_variance.csv"));
    assert_eq!(table.rows.len(), 30);
    let rows: Vec<Row> = table
        .rows
        .iter()
        .map(|r| Row {
            sequence: r.sequence.clone(),
            value: r.value,
        })
        .collect();
    assert_eq!(
        ExpressionData::new(rows, 0.2, 1).unwrap_err(),
        ValuesError::AllEqual { value: 6.1 }
    );
}

#[test]
fn a_line_of_millions_of_commas_is_refused_in_one_pass() {
    let bytes = vec![b','; 25_000_000];
    let started = std::time::Instant::now();
    assert_eq!(
        preview(&bytes, Limits::default()),
        Err(FileError::TooManyColumns {
            line: 1,
            limit: 1000
        })
    );
    // A data row of too many fields is one rejected row, not a file of 25 M columns.
    let mut file = b"sequence,expression\nACGT,1\n".to_vec();
    file.extend(std::iter::repeat_n(b',', 5_000));
    file.extend(b"x\nTTGA,2\n");
    let table = read_guessed(&file);
    assert_eq!(
        rejections(&table),
        [(3, RowError::TooManyFields { limit: 1000 })]
    );
    assert!(started.elapsed().as_secs() < 30, "bounded work");
}

#[test]
fn very_long_sequences_are_rejected_before_they_are_parsed() {
    let mut file = b"sequence,expression\nACGTACGT,1.0\n".to_vec();
    file.extend(vec![b'A'; 100_000]);
    file.extend(b",2.0\nTTGATTGA,3.0\n");
    let table = read_guessed(&file);
    assert_eq!(
        rejections(&table),
        [(
            3,
            RowError::TooLong {
                length: 100_000,
                limit: 10_000
            }
        )]
    );
    assert!(
        RowError::TooLong {
            length: 100_000,
            limit: 10_000
        }
        .message(Lang::En)
        .contains("at most 10,000 nt")
    );
}

#[test]
fn fasta_records_are_joined_and_every_line_counted() {
    let table = read_sequences(&fixture("predict_wrapped.fasta"), Limits::default()).unwrap();
    assert!(table.is_complete(), "{table:?}");
    let accepted: Vec<(usize, &str)> = table
        .rows
        .iter()
        .map(|r| (r.line, r.sequence.as_str()))
        .collect();
    assert_eq!(accepted, [(1, "ACGTACGTACGTACGT")]);
    assert_eq!(
        rejections(&table),
        [
            (5, RowError::EmptySequence),
            (
                6,
                RowError::InvalidBase {
                    ch: 'Z',
                    position: 7
                }
            )
        ]
    );
}

#[test]
fn rejected_fields_are_quoted_short() {
    let mut file = b"sequence,expression\nACGT,".to_vec();
    file.extend(vec![b'z'; 1_000_000]);
    file.extend(b"\nTTGA,2\nGGCC,3\n");
    let table = read_guessed(&file);
    let RowError::NotANumber { text } = &table.rejected[0].error else {
        panic!("{:?}", table.rejected)
    };
    assert!(text.chars().count() <= 41 && text.ends_with('…'));
}
