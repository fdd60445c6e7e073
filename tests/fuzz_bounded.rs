//! The fuzz targets of `fuzz/` on stable, bounded: for each target a seed corpus (the fixtures in
//! `tests/fixtures/`, plus motif texts, model files and worker messages made here), then a seeded
//! mutation loop (bit flips, byte insertions and deletions, splices of two entries, interesting
//! tokens, long runs of one byte) for `SEQLAB_FUZZ_SECONDS` seconds per target (default 2.0) and at
//! most 200,000 executions. The checks themselves are `tests/fuzz/targets.rs`, the same code the
//! libFuzzer targets run. A counting global allocator also bounds each execution's peak memory.
//!
//! A failing input is written to `CARGO_TARGET_TMPDIR/fuzz-<target>-failure` (replay it with
//! `cargo fuzz run <target> <file>`); `SEQLAB_FUZZ_SEED` varies the mutations and
//! `SEQLAB_FUZZ_CORPUS=<dir>` writes the seed corpora to `<dir>/<target>/` for cargo-fuzz.
#![cfg(not(target_arch = "wasm32"))]

#[path = "fuzz/targets.rs"]
mod targets;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use seqlab::bio::Pfm;
use seqlab::bio::formats::{NamedMotif, to_jaspar, to_meme, to_meme_many};
use seqlab::bio::simulate::lecture_motif;
use seqlab::nn::{ModelSpec, OptimizerConfig, Padding, Sequential, SgdConfig};
use seqlab::training::job::{FromWorker, JobRunner, ToWorker, TrainJob};
use serde_json::json;
use std::alloc::{GlobalAlloc, Layout, System};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Bytes allocated now, and the most since the last reset.
static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, counting.
struct Counting;

