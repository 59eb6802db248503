//! Editing scenarios as commands with inverses, and the checks an edit
//! passes before it is made.

use std::collections::HashSet;

use super::evaluate::{ScenarioError, evaluate};
use super::{Base, Change, MeasureId, Scenario, ScenarioId};
use crate::model::command::{Applied, Command, CommandError, Touched};
use crate::model::engine::Engine;
use crate::model::plan::Plan;
use crate::model::structure::ItemId;

fn position(plan: &Plan, id: ScenarioId) -> Result<usize, CommandError> {
    plan.scenarios.iter().position(|s| s.id == id).ok_or(CommandError::UnknownScenario(id))
}

/// Puts `scenario` at `index` (or last); its id must be new.
pub(crate) fn insert(plan: &mut Plan, index: usize, scenario: Scenario) -> Result<Applied, CommandError> {
    if plan.scenarios.iter().any(|s| s.id == scenario.id) {
        return Err(CommandError::DuplicateScenario(scenario.id));
    }
    let id = scenario.id;
    plan.scenarios.insert(index.min(plan.scenarios.len()), scenario);
    Ok(Applied { inverse: Command::RemoveScenario(id), touched: Touched::default() })
}

/// Takes scenario `id` out; refused while another scenario starts from it.
pub(crate) fn remove(plan: &mut Plan, id: ScenarioId) -> Result<Applied, CommandError> {
    let index = position(plan, id)?;
    if let Some(user) = plan.scenarios.iter().find(|s| s.base == Base::Scenario(id)) {
        return Err(CommandError::ScenarioInUse { by: user.name.clone() });
    }
    let scenario = plan.scenarios.remove(index);
    Ok(Applied {
        inverse: Command::InsertScenario { index, scenario: Box::new(scenario) },
        touched: Touched::default(),
    })
}

/// Replaces the scenario with the same id.
pub(crate) fn set(plan: &mut Plan, scenario: Scenario) -> Result<Applied, CommandError> {
    let index = position(plan, scenario.id)?;
    let old = std::mem::replace(&mut plan.scenarios[index], scenario);
    Ok(Applied { inverse: Command::SetScenario(Box::new(old)), touched: Touched::default() })
}

/// The names of the measures that name `item` (a department, category,
/// service, driver or line), as "scenario: measure".
pub fn users(plan: &Plan, item: ItemId) -> Vec<String> {
    let names = |change: &Change| match change {
        Change::Percent { selection, .. } | Change::Index { selection, .. } | Change::Amount { selection, .. } => {
            selection.names(item)
        }
        Change::Fte { selection, driver, .. } => {
            selection.names(item) || driver.is_some_and(|d| item == ItemId::Driver(d))
        }
        Change::Volume { driver, .. } => item == ItemId::Driver(*driver),
        Change::Transfer { from, to, .. } => from.names(item) || to.names(item),
    };
    let measures = plan.scenarios.iter().flat_map(|s| s.measures.iter().map(move |m| (s, m)));
    measures.filter(|(_, m)| names(&m.change)).map(|(s, m)| format!("{}: {}", s.name, m.name)).collect()
}

impl Engine {
    /// Adds `scenario` last, or replaces the one with its id: refused with
    /// why when its name is empty, a measure id is taken by another
    /// scenario, its base is unknown or circular, or a measure it adds or
    /// changes cannot be applied (an empty selection, a cost below zero …).
    pub fn save_scenario(&mut self, scenario: Scenario) -> Result<(), CommandError> {
        if scenario.name.trim().is_empty() {
            return Err(CommandError::EmptyName);
        }
        let others = self.plan().scenarios.iter().filter(|s| s.id != scenario.id);
        let taken: HashSet<MeasureId> = others.flat_map(|s| s.measures.iter().map(|m| m.id)).collect();
        let mut own = HashSet::new();
        if let Some(measure) = scenario.measures.iter().find(|m| taken.contains(&m.id) || !own.insert(m.id)) {
            return Err(CommandError::DuplicateMeasure(measure.id));
        }
        let old = self.plan().scenarios.iter().find(|s| s.id == scenario.id).cloned();
        let before = old.as_ref().map(|_| self.measure_errors(scenario.id)).transpose()?.unwrap_or_default();
        let id = scenario.id;
        let command = match old {
            Some(_) => Command::SetScenario(Box::new(scenario)),
            None => Command::InsertScenario { index: usize::MAX, scenario: Box::new(scenario) },
        };
        self.execute_checked(command, |engine| {
            let after = engine.measure_errors(id)?;
            match after.into_iter().find(|error| !before.contains(error)) {
                Some((_, error)) => Err(CommandError::Measure(error)),
                None => Ok(()),
            }
        })
    }

    /// The measures of scenario `id` that cannot be applied, with why.
    fn measure_errors(&self, id: ScenarioId) -> Result<Vec<(MeasureId, super::MeasureError)>, CommandError> {
        let evaluation = evaluate(self, id).map_err(|error| match error {
            ScenarioError::CircularBase(names) => CommandError::CircularBase(names),
            ScenarioError::UnknownScenario(id) => CommandError::UnknownScenario(id),
            ScenarioError::OutOfRange(line) => CommandError::Overflow { line: Some(line) },
        })?;
        Ok(evaluation.steps.into_iter().filter_map(|step| Some((step.measure, step.error?))).collect())
    }
}

/// The plan with scenario `id` and the scenarios it stands on, and no
/// other: what a colleague needs to see the same figures (a scenario file).
/// Named after the plan and the scenario.
pub fn alone(plan: &Plan, id: ScenarioId) -> Option<Plan> {
    let mut keep = vec![id];
    while let Some(Base::Scenario(base)) =
        plan.scenarios.iter().find(|s| Some(s.id) == keep.last().copied()).map(|s| s.base)
    {
        if keep.contains(&base) {
            break;
        }
        keep.push(base);
    }
    let scenario = plan.scenarios.iter().find(|s| s.id == id)?;
    let mut shared = plan.clone();
    shared.name = format!("{} – {}", plan.name, scenario.name);
    shared.scenarios.retain(|s| keep.contains(&s.id));
    Some(shared)
}
