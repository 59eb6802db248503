//! The engine: a plan, its computed figures and the history of edits.

use super::amount::{Amount, Overflow};
use super::calc::{Calc, Row};
use super::command::{Command, CommandError};
use super::period::{Monthly, Span};
use super::plan::{Plan, Series};

#[derive(Clone, Copy)]
enum Direction {
    Undo,
    Redo,
}

/// A plan being worked on. Every change goes through [`Engine::execute`],
/// so the figures are always those of the plan and every edit can be undone.
#[derive(Clone, Debug)]
pub struct Engine {
    plan: Plan,
    calc: Calc,
    undo: Vec<Command>,
    redo: Vec<Command>,
}

impl Engine {
    /// Opens `plan`; refused if one of its totals overflows.
    pub fn new(plan: Plan) -> Result<Engine, Overflow> {
        let calc = Calc::full(&plan)?;
        Ok(Engine { plan, calc, undo: Vec::new(), redo: Vec::new() })
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Applies `command` and recalculates what depends on it. A refused
    /// command leaves the plan, the figures and the history as they were.
    pub fn execute(&mut self, command: Command) -> Result<(), CommandError> {
        let inverse = self.run(command)?;
        self.undo.push(inverse);
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last edit; `false` when there is none.
    pub fn undo(&mut self) -> Result<bool, CommandError> {
        self.step(Direction::Undo)
    }

    /// Redoes the last undone edit; `false` when there is none.
    pub fn redo(&mut self) -> Result<bool, CommandError> {
        self.step(Direction::Redo)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Runs the top command of one stack and pushes its inverse on the other.
    fn step(&mut self, direction: Direction) -> Result<bool, CommandError> {
        let Some(command) = self.stacks(direction).0.pop() else { return Ok(false) };
        let result = self.run(command.clone());
        let (from, to) = self.stacks(direction);
        match result {
            Ok(inverse) => {
                to.push(inverse);
                Ok(true)
            }
            Err(error) => {
                from.push(command);
                Err(error)
            }
        }
    }

    /// The stack a step takes from and the one it gives to.
    fn stacks(&mut self, direction: Direction) -> (&mut Vec<Command>, &mut Vec<Command>) {
        match direction {
            Direction::Undo => (&mut self.undo, &mut self.redo),
            Direction::Redo => (&mut self.redo, &mut self.undo),
        }
    }

    /// Applies `command` and updates the figures; returns its inverse.
    fn run(&mut self, command: Command) -> Result<Command, CommandError> {
        let applied = command.apply(&mut self.plan)?;
        let lines = applied.touched.iter().filter_map(|id| self.plan.line(*id));
        if self.calc.update(lines, self.plan.closed_through).is_err() {
            // Restore the plan; the figures were left untouched by the failed update.
            let _ = applied.inverse.apply(&mut self.plan);
            return Err(CommandError::Overflow);
        }
        Ok(applied.inverse)
    }

    /// The monthly figures of `series` on `row`.
    pub fn months(&self, row: Row, series: Series) -> Result<Monthly, Overflow> {
        self.calc.months(row, series)
    }

    /// The sum of `series` on `row` over `span`.
    pub fn value(&self, row: Row, series: Series, span: Span) -> Result<Amount, Overflow> {
        span.sum(&self.months(row, series)?, self.plan.closed_through)
    }
}
