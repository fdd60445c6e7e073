//! The bioreactor lab's simulator and workflow through the public API: the glucose balance closes,
//! no induction makes no product, the true optimum lies strictly inside every range, seeds
//! reproduce runs, the RK4 step is small enough, and the lab's acceptance: a 2 × 16 ReLU network
//! trained on 200 simulated runs predicts the test runs (r² ≥ 0.90, well above the least-squares
//! plane) and its proposed conditions, re-simulated without noise, reach 95 % of the true best
//! titer (most seeds; see the test).

use seqlab::bounds::Bounds;
use seqlab::lab::bioreactor::simulate::{STEP, course_with_step, harvest_with_step};
use seqlab::lab::bioreactor::{
    Condition, Conditions, DesignKind, LinearFit, Params, Settings, course, design, propose,
    ranges, simulate_settings, simulated_data, titer, true_optimum,
};
use seqlab::lang::Lang;
use seqlab::metrics;
use seqlab::nn::Sequential;
use seqlab::training::Trainer;

fn params() -> Params {
    Params::E_COLI
}

/// Design points across the ranges plus the corners of the temperature–feed plane.
fn probe_points() -> Vec<Conditions> {
    let mut points = design(DesignKind::LatinHypercube, 40, &ranges(), 7);
    for (t, f) in [
        (27.0, 8.0),
        (27.0, 15.0),
        (35.0, 8.0),
        (35.0, 15.0),
        (26.0, 0.0),
    ] {
        points.push(
            Conditions::centre()
                .with(Condition::Temperature, t)
                .with(Condition::FeedRate, f),
        );
    }
    points
}

#[test]
fn the_glucose_balance_closes_at_every_recorded_time() {
    for conditions in probe_points() {
        let points = course(&conditions, &params());
        let initial = points[0].state;
        for point in &points {
            let scale = initial.substrate * initial.volume + point.fed;
            let residue = point.balance_residue(&initial);
            assert!(
                residue.abs() <= 1e-6 * scale,
                "{conditions:?} at {} h: fed {} g, residue {residue} g",
                point.time,
                point.fed
            );
        }
        let harvest = points.last().unwrap();
        assert_eq!(harvest.time, params().harvest);
        // Feed in, at the feed rate from 6 h: F · S_f · 24 h.
        let fed = conditions.feed_rate / 1000.0 * 500.0 * 24.0;
        assert!((harvest.fed - fed).abs() < 1e-9 * fed.max(1.0));
        assert!((harvest.state.volume - (1.0 + conditions.feed_rate / 1000.0 * 24.0)).abs() < 1e-9);
        assert!(
            points
                .iter()
                .all(|p| p.state.biomass <= params().x_max + 1e-9)
        );
    }
}

#[test]
fn without_induction_there_is_no_product() {
    let base = Conditions::centre();
    assert!(titer(&base, &params()) > 100.0);
    let late = base.with(Condition::InductionTime, 31.0);
    let none = base.with(Condition::Inducer, 0.0);
    for conditions in [late, none] {
        let points = course(&conditions, &params());
        assert!(
            points.iter().all(|p| p.state.product == 0.0),
            "{conditions:?}"
        );
        assert_eq!(titer(&conditions, &params()), 0.0);
    }
    // Induction at harvest exactly makes nothing either.
    assert_eq!(
        titer(&base.with(Condition::InductionTime, 30.0), &params()),
        0.0
    );
}

#[test]
fn the_true_optimum_lies_strictly_inside_every_range() {
    let best = true_optimum(&params(), &ranges());
    let conditions = best.conditions();
    println!(
        "true optimum {:.1} mg/L at {conditions:?} ({} runs)",
        best.value, best.evaluations
    );
    for condition in Condition::ALL {
        let Bounds { min, max } = condition.range();
        let at = (conditions.get(condition) - min) / (max - min);
        assert!(
            (0.05..=0.95).contains(&at),
            "{condition}: {} is at {at:.3} of {min}–{max}",
            conditions.get(condition)
        );
        // A real trade-off: a tenth of the range either way lowers the titer.
        for side in [-0.1, 0.1] {
            let moved = conditions.with(condition, conditions.get(condition) + side * (max - min));
            assert!(titer(&moved, &params()) < best.value, "{condition} {side}");
        }
    }
    assert!((titer(&conditions, &params()) - best.value).abs() < 1e-9);
}

