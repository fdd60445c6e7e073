//! Which alphabet a text is written in: every sequence votes (see [`Alphabet::detect`]).

use super::Alphabet;

impl Alphabet {
    /// Which alphabet `sequences` are written in. Each sequence votes: **DNA** if every letter is
    /// one of `A C G T U N` (either case), **protein** if every letter is a protein letter and at
    /// least one is not a DNA letter; a sequence with a letter of neither alphabet (a typo, a
    /// digit) does not vote. Protein wins only with more votes than DNA.
    ///
    /// Ambiguous cases: a sequence spelled only with `A C G T N` (the peptide `GATTACA`) votes DNA
    /// — the course's default — so a table of such peptides must be declared protein by the
    /// caller; ties, and texts where no sequence votes, are DNA; one protein-looking typo row in a
    /// DNA file (`ACXT`, `X` being protein's unknown) does not turn the file into protein, it stays
    /// a bad DNA row.
    pub fn detect<'a>(sequences: impl IntoIterator<Item = &'a str>) -> Alphabet {
        let (mut dna, mut protein) = (0usize, 0usize);
        for text in sequences {
            match vote(text) {
                Some(Alphabet::Dna) => dna += 1,
                Some(Alphabet::Protein) => protein += 1,
                None => {}
            }
        }
        if protein > dna {
            Alphabet::Protein
        } else {
            Alphabet::Dna
        }
    }
}

/// One sequence's vote in [`Alphabet::detect`].
fn vote(text: &str) -> Option<Alphabet> {
    let (mut any, mut all_dna, mut all_protein) = (false, true, true);
    let letters = text
        .lines()
        .filter(|l| !l.trim_start().starts_with('>'))
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace());
    for ch in letters {
        any = true;
        all_dna &= Alphabet::Dna.read(ch).is_some();
        all_protein &= Alphabet::Protein.read(ch).is_some();
        if !all_dna && !all_protein {
            return None;
        }
    }
    match (any, all_dna, all_protein) {
        (false, _, _) => None,
        (true, true, _) => Some(Alphabet::Dna),
        (true, false, true) => Some(Alphabet::Protein),
        (true, false, false) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_votes_by_sequence() {
        assert_eq!(Alphabet::detect(["ACGT", "acgun"]), Alphabet::Dna);
        assert_eq!(
            Alphabet::detect(["MSKGEELFTG", "ACGT"]),
            Alphabet::Dna,
            "a tie"
        );
        assert_eq!(
            Alphabet::detect(["MSKGEELFTG", "ACGT", "WYKLP"]),
            Alphabet::Protein
        );
        // A typo row in a DNA file does not make it protein.
        assert_eq!(Alphabet::detect(["ACGT", "ACXT", "GGCC"]), Alphabet::Dna);
        // A peptide spelled in DNA letters is DNA unless the caller says otherwise.
        assert_eq!(Alphabet::detect(["GATTACA"]), Alphabet::Dna);
        // Letters of neither alphabet (U + E, digits) do not vote.
        assert_eq!(Alphabet::detect(["UE", "12", ""]), Alphabet::Dna);
        assert_eq!(Alphabet::detect(["UE", "EEK"]), Alphabet::Protein);
    }
}
