use super::*;
use crate::bounds::Bounds;
use crate::choice::{Choice, assert_serde_names};
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
    for &kind in DesignKind::ALL {
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
    assert_serde_names::<DesignKind>();
    assert_serde_names::<ModelPreset>();
    assert_serde_names::<Condition>();
    assert_serde_names::<DataSource>();
    assert_eq!(Condition::ALL.len(), <Condition as Choice>::ALL.len());
    assert_eq!("feed_rate".parse::<Condition>(), Ok(Condition::FeedRate));
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
    let mut patient = Settings::default();
    patient.knobs.patience = 20;
    assert_eq!(
        patient.config().early_stopping.map(|e| e.patience),
        Some(20)
    );
    assert_ne!(settings.key(0), custom.key(0));
    assert_ne!(
        settings.key(0),
        settings.key(1),
        "the rows are part of the key"
    );
    let mut wild = Settings {
        runs: 5,
        ..Settings::default()
    };
    wild.knobs.learning_rate = 9.0;
    let wild = wild.clamped();
    assert_eq!((wild.runs, wild.knobs.learning_rate), (20, 1.0));
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

/// 60 simulated runs of the default settings, split and standardised.
fn small_data() -> (Settings, LabData) {
    let settings = Settings {
        runs: 60,
        ..Settings::default()
    };
    let runs = simulate_settings(&settings, &Params::E_COLI);
    let data = LabData::new(runs_table(&runs, Lang::En), 0.2, settings.seed).unwrap();
    (settings, data)
}

#[test]
fn a_job_carries_the_standardised_training_runs_as_numbers() {
    let (settings, data) = small_data();
    let job = settings.job(&data);
    assert_eq!(job.spec.input_shape, vec![6]);
    assert_eq!(job.model_seed, settings.knobs.model_seed);
    assert_eq!(job.config.batch_size, 32);
    assert_eq!(job.config.epochs, 2000);
    let crate::training::job::JobRows::Numbers(table) = &job.train else {
        panic!("a table of numbers");
    };
    assert_eq!(table.len(), data.split.train.len());
    assert_eq!(table.columns, data.table.columns);
    // Standardised on the training runs: every column has mean 0 and sd 1 there.
    for k in 0..6 {
        let column: Vec<f64> = table.features.iter().map(|r| f64::from(r[k])).collect();
        let mean = column.iter().sum::<f64>() / column.len() as f64;
        let sd =
            (column.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / column.len() as f64).sqrt();
        assert!(
            mean.abs() < 1e-5 && (sd - 1.0).abs() < 1e-4,
            "{k}: {mean} {sd}"
        );
    }
    let first = data.split.train[0];
    let z = data
        .scaling
        .target
        .apply(f64::from(data.table.targets[first][0]));
    assert!((f64::from(table.targets[0][0]) - z).abs() < 1e-5);
    // The job trains in the worker's runner.
    assert!(crate::training::job::JobRunner::start(job).is_ok());
    let test = data.test_table();
    assert_eq!(test.len(), data.split.test.len());
}

#[test]
fn the_key_follows_every_setting_and_the_rows() {
    let settings = Settings::default();
    let mut knobs = settings.clone();
    knobs.knobs.learning_rate = 0.02;
    let upload = Settings {
        source: DataSource::Upload,
        ..settings.clone()
    };
    let keys = [
        settings.key(0),
        knobs.key(0),
        upload.key(0),
        settings.key(7),
    ];
    for (i, a) in keys.iter().enumerate() {
        for b in &keys[i + 1..] {
            assert_ne!(a, b);
        }
    }
    assert_eq!(settings.key(0), Settings::default().key(0), "stable");
}

#[test]
fn a_search_answered_in_pieces_is_the_same_search() {
    let ranges = ranges();
    let f = |row: &[f64]| -> f64 {
        // A hill with its top at the centre of every range.
        row.iter()
            .zip(&ranges)
            .map(|(v, r)| -((v - (r.min + r.max) / 2.0) / (r.max - r.min)).powi(2))
            .sum()
    };
    let options = SearchOptions::model(3);
    let whole = maximize(
        |rows| rows.iter().map(|r| f(r)).collect(),
        &ranges,
        &options,
    );
    let mut search = Search::new(&ranges, &options);
    let mut batches = 0;
    while !search.is_done() {
        // Evaluated 7 points at a time, as a page does between tasks.
        let values: Vec<f64> = search
            .points()
            .chunks(7)
            .flat_map(|c| c.iter().map(|r| f(r)))
            .collect();
        search.answer(&values);
        batches += 1;
    }
    assert_eq!(search.best().unwrap(), whole);
    assert_eq!(search.evaluations(), whole.evaluations);
    assert!(
        batches > 2 && whole.value > -1e-6,
        "{batches} {}",
        whole.value
    );
    assert!(
        Search::new(&ranges, &options).best().is_none(),
        "nothing before the starts"
    );
}

#[test]
fn runs_simulated_a_few_at_a_time_are_the_same_runs() {
    let settings = Settings {
        runs: 25,
        noise_cv: 0.05,
        ..Settings::default()
    };
    let whole = simulate_settings(&settings, &Params::E_COLI);
    let mut simulator = simulation(&settings, &Params::E_COLI);
    let mut steps = 0;
    while !simulator.step(4) {
        steps += 1;
        assert_eq!(simulator.progress(), (4 * steps, 25));
    }
    assert_eq!(simulator.progress(), (25, 25));
    assert_eq!(simulator.into_runs(), whole);
}

#[test]
fn surfaces_and_curves_come_from_their_rows() {
    let base = [1.0, 2.0, 3.0];
    let rows = surface_rows(&base, (0, &[10.0, 20.0]), (2, &[5.0, 6.0, 7.0]));
    assert_eq!(rows.dim(), (6, 3));
    // x fastest: (10, 5), (20, 5), (10, 6), …; the other column at its base value.
    assert_eq!(rows.row(1).to_vec(), [20.0, 2.0, 5.0]);
    assert_eq!(rows.row(4).to_vec(), [10.0, 2.0, 7.0]);
    let z: Vec<f32> = rows.rows().into_iter().map(|r| r[0] + r[2]).collect();
    let surface = Surface::from_predictions((0, &[10.0, 20.0]), (2, &[5.0, 6.0, 7.0]), &z);
    assert_eq!(surface.z[2], [17.0, 27.0]);
    assert_eq!(surface.span(), (15.0, 27.0));
    assert_eq!(surface.peak(), (20.0, 7.0, 27.0));
    let background = ndarray::Array2::from_shape_vec((2, 2), vec![1.0, 0.0, 3.0, 0.0]).unwrap();
    let rows = partial_dependence_rows(&background, 1, &[5.0, 9.0]);
    let sums: Vec<f32> = rows.rows().into_iter().map(|r| r[0] + r[1]).collect();
    let curve = Curve::from_predictions(1, &[5.0, 9.0], 2, &sums);
    assert_eq!(curve.mean, [7.0, 11.0]);
}

#[test]
fn files_hold_every_run_in_its_units() {
    let (_, data) = small_data();
    let csv = data.data_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "temperature (°C),pH,feed rate (mL/h),initial glucose (g/L),induction time (h),inducer (mM),titer (mg/L),split"
    );
    assert_eq!(lines.len(), 61);
    assert_eq!(lines.iter().filter(|l| l.ends_with(",test")).count(), 12);
    assert!(
        lines[48].ends_with(",train") && lines[49].ends_with(",test"),
        "train rows first"
    );
    let first = data.split.train[0];
    let fields: Vec<f32> = lines[1]
        .split(',')
        .take(7)
        .map(|v| v.parse().unwrap())
        .collect();
    let mut expected = data.table.features[first].clone();
    expected.push(data.table.targets[first][0]);
    assert_eq!(fields, expected);
    let linear = data.linear_fit();
    let predicted = vec![1.0; 12];
    let csv = predictions_csv(&data, &predicted, &linear);
    assert!(
        csv.starts_with("temperature (°C),pH,")
            && csv
                .lines()
                .next()
                .unwrap()
                .ends_with(",titer (mg/L),predicted,linear")
    );
    assert_eq!(csv.lines().count(), 13);
    assert_eq!(table::csv_field("a,b"), "\"a,b\"");
    assert_eq!(table::csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(table::csv_field("plain (°C)"), "plain (°C)");
}

#[test]
fn the_background_is_spread_through_the_training_runs() {
    let (_, data) = small_data();
    let all = data.background(1000);
    assert_eq!(all, data.features(&data.split.train));
    let some = data.background(12);
    assert_eq!(some.nrows(), 12);
    // Every fourth of the 48 training runs.
    assert_eq!(some.row(1), all.row(4));
    assert_eq!(some.row(11), all.row(44));
}

#[test]
fn the_report_sets_the_network_beside_the_plane_and_the_mean() {
    let (_, data) = small_data();
    let linear = data.linear_fit();
    let observed = data.targets(&data.split.test);
    let report = test_report(&data, &observed, &linear);
    assert_eq!(report.network.r2, 1.0);
    assert_eq!(report.network.rmse, 0.0);
    assert!(report.linear.r2 < 1.0 && report.linear.rmse > 0.0);
    // The mean baseline: about zero r² (the training mean, not the test runs' own).
    assert!(
        report.baseline.r2 <= 0.0 && report.baseline.r2 > -0.5,
        "{}",
        report.baseline.r2
    );
    let mean = data.scaling.target.mean;
    let rmse =
        (observed.iter().map(|y| (y - mean).powi(2)).sum::<f64>() / observed.len() as f64).sqrt();
    assert!((report.baseline.rmse - rmse).abs() < 1e-3 * rmse);
}

#[test]
fn a_proposal_beyond_the_runs_is_flagged() {
    let (_, data) = small_data();
    let training = data.features(&data.split.train);
    let inside = training
        .row(3)
        .iter()
        .map(|&v| f64::from(v))
        .collect::<Vec<_>>();
    let near = proposal::place(
        Best {
            point: inside.clone(),
            value: 1.0,
            evaluations: 1,
        },
        &training,
        &data.scaling,
    );
    assert_eq!((near.nearest_run, near.distance), (3, 0.0));
    assert!(!near.extrapolating && near.spacing > 0.0);
    let mut beyond = inside;
    beyond[0] = 50.0;
    let far = proposal::place(
        Best {
            point: beyond,
            value: 1.0,
            evaluations: 1,
        },
        &training,
        &data.scaling,
    );
    assert!(far.extrapolating && far.distance > 0.0);
}