#[test]
fn the_same_seed_gives_the_same_runs() {
    let settings = Settings {
        runs: 30,
        ..Settings::default()
    };
    let runs = simulate_settings(&settings, &params());
    assert_eq!(runs, simulate_settings(&settings, &params()));
    let other = simulate_settings(
        &Settings {
            seed: 2,
            ..settings.clone()
        },
        &params(),
    );
    assert_ne!(runs, other);
    // The noise is multiplicative with the stated coefficient of variation.
    let noisy = simulate_settings(
        &Settings {
            runs: 2000,
            design: DesignKind::Random,
            noise_cv: 0.05,
            ..settings
        },
        &params(),
    );
    let ratios: Vec<f64> = noisy
        .iter()
        .filter(|r| r.titer > 0.0)
        .map(|r| r.measured / r.titer)
        .collect();
    let mean = ratios.iter().sum::<f64>() / ratios.len() as f64;
    let sd = (ratios.iter().map(|r| (r - mean).powi(2)).sum::<f64>() / ratios.len() as f64).sqrt();
    assert!(
        (mean - 1.0).abs() < 0.005 && (sd - 0.05).abs() < 0.005,
        "{mean} {sd}"
    );
}

#[test]
fn halving_the_rk4_step_changes_titers_by_less_than_a_tenth_of_a_percent() {
    let mut worst: f64 = 0.0;
    for conditions in probe_points() {
        let full = harvest_with_step(&conditions, &params(), STEP).product;
        let half = harvest_with_step(&conditions, &params(), STEP / 2.0).product;
        worst = worst.max((full - half).abs() / half.max(1.0));
    }
    println!("largest relative change on halving the step: {worst:.2e}");
    assert!(worst < 1e-3, "{worst}");
    // The recorded course ends where the unrecorded run does.
    let c = Conditions::centre();
    let recorded = course_with_step(&c, &params(), STEP, Some(0.5));
    let plain = harvest_with_step(&c, &params(), STEP);
    assert!((recorded.last().unwrap().state.product - plain.product).abs() < 1e-6 * plain.product);
}

/// One seed of the acceptance: (dense test r², linear test r², re-simulated proposal titer).
fn acceptance(seed: u64, truth: f64) -> (f64, f64, f64) {
    run(
        &Settings {
            seed,
            ..Settings::default()
        },
        truth,
    )
}

/// `settings` simulated, trained and used: (dense test r², linear test r², re-simulated proposal
/// titer).
fn run(settings: &Settings, truth: f64) -> (f64, f64, f64) {
    let seed = settings.seed;
    let data = simulated_data(settings, &params(), Lang::En).unwrap();
    let model = Sequential::new(settings.spec(6), settings.knobs.model_seed).unwrap();
    let mut trainer = Trainer::new(model, data.train(), settings.config()).unwrap();
    trainer.fit();
    let epochs = trainer.history().epochs.len();
    let mut model = trainer.model;
    let (train, test) = (&data.split.train, &data.split.test);
    let observed: Vec<f32> = data.targets(test).iter().map(|&v| v as f32).collect();
    let predicted = data.scaling.predictor(&mut model)(&data.features(test));
    let dense = metrics::r2(&observed, &predicted);
    let plane = LinearFit::fit(&data.features(train), &data.targets(train));
    let linear = metrics::r2(&observed, &plane.predict(&data.features(test)));
    let training = data.features(train);
    let proposal = propose(
        data.scaling.predictor(&mut model),
        &training,
        &data.scaling,
        &ranges(),
        seed,
    );
    let reached = titer(&proposal.conditions().unwrap(), &params());
    println!(
        "seed {seed}: {epochs} epochs, dense r² {dense:.3}, linear r² {linear:.3}, proposal \
         {reached:.0} mg/L = {:.1} % of {truth:.0} (predicted {:.0}, distance {:.2} of spacing \
         {:.2}{}) at {:?}",
        100.0 * reached / truth,
        proposal.predicted,
        proposal.distance,
        proposal.spacing,
        if proposal.extrapolating {
            ", extrapolating"
        } else {
            ""
        },
        proposal.conditions().unwrap()
    );
    (dense, linear, reached)
}

