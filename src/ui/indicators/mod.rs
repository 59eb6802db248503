//! Indikatorer: the report's indicator tables next to the money. The grid
//! ([`IndicatorSheet`], data tested natively) shows each perspective's
//! tables with the report's columns and a status in colour and words; the
//! panel under it edits an indicator's definition and status rule, the
//! plan's default rule, and draws the indicator's trend.

mod definition_editor;
mod indicator_panel;
mod indicator_sheet;
mod indicator_trend;
mod indicators_view;
mod rule_editor;
mod texts;

pub use indicator_sheet::IndicatorSheet;
pub use indicators_view::IndicatorsView;

use crate::model::indicator::{Aggregation, Definition, Direction, IndicatorUnit, Periodicity};
use crate::model::structure::{Item, next_id};
use crate::model::{Command, Indicator, IndicatorId, Plan};

/// A new typed monthly count named `name` in the first perspective, with a
/// fresh id, and the command that adds it last.
pub fn new_indicator(plan: &Plan, name: String) -> (IndicatorId, Command) {
    let id = IndicatorId(next_id(&plan.indicators, |i| i.id.0));
    let definition = Definition {
        perspective: plan.perspectives.first().map_or(crate::model::plan::PerspectiveId(1), |p| p.id),
        unit: IndicatorUnit::Count,
        periodicity: Periodicity::Month,
        aggregation: Aggregation::Level,
        cumulative: false,
        direction: Direction::HigherIsBetter,
        decimals: 0,
        rule: None,
        note: None,
    };
    let item = Item::Indicator(Box::new(Indicator::new(id, name.trim(), definition)));
    (id, Command::Insert { index: plan.indicators.len(), item: Box::new(item) })
}

#[cfg(test)]
mod tests;
