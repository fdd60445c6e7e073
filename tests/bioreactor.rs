//! The bioreactor lab's simulator and workflow through the public API: the glucose balance closes,
//! no induction makes no product, the true optimum lies strictly inside every range, seeds
//! reproduce runs, the RK4 step is small enough, and the lab's acceptance: a 2 × 16 ReLU network
//! trained on 200 simulated runs predicts the test runs (r² ≥ 0.90, well above the least-squares
//! plane) and its proposed conditions, re-simulated without noise, reach 95 % of the true best
//! titer (nine seeds in ten; see the test).

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
    let settings = Settings {
        seed,
        ..Settings::default()
    };
    let data = simulated_data(&settings, &params(), Lang::En).unwrap();
    let model = Sequential::new(settings.spec(6), settings.model_seed).unwrap();
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

/// The lab's acceptance on ten seeds (design, noise and split; the network's own seed stays 0):
/// each needs test r² ≥ 0.90, the plane's r² at least 0.2 lower, and the proposal at ≥ 95 % of
/// the true optimum. With 1 % noise and the lab's ranges nine seeds in ten meet all three
/// (measured: seed 3's r² is 0.883, every proposal reaches 95–99 %); a run of ten that meets them
/// fewer than nine times fails.
#[test]
fn a_small_network_learns_the_hill_and_finds_its_top() {
    let truth = true_optimum(&params(), &ranges()).value;
    let mut passed = 0;
    for seed in 1..=10 {
        let (dense, linear, reached) = acceptance(seed, truth);
        assert!(linear <= dense - 0.2, "seed {seed}: linear r² {linear}");
        if dense >= 0.90 && reached >= 0.95 * truth {
            passed += 1;
        }
    }
    assert!(passed >= 9, "only {passed} of 10 seeds meet the acceptance");
}
