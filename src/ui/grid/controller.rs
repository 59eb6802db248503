//! What the grid does on a key, a click, an entry, a copy or a paste: user
//! actions turned into selection changes and engine commands.

use leptos::prelude::*;

use super::clipboard;
use super::contract::{Access, At, Editor, Fmt};
use super::keys::{Extent, KeyAction, Motion, Pos, destination};
use super::state::{GridState, Layout};
use crate::ui::store::Store;

/// A grid's state with its layout and the store: provided to its rows,
/// cells and editors.
#[derive(Clone, Copy)]
pub struct Grid {
    pub store: Store,
    pub state: GridState,
    pub layout: Memo<Layout>,
    /// How many rows a screen holds.
    pub page: Memo<usize>,
}

impl Grid {
    fn fmt(&self) -> Fmt {
        Fmt { unit: self.store.unit.get_untracked(), lang: self.store.lang.get_untracked() }
    }

    /// The sheet's cell under the active cell.
    fn active(&self) -> Option<At> {
        self.layout.with_untracked(|layout| layout.at(self.state.active.get_untracked()))
    }

    /// Does what a key does; `false` when the key is left to the browser.
    pub fn key(&self, action: KeyAction) -> bool {
        match action {
            KeyAction::Move { motion, extend, traps } => self.go(motion, extend, traps),
            KeyAction::Enter { back } => {
                let is_list = self.active().is_some_and(|at| {
                    let fmt = self.fmt();
                    self.layout.with_untracked(|layout| {
                        self.store.peek(|engine| layout.sheet.show(engine, at, fmt).access == Access::Choice)
                    })
                });
                if is_list && !back {
                    self.start_editing(None);
                    return true;
                }
                self.go(Motion::Step { rows: if back { -1 } else { 1 }, cols: 0 }, false, true)
            }
            KeyAction::Edit(typed) => {
                self.start_editing(typed);
                true
            }
            KeyAction::Clear => {
                self.clear();
                true
            }
            KeyAction::SelectAll => {
                let (rows, cols) = self.layout.with_untracked(Layout::size);
                self.state.select(Pos::default(), false);
                self.state.select(Pos { row: rows.saturating_sub(1), col: cols.saturating_sub(1) }, true);
                true
            }
            KeyAction::Undo => {
                self.store.undo();
                true
            }
            KeyAction::Redo => {
                self.store.redo();
                true
            }
        }
    }

    /// Moves the active cell, or with `extend` the selection's far corner;
    /// `false` when the move would leave the grid and `traps` is not set.
    pub fn go(&self, motion: Motion, extend: bool, traps: bool) -> bool {
        let state = self.state;
        let from = if extend { state.end.get_untracked() } else { state.active.get_untracked() };
        let fmt = self.fmt();
        let landed = self.layout.with_untracked(|layout| {
            let (rows, cols) = layout.size();
            let blank = |pos: Pos| {
                layout.at(pos).is_none_or(|at| self.store.peek(|e| layout.sheet.show(e, at, fmt).content.is_blank()))
            };
            let extent = Extent { rows, cols, page: self.page.get_untracked(), blank: &blank };
            destination(motion, from, &extent)
        });
        match landed {
            Some(pos) => {
                state.select(pos, extend);
                true
            }
            None => traps,
        }
    }

    /// Opens the editor on the active cell (with `typed` text, or its
    /// value), or says why the cell cannot be typed in. A list opens on the
    /// option that starts with the typed letter.
    pub fn start_editing(&self, typed: Option<String>) {
        let Some(at) = self.active() else { return };
        let fmt = self.fmt();
        let editor = self.layout.with_untracked(|layout| self.store.peek(|e| layout.sheet.edit(e, at, fmt)));
        let state = self.state;
        match editor {
            Err(reason) => state.message.set(Some(reason)),
            Ok(Editor::Text { text, hint }) => {
                state.message.set(None);
                state.editing.set(Some(Editor::Text { text: typed.unwrap_or(text), hint }));
            }
            Ok(Editor::Choice { options, current }) => {
                let typed = typed.map(|text| text.to_lowercase());
                let starting = typed.and_then(|t| options.iter().position(|o| o.to_lowercase().starts_with(&t)));
                state.message.set(None);
                state.editing.set(Some(Editor::Choice { current: starting.or(current), options }));
            }
        }
    }

    /// Enters `text` into the active cell as one command; `false` (with the
    /// reason as the cell's message) when refused.
    pub fn commit(&self, text: &str) -> bool {
        let Some(at) = self.active() else { return false };
        let fmt = self.fmt();
        let entry = self.layout.with_untracked(|layout| self.store.peek(|e| layout.sheet.enter(e, at, text, fmt)));
        let result = entry.and_then(|entry| {
            self.store.execute(entry.command).map(|()| entry.note).map_err(|e| fmt.lang.command_error(&e))
        });
        match result {
            Ok(note) => {
                self.state.message.set(None);
                self.state.status.set(note);
                self.state.editing.set(None);
                true
            }
            Err(reason) => {
                self.state.message.set(Some(reason));
                false
            }
        }
    }

    /// Closes the editor without entering anything.
    pub fn cancel(&self) {
        self.state.editing.set(None);
        self.state.message.set(None);
    }

    /// Clears every cell of the selection that can be cleared, as one command.
    pub fn clear(&self) {
        let range = self.state.range();
        let fmt = self.fmt();
        let command =
            self.layout.with_untracked(|l| self.store.peek(|e| clipboard::clear(&*l.sheet, e, &l.rows, range)));
        let message = match command {
            None => Some(fmt.lang.computed_cell().to_owned()),
            Some(command) => self.store.execute(command).err().map(|error| fmt.lang.command_error(&error)),
        };
        self.state.message.set(message);
    }

    /// The selection as tab-separated text.
    pub fn copy(&self) -> String {
        let (range, fmt) = (self.state.range(), self.fmt());
        self.layout.with_untracked(|l| self.store.peek(|e| clipboard::copy_text(&*l.sheet, e, &l.rows, range, fmt)))
    }

    /// Pastes a tab-separated block at the active cell, whole or not at
    /// all, as one command; the pasted range is selected.
    pub fn paste(&self, text: &str) {
        let (start, fmt) = (self.state.active.get_untracked(), self.fmt());
        let pasted = self
            .layout
            .with_untracked(|l| self.store.peek(|e| clipboard::paste(&*l.sheet, e, &l.rows, start, text, fmt)));
        let result = pasted.and_then(|(entry, range)| {
            let done = self.store.execute(entry.command).map_err(|error| fmt.lang.command_error(&error));
            done.map(|()| (entry.note, range))
        });
        match result {
            Ok((note, range)) => {
                self.state.select(start, false);
                self.state.end.set(Pos { row: range.bottom, col: range.right });
                self.state.status.set(note);
            }
            Err(reason) => self.state.message.set(Some(reason)),
        }
    }
}

/// The grid provided by the enclosing [`super::SheetGrid`].
pub fn use_grid() -> Grid {
    expect_context::<Grid>()
}
