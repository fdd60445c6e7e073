//! The fuzz targets' bodies, shared by the cargo-fuzz crate (`fuzz/`, libFuzzer, nightly) and the
//! stable bounded run in `cargo test` (`tests/fuzz_bounded.rs`), so both check exactly the same
//! things. Each function takes any bytes and panics only when an invariant is violated:
//!
//! - [`csv_table`]: an upload's preview, its rows read with the guessed layout (and with the header
//!   and the decimal mark flipped) and as a list of sequences: every line is accounted for
//!   (`Table::is_complete`), every message exists in both languages, quoted field text is cut.
//! - [`sequence`]: a parsed sequence written back with `to_text` parses to the same symbols.
//! - [`motif_text`]: a motif read from JASPAR or MEME text is written as JASPAR and read back with
//!   the same counts (4 decimals), and as MEME and read back with the same width.
//! - [`model_json`]: model files and bare architectures are read, checked and (when small) built
//!   without panicking; an imported model holds exactly the file's weights.
//! - [`job_protocol`]: every worker message that parses survives a JSON round trip; a small
//!   `start` job runs to its `finished` report, every message it sends surviving the round trip.

use seqlab::bio::alphabet::to_text;
use seqlab::bio::formats::{parse_motif, to_jaspar, to_meme};
use seqlab::bio::parse_sequence;
use seqlab::data::csv::{
    Decimal, FileError, Layout, Limits, RowError, Table, preview, read, read_sequences,
};
use seqlab::lang::{Lang, QUOTED_CHARS};
use seqlab::nn::{MODEL_LIMITS, ModelSpec, SavedModel, Sequential};
use seqlab::training::job::{FromWorker, JobRunner, ToWorker, TrainJob};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Small upload limits, so a fuzzed file stays fast (the defaults allow 50 MB and 200,000 rows).
const CSV_LIMITS: Limits = Limits {
    max_bytes: 1 << 20,
    max_rows: 5_000,
    max_columns: 1_000,
    max_length: 10_000,
};

/// The longest text a message may quote: [`QUOTED_CHARS`] characters and `…`.
const QUOTED_MAX: usize = QUOTED_CHARS + 1;

/// The start of `text`, for a panic message (a fuzzed input can be large).
fn excerpt(text: &str) -> &str {
    text.char_indices()
        .nth(300)
        .map_or(text, |(cut, _)| &text[..cut])
}

/// Every message of an error exists in both languages.
fn assert_messages(what: &str, message: impl Fn(Lang) -> String) {
    for lang in Lang::ALL {
        assert!(
            !message(lang).trim().is_empty(),
            "{what}: empty {lang:?} message"
        );
    }
}

/// A table read from an upload accounts for every line, and its rejections are explained.
fn check_table(what: &str, result: Result<Table, FileError>) {
    let table = match result {
        Ok(table) => table,
        Err(error) => {
            assert_messages(what, |lang| error.message(lang));
            return;
        }
    };
    assert!(
        table.is_complete(),
        "{what}: {} accepted + {} rejected + {} blank + {} header + {} joined != {} lines",
        table.rows.len(),
        table.rejected.len(),
        table.blank_lines,
        table.header_lines,
        table.joined_lines,
        table.lines
    );
    for rejected in &table.rejected {
        assert_messages(what, |lang| rejected.error.message(lang));
        if let RowError::NotANumber { text } | RowError::NotFinite { text } = &rejected.error {
            assert!(
                text.chars().count() <= QUOTED_MAX,
                "{what}: line {} quotes {} characters",
                rejected.line,
                text.chars().count()
            );
        }
    }
}

/// An upload (CSV/TSV/…, any bytes): preview, read with the guessed layout and with its header and
/// decimal mark flipped, and read as a list of sequences.
pub fn csv_table(data: &[u8]) {
    match preview(data, CSV_LIMITS) {
        Ok(preview) => {
            for field in preview.columns.iter().chain(preview.rows.iter().flatten()) {
                assert!(
                    field.chars().count() <= QUOTED_MAX,
                    "preview: a field of {} characters is shown",
                    field.chars().count()
                );
            }
            let layout = preview.layout;
            check_table("read", read(data, &layout, CSV_LIMITS));
            let header = Layout {
                has_header: !layout.has_header,
                ..layout.clone()
            };
            check_table("read (header flipped)", read(data, &header, CSV_LIMITS));
            let decimal = Layout {
                decimal: match layout.decimal {
                    Decimal::Point => Decimal::Comma,
                    Decimal::Comma => Decimal::Point,
                },
                ..layout
            };
            check_table("read (decimal flipped)", read(data, &decimal, CSV_LIMITS));
        }
        Err(error) => assert_messages("preview", |lang| error.message(lang)),
    }
    check_table("read_sequences", read_sequences(data, CSV_LIMITS));
}

