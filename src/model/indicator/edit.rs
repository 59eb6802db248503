//! The edits of indicators as commands, each applied whole or not at all
//! and returning its inverse. Adding, removing, renaming and moving
//! indicators and perspectives are the structure's commands
//! ([`crate::model::structure`]).

use rust_decimal::Decimal;

use super::super::amount::AmountError;
use super::super::command::{Applied, Command, CommandError, Touched};
use super::super::graph::{Graph, Ref};
use super::super::plan::{IndicatorId, PerspectiveId, Plan};
use super::super::structure::ItemId;
use super::{Definition, Direction, Indicator, MAX_DECIMALS, StatusRule, ValueCell, Values, checked_value};

/// An edit of the indicators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndicatorEdit {
    /// Sets typed values, or clears them with `None` (not reported): one
    /// typed cell or a pasted block.
    SetValues(Vec<(ValueCell, Option<Decimal>)>),
    /// Sets or removes the formula of an indicator. Applied as given: a
    /// formula is checked when entered, by [`crate::model::Engine::set_indicator_formula`].
    SetFormula { indicator: IndicatorId, formula: Option<String> },
    /// Sets what an indicator is (perspective, unit, periodicity, direction,
    /// decimals, own rule, note). A new periodicity starts with no values,
    /// unless `values` gives them (as the inverse of such an edit does).
    Define { indicator: IndicatorId, definition: Box<Definition>, values: Option<Box<Values>> },
    /// Sets the plan's default status rule.
    SetDefaultRule(StatusRule),
}

/// Why an edit of an indicator was refused. Nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndicatorError {
    /// The indicator is computed by a formula: its values are not typed.
    Computed { indicator: String },
    /// The indicator has no such period.
    NoSuchPeriod,
    /// A value beyond ±10^15 or with more than six decimals.
    Value(AmountError),
    /// A target band whose low end is above its high end.
    BandReversed { low: Decimal, high: Decimal },
    /// More decimals to show than [`MAX_DECIMALS`].
    Decimals(u32),
    /// A status rule out of range (see [`StatusRule::is_valid`]).
    Rule,
    /// The values do not have one per period of the periodicity.
    Shape,
    /// The plan has no such perspective.
    UnknownPerspective(PerspectiveId),
    /// The indicator is the volume of `line` (and maybe of more lines), so it
    /// must stay a typed monthly indicator.
    Volume { line: String },
    /// Not a typed monthly indicator, so no line can take its volume.
    NotAVolume { indicator: String },
}

impl From<IndicatorError> for CommandError {
    fn from(error: IndicatorError) -> CommandError {
        CommandError::Indicator(error)
    }
}

/// Applies `edit` to `plan`, whole or not at all.
pub fn apply(plan: &mut Plan, edit: IndicatorEdit) -> Result<Applied, CommandError> {
    match edit {
        IndicatorEdit::SetValues(cells) => set_values(plan, cells),
        IndicatorEdit::SetFormula { indicator, formula } => {
            if formula.is_some() {
                keep_volume(plan, indicator)?;
            }
            let old = std::mem::replace(&mut indicator_mut(plan, indicator)?.formula, formula);
            let inverse = IndicatorEdit::SetFormula { indicator, formula: old };
            Ok(Applied { inverse: Command::Indicator(inverse), touched: Touched::structure() })
        }
        IndicatorEdit::Define { indicator, definition, values } => define(plan, indicator, *definition, values),
        IndicatorEdit::SetDefaultRule(rule) => {
            check_rule(Some(&rule))?;
            let old = std::mem::replace(&mut plan.status_rule, rule);
            Ok(Applied { inverse: Command::Indicator(IndicatorEdit::SetDefaultRule(old)), touched: Touched::default() })
        }
    }
}

fn indicator_mut(plan: &mut Plan, id: IndicatorId) -> Result<&mut Indicator, CommandError> {
    plan.indicators
        .iter_mut()
        .find(|indicator| indicator.id == id)
        .ok_or(CommandError::UnknownItem(ItemId::Indicator(id)))
}

