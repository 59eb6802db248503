//! The interface: Leptos components, one a file, sharing the [`store::Store`].
//! `sheet` says what a view shows; the components only render it.

mod app;
mod cell_editor;
pub mod charts;
mod close_month;
mod dimension_list;
mod driver_table;
mod files;
mod followup;
mod forecast_accuracy;
mod formula_errors;
pub mod grid;
mod grid_cell;
mod grid_row;
pub mod i18n;
mod import_report;
mod method_cell;
mod new_line_form;
mod outcome_import_panel;
mod plan_library;
mod plan_menu;
pub mod sheet;
mod sheet_grid;
mod storage_notice;
pub mod store;
pub mod structure;
mod structure_view;
mod toolbar;
mod view_tabs;

pub use app::App;
