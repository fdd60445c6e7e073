//! "Export to Keras": a Python script and a Jupyter notebook that rebuild a SeqLab model with the
//! same architecture and hyperparameters in Keras 3 and train it on the same data (written out as
//! CSV next to it), so a student who outgrows the browser continues in Jupyter. Both are made from
//! one list of steps ([`KerasExport::steps`]): the notebook's code cells are the script's code.
//! The data are one-hot sequences ([`Input::Sequences`]) or a table of numbers standardised as
//! in the browser ([`Input::Table`]: `z = (x − mean) / sd` per feature column).
//!
//! The script needs numpy and Keras (TensorFlow backend). Its weights start from Keras's own random
//! initialisation, so its numbers differ a little from the browser's run; the set-up is the same.

use crate::nn::{Activation, LayerSpec, LossKind, LossSemantics, ModelSpec, OptimizerConfig};

mod notebook;
use crate::training::{Monitor, TrainConfig};

/// What the data CSV holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Targets {
    /// Columns `sequence,positive,split`: two classes, positive = `[1, 0]` as in the lecture.
    MotifClasses,
    /// Columns `sequence,value,split`: one regression value, standardised as in the browser.
    Value {
        /// Mean subtracted from the values before training.
        mean: f64,
        /// Standard deviation they were divided by.
        std: f64,
    },
}

fn python_bool(value: bool) -> &'static str {
    if value { "True" } else { "False" }
}

fn activation(a: Activation) -> &'static str {
    a.keras_name()
}

fn layer_line(layer: &LayerSpec) -> String {
    match layer {
        LayerSpec::Conv1d(c) => format!(
            "keras.layers.Conv1D({}, {}, padding=\"{}\", activation=\"{}\")",
            c.filters,
            c.kernel_size,
            serde_json::to_value(c.padding)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            activation(c.activation)
        ),
        LayerSpec::MaxPool1d(p) => format!("keras.layers.MaxPooling1D({})", p.pool_size),
        LayerSpec::Flatten => "keras.layers.Flatten()".to_string(),
        LayerSpec::Dense(d) => format!(
            "keras.layers.Dense({}, activation=\"{}\")",
            d.units,
            activation(d.activation)
        ),
        LayerSpec::Activation { activation: a } => {
            format!("keras.layers.Activation(\"{}\")", activation(*a))
        }
        LayerSpec::Dropout(d) => format!("keras.layers.Dropout({})", d.rate),
    }
}

fn optimizer_line(optimizer: &OptimizerConfig) -> String {
    match optimizer {
        OptimizerConfig::Adam(a) => format!(
            "keras.optimizers.Adam(learning_rate={}, beta_1={}, beta_2={}, epsilon={})",
            a.learning_rate, a.beta_1, a.beta_2, a.epsilon
        ),
        OptimizerConfig::Sgd(s) => format!(
            "keras.optimizers.SGD(learning_rate={}, momentum={})",
            s.learning_rate, s.momentum
        ),
    }
}

fn loss_line(kind: LossKind, semantics: LossSemantics) -> String {
    match (kind, semantics) {
        (LossKind::CategoricalCrossentropy, LossSemantics::KerasFit) => {
            "\"categorical_crossentropy\"".into()
        }
        (LossKind::CategoricalCrossentropy, LossSemantics::ClassicNormaliseClip) => {
            // Multiplying by 1.0 makes a new tensor without the cached logits, which is what
            // switches today's Keras to the 2020-era normalise-and-clip formula.
            "lambda y_true, y_pred: keras.losses.categorical_crossentropy(y_true, y_pred * 1.0)"
                .into()
        }
        (LossKind::BinaryCrossentropy, _) => "\"binary_crossentropy\"".into(),
        (LossKind::MeanSquaredError, _) => "\"mean_squared_error\"".into(),
    }
}

/// What the data file's sequences are, for the one-hot encoding the script writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alphabet {
    /// DNA/RNA: columns A, C, G, T (U read as T, N a row of 0.25).
    Dna,
    /// Proteins: the 20 amino acids `ACDEFGHIKLMNPQRSTVWY` and the stop `*` (X a row of 1/20 on
    /// the amino acids).
    Protein,
}

