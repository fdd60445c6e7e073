//! Step 8 of the protein lab: structure → activity. The wild type's 3-D model as an image (the Cα
//! distance map), each residue's burial, and how well burial (and the distance to the
//! chromophore) predict a position's tolerance to mutation, measured by the additive model's
//! mean effect per position.

use super::source::Loaded;
use super::state::Prot;
use crate::lab::protein::CHROMOPHORE;
use crate::lab::protein::structure::{StructureFeatures, fit_tolerance};
use crate::lab::protein::tolerance::AdditiveModel;
use crate::ui::i18n::{Bi, En, Ko, tr, use_lang};
use crate::ui::plots::{Matrix, MatrixColors, MatrixPlot, Scatter};
use crate::ui::state::Shared;
use leptos::prelude::*;
use ndarray::Array2;

/// The distance map, the tolerance strip, the burial–tolerance scatter and the fit.
#[component]
pub fn StructurePanel(
    /// The additive model (its mean effect per position is the tolerance).
    additive: ReadSignal<Option<Shared<AdditiveModel>>>,
) -> impl IntoView {
    let prot = expect_context::<Prot>();
    let lang = use_lang();
    let features = Memo::new(move |_| match prot.structure.get() {
        Loaded::Ready(s) => Some(Shared::new(StructureFeatures::new(&s))),
        _ => None,
    });
    let tolerance = Memo::new(move |_| additive.get().map(|m| m.tolerance()));
    let fit = Memo::new(move |_| {
        let (features, tolerance) = (features.get()?, tolerance.get()?);
        fit_tolerance(&features, &tolerance)
    });
    let distance_map = Signal::derive(move || {
        features.get().map(|f| Matrix {
            values: f.distances.clone(),
            row_labels: Vec::new(),
            colors: MatrixColors::Closeness,
            marks: Vec::new(),
            highlight: CHROMOPHORE.to_vec(),
        })
    });
    let strip = Signal::derive(move || {
        let tolerance = tolerance.get()?;
        let values = Array2::from_shape_fn((1, tolerance.len()), |(_, i)| {
            tolerance[i].map_or(f32::NAN, |t| t as f32)
        });
        Some(Matrix {
            values,
            row_labels: vec![String::new()],
            colors: MatrixColors::Diverging { center: 0.0 },
            marks: Vec::new(),
            highlight: CHROMOPHORE.to_vec(),
        })
    });
    let points = Signal::derive(move || fit.get().map(|f| f.points).unwrap_or_default());
    let status = move || {
        let lang = lang.get();
        match prot.structure.get() {
            Loaded::Failed(ko, en) => Some(lang.pick(ko, en)),
            Loaded::Ready(_) => None,
            _ => Some(
                lang.pick("구조 모델을 불러오는 중…", "Loading the 3-D model…")
                    .to_string(),
            ),
        }
    };
    let summary = move || {
        let f = fit.get()?;
        let [b1, b2] = [f.fit.coefficients[0], f.fit.coefficients[1]];
        let number = |v: f64| crate::lang::numbers::signed(v, 3);
        let (burial_r, intercept, fit_r) =
            (number(f.burial_r), number(f.fit.intercept), number(f.fit_r));
        Some(lang.get().pick(
            format!(
                "자리 {}곳: 묻힘과 내성의 피어슨 r = {burial_r}. 묻힘과 발색단까지 거리로 맞춘 평면: 내성 ≈ {intercept} {} × 묻힘 {} × 거리 (r = {fit_r}).",
                f.positions, signed(b1), signed(b2)
            ),
            format!(
                "{} positions: Pearson r of burial against tolerance = {burial_r}. A plane through burial and the distance to the chromophore: tolerance ≈ {intercept} {} × burial {} × distance (r = {fit_r}).",
                f.positions, signed(b1), signed(b2)
            ),
        ))
    };
    view! {
        <section class="panel" aria-labelledby="prot-step-8">
            <h2 id="prot-step-8">{tr("8 · 구조 → 활성: 묻힌 자리는 바꾸기 어렵다", "8 · Structure → activity: buried positions resist change")}</h2>
            <Ko><p>"GFP의 3차원 모델(Rosetta)에서 아미노산마다 Cα 원자의 좌표를 읽어, 모든 쌍의 거리를 그림으로 그렸습니다: 강의의 \"구조를 이미지로\"입니다. 어두울수록 가깝습니다. 10 Å 안에 다른 Cα가 많을수록 단백질 안쪽에 묻힌 자리입니다."</p></Ko>
            <En><p>"From GFP's 3-D model (Rosetta), each amino acid's Cα coordinates, and the distance of every pair drawn as a picture: the lecture's \"structure as an image\". Darker is closer. The more other Cα atoms lie within 10 Å of a residue's, the more buried it is inside the protein."</p></En>
            <p class="hint" data-testid="prot-structure-status">{status}</p>
            <MatrixPlot matrix=distance_map x_label=Bi::new("잔기 (0부터)", "residue (from 0)") y_label=Bi::new("잔기", "residue")
                description=Signal::derive(move || lang.get().pick("Cα 거리 지도", "Cα distance map").to_string())
                empty=Bi::new("구조 모델을 불러오면 거리 지도가 그려집니다.", "The distance map is drawn once the 3-D model is loaded.")
                height=380.0 testid="prot-distance-map" />
            <h3>{tr("자리마다 돌연변이 내성", "Tolerance to mutation, position by position")}</h3>
            <p>{tr(
                "내성: 가산 모델에서 한 자리의 아미노산 치환 효과 평균 (0에 가까우면 바꿔도 괜찮고, 음수일수록 빛이 꺼짐).",
                "Tolerance: the additive model's mean effect of the amino-acid substitutions at a position (near 0: change is fine; the more negative, the more the light goes out).",
            )}</p>
            <MatrixPlot matrix=strip x_label=Bi::new("위치", "position") y_label=Bi::new("내성", "tolerance")
                description=Signal::derive(move || lang.get().pick("자리마다 돌연변이 내성", "Tolerance to mutation per position").to_string())
                empty=Bi::new("데이터를 불러오면 가산 모델을 맞춰 내성을 그립니다.", "Once the data are loaded the additive model is fitted and the tolerance drawn.")
                height=110.0 testid="prot-tolerance" />
            <Scatter points=points identity=false x_label=Bi::new("묻힘 (10 Å 안의 Cα 수)", "burial (Cα within 10 Å)") y_label=Bi::new("내성", "tolerance")
                description=Signal::derive(move || fit.get().map_or_else(String::new, |f| lang.get().pick(
                    format!("묻힘 대 내성, r = {}", crate::lang::numbers::signed(f.burial_r, 3)),
                    format!("Burial against tolerance, r = {}", crate::lang::numbers::signed(f.burial_r, 3)),
                ))) testid="prot-burial" />
            <p data-testid="prot-structure-fit">{summary}</p>
        </section>
    }
}

/// `+ 0.123` or `− 0.123` (a term of a sum, with a real minus sign).
fn signed(value: f64) -> String {
    if value < 0.0 {
        format!("− {:.3}", -value)
    } else {
        format!("+ {value:.3}")
    }
}
