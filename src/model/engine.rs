//! The engine: a plan, its computed figures and the history of edits.

use super::allocation::command::{ZeroTotals, refuse_new_zero_total, zero_totals};
use super::allocation::{AllocationCalc, Overlaid};
use super::amount::{Amount, Overflow};
use super::calc::{Calc, Changes, OutOfRange, Overlay, Refresh, Row};
use super::command::{Command, CommandError, Touched};
use super::formula::FormulaError;
use super::indicator::IndicatorCalc;
use super::period::{Month, Monthly, Span};
use super::plan::{Kind, Line, LineId, Plan, Series, Snapshot};

/// Lines with a budget but no outcome in a month, before it is closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutcomeGaps {
    /// The lines with a budget and no outcome, in plan order.
    pub missing: Vec<LineId>,
    /// How many lines have a budget in the month.
    pub budgeted: usize,
}

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
    allocation: AllocationCalc,
    indicators: IndicatorCalc,
    undo: Vec<Command>,
    redo: Vec<Command>,
    /// What changed since [`Engine::take_refresh`] was last called.
    refresh: Refresh,
}

impl Engine {
    /// Opens `plan`; refused, saying where, if one of its figures overflows.
    pub fn new(plan: Plan) -> Result<Engine, OutOfRange> {
        let calc = Calc::full(&plan)?;
        let allocation = AllocationCalc::full(&plan, &calc);
        let indicators = IndicatorCalc::full(&plan, &calc);
        Ok(Engine {
            plan,
            calc,
            allocation,
            indicators,
            undo: Vec::new(),
            redo: Vec::new(),
            refresh: Refresh::structure(),
        })
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The computed indicators (see [`crate::model::indicator`]).
    pub fn indicators(&self) -> &IndicatorCalc {
        &self.indicators
    }

    pub(crate) fn line_calc(&self) -> &Calc {
        &self.calc
    }

    /// Applies `command` and recalculates what depends on it. A refused
    /// command leaves the plan, the figures and the history as they were.
    pub fn execute(&mut self, command: Command) -> Result<(), CommandError> {
        let inverse = self.run(command, true)?;
        self.undo.push(inverse);
        self.redo.clear();
        Ok(())
    }

    /// Runs `command`, then `check` on the result: when the check refuses,
    /// the command is taken back and the plan, the figures and the history
    /// are as they were.
    pub fn execute_checked(
        &mut self,
        command: Command,
        check: impl FnOnce(&Engine) -> Result<(), CommandError>,
    ) -> Result<(), CommandError> {
        let inverse = self.run(command, true)?;
        if let Err(error) = check(self) {
            // Taking back what was just applied restores a state the plan had.
            let _ = self.run(inverse, false);
            return Err(error);
        }
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
        let result = self.run(command.clone(), false);
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

    /// Applies `command` and updates the figures; returns its inverse. A
    /// `fresh` edit (not an undo or redo) is refused if it leaves a rule or
    /// price it touches dividing by a key total of zero.
    fn run(&mut self, command: Command, fresh: bool) -> Result<Command, CommandError> {
        let zeros = fresh.then(|| zero_totals(&self.plan));
        let applied = command.apply(&mut self.plan)?;
        match self.recalculate(&applied.touched, zeros) {
            Ok(()) => Ok(applied.inverse),
            Err(error) => {
                // Restore the plan; the figures were left untouched.
                let _ = applied.inverse.apply(&mut self.plan);
                Err(error)
            }
        }
    }

    /// Updates the figures after an edit that `touched` them, unless it left
    /// a key total of zero that was not in `zeros` before; on an error
    /// nothing is changed.
    fn recalculate(&mut self, touched: &Touched, zeros: Option<ZeroTotals>) -> Result<(), CommandError> {
        if let Some(zeros) = zeros {
            refuse_new_zero_total(&self.plan, &zeros, &touched.allocation)?;
        }
        let recomputed =
            self.calc.update(&self.plan, touched).map_err(|at| CommandError::Overflow { line: Some(at.name) })?;
        self.allocation.update(&self.plan, &self.calc, touched, &recomputed);
        self.indicators.update(&self.plan, &self.calc, touched, &recomputed);
        self.refresh.merge(self.calc.refresh(&recomputed));
        Ok(())
    }

    /// What the edits since the last call changed (at first, everything):
    /// the rows to refresh, or that the structure changed.
    pub fn take_refresh(&mut self) -> Refresh {
        std::mem::take(&mut self.refresh)
    }

    /// The computed allocation: pools, charges, prices and re-settlement
    /// ([`crate::model::allocation::sheet`] gives them as the views show them).
    pub fn allocation(&self) -> &AllocationCalc {
        &self.allocation
    }

    /// The allocation with `overlay` (a scenario's figures) on top: what
    /// each customer would pay under it, computed afresh from the pools.
    pub fn allocation_under(&self, overlay: &Overlay) -> AllocationCalc {
        AllocationCalc::full(&self.plan, &Overlaid { base: &self.calc, overlay })
    }

    /// Enters a formula for the budget of `line`, or removes it with `None`.
    /// A formula that is wrong, names what the plan lacks, depends on itself
    /// or cannot be computed with today's figures (a division by zero, a
    /// line that has an error itself) is refused with what and where, and
    /// changes nothing.
    pub fn set_formula(&mut self, line: LineId, formula: Option<String>) -> Result<(), CommandError> {
        let command = self.formula_command(line, formula)?;
        self.execute(command)
    }

    /// The command that enters `formula` for the budget of `line` (or
    /// removes it with `None`), once the formula is checked as
    /// [`Engine::set_formula`] checks it.
    pub fn formula_command(&self, line: LineId, formula: Option<String>) -> Result<Command, CommandError> {
        let formula = formula.map(|text| text.trim().to_owned());
        if let Some(text) = &formula {
            let expr = super::graph::check(&self.plan, line, text).map_err(CommandError::Formula)?;
            let budget_of = |named: LineId| match self.calc.formula_error(named) {
                Some(_) => Err(FormulaError::Broken {
                    name: self.plan.line(named).map(|l| l.name.clone()).unwrap_or_default(),
                }),
                None => self.calc.months(Row::Line(named), Series::Budget).map_err(|_| FormulaError::Overflow),
            };
            super::calc::evaluate(&self.plan, &expr, &budget_of).map_err(CommandError::Formula)?;
        }
        Ok(Command::SetFormula { line, formula })
    }

    /// Closes the next month: its outcome is now booked, and the forecast as
    /// it stood is kept as a snapshot for following forecast accuracy.
    pub fn close_month(&mut self) -> Result<(), CommandError> {
        let next = match self.plan.closed_through {
            None => Month::JANUARY,
            Some(month) => month.next().ok_or(CommandError::YearClosed)?,
        };
        let lines = self.plan.lines.iter().map(|line| line.id);
        let forecasts = lines.map(|id| Ok((id, self.months(Row::Line(id), Series::Forecast)?)));
        let mut snapshots = self.plan.snapshots.clone();
        let lines = forecasts
            .collect::<Result<Vec<(LineId, Monthly)>, Overflow>>()
            .map_err(|_| CommandError::Overflow { line: None })?;
        snapshots.push(Snapshot { closed: next, lines });
        self.execute(Command::SetClosing { closed_through: Some(next), snapshots })
    }

    /// The month that closing would close next, if any is left open.
    pub fn next_to_close(&self) -> Option<Month> {
        match self.plan.closed_through {
            None => Some(Month::JANUARY),
            Some(month) => month.next(),
        }
    }

    /// The lines with a budget in `month`, and those of them with no outcome
    /// booked in it: closing the month then would count their budget as saved.
    pub fn outcome_gaps(&self, month: Month) -> OutcomeGaps {
        let budgeted = self.plan.lines.iter().filter(|line| {
            self.calc.months(Row::Line(line.id), Series::Budget).is_ok_and(|b| !b[month.index()].is_zero())
        });
        let (missing, booked): (Vec<&Line>, Vec<&Line>) =
            budgeted.partition(|line| line.outcome[month.index()].is_zero());
        OutcomeGaps { missing: missing.iter().map(|line| line.id).collect(), budgeted: missing.len() + booked.len() }
    }

    /// Why the formula of `line` cannot be computed, if it cannot (a plan
    /// from a file, a line or driver renamed since, a division by zero after
    /// an edit): its budget is then zero and every total it reaches is
    /// marked incomplete.
    pub fn formula_error(&self, line: LineId) -> Option<&FormulaError> {
        self.calc.formula_error(line)
    }

    /// The lines whose formula cannot be computed, in id order.
    pub fn broken_lines(&self) -> Vec<LineId> {
        self.calc.broken_lines().collect()
    }

    /// The lines with a formula error that the figures of `row` add up: they
    /// are incomplete, each such line counted as zero.
    pub fn errors(&self, row: Row) -> Vec<LineId> {
        self.calc.errors(row)
    }

    /// The figures of the plan with `changes` on top (a scenario's), as an
    /// overlay of this engine's figures; refused, saying where, on overflow.
    pub fn overlay(&self, changes: &Changes) -> Result<Overlay, OutOfRange> {
        self.calc.overlay(&self.plan, changes)
    }

    /// The monthly figures of `series` on `row` with `overlay` on top.
    pub fn overlay_months(&self, overlay: &Overlay, row: Row, series: Series) -> Result<Monthly, Overflow> {
        overlay.months(&self.calc, row, series)
    }

    /// The monthly figures of `series` on `row`.
    pub fn months(&self, row: Row, series: Series) -> Result<Monthly, Overflow> {
        self.calc.months(row, series)
    }

    /// The sum of `series` on `row` over `span`.
    pub fn value(&self, row: Row, series: Series, span: Span) -> Result<Amount, Overflow> {
        span.sum(&self.months(row, series)?, self.plan.closed_through)
    }

    /// The deviation (avvikelse) of outcome from budget over `span`, positive
    /// when better than budget: budget − outcome for costs, outcome − budget
    /// for revenue and results.
    pub fn deviation(&self, row: Row, span: Span) -> Result<Amount, Overflow> {
        self.better_than(row, Series::Budget, Series::Outcome, span)
    }

    /// The full-year forecast's deviation from the full-year budget, with the
    /// sign rules of [`Engine::deviation`].
    pub fn forecast_deviation(&self, row: Row) -> Result<Amount, Overflow> {
        self.better_than(row, Series::Budget, Series::Forecast, Span::FullYear)
    }

    /// How much better `actual` is than `reference` on `row` over `span`.
    fn better_than(&self, row: Row, reference: Series, actual: Series, span: Span) -> Result<Amount, Overflow> {
        let reference = self.value(row, reference, span)?;
        let actual = self.value(row, actual, span)?;
        match self.calc.kind(row) {
            Some(Kind::Cost) => reference.checked_sub(actual),
            Some(Kind::Revenue) | None => actual.checked_sub(reference),
        }
    }

    /// The change in the year-to-date deviation since the previous month was
    /// closed (the report's "jan–april" against "jan–mars").
    pub fn deviation_change(&self, row: Row) -> Result<Amount, Overflow> {
        let Some(closed) = self.plan.closed_through else { return Ok(Amount::ZERO) };
        let now = self.deviation(row, Span::Through(closed))?;
        let before = match closed.previous() {
            Some(previous) => self.deviation(row, Span::Through(previous))?,
            None => Amount::ZERO,
        };
        now.checked_sub(before)
    }

    /// The full-year forecast of every line of `kind` as it stood when
    /// `snapshot` was taken (lines removed since are left out).
    pub fn snapshot_total(&self, snapshot: &Snapshot, kind: Kind) -> Result<Amount, Overflow> {
        let of_kind = snapshot.lines.iter().filter(|(id, _)| self.calc.kind(Row::Line(*id)) == Some(kind));
        Amount::checked_sum(
            of_kind.map(|(_, months)| Amount::checked_sum(months.iter().copied())).collect::<Result<Vec<_>, _>>()?,
        )
    }

    /// Outcome of the last twelve closed months (R12): this year's closed
    /// months and last year's after them.
    pub fn rolling_twelve(&self, row: Row) -> Result<Amount, Overflow> {
        let done = super::period::closed_count(self.plan.closed_through);
        let outcome = self.months(row, Series::Outcome)?;
        let last_year = self.months(row, Series::LastYear)?;
        Amount::checked_sum(outcome[..done].iter().chain(&last_year[done..]).copied())
    }
}
