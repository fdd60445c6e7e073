//! The built-in real dataset (`data/sample2019_m1psi_mrl.csv.gz`): the shipped copy is the shared
//! original byte for byte, and it reads as its README describes (Sample et al. 2019).

use flate2::read::GzDecoder;
use seqlab::data::csv::{Limits, preview, read};
use sha2::{Digest, Sha256};
use std::io::Read;

/// The sha256 of the uncompressed CSV, from `../shared/data/README.md`.
const SHA256: &str = "f3484ae1417df4bebeb561af680f1d38be087cb95c84eed83243e4c014f28f8c";

fn shipped() -> Vec<u8> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample2019_m1psi_mrl.csv.gz");
    let mut text = Vec::new();
    GzDecoder::new(std::fs::File::open(path).unwrap())
        .read_to_end(&mut text)
        .unwrap();
    text
}

#[test]
fn the_shipped_copy_is_the_original() {
    let digest: String = Sha256::digest(shipped())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(digest, SHA256);
}

#[test]
fn it_reads_as_documented() {
    let bytes = shipped();
    let preview = preview(&bytes, Limits::default()).unwrap();
    assert_eq!(preview.columns, ["sequence", "expression"]);
    let table = read(&bytes, &preview.layout, Limits::default()).unwrap();
    assert_eq!((table.rows.len(), table.rejected.len()), (15_000, 0));
    assert!(table.rows.iter().all(|r| r.sequence.len() == 50));
    let mut values: Vec<f64> = table.rows.iter().map(|r| r.value).collect();
    values.sort_by(f64::total_cmp);
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    let sd =
        (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (values.len() - 1) as f64).sqrt();
    // README: min 0.863, median 6.068, mean 5.632, max 7.832, sd 1.319; 50 % contain an ATG.
    assert!((values[0] - 0.863).abs() < 5e-4 && (values[14_999] - 7.832).abs() < 5e-4);
    assert!(
        (values[7_499] - 6.068).abs() < 5e-3
            && (mean - 5.632).abs() < 5e-4
            && (sd - 1.319).abs() < 5e-4
    );
    let with_atg = table
        .rows
        .iter()
        .filter(|r| r.sequence.contains("ATG"))
        .count();
    assert!((7_000..8_000).contains(&with_atg), "{with_atg} contain ATG");
    // Values are kept verbatim, float artefacts included.
    assert_eq!(table.rows[0].value, 6.584697567999999);
}
