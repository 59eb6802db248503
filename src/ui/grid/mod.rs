//! The spreadsheet grid, for any view and any size.
//!
//! The grid owns what every view shares: the selection (click, drag,
//! Shift), the keyboard (arrows, Tab, Enter, Home/End, Ctrl+Home/End,
//! PageUp/PageDown, Ctrl+arrows to the edge of the data, each with Shift to
//! extend; F2, typing, Escape; Delete; Ctrl+A; Ctrl+Z/Y), editing in a
//! text field or a list, copy and paste of tab-separated blocks of any size,
//! collapsible groups, messages, screen-reader semantics over the whole
//! sheet, and rendering only the rows and columns on screen. A view only
//! says what it shows, through the [`Sheet`] contract:
//!
//! - **Layout**: the frozen label column, the columns (a stable key, a
//!   heading, a width) and the rows (a stable key, a label, a [`Style`], the
//!   heading they fold under, and the [`Topic`] their figures depend on).
//!   A view builds it from the engine once per structure change (the
//!   store's structure revision) or change of language.
//! - **Cells**: [`Sheet::show`] says what a cell holds ([`Content`]: an
//!   amount in the display unit, a number with decimals, a text, a status,
//!   an error) with its tooltip, the ⚠ of an incomplete total and the ≈ of
//!   a rounding note, and how it takes input ([`Access`]).
//! - **Input**: [`Sheet::edit`] opens a text field or a list, or refuses
//!   with the reason; [`Sheet::enter`] turns typed text (or a chosen
//!   option, or a pasted cell) into an engine [`crate::model::Command`],
//!   or refuses; [`Sheet::clear`] is what Delete does.
//!
//! All of it is a pure function of the [`crate::model::Engine`], tested
//! natively. The grid runs the commands through the store, which tells it
//! which rows changed: a row re-renders when its topic changed, a cell's
//! DOM only when what it shows did.
//!
//! A view of drivers (volumes) month by month, typed as plain numbers:
//!
//! ```ignore
//! struct Drivers { label: ColumnSpec, columns: Vec<ColumnSpec>, rows: Vec<RowSpec>, ids: Vec<DriverId> }
//!
//! impl Sheet for Drivers {
//!     fn label_column(&self) -> &ColumnSpec { &self.label }
//!     fn columns(&self) -> &[ColumnSpec] { &self.columns } // "m1" … "m12", 100 px each
//!     fn rows(&self) -> &[RowSpec] { &self.rows }          // Style::Line, section None, Topic::Plan
//!     fn show(&self, engine: &Engine, at: At, _: Fmt) -> Shown {
//!         let value = engine.plan().driver(self.ids[at.row]).map(|d| d.months[at.col]);
//!         let content = value.map_or(Content::Empty, |value| Content::Number { value, decimals: 1 });
//!         Shown { access: Access::Typed, ..Shown::computed(content) }
//!     }
//!     fn edit(&self, engine: &Engine, at: At, fmt: Fmt) -> Result<Editor, String> {
//!         let text = self.show(engine, at, fmt).content.copied(fmt);
//!         Ok(Editor::Text { text, hint: None })
//!     }
//!     fn enter(&self, _: &Engine, at: At, text: &str, fmt: Fmt) -> Result<Entry, String> {
//!         let value = parse_number(text).map_err(|e| fmt.lang.amount_error(e, text))?;
//!         let month = Month::from_index(at.col).expect("twelve columns");
//!         Ok(Entry { command: Command::SetQuantities(vec![(self.ids[at.row], month, value)]), note: None })
//!     }
//!     fn clear(&self, _: &Engine, at: At) -> Option<Command> {
//!         let month = Month::from_index(at.col)?;
//!         Some(Command::SetQuantities(vec![(self.ids[at.row], month, Decimal::ZERO)]))
//!     }
//! }
//!
//! // In a component: rebuilt on structure or language changes only.
//! let sheet = Memo::new(move |_| {
//!     store.structure();
//!     let lang = store.lang.get();
//!     SheetRef::new(store.peek(|engine| Drivers::new(engine.plan(), lang)))
//! });
//! view! { <SheetGrid sheet label=Signal::derive(move || "Drivare".to_owned()) /> }
//! ```

mod cell_editor;
mod choice_list;
mod clipboard;
mod contract;
mod controller;
mod grid_cell;
mod grid_row;
mod keys;
mod sheet_grid;
mod state;
mod window;

pub use clipboard::{copy_text, paste, split_block};
pub use contract::{
    Access, At, ColumnSpec, Content, Editor, Entry, Fmt, RowSpec, Sheet, SheetRef, Shown, Status, Style, Topic,
};
pub use keys::{KeyAction, Motion, Pos, Range, destination, key_action};
pub use sheet_grid::SheetGrid;
pub use window::{Geometry, ROW_HEIGHT, Viewport, Window, scroll_to_show};
