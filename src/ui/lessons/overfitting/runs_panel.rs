//! The runs so far: what the latest run's curves say, a table comparing every run's settings and
//! numbers (the best test accuracy marked), and a chart of the training and validation loss of the
//! runs ticked in the table.

use super::state::{MAX_PLOTTED, Over, RunRecord};
use crate::lang::numbers::with_sign;
use crate::ui::i18n::{Bi, tr, use_lang};
use crate::ui::plots::{LineChart, Series};
use leptos::prelude::*;

/// One colour per plotted run, in tick order.
const COLORS: [(u8, u8, u8); MAX_PLOTTED] =
    [(37, 92, 153), (200, 82, 0), (23, 120, 60), (128, 60, 160)];

fn comparison(runs: &[RunRecord], plotted: &[usize]) -> Vec<Series> {
    let mut out = Vec::new();
    for (slot, id) in plotted.iter().enumerate() {
        let Some(run) = runs.iter().find(|r| r.id == *id) else {
            continue;
        };
        let color = COLORS[slot % COLORS.len()];
        let points = |val: bool| {
            run.history
                .epochs
                .iter()
                .filter_map(|e| {
                    let y = if val { e.val_loss } else { Some(e.loss) };
                    y.map(|y| (e.epoch as f64, y))
                })
                .collect()
        };
        let rows = run.summary.settings.rows;
        out.push(Series {
            name: Bi::interned(
                format!("#{id} 학습 ({rows}행)"),
                format!("#{id} training ({rows} rows)"),
            ),
            color,
            dashed: false,
            points: points(false),
        });
        out.push(Series {
            name: Bi::interned(
                format!("#{id} 검증 ({rows}행)"),
                format!("#{id} validation ({rows} rows)"),
            ),
            color,
            dashed: true,
            points: points(true),
        });
    }
    out
}

fn early_stopping_cell(patience: Option<usize>, lang: crate::lang::Lang) -> String {
    match patience {
        Some(p) => lang.pick(format!("인내 {p}"), format!("patience {p}")),
        None => lang.pick("끔", "off").to_string(),
    }
}

