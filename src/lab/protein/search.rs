//! A beam search for variants the model predicts brighter: start at the wild type, score every
//! single substitution, keep the `beam_width` best, add a further substitution to each of those,
//! and so on up to `max_mutations` — a greedy search when the beam is 1. Every proposal states how
//! many substitutions it carries and its Hamming distance to the nearest measured variant: a
//! proposal several substitutions away from anything measured is an extrapolation, and the model
//! has no data there to be right about.

use super::{ProteinData, predict_all};
use crate::bio::Alphabet;
use crate::bio::variants::{Substitution, WildType};
use std::collections::HashSet;

/// How far and how wide the search looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SearchConfig {
    /// The most substitutions a proposal may carry (1: singles only, 2: doubles too, …).
    pub max_mutations: usize,
    /// Variants kept at each step to extend (1: greedy).
    pub beam_width: usize,
    /// Proposals returned, best first.
    pub proposals: usize,
    /// Whether a stop (`*`) may be proposed (it truncates the protein; off by default).
    pub allow_stop: bool,
}

impl Default for SearchConfig {
    /// Doubles, a beam of 5, 20 proposals, no stops.
    fn default() -> SearchConfig {
        SearchConfig {
            max_mutations: 2,
            beam_width: 5,
            proposals: 20,
            allow_stop: false,
        }
    }
}

/// One proposed variant.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// Its substitutions, by position.
    pub substitutions: Vec<Substitution>,
    /// The full sequence.
    pub sequence: String,
    /// The model's score.
    pub predicted: f32,
    /// Substitutions from the wild type.
    pub mutations: usize,
    /// Hamming distance to the nearest measured variant (`None` without measured variants).
    pub nearest_measured: Option<usize>,
}

/// Hamming distance of two variants of one wild type (substitutions sorted by position): the
/// positions where their sequences differ.
pub fn hamming(a: &[Substitution], b: &[Substitution]) -> usize {
    let (mut i, mut j, mut distance) = (0, 0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.index == y.index => {
                distance += usize::from(x.to != y.to);
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.index < y.index => {
                distance += 1;
                i += 1;
            }
            (Some(_), None) => {
                distance += 1;
                i += 1;
            }
            _ => {
                distance += 1;
                j += 1;
            }
        }
    }
    distance
}

/// Every single substitution added to `base` at a position it does not change yet.
fn extensions(
    wild_type: &WildType,
    base: &[Substitution],
    allow_stop: bool,
) -> Vec<Vec<Substitution>> {
    let protein = Alphabet::Protein;
    let letters = protein.size() - usize::from(!allow_stop);
    let mut out = Vec::new();
    for (index, from) in wild_type.as_str().chars().enumerate() {
        if base.iter().any(|s| s.index == index) {
            continue;
        }
        for column in 0..letters {
            let to = protein.letter(column);
            if to == from {
                continue;
            }
            let mut variant = base.to_vec();
            variant.push(Substitution { index, from, to });
            variant.sort();
            out.push(variant);
        }
    }
    out
}

/// A beam search in rounds, for a predictor that answers later (the worker): each round asks
/// for the candidates' scores ([`Search::candidates`]), takes them ([`Search::score`]) and keeps
/// the beam; [`Search::proposals`] ranks everything scored.
#[derive(Clone, Debug)]
pub struct Search {
    config: SearchConfig,
    wild_type: WildType,
    seen: HashSet<Vec<Substitution>>,
    scored: Vec<(Vec<Substitution>, f32)>,
    frontier: Vec<Vec<Substitution>>,
    pending: Vec<Vec<Substitution>>,
    rounds: usize,
}

impl Search {
    /// A search of `wild_type`'s variants with `config`.
    pub fn new(wild_type: &WildType, config: SearchConfig) -> Search {
        Search {
            config,
            wild_type: wild_type.clone(),
            seen: HashSet::new(),
            scored: Vec::new(),
            frontier: vec![Vec::new()],
            pending: Vec::new(),
            rounds: 0,
        }
    }

    /// The variants of the next round, to be scored in this order (`None` when the search is
    /// over).
    pub fn candidates(&mut self) -> Option<&[Vec<Substitution>]> {
        if self.rounds >= self.config.max_mutations {
            return None;
        }
        let (wild_type, allow_stop) = (&self.wild_type, self.config.allow_stop);
        let mut candidates = Vec::new();
        for base in &self.frontier {
            for v in extensions(wild_type, base, allow_stop) {
                if self.seen.insert(v.clone()) {
                    candidates.push(v);
                }
            }
        }
        if candidates.is_empty() {
            return None;
        }
        self.pending = candidates;
        Some(&self.pending)
    }

