//! Edits as commands. Applying a command returns its inverse, so undo and
//! redo are two stacks of commands and nothing else.

use super::amount::Amount;
use super::period::Month;
use super::plan::{LineId, Plan, Series};
use super::spread::split_year;

/// One cell of the plan: a month of a series of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cell {
    pub line: LineId,
    pub series: Series,
    pub month: Month,
}

/// An edit of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Sets cells to amounts: one typed cell, a filled year or a pasted block.
    SetAmounts(Vec<(Cell, Amount)>),
}

/// Why a command was refused. A refused command changes nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommandError {
    /// The plan has no line with this id.
    UnknownLine(LineId),
    /// The cell is computed, not typed (for example a forecast by method).
    NotEditable(Cell),
    /// A figure computed from the edit would leave the range of amounts.
    Overflow,
}

/// The result of applying a command: its inverse and the lines it touched.
pub struct Applied {
    pub inverse: Command,
    pub touched: Vec<LineId>,
}

impl Command {
    /// Fills a year: `total` split evenly over the twelve months of `series`
    /// on `line`, exact to the öre.
    pub fn fill_year(line: LineId, series: Series, total: Amount) -> Command {
        let months = split_year(total);
        let cells = Month::all().map(|month| (Cell { line, series, month }, months[month.index()]));
        Command::SetAmounts(cells.collect())
    }

    /// Applies the command to `plan`, whole or not at all.
    pub fn apply(self, plan: &mut Plan) -> Result<Applied, CommandError> {
        match self {
            Command::SetAmounts(cells) => set_amounts(plan, cells),
        }
    }
}

fn set_amounts(plan: &mut Plan, cells: Vec<(Cell, Amount)>) -> Result<Applied, CommandError> {
    for (cell, _) in &cells {
        let line = plan.line_mut(cell.line).ok_or(CommandError::UnknownLine(cell.line))?;
        line.months_mut(cell.series).ok_or(CommandError::NotEditable(*cell))?;
    }
    let mut old = Vec::with_capacity(cells.len());
    let mut touched = Vec::new();
    for (cell, value) in cells {
        // Every cell was checked above, so each lookup succeeds.
        if let Some(months) = plan.line_mut(cell.line).and_then(|line| line.months_mut(cell.series)) {
            old.push((cell, std::mem::replace(&mut months[cell.month.index()], value)));
        }
        touched.push(cell.line);
    }
    touched.sort_unstable();
    touched.dedup();
    // Undone last-first, so a cell set twice gets its first old value back.
    old.reverse();
    Ok(Applied { inverse: Command::SetAmounts(old), touched })
}
