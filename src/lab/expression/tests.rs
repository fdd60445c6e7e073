use super::*;

#[test]
fn simulated_utrs_follow_their_rule() {
    let rows = simulate_utrs(4000, 50, 1);
    assert_eq!(rows, simulate_utrs(4000, 50, 1));
    let mean_of = |f: &dyn Fn(&Row) -> bool| {
        let picked: Vec<f64> = rows.iter().filter(|r| f(r)).map(|r| r.value).collect();
        picked.iter().sum::<f64>() / picked.len() as f64
    };
    let without = mean_of(&|r| !r.sequence.contains("ATG"));
    let with_one = mean_of(&|r| r.sequence.matches("ATG").count() == 1);
    assert!(
        (without - with_one - 1.5).abs() < 0.15,
        "one ATG costs about 1.5: {without} vs {with_one}"
    );
}

#[test]
fn standardisation_round_trips_and_the_baseline_scores_about_zero() {
    let scaler = Standardizer::fit([1.0, 2.0, 3.0].into_iter());
    assert!(
        (scaler.mean - 2.0).abs() < 1e-12 && (scaler.invert(scaler.apply(2.7)) - 2.7).abs() < 1e-12
    );
    let data = ExpressionData::new(simulate_utrs(500, 20, 2), 0.2, 3).unwrap();
    assert_eq!((data.split.train.len(), data.split.test.len()), (400, 100));
    let z: Vec<f64> = data
        .train(None)
        .targets
        .iter()
        .map(|t| f64::from(t[0]))
        .collect();
    assert!(
        z.iter().sum::<f64>().abs() < 1e-3,
        "training targets have mean 0"
    );
    let observed = data.test_values();
    let report = report(&observed, &observed, data.scaler.mean);
    assert!((report.r2 - 1.0).abs() < 1e-9 && report.mse < 1e-9);
    assert!(report.baseline_r2 <= 0.0 && report.baseline_r2 > -0.2);
    let mean = data.scaler.mean;
    let mae = observed.iter().map(|v| (v - mean).abs()).sum::<f64>() / observed.len() as f64;
    assert!((report.baseline_mae - mae).abs() < 1e-4 && report.mae < 1e-9);
    assert_eq!(learning_curve_sizes(12_000), [1000, 2000, 5000, 12_000]);
    assert_eq!(learning_curve_sizes(1500), [1000, 1500]);
    assert_eq!(data.data_csv().lines().count(), 501);
}

#[test]
fn equal_values_are_refused_before_any_z_score() {
    let rows: Vec<Row> = (0..30)
        .map(|i| Row {
            sequence: format!("ACGT{}", "A".repeat(i)),
            value: 6.1,
        })
        .collect();
    let error = ExpressionData::new(rows, 0.2, 1).unwrap_err();
    assert_eq!(error, ValuesError::AllEqual { value: 6.1 });
    assert!(
        error
            .message(Lang::En)
            .contains("All training values are 6.1")
    );
    assert!(error.message(Lang::Ko).contains("모두 6.1"));
    // Equal values whose mean is not exact in binary still give sd 1, never a round-off spread.
    let scaler = Standardizer::fit(std::iter::repeat_n(0.1, 7));
    assert_eq!(
        (scaler.mean, scaler.std, scaler.apply(0.1)),
        (0.1, 1.0, 0.0)
    );
}

#[test]
fn presets_have_the_issue_shapes() {
    let compact = crate::nn::Sequential::new(Preset::Compact.spec(50), 0).unwrap();
    // 2 × Conv1D(32, 8) + Dense(32) + Dense(1): 1,056 + 8,224 + 51,232 + 33.
    assert_eq!(compact.param_count(), 1_056 + 8_224 + 51_232 + 33);
    assert_eq!(
        crate::nn::Sequential::new(Preset::Small.spec(50), 0)
            .unwrap()
            .output_shape(),
        [1]
    );
}
