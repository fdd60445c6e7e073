//! The one-hot lesson's protein example: a protein sequence → its `L × 21` matrix (20 amino acids
//! and the stop), with why there are 21 columns and what an unknown residue (`X`) becomes.

use crate::bio::Alphabet;
use crate::bio::one_hot::one_hot_in;
use crate::lab::protein::AVGFP_WILD_TYPE;
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::state::use_query_param;
use crate::ui::widgets::{ErrorMessage, SequenceInput};
use leptos::prelude::*;

/// Rows shown at most (the rest is summarised).
const MAX_ROWS: usize = 30;

/// The first residues of the green fluorescent protein (the protein lab's wild type).
fn default_protein() -> String {
    AVGFP_WILD_TYPE.trim().chars().take(8).collect()
}

/// The protein section: a sequence field (`prot` in the URL) and its one-hot matrix.
#[component]
pub fn ProteinOneHot() -> impl IntoView {
    let lang = use_lang();
    let protein = Alphabet::Protein;
    let text = use_query_param("prot", default_protein());
    let parsed = Memo::new(move |_| text.with(|t| protein.parse(t)));
    let error =
        Signal::derive(move || parsed.with(|p| p.as_ref().err().map(|e| e.message(lang.get()))));
    let header = move || {
        protein
            .letters()
            .chars()
            .map(|c| view! { <th scope="col">{c.to_string()}</th> })
            .collect_view()
    };
    let rows = move || {
        parsed.with(|p| {
            let Ok(letters) = p else { return Vec::new() };
            let matrix = one_hot_in(protein, letters);
            letters
                .iter()
                .zip(matrix.rows())
                .take(MAX_ROWS)
                .enumerate()
                .map(|(i, (&letter, row))| {
                    let cells = row
                        .iter()
                        .map(|&v| {
                            let class = if v == 1.0 {
                                "hot"
                            } else if v > 0.0 {
                                "partial"
                            } else {
                                ""
                            };
                            let shown = if v == 1.0 {
                                "1".to_string()
                            } else if v > 0.0 {
                                format!("{v:.2}")
                            } else {
                                "0".to_string()
                            };
                            view! { <td class=class>{shown}</td> }
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">{format!("{i} {}", protein.char_of(letter))}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let shape = move || {
        parsed.with(|p| {
            p.as_ref().ok().map(|letters| {
                let hidden = letters.len().saturating_sub(MAX_ROWS);
                let more = lang.get().pick(
                    format!(" (처음 {MAX_ROWS}행만 보입니다. {hidden}행 더 있음)"),
                    format!(" (the first {MAX_ROWS} rows shown; {hidden} more)"),
                );
                format!(
                    "{} × 21{}",
                    letters.len(),
                    if hidden > 0 { more } else { String::new() }
                )
            })
        })
    };
    view! {
        <h2>{tr("단백질: 글자 21개, 열 21개", "Proteins: 21 letters, 21 columns")}</h2>
        <Ko>
            <p>
                "단백질 서열도 똑같이 바꿉니다. 다만 글자가 염기 4개가 아니라 아미노산 20개와 종결 부호(*) 하나여서 열이 21개입니다: 길이 L인 단백질은 L × 21 행렬이 됩니다. 아미노산 사이에도 순서나 크기가 없으므로(알라닌이 글라이신보다 \"큰\" 것이 아님) 정수 하나가 아니라 열 하나씩을 줍니다. 모르는 아미노산 X는 20개 아미노산 열에 1/20 = 0.05씩 나눠 적고, 종결 열은 0으로 둡니다. 단백질 실습의 GFP(237자리)는 237 × 21 행렬이 됩니다."
            </p>
        </Ko>
        <En>
            <p>
                "Protein sequences are encoded the same way, but with 20 amino acids and a stop sign (*) instead of 4 bases, so there are 21 columns: a protein of length L becomes an L × 21 matrix. Amino acids have no order or size either (alanine is not \"bigger\" than glycine), so each gets its own column, not an integer. An unknown residue, X, spreads 1/20 = 0.05 over the 20 amino-acid columns and leaves the stop column at 0. The protein lab's GFP (237 positions) becomes a 237 × 21 matrix."
            </p>
        </En>
        <section class="panel">
            <SequenceInput
                id="onehot-protein"
                label=Bi::new("단백질 서열 (한 글자 아미노산 부호)", "Protein sequence (one-letter amino-acid codes)")
                hint=Bi::new(
                    "기본값은 GFP의 처음 8자리입니다. X는 모르는 아미노산, *는 종결입니다.",
                    "The default is GFP's first 8 residues. X is an unknown amino acid, * a stop.",
                )
                value=text
            />
            <ErrorMessage message=error />
            <Show when=move || parsed.with(Result::is_ok)>
                <p data-testid="protein-shape">{tr("행렬 모양: ", "Matrix shape: ")}{shape}</p>
                <div class="table-scroll">
                    <table class="matrix onehot protein-onehot" data-testid="protein-onehot">
                        <caption>{tr("원-핫 행렬: 행 = 위치와 아미노산, 열 = 아미노산 20개와 종결", "One-hot matrix: rows = position and amino acid, columns = the 20 amino acids and the stop")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{tr("위치", "Position")}</th>
                                {header}
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
