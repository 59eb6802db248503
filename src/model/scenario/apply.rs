//! Applying a measure to a plan's inputs: the budgets of typed lines and
//! the quantities of drivers, as [`Changes`] on top of the plan.

use rust_decimal::Decimal;

use super::{Change, Measure};
use crate::model::amount::Amount;
use crate::model::calc::Changes;
use crate::model::forecast::to_ore;
use crate::model::period::{Month, Monthly};
use crate::model::plan::{DriverId, Kind, LineId, Plan};
use crate::model::selection::Selection;
use crate::model::spread::{SplitError, round_shares, split_by, split_evenly};

/// Why a measure cannot be applied. It then changes nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MeasureError {
    /// The selection holds no typed line with a budget from the measure's
    /// month on (lines computed by formulas follow what they name instead).
    EmptySelection,
    /// The change would take a cost below zero, on this line.
    NegativeCost(String),
    /// The plan has no such driver.
    UnknownDriver(DriverId),
    /// A percentage of −100 or less on a driver's volume.
    VolumeTooLow,
    /// A figure leaves the range of amounts.
    Overflow,
}

/// The cells a measure on `selection` from `from` acts on: each selected
/// typed line with its budget as `changes` leave it.
struct Cells {
    lines: Vec<(LineId, Monthly)>,
    from: usize,
}

impl Cells {
    fn of(plan: &Plan, changes: &Changes, selection: &Selection, from: Month) -> Result<Cells, MeasureError> {
        let lines: Vec<(LineId, Monthly)> = selection
            .lines(plan)
            .filter(|line| line.formula.is_none())
            .map(|line| (line.id, changes.budgets.get(&line.id).copied().unwrap_or(line.budget)))
            .collect();
        if lines.is_empty() {
            return Err(MeasureError::EmptySelection);
        }
        Ok(Cells { lines, from: from.index() })
    }

    /// Every cell's amount, line by line, month by month.
    fn values(&self) -> Vec<Decimal> {
        self.lines.iter().flat_map(|(_, months)| months[self.from..].iter().map(|m| m.decimal())).collect()
    }

    /// Adds `deltas` (one a cell, in the order of [`Cells::values`]) to the cells in `changes`.
    fn add(&self, changes: &mut Changes, deltas: &[Amount]) -> Result<(), MeasureError> {
        let width = 12 - self.from;
        for ((id, months), deltas) in self.lines.iter().zip(deltas.chunks(width)) {
            let mut months = *months;
            for (month, delta) in months[self.from..].iter_mut().zip(deltas) {
                *month = month.checked_add(*delta).map_err(|_| MeasureError::Overflow)?;
                Amount::from_decimal(month.decimal()).map_err(|_| MeasureError::Overflow)?;
            }
            changes.budgets.insert(*id, months);
        }
        Ok(())
    }

    /// Every cell changed by `percent`, rounded so that the change of the
    /// whole selection is its exact change rounded to the öre.
    fn scale(&self, changes: &mut Changes, percent: Decimal) -> Result<(), MeasureError> {
        let values = self.values();
        if values.iter().all(Decimal::is_zero) {
            return Err(MeasureError::EmptySelection);
        }
        let factor = percent.checked_div(Decimal::ONE_HUNDRED).ok_or(MeasureError::Overflow)?;
        let shares: Vec<Decimal> = values
            .iter()
            .map(|value| value.checked_mul(factor))
            .collect::<Option<_>>()
            .ok_or(MeasureError::Overflow)?;
        self.add(changes, &round_shares(&shares).ok_or(MeasureError::Overflow)?)
    }

    /// `amount` spread over the cells in proportion to their size, evenly
    /// where they are all zero; exact to the öre.
    fn spread(&self, changes: &mut Changes, amount: Amount) -> Result<(), MeasureError> {
        let weights: Vec<Decimal> = self.values().iter().map(|value| value.abs()).collect();
        let deltas = match split_by(amount, &weights) {
            Ok(deltas) => deltas,
            Err(SplitError::ZeroTotal) => split_evenly(amount, weights.len()),
            Err(_) => return Err(MeasureError::Overflow),
        };
        self.add(changes, &deltas)
    }
}

