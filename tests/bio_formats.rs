//! JASPAR and MEME text: round trips, real-world layouts and every error path.

use ndarray::array;
use seqlab::bio::formats::{
    FormatError, NamedMotif, parse_jaspar, parse_meme, parse_motif, to_jaspar, to_meme,
};
use seqlab::bio::motif::{MotifError, Pfm};
use seqlab::lang::Lang;

fn lecture_motif() -> NamedMotif {
    NamedMotif {
        id: "SeqLab".into(),
        name: "TACAA".into(),
        pfm: Pfm::from_text("TACAA\nTACGA\nTACAA").unwrap(),
    }
}

#[test]
fn jaspar_round_trip_is_exact() {
    let motif = lecture_motif();
    let text = to_jaspar(&motif);
    assert!(
        text.starts_with(">SeqLab TACAA\nA  [ 0 3 0 2 3 ]\n"),
        "{text}"
    );
    assert_eq!(parse_jaspar(&text).unwrap(), motif);
}

#[test]
fn jaspar_keeps_fractional_counts() {
    let counts = array![[10.41, 0.0], [68.2, 1.0], [17.27, 0.5], [4.13, 2.0]];
    let motif = NamedMotif {
        id: "m".into(),
        name: String::new(),
        pfm: Pfm::from_counts(counts).unwrap(),
    };
    assert_eq!(parse_jaspar(&to_jaspar(&motif)).unwrap(), motif);
}

#[test]
fn meme_round_trip_within_its_six_decimals() {
    let motif = lecture_motif();
    let text = to_meme(&motif);
    assert!(
        text.contains("letter-probability matrix: alength= 4 w= 5 nsites= 3 E= 0"),
        "{text}"
    );
    let back = parse_meme(&text).unwrap();
    assert_eq!((back.id.as_str(), back.name.as_str()), ("SeqLab", "TACAA"));
    for (a, b) in back.pfm.counts().iter().zip(motif.pfm.counts()) {
        assert!((a - b).abs() < 1e-5, "{a} vs {b}");
    }
}

#[test]
fn reads_jaspar_as_the_database_serves_it_and_the_bare_pfm_flavour() {
    let served = ">MA0004.1\tArnt\nA  [ 4 19  0  0  0  0 ]\nC  [16  0 20  0  0  0 ]\n\
                  G  [ 0  1  0 20  0 20 ]\nT  [ 0  0  0  0 20  0 ]\n";
    let motif = parse_jaspar(served).unwrap();
    assert_eq!(
        (motif.id.as_str(), motif.name.as_str()),
        ("MA0004.1", "Arnt")
    );
    assert_eq!(motif.pfm.consensus(), "CACGTG");
    let bare = "4 19 0 0 0 0\n16 0 20 0 0 0\n0 1 0 20 0 20\n0 0 0 0 20 0\n";
    assert_eq!(parse_jaspar(bare).unwrap().pfm, motif.pfm);
    // Rows may come in any order when labelled.
    let shuffled = "T [0 0 0 0 20 0]\nA [4 19 0 0 0 0]\nG [0 1 0 20 0 20]\nC [16 0 20 0 0 0]";
    assert_eq!(parse_jaspar(shuffled).unwrap().pfm, motif.pfm);
}

#[test]
fn reads_meme_with_default_nsites_and_auto_detects_the_format() {
    let text = "MEME version 5\n\nALPHABET= ACGT\n\nMOTIF CRP\nletter-probability matrix: alength= 4 w= 2\n\
                0.5 0.5 0 0\n0 0 0.25 0.75\n\nURL http://example.org\n";
    let motif = parse_motif(text).unwrap();
    assert_eq!(motif.id, "CRP");
    assert_eq!(
        motif.pfm.counts(),
        &array![[10.0, 0.0], [10.0, 0.0], [0.0, 5.0], [0.0, 15.0]]
    );
    assert_eq!(
        parse_motif(&to_jaspar(&lecture_motif())).unwrap(),
        lecture_motif()
    );
}

#[test]
fn every_format_error_names_its_line_in_both_languages() {
    let cases: Vec<(&str, FormatError)> = vec![
        ("  \n", FormatError::Empty),
        (
            "A [1 2]\nC [1 2]\nG [1 2]\n",
            FormatError::RowCount { found: 3 },
        ),
        (
            "A [1 2]\nC [1 x]\nG [1 2]\nT [1 2]",
            FormatError::BadNumber {
                line: 2,
                token: "x".into(),
            },
        ),
        (
            "A [1 2]\nC [1 2 3]\nG [1 2]\nT [1 2]",
            FormatError::RowLength {
                line: 2,
                expected: 2,
                found: 3,
            },
        ),
        (
            "A [1 2]\nX [1 2]\nG [1 2]\nT [1 2]",
            FormatError::BadRowLabel {
                line: 2,
                label: "X".into(),
            },
        ),
        (
            "A [1 2]\nA [1 2]\nG [1 2]\nT [1 2]",
            FormatError::BadRowLabel {
                line: 2,
                label: "A".into(),
            },
        ),
        (
            "A [1 -2]\nC [1 2]\nG [1 2]\nT [1 2]",
            FormatError::Matrix(MotifError::BadCounts),
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_jaspar(text).unwrap_err(), expected, "{text:?}");
    }
    let meme_cases: Vec<(&str, FormatError)> = vec![
        ("MEME version 4\nMOTIF x\n", FormatError::NoMatrix),
        (
            "MEME version 4\nALPHABET= ACDEFGHIKLMNPQRSTVWY\n",
            FormatError::NotDna { line: 2 },
        ),
        (
            "letter-probability matrix: alength= 20 w= 1\n",
            FormatError::NotDna { line: 1 },
        ),
        (
            "letter-probability matrix: alength= 4 w= 3\n0.25 0.25 0.25 0.25\n",
            FormatError::WidthMismatch {
                declared: 3,
                found: 1,
            },
        ),
        (
            "letter-probability matrix: w= 1\n0.5 0.5 0\n",
            FormatError::RowLength {
                line: 2,
                expected: 4,
                found: 3,
            },
        ),
        (
            "letter-probability matrix: w= 1\n\n",
            FormatError::WidthMismatch {
                declared: 1,
                found: 0,
            },
        ),
        (
            "letter-probability matrix:\nMOTIF next\n",
            FormatError::NoMatrix,
        ),
    ];
    for (text, expected) in meme_cases {
        assert_eq!(parse_meme(text).unwrap_err(), expected, "{text:?}");
    }
    let message = FormatError::BadNumber {
        line: 7,
        token: "q".into(),
    };
    assert!(message.message(Lang::En).contains("Line 7"));
    assert!(message.message(Lang::Ko).contains("7번째 줄"));
}