    /// The predictions for the candidates just given, in their order.
    ///
    /// # Panics
    /// If there is not one score per candidate.
    pub fn score(&mut self, predicted: &[f32]) {
        assert_eq!(
            predicted.len(),
            self.pending.len(),
            "one score per candidate"
        );
        let mut level: Vec<(Vec<Substitution>, f32)> = std::mem::take(&mut self.pending)
            .into_iter()
            .zip(predicted.iter().copied())
            .collect();
        level.sort_by(|a, b| b.1.total_cmp(&a.1));
        self.frontier = level
            .iter()
            .take(self.config.beam_width.max(1))
            .map(|(v, _)| v.clone())
            .collect();
        self.scored.extend(level);
        self.rounds += 1;
    }

    /// The best proposals so far, highest prediction first (fewer substitutions first on a tie),
    /// each with its distance to the nearest variant measured in `data`.
    pub fn proposals(&self, data: &ProteinData) -> Vec<Proposal> {
        let mut scored = self.scored.clone();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.len().cmp(&b.0.len())));
        scored
            .into_iter()
            .take(self.config.proposals)
            .map(|(substitutions, predicted)| Proposal {
                sequence: self.wild_type.apply(&substitutions),
                mutations: substitutions.len(),
                nearest_measured: data
                    .substitutions
                    .iter()
                    .map(|m| hamming(&substitutions, m))
                    .min(),
                substitutions,
                predicted,
            })
            .collect()
    }
}

/// Searches variants of `data`'s wild type with `predict` and returns the best `proposals`,
/// highest prediction first (fewer substitutions first on a tie), each with its distance to the
/// nearest variant measured in `data`.
pub fn search(
    data: &ProteinData,
    mut predict: impl FnMut(&[String]) -> Vec<f32>,
    config: SearchConfig,
) -> Vec<Proposal> {
    let mut search = Search::new(&data.wild_type, config);
    while let Some(candidates) = search.candidates() {
        let sequences: Vec<String> = candidates.iter().map(|v| data.wild_type.apply(v)).collect();
        let predicted = predict_all(&sequences, &mut predict);
        search.score(&predicted);
    }
    search.proposals(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bio::variants::Numbering;
    use crate::data::csv::Limits;

    fn sub(index: usize, from: char, to: char) -> Substitution {
        Substitution { index, from, to }
    }

    #[test]
    fn hamming_counts_positions_that_differ() {
        let a = [sub(1, 'K', 'R'), sub(5, 'L', 'P')];
        let b = [sub(1, 'K', 'E'), sub(7, 'T', 'S')];
        assert_eq!(hamming(&a, &b), 3);
        assert_eq!(hamming(&a, &a), 0);
        assert_eq!(hamming(&a, &[]), 2);
        assert_eq!(hamming(&[], &b), 2);
    }

    #[test]
    fn a_beam_finds_the_best_double_of_an_additive_toy() {
        let wt = WildType::new("MKLT").unwrap();
        let table = b"variant\tscore\nK1R\t1.0\nK1R,L2P\t0.5\n";
        let data = ProteinData::parse(table, &wt, Numbering::ZeroBased, Limits::default()).unwrap();
        // Toy model: +1 per W, +0.5 per Y, −5 for a stop.
        let toy = |seqs: &[String]| -> Vec<f32> {
            seqs.iter()
                .map(|s| {
                    s.matches('W').count() as f32 + 0.5 * s.matches('Y').count() as f32
                        - 5.0 * s.matches('*').count() as f32
                })
                .collect()
        };
        let config = SearchConfig {
            max_mutations: 2,
            beam_width: 4,
            proposals: 3,
            allow_stop: true,
        };
        let found = search(&data, toy, config);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].predicted, 2.0);
        assert_eq!(found[0].mutations, 2);
        assert!(found[0].sequence.matches('W').count() == 2);
        assert!(found.iter().all(|p| !p.sequence.contains('*')));
        // The nearest measured variant: K1R or K1R,L2P (or WT-distance via those).
        let p = &found[0];
        let expected = data
            .substitutions
            .iter()
            .map(|m| hamming(&p.substitutions, m))
            .min();
        assert_eq!(p.nearest_measured, expected);
        // Greedy singles only.
        let singles = search(
            &data,
            toy,
            SearchConfig {
                max_mutations: 1,
                beam_width: 1,
                proposals: 100,
                allow_stop: false,
            },
        );
        assert_eq!(singles.len(), 4 * 19);
        assert_eq!(singles[0].predicted, 1.0);
    }
}
