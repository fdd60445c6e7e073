//! Epistasis: for two substitutions `a` and `b` measured alone and together, the additive
//! expectation is `wt + Δa + Δb = s_a + s_b − wt` (each effect `Δ = s − wt` added to the wild
//! type's score), and the epistasis is `ε = s_ab − (s_a + s_b − wt)`. avGFP's is mostly negative
//! near the threshold: two mildly bad substitutions together switch fluorescence off. A model that
//! learned the threshold predicts `s_ab` better than the additive sum.

use super::ProteinData;
use super::{SingleMap, predict_all};
use crate::bio::variants::{Substitution, WildType};

/// One pair measured alone and together.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PairEffect {
    /// The first substitution (lower position).
    pub a: Substitution,
    /// The second substitution.
    pub b: Substitution,
    /// `s_a`: the measured score of `a` alone.
    pub single_a: f64,
    /// `s_b`.
    pub single_b: f64,
    /// `s_ab`: the measured score of the double mutant.
    pub double: f64,
    /// `s_a + s_b − wt`.
    pub additive: f64,
    /// `s_ab − additive`.
    pub epistasis: f64,
    /// The model's score of the double mutant, once [`predict_pairs`] ran.
    pub predicted: Option<f64>,
}

/// Every double mutant of `data` whose two substitutions were also measured alone, in the data's
/// row order; `wild_type_score` is `wt` (for avGFP [`super::WILD_TYPE_SCORE`]).
pub fn measured_pairs(
    data: &ProteinData,
    singles: &SingleMap,
    wild_type_score: f64,
) -> Vec<PairEffect> {
    data.table
        .rows
        .iter()
        .zip(&data.substitutions)
        .filter_map(|(row, subs)| {
            let [a, b] = subs.as_slice() else {
                return None;
            };
            let single_a = f64::from(singles.score(a.index, a.to)?);
            let single_b = f64::from(singles.score(b.index, b.to)?);
            let additive = single_a + single_b - wild_type_score;
            Some(PairEffect {
                a: *a,
                b: *b,
                single_a,
                single_b,
                double: row.value,
                additive,
                epistasis: row.value - additive,
                predicted: None,
            })
        })
        .collect()
}

/// Fills in the model's prediction of each pair's double mutant.
pub fn predict_pairs(
    pairs: &mut [PairEffect],
    wild_type: &WildType,
    mut predict: impl FnMut(&[String]) -> Vec<f32>,
) {
    let sequences: Vec<String> = pairs.iter().map(|p| wild_type.apply(&[p.a, p.b])).collect();
    for (pair, score) in pairs.iter_mut().zip(predict_all(&sequences, &mut predict)) {
        pair.predicted = Some(f64::from(score));
    }
}

/// Mean squared error of the additive expectation and (when predicted) of the model against the
/// measured double mutants: `(additive, model)`.
pub fn errors(pairs: &[PairEffect]) -> (f64, Option<f64>) {
    let n = pairs.len().max(1) as f64;
    let additive = pairs.iter().map(|p| p.epistasis.powi(2)).sum::<f64>() / n;
    let model = pairs
        .iter()
        .map(|p| p.predicted.map(|s| (p.double - s).powi(2)))
        .sum::<Option<f64>>()
        .map(|sum| sum / n);
    (additive, model.filter(|_| !pairs.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bio::variants::Numbering;
    use crate::data::csv::Limits;

    #[test]
    fn observed_against_additive_and_model() {
        let wt = WildType::new("MKLT").unwrap();
        let table = b"variant\tscore\nK1R\t3.5\nL2P\t3.0\nK1R,L2P\t1.3\nT3S\t3.7\nK1R,T3S\t3.4\n";
        let data = ProteinData::parse(table, &wt, Numbering::ZeroBased, Limits::default()).unwrap();
        let singles = SingleMap::new(&data);
        let mut pairs = measured_pairs(&data, &singles, 3.72);
        assert_eq!(pairs.len(), 2);
        let p = pairs[0];
        assert_eq!((p.a.to, p.b.to), ('R', 'P'));
        assert!((p.additive - (3.5 + 3.0 - 3.72)).abs() < 1e-5);
        assert!(
            (p.epistasis - (1.3 - 2.78)).abs() < 1e-5,
            "negative epistasis"
        );
        predict_pairs(&mut pairs, &wt, |seqs| vec![1.5; seqs.len()]);
        assert_eq!(pairs[1].predicted, Some(1.5));
        let (additive, model) = errors(&pairs);
        assert!(additive > 0.0 && model.unwrap() > 0.0);
        assert_eq!(errors(&[]), (0.0, None));
    }
}
