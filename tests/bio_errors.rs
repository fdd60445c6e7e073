//! Every user-input error of the motif and scan code: a typed value with a message in both
//! languages that names the instance, position or length at fault; never a panic.

use seqlab::bio::motif::{MotifError, Pfm};
use seqlab::bio::scan::{ScanError, Score, scan, score_window};
use seqlab::bio::{SequenceError, parse_sequence};
use seqlab::lang::Lang;

#[test]
fn instance_errors_name_the_instance() {
    assert_eq!(
        Pfm::from_text(" \n> header only\n"),
        Err(MotifError::NoInstances)
    );
    assert_eq!(
        Pfm::from_text("TACAA\nTAXAA"),
        Err(MotifError::BadInstance {
            instance: 2,
            error: SequenceError::InvalidChar {
                ch: 'X',
                position: 3
            }
        })
    );
    assert_eq!(
        Pfm::from_text("TACAA, TANAA"),
        Err(MotifError::UnknownBase {
            instance: 2,
            position: 3
        })
    );
    assert_eq!(
        Pfm::from_text("TACAA;TACA"),
        Err(MotifError::UnequalLength {
            instance: 2,
            expected: 5,
            found: 4
        })
    );
    // Lowercase, RNA and FASTA headers are fine.
    let pfm = Pfm::from_text(">a\ntacaa\n>b\nuacga\n").unwrap();
    assert_eq!(pfm.n_sites(), 2.0);
}

#[test]
fn normalisation_errors() {
    let pfm = Pfm::from_text("TACAA").unwrap();
    assert_eq!(pfm.normalize(-1.0), Err(MotifError::BadPseudocount(-1.0)));
    assert_eq!(
        pfm.normalize(f64::NAN).unwrap_err().to_string(),
        pfm.normalize(f64::NAN).unwrap_err().message(Lang::En)
    );
    let empty = Pfm::from_counts(ndarray::array![
        [1.0, 0.0],
        [0.0, 0.0],
        [0.0, 0.0],
        [0.0, 0.0]
    ])
    .unwrap();
    assert_eq!(
        empty.normalize(0.0),
        Err(MotifError::EmptyColumn { position: 2 })
    );
    assert!(empty.normalize(0.1).is_ok());
    assert_eq!(
        Pfm::from_counts(ndarray::Array2::zeros((3, 2))),
        Err(MotifError::BadCounts)
    );
    assert_eq!(
        Pfm::from_counts(ndarray::Array2::zeros((4, 0))),
        Err(MotifError::BadCounts)
    );
}

#[test]
fn scan_of_a_too_short_sequence_is_an_error() {
    let pwm = Pfm::from_text("TACAA").unwrap().normalize(0.5).unwrap();
    let short = parse_sequence("TAC").unwrap();
    let error = scan(&pwm, &short, Score::LogLikelihood).unwrap_err();
    assert_eq!(
        error,
        ScanError::TooShort {
            length: 3,
            width: 5
        }
    );
    assert!(error.message(Lang::En).contains("3 bases"));
    assert!(error.message(Lang::Ko).contains("(3)"));
}

#[test]
#[should_panic(expected = "a window of 3 bases cannot be scored by a motif of width 5")]
fn scoring_a_window_of_the_wrong_width_is_a_programmer_error() {
    let pwm = Pfm::from_text("TACAA").unwrap().normalize(0.5).unwrap();
    score_window(&pwm, &parse_sequence("TAC").unwrap(), Score::LogLikelihood);
}

#[test]
fn every_message_exists_in_both_languages_and_differs_between_them() {
    let errors = [
        MotifError::NoInstances,
        MotifError::BadInstance {
            instance: 4,
            error: SequenceError::Empty,
        },
        MotifError::UnknownBase {
            instance: 4,
            position: 2,
        },
        MotifError::UnequalLength {
            instance: 4,
            expected: 5,
            found: 6,
        },
        MotifError::BadCounts,
        MotifError::BadPseudocount(-2.0),
        MotifError::EmptyColumn { position: 4 },
    ];
    for error in errors {
        let (ko, en) = (error.message(Lang::Ko), error.message(Lang::En));
        assert!(!ko.is_empty() && !en.is_empty() && ko != en, "{error:?}");
        assert!(
            ko.chars().any(|c| ('가'..='힣').contains(&c)),
            "Korean text for {error:?}: {ko}"
        );
    }
}
