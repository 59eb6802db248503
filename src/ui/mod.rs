//! The interface: Leptos components, one a file, sharing the [`store::Store`].

mod app;
mod cell_editor;
pub mod grid;
pub mod i18n;
pub mod report;
mod report_cell;
mod report_row;
mod report_table;
mod storage_notice;
pub mod store;
mod toolbar;

pub use app::App;