/// A year's amount for the months from `from` on: `amount` × months left ÷ 12.
fn for_months_left(amount: Decimal, from: Month) -> Result<Amount, MeasureError> {
    let left = Decimal::from(12 - from.index());
    let value = amount.checked_mul(left).ok_or(MeasureError::Overflow)? / Decimal::from(12);
    to_ore(value).map_err(|_| MeasureError::Overflow)
}

/// A driver's quantities as `changes` leave them.
fn quantities(plan: &Plan, changes: &Changes, driver: DriverId) -> Result<[Decimal; 12], MeasureError> {
    let stored = plan.driver(driver).ok_or(MeasureError::UnknownDriver(driver))?;
    Ok(changes.drivers.get(&driver).copied().unwrap_or(stored.months))
}

/// Applies `measure` to `changes`, whole or not at all. A switched-off
/// measure changes nothing.
pub(super) fn apply(plan: &Plan, changes: &mut Changes, measure: &Measure) -> Result<(), MeasureError> {
    if !measure.enabled {
        return Ok(());
    }
    let mut next = changes.clone();
    let from = measure.from;
    match &measure.change {
        Change::Percent { selection, percent } | Change::Index { selection, percent } => {
            Cells::of(plan, &next, selection, from)?.scale(&mut next, *percent)?;
        }
        Change::Amount { selection, amount } => {
            let yearly = for_months_left(amount.decimal(), from)?;
            Cells::of(plan, &next, selection, from)?.spread(&mut next, yearly)?;
        }
        Change::Transfer { from: source, to, amount } => {
            let yearly = for_months_left(amount.decimal(), from)?;
            let negated = Amount::ZERO.checked_sub(yearly).map_err(|_| MeasureError::Overflow)?;
            Cells::of(plan, &next, source, from)?.spread(&mut next, negated)?;
            Cells::of(plan, &next, to, from)?.spread(&mut next, yearly)?;
        }
        Change::Fte { selection, driver, change, cost_per_fte } => {
            fte(plan, &mut next, selection, *driver, *change, *cost_per_fte, from)?;
        }
        Change::Volume { driver, percent } => {
            if *percent <= Decimal::from(-100) {
                return Err(MeasureError::VolumeTooLow);
            }
            let mut months = quantities(plan, &next, *driver)?;
            let factor = Decimal::ONE + *percent / Decimal::ONE_HUNDRED;
            for quantity in &mut months[from.index()..] {
                *quantity = quantity.checked_mul(factor).ok_or(MeasureError::Overflow)?;
            }
            next.drivers.insert(*driver, months);
        }
    }
    no_cost_below_zero(plan, changes, &next)?;
    *changes = next;
    Ok(())
}

/// `change` FTE at `cost` a year each: the money on the selected typed
/// lines, the FTE on the driver.
fn fte(
    plan: &Plan,
    changes: &mut Changes,
    selection: &Selection,
    driver: Option<DriverId>,
    change: Decimal,
    cost: Amount,
    from: Month,
) -> Result<(), MeasureError> {
    let yearly = for_months_left(change.checked_mul(cost.decimal()).ok_or(MeasureError::Overflow)?, from)?;
    let cells = Cells::of(plan, changes, selection, from);
    match (cells, driver) {
        (Ok(cells), _) => cells.spread(changes, yearly)?,
        (Err(_), Some(_)) => {}
        (Err(error), None) => return Err(error),
    }
    if let Some(driver) = driver {
        let mut months = quantities(plan, changes, driver)?;
        for quantity in &mut months[from.index()..] {
            *quantity = quantity.checked_add(change).ok_or(MeasureError::Overflow)?;
        }
        changes.drivers.insert(driver, months);
    }
    Ok(())
}

/// Refuses a change that takes a cost month that was not negative below zero.
fn no_cost_below_zero(plan: &Plan, before: &Changes, after: &Changes) -> Result<(), MeasureError> {
    let below = |amount: &Amount| amount.decimal().is_sign_negative() && !amount.is_zero();
    for line in plan.lines.iter().filter(|line| plan.kind(line) == Kind::Cost) {
        let Some(now) = after.budgets.get(&line.id) else { continue };
        let was = before.budgets.get(&line.id).unwrap_or(&line.budget);
        if now.iter().zip(was).any(|(now, was)| below(now) && !below(was)) {
            return Err(MeasureError::NegativeCost(line.name.clone()));
        }
    }
    Ok(())
}
