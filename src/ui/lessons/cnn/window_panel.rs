//! A Conv1D filter (a learnable PWM) sliding over a one-hot sequence, one window at a time, with
//! each row's term, the sum, the bias and the ReLU ([`crate::theory::conv_window`]). Settings
//! `?seq= ?pad= ?t= ?bias=`; a Play button steps through the windows.

use crate::bio::alphabet::{Base, parse_sequence};
use crate::lang::numbers::{signed, with_sign};
use crate::nn::Padding;
use crate::theory::conv_window::ranges;
use crate::theory::conv_window::{motif_filter, slide};
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::state::{use_bounded_param, use_choice_param, use_query_param};
use crate::ui::widgets::{ErrorMessage, RadioGroup, SequenceInput, Slider};
use leptos::prelude::*;
use std::time::Duration;

/// The default sequence: the lecture's TACAA motif planted in random flanks.
pub const DEFAULT_SEQUENCE: &str = "GCTACAAGTCAGTTGCAAGA";

/// The sliding-window panel.
#[component]
pub fn WindowPanel() -> impl IntoView {
    let lang = use_lang();
    let text = use_query_param("seq", DEFAULT_SEQUENCE.to_string());
    let padding = use_choice_param("pad", Padding::Valid);
    let t = use_bounded_param("t", 0usize, ranges::WINDOW);
    let bias = use_bounded_param("bias", -3.0f64, ranges::BIAS);
    let filter = motif_filter();
    let parsed = Memo::new(move |_| text.with(|s| parse_sequence(s)));
    let error =
        Signal::derive(move || parsed.with(|p| p.as_ref().err().map(|e| e.message(lang.get()))));
    let windows = {
        let filter = filter.clone();
        Memo::new(move |_| {
            parsed.with(|p| {
                p.as_ref()
                    .map(|s| slide(s, &filter, bias.get() as f32, padding.get()))
                    .unwrap_or_default()
            })
        })
    };
    let current = Memo::new(move |_| {
        let w = windows.get();
        (!w.is_empty()).then(|| w[t.get().min(w.len() - 1)].clone())
    });
    let playing = RwSignal::new(false);
    let handle = set_interval_with_handle(
        move || {
            if playing.get_untracked() {
                let n = windows.with_untracked(Vec::len).max(1);
                t.update(|t| *t = (*t + 1) % n);
            }
        },
        Duration::from_millis(800),
    )
    .ok();
    on_cleanup(move || {
        if let Some(h) = handle {
            h.clear();
        }
    });
    let filter_rows = filter
        .rows()
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            view! {
                <tr>
                    <th scope="row">{i + 1}</th>
                    {row.iter().map(|&w| view! { <td>{with_sign(f64::from(w), 2)}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    // The sequence (with any padding), and under it each window's output at the window's centre,
    // so a bar stands under the letters that made it.
    let sequence_rows = move || {
        let Some(w) = current.get() else {
            return ().into_any();
        };
        let symbols = parsed.get().unwrap_or_default();
        let left = padding.get().left(5);
        let right = if padding.get() == Padding::Same {
            4 - left
        } else {
            0
        };
        let positions = -(left as isize)..(symbols.len() + right) as isize;
        let letters = positions
            .clone()
            .map(|p| {
                let inside = p >= w.start && p < w.start + 5;
                let letter = if p < 0 || p as usize >= symbols.len() {
                    '·'
                } else {
                    symbols[p as usize].letter()
                };
                view! { <td class:in-window=inside>{letter.to_string()}</td> }
            })
            .collect_view();
        let all = windows.get();
        let now = t.get().min(all.len().saturating_sub(1));
        let at_centre = |p: isize| all.iter().position(|x| x.start + 2 == p);
        let bars = positions
            .clone()
            .map(|p| match at_centre(p) {
                Some(i) => {
                    let output = all[i].output;
                    let height = format!("height:{:.0}%", (output / 7.5 * 100.0).clamp(2.0, 100.0));
                    let label = format!("{} {}: {}", tr("창", "window")(), i + 1, signed(f64::from(output), 2));
                    view! {
                        <td class:now=i == now>
                            <button type="button" class="out-bar" data-window=i + 1 aria-label=label.clone() title=label on:click=move |_| t.set(i)>
                                <span style=height></span>
                            </button>
                        </td>
                    }
                    .into_any()
                }
                None => view! { <td></td> }.into_any(),
            })
            .collect_view();
        let values = positions
            .map(|p| {
                // A ReLU's many exact zeros as "0", so the few real matches stand out.
                let text = at_centre(p).map(|i| match all[i].output {
                    0.0 => "0".to_string(),
                    output => signed(f64::from(output), 1),
                });
                view! { <td class:now=at_centre(p) == Some(now)>{text}</td> }
            })
            .collect_view();
        view! {
            <tbody>
                <tr>{letters}</tr>
                <tr class="conv-bars" data-testid="conv-output">{bars}</tr>
                <tr class="conv-values">{values}</tr>
            </tbody>
        }
        .into_any()
    };
    let term_rows = move || {
        current.get().map(|w| {
            w.symbols
                .iter()
                .zip(&w.terms)
                .enumerate()
                .map(|(i, (s, term))| {
                    let base = s.map_or("·".to_string(), |s| s.letter().to_string());
                    view! {
                        <tr>
                            <th scope="row">{i + 1}</th>
                            <td>{base}</td>
                            <td>{with_sign(f64::from(*term), 3)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let n_windows = move || windows.with(Vec::len);
    let summary = move || {
        current.get().map(|w| {
            let sum: f32 = w.terms.iter().sum();
            let (i, n, b, z, out) = (
                t.get().min(n_windows() - 1) + 1,
                n_windows(),
                bias.get(),
                w.z,
                w.output,
            );
            // z = sum + bias, each sign written as the operator: −4.288 − 3.00 = −7.288.
            let bias_term = format!("{} {}", if b < 0.0 { "−" } else { "+" }, signed(b.abs(), 2));
            let (sum, z, out) = (
                signed(f64::from(sum), 3),
                signed(f64::from(z), 3),
                signed(f64::from(out), 3),
            );
            match lang.get() {
                crate::lang::Lang::Ko => format!(
                    "창 {i} / {n}: z = 합 + 편향 = {sum} {bias_term} = {z} → ReLU(z) = {out}"
                ),
                crate::lang::Lang::En => format!(
                    "Window {i} of {n}: z = sum + bias = {sum} {bias_term} = {z} → ReLU(z) = {out}"
                ),
            }
        })
    };
    view! {
        <section class="panel">
            <h2>{tr("필터는 배울 수 있는 PWM", "A filter is a learnable PWM")}</h2>
            <Ko>
                <p>"Conv1D 필터는 길이 5 × 4열의 가중치 행렬입니다. 서열의 원-핫 행렬 위를 한 칸씩 미끄러지며, 창마다 가중치와 입력을 곱해 모두 더하고 편향을 더합니다. 원-핫에서는 각 행에 1이 하나뿐이라, 곱의 합은 \"그 위치 염기의 가중치\"를 골라 더한 것 — PWM 점수와 같은 계산입니다. 아래 필터는 강의의 TACAA 모티프를 log₂ 승산비로 바꾼 값입니다. CNN은 이런 값을 데이터에서 스스로 배웁니다."</p>
            </Ko>
            <En>
                <p>"A Conv1D filter is a 5 × 4 weight matrix. It slides along the sequence's one-hot matrix one position at a time; at each window it multiplies weights by inputs, sums everything and adds a bias. A one-hot row holds a single 1, so the sum picks \"the weight of the base at each position\" — the same computation as a PWM score. The filter below is the lecture's TACAA motif as log₂ odds; a CNN learns such values from data by itself."</p>
            </En>
            <SequenceInput id="cnn-seq" label=Bi::new("서열", "Sequence") hint=Bi::new("A, C, G, T (U는 T로, N은 0.25 네 개로)", "A, C, G, T (U reads as T, N as four 0.25s)") value=text />
            <ErrorMessage message=error />
            <div class="field-row">
                <RadioGroup name="cnn-pad" legend=Bi::new("패딩", "Padding") options=vec![(Padding::Valid, Bi::new("valid (패딩 없음)", "valid (no padding)")), (Padding::Same, Bi::new("same (0으로 채움)", "same (zero-padded)"))] value=padding />
                <Slider id="cnn-bias" label=Bi::new("편향 b", "Bias b") value=bias bounds=ranges::BIAS step=0.5 decimals=1 />
            </div>
            <div class="button-row">
                <button type="button" on:click=move |_| t.update(|t| *t = t.saturating_sub(1))>{tr("◀ 이전 창", "◀ Previous window")}</button>
                <button type="button" id="cnn-play" aria-pressed=move || playing.get().to_string() on:click=move |_| playing.update(|p| *p = !*p)>
                    {move || if playing.get() { tr("❚❚ 멈춤", "❚❚ Pause")() } else { tr("▶ 재생", "▶ Play")() }}
                </button>
                <button type="button" on:click=move |_| t.update(|t| *t = (*t + 1).min(n_windows().saturating_sub(1)))>{tr("다음 창 ▶", "Next window ▶")}</button>
            </div>
            <div class="table-scroll">
                <table class="matrix conv-sequence" aria-label=tr("서열과 현재 창 (· = 0으로 채운 패딩), 그 아래 창마다의 출력 (막대를 누르면 그 창으로)", "The sequence and the current window (· = zero padding), and under it each window's output (click a bar to jump there)")>
                    {sequence_rows}
                </table>
            </div>
            <p class="hint">{tr("막대와 숫자는 각 창의 출력(ReLU 뒤)이며, 창의 가운데 글자 아래에 있습니다. 막대를 누르면 그 창으로 갑니다.", "The bars and numbers are each window's output (after the ReLU), under the window's middle letter. Click a bar to jump to that window.")}</p>
            <p class="train-status" role="status" data-testid="conv-window">{summary}</p>
            <div class="side-by-side">
                <table class="matrix">
                    <caption>{tr("필터 W (위치 × 염기)", "Filter W (position × base)")}</caption>
                    <thead><tr><td></td>{Base::ALL.iter().map(|b| view! { <th scope="col">{b.letter().to_string()}</th> }).collect_view()}</tr></thead>
                    <tbody>{filter_rows}</tbody>
                </table>
                <table class="matrix">
                    <caption>{tr("이 창의 항: 그 자리 염기의 가중치", "This window's terms: the weight of the base there")}</caption>
                    <thead><tr><th scope="col">{tr("행", "row")}</th><th scope="col">{tr("염기", "base")}</th><th scope="col">"Σ x·w"</th></tr></thead>
                    <tbody>{term_rows}</tbody>
                </table>
            </div>
        </section>
    }
}
