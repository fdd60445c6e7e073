//! Keras's `model.summary()` as a table: layer (type), output shape, parameters, total.

use crate::nn::Summary;
use crate::ui::i18n::tr;
use leptos::prelude::*;

/// The summary of a model, or nothing while `summary` is `None`.
#[component]
pub fn SummaryTable(
    /// The summary to show.
    #[prop(into)]
    summary: Signal<Option<Summary>>,
) -> impl IntoView {
    let rows = move || {
        summary.with(|s| {
            s.as_ref().map(|s| {
                s.rows
                    .iter()
                    .map(|r| {
                        view! {
                            <tr>
                                <th scope="row">{format!("{} ({})", r.name, r.kind)}</th>
                                <td>{r.shape_text()}</td>
                                <td>{r.params}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let total = move || summary.with(|s| s.as_ref().map(Summary::total_params));
    view! {
        <div class="table-scroll">
            <table class="matrix summary" data-testid="model-summary">
                <caption>{tr("모델 요약 (Keras의 model.summary()와 같은 형식)", "Model summary (as Keras's model.summary() prints it)")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr("층 (종류)", "Layer (type)")}</th>
                        <th scope="col">{tr("출력 모양", "Output shape")}</th>
                        <th scope="col">{tr("매개변수 수", "Param #")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="2">{tr("전체 매개변수", "Total params")}</th>
                        <td data-testid="total-params">{total}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
