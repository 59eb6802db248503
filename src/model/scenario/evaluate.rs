//! A scenario evaluated: its base, then its measures one by one, each as
//! changes and an overlay of the plan's figures.

use super::apply::{MeasureError, apply};
use super::{Base, MeasureId, Scenario, ScenarioId};
use crate::model::amount::{Amount, Overflow};
use crate::model::calc::{Changes, Overlay, Row};
use crate::model::engine::Engine;
use crate::model::period::{Monthly, Span};
use crate::model::plan::Series;

/// Why a scenario cannot be evaluated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScenarioError {
    /// The plan has no scenario with this id.
    UnknownScenario(ScenarioId),
    /// The bases go round in a circle (A on B on A): the scenarios' names.
    CircularBase(Vec<String>),
    /// A figure leaves the range of amounts, on this line.
    OutOfRange(String),
}

/// The inputs and figures after a measure; a measure that cannot be
/// applied changes nothing and keeps its error.
#[derive(Clone, Debug)]
pub struct Step {
    pub measure: MeasureId,
    pub changes: Changes,
    pub overlay: Overlay,
    pub error: Option<MeasureError>,
}

/// A scenario evaluated: its base's figures, then those after each measure.
#[derive(Clone, Debug)]
pub struct Evaluation {
    pub base: Changes,
    base_overlay: Overlay,
    pub steps: Vec<Step>,
}

/// The scenarios from the plan's budget up to `id`, each on the one before.
fn chain(engine: &Engine, id: ScenarioId) -> Result<Vec<&Scenario>, ScenarioError> {
    let scenarios = &engine.plan().scenarios;
    let find = |id| scenarios.iter().find(|s| s.id == id).ok_or(ScenarioError::UnknownScenario(id));
    let mut out = vec![find(id)?];
    while let Base::Scenario(base) = out[out.len() - 1].base {
        let next = find(base)?;
        if out.iter().any(|s| s.id == next.id) {
            let mut names: Vec<String> = out.iter().map(|s| s.name.clone()).collect();
            names.push(next.name.clone());
            return Err(ScenarioError::CircularBase(names));
        }
        out.push(next);
    }
    out.reverse();
    Ok(out)
}

fn overlay(engine: &Engine, changes: &Changes) -> Result<Overlay, ScenarioError> {
    engine.overlay(changes).map_err(|at| ScenarioError::OutOfRange(at.name))
}

/// Evaluates scenario `id`: the measures of its bases, then its own one at
/// a time. Nothing is copied from the plan but the lines the measures touch.
pub fn evaluate(engine: &Engine, id: ScenarioId) -> Result<Evaluation, ScenarioError> {
    let chain = chain(engine, id)?;
    let plan = engine.plan();
    let (own, bases) = chain.split_last().expect("a chain holds its scenario");
    let mut changes = Changes::default();
    for measure in bases.iter().flat_map(|scenario| &scenario.measures) {
        // A base's measure that cannot be applied shows in the base itself.
        let _ = apply(plan, &mut changes, measure);
    }
    let base_overlay = overlay(engine, &changes)?;
    let base = changes.clone();
    let mut steps: Vec<Step> = Vec::with_capacity(own.measures.len());
    for measure in &own.measures {
        let error = apply(plan, &mut changes, measure).err();
        let unchanged = steps.last().map_or(&base, |step| &step.changes) == &changes;
        let overlay = match steps.last() {
            Some(step) if unchanged => step.overlay.clone(),
            None if unchanged => base_overlay.clone(),
            _ => overlay(engine, &changes)?,
        };
        steps.push(Step { measure: measure.id, changes: changes.clone(), overlay, error });
    }
    Ok(Evaluation { base, base_overlay, steps })
}

impl Evaluation {
    /// The overlay after `steps` measures (0: the base's).
    pub(super) fn after(&self, steps: usize) -> &Overlay {
        match steps.checked_sub(1).and_then(|i| self.steps.get(i)) {
            Some(step) => &step.overlay,
            None => &self.base_overlay,
        }
    }

    /// The monthly figures of `series` on `row` after `steps` measures (0:
    /// the base; the number of measures: the scenario).
    pub fn months_after(&self, engine: &Engine, steps: usize, row: Row, series: Series) -> Result<Monthly, Overflow> {
        engine.overlay_months(self.after(steps), row, series)
    }

    /// The full-year budget of `row` after `steps` measures.
    pub fn year_after(&self, engine: &Engine, steps: usize, row: Row) -> Result<Amount, Overflow> {
        Span::FullYear.sum(&self.months_after(engine, steps, row, Series::Budget)?, None)
    }

    /// The scenario's full-year budget of `row`.
    pub fn year(&self, engine: &Engine, row: Row) -> Result<Amount, Overflow> {
        self.year_after(engine, self.steps.len(), row)
    }

    /// What measure `index` adds to the full-year budget of `row` on top of
    /// the measures before it; the steps sum to scenario − base exactly.
    pub fn step(&self, engine: &Engine, index: usize, row: Row) -> Result<Amount, Overflow> {
        self.year_after(engine, index + 1, row)?.checked_sub(self.year_after(engine, index, row)?)
    }

    /// The changes the whole scenario makes to the plan's inputs.
    pub fn changes(&self) -> &Changes {
        self.steps.last().map_or(&self.base, |step| &step.changes)
    }
}
