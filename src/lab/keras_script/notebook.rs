//! The exported experiment as a Jupyter notebook (nbformat 4.5, the course runs in Jupyter Lab):
//! a title cell, then for every step of [`KerasExport::steps`] a markdown cell explaining it in the
//! page's language and a code cell with exactly the script's code.

use super::KerasExport;
use crate::lang::Lang;
use serde_json::{Value, json};

/// A notebook cell's `source`: its lines, each but the last ending in a newline.
fn source(text: &str) -> Value {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    json!(lines)
}

fn markdown(id: &str, text: &str) -> Value {
    json!({"cell_type": "markdown", "id": id, "metadata": {}, "source": source(text)})
}

fn code(id: &str, text: &str) -> Value {
    json!({
        "cell_type": "code",
        "execution_count": null,
        "id": id,
        "metadata": {},
        "outputs": [],
        "source": source(text),
    })
}

impl KerasExport {
    /// The experiment as an `.ipynb` notebook (JSON), explained in `lang`.
    pub fn notebook(&self, lang: Lang) -> String {
        let data_file = &self.data_file;
        let intro = lang.pick(
            format!(
                "# SeqLab 실험을 Keras로\n\n브라우저(SeqLab)에서 학습한 모델을 같은 구조와 설정으로 Keras 3에서 다시 만들고 학습합니다. SeqLab이 내보낸 데이터 파일 `{data_file}`을 이 노트북과 같은 폴더에 두고 위에서부터 차례로 실행하세요. numpy와 TensorFlow가 필요합니다 (`pip install numpy tensorflow`)."
            ),
            format!(
                "# A SeqLab experiment in Keras\n\nThe model trained in the browser (SeqLab), rebuilt and trained in Keras 3 with the same architecture and settings. Put the data file SeqLab exported, `{data_file}`, in the same folder as this notebook and run the cells from the top. Needs numpy and TensorFlow (`pip install numpy tensorflow`)."
            ),
        );
        let mut cells = vec![markdown("intro", &intro)];
        for (i, step) in self.steps().into_iter().enumerate() {
            let (title, explanation) = match lang {
                Lang::Ko => (step.title.0, step.explanation.0),
                Lang::En => (step.title.1, step.explanation.1),
            };
            cells.push(markdown(
                &format!("step-{}-text", i + 1),
                &format!("## {}. {title}\n\n{explanation}", i + 1),
            ));
            cells.push(code(&format!("step-{}-code", i + 1), &step.code));
        }
        let notebook = json!({
            "cells": cells,
            "metadata": {
                "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                "language_info": {"name": "python"},
            },
            "nbformat": 4,
            "nbformat_minor": 5,
        });
        serde_json::to_string_pretty(&notebook).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lab::keras_script::{Alphabet, BrowserRun, Input, Targets};
    use crate::nn::{ModelSpec, Padding};

    #[test]
    fn code_cells_are_the_script_and_markdown_speaks_the_language() {
        let spec = ModelSpec::lecture(Padding::Same);
        let config = crate::lab::motif::MotifSettings::default().config();
        let export = KerasExport {
            spec,
            config,
            model_seed: 0,
            data_file: "d.csv".into(),
            input: Input::Sequences(Alphabet::Dna),
            targets: Targets::MotifClasses,
            fit_length: None,
            browser: Some(BrowserRun {
                epochs: 20,
                metrics: vec![("test accuracy".into(), 0.955)],
            }),
        };
        let script = export.script();
        for lang in [Lang::Ko, Lang::En] {
            let notebook: Value = serde_json::from_str(&export.notebook(lang)).unwrap();
            assert_eq!(notebook["nbformat"], 4);
            let cells = notebook["cells"].as_array().unwrap();
            let codes: Vec<String> = cells
                .iter()
                .filter(|c| c["cell_type"] == "code")
                .map(|c| {
                    c["source"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|l| l.as_str().unwrap())
                        .collect()
                })
                .collect();
            assert_eq!(codes.len(), export.steps().len());
            for code in &codes {
                assert!(script.contains(code.as_str()), "{code}");
            }
            assert!(codes.last().unwrap().contains("browser 0.9550"));
            let text = cells[0]["source"][0].as_str().unwrap();
            assert_eq!(text.contains("SeqLab 실험"), lang == Lang::Ko, "{text}");
        }
    }
}
