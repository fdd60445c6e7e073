//! Where the expression lab's rows come from: the built-in real data (fetched once, next to the
//! app) and why a source may have no rows to train on.

use crate::data::csv::{FileError, Limits, Table, preview, read};
use crate::lab::expression::ValuesError;
use crate::lang::Lang;
use crate::ui::i18n::Bi;
use crate::ui::tasks::fetch_gzip;
use leptos::prelude::*;

/// Where the built-in data is served from (next to the app).
pub const REAL_DATA: &str = "data/sample2019_m1psi_mrl.csv.gz";

/// The built-in data, as a failure message names it.
const WHAT: Bi = Bi::new("실제 데이터", "The real data");

/// The built-in data's loading state.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Not asked for yet.
    Idle,
    /// Being fetched and read.
    Loading,
    /// Read.
    Ready(Table),
    /// It could not be fetched or read (the reason, in Korean and English).
    Failed(String, String),
}

/// Why there are no rows to train on.
#[derive(Clone, Debug, PartialEq)]
pub enum DataError {
    /// The built-in data is still loading.
    Loading,
    /// The built-in data could not be fetched or read (Korean, English).
    Fetch(String, String),
    /// No file chosen yet.
    NoFile,
    /// The upload cannot be read.
    File(FileError),
    /// Too few accepted rows to split and train.
    TooFew(usize),
    /// The values cannot be learned from (all equal).
    Values(ValuesError),
}

/// The fewest rows a lab run accepts.
pub const MIN_ROWS: usize = 20;

impl DataError {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DataError::Loading => lang
                .pick("실제 데이터를 불러오는 중…", "Loading the real data…")
                .to_string(),
            DataError::Fetch(ko, en) => lang.pick(ko.clone(), en.clone()),
            DataError::NoFile => lang
                .pick(
                    "CSV 또는 TSV 파일을 고르거나 여기로 끌어 놓으세요.",
                    "Choose a CSV or TSV file, or drop one here.",
                )
                .to_string(),
            DataError::File(e) => e.message(lang),
            DataError::Values(e) => e.message(lang),
            DataError::TooFew(n) => lang.pick(
                format!("받아들인 행이 {n}개뿐입니다. 적어도 {MIN_ROWS}개가 필요합니다."),
                format!("Only {n} rows were accepted; at least {MIN_ROWS} are needed."),
            ),
        }
    }
}

crate::message!(DataError);

/// Fetches and reads the built-in data into `real`, which shows `Loading` meanwhile.
pub fn fetch_real(real: RwSignal<Loaded>) {
    real.set(Loaded::Loading);
    leptos::task::spawn_local(async move {
        let loaded = match fetch_gzip(REAL_DATA).await {
            Ok(bytes) => match preview(&bytes, Limits::default())
                .and_then(|p| read(&bytes, &p.layout, Limits::default()))
            {
                Ok(table) => Loaded::Ready(table),
                Err(e) => Loaded::Failed(
                    format!("실제 데이터를 읽지 못했습니다: {}", e.message(Lang::Ko)),
                    format!("The real data could not be read: {}", e.message(Lang::En)),
                ),
            },
            Err(e) => Loaded::Failed(e.message(WHAT, Lang::Ko), e.message(WHAT, Lang::En)),
        };
        real.try_set(loaded);
    });
}
