//! Colours of the letters in a sequence logo or a mutational-scan heatmap: DNA by base, amino acids
//! by the chemistry of their side chains, in the textbook's five groups (the classification of the
//! usual amino-acid chart, e.g. Wikipedia's "Amino acid" table):
//!
//! | group | amino acids | colour |
//! |---|---|---|
//! | hydrophobic | A V I L M F Y W | near-black |
//! | polar (uncharged) | S T N Q | green |
//! | acidic (negative) | D E | red |
//! | basic (positive) | K R H | blue |
//! | special cases | C G P (a disulfide, the smallest side chain, a ring on the backbone) | orange |
//! | stop | `*` | grey |
//!
//! DNA keeps the page's logo colours: A green, C blue, G orange, T red.

use super::Alphabet;
use crate::lang::Lang;

/// An RGB colour, 0–255 per channel (the pages turn it into a canvas colour).
pub type Rgb = (u8, u8, u8);

/// The side-chain group of an amino acid (or the stop).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AminoGroup {
    /// A V I L M F Y W: water-avoiding side chains, mostly buried in the protein's core.
    Hydrophobic,
    /// S T N Q: polar, uncharged.
    Polar,
    /// D E: negatively charged at pH 7.
    Acidic,
    /// K R H: positively charged (H partly) at pH 7.
    Basic,
    /// C G P: cysteine (disulfide bonds), glycine (no side chain, flexible), proline (rigid ring).
    Special,
    /// `*`: translation stops here.
    Stop,
}

/// Near-black, green, red, blue, orange, grey: the logo colours of the groups.
const HYDROPHOBIC: Rgb = (40, 40, 40);
const GREEN: Rgb = (16, 150, 72);
const RED: Rgb = (214, 40, 57);
const BLUE: Rgb = (37, 92, 153);
const ORANGE: Rgb = (222, 140, 0);
const GREY: Rgb = (140, 140, 140);

impl AminoGroup {
    /// Every group, in the table's order.
    pub const ALL: [AminoGroup; 6] = [
        AminoGroup::Hydrophobic,
        AminoGroup::Polar,
        AminoGroup::Acidic,
        AminoGroup::Basic,
        AminoGroup::Special,
        AminoGroup::Stop,
    ];

    /// The group of an amino-acid letter (either case), `None` for anything else.
    pub fn of(letter: char) -> Option<AminoGroup> {
        Some(match letter.to_ascii_uppercase() {
            'A' | 'V' | 'I' | 'L' | 'M' | 'F' | 'Y' | 'W' => AminoGroup::Hydrophobic,
            'S' | 'T' | 'N' | 'Q' => AminoGroup::Polar,
            'D' | 'E' => AminoGroup::Acidic,
            'K' | 'R' | 'H' => AminoGroup::Basic,
            'C' | 'G' | 'P' => AminoGroup::Special,
            '*' => AminoGroup::Stop,
            _ => return None,
        })
    }

    /// The group's logo colour.
    pub fn color(self) -> Rgb {
        match self {
            AminoGroup::Hydrophobic => HYDROPHOBIC,
            AminoGroup::Polar => GREEN,
            AminoGroup::Acidic => RED,
            AminoGroup::Basic => BLUE,
            AminoGroup::Special => ORANGE,
            AminoGroup::Stop => GREY,
        }
    }

    /// The group's name for a legend.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            AminoGroup::Hydrophobic => lang.pick("소수성", "hydrophobic"),
            AminoGroup::Polar => lang.pick("극성(전하 없음)", "polar (uncharged)"),
            AminoGroup::Acidic => lang.pick("산성(음전하)", "acidic (negative)"),
            AminoGroup::Basic => lang.pick("염기성(양전하)", "basic (positive)"),
            AminoGroup::Special => lang.pick("특수(C, G, P)", "special (C, G, P)"),
            AminoGroup::Stop => lang.pick("종결(*)", "stop (*)"),
        }
    }
}

impl Alphabet {
    /// The logo colour of column `index`: by base for DNA, by [`AminoGroup`] for protein.
    ///
    /// # Panics
    /// If `index >= self.size()`.
    pub fn color(self, index: usize) -> Rgb {
        let letter = self.letter(index);
        match self {
            Alphabet::Dna => [GREEN, BLUE, ORANGE, RED][index],
            Alphabet::Protein => AminoGroup::of(letter).map_or(GREY, AminoGroup::color),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_protein_column_has_a_group_and_the_groups_partition_them() {
        let p = Alphabet::Protein;
        let mut counts = [0usize; 6];
        for i in 0..p.size() {
            let group = AminoGroup::of(p.letter(i)).expect("a group");
            counts[AminoGroup::ALL.iter().position(|&g| g == group).unwrap()] += 1;
            assert_eq!(p.color(i), group.color());
        }
        assert_eq!(counts, [8, 4, 2, 3, 3, 1]);
        assert_eq!(AminoGroup::of('x'), None);
        assert_eq!(AminoGroup::of('d'), Some(AminoGroup::Acidic));
        assert_eq!(Alphabet::Dna.color(0), GREEN);
        assert_ne!(
            AminoGroup::Basic.name(Lang::Ko),
            AminoGroup::Basic.name(Lang::En)
        );
    }
}