/// A typed or pasted sequence (UTF-8 text): what `to_text` writes parses to the same symbols.
pub fn sequence(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_sequence(text) {
        Ok(symbols) => {
            let written = to_text(&symbols);
            let again = parse_sequence(&written).unwrap_or_else(|e| {
                panic!("to_text wrote {:?}, which fails: {e}", excerpt(&written))
            });
            assert!(
                again == symbols,
                "{:?} reads back differently",
                excerpt(&written)
            );
        }
        Err(error) => assert_messages("parse_sequence", |lang| error.message(lang)),
    }
}

/// A motif file (UTF-8 text, JASPAR or MEME): written as JASPAR it reads back with the same counts
/// (JASPAR cells have at most 4 decimals, so within 1e-4·max(1, |count|)) and width; written as
/// MEME it reads back with the same width (MEME stores probabilities and `nsites`).
pub fn motif_text(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let motif = match parse_motif(text) {
        Ok(motif) => motif,
        Err(error) => {
            assert_messages("parse_motif", |lang| error.message(lang));
            return;
        }
    };
    let width = motif.pfm.width();
    let jaspar = to_jaspar(&motif);
    let back = parse_motif(&jaspar).unwrap_or_else(|e| {
        panic!(
            "to_jaspar wrote text that fails ({e}):\n{}",
            excerpt(&jaspar)
        )
    });
    assert_eq!(back.pfm.width(), width, "JASPAR changed the width");
    for (a, b) in motif.pfm.counts().iter().zip(back.pfm.counts()) {
        assert!(
            (a - b).abs() <= 1e-4 * a.abs().max(1.0),
            "JASPAR changed a count: {a} became {b}"
        );
    }
    let meme = to_meme(&motif);
    let back = parse_motif(&meme)
        .unwrap_or_else(|e| panic!("to_meme wrote text that fails ({e}):\n{}", excerpt(&meme)));
    assert_eq!(back.pfm.width(), width, "MEME changed the width");
}

/// A model file or a bare architecture (UTF-8 JSON): reading, checking and building never panic;
/// an imported model holds exactly the file's weights; a checked architecture of at most 200,000
/// parameters (kept small for speed; the limit is 5 million) is built.
pub fn model_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match SavedModel::from_json(text) {
        Ok(saved) => {
            match Sequential::from_saved(&saved) {
                Ok(model) => {
                    let weights = model.to_saved().weights;
                    assert_eq!(weights.len(), saved.weights.len(), "tensors lost on import");
                    for (built, file) in weights.iter().zip(&saved.weights) {
                        assert_eq!(built.shape, file.shape, "a tensor changed shape on import");
                        let same = built.values.len() == file.values.len()
                            && built
                                .values
                                .iter()
                                .zip(&file.values)
                                .all(|(a, b)| a.to_bits() == b.to_bits());
                        assert!(same, "an imported weight is not the file's");
                    }
                }
                Err(error) => assert_messages("Sequential::from_saved", |lang| error.message(lang)),
            }
            if let Err(error) = saved.check_fits(&[20, 4], &[2]) {
                assert_messages("SavedModel::check_fits", |lang| error.message(lang));
            }
        }
        Err(error) => assert_messages("SavedModel::from_json", |lang| error.message(lang)),
    }
    let Ok(spec) = serde_json::from_str::<ModelSpec>(text) else {
        return;
    };
    match (spec.facts(), spec.summary()) {
        (Ok(facts), Ok(summary)) => {
            assert_eq!(summary.rows.len(), spec.layers.len(), "summary rows");
            assert_eq!(summary.total_params(), facts.params, "summary total");
        }
        (Err(error), Err(same)) => {
            assert_eq!(error, same, "facts and summary disagree");
            assert_messages("ModelSpec::facts", |lang| error.message(lang));
        }
        (facts, summary) => panic!("facts and summary disagree: {facts:?} / {summary:?}"),
    }
    match spec.check(&MODEL_LIMITS) {
        Ok(facts) if facts.params <= 200_000 => {
            let model = Sequential::new(spec, 0).unwrap_or_else(|e| {
                panic!(
                    "a checked model of {} parameters is not built: {e}",
                    facts.params
                )
            });
            assert_eq!(model.param_count(), facts.params, "built parameters");
        }
        Ok(facts) => assert!(facts.params <= MODEL_LIMITS.max_params, "check let it pass"),
        Err(error) => assert_messages("ModelSpec::check", |lang| error.message(lang)),
    }
}

