//! The bench's settings: rows, learning rate, filters, kernel size, epochs, batch size, early
//! stopping and seed, with what they imply (validation rows, updates per epoch, parameters) shown
//! live, then the shared Train / Stop / Continue controls and curves.

use super::state::Over;
use crate::lab::overfitting::ranges;
use crate::lab::overfitting::{BATCH_SIZES, LEARNING_RATES, ROW_CHOICES};
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::widgets::{Math, Metric, NumberField, RadioGroup, TrainControls};
use leptos::prelude::*;

fn rows_options() -> Vec<(usize, Bi)> {
    let labels = ["100", "200", "500", "1,000", "2,000", "5,000"];
    ROW_CHOICES
        .into_iter()
        .zip(labels)
        .map(|(v, text)| (v, Bi::new(text, text)))
        .collect()
}

fn batch_options() -> Vec<(usize, Bi)> {
    let labels = [
        Bi::new("4", "4"),
        Bi::new("16", "16"),
        Bi::new("32", "32"),
        Bi::new("128", "128"),
        Bi::new("전부 (한 배치)", "all (one batch)"),
    ];
    BATCH_SIZES.into_iter().zip(labels).collect()
}

fn rate_options() -> Vec<(f64, Bi)> {
    let labels = ["0.0001", "0.001", "0.01", "0.1", "1"];
    LEARNING_RATES
        .into_iter()
        .zip(labels)
        .map(|(v, text)| (v, Bi::new(text, text)))
        .collect()
}

/// The form, the implied numbers and the training controls.
#[component]
pub fn SettingsPanel() -> impl IntoView {
    let over = expect_context::<Over>();
    let lang = use_lang();
    let settings = Memo::new(move |_| over.settings());
    let parameters = Memo::new(move |_| {
        settings
            .get()
            .spec()
            .param_count()
            .map_err(|e| e.message(lang.get()))
    });
    let implied = move || {
        let s = settings.get();
        let lang = lang.get();
        let params = match parameters.get() {
            Ok(p) => p.to_string(),
            Err(e) => e,
        };
        lang.pick(
            format!(
                "훈련 {}행 · 검증 {}행 · 에포크마다 가중치 갱신 {}번 · 매개변수 {}",
                s.fitted_rows(),
                s.validation_rows(),
                s.updates_per_epoch(),
                params
            ),
            format!(
                "{} rows fitted · {} rows for validation · {} weight updates per epoch · {} parameters",
                s.fitted_rows(),
                s.validation_rows(),
                s.updates_per_epoch(),
                params
            ),
        )
    };
    let updates = move || {
        let s = settings.get();
        // latex2mathml drops spaces inside \text, so words are joined by a `\;` space.
        let text = |words: &str| format!(r"\text{{{}}}", words.replace(' ', r"}\;\text{"));
        let (updates, rows, batch) = lang.get().pick(
            ("갱신 횟수", "훈련 행", "배치 크기"),
            ("updates", "rows", "batch"),
        );
        format!(
            r"{} = \left\lceil \frac{{{}}}{{{}}} \right\rceil = \left\lceil \frac{{{}}}{{{}}} \right\rceil = {}",
            text(updates),
            text(rows),
            text(batch),
            s.fitted_rows(),
            s.batch_size,
            s.updates_per_epoch()
        )
    };
    let key = Signal::derive(move || settings.get().key());
    let ready = Signal::derive(move || parameters.with(Result::is_ok));
    view! {
        <section class="panel" aria-labelledby="over-bench">
            <h2 id="over-bench">{tr("실험대: 설정을 고르고 학습하기", "The bench: choose settings and train")}</h2>
            <p>{tr(
                "데이터는 모티프 실험실과 같은 방식으로 만든 20-nt 서열입니다. 절반에는 CCGGAA 모티프가 임의의 위치에 심어져 있습니다. 학습할 행 수를 고르면 그중 마지막 20 %가 검증 세트로 빠지고, 테스트 세트 1,000행은 어떤 실행에서도 학습이나 검증에 쓰이지 않습니다.",
                "The data are 20-nt sequences made as in the motif lab: half carry the CCGGAA motif at a random position. Of the rows you choose, the last 20 % are held out for validation; a test set of 1,000 rows is never used for training or validation by any run.",
            )}</p>
            <div class="field-row">
                <RadioGroup name="over-rows" legend=Bi::new("훈련 행 수 (검증 포함)", "Rows (validation included)") options=rows_options() value=over.rows />
                <RadioGroup name="over-lr" legend=Bi::new("학습률 (Adam)", "Learning rate (Adam)") options=rate_options() value=over.learning_rate />
                <RadioGroup name="over-batch" legend=Bi::new("배치 크기", "Batch size") options=batch_options() value=over.batch />
            </div>
            <div class="field-row">
                <NumberField id="over-filters" label=Bi::new("필터 수", "Filters") value=over.filters bounds=ranges::FILTERS />
                <NumberField id="over-kernel" label=Bi::new("커널 크기", "Kernel size") value=over.kernel bounds=ranges::KERNEL />
                <NumberField id="over-epochs" label=Bi::new("최대 에포크", "Epochs (at most)") value=over.epochs bounds=ranges::EPOCHS />
                <NumberField id="over-seed" label=Bi::new("시드", "Seed") value=over.seed bounds=ranges::SEED />
            </div>
            <div class="field-row">
                <label class="inline">
                    <input type="checkbox" data-testid="over-es" prop:checked=move || over.early_stopping.get() on:change=move |ev| over.early_stopping.set(event_target_checked(&ev)) />
                    {tr("조기 종료 (검증 손실을 지켜보고, 가장 좋았던 가중치로 되돌리기)", "Early stopping (watch the validation loss, restore the best weights)")}
                </label>
                <NumberField id="over-patience" label=Bi::new("인내 (에포크)", "Patience (epochs)") value=over.patience bounds=ranges::PATIENCE />
            </div>
            <p class="hint" data-testid="over-implied">{implied}</p>
            <Math tex=Signal::derive(updates) block=true />
            <TrainControls
                session=over.session
                epochs=Signal::derive(move || over.epochs.get())
                ready=ready
                key=key
                on_train=Callback::new(move |_| over.train())
                metric=Metric::Accuracy
                loss_label=Bi::new("손실 (교차 엔트로피)", "loss (cross-entropy)")
            />
        </section>
    }
}