fn grew(bytes: usize) {
    let now = CURRENT.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

fn shrank(bytes: usize) {
    CURRENT.fetch_sub(bytes, Ordering::Relaxed);
}

// SAFETY: every call is forwarded unchanged to `System`; only the sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's guarantees are `System`'s.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as for `alloc`.
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            match new_size.checked_sub(layout.size()) {
                Some(more) => grew(more),
                None => shrank(layout.size() - new_size),
            }
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The allocator counts every thread, so the tests of this binary run one at a time.
static LOCK: Mutex<()> = Mutex::new(());

/// Executions per target at most (`SEQLAB_FUZZ_EXECUTIONS` raises it for long runs).
const MAX_EXECUTIONS: usize = 200_000;
/// Mutants are cut to this length (a long sequence needs > 10,000 letters).
const MAX_INPUT: usize = 1 << 17;
/// Mutants kept besides the seeds, for stacking mutations.
const KEPT: usize = 256;

/// Tokens that break parsers: separators, line ends, bytes that are not UTF-8, special and
/// overflowing numbers, JSON structure and the fields that size a model, format keywords.
#[rustfmt::skip]
const TOKENS: &[&[u8]] = &[
    b"\"", b",", b";", b"\t", b"\r", b"\n", b"\r\n", b"\0", b"\xFF\xFE", b"\xFE\xFF",
    b"\xEF\xBB\xBF", b"NaN", b"inf", b"1e309", b"-0", b"9223372036854775807",
    b"18446744073709551615", b"4000000000", b"{", b"}", b"[", b"]", b"\"filters\":", b"\"units\":",
    b"\"type\":", b"null", b"\"NaN\"", b"\"Infinity\"", b">", b"MEME version 4\n", b"ALPHABET=",
    b"letter-probability matrix: alength= 4 w= ", b"nsites= ", b"A  [ ", b"ACGTN", b"|",
];
/// Bytes of the long runs (or a random one).
const RUN_BYTES: &[u8] = b"A,;\"\t\r\n0 9[{>-";

/// Peak bound of `csv_table` and `sequence`: they keep a small multiple of the input (the decoded
/// text, one record per row, sorted row indices), so 64 bytes per input byte and 8 MiB of slack.
fn text_bound(len: usize) -> usize {
    64 * len + (8 << 20)
}

/// Peak bound of `model_json`, `motif_text` and `job_protocol`: a model at the 5-million-parameter
/// limit is allowed to exist (and a training step may plan 768 MB), so these are not bounded by
/// the input's size; but the fuzz inputs are small, the targets build at most 200,000 parameters
/// and train only small jobs, so a fixed 256 MiB is never needed unless something runs away.
fn model_bound(_len: usize) -> usize {
    256 << 20
}

/// Replaces `range` of `input` with `with`.
fn replace(input: &mut Vec<u8>, range: std::ops::Range<usize>, with: &[u8]) {
    let tail = input.split_off(range.end);
    input.truncate(range.start);
    input.extend_from_slice(with);
    input.extend_from_slice(&tail);
}

/// One random mutation of `input`; `pool` gives the other entries to splice from.
fn mutate(rng: &mut ChaCha8Rng, input: &mut Vec<u8>, pool: &[Vec<u8>]) {
    let len = input.len();
    let at = rng.random_range(0..=len);
    let other = &pool[rng.random_range(0..pool.len())];
    let from = rng.random_range(0..=other.len());
    match rng.random_range(0..12) {
        // A bit flipped, or a byte replaced by a random one or a digit by another digit.
        0 | 1 if len > 0 => {
            let i = rng.random_range(0..len);
            input[i] ^= 1u8 << rng.random_range(0..8u32);
        }
        2 if len > 0 => input[rng.random_range(0..len)] = rng.random(),
        3 if len > 0 => {
            let start = rng.random_range(0..len);
            if let Some(i) = input[start..].iter().position(u8::is_ascii_digit) {
                input[start + i] = b'0' + rng.random_range(0..10u8);
            }
        }
        // Random bytes inserted, or a few bytes deleted.
        4 => {
            let bytes: Vec<u8> = (0..rng.random_range(1..=8)).map(|_| rng.random()).collect();
            replace(input, at..at, &bytes);
        }
        5 if len > 0 => replace(input, at..(at + rng.random_range(1..=16)).min(len), &[]),
        // Two entries spliced: this one's start and another's end, or a chunk of another inserted.
        6 => {
            input.truncate(at);
            input.extend_from_slice(&other[from..]);
        }
        7 => {
            let to = rng.random_range(from..=other.len());
            replace(input, at..at, &other[from..to]);
        }
        // A long run of one byte.
        8 => {
            let byte = match rng.random_bool(0.5) {
                true => RUN_BYTES[rng.random_range(0..RUN_BYTES.len())],
                false => rng.random(),
            };
            replace(
                input,
                at..at,
                &vec![byte; 1usize << rng.random_range(4..=14u32)],
            );
        }
        // An interesting token inserted, or written over what is there.
        _ => {
            let token = TOKENS[rng.random_range(0..TOKENS.len())];
            let over = match rng.random_bool(0.3) {
                true => (at + token.len()).min(len),
                false => at,
            };
            replace(input, at..over, token);
        }
    }
    input.truncate(MAX_INPUT);
}

/// Keeps a failing input and says where it is.
fn keep_failure(name: &str, input: &[u8], what: &str) {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("fuzz-{name}-failure"));
    let saved = match std::fs::write(&path, input) {
        Ok(()) => format!("saved to {}", path.display()),
        Err(e) => format!("not saved: {e}"),
    };
    let start = &input[..input.len().min(400)];
    eprintln!(
        "{name}: an input of {} bytes {what} ({saved}); it starts b\"{}\"",
        input.len(),
        start.escape_ascii()
    );
}

