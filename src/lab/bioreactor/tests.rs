use super::*;
use crate::bounds::Bounds;
use crate::lab::bioreactor::model::{Phase, cpm, ctmi};

#[test]
fn cardinal_models_are_one_at_the_optimum_and_zero_outside() {
    let p = Params::E_COLI;
    assert!((ctmi(37.0, p.growth_temperature) - 1.0).abs() < 1e-12);
    assert!((ctmi(29.0, p.product_temperature) - 1.0).abs() < 1e-12);
    assert!((cpm(7.0, p.growth_ph) - 1.0).abs() < 1e-12);
    assert_eq!(ctmi(6.0, p.growth_temperature), 0.0);
    assert_eq!(ctmi(50.0, p.growth_temperature), 0.0);
    assert_eq!(cpm(4.0, p.growth_ph), 0.0);
    // CTMI rises slowly from T_min and falls steeply to T_max (Rosso 1993's skew).
    let g = |t| ctmi(t, p.growth_temperature);
    assert!(g(30.0) > 0.7 && g(30.0) < g(34.0) && g(44.0) < g(30.0));
    assert!(cpm(6.0, p.growth_ph) > 0.5 && cpm(8.0, p.growth_ph) > 0.5);
}

#[test]
fn the_balances_dilute_and_feed() {
    let p = Params::E_COLI;
    let c = Conditions::centre();
    let state = State {
        biomass: 10.0,
        substrate: 1.0,
        product: 100.0,
        volume: 1.2,
        consumed: 0.0,
    };
    let phase = Phase {
        feeding: true,
        induced: true,
    };
    let r = p.rates(&state, &c, phase);
    let d = p.derivatives(&state, &c, phase);
    let dilution = c.feed_rate / 1000.0 / 1.2;
    assert!((d.biomass - (r.mu - dilution) * 10.0).abs() < 1e-12);
    assert!((d.substrate - (dilution * (500.0 - 1.0) - r.q_s * 10.0)).abs() < 1e-12);
    assert!((d.product - (r.q_p * 10.0 - dilution * 100.0)).abs() < 1e-12);
    assert!((d.volume - c.feed_rate / 1000.0).abs() < 1e-15);
    // Before induction: no burden, no product.
    let before = p.rates(
        &state,
        &c,
        Phase {
            induced: false,
            ..phase
        },
    );
    assert_eq!(before.q_p, 0.0);
    assert!(before.mu > r.mu);
}

#[test]
fn designs_have_their_sizes_and_stay_in_range() {
    let ranges = ranges();
    for kind in DesignKind::ALL {
        let rows = design(kind, 200, &ranges, 3);
        let expected = if kind == DesignKind::Grid { 216 } else { 200 };
        assert_eq!(rows.len(), expected, "{kind}");
        assert!(rows.iter().all(|r| {
            r.to_array()
                .iter()
                .zip(&ranges)
                .all(|(v, b)| b.contains(*v))
        }));
        assert_eq!(rows, design(kind, 200, &ranges, 3), "seeded");
    }
    assert_eq!(design::grid_levels(20), [2, 2, 2, 2, 1, 1]);
    assert_eq!(design::grid_levels(2000), [4, 4, 4, 3, 3, 3]);
    // A Latin hypercube puts exactly one run in each of the N strata of every condition.
    let rows = design(DesignKind::LatinHypercube, 50, &ranges, 9);
    for (k, b) in ranges.iter().enumerate() {
        let mut strata: Vec<usize> = rows
            .iter()
            .map(|r| ((r.to_array()[k] - b.min) / (b.max - b.min) * 50.0) as usize)
            .collect();
        strata.sort_unstable();
        assert_eq!(strata, (0..50).collect::<Vec<_>>(), "condition {k}");
    }
}

#[test]
fn enums_read_and_write_their_serde_names() {
    for kind in DesignKind::ALL {
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(json, format!("\"{kind}\""));
        assert_eq!(kind.to_string().parse::<DesignKind>(), Ok(kind));
    }
    for preset in ModelPreset::ALL {
        assert_eq!(
            serde_json::to_string(&preset).unwrap(),
            format!("\"{preset}\"")
        );
        assert_eq!(preset.to_string().parse::<ModelPreset>(), Ok(preset));
    }
    for condition in Condition::ALL {
        assert_eq!(
            serde_json::to_string(&condition).unwrap(),
            format!("\"{condition}\"")
        );
        assert_eq!(condition.to_string().parse::<Condition>(), Ok(condition));
    }
    assert!("lhs".parse::<DesignKind>().is_err());
    assert_eq!(Condition::Temperature.column(Lang::En), "temperature (°C)");
    assert_eq!(Condition::Ph.column(Lang::Ko), "pH");
    assert_eq!(Condition::FeedRate.column(Lang::Ko), "공급 속도 (mL/h)");
}

