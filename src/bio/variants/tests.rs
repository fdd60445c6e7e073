use super::*;

/// The first 12 residues of avGFP (`wt_aa.txt`).
fn wt() -> WildType {
    WildType::new("SKGEELFTGVVP").unwrap()
}

#[test]
fn separators_wild_type_words_and_stops() {
    let expected = vec![
        Written {
            from: 'E',
            position: 3,
            to: 'V',
        },
        Written {
            from: 'T',
            position: 7,
            to: '*',
        },
    ];
    for text in ["E3V,T7*", "E3V:T7*", " E3V  T7* ", "p.E3V;p.T7*", "e3v,t7*"] {
        assert_eq!(parse_notation(text).unwrap(), expected, "{text}");
    }
    for text in ["", "  ", "WT", "wt", "wild type", "_wt"] {
        assert_eq!(parse_notation(text).unwrap(), Vec::new(), "{text}");
    }
    assert_eq!(
        wt().expand("E3V,T7*", Numbering::ZeroBased).unwrap(),
        "SKGVELF*GVVP"
    );
    assert_eq!(
        wt().expand("E4V", Numbering::OneBased).unwrap(),
        "SKGVELFTGVVP"
    );
    assert_eq!(
        wt().expand("WT", Numbering::OneBased).unwrap(),
        wt().as_str()
    );
}

#[test]
fn substitutions_are_sorted_and_written_back() {
    let subs = wt().parse("T7S,K1R", Numbering::ZeroBased).unwrap();
    assert_eq!(notation(&subs, Numbering::ZeroBased), "K1R,T7S");
    assert_eq!(notation(&subs, Numbering::OneBased), "K2R,T8S");
    assert_eq!(notation(&[], Numbering::OneBased), "WT");
    let expanded = wt().apply(&subs);
    assert_eq!(wt().substitutions_in(&expanded), subs);
}

#[test]
fn every_problem_is_named() {
    let zero = Numbering::ZeroBased;
    let cases: Vec<(&str, Numbering, VariantError)> = vec![
        ("A", zero, VariantError::Syntax { token: "A".into() }),
        ("E3", zero, VariantError::Syntax { token: "E3".into() }),
        (
            "3EV",
            zero,
            VariantError::Syntax {
                token: "3EV".into(),
            },
        ),
        (
            "E3B",
            zero,
            VariantError::UnknownLetter {
                token: "E3B".into(),
                ch: 'B',
            },
        ),
        (
            "*3V",
            zero,
            VariantError::UnknownLetter {
                token: "*3V".into(),
                ch: '*',
            },
        ),
        (
            "S0K",
            Numbering::OneBased,
            VariantError::PositionZero {
                token: "S0K".into(),
            },
        ),
        (
            "P12L",
            zero,
            VariantError::PastEnd {
                token: "P12L".into(),
                length: 12,
                numbering: zero,
            },
        ),
        (
            "A3D",
            zero,
            VariantError::WrongWildType {
                token: "A3D".into(),
                actual: 'E',
                numbering: zero,
            },
        ),
        (
            "E3E",
            zero,
            VariantError::Unchanged {
                token: "E3E".into(),
            },
        ),
        (
            "E3V,K1R,E3D",
            zero,
            VariantError::Duplicate {
                first: "E3V".into(),
                second: "E3D".into(),
            },
        ),
    ];
    for (text, numbering, expected) in cases {
        let error = wt().parse(text, numbering).unwrap_err();
        assert_eq!(error, expected, "{text}");
        for lang in Lang::ALL {
            assert!(!error.message(lang).is_empty());
        }
    }
    let wrong = VariantError::WrongWildType {
        token: "A108D".into(),
        actual: 'K',
        numbering: Numbering::OneBased,
    };
    assert!(
        wrong
            .message(Lang::En)
            .contains("the variant says A108 but the wild type has K there (1-based)")
    );
    assert!(wrong.message(Lang::Ko).contains("A108을 가리키지만"));
    let past = VariantError::PastEnd {
        token: "P12L".into(),
        length: 12,
        numbering: zero,
    };
    assert!(
        past.message(Lang::En)
            .contains("positions 0 to 11 (0-based)")
    );
}

#[test]
fn the_numbering_is_the_one_where_every_letter_agrees() {
    // S K G E E L F T G V V P: 0-based E3 and T7; 1-based E4 and T8.
    let zero = wt().numbering_of(["E3V,T7S", "K1R", "junk"]);
    assert_eq!(zero.substitutions, 3);
    assert_eq!(zero.numbering(), Some(Numbering::ZeroBased));
    let one = wt().numbering_of(["E4V,T8S", "K2R"]);
    assert_eq!(one.numbering(), Some(Numbering::OneBased));
    // E4 and E5 are both E: this text cannot tell.
    assert_eq!(wt().numbering_of(["E4V"]).numbering(), None);
    assert_eq!(wt().numbering_of(["W3A"]).numbering(), None);
    assert_eq!(wt().numbering_of(Vec::<&str>::new()).numbering(), None);
    assert_eq!("0".parse::<Numbering>(), Ok(Numbering::ZeroBased));
    assert_eq!(
        Numbering::OneBased.to_string().parse::<Numbering>(),
        Ok(Numbering::OneBased)
    );
}
