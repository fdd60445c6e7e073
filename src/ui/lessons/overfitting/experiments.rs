//! Hyperparameters explained by experiment: one card per setting, each saying what to look for and
//! offering runs that change only that setting (applied to the form, then trained).

use super::state::Over;
use crate::lab::overfitting::{POOL_ROWS, Settings};
use crate::ui::i18n::{Bi, use_lang};
use leptos::prelude::*;

/// A button of a card: its label and how it changes the form's settings.
type Run = (Bi, fn(Settings) -> Settings);

/// One card: a title, what it shows, and its runs.
struct Experiment {
    testid: &'static str,
    title: Bi,
    body: Bi,
    runs: Vec<Run>,
}

fn experiments() -> Vec<Experiment> {
    vec![
        Experiment {
            testid: "exp-rows",
            title: Bi::new("데이터 양", "How many rows"),
            body: Bi::new(
                "같은 모델을 100행과 5,000행으로 학습합니다. 100행에서는 훈련 정확도가 100 %에 가까워지는 동안 검증 손실은 내려가지 않거나 다시 올라가 두 곡선이 벌어집니다. 5,000행에서는 두 곡선이 가까이 함께 갑니다. 테스트 정확도를 비교하세요.",
                "Train the same model on 100 and on 5,000 rows. With 100 rows the training accuracy nears 100 % while the validation loss stalls or turns back up: the curves split. With 5,000 rows they stay close together. Compare the test accuracy.",
            ),
            runs: vec![
                (Bi::new("100행으로 학습", "Train on 100 rows"), |s| {
                    Settings {
                        rows: 100,
                        patience: None,
                        ..s
                    }
                }),
                (
                    Bi::new("5,000행으로 학습", "Train on 5,000 rows"),
                    |s| Settings {
                        rows: POOL_ROWS,
                        patience: None,
                        ..s
                    },
                ),
            ],
        },
        Experiment {
            testid: "exp-early",
            title: Bi::new("조기 종료", "Early stopping"),
            body: Bi::new(
                "인내 10으로 조기 종료를 켭니다. 검증 손실이 10 에포크 동안 나아지지 않으면 멈추고, 가장 좋았던 에포크의 가중치로 되돌립니다. 외우기만 하는 에포크를 아끼지만, 검증 행이 20개뿐이면 어느 에포크가 가장 좋아 보이는지에 운이 섞입니다. 조기 종료 없는 실행과 테스트 정확도를 비교하고, 1,000행(검증 200행)에서도 해 보세요.",
                "Turn on early stopping with patience 10. When the validation loss has not improved for 10 epochs the run stops and the weights of the best epoch are put back. It saves the epochs that only memorise, but with just 20 validation rows which epoch looks best is partly luck. Compare the test accuracy with the run without it, and try 1,000 rows (200 for validation) too.",
            ),
            runs: vec![
                (
                    Bi::new("100행 + 조기 종료", "100 rows + early stopping"),
                    |s| Settings {
                        rows: 100,
                        patience: Some(10),
                        ..s
                    },
                ),
                (
                    Bi::new("1,000행 + 조기 종료", "1,000 rows + early stopping"),
                    |s| Settings {
                        rows: 1000,
                        patience: Some(10),
                        ..s
                    },
                ),
            ],
        },
        Experiment {
            testid: "exp-lr",
            title: Bi::new("학습률", "Learning rate"),
            body: Bi::new(
                "학습률은 한 번의 갱신에서 가중치를 얼마나 움직일지 정합니다. 1이면 너무 멀리 뛰어 손실이 제자리이거나 튀고, 0.0001이면 너무 조금씩 움직여 같은 에포크 안에 다 배우지 못합니다.",
                "The learning rate sets how far one update moves the weights. At 1 the steps overshoot and the loss stalls or jumps; at 0.0001 they are so small that the same epochs are not enough to learn.",
            ),
            runs: vec![
                (Bi::new("학습률 1", "Learning rate 1"), |s| Settings {
                    learning_rate: 1.0,
                    ..s
                }),
                (Bi::new("학습률 0.0001", "Learning rate 0.0001"), |s| {
                    Settings {
                        learning_rate: 0.0001,
                        ..s
                    }
                }),
            ],
        },
        Experiment {
            testid: "exp-filters",
            title: Bi::new("필터 수", "Filters"),
            body: Bi::new(
                "필터 하나는 모티프 하나를 찾는 PWM 하나입니다. 이 데이터에는 모티프가 하나뿐이지만, 필터가 1개면 배울 여지가 적어 훈련 정확도부터 낮습니다. 필터가 많을수록 매개변수가 늘어 훈련 행에는 더 잘 맞지만, 행이 적으면 그만큼 더 외울 수 있습니다.",
                "One filter is one PWM looking for one motif. These data hold a single motif, yet one filter leaves little room to learn, so even the training accuracy stays low. More filters mean more parameters: a closer fit to the training rows, and more room to memorise them when rows are few.",
            ),
            runs: vec![
                (Bi::new("필터 1개", "1 filter"), |s| Settings {
                    filters: 1,
                    ..s
                }),
                (Bi::new("필터 64개", "64 filters"), |s| Settings {
                    filters: 64,
                    ..s
                }),
            ],
        },
        Experiment {
            testid: "exp-kernel",
            title: Bi::new("커널 크기", "Kernel size"),
            body: Bi::new(
                "커널 크기는 필터가 한 번에 보는 염기 수입니다. 모티프 CCGGAA는 6 nt이므로 커널 3은 모티프의 절반만 봅니다. 커널 12는 모티프 전체에 양옆까지 봅니다.",
                "The kernel size is how many bases a filter sees at once. The motif CCGGAA is 6 nt long, so a kernel of 3 sees half of it; a kernel of 12 sees all of it plus its flanks.",
            ),
            runs: vec![
                (Bi::new("커널 3", "Kernel 3"), |s| Settings {
                    kernel_size: 3,
                    ..s
                }),
                (Bi::new("커널 12", "Kernel 12"), |s| Settings {
                    kernel_size: 12,
                    ..s
                }),
            ],
        },
        Experiment {
            testid: "exp-batch",
            title: Bi::new("배치 크기", "Batch size"),
            body: Bi::new(
                "배치 크기는 한 번 갱신할 때 평균 내는 행 수입니다. 작으면 에포크마다 갱신이 많지만 방향이 흔들리고, 전부를 한 배치로 하면 에포크마다 단 한 번만 갱신합니다. 아래 실험대의 식에서 갱신 횟수를 확인하세요.",
                "The batch size is how many rows one update averages over. Small batches give many noisy updates per epoch; one batch of everything gives a single update per epoch. See the count in the bench's formula below.",
            ),
            runs: vec![
                (Bi::new("배치 4", "Batch 4"), |s| Settings {
                    batch_size: 4,
                    ..s
                }),
                (
                    Bi::new("한 배치 (전부)", "One batch (all rows)"),
                    |s| Settings {
                        batch_size: POOL_ROWS,
                        ..s
                    },
                ),
            ],
        },
        Experiment {
            testid: "exp-epochs",
            title: Bi::new("에포크", "Epochs"),
            body: Bi::new(
                "에포크는 훈련 행 전체를 한 번 도는 것입니다. 행이 적을 때 에포크를 늘리면 훈련 손실만 더 내려가고 검증 손실은 더 올라갑니다. 몇 에포크가 알맞은지는 검증 곡선이, 또는 조기 종료가 정해 줍니다.",
                "An epoch is one pass over the training rows. With few rows, more epochs only push the training loss lower and the validation loss higher. The validation curve, or early stopping, tells you how many epochs are right.",
            ),
            runs: vec![
                (
                    Bi::new("100행, 15 에포크", "100 rows, 15 epochs"),
                    |s| Settings {
                        rows: 100,
                        epochs: 15,
                        patience: None,
                        ..s
                    },
                ),
                (
                    Bi::new("100행, 200 에포크", "100 rows, 200 epochs"),
                    |s| Settings {
                        rows: 100,
                        epochs: 200,
                        patience: None,
                        ..s
                    },
                ),
            ],
        },
    ]
}

