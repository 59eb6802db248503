//! The interface: Leptos components, one a file, sharing the [`store::Store`].
//! `sheet` says what a view shows; the components only render it.

mod app;
mod cell_editor;
pub mod grid;
mod grid_cell;
mod grid_row;
pub mod i18n;
mod method_cell;
pub mod sheet;
mod sheet_grid;
mod storage_notice;
pub mod store;
mod toolbar;
mod view_tabs;

pub use app::App;
