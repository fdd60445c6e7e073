//! Step 1 of the expression lab: where the rows come from, what they look like, how sequences of
//! different lengths are fitted, and the split.

use super::state::{DataError, Expr, Loaded};
use super::upload_panel::UploadPanel;
use crate::lab::expression::{DataSource, FitPolicy, ranges};
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::widgets::{ErrorMessage, NumberField, RadioGroup};
use leptos::prelude::*;

/// Source choice, the source's own panel, a summary and the split.
#[component]
pub fn DataPanel() -> impl IntoView {
    let expr = expect_context::<Expr>();
    let lang = use_lang();
    // A file-level upload error is shown once, by the upload panel; the built-in data's loading
    // state once, by its status line.
    let error = Signal::derive(move || {
        expr.data_result.with(|r| match r {
            Err(DataError::File(_) | DataError::Loading | DataError::Fetch(..)) | Ok(_) => None,
            Err(e) => Some(e.message(lang.get())),
        })
    });
    let summary = move || {
        let lang = lang.get();
        expr.data.with(|d| {
            d.as_ref().map(|d| {
                let values: Vec<f64> = d.rows.iter().map(|r| r.value).collect();
                let (lo, hi) = values.iter().fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
                let (short, long) = d.length_range();
                let lengths = if short == long { format!("{long}") } else { format!("{short}–{long}") };
                lang.pick(
                    format!(
                        "{}행 · 길이 {lengths} nt · 값 {lo:.3}–{hi:.3} · 훈련 세트 평균 {:.3}, 표준편차 {:.3} → z = (값 − {:.3}) / {:.3}",
                        d.rows.len(), d.scaler.mean, d.scaler.std, d.scaler.mean, d.scaler.std
                    ),
                    format!(
                        "{} rows · length {lengths} nt · values {lo:.3}–{hi:.3} · training mean {:.3}, sd {:.3} → z = (value − {:.3}) / {:.3}",
                        d.rows.len(), d.scaler.mean, d.scaler.std, d.scaler.mean, d.scaler.std
                    ),
                )
            })
        })
    };
    let split = move || {
        let lang = lang.get();
        expr.data.with(|d| {
            d.as_ref().map(|d| {
                let train = d.split.train.len();
                let validation = train - (train as f64 * (1.0 - expr.knobs.validation.get())).floor() as usize;
                lang.pick(
                    format!("훈련 세트 {train}행 (그중 검증 세트 {validation}행) · 테스트 세트 {}행", d.split.test.len()),
                    format!("training {train} rows (of which {validation} for validation) · test {} rows", d.split.test.len()),
                )
            })
        })
    };
    let uneven = move || expr.length.get().1.is_some();
    view! {
        <section class="panel" aria-labelledby="expr-step-1">
            <h2 id="expr-step-1">{tr("1 · 데이터", "1 · Data")}</h2>
            <RadioGroup
                name="expr-source"
                legend=Bi::new("데이터", "Data")
                options=vec![
                    (DataSource::Sim, Bi::new("시뮬레이션 (정답을 아는 데이터)", "simulated (a known rule)")),
                    (DataSource::Real, Bi::new("실제 데이터: 5′UTR 15,000개 (Sample 등, 2019)", "real data: 15,000 5′UTRs (Sample et al. 2019)")),
                    (DataSource::Upload, Bi::new("내 CSV 올리기", "upload my CSV")),
                ]
                value=expr.source
            />
            {move || match expr.source.get() {
                DataSource::Real => view! { <super::text::RealDataText /> <p class="hint" data-testid="real-status">{move || match expr.real.get() {
                    Loaded::Ready(t) => lang.get().pick(format!("{}행을 읽었습니다.", t.rows.len()), format!("{} rows read.", t.rows.len())),
                    Loaded::Loading | Loaded::Idle => tr("불러오는 중…", "Loading…")().to_string(),
                    Loaded::Failed(ko, en) => lang.get().pick(ko, en),
                }}</p> }.into_any(),
                DataSource::Upload => view! { <UploadPanel /> }.into_any(),
                DataSource::Sim => view! {
                    <super::text::SimulatedText />
                    <div class="field-row">
                        <NumberField id="expr-sim-n" label=Bi::new("서열 수", "Sequences") value=expr.sim_rows bounds=ranges::SIM_ROWS />
                        <NumberField id="expr-sim-len" label=Bi::new("길이 (nt)", "Length (nt)") value=expr.sim_length bounds=ranges::SIM_LENGTH />
                        <NumberField id="expr-sim-seed" label=Bi::new("시드", "Seed") value=expr.sim_seed bounds=ranges::SEED />
                    </div>
                }.into_any(),
            }}
            <ErrorMessage message=error />
            <p class="shape" data-testid="expr-summary">{summary}</p>
            <Show when=uneven>
                <RadioGroup
                    name="expr-fit"
                    legend=Bi::new("서열 길이가 서로 다릅니다", "The sequences differ in length")
                    options=vec![
                        (FitPolicy::Pad, Bi::new("가장 긴 길이로 채우기 (오른쪽에 0행)", "pad to the longest (zero rows on the right)")),
                        (FitPolicy::Trim, Bi::new("한 길이로 자르기", "cut to one length")),
                    ]
                    value=expr.policy
                />
                <Show when=move || expr.policy.get() == FitPolicy::Trim>
                    <NumberField id="expr-cut" label=Bi::new("자를 길이 (0 = 가장 짧은 길이)", "Cut to length (0 = the shortest)") value=expr.cut bounds=ranges::CUT />
                </Show>
                <Ko><p class="hint">"채우기: 모든 정보를 지키지만, 0으로 채운 자리는 \"염기 없음\"이라 모델이 길이 자체를 단서로 쓸 수 있습니다. 자르기: 모든 서열이 같은 모양이 되지만 3′ 끝의 염기를 잃습니다."</p></Ko>
                <En><p class="hint">"Padding keeps every base, but the zero rows mean \"no base\", so the model can use the length itself as a clue. Cutting gives every sequence the same shape but loses the bases at the 3′ end."</p></En>
            </Show>
            <div class="field-row">
                <NumberField id="expr-test" label=Bi::new("테스트 세트 비율", "Test fraction") value=expr.test_fraction bounds=ranges::TEST_FRACTION step="0.05" />
                <NumberField id="expr-split" label=Bi::new("나누기 시드", "Split seed") value=expr.split_seed bounds=ranges::SEED />
                <NumberField id="expr-validation" label=Bi::new("검증 비율 (훈련 세트 중)", "Validation fraction (of training)") value=expr.knobs.validation bounds=expr.knobs.ranges.validation step="0.05" />
            </div>
            <p data-testid="expr-split-counts">{split}</p>
        </section>
    }
}
