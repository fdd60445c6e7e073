//! A 2-class confusion matrix as a shaded table with TP, FN, FP and TN named, and the two error
//! types (type I = false positive, type II = false negative).

use crate::metrics::ConfusionMatrix;
use crate::ui::i18n::tr;
use leptos::prelude::*;

/// The matrix (rows = true class, columns = predicted; class 0 = positive).
#[component]
pub fn ConfusionTable(
    /// The counts.
    #[prop(into)]
    matrix: Signal<ConfusionMatrix>,
) -> impl IntoView {
    let cell = move |t: usize, p: usize, code: &'static str, ko: &'static str, en: &'static str| {
        let count = move || matrix.with(|m| m.counts[[t, p]]);
        let share =
            move || matrix.with(|m| m.counts[[t, p]] as f64 / m.counts.row(t).sum().max(1) as f64);
        view! {
            <td class=if t == p { "right" } else { "wrong" } style=move || format!("--shade:{:.3}", share())>
                <span class="count">{count}</span>
                <span class="code">{code} " · " {tr(ko, en)}</span>
            </td>
        }
    };
    view! {
        <div class="table-scroll">
            <table class="matrix confusion" data-testid="confusion-matrix">
                <caption>{tr("혼동 행렬: 행 = 실제 클래스, 열 = 예측 클래스", "Confusion matrix: rows = true class, columns = predicted class")}</caption>
                <thead>
                    <tr>
                        <td></td>
                        <th scope="col">{tr("예측: 양성 (모티프 있음)", "Predicted positive (motif)")}</th>
                        <th scope="col">{tr("예측: 음성", "Predicted negative")}</th>
                    </tr>
                </thead>
                <tbody>
                    <tr>
                        <th scope="row">{tr("실제: 양성", "True positive class")}</th>
                        {cell(0, 0, "TP", "참 양성", "true positive")}
                        {cell(0, 1, "FN", "거짓 음성 = 제2종 오류", "false negative = type II error")}
                    </tr>
                    <tr>
                        <th scope="row">{tr("실제: 음성", "True negative class")}</th>
                        {cell(1, 0, "FP", "거짓 양성 = 제1종 오류", "false positive = type I error")}
                        {cell(1, 1, "TN", "참 음성", "true negative")}
                    </tr>
                </tbody>
            </table>
        </div>
    }
}
