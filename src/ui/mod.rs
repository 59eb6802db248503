//! The interface: Leptos components, one a file, sharing the [`store::Store`].
//! `grid` is the spreadsheet grid and the contract a view fulfils to be
//! shown in it; `sheet` says what the plan's views show, as data.

pub mod allocation;
mod app;
pub mod charts;
mod close_month;
mod column_input;
mod dimension_list;
mod driver_table;
mod files;
mod followup;
mod forecast_accuracy;
mod formula_errors;
pub mod grid;
pub mod i18n;
mod import_report;
pub mod indicators;
mod new_line_form;
mod outcome_import_panel;
mod plan_library;
mod plan_menu;
mod scenarios;
pub mod sheet;
mod storage_notice;
pub mod store;
pub mod structure;
mod structure_view;
mod toolbar;
mod view_tabs;

pub use app::App;