/// The diagnosis, the table and the comparison chart.
#[component]
pub fn RunsPanel() -> impl IntoView {
    let over = expect_context::<Over>();
    let lang = use_lang();
    let latest = move || {
        let lang = lang.get();
        over.runs.with(|runs| {
            runs.last().map(|run| {
                let d = run.summary.diagnosis();
                view! {
                    <p class="verdict" data-testid="over-verdict">
                        <strong>{format!("#{} · {}: ", run.id, d.label(lang))}</strong>
                        {d.advice(lang)}
                    </p>
                }
            })
        })
    };
    let best_test = move || {
        over.runs.with(|runs| {
            runs.iter()
                .filter_map(|r| r.summary.test.accuracy)
                .fold(f64::NEG_INFINITY, f64::max)
        })
    };
    let rows = move || {
        let lang = lang.get();
        let best = best_test();
        over.runs.with(|runs| {
            runs.iter()
                .map(|run| {
                    let s = &run.summary;
                    let id = run.id;
                    let test_accuracy = s.test.accuracy.unwrap_or(f64::NAN);
                    let is_best = test_accuracy == best;
                    let checked = move || over.plotted.with(|p| p.contains(&id));
                    let toggle = move |_| {
                        over.plotted.update(|p| {
                            if let Some(i) = p.iter().position(|&x| x == id) {
                                p.remove(i);
                            } else {
                                p.push(id);
                                if p.len() > MAX_PLOTTED {
                                    p.remove(0);
                                }
                            }
                        })
                    };
                    let label = lang.pick(
                        format!("실행 #{id}의 곡선 그리기"),
                        format!("Plot the curves of run #{id}"),
                    );
                    view! {
                        <tr class:best=is_best>
                            <td><input type="checkbox" aria-label=label prop:checked=checked on:change=toggle /></td>
                            <th scope="row">{format!("#{id}")}</th>
                            <td data-testid="test-accuracy">{format!("{test_accuracy:.4}")}</td>
                            <td>{s.diagnosis().label(lang)}</td>
                            <td>{with_sign(s.gap, 4)}</td>
                            <td>{s.settings.rows}</td>
                            <td>{s.settings.learning_rate}</td>
                            <td>{s.settings.filters}</td>
                            <td>{s.settings.kernel_size}</td>
                            <td>{s.settings.batch_size}</td>
                            <td>{early_stopping_cell(s.settings.patience, lang)}</td>
                            <td>{s.epochs_run}</td>
                            <td>{format!("{:.4}", s.final_loss)}</td>
                            <td>{format!("{:.4}", s.final_val_loss)}</td>
                            <td>{format!("{:.4} ({})", s.best_val_loss, s.best_epoch)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let series = Signal::derive(move || {
        over.runs
            .with(|runs| over.plotted.with(|plotted| comparison(runs, plotted)))
    });
    view! {
        <section class="panel" aria-labelledby="over-runs">
            <h2 id="over-runs">{tr("실행 비교", "Compare runs")}</h2>
            <Show when=move || over.runs.with(Vec::is_empty)>
                <p class="hint">{tr(
                    "학습을 마친 실행이 여기에 한 줄씩 쌓입니다. 설정을 하나만 바꾸어 가며 비교해 보세요.",
                    "Every finished run adds a row here. Change one setting at a time and compare.",
                )}</p>
            </Show>
            {latest}
            <div class="table-scroll">
                <table class="matrix metrics runs" data-testid="runs-table">
                    <caption>{tr(
                        "테스트 정확도는 어떤 실행도 학습·검증에 쓰지 않은 1,000행으로 잽니다. 가장 높은 줄은 굵게 표시됩니다.",
                        "Test accuracy is measured on 1,000 rows no run trains or validates on. The best row is in bold.",
                    )}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr("그래프", "plot")}</th>
                            <th scope="col">{tr("실행", "run")}</th>
                            <th scope="col">{tr("테스트 정확도", "test accuracy")}</th>
                            <th scope="col">{tr("진단", "diagnosis")}</th>
                            <th scope="col">{tr("차이", "gap")}</th>
                            <th scope="col">{tr("행", "rows")}</th>
                            <th scope="col">{tr("학습률", "learning rate")}</th>
                            <th scope="col">{tr("필터", "filters")}</th>
                            <th scope="col">{tr("커널", "kernel")}</th>
                            <th scope="col">{tr("배치", "batch")}</th>
                            <th scope="col">{tr("조기 종료", "early stopping")}</th>
                            <th scope="col">{tr("에포크", "epochs")}</th>
                            <th scope="col">{tr("훈련 손실", "loss")}</th>
                            <th scope="col">{tr("검증 손실", "val_loss")}</th>
                            <th scope="col">{tr("최저 검증 손실 (에포크)", "lowest val_loss (epoch)")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <Show when=move || over.runs.with(|r| !r.is_empty())>
                <button type="button" data-testid="clear-runs" on:click=move |_| { over.runs.set(Vec::new()); over.plotted.set(Vec::new()); }>
                    {tr("표 비우기", "Clear the table")}
                </button>
            </Show>
            <h3>{tr("곡선 비교 (표에서 최대 4개 선택)", "Curves side by side (tick up to 4 runs in the table)")}</h3>
            <LineChart series=series x_label=Bi::new("에포크", "epoch") y_label=Bi::new("손실 (교차 엔트로피)", "loss (cross-entropy)") testid="compare-chart" empty=Bi::new("실행을 마치고 표에서 최대 4개를 고르면 곡선을 나란히 그립니다.", "Finish a run and tick up to 4 runs in the table to draw their curves side by side.") />
        </section>
    }
}
