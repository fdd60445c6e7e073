//! The training knobs every lab shares ([`crate::lab::knobs`]) as signals mirrored in the URL
//! under their one set of keys, and the form fields that edit them.

use crate::bounds::SEED;
use crate::lab::knobs::{KnobRanges, Knobs, Optimizer, keys};
use crate::ui::i18n::Bi;
use crate::ui::state::{use_bounded_param, use_choice_param};
use crate::ui::widgets::{NumberField, SelectField};
use leptos::prelude::*;

/// One signal per shared knob.
#[derive(Clone, Copy)]
pub struct KnobSignals {
    /// Epochs (`ep`).
    pub epochs: RwSignal<usize>,
    /// Batch size (`bs`).
    pub batch: RwSignal<usize>,
    /// Learning rate (`lr`).
    pub learning_rate: RwSignal<f32>,
    /// Optimiser (`opt`).
    pub optimizer: RwSignal<Optimizer>,
    /// Validation share (`val`).
    pub validation: RwSignal<f64>,
    /// Early-stopping patience, 0 = off (`pat`).
    pub patience: RwSignal<usize>,
    /// Model seed (`mseed`).
    pub model_seed: RwSignal<u64>,
    /// Their ranges on this page.
    pub ranges: KnobRanges,
}

impl KnobSignals {
    /// The knobs from the URL, `defaults` where absent, held in `ranges`.
    pub fn from_url(defaults: Knobs, ranges: KnobRanges) -> KnobSignals {
        KnobSignals {
            epochs: use_bounded_param(keys::EPOCHS, defaults.epochs, ranges.epochs),
            batch: use_bounded_param(keys::BATCH, defaults.batch, ranges.batch),
            learning_rate: use_bounded_param(
                keys::LEARNING_RATE,
                defaults.learning_rate,
                ranges.learning_rate,
            ),
            optimizer: use_choice_param(keys::OPTIMIZER, defaults.optimizer),
            validation: use_bounded_param(keys::VALIDATION, defaults.validation, ranges.validation),
            patience: use_bounded_param(keys::PATIENCE, defaults.patience, ranges.patience),
            model_seed: use_bounded_param(keys::MODEL_SEED, defaults.model_seed, SEED),
            ranges,
        }
    }

    /// The knobs as the form shows them.
    pub fn get(self) -> Knobs {
        Knobs {
            epochs: self.epochs.get(),
            batch: self.batch.get(),
            learning_rate: self.learning_rate.get(),
            optimizer: self.optimizer.get(),
            validation: self.validation.get(),
            patience: self.patience.get(),
            model_seed: self.model_seed.get(),
        }
    }

    /// Puts `knobs` into the form.
    pub fn apply(self, knobs: Knobs) {
        self.epochs.set(knobs.epochs);
        self.batch.set(knobs.batch);
        self.learning_rate.set(knobs.learning_rate);
        self.optimizer.set(knobs.optimizer);
        self.validation.set(knobs.validation);
        self.patience.set(knobs.patience);
        self.model_seed.set(knobs.model_seed);
    }
}

/// The optimiser, learning rate, batch size, epochs, patience (where the page stops early) and
/// model seed fields, with ids `<prefix>-optimizer`, `<prefix>-lr`, `<prefix>-batch`,
/// `<prefix>-epochs`, `<prefix>-patience` and `<prefix>-model-seed`. (The validation share sits
/// with the split, on each page's data step.)
#[component]
pub fn KnobFields(
    /// The knobs.
    knobs: KnobSignals,
    /// The prefix of the fields' ids (`lab`, `expr`, …).
    prefix: &'static str,
) -> impl IntoView {
    let id = move |name: &str| format!("{prefix}-{name}");
    let ranges = knobs.ranges;
    let early_stopping = ranges.patience.max > 0;
    let epochs = if early_stopping {
        Bi::new("최대 에포크", "Epochs (at most)")
    } else {
        Bi::new("에포크", "Epochs")
    };
    view! {
        <div class="field-row">
            <SelectField id=id("optimizer") label=Bi::new("최적화기", "Optimiser") value=knobs.optimizer
                options=vec![
                    (Optimizer::Adam, Bi::new("Adam", "Adam")),
                    (Optimizer::Sgd, Bi::new("SGD (모멘텀 0.9)", "SGD (momentum 0.9)")),
                ] />
            <NumberField id=id("lr") label=Bi::new("학습률", "Learning rate") value=knobs.learning_rate bounds=ranges.learning_rate step="any" />
            <NumberField id=id("batch") label=Bi::new("배치 크기", "Batch size") value=knobs.batch bounds=ranges.batch />
            <NumberField id=id("epochs") label=epochs value=knobs.epochs bounds=ranges.epochs />
            {early_stopping.then(|| view! {
                <NumberField id=id("patience") label=Bi::new("조기 종료 인내 (0 = 끔)", "Early-stopping patience (0 = off)") value=knobs.patience bounds=ranges.patience />
            })}
            <NumberField id=id("model-seed") label=Bi::new("모델 시드", "Model seed") value=knobs.model_seed bounds=SEED />
        </div>
    }
}
