//! The contract between the grid and a view: what a view tells the grid,
//! as plain data and pure functions of the engine (see the module docs of
//! [`super`] for an example).

use std::sync::Arc;

use rust_decimal::Decimal;

use crate::model::number::{clipboard_text, format_amount, format_number, plain};
use crate::model::{Amount, Command, Engine, Row, Unit};
use crate::ui::i18n::Lang;

/// A cell of a sheet, by its indices in [`Sheet::rows`] and [`Sheet::columns`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct At {
    pub row: usize,
    pub col: usize,
}

/// How figures are written: the display unit of amounts and the language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fmt {
    pub unit: Unit,
    pub lang: Lang,
}

/// A column: a stable key (`data-col`, for tests and styles), its heading
/// and its width in CSS pixels (the grid lays columns out at fixed widths,
/// which is what lets it render only those on screen).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnSpec {
    pub key: String,
    pub label: String,
    pub width: u16,
}

/// How a row looks and behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    Line,
    /// The heading of a collapsible group, usually with the group's figures.
    Group,
    Total,
    Result,
}

/// What a row's figures depend on: after an edit, the grid refreshes the
/// rows whose topic the engine reports as changed, and no other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Topic {
    /// The figures of a line, or of the totals or result of a group.
    Row(Row),
    /// Anything in the plan: the row refreshes after every edit (for
    /// figures computed from the whole plan).
    Plan,
}

/// A row: a stable key (`data-row`), the label in the frozen column, its
/// style, the group heading it folds under (an index in [`Sheet::rows`]; a
/// heading names itself) and what its figures depend on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowSpec {
    pub key: String,
    pub label: String,
    pub style: Style,
    pub section: Option<usize>,
    pub topic: Topic,
}

/// A traffic light (status) of a value against its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Green,
    Yellow,
    Red,
    /// Cannot be assessed (kan inte bedömas).
    Unassessed,
}

/// What a cell holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Content {
    Empty,
    /// An amount, shown rounded in the display unit, copied exactly.
    Amount(Amount),
    /// A figure beyond the range of amounts.
    OutOfRange,
    /// A plain number (a key value, a percentage) with a fixed number of decimals.
    Number {
        value: Decimal,
        decimals: u32,
    },
    Text(String),
    /// A status, always with words: colour is never the only sign.
    Status {
        status: Status,
        label: String,
    },
    /// An error in place of the figure (`#FEL`); the cell's title says why.
    Error(String),
}

impl Content {
    /// The text the cell shows.
    pub fn text(&self, fmt: Fmt) -> String {
        match self {
            Content::Empty => String::new(),
            Content::Amount(amount) => format_amount(*amount, fmt.unit),
            Content::OutOfRange => fmt.lang.out_of_range().to_owned(),
            Content::Number { value, decimals } => format_number(*value, *decimals, false),
            Content::Text(text) | Content::Status { label: text, .. } | Content::Error(text) => text.clone(),
        }
    }

    /// The text a copy puts on the clipboard: amounts exact in the display
    /// unit and numbers with every decimal, so that pasting them back (here
    /// or in Swedish Excel) gives the same figures.
    pub fn copied(&self, fmt: Fmt) -> String {
        match self {
            Content::Empty | Content::OutOfRange => String::new(),
            Content::Amount(amount) => clipboard_text(*amount, fmt.unit),
            Content::Number { value, .. } => plain(*value),
            _ => self.text(fmt),
        }
    }

    /// Whether the cell is empty, for jumping to the edge of the data (Ctrl+arrows).
    pub fn is_blank(&self) -> bool {
        *self == Content::Empty
    }
}

/// How a cell takes input, which decides how it looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Access {
    /// Computed: typing is refused, with the reason.
    Computed,
    /// Typed: an amount, a number or a text.
    Typed,
    /// Computed by a formula, which typing `=…` replaces.
    Formula,
    /// Chosen from a list (Enter, F2 or Alt+↓ opens it), as Excel's data validation.
    Choice,
}

