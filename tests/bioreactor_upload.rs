//! `data::csv::tabular`: uploaded tables of numbers (the bioreactor lab's runs) from
//! `tests/fixtures/csv/`, every line accounted for and every rejection explained in both
//! languages; sequence tables sent to the sequence labs and the other way round.

use seqlab::data::csv::{
    Decimal, FileError, Limits, TabularFileError, TabularLayout, TabularRowError, numeric_hint,
    preview_tabular, read_tabular,
};
use seqlab::lab::bioreactor::LabData;
use seqlab::lang::Lang;

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const COLUMNS: [&str; 7] = [
    "temperature (°C)",
    "pH",
    "feed rate (mL/h)",
    "initial glucose (g/L)",
    "induction time (h)",
    "inducer (mM)",
    "titer (mg/L)",
];

#[test]
fn a_table_of_runs_is_read_with_its_units_and_the_titer_as_target() {
    let bytes = fixture("bioreactor_runs.csv");
    let preview = preview_tabular(&bytes, Limits::default()).unwrap();
    assert_eq!(
        preview.layout,
        TabularLayout {
            delimiter: b',',
            decimal: Decimal::Point,
            has_header: true,
            target_column: 6,
            feature_columns: vec![0, 1, 2, 3, 4, 5],
        }
    );
    assert_eq!(preview.columns, COLUMNS);
    assert_eq!(preview.numeric_columns.len(), 7);
    let read = read_tabular(&bytes, &preview.layout, Limits::default()).unwrap();
    assert!(read.is_complete());
    assert_eq!(
        (read.lines.len(), read.header_lines, read.total_lines),
        (5, 1, 6)
    );
    assert_eq!(read.table.columns, COLUMNS);
    assert_eq!(read.table.features[0], [30.5, 7.0, 11.0, 24.0, 6.0, 1.5]);
    assert_eq!(read.table.targets[4], [4798.3]);
    let data = read.table.to_dataset().unwrap();
    assert_eq!((data.x.shape(), data.y.shape()), (&[5, 6][..], &[5, 1][..]));
    // The student may pick fewer features, in any order.
    let picked = TabularLayout {
        feature_columns: vec![4, 0],
        ..preview.layout.clone()
    };
    let read = read_tabular(&bytes, &picked, Limits::default()).unwrap();
    assert_eq!(
        read.table.columns,
        ["induction time (h)", "temperature (°C)", "titer (mg/L)"]
    );
    assert_eq!(read.table.features[1], [4.0, 28.0]);
    // Uploaded runs go through the lab like simulated ones.
    assert!(LabData::new(read.table, 0.2, 1).is_ok());
}

