//! Where the protein lab's rows come from — the built-in avGFP variants (fetched once, next to the
//! app) or the student's table of variants of a wild type — and the 3-D model of the wild type.

use crate::bio::pdb::{PdbError, Structure};
use crate::bio::variants::{Numbering, WildType};
use crate::data::csv::{FileError, Limits};
use crate::lab::expression::ValuesError;
use crate::lab::protein::{AVGFP_WILD_TYPE, DATA_FILE, ProteinData, STRUCTURE_FILE};
use crate::lang::Lang;
use crate::ui::i18n::Bi;
use crate::ui::state::Shared;
use crate::ui::tasks::{FetchError, fetch_gzip, next_task};
use leptos::prelude::*;

/// A file fetched and read once.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded<T> {
    /// Not asked for yet.
    Idle,
    /// Being fetched and read.
    Loading,
    /// Read.
    Ready(Shared<T>),
    /// It could not be (the reason, in both languages).
    Failed(String, String),
}

/// The fewest rows a run accepts.
pub const MIN_ROWS: usize = 20;

/// Why there are no rows to train on.
#[derive(Clone, Debug, PartialEq)]
pub enum DataError {
    /// The built-in data is still loading.
    Loading,
    /// The built-in data could not be fetched (Korean, English).
    Fetch(String, String),
    /// No file chosen yet.
    NoFile,
    /// The wild type typed for an upload is not a protein.
    WildType(String, String),
    /// The upload cannot be read.
    File(FileError),
    /// Too few accepted rows.
    TooFew(usize),
    /// The scores cannot be learned from (all equal).
    Values(ValuesError),
}

impl DataError {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DataError::Loading => lang
                .pick(
                    "GFP 변이 데이터를 불러오는 중…",
                    "Loading the GFP variants…",
                )
                .to_string(),
            DataError::Fetch(ko, en) => lang.pick(ko.clone(), en.clone()),
            DataError::NoFile => lang
                .pick(
                    "변이 열과 점수 열이 있는 CSV 또는 TSV 파일을 고르세요.",
                    "Choose a CSV or TSV file with a variant column and a score column.",
                )
                .to_string(),
            DataError::WildType(ko, en) => {
                lang.pick(format!("야생형 서열: {ko}"), format!("Wild type: {en}"))
            }
            DataError::File(e) => e.message(lang),
            DataError::TooFew(n) => lang.pick(
                format!("받아들인 행이 {n}개뿐입니다. 적어도 {MIN_ROWS}개가 필요합니다."),
                format!("Only {n} rows were accepted; at least {MIN_ROWS} are needed."),
            ),
            DataError::Values(e) => e.message(lang),
        }
    }
}

crate::message!(DataError);

/// Fetches and reads the built-in variants into `into` (`Loading` meanwhile). The table is read
/// in a task after the download's, so the page shows "loading" first.
pub fn fetch_builtin(into: RwSignal<Loaded<ProteinData>>) {
    into.set(Loaded::Loading);
    leptos::task::spawn_local(async move {
        let loaded = match fetch_gzip(DATA_FILE).await {
            Ok(bytes) => {
                next_task().await;
                read_variants(&bytes, AVGFP_WILD_TYPE, Numbering::ZeroBased)
                    .map_or_else(|e| failed(&e), |data| Loaded::Ready(Shared::new(data)))
            }
            Err(e) => fetch_failed(e, Bi::new("GFP 변이 데이터", "The GFP variants")),
        };
        into.try_set(loaded);
    });
}

fn failed<T>(e: &DataError) -> Loaded<T> {
    Loaded::Failed(e.message(Lang::Ko), e.message(Lang::En))
}

/// Fetches and reads the 3-D model of the wild type into `into`.
pub fn fetch_structure(into: RwSignal<Loaded<Structure>>) {
    into.set(Loaded::Loading);
    leptos::task::spawn_local(async move {
        let loaded = match fetch_gzip(STRUCTURE_FILE).await {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                match Structure::parse(&text) {
                    Ok(s) => Loaded::Ready(Shared::new(s)),
                    Err(e) => pdb_failed(&e),
                }
            }
            Err(e) => fetch_failed(e, Bi::new("GFP의 3차원 구조 모델", "The 3-D model of GFP")),
        };
        into.try_set(loaded);
    });
}

fn fetch_failed<T>(e: FetchError, what: Bi) -> Loaded<T> {
    Loaded::Failed(e.message(what, Lang::Ko), e.message(what, Lang::En))
}

fn pdb_failed<T>(e: &PdbError) -> Loaded<T> {
    Loaded::Failed(e.message(Lang::Ko), e.message(Lang::En))
}

/// Reads a table of variants of `wild_type` (numbered as `numbering` says), however few rows it
/// accepts (the page lists them; [`enough`] says whether there are enough to train on).
///
/// # Errors
/// Why the file or the wild type cannot be read at all.
pub fn read_variants(
    bytes: &[u8],
    wild_type: &str,
    numbering: Numbering,
) -> Result<ProteinData, DataError> {
    let wild_type = WildType::new(wild_type)
        .map_err(|e| DataError::WildType(e.message(Lang::Ko), e.message(Lang::En)))?;
    let data = ProteinData::parse(bytes, &wild_type, numbering, Limits::default())
        .map_err(DataError::File)?;
    Ok(data)
}

/// `data` if it holds at least [`MIN_ROWS`] rows to train on.
///
/// # Errors
/// [`DataError::TooFew`] with the number of rows accepted.
pub fn enough(data: Shared<ProteinData>) -> Result<Shared<ProteinData>, DataError> {
    if data.len() < MIN_ROWS {
        return Err(DataError::TooFew(data.len()));
    }
    Ok(data)
}
