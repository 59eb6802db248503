//! A scenario's way from its base: the bars of the waterfall, one a
//! switched-on measure, from the exact steps on the year's costs.

use super::measure_sheet::COSTS;
use crate::model::scenario::{Evaluation, Scenario};
use crate::model::{Amount, Engine, Overflow};
use crate::ui::charts::waterfall::{Bar, bars};
use crate::ui::i18n::Lang;

/// The waterfall of `scenario`'s costs: its base, a step a switched-on
/// measure that applies, and the scenario's costs (the base plus every step).
pub fn waterfall(
    engine: &Engine,
    scenario: &Scenario,
    evaluation: &Evaluation,
    lang: Lang,
) -> Result<Vec<Bar>, Overflow> {
    let base = evaluation.year_after(engine, 0, COSTS)?;
    let mut steps: Vec<(String, Amount)> = Vec::new();
    for (i, measure) in scenario.measures.iter().enumerate() {
        if measure.enabled && evaluation.steps.get(i).is_some_and(|s| s.error.is_none()) {
            steps.push((measure.name.clone(), evaluation.step(engine, i, COSTS)?));
        }
    }
    bars((lang.base_costs().into(), base), &steps, scenario.name.clone())
}
