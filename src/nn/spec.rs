//! The serialisable description of a model: what the UI's architecture form, the Web Worker and the
//! tests share (JSON via serde), plus the bilingual errors of a description that cannot be built.
//!
//! ```json
//! {"input_shape": [20, 4], "layers": [
//!   {"type": "conv1d", "filters": 10, "kernel_size": 5, "padding": "valid", "activation": "relu"},
//!   {"type": "max_pool1d", "pool_size": 4}, {"type": "flatten"},
//!   {"type": "dense", "units": 2, "activation": "sigmoid"}]}
//! ```

use super::activation::Activation;
use super::conv1d::{Conv1dConfig, Padding};
use super::dense::DenseConfig;
use super::dropout::DropoutConfig;
use super::max_pool1d::MaxPool1dConfig;
use crate::lang::{Lang, Particle, with_particle};
use serde::{Deserialize, Serialize};

/// One layer of a [`ModelSpec`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LayerSpec {
    /// [`crate::nn::Conv1d`].
    Conv1d(Conv1dConfig),
    /// [`crate::nn::MaxPool1d`].
    MaxPool1d(MaxPool1dConfig),
    /// [`crate::nn::Flatten`].
    Flatten,
    /// [`crate::nn::Dense`].
    Dense(DenseConfig),
    /// A standalone activation layer.
    Activation {
        /// The function.
        activation: Activation,
    },
    /// [`crate::nn::Dropout`].
    Dropout(DropoutConfig),
}

impl LayerSpec {
    /// Keras's base name of the layer (`conv1d`, `max_pooling1d`, …), numbered `_1`, `_2`, … when
    /// repeated.
    pub fn keras_name(&self) -> &'static str {
        match self {
            LayerSpec::Conv1d(_) => "conv1d",
            LayerSpec::MaxPool1d(_) => "max_pooling1d",
            LayerSpec::Flatten => "flatten",
            LayerSpec::Dense(_) => "dense",
            LayerSpec::Activation { .. } => "activation",
            LayerSpec::Dropout(_) => "dropout",
        }
    }

    /// Keras's class name (`Conv1D`, `MaxPooling1D`, …) for the summary's type column.
    pub fn keras_type(&self) -> &'static str {
        match self {
            LayerSpec::Conv1d(_) => "Conv1D",
            LayerSpec::MaxPool1d(_) => "MaxPooling1D",
            LayerSpec::Flatten => "Flatten",
            LayerSpec::Dense(_) => "Dense",
            LayerSpec::Activation { .. } => "Activation",
            LayerSpec::Dropout(_) => "Dropout",
        }
    }
}

/// A sequential model: the shape of one sample and the layers in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelSpec {
    /// One sample's shape without the batch: `[length, channels]` for sequences, `[features]`.
    pub input_shape: Vec<usize>,
    /// The layers, first to last.
    pub layers: Vec<LayerSpec>,
}

impl ModelSpec {
    /// The lecture's CNN (LECTURE.md item 14): Conv1D(10, 5, relu, `padding`) → MaxPooling1D(4) →
    /// Flatten → Dense(2, sigmoid) on `[20, 4]` one-hot sequences. `valid` gives the printed summary
    /// (292 parameters), `same` the code's (312).
    pub fn lecture(padding: Padding) -> ModelSpec {
        ModelSpec {
            input_shape: vec![20, 4],
            layers: vec![
                LayerSpec::Conv1d(Conv1dConfig {
                    filters: 10,
                    kernel_size: 5,
                    padding,
                    activation: Activation::Relu,
                }),
                LayerSpec::MaxPool1d(MaxPool1dConfig { pool_size: 4 }),
                LayerSpec::Flatten,
                LayerSpec::Dense(DenseConfig {
                    units: 2,
                    activation: Activation::Sigmoid,
                }),
            ],
        }
    }
}

