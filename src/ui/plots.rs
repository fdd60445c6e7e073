//! Canvas plots drawn with plotters-canvas. Each is a component that takes signals and redraws when
//! they (or the language, or the window size) change.

pub mod backend;
pub mod bar_chart;
pub mod canvas;
pub mod field_plot;
pub mod glyphs;
pub mod heatmap;
pub mod line_chart;
pub mod matrix_plot;
pub mod network;
pub mod scatter;
pub mod score_track;
pub mod sequence_logo;

pub use bar_chart::{BarChart, Bars};
pub use field_plot::{Field, FieldColors, FieldPlot};
pub use heatmap::Heatmap;
pub use line_chart::{LineChart, Series};
pub use matrix_plot::{Matrix, MatrixColors, MatrixPlot};
pub use network::NetworkDiagram;
pub use scatter::Scatter;
pub use score_track::ScoreTrack;
pub use sequence_logo::{HeightSwitch, SequenceLogo};
