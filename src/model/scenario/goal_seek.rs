//! Goal seek (målsökning): the uniform percentage change of a selection that
//! brings a figure of a scenario to a frame.

use rust_decimal::Decimal;

use super::apply::{MeasureError, apply};
use super::evaluate::{ScenarioError, evaluate};
use super::{Change, Measure, MeasureId, ScenarioId};
use crate::model::amount::Amount;
use crate::model::calc::{Changes, Row};
use crate::model::engine::Engine;
use crate::model::period::{Month, Span};
use crate::model::plan::Series;
use crate::model::selection::Selection;

/// A frame to meet: the full-year budget of `row` (the result, total costs,
/// a department's costs …) brought to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Goal {
    pub row: Row,
    pub target: Amount,
}

/// The change that meets a goal, to add as an ordinary measure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// The percentage, exact: rounding it for display changes the figures.
    pub percent: Decimal,
    pub change: Change,
    /// What the row reaches with the change.
    pub reached: Amount,
    /// `reached` − target: what rounding to the öre leaves, never hidden.
    pub residual: Amount,
}

/// Why a goal cannot be met.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GoalError {
    /// Changing the selection does not move the row.
    NoEffect,
    /// Meeting the frame would take the selection to or below zero: the
    /// percentage it would take.
    Unreachable(Decimal),
    Scenario(ScenarioError),
    Measure(MeasureError),
}

/// The most rounds of refinement: the row follows the percentage linearly
/// but for rounding and formulas that cap or switch, so a few suffice.
const ROUNDS: usize = 8;

/// The uniform percentage change of `selection` from `from` on, on top of
/// scenario `id`'s measures, that brings `goal.row` to `goal.target`.
pub fn goal_seek(
    engine: &Engine,
    id: ScenarioId,
    goal: Goal,
    selection: Selection,
    from: Month,
) -> Result<Proposal, GoalError> {
    let evaluation = evaluate(engine, id).map_err(GoalError::Scenario)?;
    let start = evaluation.changes().clone();
    let reach = |percent: Decimal| -> Result<Amount, GoalError> {
        let change = Change::Percent { selection: selection.clone(), percent };
        let measure = Measure::new(MeasureId(0), "", change, from);
        let mut changes: Changes = start.clone();
        apply(engine.plan(), &mut changes, &measure).map_err(GoalError::Measure)?;
        let overlay = engine.overlay(&changes).map_err(|at| GoalError::Scenario(ScenarioError::OutOfRange(at.name)))?;
        let months = engine
            .overlay_months(&overlay, goal.row, Series::Budget)
            .map_err(|_| GoalError::Measure(MeasureError::Overflow))?;
        Span::FullYear.sum(&months, None).map_err(|_| GoalError::Measure(MeasureError::Overflow))
    };
    let now = evaluation.year(engine, goal.row).map_err(|_| GoalError::Measure(MeasureError::Overflow))?;
    let trial = Decimal::from(-10);
    let moved = reach(trial)?.decimal() - now.decimal();
    if moved.is_zero() {
        return Err(GoalError::NoEffect);
    }
    // Secant steps from (0, now), refined until the row meets the target.
    let (mut last, mut last_value) = (Decimal::ZERO, now.decimal());
    let mut slope = moved / trial;
    let mut percent = (goal.target.decimal() - now.decimal()) / slope;
    let mut reached = now;
    for _ in 0..ROUNDS {
        if percent <= Decimal::from(-100) {
            return Err(GoalError::Unreachable(percent.round_dp(2)));
        }
        reached = reach(percent)?;
        let gap = goal.target.decimal() - reached.decimal();
        let moved = reached.decimal() - last_value;
        if gap.is_zero() || moved.is_zero() {
            break;
        }
        slope = moved / (percent - last);
        (last, last_value) = (percent, reached.decimal());
        percent += gap / slope;
    }
    // The answer is the last percentage evaluated: `last` when the loop ran
    // out (the next one was never tried), otherwise the one that stopped it.
    let percent = if reached.decimal() == last_value { last } else { percent };
    let residual = reached.checked_sub(goal.target).map_err(|_| GoalError::Measure(MeasureError::Overflow))?;
    Ok(Proposal { percent, change: Change::Percent { selection, percent }, reached, residual })
}