/// The lab's acceptance on twenty seeds (design, noise and split; the network's own seed stays 0)
/// with the default settings (2 × 16 ReLU, Adam 0.01, batches of 32, 2,000 epochs): test r² ≥ 0.90
/// on every seed, the plane's r² at least 0.2 lower, and the proposal, re-simulated without noise,
/// at ≥ 95 % of the true optimum on most seeds and ≥ 90 % on all. Measured: r² 0.913–0.972 (mean
/// 0.940), linear r² −0.19–0.37, proposals at 91.5–98.7 % (15 of 20 seeds ≥ 95 %; the others lie at
/// the edge of a range where the titer is flat — feed 8 mL/h, pH 6.6, inducer 0.8 mM — and the
/// network, extrapolating, over-predicts; the page warns). The first training setting (batches of
/// 16 at 0.005, 1,000 epochs) gave r² 0.863–0.958 on the same seeds, 4 of them below 0.90.
#[test]
fn a_small_network_learns_the_hill_and_finds_its_top() {
    let truth = true_optimum(&params(), &ranges()).value;
    let (mut learned, mut found) = (0, 0);
    for seed in 1..=20 {
        let (dense, linear, reached) = acceptance(seed, truth);
        assert!(linear <= dense - 0.2, "seed {seed}: linear r² {linear}");
        assert!(reached >= 0.90 * truth, "seed {seed}: proposal {reached}");
        learned += usize::from(dense >= 0.90);
        found += usize::from(reached >= 0.95 * truth);
    }
    assert!(
        learned >= 19,
        "only {learned} of 20 seeds reach test r² 0.90"
    );
    assert!(
        found >= 14,
        "only {found} of 20 proposals reach 95 % of the optimum"
    );
}

/// The measurements behind the defaults, to repeat or extend: the acceptance over seeds
/// `SWEEP_FROM..=SWEEP_TO` with other training settings (`SWEEP_EPOCHS`, `SWEEP_BATCH`, `SWEEP_LR`,
/// `SWEEP_UNITS`, `SWEEP_LAYERS`) — `SWEEP_BATCH=16 SWEEP_LR=0.005 SWEEP_EPOCHS=1000 cargo test
/// --test bioreactor -- --ignored --nocapture sweep`. Measured on seeds 1–20 (r² min / mean,
/// seeds meeting all three): batch 16, 0.005, 1,000 epochs 0.863 / 0.929, 15; batch 8 0.906 /
/// 0.941, 13; 2 × 32 units 0.895 / 0.935, 15; batch 32, 0.01, 1,000 epochs 0.878 / 0.931, 10;
/// batch 32, 0.01, 2,000 epochs (the default) 0.913 / 0.940, 15; full batch, 0.02, 3,000 epochs
/// 0.873 / 0.912, 11; tanh 0.767 / 0.869, 5. Wider ranges (pH 6.0–8.0, feed 6–17 mL/h, inducer
/// 0.4–3.0 mM: every condition then moves the titer by 10–30 %) need more runs: 200 gave r²
/// 0.774 / 0.877 (4 of 20), 500 gave 0.944 / 0.961 (10 of 10).
#[test]
#[ignore = "a measurement: SWEEP_* settings, --nocapture"]
fn sweep() {
    let var = |name: &str, default: f64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let mut settings = Settings::default();
    settings.knobs.epochs = var("SWEEP_EPOCHS", settings.knobs.epochs as f64) as usize;
    settings.knobs.batch = var("SWEEP_BATCH", settings.knobs.batch as f64) as usize;
    settings.knobs.learning_rate = var("SWEEP_LR", f64::from(settings.knobs.learning_rate)) as f32;
    let (units, layers) = (var("SWEEP_UNITS", 16.0), var("SWEEP_LAYERS", 2.0));
    if units != 16.0 || layers != 2.0 {
        settings.model = seqlab::lab::bioreactor::ModelPreset::Custom;
        (settings.hidden_units, settings.hidden_layers) = (units as usize, layers as usize);
    }
    let truth = true_optimum(&params(), &ranges()).value;
    let (from, to) = (var("SWEEP_FROM", 1.0) as u64, var("SWEEP_TO", 20.0) as u64);
    let mut r2 = Vec::new();
    let mut passed = 0;
    for seed in from..=to {
        let (dense, linear, reached) = run(
            &Settings {
                seed,
                ..settings.clone()
            },
            truth,
        );
        passed += usize::from(dense >= 0.9 && linear <= dense - 0.2 && reached >= 0.95 * truth);
        r2.push(dense);
    }
    let min = r2.iter().copied().fold(f64::INFINITY, f64::min);
    let mean = r2.iter().sum::<f64>() / r2.len() as f64;
    println!(
        "r² min {min:.3} mean {mean:.3}; {passed} of {} seeds meet all three",
        r2.len()
    );
}
