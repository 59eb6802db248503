//! Edits as commands. Applying a command returns its inverse, so undo and
//! redo are two stacks of commands and nothing else.

use rust_decimal::Decimal;

use super::allocation::{AllocationCommand, Refusal, calc::AllocationTouched};
use super::amount::Amount;
use super::formula::FormulaError;
use super::indicator::{IndicatorEdit, IndicatorError};
use super::period::Month;
use super::period::closed_count;
use super::plan::{DriverId, Forecast, IndicatorId, LineId, Plan, Series, Snapshot};
use super::scenario::{self, MeasureError, MeasureId, Scenario, ScenarioId};
use super::spread::{Fill, SplitError, fill_open};
use super::structure::{self, Item, ItemId};

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
    /// Changes how a line's forecast is projected.
    SetForecast { line: LineId, forecast: Forecast },
    /// Sets the last closed month and the forecast snapshots taken so far:
    /// closing a month, or undoing that.
    SetClosing { closed_through: Option<Month>, snapshots: Vec<Snapshot> },
    /// Sets or removes the formula of a line's budget. Applied as given: a
    /// formula is checked when entered, by [`crate::model::Engine::set_formula`].
    SetFormula { line: LineId, formula: Option<String> },
    /// Sets months of drivers' quantities.
    SetQuantities(Vec<(DriverId, Month, Decimal)>),
    /// Several commands as one edit, undone as one.
    Batch(Vec<Command>),
    /// Adds a department, category, service, driver or line at a place in its list.
    Insert { index: usize, item: Box<Item> },
    /// Removes a member of the structure that nothing uses.
    Remove(ItemId),
    /// Renames a member of the structure.
    Rename { item: ItemId, name: String },
    /// Moves a member of the structure within its list.
    Move { item: ItemId, to: usize },
    /// Replaces the whole plan: an imported file or a restored backup.
    Replace(Box<Plan>),
    /// Renames the plan.
    SetName(String),
    /// Adds a scenario at a place in the list (or last).
    InsertScenario { index: usize, scenario: Box<Scenario> },
    /// Removes a scenario no other scenario starts from.
    RemoveScenario(ScenarioId),
    /// Replaces a scenario (its name, base or measures) by its id. Applied as
    /// given: checked when entered, by [`crate::model::Engine::save_scenario`].
    SetScenario(Box<Scenario>),
    /// Edits customers, keys, pools, rules or the price list.
    Allocation(AllocationCommand),
    /// An edit of the indicators.
    Indicator(IndicatorEdit),
}

/// Why a command was refused. A refused command changes nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommandError {
    /// The plan has no line with this id.
    UnknownLine(LineId),
    /// The cell is computed, not typed (for example a forecast by method).
    NotEditable(Cell),
    /// A figure computed from the edit would leave the range of amounts:
    /// on `line` (by name) or in a total it belongs to, when known.
    Overflow { line: Option<String> },
    /// Every month of the year is already closed.
    YearClosed,
    /// The plan has no driver with this id.
    UnknownDriver(DriverId),
    /// The formula cannot be computed: wrong, naming what is not there, or circular.
    Formula(FormulaError),
    /// The plan has no such department, category, service, driver or line.
    UnknownItem(ItemId),
    /// The id is already taken in its list.
    DuplicateId(ItemId),
    /// Still used: `by` names the first of `count` lines using it.
    InUse { item: ItemId, by: String, count: usize },
    /// A name must have at least one letter or digit.
    EmptyName,
    /// The plan has no scenario with this id.
    UnknownScenario(ScenarioId),
    /// The scenario id is already taken.
    DuplicateScenario(ScenarioId),
    /// The measure id is already taken, in this or another scenario.
    DuplicateMeasure(MeasureId),
    /// Another scenario starts from this one: its name.
    ScenarioInUse { by: String },
    /// The scenarios' bases would go round in a circle: their names.
    CircularBase(Vec<String>),
    /// A measure cannot be applied.
    Measure(MeasureError),
    /// An allocation edit that would leave customers, keys, pools, rules or
    /// prices inconsistent.
    Allocation(Refusal),
    /// An edit of an indicator that is refused.
    Indicator(IndicatorError),
}

/// What a command changed, for recalculation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Touched {
    pub lines: Vec<LineId>,
    pub drivers: Vec<DriverId>,
    /// Indicators whose typed values changed.
    pub indicators: Vec<IndicatorId>,
    /// Whether what depends on what may have changed (formulas, methods, the
    /// closed month): then everything is recomputed.
    pub structure: bool,
    /// What changed in the allocation set-up.
    pub allocation: AllocationTouched,
}

impl Touched {
    pub(super) fn lines(lines: Vec<LineId>) -> Touched {
        Touched { lines, ..Touched::default() }
    }

    pub(super) fn structure() -> Touched {
        Touched { structure: true, ..Touched::default() }
    }

    fn merge(&mut self, other: Touched) {
        self.lines.extend(other.lines);
        self.drivers.extend(other.drivers);
        self.indicators.extend(other.indicators);
        self.structure |= other.structure;
        self.allocation.merge(other.allocation);
    }
}

/// The result of applying a command: its inverse and what it touched.
pub struct Applied {
    pub inverse: Command,
    pub touched: Touched,
}

