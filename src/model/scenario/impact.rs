//! What a scenario does beyond the budget: to each customer's charge
//! (through the allocation of the lines its measures touch) and to the
//! indicators its measures move.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::evaluate::Evaluation;
use super::{Base, Scenario, ScenarioId};
use crate::model::allocation::CustomerId;
use crate::model::allocation::calc::Figure;
use crate::model::allocation::sheet::annual_charges;
use crate::model::engine::Engine;
use crate::model::indicator::sheet::assess;
use crate::model::indicator::{Assessment, Values};
use crate::model::plan::{IndicatorId, Plan};

/// A customer's annual charge before and after (a measure, or a scenario).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChargeChange {
    pub customer: CustomerId,
    pub before: Figure,
    pub after: Figure,
}

impl ChargeChange {
    /// After − before, when both are known (an error in either has none).
    pub fn difference(&self) -> Option<crate::model::Amount> {
        match (&self.before, &self.after) {
            (Ok(before), Ok(after)) => after.checked_sub(*before).ok(),
            _ => None,
        }
    }

    /// Whether the charge moves, or cannot be told (an error reaches it).
    pub fn hits(&self) -> bool {
        self.before != self.after
    }
}

/// An indicator's full-year forecast without and with a scenario's effects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorChange {
    pub indicator: IndicatorId,
    /// The sum of the effects of the scenario's switched-on measures and its bases'.
    pub change: Decimal,
    pub before: Assessment,
    pub after: Assessment,
}

impl Evaluation {
    /// Each active customer's annual charge after `steps` measures (0: the base).
    pub fn charges_after(&self, engine: &Engine, steps: usize) -> Vec<(CustomerId, Figure)> {
        annual_charges(engine.plan(), &engine.allocation_under(self.after(steps)))
    }

    /// The customers whose charge the measure at `index` moves, on top of the
    /// measures before it; the plan's order of customers.
    pub fn customers_hit(&self, engine: &Engine, index: usize) -> Vec<ChargeChange> {
        self.charge_changes(engine, index, index + 1).into_iter().filter(ChargeChange::hits).collect()
    }

    /// Every active customer's charge under the base and under the scenario.
    pub fn charges(&self, engine: &Engine) -> Vec<ChargeChange> {
        self.charge_changes(engine, 0, self.steps.len())
    }

    fn charge_changes(&self, engine: &Engine, before: usize, after: usize) -> Vec<ChargeChange> {
        let before = self.charges_after(engine, before);
        let after = self.charges_after(engine, after);
        before
            .into_iter()
            .zip(after)
            .map(|((customer, before), (_, after))| ChargeChange { customer, before, after })
            .collect()
    }
}

/// The scenarios from the plan's budget up to `id`; empty when it is unknown
/// or its bases go round (evaluating it says which).
fn chain(plan: &Plan, id: ScenarioId) -> Vec<&Scenario> {
    let mut out: Vec<&Scenario> = Vec::new();
    let mut next = Some(id);
    while let Some(id) = next {
        let Some(scenario) = plan.scenarios.iter().find(|s| s.id == id) else { return Vec::new() };
        if out.iter().any(|s| s.id == id) {
            return Vec::new();
        }
        out.push(scenario);
        next = match scenario.base {
            Base::Budget => None,
            Base::Scenario(base) => Some(base),
        };
    }
    out
}

/// What scenario `id` does to the indicators its measures (and its bases')
/// move: each one's full-year forecast and status without and with the
/// effects of the switched-on measures, in the plan's order of indicators.
pub fn indicator_changes(engine: &Engine, id: ScenarioId) -> Vec<IndicatorChange> {
    let plan = engine.plan();
    let mut sums: BTreeMap<IndicatorId, Decimal> = BTreeMap::new();
    let measures = chain(plan, id).into_iter().flat_map(|s| &s.measures).filter(|m| m.enabled);
    for effect in measures.flat_map(|m| &m.effects) {
        let sum = sums.entry(effect.indicator).or_default();
        *sum = sum.checked_add(effect.change).unwrap_or(*sum);
    }
    plan.indicators
        .iter()
        .filter_map(|indicator| {
            let change = *sums.get(&indicator.id)?;
            let values = engine.indicators().values(plan, indicator.id)?;
            let broken = engine.indicators().fault(indicator.id).is_some();
            let moved = Values { forecast: values.forecast.and_then(|f| f.checked_add(change)), ..values.clone() };
            Some(IndicatorChange {
                indicator: indicator.id,
                change,
                before: assess(plan, indicator, values, broken, None),
                after: assess(plan, indicator, &moved, broken, None),
            })
        })
        .collect()
}
