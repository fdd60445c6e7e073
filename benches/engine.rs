//! `cargo bench`: training and inference throughput of the engine on the three models,
//! single-threaded, with GFLOP/s. Set `SEQLAB_BENCH_SECONDS` to change the minimum time per
//! measurement (default 3).

use seqlab::training::bench::{cases, run};
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
}
