//! Charts drawn as SVG from engine figures: no chart service, no canvas.
//!
//! Geometry is pure and tested natively (`scale`, `waterfall`); the
//! components only draw it. Every chart has a title and a description naming
//! its figures, offers the same figures as a table, and is readable in black
//! and white (steps down are hatched and signed, lines differ by dash and
//! marker).

mod bar_chart;
mod chart_table;
pub mod scale;
pub mod series;
mod texts;
mod trend_chart;
pub mod waterfall;
mod waterfall_chart;

pub use bar_chart::BarChart;
pub use trend_chart::TrendChart;
pub use waterfall_chart::WaterfallChart;
