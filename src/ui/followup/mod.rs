//! Follow-up: how the year runs against its budget, month by month.

mod texts;
mod trend_panel;

pub use trend_panel::TrendPanel;
