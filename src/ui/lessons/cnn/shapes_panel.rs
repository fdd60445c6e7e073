//! Shapes through the lecture's CNN: input length, kernel, pooling and filters set by the student,
//! the engine's Keras-style summary for `same` and `valid` padding side by side (292 vs 312
//! parameters for the lecture's settings). Settings `?len= ?k= ?pool= ?f=`.

use crate::nn::{
    Activation, Conv1dConfig, DenseConfig, LayerSpec, MaxPool1dConfig, ModelSpec, Padding,
};
use crate::theory::conv_window::ranges;
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::state::use_bounded_param;
use crate::ui::widgets::{Formulas, NumberField, SummaryTable};
use leptos::prelude::*;

fn spec(length: usize, kernel: usize, pool: usize, filters: usize, padding: Padding) -> ModelSpec {
    ModelSpec {
        input_shape: vec![length, 4],
        layers: vec![
            LayerSpec::Conv1d(Conv1dConfig {
                filters,
                kernel_size: kernel,
                padding,
                activation: Activation::Relu,
            }),
            LayerSpec::MaxPool1d(MaxPool1dConfig { pool_size: pool }),
            LayerSpec::Flatten,
            LayerSpec::Dense(DenseConfig {
                units: 2,
                activation: Activation::Sigmoid,
            }),
        ],
    }
}

/// The shapes panel.
#[component]
pub fn ShapesPanel() -> impl IntoView {
    let lang = use_lang();
    let length = use_bounded_param("len", 20usize, ranges::LENGTH);
    let kernel = use_bounded_param("k", 5usize, ranges::KERNEL);
    let pool = use_bounded_param("pool", 4usize, ranges::POOL);
    let filters = use_bounded_param("f", 10usize, ranges::FILTERS);
    let column = move |padding: Padding, testid: &'static str| {
        let built = Memo::new(move |_| {
            spec(
                length.get(),
                kernel.get(),
                pool.get(),
                filters.get(),
                padding,
            )
            .summary()
            .map_err(|e| e.message(lang.get()))
        });
        let summary = Signal::derive(move || built.get().ok());
        let error = move || built.get().err();
        view! {
            <div class="summary-column" data-testid=testid>
                <h3>{format!("padding = \"{}\"", if padding == Padding::Same { "same" } else { "valid" })}</h3>
                <SummaryTable summary=summary />
                {move || error().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </div>
        }
    };
    view! {
        <section class="panel">
            <h2>{tr("모양 계산기: same과 valid", "Shape calculator: same vs valid")}</h2>
            <Ko>
                <p>"강의의 모델: Conv1D(필터 10개, 길이 5, ReLU) → MaxPooling1D(4) → Flatten → Dense(2, sigmoid), 입력은 20 × 4 원-핫 서열입니다. 패딩에 따라 합성곱 출력 길이가 달라지고, 그 차이가 Dense 층의 매개변수 수까지 이어집니다."</p>
            </Ko>
            <En>
                <p>"The lecture's model: Conv1D(10 filters, length 5, ReLU) → MaxPooling1D(4) → Flatten → Dense(2, sigmoid) on 20 × 4 one-hot sequences. The padding changes the convolution's output length, and the difference carries through to the Dense layer's parameter count."</p>
            </En>
            <p class="formula"><Formulas parts=Signal::derive(move || {
                let (pool, conv, params) = lang.get().pick(("풀링", "합성곱", "매개변수"), ("pool", "conv", "params"));
                vec![
                    r"L_{\text{valid}} = L - K + 1".to_string(),
                    r"L_{\text{same}} = L".to_string(),
                    format!(r"L_{{\text{{{pool}}}}} = \left\lfloor \frac{{L_{{\text{{{conv}}}}}}}{{P}} \right\rfloor"),
                    format!(r"\text{{{params}}}_{{\text{{{conv}}}}} = K \cdot 4 \cdot F + F"),
                ]
            }) /></p>
            <div class="field-row">
                <NumberField id="shape-len" label=Bi::new("서열 길이 L", "Sequence length L") value=length bounds=ranges::LENGTH />
                <NumberField id="shape-k" label=Bi::new("필터 길이 K", "Kernel size K") value=kernel bounds=ranges::KERNEL />
                <NumberField id="shape-pool" label=Bi::new("풀링 크기 P", "Pool size P") value=pool bounds=ranges::POOL />
                <NumberField id="shape-f" label=Bi::new("필터 수 F", "Filters F") value=filters bounds=ranges::FILTERS />
            </div>
            <div class="side-by-side">
                {column(Padding::Same, "summary-same")}
                {column(Padding::Valid, "summary-valid")}
            </div>
            <Ko>
                <p>"강의 코드는 padding=\"same\"을 쓰지만, 함께 실린 요약표는 Conv1D (None, 16, 10), 전체 292개로 \"valid\"의 결과입니다. same이면 20 → 풀링 후 5 → Flatten 50 → Dense 50 × 2 + 2 = 102개, 전체 312개가 됩니다. 코드와 출력이 다른 실행에서 왔다는 뜻입니다 — 모양을 직접 계산할 줄 알면 이런 불일치를 바로 알아챌 수 있습니다."</p>
            </Ko>
            <En>
                <p>"The lecture's code asks for padding=\"same\", yet its printed summary shows Conv1D (None, 16, 10) and 292 parameters in total — the \"valid\" result. With same, 20 positions pool to 5, flatten to 50, and Dense has 50 × 2 + 2 = 102 parameters: 312 in total. The code and the printout came from different runs; once you can work out shapes yourself, such mismatches jump out."</p>
            </En>
        </section>
    }
}