#[test]
fn every_rejected_row_is_listed_with_its_line_and_column() {
    let bytes = fixture("bioreactor_mixed.csv");
    let layout = preview_tabular(&bytes, Limits::default()).unwrap().layout;
    let read = read_tabular(&bytes, &layout, Limits::default()).unwrap();
    assert_eq!(
        read.lines,
        [2, 12, 13],
        "a repeated run is data, not a duplicate"
    );
    assert_eq!(
        (read.blank_lines, read.header_lines, read.total_lines),
        (2, 1, 13)
    );
    assert!(read.is_complete());
    let column = |c: &str| c.to_string();
    let rejected: Vec<(usize, TabularRowError)> = read
        .rejected
        .iter()
        .map(|r| (r.line, r.error.clone()))
        .collect();
    assert_eq!(
        rejected,
        [
            (
                4,
                TabularRowError::NotANumber {
                    column: column("pH"),
                    text: "abc".into()
                }
            ),
            (
                5,
                TabularRowError::MissingField {
                    column: column("titer (mg/L)"),
                    found: 6
                }
            ),
            (
                6,
                TabularRowError::NotFinite {
                    column: column("titer (mg/L)"),
                    text: "NaN".into()
                }
            ),
            (
                7,
                TabularRowError::NotFinite {
                    column: column("titer (mg/L)"),
                    text: "inf".into()
                }
            ),
            (
                8,
                TabularRowError::Empty {
                    column: column("induction time (h)")
                }
            ),
            (
                9,
                TabularRowError::ExtraFields {
                    found: 8,
                    expected: 7
                }
            ),
            (10, TabularRowError::UnclosedQuote { field: 1 }),
        ]
    );
    let messages: Vec<(String, String)> = read
        .rejected
        .iter()
        .take(3)
        .map(|r| (r.error.message(Lang::En), r.error.message(Lang::Ko)))
        .collect();
    assert_eq!(
        messages,
        [
            (
                "the value 'abc' of 'pH' is not a number.".to_string(),
                "'pH' 열의 값 'abc'은(는) 숫자가 아닙니다.".to_string()
            ),
            (
                "no value for 'titer (mg/L)' (the row has 6 fields).".to_string(),
                "'titer (mg/L)' 열의 값이 없습니다 (이 행의 칸: 6개).".to_string()
            ),
            (
                "the value 'NaN' of 'titer (mg/L)' is not finite (NaN or infinity).".to_string(),
                "'titer (mg/L)' 열의 값 'NaN'은(는) 유한한 수가 아닙니다 (NaN 또는 무한대)."
                    .to_string()
            ),
        ]
    );
    assert_eq!(read.table.features[1], [28.5, 6.9, 10.0, 20.0, 7.0, 1.6]);
}

#[test]
fn decimal_commas_semicolons_a_bom_and_crlf_are_read() {
    let bytes = fixture("bioreactor_decimal_comma.csv");
    let preview = preview_tabular(&bytes, Limits::default()).unwrap();
    assert_eq!(
        (preview.layout.delimiter, preview.layout.decimal),
        (b';', Decimal::Comma)
    );
    assert_eq!(preview.layout.target_column, 6, "역가 names the target");
    assert_eq!(preview.columns[0], "온도 (°C)");
    let read = read_tabular(&bytes, &preview.layout, Limits::default()).unwrap();
    assert!(read.is_complete() && read.rejected.is_empty());
    assert_eq!(
        (read.lines.len(), read.blank_lines, read.total_lines),
        (3, 1, 5)
    );
    assert_eq!(read.table.features[0], [30.5, 7.0, 11.0, 24.0, 6.0, 1.5]);
    assert_eq!(read.table.targets[2], [5380.0]);
    assert!(preview.layout.describe(Lang::En).contains("decimal commas"));
}

#[test]
fn sequence_tables_go_to_the_sequence_labs_and_numbers_to_the_bioreactor_lab() {
    for (file, column) in [
        ("several_numeric_columns.csv", "utr"),
        ("mixed.csv", "sequence"),
        ("protein_table.csv", "sequence"),
    ] {
        let error = preview_tabular(&fixture(file), Limits::default()).unwrap_err();
        assert_eq!(
            error,
            TabularFileError::SequenceTable {
                column: column.into()
            },
            "{file}"
        );
        assert!(numeric_hint(&fixture(file), Limits::default()).is_none());
    }
    let error = TabularFileError::SequenceTable {
        column: "utr".into(),
    };
    assert_eq!(
        error.message(Lang::En),
        "Column 'utr' holds DNA or protein sequences: this looks like a sequence table — use the expression or protein lab."
    );
    assert!(error.message(Lang::Ko).contains("서열 표로 보이니"));
    let hint = numeric_hint(&fixture("bioreactor_runs.csv"), Limits::default()).unwrap();
    assert_eq!(hint.numeric_columns, 7);
    assert_eq!(
        hint.message(Lang::En),
        "This looks like a table of numbers (7 numeric columns, no sequences) — use the bioreactor lab."
    );
    assert!(hint.message(Lang::Ko).contains("생물반응기 실습"));
}