impl Alphabet {
    /// The Python one-hot function for this alphabet (it reads the global `LENGTH`).
    fn one_hot(self) -> &'static str {
        match self {
            Alphabet::Dna => {
                "def one_hot(sequence):\n    \"\"\"L x 4 matrix, columns A, C, G, T; U is read as T and N is a row of 0.25.\"\"\"\n    index = {\"A\": 0, \"C\": 1, \"G\": 2, \"T\": 3, \"U\": 3}\n    size = len(sequence) if LENGTH is None else LENGTH\n    matrix = np.zeros((size, 4), dtype=\"float32\")\n    for i, base in enumerate(sequence.upper()[:size]):\n        if base == \"N\":\n            matrix[i, :] = 0.25\n        else:\n            matrix[i, index[base]] = 1.0\n    return matrix"
            }
            Alphabet::Protein => {
                "LETTERS = \"ACDEFGHIKLMNPQRSTVWY*\"  # 20 amino acids, then the stop\n\n\ndef one_hot(sequence):\n    \"\"\"L x 21 matrix in the order of LETTERS; X (unknown) is 1/20 on each amino acid.\"\"\"\n    size = len(sequence) if LENGTH is None else LENGTH\n    matrix = np.zeros((size, 21), dtype=\"float32\")\n    for i, letter in enumerate(sequence.upper()[:size]):\n        if letter == \"X\":\n            matrix[i, :20] = 1.0 / 20\n        else:\n            matrix[i, LETTERS.index(letter)] = 1.0\n    return matrix"
            }
        }
    }

    /// How the encoding reads (Korean, English).
    fn described(self) -> (&'static str, &'static str) {
        match self {
            Alphabet::Dna => (
                "L × 4 원-핫 행렬(열 A, C, G, T)",
                "an L × 4 one-hot matrix (columns A, C, G, T)",
            ),
            Alphabet::Protein => (
                "L × 21 원-핫 행렬(아미노산 20가지와 종결 *)",
                "an L × 21 one-hot matrix (the 20 amino acids and the stop *)",
            ),
        }
    }
}

/// One feature column of a table of numbers and its standardisation in the browser.
#[derive(Clone, Debug, PartialEq)]
pub struct FeatureColumn {
    /// The column's name in the data file (units included).
    pub name: String,
    /// The training rows' mean, subtracted.
    pub mean: f64,
    /// Their standard deviation, divided by.
    pub std: f64,
}

/// What the model reads from each row of the data file.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// A `sequence` column, one-hot encoded in this alphabet (target column `value` or
    /// `positive`).
    Sequences(Alphabet),
    /// Numbers: these feature columns, standardised as in the browser, and the target column.
    Table {
        /// The feature columns, in the order the model reads them.
        features: Vec<FeatureColumn>,
        /// The target column's name.
        target: String,
    },
}

/// The browser's own result of the run, printed beside Keras's so the two can be compared.
#[derive(Clone, Debug, PartialEq)]
pub struct BrowserRun {
    /// Epochs the browser trained.
    pub epochs: usize,
    /// Its test numbers by the names the script prints (`test accuracy`, `test r2`, …).
    pub metrics: Vec<(String, f64)>,
}

/// Everything the exported script and notebook describe.
#[derive(Clone, Debug, PartialEq)]
pub struct KerasExport {
    /// The architecture.
    pub spec: ModelSpec,
    /// The training settings.
    pub config: TrainConfig,
    /// Keras's random seed.
    pub model_seed: u64,
    /// The data file the page writes next to the script.
    pub data_file: String,
    /// What the model reads from the data file.
    pub input: Input,
    /// What its targets are.
    pub targets: Targets,
    /// Pad (zero rows) or cut every sequence to this length, as in the browser.
    pub fit_length: Option<usize>,
    /// The browser's numbers, if the model was trained and evaluated.
    pub browser: Option<BrowserRun>,
}

