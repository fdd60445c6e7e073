//! The bounded fuzzing engine of `tests/fuzz_bounded.rs`: a counting global allocator (each
//! execution's peak memory), a seeded mutator (bit flips, insertions and deletions, splices,
//! interesting tokens, long runs of one byte) and the time- and execution-bounded loop.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::alloc::{GlobalAlloc, Layout, System};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Bytes allocated now, and the most since the last reset.
pub static CURRENT: AtomicUsize = AtomicUsize::new(0);
pub static PEAK: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, counting.
pub struct Counting;

pub fn grew(bytes: usize) {
    let now = CURRENT.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

pub fn shrank(bytes: usize) {
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
pub static ALLOCATOR: Counting = Counting;

/// The allocator counts every thread, so the tests of this binary run one at a time.
pub static LOCK: Mutex<()> = Mutex::new(());

/// Executions per target at most (`SEQLAB_FUZZ_EXECUTIONS` raises it for long runs).
pub const MAX_EXECUTIONS: usize = 200_000;
/// Mutants are cut to this length (a long sequence needs > 10,000 letters).
pub const MAX_INPUT: usize = 1 << 17;
/// Mutants kept besides the seeds, for stacking mutations.
pub const KEPT: usize = 256;

/// Tokens that break parsers: separators, line ends, bytes that are not UTF-8, special and
/// overflowing numbers, JSON structure and the fields that size a model, format keywords.
#[rustfmt::skip]
pub const TOKENS: &[&[u8]] = &[
    b"\"", b",", b";", b"\t", b"\r", b"\n", b"\r\n", b"\0", b"\xFF\xFE", b"\xFE\xFF",
    b"\xEF\xBB\xBF", b"NaN", b"inf", b"1e309", b"-0", b"9223372036854775807",
    b"18446744073709551615", b"4000000000", b"{", b"}", b"[", b"]", b"\"filters\":", b"\"units\":",
    b"\"type\":", b"null", b"\"NaN\"", b"\"Infinity\"", b">", b"MEME version 4\n", b"ALPHABET=",
    b"letter-probability matrix: alength= 4 w= ", b"nsites= ", b"A  [ ", b"ACGTN", b"|",
];
/// Bytes of the long runs (or a random one).
pub const RUN_BYTES: &[u8] = b"A,;\"\t\r\n0 9[{>-";

/// Peak bound of `csv_table` and `sequence`: they keep a small multiple of the input (the decoded
/// text, one record per row, sorted row indices), so 64 bytes per input byte and 8 MiB of slack.
pub fn text_bound(len: usize) -> usize {
    64 * len + (8 << 20)
}

/// Peak bound of `model_json`, `motif_text` and `job_protocol`: a model at the 5-million-parameter
/// limit is allowed to exist (and a training step may plan 768 MB), so these are not bounded by
/// the input's size; but the fuzz inputs are small, the targets build at most 200,000 parameters
/// and train only small jobs, so a fixed 256 MiB is never needed unless something runs away.
pub fn model_bound(_len: usize) -> usize {
    256 << 20
}

/// Replaces `range` of `input` with `with`.
pub fn replace(input: &mut Vec<u8>, range: std::ops::Range<usize>, with: &[u8]) {
    let tail = input.split_off(range.end);
    input.truncate(range.start);
    input.extend_from_slice(with);
    input.extend_from_slice(&tail);
}

/// One random mutation of `input`; `pool` gives the other entries to splice from.
pub fn mutate(rng: &mut ChaCha8Rng, input: &mut Vec<u8>, pool: &[Vec<u8>]) {
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
pub fn keep_failure(name: &str, input: &[u8], what: &str) {
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
pub fn execute(name: &str, input: &[u8], bound: usize, target: fn(&[u8])) {
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
pub fn export_corpus(name: &str, seeds: &[Vec<u8>]) {
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
pub fn env<T: std::str::FromStr>(key: &str) -> Option<T> {
    std::env::var(key).ok()?.trim().parse().ok()
}

/// The seeds, unchanged, then mutants for the time budget.
pub fn fuzz(name: &str, seeds: Vec<Vec<u8>>, bound: fn(usize) -> usize, target: fn(&[u8])) {
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
pub fn fixtures(dir: &str, extension: Option<&str>) -> Vec<Vec<u8>> {
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