/// The message as JSON: it must parse back and write the same text again (strings are compared,
/// since NaN != NaN).
fn round_trip<T: Serialize + DeserializeOwned>(message: &T) {
    let text = serde_json::to_string(message).expect("a message serialises");
    let back: T = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} does not parse back: {e}", excerpt(&text)));
    let again = serde_json::to_string(&back).expect("a message serialises");
    assert!(
        again == text,
        "a round trip changed the message:\n{}\n{}",
        excerpt(&text),
        excerpt(&again)
    );
}

/// Whether a fuzzed job is small enough to train here. These are the fuzzer's speed guards, not
/// invariants: at most 50,000 parameters, 200 rows and 3 epochs (as in the brief), and also a
/// padded length of at most 10,000, at most 64 MiB for a training step and at most 50 million
/// multiply-adds for the whole run. A job whose architecture cannot be counted is run too: the
/// runner must refuse it before it allocates anything.
fn small_job(job: &TrainJob) -> bool {
    let Ok(facts) = job.spec.facts() else {
        return true;
    };
    let rows = job.train.len();
    let input = job
        .spec
        .input_shape
        .iter()
        .try_fold(1usize, |a, &d| a.checked_mul(d));
    let batch = job.config.batch_size.clamp(1, rows.max(1));
    let step_bytes = input.and_then(|input| facts.training_bytes(input, batch));
    let macs = facts
        .layers
        .iter()
        .fold(0usize, |a, l| a.saturating_add(l.macs));
    facts.params <= 50_000
        && rows <= 200
        && job.config.epochs <= 3
        && job.fit_length.is_none_or(|length| length <= 10_000)
        && step_bytes.is_some_and(|bytes| bytes <= 64 << 20)
        && macs.saturating_mul(rows).saturating_mul(job.config.epochs) <= 50_000_000
}

/// Runs a job as the worker does (one batch per step, a fake clock), stopping and resuming once;
/// when the run ends, its last message is `finished`.
fn run_job(job: TrainJob) {
    let mut runner = match JobRunner::start(job) {
        Ok(runner) => runner,
        Err(failure) => {
            assert!(
                !failure.ko.trim().is_empty() && !failure.en.trim().is_empty(),
                "a job failure without a message: {failure:?}"
            );
            round_trip(&FromWorker::from(failure));
            return;
        }
    };
    round_trip(&runner.started());
    let mut clock = 0.0;
    let mut now = || {
        clock += 0.001;
        clock
    };
    let mut last = None;
    for step in 0..10_000 {
        if !runner.is_running() {
            break;
        }
        if step == 2 {
            round_trip(&runner.stop());
            assert!(!runner.is_running(), "a stopped run still runs");
            runner.resume(0);
        }
        for message in runner.step(&mut now) {
            round_trip(&message);
            last = Some(message);
        }
    }
    if !runner.is_running() {
        let shown = format!("{last:?}");
        assert!(
            matches!(last, Some(FromWorker::Finished { .. })),
            "the run ended without a finished report; last message: {}",
            excerpt(&shown)
        );
    }
}

/// A worker message (UTF-8 JSON) either way: whatever parses survives a round trip; a small
/// `start` job runs.
pub fn job_protocol(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(message) = serde_json::from_str::<FromWorker>(text) {
        round_trip(&message);
    }
    if let Ok(message) = serde_json::from_str::<ToWorker>(text) {
        round_trip(&message);
        if let ToWorker::Start(job) = message
            && small_job(&job)
        {
            run_job(*job);
        }
    }
}
