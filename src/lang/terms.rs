//! The course's one Korean vocabulary: every technical term with the single Korean word SeqLab
//! uses for it, and the variants it must not use (other books' words, or older SeqLab text).
//!
//! The rule for "training": the *process* is 학습 (학습률, 학습 중, 학습한 모델); what belongs to
//! the training *set* is 훈련 (훈련 세트, 훈련 손실, 훈련 정확도, 훈련 행), as in the lecture
//! (훈련 데이터, 검증, 테스트 세트). `tests/glossary.rs` scans every Korean text of the sources
//! for the variants, and the browser walk does the same on every rendered page.

/// One technical term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    /// The English term.
    pub en: &'static str,
    /// The Korean term SeqLab uses.
    pub ko: &'static str,
    /// Korean variants that must not appear (checked after removing every [`Term::ko`], so
    /// `하이퍼파라미터` does not count as `파라미터`).
    pub avoid: &'static [&'static str],
}

/// The vocabulary, in the order a student meets it.
pub const TERMS: &[Term] = &[
    Term {
        en: "training set",
        ko: "훈련 세트",
        avoid: &["학습용", "학습 세트", "학습 데이터", "훈련용", "훈련데이터"],
    },
    Term {
        en: "validation set",
        ko: "검증 세트",
        avoid: &["검증용", "검증 데이터셋"],
    },
    Term {
        en: "test set",
        ko: "테스트 세트",
        avoid: &["시험용", "시험 세트", "시험 데이터", "테스트용"],
    },
    Term {
        en: "training loss",
        ko: "훈련 손실",
        avoid: &["학습 손실"],
    },
    Term {
        en: "validation loss (val_loss)",
        ko: "검증 손실",
        avoid: &["검증 오차"],
    },
    Term {
        en: "test loss",
        ko: "테스트 손실",
        avoid: &["시험 손실"],
    },
    Term {
        en: "training accuracy",
        ko: "훈련 정확도",
        avoid: &["학습 정확도"],
    },
    Term {
        en: "test accuracy",
        ko: "테스트 정확도",
        avoid: &["시험 정확도", "시험 점수", "시험 r²"],
    },
    Term {
        en: "training rows",
        ko: "훈련 행",
        avoid: &["학습 행", "학습 r²"],
    },
    Term {
        en: "epoch",
        ko: "에포크",
        avoid: &["에폭", "에포치"],
    },
    Term {
        en: "batch",
        ko: "배치",
        avoid: &["뱃치", "미니 배치"],
    },
    Term {
        en: "learning rate",
        ko: "학습률",
        avoid: &["학습 속도", "러닝 레이트"],
    },
    Term {
        en: "parameter",
        ko: "매개변수",
        avoid: &["파라미터"],
    },
    Term {
        en: "hyperparameter",
        ko: "하이퍼파라미터",
        avoid: &["초매개변수"],
    },
    Term {
        en: "weight",
        ko: "가중치",
        avoid: &["웨이트"],
    },
    Term {
        en: "bias",
        ko: "편향",
        avoid: &["바이어스"],
    },
    Term {
        en: "filter",
        ko: "필터",
        avoid: &["휠터"],
    },
    Term {
        en: "kernel",
        ko: "커널",
        avoid: &["컨널"],
    },
    Term {
        en: "convolution",
        ko: "합성곱",
        avoid: &["컨볼루션", "콘볼루션"],
    },
    Term {
        en: "overfitting",
        ko: "과적합",
        avoid: &["과대적합", "오버피팅"],
    },
    Term {
        en: "early stopping",
        ko: "조기 종료",
        avoid: &["조기종료", "조기 멈춤"],
    },
    Term {
        en: "gradient",
        ko: "기울기",
        avoid: &["그래디언트", "그레이디언트"],
    },
    Term {
        en: "one-hot encoding",
        ko: "원-핫 인코딩",
        avoid: &["원핫", "원 핫"],
    },
    Term {
        en: "in-silico mutagenesis",
        ko: "인실리코(컴퓨터) 돌연변이 분석",
        avoid: &["생체 밖 돌연변이", "시험관 돌연변이"],
    },
    Term {
        en: "sequence",
        ko: "서열",
        avoid: &["시퀀스"],
    },
    Term {
        en: "motif",
        ko: "모티프",
        avoid: &["모티브"],
    },
];

/// The avoided variants found in `text`, each with the term it stands for (empty when `text`
/// keeps to the vocabulary).
pub fn variants_in(text: &str) -> Vec<(&'static str, &'static Term)> {
    let mut kept = text.to_string();
    for term in TERMS {
        kept = kept.replace(term.ko, " ");
    }
    TERMS
        .iter()
        .flat_map(|term| term.avoid.iter().map(move |v| (*v, term)))
        .filter(|(variant, _)| kept.contains(variant))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_is_consistent() {
        for term in TERMS {
            assert!(variants_in(term.ko).is_empty(), "{} avoids itself", term.ko);
            assert!(!term.avoid.is_empty(), "{}", term.en);
        }
        assert!(variants_in("하이퍼파라미터와 매개변수").is_empty());
        let found = variants_in("학습용 데이터와 시험용 데이터");
        let words: Vec<&str> = found.iter().map(|(v, _)| *v).collect();
        assert_eq!(words, ["학습용", "시험용"]);
        assert_eq!(found[1].1.ko, "테스트 세트");
    }
}
