//! Reusable controls and tables. Each takes signals and shows what the core computed.

pub mod check_question;
pub mod confusion_table;
pub mod download;
pub mod error_message;
pub mod fields;
pub mod knob_fields;
pub mod lab_export;
pub mod math;
pub mod matrix_table;
pub mod motif_io;
pub mod one_hot_table;
pub mod radio_group;
pub mod scan_table;
pub mod sequence_input;
pub mod slider;
pub mod summary_table;
pub mod train_controls;
pub mod try_this;

pub use check_question::{CheckQuestion, Choice};
pub use confusion_table::ConfusionTable;
pub use download::{DownloadButton, download_text};
pub use error_message::ErrorMessage;
pub use fields::{NumberField, SelectField};
pub use knob_fields::{KnobFields, KnobSignals};
pub use lab_export::{LabExport, ModelImport, data_file_name};
pub use math::{Formulas, Math, mathml};
pub use matrix_table::{MatrixTable, format_score};
pub use motif_io::{MotifExport, MotifImport};
pub use one_hot_table::OneHotTable;
pub use radio_group::RadioGroup;
pub use scan_table::ScanTable;
pub use sequence_input::SequenceInput;
pub use slider::Slider;
pub use summary_table::SummaryTable;
pub use train_controls::{Metric, TrainControls};
pub use try_this::{ShowMe, TryThis};
