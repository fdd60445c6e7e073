//! The protein lab's state: one signal per field of [`Settings`] (each mirrored in the URL), the
//! rows (built-in avGFP variants or an upload), their split, the model's description, the run,
//! and the 3-D model of the wild type. Panels read it from context.

use super::source::{DataError, Loaded, enough, fetch_builtin, fetch_structure, read_variants};
use crate::bio::pdb::Structure;
use crate::bio::variants::Numbering;
use crate::lab::protein::settings::{CustomModel, KNOB_RANGES, ranges};
use crate::lab::protein::{
    AVGFP_WILD_TYPE, Preset, ProteinData, ProteinSplit, Settings, SingleMap, Source,
};
use crate::nn::ModelSpec;
use crate::training::job::TrainJob;
use crate::ui::keep::kept;
use crate::ui::state::{Shared, use_bounded_param, use_choice_param, use_query_param};
use crate::ui::training::TrainingSession;
use crate::ui::widgets::KnobSignals;
use leptos::prelude::*;
use std::sync::Arc;

/// An uploaded file: its name and bytes.
pub type Upload = Option<(String, Arc<Vec<u8>>)>;

/// An upload read: its rows and the numbering its positions were read with, or why not.
pub type Uploaded = Option<Result<(Shared<ProteinData>, Numbering), DataError>>;

/// What the lab keeps for the whole visit ([`kept`]): the run, the built-in rows, the upload and
/// the 3-D model.
#[derive(Clone, Copy)]
struct Kept {
    run: TrainingSession,
    builtin: RwSignal<Loaded<ProteinData>>,
    upload: RwSignal<Upload>,
    structure: RwSignal<Loaded<Structure>>,
}

/// Every signal of the lab.
#[derive(Clone, Copy)]
pub struct Prot {
    /// Where the rows come from (`data`).
    pub source: RwSignal<Source>,
    /// The built-in variants.
    pub builtin: RwSignal<Loaded<ProteinData>>,
    /// The uploaded table of variants.
    pub upload: RwSignal<Upload>,
    /// The wild type the upload's variants refer to (avGFP unless changed).
    pub wild_type: RwSignal<String>,
    /// The upload read with the numbering under which more rows agree with the wild type.
    pub uploaded: Memo<Uploaded>,
    /// Test fraction (`test`).
    pub test_fraction: RwSignal<f64>,
    /// Split seed (`split`).
    pub split_seed: RwSignal<u64>,
    /// Architecture (`preset`).
    pub preset: RwSignal<Preset>,
    /// Custom: convolution layers (`cl`).
    pub conv_layers: RwSignal<usize>,
    /// Custom: filters (`f`).
    pub filters: RwSignal<usize>,
    /// Custom: kernel size (`k`).
    pub kernel: RwSignal<usize>,
    /// Custom: dense units (`d`).
    pub dense: RwSignal<usize>,
    /// Epochs, batch, optimiser, learning rate, validation, patience, model seed.
    pub knobs: KnobSignals,
    /// The settings the form shows.
    pub settings: Memo<Settings>,
    /// The rows of the chosen source, or why there are none.
    pub data_result: Memo<Result<Shared<ProteinData>, DataError>>,
    /// The rows.
    pub data: Memo<Option<Shared<ProteinData>>>,
    /// The measured single mutants of the rows.
    pub singles: Memo<Option<Shared<SingleMap>>>,
    /// The split and the standardisation of the training scores.
    pub split: Memo<Option<Result<Shared<ProteinSplit>, DataError>>>,
    /// The architecture (for the wild type's length).
    pub spec: Memo<ModelSpec>,
    /// A fingerprint of everything a run depends on.
    pub job_key: Memo<u64>,
    /// The training run (kept for the visit, saved for the next one).
    pub run: TrainingSession,
    /// The 3-D model of avGFP.
    pub structure: RwSignal<Loaded<Structure>>,
}