impl Command {
    /// Sets the full year of `series` on `line` to `total`: closed months
    /// stay as they are and the open ones take the rest following their
    /// profile, evenly where they have none ([`fill_open`]); last year has
    /// no closed months. Returns the command and how the total was spread.
    pub fn fill_year(
        plan: &Plan,
        line: LineId,
        series: Series,
        total: Amount,
    ) -> Result<(Command, Fill), CommandError> {
        let target = plan.line(line).ok_or(CommandError::UnknownLine(line))?;
        let cell = Cell { line, series, month: Month::JANUARY };
        let months = target.months(series).ok_or(CommandError::NotEditable(cell))?;
        let closed = if series == Series::LastYear { 0 } else { closed_count(plan.closed_through) };
        let (filled, fill) = fill_open(total, months, closed).map_err(|error| match error {
            SplitError::YearClosed => CommandError::YearClosed,
            _ => CommandError::Overflow { line: Some(target.name.clone()) },
        })?;
        let cells = Month::all().map(|month| (Cell { month, ..cell }, filled[month.index()]));
        Ok((Command::SetAmounts(cells.collect()), fill))
    }

    /// Several commands as one edit; amounts set by each stay one
    /// [`Command::SetAmounts`] (a pasted block), and one command stays itself.
    pub fn together(mut commands: Vec<Command>) -> Command {
        if commands.len() == 1 {
            return commands.remove(0);
        }
        if commands.iter().all(|command| matches!(command, Command::SetAmounts(_))) {
            let cells = commands.into_iter().flat_map(|command| match command {
                Command::SetAmounts(cells) => cells,
                _ => Vec::new(),
            });
            return Command::SetAmounts(cells.collect());
        }
        Command::Batch(commands)
    }

    /// Applies the command to `plan`, whole or not at all.
    pub fn apply(self, plan: &mut Plan) -> Result<Applied, CommandError> {
        match self {
            Command::SetAmounts(cells) => set_amounts(plan, cells),
            Command::SetForecast { line, forecast } => {
                if let Forecast::Volume { indicator, .. } = forecast {
                    super::indicator::edit::check_volume(plan, indicator)?;
                }
                let target = plan.line_mut(line).ok_or(CommandError::UnknownLine(line))?;
                let old = std::mem::replace(&mut target.forecast, forecast);
                let inverse = Command::SetForecast { line, forecast: old };
                Ok(Applied { inverse, touched: Touched::structure() })
            }
            Command::SetClosing { closed_through, snapshots } => {
                let old_closed = std::mem::replace(&mut plan.closed_through, closed_through);
                let old_snapshots = std::mem::replace(&mut plan.snapshots, snapshots);
                let inverse = Command::SetClosing { closed_through: old_closed, snapshots: old_snapshots };
                Ok(Applied { inverse, touched: Touched::structure() })
            }
            Command::SetFormula { line, formula } => set_formula(plan, line, formula),
            Command::SetQuantities(cells) => set_quantities(plan, cells),
            Command::Batch(commands) => batch(plan, commands),
            Command::Insert { index, item } => structure::insert(plan, index, *item),
            Command::Remove(item) => structure::remove(plan, item),
            Command::Rename { item, name } => structure::rename(plan, item, name),
            Command::Move { item, to } => structure::move_to(plan, item, to),
            Command::SetName(name) => {
                let name = name.trim().to_owned();
                if name.is_empty() {
                    return Err(CommandError::EmptyName);
                }
                let old = std::mem::replace(&mut plan.name, name);
                Ok(Applied { inverse: Command::SetName(old), touched: Touched::default() })
            }
            Command::InsertScenario { index, scenario } => scenario::insert(plan, index, *scenario),
            Command::RemoveScenario(id) => scenario::remove(plan, id),
            Command::SetScenario(scenario) => scenario::set(plan, *scenario),
            Command::Allocation(command) => command.apply(plan),
            Command::Indicator(edit) => super::indicator::edit::apply(plan, edit),
            Command::Replace(new) => {
                let old = std::mem::replace(plan, *new);
                Ok(Applied { inverse: Command::Replace(Box::new(old)), touched: Touched::structure() })
            }
        }
    }
}

fn set_formula(plan: &mut Plan, line: LineId, formula: Option<String>) -> Result<Applied, CommandError> {
    let target = plan.line_mut(line).ok_or(CommandError::UnknownLine(line))?;
    let old = std::mem::replace(&mut target.formula, formula);
    Ok(Applied { inverse: Command::SetFormula { line, formula: old }, touched: Touched::structure() })
}

fn set_quantities(plan: &mut Plan, cells: Vec<(DriverId, Month, Decimal)>) -> Result<Applied, CommandError> {
    if let Some((missing, _, _)) = cells.iter().find(|(id, _, _)| plan.driver(*id).is_none()) {
        return Err(CommandError::UnknownDriver(*missing));
    }
    let mut old = Vec::with_capacity(cells.len());
    let mut drivers = Vec::new();
    for (id, month, value) in cells {
        if let Some(driver) = plan.drivers.iter_mut().find(|driver| driver.id == id) {
            old.push((id, month, std::mem::replace(&mut driver.months[month.index()], value)));
        }
        drivers.push(id);
    }
    old.reverse();
    drivers.sort_unstable();
    drivers.dedup();
    Ok(Applied { inverse: Command::SetQuantities(old), touched: Touched { drivers, ..Touched::default() } })
}

/// Applies commands in order; if one is refused, those before it are undone.
fn batch(plan: &mut Plan, commands: Vec<Command>) -> Result<Applied, CommandError> {
    let mut inverses = Vec::with_capacity(commands.len());
    let mut touched = Touched::default();
    for command in commands {
        match command.apply(plan) {
            Ok(applied) => {
                inverses.push(applied.inverse);
                touched.merge(applied.touched);
            }
            Err(error) => {
                for inverse in inverses.into_iter().rev() {
                    let _ = inverse.apply(plan);
                }
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(Applied { inverse: Command::Batch(inverses), touched })
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
    Ok(Applied { inverse: Command::SetAmounts(old), touched: Touched::lines(touched) })
}
