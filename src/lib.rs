//! Kalkyl: a budget scenario planner that runs entirely in the browser.
//!
//! - [`model`]: the planning engine, plain Rust.
//! - [`document`]: the plan as a versioned JSON document, for storage and files.
//! - [`export`]: CSV and XLSX for spreadsheets.
//! - [`storage`]: the plan in browser storage, as a versioned document.
//! - [`ui`]: Leptos components that send commands to the engine and show its figures.

pub mod document;
pub mod export;
pub mod idb;
pub mod model;
pub mod outcome_import;
pub mod storage;
pub mod ui;
