//! Copy, paste and clear over a selection of any size, as commands: pure
//! functions of a sheet and the engine, so the grid renders none of the
//! cells they read.

use super::contract::{At, Entry, Fmt, Sheet};
use super::keys::{Pos, Range};
use crate::model::{Command, Engine};

/// The cell at a grid position: `rows` are the sheet rows shown.
fn at(sheet: &dyn Sheet, rows: &[usize], pos: Pos) -> Option<At> {
    let row = *rows.get(pos.row)?;
    (pos.col < sheet.columns().len()).then_some(At { row, col: pos.col })
}

/// The selection as tab-separated text, as Excel copies it: amounts exact
/// in the display unit, one line a row.
pub fn copy_text(sheet: &dyn Sheet, engine: &Engine, rows: &[usize], range: Range, fmt: Fmt) -> String {
    let line = |row: usize| {
        let cells = (range.left..=range.right).map(|col| match at(sheet, rows, Pos { row, col }) {
            Some(at) => sheet.show(engine, at, fmt).content.copied(fmt),
            None => String::new(),
        });
        cells.collect::<Vec<_>>().join("\t")
    };
    (range.top..=range.bottom).map(line).collect::<Vec<_>>().join("\r\n")
}

/// Tab-separated text as Excel and LibreOffice copy it: rows of cells. A
/// trailing line break is not an extra row.
pub fn split_block(text: &str) -> Vec<Vec<&str>> {
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    text.split('\n').map(|line| line.strip_suffix('\r').unwrap_or(line).split('\t').collect()).collect()
}

/// What pasting `text` with its top left at `start` does: one command for
/// the whole block and the range it covers, or why nothing is pasted (the
/// block reaches past the grid or over cells that are not typed, or a cell
/// is refused, named by its place in the block).
pub fn paste(
    sheet: &dyn Sheet,
    engine: &Engine,
    rows: &[usize],
    start: Pos,
    text: &str,
    fmt: Fmt,
) -> Result<(Entry, Range), String> {
    let block = split_block(text);
    let width = block.iter().map(Vec::len).max().unwrap_or(1);
    let place = |r: usize, c: usize| at(sheet, rows, Pos { row: start.row + r, col: start.col + c });
    let fits = block
        .iter()
        .enumerate()
        .all(|(r, cells)| (0..cells.len()).all(|c| place(r, c).is_some_and(|at| sheet.edit(engine, at, fmt).is_ok())));
    if !fits {
        return Err(fmt.lang.block_misfit(block.len(), width));
    }
    let mut commands = Vec::new();
    let mut note = None;
    for (r, cells) in block.iter().enumerate() {
        for (c, text) in cells.iter().enumerate() {
            let at = place(r, c).ok_or_else(|| fmt.lang.block_misfit(block.len(), width))?;
            let entry = sheet.enter(engine, at, text, fmt).map_err(|why| fmt.lang.paste_refused(r, c, &why))?;
            commands.push(entry.command);
            note = note.or(entry.note);
        }
    }
    let end = Pos { row: start.row + block.len() - 1, col: start.col + width - 1 };
    Ok((Entry { command: Command::together(commands), note }, Range::spanning(start, end)))
}

/// The command that clears every cell of `range` that can be cleared, as
/// one edit; `None` when none can (the selection is computed).
pub fn clear(sheet: &dyn Sheet, engine: &Engine, rows: &[usize], range: Range) -> Option<Command> {
    let mut commands: Vec<Command> =
        range.positions().filter_map(|pos| sheet.clear(engine, at(sheet, rows, pos)?)).collect();
    commands.dedup();
    (!commands.is_empty()).then(|| Command::together(commands))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_splits_into_rows_and_cells() {
        assert_eq!(
            split_block("1 234,5\t-6 840\r\n1,234.5\t0\r\n"),
            vec![vec!["1 234,5", "-6 840"], vec!["1,234.5", "0"]]
        );
        assert_eq!(split_block("1\t2\n3\tabc"), vec![vec!["1", "2"], vec!["3", "abc"]]);
        assert_eq!(split_block("7"), vec![vec!["7"]]);
    }
}