/// Why a [`ModelSpec`] cannot be built. Layer numbers are 1-based.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelError {
    /// The input shape is empty or has a zero.
    BadInputShape(Vec<usize>),
    /// The model has no layer.
    NoLayers,
    /// A size that must be at least 1 is 0 (filters, kernel size, pool size, units).
    ZeroSize {
        /// The layer.
        layer: usize,
    },
    /// A `valid` convolution whose kernel is longer than its input.
    KernelTooLong {
        /// The layer.
        layer: usize,
        /// Kernel size.
        kernel: usize,
        /// Input length there.
        length: usize,
    },
    /// A pooling window longer than its input (nothing would be left).
    PoolTooLong {
        /// The layer.
        layer: usize,
        /// Pool size.
        pool: usize,
        /// Input length there.
        length: usize,
    },
    /// A convolution or pooling layer whose input is not a `[length, channels]` sequence.
    NeedsSequence {
        /// The layer.
        layer: usize,
    },
    /// A dense layer whose input is still a sequence.
    NeedsFlatten {
        /// The layer.
        layer: usize,
    },
    /// A dropout rate outside `[0, 1)`.
    BadDropout {
        /// The layer.
        layer: usize,
    },
    /// A size, or a product of sizes, too large to compute (layer 0: the input shape).
    Overflow {
        /// The layer.
        layer: usize,
    },
    /// More trainable parameters than the browser builds.
    TooManyParams {
        /// The model's parameters.
        params: usize,
        /// The limit.
        limit: usize,
    },
    /// A training step would need more memory than the browser allows.
    TooMuchMemory {
        /// Bytes needed (`None`: too many to count).
        bytes: Option<usize>,
        /// The limit.
        limit: usize,
    },
}

pub use crate::lang::grouped;

/// Bytes as megabytes for a message (`768 MB`).
fn megabytes(bytes: usize) -> String {
    format!("{:.0} MB", bytes as f64 / (1024.0 * 1024.0))
}

impl ModelError {
    /// The message shown to the student, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use ModelError::*;
        match self {
            BadInputShape(shape) => lang.pick(
                format!("입력 모양이 올바르지 않습니다({shape:?}). 0이 아닌 크기가 필요합니다."),
                format!("The input shape {shape:?} is not valid: every size must be at least 1."),
            ),
            NoLayers => lang.pick("모델에 층이 하나도 없습니다.".into(), "The model has no layer.".into()),
            ZeroSize { layer } => lang.pick(
                format!("{layer}번째 층: 필터 수, 커널 크기, 풀 크기, 유닛 수는 1 이상이어야 합니다."),
                format!("Layer {layer}: filters, kernel size, pool size and units must be at least 1."),
            ),
            KernelTooLong { layer, kernel, length } => lang.pick(
                format!("{layer}번째 층: 커널 크기 {} 입력 길이 {length}보다 깁니다. 커널을 줄이거나 same 패딩을 쓰세요.", with_particle(&kernel.to_string(), Particle::Subject)),
                format!("Layer {layer}: kernel size {kernel} is longer than the input ({length}); use a shorter kernel or same padding."),
            ),
            PoolTooLong { layer, pool, length } => lang.pick(
                format!("{layer}번째 층: 풀 크기 {} 입력 길이 {length}보다 깁니다.", with_particle(&pool.to_string(), Particle::Subject)),
                format!("Layer {layer}: pool size {pool} is longer than the input ({length})."),
            ),
            NeedsSequence { layer } => lang.pick(
                format!("{layer}번째 층: 합성곱과 풀링은 (길이, 채널) 모양의 서열 입력이 필요합니다. Flatten 앞에 두세요."),
                format!("Layer {layer}: convolution and pooling need a (length, channels) sequence; put them before Flatten."),
            ),
            NeedsFlatten { layer } => lang.pick(
                format!("{layer}번째 층: Dense 앞에 Flatten을 넣어 서열을 한 줄로 펴야 합니다."),
                format!("Layer {layer}: add a Flatten before this Dense layer to turn the sequence into one row."),
            ),
            BadDropout { layer } => lang.pick(
                format!("{layer}번째 층: 드롭아웃 비율은 0 이상 1 미만이어야 합니다."),
                format!("Layer {layer}: the dropout rate must be at least 0 and below 1."),
            ),
            Overflow { layer: 0 } => lang.pick(
                "입력 모양의 크기가 너무 커서 계산할 수 없습니다.".into(),
                "The input shape is too large to compute with.".into(),
            ),
            Overflow { layer } => lang.pick(
                format!("{layer}번째 층: 크기(또는 크기들의 곱)가 너무 커서 계산할 수 없습니다."),
                format!("Layer {layer}: a size (or a product of sizes) is too large to compute with."),
            ),
            TooManyParams { params, limit } => lang.pick(
                format!("이 모델은 매개변수가 {}개로, 브라우저에서 만들 수 있는 {}개보다 많습니다. 필터나 유닛을 줄이거나, 풀링을 넣거나, 서열을 더 짧게 자르세요.", grouped(*params), grouped(*limit)),
                format!("This model has {} parameters, more than the {} the browser builds. Use fewer filters or units, add pooling, or cut the sequences shorter.", grouped(*params), grouped(*limit)),
            ),
            TooMuchMemory { bytes, limit } => {
                let needed = bytes.map_or_else(|| lang.pick("셀 수 없이 많은", "uncountably many").to_string(), megabytes);
                lang.pick(
                    format!("학습 한 단계에 메모리가 {needed} 필요해 한도({})를 넘습니다. 배치 크기를 줄이거나 모델을 작게 하세요.", megabytes(*limit)),
                    format!("One training step would need {needed} of memory, over the {} limit. Use a smaller batch or a smaller model.", megabytes(*limit)),
                )
            }
        }
    }
}

