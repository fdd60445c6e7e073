use super::*;
use crate::bio::variants::WildType;
use crate::lab::expression::Standardizer;

#[test]
fn the_built_in_wild_type_has_its_chromophore_where_the_readme_says() {
    let wt = WildType::new(AVGFP_WILD_TYPE).unwrap();
    assert_eq!(wt.len(), 237);
    let chromophore: String = CHROMOPHORE.iter().map(|&i| wt.at(i).unwrap()).collect();
    assert_eq!(chromophore, "SYG");
    assert!((BRIGHT - 2.51).abs() < 1e-9);
}

#[test]
fn a_network_predicts_scores_in_their_unit() {
    let settings = Settings {
        preset: Preset::Linear,
        ..Settings::default()
    };
    let mut model = Sequential::new(settings.spec(4), 3).unwrap();
    let scaler = Standardizer {
        mean: 2.0,
        std: 0.5,
    };
    let sequences = vec!["MKLT".to_string(), "MKL*".to_string()];
    let raw = {
        let letters: Vec<_> = sequences
            .iter()
            .map(|s| Alphabet::Protein.parse(s).unwrap())
            .collect();
        let x = one_hot_batch_in(Alphabet::Protein, &letters, None).into_dyn();
        model.predict(&x, 8)
    };
    let mut predict = predictor(&mut model, scaler);
    let scores = predict_all(&sequences, &mut predict);
    assert_eq!(scores.len(), 2);
    assert!((scores[1] - (raw[[1, 0]] * 0.5 + 2.0)).abs() < 1e-6);
}