#[test]
fn settings_build_dense_models_on_rank_one_inputs() {
    let settings = Settings::default();
    let model = crate::nn::Sequential::new(settings.spec(6), 0).unwrap();
    // Dense(16) on 6 inputs, Dense(16), Dense(1): 112 + 272 + 17.
    assert_eq!(model.param_count(), 112 + 272 + 17);
    assert_eq!(model.output_shape(), [1]);
    let linear = Settings {
        model: ModelPreset::Linear,
        ..Settings::default()
    };
    assert_eq!(
        crate::nn::Sequential::new(linear.spec(6), 0)
            .unwrap()
            .param_count(),
        7
    );
    let custom = Settings {
        model: ModelPreset::Custom,
        hidden_layers: 3,
        hidden_units: 8,
        ..Settings::default()
    };
    assert_eq!(custom.spec(6).layers.len(), 4);
    let config = settings.config();
    assert_eq!(config.loss.kind, crate::nn::LossKind::MeanSquaredError);
    assert_eq!(config.early_stopping, None, "off by default");
    let patient = Settings {
        patience: 20,
        ..Settings::default()
    };
    assert_eq!(
        patient.config().early_stopping.map(|e| e.patience),
        Some(20)
    );
    assert_ne!(settings.key(), custom.key());
    let wild = Settings {
        runs: 5,
        learning_rate: 9.0,
        ..Settings::default()
    }
    .clamped();
    assert_eq!((wild.runs, wild.learning_rate), (20, 1.0));
}

#[test]
fn run_plans_count_the_rows_of_each_job() {
    let plans = run_plans(&Settings::default(), &Params::E_COLI);
    let counts: Vec<(usize, usize, usize, usize)> = plans
        .iter()
        .map(|p| (p.runs, p.test_rows, p.fitted_rows, p.validation_rows))
        .collect();
    // 20 runs: 4 test, 16 train → 14 fitted + 2 validation; 500: 100, 400 → 360 + 40.
    assert_eq!(
        counts,
        [
            (20, 4, 14, 2),
            (50, 10, 36, 4),
            (100, 20, 72, 8),
            (200, 40, 144, 16),
            (500, 100, 360, 40)
        ]
    );
    assert_eq!(plans[0].parameters, 401);
    assert_eq!(plans[4].reactor_hours, 15_000.0);
    assert_eq!(plans[2].settings.runs, 100);
}

#[test]
fn the_compass_search_finds_the_top_of_a_hill() {
    // f(x, y) = −(x − 0.3)² − (y + 2)²: the top at (0.3, −2), inside both ranges.
    let ranges = [Bounds::new(-1.0, 1.0), Bounds::new(-5.0, 5.0)];
    let best = maximize(
        |rows| {
            rows.iter()
                .map(|r| -(r[0] - 0.3).powi(2) - (r[1] + 2.0).powi(2))
                .collect()
        },
        &ranges,
        &SearchOptions::model(1),
    );
    assert!((best.point[0] - 0.3).abs() < 1e-3 && (best.point[1] + 2.0).abs() < 1e-3);
    assert!(best.value > -1e-5);
}

#[test]
fn partial_dependence_of_an_additive_function_is_its_own_term() {
    // f = 2·x₀ + x₁²: PD of x₀ at v is 2v + mean(x₁²).
    let background =
        ndarray::Array2::from_shape_vec((3, 2), vec![0.0, 1.0, 1.0, 2.0, 2.0, 3.0]).unwrap();
    let f = |x: &ndarray::Array2<f32>| {
        x.rows()
            .into_iter()
            .map(|r| 2.0 * r[0] + r[1] * r[1])
            .collect::<Vec<f32>>()
    };
    let curve = partial_dependence(f, &background, 0, &[0.0, 1.0]);
    let mean_sq = (1.0 + 4.0 + 9.0) / 3.0;
    assert!((curve.mean[0] - mean_sq).abs() < 1e-5 && (curve.mean[1] - 2.0 - mean_sq).abs() < 1e-5);
    let surface = response_surface(f, &[0.0, 0.0], (0, &[0.0, 1.0, 2.0]), (1, &[1.0, 2.0]));
    assert_eq!(surface.z[1][2], 8.0);
    assert_eq!(surface.peak(), (2.0, 2.0, 8.0));
}