#[test]
fn file_level_problems_are_typed() {
    let limits = Limits::default();
    assert_eq!(
        preview_tabular(&fixture("empty.csv"), limits),
        Err(TabularFileError::File(FileError::Empty))
    );
    assert_eq!(
        preview_tabular(&fixture("binary.bin"), limits),
        Err(TabularFileError::File(FileError::NotText))
    );
    assert_eq!(
        preview_tabular(b"temperature,pH,titer\n", limits),
        Err(TabularFileError::File(FileError::HeaderOnly))
    );
    assert_eq!(
        preview_tabular(b"name,titer\nA,1\nB,2\n", limits),
        Err(TabularFileError::TooFewColumns { numeric: 1 })
    );
    let layout = TabularLayout {
        delimiter: b',',
        decimal: Decimal::Point,
        has_header: true,
        target_column: 1,
        feature_columns: vec![0, 1],
    };
    let bytes = fixture("bioreactor_runs.csv");
    assert_eq!(
        read_tabular(&bytes, &layout, limits),
        Err(TabularFileError::BadColumns)
    );
    let none = TabularLayout {
        feature_columns: Vec::new(),
        ..layout
    };
    assert_eq!(
        read_tabular(&bytes, &none, limits),
        Err(TabularFileError::BadColumns)
    );
    let rows = Limits {
        max_rows: 3,
        ..limits
    };
    let auto = preview_tabular(&bytes, limits).unwrap().layout;
    assert_eq!(
        read_tabular(&bytes, &auto, rows),
        Err(TabularFileError::File(FileError::TooManyRows { limit: 3 }))
    );
}

/// The text of `bioreactor_study.csv`: 60 runs of the simulator (a Latin hypercube from seed 7,
/// 1 % measurement noise) as a laboratory would write them — a run number first (a column of
/// numbers that is not a condition), the conditions rounded to what a controller sets, the
/// measured titer to 0.1 mg/L.
fn study_csv() -> String {
    use seqlab::lab::bioreactor::{Params, Settings, simulate_settings};
    let settings = Settings {
        runs: 60,
        seed: 7,
        ..Settings::default()
    };
    let mut out = String::from("run,");
    out.push_str(&COLUMNS.join(","));
    out.push('\n');
    for (i, run) in simulate_settings(&settings, &Params::E_COLI)
        .iter()
        .enumerate()
    {
        let c = run.conditions;
        out.push_str(&format!(
            "{},{:.1},{:.2},{:.1},{:.1},{:.1},{:.2},{:.1}\n",
            i + 1,
            c.temperature,
            c.ph,
            c.feed_rate,
            c.initial_substrate,
            c.induction_time,
            c.inducer,
            run.measured
        ));
    }
    out
}

#[test]
fn the_study_fixture_is_sixty_simulated_runs_with_a_run_number() {
    let bytes = fixture("bioreactor_study.csv");
    assert_eq!(
        String::from_utf8(bytes.clone()).unwrap(),
        study_csv(),
        "regenerate with: cargo test --test bioreactor_upload -- --ignored write_the_study_fixture"
    );
    let preview = preview_tabular(&bytes, Limits::default()).unwrap();
    // The run number reads as a feature until the student unticks it (the e2e does).
    assert_eq!(preview.layout.target_column, 7);
    assert_eq!(preview.layout.feature_columns, [0, 1, 2, 3, 4, 5, 6]);
    let read = read_tabular(&bytes, &preview.layout, Limits::default()).unwrap();
    assert_eq!(
        (read.lines.len(), read.rejected.len(), read.total_lines),
        (60, 0, 61)
    );
    let conditions = TabularLayout {
        feature_columns: vec![1, 2, 3, 4, 5, 6],
        ..preview.layout
    };
    let read = read_tabular(&bytes, &conditions, Limits::default()).unwrap();
    assert_eq!(read.table.columns, COLUMNS);
    assert!(LabData::new(read.table, 0.2, 1).is_ok());
}

#[test]
#[ignore = "writes tests/fixtures/csv/bioreactor_study.csv"]
fn write_the_study_fixture() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv/bioreactor_study.csv");
    std::fs::write(path, study_csv()).unwrap();
}