/// The experiment cards.
#[component]
pub fn ExperimentsPanel() -> impl IntoView {
    let over = expect_context::<Over>();
    let lang = use_lang();
    let can_run = move || over.session.worker_ready.get() && !over.session.is_busy();
    let cards = experiments()
        .into_iter()
        .map(|e| {
            let buttons = e
                .runs
                .into_iter()
                .enumerate()
                .map(|(i, (label, change))| {
                    let run = move |_| {
                        over.apply(change(over.settings_untracked()));
                        over.train();
                        // The curves appear in the bench: bring it into view.
                        if let Some(bench) =
                            document().get_element_by_id("over-bench")
                        {
                            bench.scroll_into_view();
                        }
                    };
                    view! {
                        <button type="button" data-testid=format!("{}-{i}", e.testid) on:click=run disabled=move || !can_run()>
                            {move || label.get(lang.get())}
                        </button>
                    }
                })
                .collect_view();
            let (title, body) = (e.title, e.body);
            view! {
                <article class="card experiment" data-testid=e.testid>
                    <h3>{move || title.get(lang.get())}</h3>
                    <p>{move || body.get(lang.get())}</p>
                    <div class="buttons">{buttons}</div>
                </article>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="over-experiments">
            <h2 id="over-experiments">{move || lang.get().pick("하이퍼파라미터 실험", "Hyperparameters, by experiment")}</h2>
            <p>{move || lang.get().pick(
                "하이퍼파라미터는 학습이 정하지 않고 사람이 정하는 값입니다. 버튼은 설정 하나만 바꾸어 바로 학습하고, 결과는 아래 표에 쌓입니다.",
                "Hyperparameters are the values you choose rather than the training. Each button changes one setting, trains at once, and adds its result to the table below.",
            )}</p>
            <div class="card-grid">{cards}</div>
        </section>
    }
}