/// Checks every cell first, then sets them; the inverse sets the old values
/// back, last first, so that a cell set twice gets its first value back.
fn set_values(plan: &mut Plan, cells: Vec<(ValueCell, Option<Decimal>)>) -> Result<Applied, CommandError> {
    let mut checked = Vec::with_capacity(cells.len());
    for (cell, value) in cells {
        let indicator = indicator_mut(plan, cell.indicator)?;
        if indicator.formula.is_some() {
            return Err(IndicatorError::Computed { indicator: indicator.name.clone() }.into());
        }
        indicator.values.get_mut(cell.slot).ok_or(IndicatorError::NoSuchPeriod)?;
        checked.push((cell, value.map(checked_value).transpose().map_err(IndicatorError::Value)?));
    }
    let mut old = Vec::with_capacity(checked.len());
    let mut touched = Vec::new();
    for (cell, value) in checked {
        // Every cell was checked above, so each lookup succeeds.
        let indicator = plan.indicators.iter_mut().find(|indicator| indicator.id == cell.indicator);
        if let Some(slot) = indicator.and_then(|indicator| indicator.values.get_mut(cell.slot)) {
            old.push((cell, std::mem::replace(slot, value)));
        }
        touched.push(cell.indicator);
    }
    old.reverse();
    touched.sort_unstable();
    touched.dedup();
    let touched = Touched { indicators: touched, ..Touched::default() };
    Ok(Applied { inverse: Command::Indicator(IndicatorEdit::SetValues(old)), touched })
}

fn define(
    plan: &mut Plan,
    id: IndicatorId,
    definition: Definition,
    values: Option<Box<Values>>,
) -> Result<Applied, CommandError> {
    let current = plan.indicator(id).ok_or(CommandError::UnknownItem(ItemId::Indicator(id)))?;
    let values = match values {
        Some(values) => *values,
        None if current.definition.periodicity == definition.periodicity => current.values.clone(),
        None => Values::empty(definition.periodicity),
    };
    let new = Indicator { definition, values, ..current.clone() };
    check(plan, &new)?;
    if !new.is_volume() {
        keep_volume(plan, id)?;
    }
    let indicator = indicator_mut(plan, id)?;
    let old = std::mem::replace(indicator, new);
    let inverse = IndicatorEdit::Define {
        indicator: id,
        definition: Box::new(old.definition),
        values: Some(Box::new(old.values)),
    };
    Ok(Applied { inverse: Command::Indicator(inverse), touched: Touched::structure() })
}

/// Checks an indicator before it is added or redefined: a name, a known
/// perspective, a band in order, decimals and rule in range, one value per
/// period, every value in range.
pub fn check(plan: &Plan, indicator: &Indicator) -> Result<(), CommandError> {
    let definition = &indicator.definition;
    if !indicator.name.chars().any(char::is_alphanumeric) {
        return Err(CommandError::EmptyName);
    }
    if plan.perspective(definition.perspective).is_none() {
        return Err(IndicatorError::UnknownPerspective(definition.perspective).into());
    }
    if let Direction::Band { low, high } = definition.direction {
        checked_value(low).and(checked_value(high)).map_err(IndicatorError::Value)?;
        if low > high {
            return Err(IndicatorError::BandReversed { low, high }.into());
        }
    }
    if definition.decimals > MAX_DECIMALS {
        return Err(IndicatorError::Decimals(definition.decimals).into());
    }
    check_rule(definition.rule.as_ref())?;
    if !indicator.values.fits(definition.periodicity) {
        return Err(IndicatorError::Shape.into());
    }
    for value in indicator.values.all().filter_map(|(_, value)| value) {
        checked_value(value).map_err(IndicatorError::Value)?;
    }
    Ok(())
}

fn check_rule(rule: Option<&StatusRule>) -> Result<(), IndicatorError> {
    if rule.is_some_and(|rule| !rule.is_valid()) { Err(IndicatorError::Rule) } else { Ok(()) }
}

/// Refused while a line takes its volume from the indicator: it must stay a
/// typed monthly indicator ([`Indicator::is_volume`]).
fn keep_volume(plan: &Plan, id: IndicatorId) -> Result<(), IndicatorError> {
    let users = Graph::new(plan).users(Ref::Indicator(id));
    match users.first().and_then(|line| plan.line(*line)) {
        Some(line) => Err(IndicatorError::Volume { line: line.name.clone() }),
        None => Ok(()),
    }
}

/// Refused unless lines can take their volume from the indicator.
pub fn check_volume(plan: &Plan, id: IndicatorId) -> Result<(), CommandError> {
    let indicator = plan.indicator(id).ok_or(CommandError::UnknownItem(ItemId::Indicator(id)))?;
    if indicator.is_volume() {
        Ok(())
    } else {
        Err(IndicatorError::NotAVolume { indicator: indicator.name.clone() }.into())
    }
}