/// One step of the exported experiment: its title and explanation (Korean, English) and its code.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// Title (Korean, English).
    pub title: (&'static str, &'static str),
    /// What the step does and why (Korean, English).
    pub explanation: (String, String),
    /// The Python code.
    pub code: String,
}

/// The script for `spec` trained with `config` on `data_file` (written by the page next to it).
/// With `fit_length`, every sequence is padded with zero rows or cut to that length, as in the
/// browser.
pub fn keras_script(
    spec: &ModelSpec,
    config: &TrainConfig,
    model_seed: u64,
    data_file: &str,
    targets: Targets,
    fit_length: Option<usize>,
) -> String {
    KerasExport {
        spec: spec.clone(),
        config: config.clone(),
        model_seed,
        data_file: data_file.to_string(),
        input: Input::Sequences(Alphabet::Dna),
        targets,
        fit_length,
        browser: None,
    }
    .script()
}

impl KerasExport {
    /// The experiment as a Python script: every step's code under a comment with its title.
    pub fn script(&self) -> String {
        let mut out = format!(
            r#""""SeqLab export: the model trained in the browser, rebuilt in Keras 3.

Run it next to {data_file} (written by SeqLab): python this_file.py
Needs numpy and keras with the TensorFlow backend (pip install numpy tensorflow).
Keras starts from its own random weights, so its numbers differ a little from the browser's.
"""
"#,
            data_file = self.data_file
        );
        for step in self.steps() {
            out.push_str(&format!("\n# {}\n{}\n", step.title.1, step.code));
        }
        out
    }

    /// The experiment as steps: set-up, data, model, training, evaluation (and the browser's
    /// numbers beside Keras's when known). The script and the notebook are both made from these.
    pub fn steps(&self) -> Vec<Step> {
        let (spec, config) = (&self.spec, &self.config);
        let input_shape: Vec<String> = spec.input_shape.iter().map(usize::to_string).collect();
        let layers: Vec<String> = spec
            .layers
            .iter()
            .map(|l| format!("    {},", layer_line(l)))
            .collect();
        let target = match &self.input {
            Input::Sequences(_) => "value".to_string(),
            Input::Table { target, .. } => target.clone(),
        };
        let (metrics, load_targets, report) = target_code(self.targets, &python_string(&target));
        let callbacks = match config.early_stopping {
            Some(rule) => format!(
                "[keras.callbacks.EarlyStopping(monitor=\"{}\", patience={}, restore_best_weights={})]",
                match rule.monitor {
                    Monitor::ValLoss => "val_loss",
                    Monitor::Loss => "loss",
                },
                rule.patience,
                python_bool(rule.restore_best_weights)
            ),
            None => "[]".to_string(),
        };
        let mut steps = self.data_steps(&load_targets);
        steps.extend([
            Step {
                title: ("모델", "The model"),
                explanation: (
                    "브라우저에서 만든 것과 같은 층, 같은 크기입니다. summary()의 매개변수 수가 SeqLab의 요약 표와 같아야 합니다.".to_string(),
                    "The same layers with the same sizes as in the browser: the parameter count in summary() should equal SeqLab's summary table.".to_string(),
                ),
                code: format!(
                    "model = keras.Sequential([\n    keras.Input(shape=({input},)),\n{layers}\n])\nmodel.compile(\n    optimizer={optimizer},\n    loss={loss},\n    metrics={metrics},\n)\nmodel.summary()",
                    input = input_shape.join(", "),
                    layers = layers.join("\n"),
                    optimizer = optimizer_line(&config.optimizer),
                    loss = loss_line(config.loss.kind, config.loss.semantics),
                ),
            },
            Step {
                title: ("학습", "Training"),
                explanation: (
                    format!("배치 {}, 최대 에포크 {}, 검증 비율 {}로 학습합니다.", config.batch_size, config.epochs, config.validation_split),
                    format!("Train with batch size {}, at most {} epochs and a validation share of {}.", config.batch_size, config.epochs, config.validation_split),
                ),
                code: format!(
                    "history = model.fit(\n    X[train], y[train],\n    batch_size={},\n    epochs={},\n    validation_split={},\n    shuffle={},\n    callbacks={callbacks},\n)",
                    config.batch_size,
                    config.epochs,
                    config.validation_split,
                    python_bool(config.shuffle)
                ),
            },
            Step {
                title: ("테스트 세트로 평가", "Evaluate on the test set"),
                explanation: (
                    "테스트 세트는 학습에 한 번도 쓰지 않은 행입니다.".to_string(),
                    "The test rows were never used in training.".to_string(),
                ),
                code: report,
            },
        ]);
        if let Some(browser) = &self.browser {
            let lines: Vec<String> = browser
                .metrics
                .iter()
                .map(|(name, value)| format!("print(\"{name:<16} browser {value:.4}   Keras\", round(float(KERAS[\"{name}\"]), 4))"))
                .collect();
            steps.push(Step {
                title: ("브라우저와 비교", "Compare with the browser"),
                explanation: (
                    format!("SeqLab이 브라우저에서 {}에포크 학습한 결과와 나란히 봅니다. 시작 가중치가 달라 조금 다르지만 비슷해야 합니다.", browser.epochs),
                    format!("Side by side with SeqLab's run in the browser ({} epochs). Different starting weights make them differ a little; they should be close.", browser.epochs),
                ),
                code: lines.join("\n"),
            });
        }
        steps
    }
}

impl KerasExport {
    /// The set-up and the data steps: imports and the seed, then reading the data file (one-hot
    /// sequences, or feature columns standardised as in the browser) and `load_targets`.
    fn data_steps(&self, load_targets: &str) -> Vec<Step> {
        let data_file = &self.data_file;
        let setup = |extra: &str| Step {
            title: ("준비", "Set-up"),
            explanation: (
                format!(
                    "numpy와 Keras를 불러오고 브라우저와 같은 시드({})를 정합니다. Keras는 자기 난수로 가중치를 시작하므로 숫자는 브라우저와 조금 다릅니다.",
                    self.model_seed
                ),
                format!(
                    "Import numpy and Keras and set the browser's seed ({}). Keras starts from its own random weights, so its numbers differ a little from the browser's.",
                    self.model_seed
                ),
            ),
            code: format!(
                "import csv\n\nimport numpy as np\nimport keras\n\nDATA_FILE = \"{data_file}\"\n{extra}keras.utils.set_random_seed({})",
                self.model_seed
            ),
        };
        let split = "test = np.array([r[\"split\"] == \"test\" for r in rows])\ntrain = ~test\nprint(\"X\", X.shape, \"train\", int(train.sum()), \"test\", int(test.sum()))";
        match &self.input {
            Input::Sequences(alphabet) => {
                let length = self
                    .fit_length
                    .map_or_else(|| "None".to_string(), |l| l.to_string());
                vec![
                    setup(&format!(
                        "LENGTH = {length}  # pad with zero rows / cut to this length (None: all sequences agree)\n"
                    )),
                    Step {
                        title: (
                            "데이터 읽기와 원-핫 인코딩",
                            "Read the data and one-hot encode it",
                        ),
                        explanation: (
                            format!(
                                "SeqLab이 쓴 {data_file}을 읽습니다. 서열마다 {}로 바꾸고, split 열로 훈련 세트와 테스트 세트를 나눕니다. 훈련 행은 브라우저가 학습한 순서 그대로여서 validation_split도 같은 행을 떼어 냅니다.",
                                alphabet.described().0
                            ),
                            format!(
                                "Read {data_file}, written by SeqLab. Each sequence becomes {}, and the split column says which rows are training and which are test rows. The training rows are in the order the browser trained on them, so validation_split holds out the same rows.",
                                alphabet.described().1
                            ),
                        ),
                        code: format!(
                            "{}\n\n\nwith open(DATA_FILE, newline=\"\") as handle:\n    rows = list(csv.DictReader(handle))\nX = np.stack([one_hot(r[\"sequence\"]) for r in rows])\n{load_targets}\n{split}",
                            alphabet.one_hot()
                        ),
                    },
                ]
            }
            Input::Table { features, .. } => {
                let names: Vec<String> = features.iter().map(|f| python_string(&f.name)).collect();
                let means: Vec<String> = features.iter().map(|f| f.mean.to_string()).collect();
                let sds: Vec<String> = features.iter().map(|f| f.std.to_string()).collect();
                vec![
                    setup(""),
                    Step {
                        title: ("데이터 읽기와 표준화", "Read the data and standardise it"),
                        explanation: (
                            format!(
                                "SeqLab이 쓴 {data_file}을 읽습니다. 입력 열 {}개를 브라우저가 훈련 세트로 구한 평균과 표준편차로 z-점수(값에서 평균을 빼고 표준편차로 나눈 수)로 바꾸고, split 열로 훈련 세트와 테스트 세트를 나눕니다. 훈련 행은 브라우저가 학습한 순서 그대로여서 validation_split도 같은 행을 떼어 냅니다.",
                                features.len()
                            ),
                            format!(
                                "Read {data_file}, written by SeqLab. The {} feature columns become z-scores (the value minus the mean, divided by the standard deviation) with the browser's training means and standard deviations, and the split column says which rows are training and which are test rows. The training rows are in the order the browser trained on them, so validation_split holds out the same rows.",
                                features.len()
                            ),
                        ),
                        code: format!(
                            "FEATURES = [{}]\nMEANS = np.array([{}], dtype=\"float32\")  # the browser's standardisation\nSDS = np.array([{}], dtype=\"float32\")\n\nwith open(DATA_FILE, newline=\"\", encoding=\"utf-8\") as handle:\n    rows = list(csv.DictReader(handle))\nraw = np.array([[float(r[name]) for name in FEATURES] for r in rows], dtype=\"float32\")\nX = (raw - MEANS) / SDS\n{load_targets}\n{split}",
                            names.join(", "),
                            means.join(", "),
                            sds.join(", ")
                        ),
                    },
                ]
            }
        }
    }
}

/// `text` as a Python string literal (JSON's escapes are Python's).
fn python_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// The metrics, the target loading and the test report for `targets`. The report ends by filling
/// `KERAS`, the test numbers by name, for the comparison with the browser.
fn target_code(targets: Targets, column: &str) -> (&'static str, String, String) {
    match targets {
        Targets::MotifClasses => (
            "[\"accuracy\"]",
            "positive = np.array([float(r[\"positive\"]) for r in rows], dtype=\"float32\")\n\
             y = np.stack([positive, 1.0 - positive], axis=1)  # positive = [1, 0], as in the lecture"
                .to_string(),
            "loss, accuracy = model.evaluate(X[test], y[test], verbose=0)\n\
             print(f\"test loss {loss:.4f}, test accuracy {accuracy:.4f}\")\n\
             predicted = model.predict(X[test], verbose=0).argmax(axis=1)\n\
             true = y[test].argmax(axis=1)\n\
             matrix = np.zeros((2, 2), dtype=int)  # rows = true class, columns = predicted\n\
             for t, p in zip(true, predicted):\n    matrix[t, p] += 1\n\
             print(\"confusion matrix (class 0 = positive):\")\nprint(matrix)\n\
             KERAS = {\"test loss\": loss, \"test accuracy\": accuracy}"
                .to_string(),
        ),
        Targets::Value { mean, std } => (
            "[]",
            format!(
                "values = np.array([float(r[{column}]) for r in rows], dtype=\"float32\")\n\
                 MEAN, STD = {mean}, {std}  # the browser's standardisation (z-score)\n\
                 y = ((values - MEAN) / STD).reshape(-1, 1)"
            ),
            "predicted = model.predict(X[test], verbose=0).ravel() * STD + MEAN\n\
             observed = values[test]\n\
             r2 = 1.0 - ((observed - predicted) ** 2).sum() / ((observed - observed.mean()) ** 2).sum()\n\
             pearson = np.corrcoef(observed, predicted)[0, 1]\n\
             print(f\"test r2 {r2:.4f}, Pearson r {pearson:.4f}\")\n\
             KERAS = {\"test r2\": r2, \"test Pearson r\": pearson}"
                .to_string(),
        ),
    }
}
