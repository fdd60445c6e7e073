//! Motif numbers and texts at their extremes (issue "nothing lost, nothing crashes", 21–23): huge
//! pseudocounts and counts, motifs wider than a product of probabilities can hold, and the round
//! trip of everything SeqLab writes.

use seqlab::bio::formats::{FormatError, NamedMotif, parse_motif, to_jaspar, to_meme};
use seqlab::bio::motif::{MotifError, Pfm};
use seqlab::bio::parse_sequence;
use seqlab::bio::scan::{Score, scan, score_window};
use seqlab::bio::simulate::lecture_motif;
use seqlab::lang::Lang;

#[test]
fn a_huge_pseudocount_gives_uniform_columns_not_zeros() {
    let pwm = lecture_motif().normalize(1e308).unwrap();
    for column in pwm.probs().columns() {
        assert!((column.sum() - 1.0).abs() < 1e-12, "{column}");
        assert!(column.iter().all(|&p| (p - 0.25).abs() < 1e-12));
    }
    assert!(
        pwm.information_content().iter().all(|&ic| ic.abs() < 1e-9),
        "0 bits, not 2"
    );
}

#[test]
fn counts_whose_total_overflows_are_refused_with_the_column() {
    let text = ">big huge\nA [ 1e308 1 ]\nC [ 1e308 1 ]\nG [ 0 1 ]\nT [ 0 1 ]\n";
    let error = parse_motif(text).unwrap_err();
    assert_eq!(
        error,
        FormatError::Matrix(MotifError::CountsTooLarge { position: 1 })
    );
    assert!(error.message(Lang::En).contains("column 1"));
    assert!(error.message(Lang::Ko).contains("1번째 열"));
}

#[test]
fn wide_motifs_score_finite_logs() {
    // 600 positions of 0.7/0.1: the product of probabilities is ~1e-93…1e-600, below f64.
    let instances = ["ACGT".repeat(150), "ACGA".repeat(150), "ACGT".repeat(150)];
    let pwm = Pfm::from_instances(&instances)
        .unwrap()
        .normalize(0.5)
        .unwrap();
    let sequence = parse_sequence(&"ACGT".repeat(160)).unwrap();
    let scores = scan(&pwm, &sequence, Score::LogLikelihood).unwrap();
    assert!(
        scores
            .iter()
            .all(|w| w.forward.is_finite() && w.reverse.is_finite())
    );
    // Summing logs gives the same as the lecture's product-then-log where the product is normal.
    let window = &sequence[..600];
    let sum: f64 = window
        .iter()
        .enumerate()
        .map(|(j, &s)| pwm.prob(s, j).ln())
        .sum();
    assert!((score_window(&pwm, window, Score::LogLikelihood) - sum).abs() < 1e-9);
    let odds = scan(
        &pwm,
        &sequence,
        Score::LogOdds(seqlab::bio::motif::Background::uniform()),
    );
    assert!(odds.unwrap().iter().all(|w| w.best().is_finite()));
    // Short motifs keep the lecture's exact numbers (product, then one logarithm).
    let lecture = Pfm::from_text("TACAA TACGA TACAA")
        .unwrap()
        .normalize(0.5)
        .unwrap();
    let tacaa = parse_sequence("TACAA").unwrap();
    assert_eq!(
        score_window(&lecture, &tacaa, Score::LogLikelihood),
        -2.119846956314875
    );
}

#[test]
fn what_seqlab_writes_it_reads_back() {
    let counts = lecture_motif();
    for name in ["letter-probability matrix", "MEME version 4", "", "Arnt"] {
        let motif = NamedMotif {
            id: "MA0004.1".into(),
            name: name.into(),
            pfm: counts.clone(),
        };
        let jaspar = parse_motif(&to_jaspar(&motif)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            (jaspar.name.as_str(), jaspar.pfm.counts()),
            (name, counts.counts())
        );
        // MEME holds probabilities (six decimals) and one nsites: it gives back the PWM.
        let meme = parse_motif(&to_meme(&motif)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(meme.pfm.width(), counts.width());
        let (read, written) = (
            meme.pfm.normalize(0.0).unwrap(),
            counts.normalize(0.0).unwrap(),
        );
        for (a, b) in read.probs().iter().zip(written.probs()) {
            assert!((a - b).abs() < 1e-6, "{name}: {a} vs {b}");
        }
    }
    // The largest counts a motif may hold still give a finite nsites, written and read back.
    let big = Pfm::from_counts(ndarray::Array2::from_elem((4, 2), 1e300)).unwrap();
    let motif = NamedMotif {
        id: String::new(),
        name: String::new(),
        pfm: big,
    };
    let text = to_meme(&motif);
    assert!(!text.contains("inf"), "{text}");
    assert!(parse_motif(&text).is_ok());
}

#[test]
fn meme_widths_get_precise_messages() {
    let meme = |w: &str| {
        format!(
            "MEME version 4\n\nALPHABET= ACGT\n\nMOTIF m\nletter-probability matrix: alength= 4 w= {w} nsites= 3\n 0.25 0.25 0.25 0.25\n"
        )
    };
    for (w, en, ko) in [
        ("1.9", "is not a whole number", "정수가 아닙니다"),
        ("0", "is 0 (a motif has at least one position)", "0입니다"),
        ("-1", "is negative", "음수입니다"),
        ("1e300", "is larger than 10,000", "10,000보다 큽니다"),
        ("x", "is not a number", "숫자가 아닙니다"),
    ] {
        let error = parse_motif(&meme(w)).unwrap_err();
        assert_eq!(
            error,
            FormatError::BadWidth {
                line: 6,
                token: w.into()
            },
            "w= {w}"
        );
        assert!(
            error.message(Lang::En).contains(en),
            "{}",
            error.message(Lang::En)
        );
        assert!(
            error.message(Lang::Ko).contains(ko),
            "{}",
            error.message(Lang::Ko)
        );
    }
    assert!(parse_motif(&meme("1")).is_ok());
    let nsites = meme("1").replace("nsites= 3", "nsites= inf");
    assert!(matches!(
        parse_motif(&nsites),
        Err(FormatError::BadNumber { .. })
    ));
}