/// Runs `target` on `input` and checks the peak of the bytes it allocated.
fn execute(name: &str, input: &[u8], bound: usize, target: fn(&[u8])) {
    let base = CURRENT.load(Ordering::SeqCst);
    PEAK.store(base, Ordering::SeqCst);
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| target(input)));
    let used = PEAK.load(Ordering::SeqCst).saturating_sub(base);
    if let Err(payload) = outcome {
        keep_failure(name, input, "panicked");
        panic::resume_unwind(payload);
    }
    if used > bound {
        keep_failure(name, input, "allocated too much");
        panic!(
            "{name}: {used} bytes at the peak for {} input bytes, over the bound of {bound}",
            input.len()
        );
    }
}

/// Writes the seeds to `$SEQLAB_FUZZ_CORPUS/<name>/` if that is set.
fn export_corpus(name: &str, seeds: &[Vec<u8>]) {
    let Some(dir) = std::env::var_os("SEQLAB_FUZZ_CORPUS") else {
        return;
    };
    let dir = Path::new(&dir).join(name);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for (i, seed) in seeds.iter().enumerate() {
        let path = dir.join(format!("seed-{i:03}"));
        std::fs::write(&path, seed).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

/// An environment variable's value, if it is set and parses.
fn env<T: std::str::FromStr>(key: &str) -> Option<T> {
    std::env::var(key).ok()?.trim().parse().ok()
}

/// The seeds, unchanged, then mutants for the time budget.
fn fuzz(name: &str, seeds: Vec<Vec<u8>>, bound: fn(usize) -> usize, target: fn(&[u8])) {
    let _serial = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    assert!(!seeds.is_empty(), "{name}: no seeds");
    export_corpus(name, &seeds);
    let budget: f64 = env("SEQLAB_FUZZ_SECONDS").unwrap_or(2.0);
    let extra: u64 = env("SEQLAB_FUZZ_SEED").unwrap_or(0);
    let name_hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let mut rng = ChaCha8Rng::seed_from_u64(name_hash ^ extra);
    let mut pool = seeds.clone();
    let started = Instant::now();
    let mut executions = 0;
    let most: usize = env("SEQLAB_FUZZ_EXECUTIONS").unwrap_or(MAX_EXECUTIONS);
    while executions < most {
        let input = match seeds.get(executions) {
            Some(seed) => seed.clone(),
            None if started.elapsed().as_secs_f64() < budget => {
                let mut input = pool[rng.random_range(0..pool.len())].clone();
                for _ in 0..rng.random_range(1..=4) {
                    mutate(&mut rng, &mut input, &pool);
                }
                input
            }
            None => break,
        };
        execute(name, &input, bound(input.len()), target);
        executions += 1;
        if executions > seeds.len() && rng.random_ratio(1, 8) {
            if pool.len() < seeds.len() + KEPT {
                pool.push(input);
            } else {
                let i = rng.random_range(seeds.len()..pool.len());
                pool[i] = input;
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    eprintln!("{name}: {executions} executions in {seconds:.1} s");
}

/// The files of `tests/fixtures/<dir>` (with `extension`, if given), in name order.
fn fixtures(dir: &str, extension: Option<&str>) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir);
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut paths: Vec<_> = entries
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| extension.is_none_or(|x| path.extension().is_some_and(|e| e == x)))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .collect()
}

/// The lecture's CNN on 16 rows of two classes (as in `src/training/job.rs`'s tests); a
/// regression with every kind of layer on sequences of several lengths fitted to 12 (SGD with
/// momentum, shuffled validation, early stopping); the lecture's CNN diverging.
fn seed_jobs() -> [TrainJob; 3] {
    let job = |spec: serde_json::Value, train: serde_json::Value, changes: serde_json::Value| {
        let mut job = json!({"spec": spec, "model_seed": 1, "train": train, "fit_length": null,
            "config": {"batch_size": 4, "epochs": 2, "validation_split": 0.25, "shuffle": true,
                "validation_mode": "last_rows", "seed": 1, "early_stopping": null,
                "loss": {"kind": "categorical_crossentropy"}, "optimizer": {"type": "adam"}}});
        for (key, value) in changes.as_object().expect("an object") {
            match key.as_str() {
                "fit_length" => job[key] = value.clone(),
                _ => job["config"][key] = value.clone(),
            }
        }
        serde_json::from_value::<TrainJob>(job).expect("a seed job")
    };
    let class = |i: usize| i.is_multiple_of(2);
    let sequences: Vec<&str> = (0..16)
        .map(|i| match class(i) {
            true => "CCGGAACCGGAACCGGAACC",
            false => "ATATATATATATATATATAT",
        })
        .collect();
    let targets: Vec<[f32; 2]> = (0..16)
        .map(|i| match class(i) {
            true => [1.0, 0.0],
            false => [0.0, 1.0],
        })
        .collect();
    let lecture = json!({"sequences": sequences, "targets": targets});
    let cnn = || serde_json::to_value(ModelSpec::lecture(Padding::Valid)).expect("JSON");
    let regression = json!({"input_shape": [12, 4], "layers": [
        {"type": "conv1d", "filters": 3, "kernel_size": 3, "padding": "same", "activation": "relu"},
        {"type": "max_pool1d", "pool_size": 2}, {"type": "dropout", "rate": 0.25},
        {"type": "activation", "activation": "tanh"}, {"type": "flatten"},
        {"type": "dense", "units": 1, "activation": "linear"}]});
    let rows = json!({"targets": [[-1.0], [-0.5], [0.0], [0.5], [1.0], [1.5]],
        "sequences": ["ACGTACGTACGT", "TTGACA", "GGGCCCAAATTTG", "ATG", "CCAATGGCC", "acgun"]});
    let settings = json!({"batch_size": 3, "epochs": 3, "validation_mode": "shuffled",
        "fit_length": 12, "loss": {"kind": "mean_squared_error"},
        "optimizer": {"type": "sgd", "learning_rate": 0.05, "momentum": 0.9},
        "early_stopping": {"monitor": "val_loss", "patience": 1, "restore_best_weights": true}});
    // An infinite learning rate cannot be written in JSON.
    let mut diverging = job(cnn(), lecture.clone(), json!({"epochs": 1}));
    diverging.config.optimizer = OptimizerConfig::Sgd(SgdConfig {
        learning_rate: f32::INFINITY,
        momentum: 0.0,
    });
    let lecture = job(cnn(), lecture, json!({}));
    [lecture, job(regression, rows, settings), diverging]
}

/// Worker messages both ways: jobs, and every message of real runs (one of them failing to start,
/// one diverging).
fn job_seeds() -> Vec<Vec<u8>> {
    let [lecture, regression, diverging] = seed_jobs();
    let mut bad = lecture.clone();
    bad.train.sequences[3] = "ACGX".into();
    let failure = JobRunner::start(bad).expect_err("a bad sequence fails");
    let mut from_worker = vec![FromWorker::Ready, failure.into()];
    let to_worker = [
        ToWorker::Start(Box::new(lecture.clone())),
        ToWorker::Start(Box::new(regression.clone())),
        ToWorker::Stop,
        ToWorker::Resume { more_epochs: 2 },
    ];
    for job in [lecture, regression, diverging] {
        let mut runner = JobRunner::start(job).expect("a seed job starts");
        from_worker.push(runner.started());
        let mut now = || 0.0;
        while runner.is_running() {
            from_worker.extend(runner.step(&mut now));
        }
        from_worker.push(runner.stop());
    }
    let to_worker = to_worker.iter().map(serde_json::to_vec);
    let from_worker = from_worker.iter().map(serde_json::to_vec);
    let all = to_worker.chain(from_worker).collect::<Result<Vec<_>, _>>();
    all.expect("messages serialise")
}

#[test]
fn fuzz_csv_table() {
    let seeds = fixtures("csv", None);
    fuzz("csv_table", seeds, text_bound, targets::csv_table);
}

#[test]
fn fuzz_sequence() {
    let mut seeds = fixtures("csv", None);
    for seed in ["ACGT", ">seq1 example\naugc n\nAC\n", "  t a\tc\r\nNNN"] {
        seeds.push(seed.as_bytes().to_vec());
    }
    fuzz("sequence", seeds, text_bound, targets::sequence);
}

#[test]
fn fuzz_motif_text() {
    let lecture = NamedMotif {
        id: "lecture".into(),
        name: "TACAA".into(),
        pfm: lecture_motif(),
    };
    let arnt = NamedMotif {
        id: "MA0004.1".into(),
        name: "Arnt".into(),
        pfm: Pfm::from_text("CACGTG\nCACGTG\nCACGAG\nTACGTG").expect("instances"),
    };
    let seeds = [
        to_jaspar(&lecture),
        to_meme(&lecture),
        to_jaspar(&arnt),
        to_meme_many(&[lecture, arnt]),
        "4 19 0 0 0 0\n16 0 20 0 0 0\n0 1 0 20 0 20\n0 0 0 0 20 0\n".into(),
        "T [0 0 20]\nA [4 19 0]\nG [0 1 0]\nC [16 0 0]".into(),
        "MEME version 5\n\nALPHABET= ACGT\n\nMOTIF CRP\n\
         letter-probability matrix: alength= 4 w= 2\n0.5 0.5 0 0\n0 0 0.25 0.75\n\nURL x\n"
            .into(),
    ];
    let seeds = seeds.into_iter().map(String::into_bytes).collect();
    fuzz("motif_text", seeds, model_bound, targets::motif_text);
}

#[test]
fn fuzz_model_json() {
    let mut seeds = fixtures("models", Some("json"));
    let lecture = Sequential::new(ModelSpec::lecture(Padding::Same), 1).expect("the lecture CNN");
    seeds.push(lecture.to_json().into_bytes());
    let [_, regression, _] = seed_jobs();
    for spec in [ModelSpec::lecture(Padding::Valid), regression.spec] {
        seeds.push(serde_json::to_vec(&spec).expect("JSON"));
    }
    fuzz("model_json", seeds, model_bound, targets::model_json);
}

#[test]
fn fuzz_job_protocol() {
    let seeds = job_seeds();
    fuzz("job_protocol", seeds, model_bound, targets::job_protocol);
}

/// An upload read as the expression lab reads it, with the default limits (50 MB, 200,000 rows).
fn upload_with_default_limits(data: &[u8]) {
    use seqlab::data::csv::{Limits, preview, read, read_sequences};
    if let Ok(preview) = preview(data, Limits::default())
        && let Ok(table) = read(data, &preview.layout, Limits::default())
    {
        assert!(table.is_complete());
    }
    if let Ok(table) = read_sequences(data, Limits::default()) {
        assert!(table.is_complete());
    }
}

/// Large hostile uploads (issue "nothing lost, nothing crashes", upload 10): a line of 25 million
/// commas, a 20 MB sequence, and 200,000 short rows all stay within 16 bytes per input byte plus
/// 8 MiB at the peak, whichever way the file is read.
#[test]
fn large_hostile_uploads_stay_within_a_small_multiple_of_their_size() {
    let _guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let bound = |len: usize| 16 * len + (8 << 20);
    let commas = vec![b','; 25_000_000];
    execute(
        "commas",
        &commas,
        bound(commas.len()),
        upload_with_default_limits,
    );
    let mut long = b"sequence,expression\n".to_vec();
    long.extend(std::iter::repeat_n(b'A', 20_000_000));
    long.extend(b",1.5\nACGT,2\n");
    execute(
        "long-sequence",
        &long,
        bound(long.len()),
        upload_with_default_limits,
    );
    let mut rows = b"sequence,expression\n".to_vec();
    for i in 0..199_000u32 {
        rows.extend(
            format!("{:020b},{}.5\n", i, i % 7)
                .replace('0', "A")
                .replace('1', "C")
                .as_bytes(),
        );
    }
    execute(
        "many-rows",
        &rows,
        bound(rows.len()),
        upload_with_default_limits,
    );
}