/// What a cell shows: its content, how it takes input, a tooltip (why a
/// figure is an error), and the marks of a total: incomplete (⚠, which
/// parts are missing) and rounded (≈, what its rounded parts add up to).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub content: Content,
    pub access: Access,
    pub title: Option<String>,
    pub incomplete: Option<String>,
    pub rounding: Option<String>,
}

impl Shown {
    /// A computed cell with nothing but `content`.
    pub fn computed(content: Content) -> Shown {
        Shown { content, access: Access::Computed, title: None, incomplete: None, rounding: None }
    }

    /// The cell at `at` of a sheet built whole in advance, empty outside it.
    pub fn of(cells: &[Vec<Shown>], at: At) -> Shown {
        cells.get(at.row).and_then(|row| row.get(at.col)).cloned().unwrap_or(Shown::computed(Content::Empty))
    }
}

/// What opens when the user starts typing into a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Editor {
    /// A text field starting from `text` (the exact figure on F2), with a
    /// hint under it: what the input means (its unit, what a formula does).
    Text { text: String, hint: Option<String> },
    /// A list to choose from, with the current choice.
    Choice { options: Vec<String>, current: Option<usize> },
}

/// What entering text into a cell does: the command that makes the edit
/// (one undoable step) and a note for the message line under the grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub command: Command,
    pub note: Option<String>,
}

/// A view as the grid shows it, built from the engine once per structure
/// change (or change of language or view) and then read cell by cell.
///
/// Every method is a pure function of the engine: a view is tested
/// natively, without a browser. Messages are in `fmt.lang`, ready to show.
pub trait Sheet: Send + Sync + 'static {
    /// The frozen label column: its heading and width.
    fn label_column(&self) -> &ColumnSpec;

    /// The columns after the frozen label column.
    fn columns(&self) -> &[ColumnSpec];

    /// Every row, folded or not, in order.
    fn rows(&self) -> &[RowSpec];

    /// What the cell shows.
    fn show(&self, engine: &Engine, at: At, fmt: Fmt) -> Shown;

    /// What typing into the cell opens, or why the cell cannot be typed
    /// into (which names the reason and what to do instead).
    fn edit(&self, engine: &Engine, at: At, fmt: Fmt) -> Result<Editor, String>;

    /// What entering `text` into the cell does, or why it is refused. Text
    /// for a choice is one of its options.
    fn enter(&self, engine: &Engine, at: At, text: &str, fmt: Fmt) -> Result<Entry, String>;

    /// The command that clears the cell (Delete), if it can be cleared.
    fn clear(&self, engine: &Engine, at: At) -> Option<Command>;
}

/// A built sheet, shared by the grid's rows; equal only to itself, so that
/// what is derived from it is rebuilt when, and only when, it is rebuilt.
#[derive(Clone)]
pub struct SheetRef(pub Arc<dyn Sheet>);

impl SheetRef {
    pub fn new(sheet: impl Sheet) -> SheetRef {
        SheetRef(Arc::new(sheet))
    }
}

impl PartialEq for SheetRef {
    fn eq(&self, other: &SheetRef) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SheetRef {
    type Target = dyn Sheet;

    fn deref(&self) -> &(dyn Sheet + 'static) {
        &*self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SV_TKR: Fmt = Fmt { unit: Unit::Tkr, lang: Lang::Sv };

    #[test]
    fn contents_show_rounded_and_copy_exact() {
        let amount = Content::Amount(Amount::kronor(1_137_550));
        assert_eq!(amount.text(SV_TKR), "1\u{a0}138");
        assert_eq!(amount.copied(SV_TKR), "1137,55");
        let number = Content::Number { value: Decimal::new(12_345, 3), decimals: 1 };
        assert_eq!(number.text(SV_TKR), "12,3");
        assert_eq!(number.copied(SV_TKR), "12,345");
        let status = Content::Status { status: Status::Red, label: "Ej uppfyllt".into() };
        assert_eq!(status.text(SV_TKR), "Ej uppfyllt");
        assert_eq!(Content::OutOfRange.text(SV_TKR), "för stort");
        assert_eq!(Content::OutOfRange.copied(SV_TKR), "");
        assert!(Content::Empty.is_blank() && !Content::Text(String::new()).is_blank());
    }
}
