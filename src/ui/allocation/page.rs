//! What every allocation page shares: its layout, and computed cells that
//! refuse typing unless the page says otherwise.

use super::{ColumnSpec, RowSpec};
use crate::model::{Command, Engine};
use crate::ui::grid::{At, Editor, Entry, Fmt, Sheet, Shown};

/// The cells of a page: what they show and, for the few that take input,
/// how. By default every cell is computed.
pub trait Page: Send + Sync + 'static {
    fn show(&self, engine: &Engine, at: At, fmt: Fmt) -> Shown;

    fn edit(&self, _: &Engine, _: At, fmt: Fmt) -> Result<Editor, String> {
        Err(fmt.lang.computed_cell().into())
    }

    fn enter(&self, _: &Engine, _: At, _: &str, fmt: Fmt) -> Result<Entry, String> {
        Err(fmt.lang.computed_cell().into())
    }

    fn clear(&self, _: &Engine, _: At) -> Option<Command> {
        None
    }
}

/// A page laid out: the label column, the columns and the rows, and the
/// page that fills the cells.
pub struct Paged<P> {
    pub label: ColumnSpec,
    pub columns: Vec<ColumnSpec>,
    pub rows: Vec<RowSpec>,
    pub page: P,
}

impl<P: Page> Sheet for Paged<P> {
    fn label_column(&self) -> &ColumnSpec {
        &self.label
    }

    fn columns(&self) -> &[ColumnSpec] {
        &self.columns
    }

    fn rows(&self) -> &[RowSpec] {
        &self.rows
    }

    fn show(&self, engine: &Engine, at: At, fmt: Fmt) -> Shown {
        self.page.show(engine, at, fmt)
    }

    fn edit(&self, engine: &Engine, at: At, fmt: Fmt) -> Result<Editor, String> {
        self.page.edit(engine, at, fmt)
    }

    fn enter(&self, engine: &Engine, at: At, text: &str, fmt: Fmt) -> Result<Entry, String> {
        self.page.enter(engine, at, text, fmt)
    }

    fn clear(&self, engine: &Engine, at: At) -> Option<Command> {
        self.page.clear(engine, at)
    }
}
