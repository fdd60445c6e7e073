//! `cargo bench`: training and inference throughput of the engine on the three models,
//! single-threaded, with GFLOP/s; then the protein lab's dense preset on the real avGFP variants,
//! trained exactly as the worker trains it (the variants expanded to sparse one-hot rows), for
//! the page's "worker samples/s" to be read against. Set `SEQLAB_BENCH_SECONDS` to change the
//! minimum time per measurement (default 3).

use flate2::read::GzDecoder;
use seqlab::bio::variants::{Numbering, WildType};
use seqlab::data::csv::Limits;
use seqlab::lab::protein::{AVGFP_WILD_TYPE, ProteinData, ProteinSplit, Settings};
use seqlab::nn::Sequential;
use seqlab::training::Trainer;
use seqlab::training::bench::{cases, run};
use std::io::Read;
use std::time::Instant;

fn main() {
    let seconds: f64 = std::env::var("SEQLAB_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3.0);
    let origin = Instant::now();
    let mut now = || origin.elapsed().as_secs_f64();
    println!(
        "{:<18} {:>12} {:>14} {:>10} {:>14} {:>10}",
        "case", "fwd MACs", "train smp/s", "GFLOP/s", "infer smp/s", "GFLOP/s"
    );
    for case in cases() {
        let r = run(&case, seconds, &mut now);
        println!(
            "{:<18} {:>12} {:>14.0} {:>10.2} {:>14.0} {:>10.2}",
            r.name,
            r.forward_macs,
            r.train_samples_per_s,
            r.train_gflops,
            r.infer_samples_per_s,
            r.infer_gflops
        );
    }
    protein_dense(seconds);
}

/// The protein lab's default (dense) preset on the avGFP training rows with the lab's default
/// settings, as the worker runs it: batches until `seconds` have passed (at least one epoch's
/// worth is not needed: the rate is steady after the first batches).
fn protein_dense(seconds: f64) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/avgfp/avgfp.tsv.gz");
    let mut bytes = Vec::new();
    if GzDecoder::new(std::fs::File::open(&path).expect("data/avgfp/avgfp.tsv.gz"))
        .read_to_end(&mut bytes)
        .is_err()
    {
        println!("protein-dense: {} could not be read", path.display());
        return;
    }
    let wild_type = WildType::new(AVGFP_WILD_TYPE).expect("the avGFP wild type");
    let data = ProteinData::parse(&bytes, &wild_type, Numbering::ZeroBased, Limits::default())
        .expect("the shipped variants");
    let settings = Settings::default();
    let split = ProteinSplit::new(&data, settings.test_fraction, settings.split_seed)
        .expect("the scores vary");
    let job = settings.job(&data, &split);
    let rows = job.train.samples(None).expect("the variants' rows");
    let count = rows.len();
    let model = Sequential::new(job.spec, job.model_seed).expect("the dense preset");
    let mut trainer = Trainer::new(model, rows, job.config).expect("the lab's settings");
    let (start, mut trained) = (Instant::now(), 0usize);
    while trained == 0 || start.elapsed().as_secs_f64() < seconds {
        let Some(progress) = trainer.train_batch() else {
            break;
        };
        trained += trainer.rows_in_batch(progress.batch);
    }
    let rate = trained as f64 / start.elapsed().as_secs_f64();
    println!(
        "{:<18} {:>12} {:>14.0}   (avGFP, {count} training rows of 237 × 21, one epoch ≈ {:.1} s)",
        "protein-dense",
        "",
        rate,
        count as f64 / rate
    );
}