impl Prot {
    /// The state, from the URL (the built-in data and the dense preset where absent).
    pub fn from_url() -> Prot {
        let d = Settings::default();
        let source = use_choice_param("data", d.source);
        let kept = kept(|| {
            let slug = super::super::protein_lab::LESSON.slug();
            let upload = RwSignal::new(None);
            crate::ui::saved::keep_upload(slug, upload, move |file| upload.set(Some(file)));
            Kept {
                run: TrainingSession::create().remembered(slug),
                builtin: RwSignal::new(Loaded::Idle),
                upload,
                structure: RwSignal::new(Loaded::Idle),
            }
        });
        kept.run.warm_up();
        let (builtin, upload) = (kept.builtin, kept.upload);
        let wild_type = use_query_param("wt", AVGFP_WILD_TYPE.to_string());
        Effect::new(move || {
            if source.get() == Source::BuiltIn
                && builtin.with_untracked(|b| matches!(b, Loaded::Idle))
            {
                fetch_builtin(builtin);
            }
        });
        let uploaded = Memo::new(move |_| {
            upload.with(|u| {
                let (_, bytes) = u.as_ref()?;
                let wild_type = wild_type.get();
                let read = |n| read_variants(bytes, &wild_type, n).map(|d| (Shared::new(d), n));
                // The numbering under which more rows fit the wild type (0-based as the built-in
                // table, 1-based as most papers).
                Some(
                    match (read(Numbering::ZeroBased), read(Numbering::OneBased)) {
                        (Ok(a), Ok(b)) if b.0.len() > a.0.len() => Ok(b),
                        (Ok(a), _) => Ok(a),
                        (Err(_), Ok(b)) => Ok(b),
                        (Err(e), Err(_)) => Err(e),
                    },
                )
            })
        });
        let data_result = Memo::new(move |_| match source.get() {
            Source::BuiltIn => match builtin.get() {
                Loaded::Ready(data) => Ok(data),
                Loaded::Failed(ko, en) => Err(DataError::Fetch(ko, en)),
                _ => Err(DataError::Loading),
            },
            Source::Upload => match uploaded.get() {
                Some(Ok((data, _))) => enough(data),
                Some(Err(e)) => Err(e),
                None => Err(DataError::NoFile),
            },
        });
        let data = Memo::new(move |_| data_result.get().ok());
        let singles =
            Memo::new(move |_| data.with(|d| d.as_ref().map(|d| Shared::new(SingleMap::new(d)))));
        let test_fraction = use_bounded_param("test", d.test_fraction, ranges::TEST_FRACTION);
        let split_seed = use_query_param("split", d.split_seed);
        let split = Memo::new(move |_| {
            let data = data.get()?;
            Some(
                ProteinSplit::new(&data, test_fraction.get(), split_seed.get())
                    .map(Shared::new)
                    .map_err(DataError::Values),
            )
        });
        let preset = use_choice_param("preset", d.preset);
        let conv_layers = use_bounded_param("cl", d.custom.conv_layers, ranges::CONV_LAYERS);
        let filters = use_bounded_param("f", d.custom.filters, ranges::FILTERS);
        let kernel = use_bounded_param("k", d.custom.kernel_size, ranges::KERNEL);
        let dense = use_bounded_param("d", d.custom.dense, ranges::DENSE);
        let knobs = KnobSignals::from_url(d.knobs, KNOB_RANGES);
        let settings = Memo::new(move |_| Settings {
            source: source.get(),
            test_fraction: test_fraction.get(),
            split_seed: split_seed.get(),
            preset: preset.get(),
            custom: CustomModel {
                conv_layers: conv_layers.get(),
                filters: filters.get(),
                kernel_size: kernel.get(),
                dense: dense.get(),
            },
            knobs: knobs.get(),
        });
        let length = Memo::new(move |_| {
            data.with(|d| {
                d.as_ref()
                    .map_or(AVGFP_WILD_TYPE.len(), |d| d.wild_type.len())
            })
        });
        // Which rows the settings apply to: an upload is named by its file, size and wild type.
        let rows_id = Memo::new(move |_| {
            let file = upload.with(|u| u.as_ref().map(|(n, b)| (n.clone(), b.len())));
            crate::lab::fingerprint(&(file, wild_type.get()))
        });
        let structure = kept.structure;
        if structure.with_untracked(|s| matches!(s, Loaded::Idle)) {
            fetch_structure(structure);
        }
        Prot {
            source,
            builtin,
            upload,
            wild_type,
            uploaded,
            test_fraction,
            split_seed,
            preset,
            conv_layers,
            filters,
            kernel,
            dense,
            knobs,
            settings,
            data_result,
            data,
            singles,
            split,
            spec: Memo::new(move |_| settings.with(|s| s.spec(length.get()))),
            job_key: Memo::new(move |_| settings.with(|s| s.key(rows_id.get()))),
            run: kept.run,
            structure,
        }
    }

    /// The split, if the rows can be split.
    pub fn split_now(&self) -> Option<Shared<ProteinSplit>> {
        self.split.get().and_then(Result::ok)
    }

    /// The worker's job for the current settings, if there are rows.
    pub fn job(&self) -> Option<TrainJob> {
        let data = self.data.get_untracked()?;
        let split = self.split.get_untracked()?.ok()?;
        Some(self.settings.with_untracked(|s| s.job(&data, &split)))
    }
}