crate::message!(ModelError);

/// The output shape (without batch) of `layer` (1-based number `index`) for input shape `input`.
///
/// # Errors
/// The [`ModelError`] that makes the layer impossible there.
pub fn output_shape(
    layer: &LayerSpec,
    index: usize,
    input: &[usize],
) -> Result<Vec<usize>, ModelError> {
    let sequence = || match input {
        &[length, channels] => Ok((length, channels)),
        _ => Err(ModelError::NeedsSequence { layer: index }),
    };
    match layer {
        LayerSpec::Conv1d(c) => {
            let (length, _) = sequence()?;
            if c.filters == 0 || c.kernel_size == 0 {
                return Err(ModelError::ZeroSize { layer: index });
            }
            let out = c.padding.output_length(length, c.kernel_size).ok_or(
                ModelError::KernelTooLong {
                    layer: index,
                    kernel: c.kernel_size,
                    length,
                },
            )?;
            Ok(vec![out, c.filters])
        }
        LayerSpec::MaxPool1d(p) => {
            let (length, channels) = sequence()?;
            if p.pool_size == 0 {
                return Err(ModelError::ZeroSize { layer: index });
            }
            if length < p.pool_size {
                return Err(ModelError::PoolTooLong {
                    layer: index,
                    pool: p.pool_size,
                    length,
                });
            }
            Ok(vec![length / p.pool_size, channels])
        }
        LayerSpec::Flatten => input
            .iter()
            .try_fold(1usize, |a, &d| a.checked_mul(d))
            .map(|n| vec![n])
            .ok_or(ModelError::Overflow { layer: index }),
        LayerSpec::Dense(d) => match input {
            [_] if d.units == 0 => Err(ModelError::ZeroSize { layer: index }),
            [_] => Ok(vec![d.units]),
            _ => Err(ModelError::NeedsFlatten { layer: index }),
        },
        LayerSpec::Activation { .. } => Ok(input.to_vec()),
        LayerSpec::Dropout(d) if !(0.0..1.0).contains(&d.rate) => {
            Err(ModelError::BadDropout { layer: index })
        }
        LayerSpec::Dropout(_) => Ok(input.to_vec()),
    }
}
