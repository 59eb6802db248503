//! Edits of scenarios and their measures as engine commands: each checked
//! as [`Engine::save_scenario`] checks it, and made as one undoable step.

use crate::model::scenario::{Base, Measure, MeasureId, Scenario, ScenarioId};
use crate::model::{Command, CommandError, Engine};

/// The command that saves `scenarios` (new or changed) in order, as one
/// undoable step; refused, with why, as [`Engine::save_scenario`] refuses.
pub fn save(engine: &Engine, scenarios: Vec<Scenario>) -> Result<Command, CommandError> {
    let mut trial = engine.clone();
    for scenario in &scenarios {
        trial.save_scenario(scenario.clone())?;
    }
    let plan = engine.plan();
    let mut commands: Vec<Command> = scenarios
        .into_iter()
        .map(|scenario| match plan.scenarios.iter().any(|s| s.id == scenario.id) {
            true => Command::SetScenario(Box::new(scenario)),
            false => Command::InsertScenario { index: usize::MAX, scenario: Box::new(scenario) },
        })
        .collect();
    Ok(if commands.len() == 1 { commands.remove(0) } else { Command::Batch(commands) })
}

/// The scenario with id `id`.
pub fn scenario(engine: &Engine, id: ScenarioId) -> Option<Scenario> {
    engine.plan().scenarios.iter().find(|s| s.id == id).cloned()
}

/// An id for a new scenario.
pub fn next_scenario_id(engine: &Engine) -> ScenarioId {
    ScenarioId(engine.plan().scenarios.iter().map(|s| s.id.0).max().unwrap_or(0) + 1)
}

/// An id for a new measure, unique in the plan.
pub fn next_measure_id(engine: &Engine) -> MeasureId {
    let ids = engine.plan().scenarios.iter().flat_map(|s| s.measures.iter().map(|m| m.id.0));
    MeasureId(ids.max().unwrap_or(0) + 1)
}

/// A new, empty scenario called `name` on `base`.
pub fn create(engine: &Engine, name: &str, base: Base) -> Result<Command, CommandError> {
    let scenario = Scenario { id: next_scenario_id(engine), name: name.trim().into(), base, measures: Vec::new() };
    save(engine, vec![scenario])
}

/// A copy of scenario `id` with new ids for it and its measures.
pub fn duplicate(engine: &Engine, id: ScenarioId, name: &str) -> Result<Command, CommandError> {
    let mut copy = scenario(engine, id).ok_or(CommandError::UnknownScenario(id))?;
    copy.id = next_scenario_id(engine);
    copy.name = name.into();
    let first = next_measure_id(engine).0;
    for (n, measure) in copy.measures.iter_mut().enumerate() {
        measure.id = MeasureId(first + n as u32);
    }
    save(engine, vec![copy])
}

/// Scenario `id` with `edit` made to its measures.
pub fn with_measures(
    engine: &Engine,
    id: ScenarioId,
    edit: impl FnOnce(&mut Vec<Measure>),
) -> Result<Command, CommandError> {
    let mut scenario = scenario(engine, id).ok_or(CommandError::UnknownScenario(id))?;
    edit(&mut scenario.measures);
    save(engine, vec![scenario])
}

/// Scenario `id` with `measure` added last.
pub fn add(engine: &Engine, id: ScenarioId, measure: Measure) -> Result<Command, CommandError> {
    with_measures(engine, id, |measures| measures.push(measure))
}

/// What can be done to one measure of a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeasureEdit {
    Up,
    Down,
    Duplicate,
    Delete,
    Toggle,
}

/// Measure `index` of scenario `id` moved, copied, deleted or switched.
pub fn edit_measure(engine: &Engine, id: ScenarioId, index: usize, edit: MeasureEdit) -> Result<Command, CommandError> {
    let copy_id = next_measure_id(engine);
    with_measures(engine, id, |measures| {
        let last = measures.len().saturating_sub(1);
        match edit {
            MeasureEdit::Up if index > 0 && index <= last => measures.swap(index - 1, index),
            MeasureEdit::Down if index < last => measures.swap(index, index + 1),
            MeasureEdit::Duplicate if index <= last => {
                let copy = Measure { id: copy_id, ..measures[index].clone() };
                measures.insert(index + 1, copy);
            }
            MeasureEdit::Delete if index <= last => {
                measures.remove(index);
            }
            MeasureEdit::Toggle if index <= last => measures[index].enabled = !measures[index].enabled,
            _ => {}
        }
    })
}

/// Measure `index` of scenario `from` moved last into scenario `to`, as one step.
pub fn move_measure(engine: &Engine, from: ScenarioId, index: usize, to: ScenarioId) -> Result<Command, CommandError> {
    let mut source = scenario(engine, from).ok_or(CommandError::UnknownScenario(from))?;
    let mut target = scenario(engine, to).ok_or(CommandError::UnknownScenario(to))?;
    if index >= source.measures.len() || from == to {
        return Err(CommandError::UnknownScenario(to));
    }
    target.measures.push(source.measures.remove(index));
    save(engine, vec![source, target])
}
