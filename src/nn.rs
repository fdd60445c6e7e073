//! The neural-network engine: Keras-exact layers, losses and optimisers on `ndarray`, in float32,
//! layout `[batch, length, channels]`.
//!
//! Every layer has `forward`, which keeps what the backward pass needs, and
//! `backward(grad_output) → grad_input`, which also fills its parameters' `grad` (the chain rule:
//! `∂L/∂x = ∂L/∂y · ∂y/∂x`). A [`Sequential`] model chains them; a [`LossConfig`] says which loss
//! and which Keras semantics; an [`Optimizer`] turns gradients into updates.
//!
//! - layers: [`Conv1d`], [`MaxPool1d`], [`Flatten`], [`Dense`], [`Dropout`], activations
//!   ([`Activation`]);
//! - [`loss`]: the loss functions with their gradients; [`objective`]: which one a model uses;
//! - [`Adam`] (Keras 3 exact), [`Sgd`]; [`init`]: glorot-uniform from a seed;
//! - [`ModelSpec`]: the serialisable architecture; [`facts`]: what it implies (shapes, parameters,
//!   memory) with checked arithmetic and no weights; [`Summary`]: Keras's summary table;
//! - [`gradcheck`]: finite differences for the tests.
//!
//! Plain Rust: no web crate, tested natively.

pub mod activation;
pub mod adam;
pub mod conv1d;
pub mod dense;
pub mod dropout;
pub mod facts;
pub mod flatten;
pub mod gradcheck;
pub mod init;
pub mod layer;
pub mod loss;
pub mod max_pool1d;
pub mod model;
pub mod objective;
pub mod optimizer;
pub mod param;
pub mod saved;
pub mod sgd;
pub mod spec;
pub mod summary;

pub use activation::Activation;
pub use adam::{Adam, AdamConfig};
pub use conv1d::{Conv1d, Conv1dConfig, Padding};
pub use dense::{Dense, DenseConfig};
pub use dropout::{Dropout, DropoutConfig};
pub use facts::{LayerFacts, MODEL_LIMITS, ModelLimits, SpecFacts};
pub use flatten::Flatten;
pub use layer::Layer;
pub use loss::LossOutput;
pub use max_pool1d::{MaxPool1d, MaxPool1dConfig};
pub use model::Sequential;
pub use objective::{LossConfig, LossKind, LossSemantics};
pub use optimizer::{Optimizer, OptimizerConfig};
pub use param::Param;
pub use saved::{ModelFileError, SavedModel, SavedTensor};
pub use sgd::{Sgd, SgdConfig};
pub use spec::{LayerSpec, ModelError, ModelSpec};
pub use summary::{Summary, SummaryRow};
