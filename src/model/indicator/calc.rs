//! Indicators computed from the plan: a formula over lines, drivers and
//! other indicators, in the formula language of lines
//! (`=[Personalkostnader HR] / Lönespecifikationer`).
//!
//! A formula is evaluated once for each value of the indicator, and each
//! name reads the figure that matches the value:
//!
//! | value of the indicator | a line reads | over the months |
//! |---|---|---|
//! | outcome of a period | its outcome | of the period (from January when cumulative) |
//! | target of a period | its budget | the same |
//! | last year of a period | its last year | the same |
//! | forecast | its forecast | the full year |
//! | annual target | its budget | the full year |
//!
//! A driver reads its quantities summed over the same months. Another
//! indicator reads its value of the same kind, for its period that holds
//! the last month of this one (a yearly indicator its one value); when that
//! is not reported, neither is this. An outcome is computed only for
//! periods that are closed. R12 of a computed volume is computed from its
//! values, never typed.
//!
//! A formula that names itself through other indicators is refused when
//! entered; one that arrives so from a file gets the error, as does one
//! that names what does not exist. After an edit, only the indicators that
//! depend on what changed are recomputed, in dependency order; every walk
//! is iterative and linear, as for lines ([`crate::model::graph`]).

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use super::super::amount::Amount;
use super::super::calc::{Calc, Recomputed, Row};
use super::super::command::{Command, CommandError, Touched};
use super::super::engine::Engine;
use super::super::formula::FormulaError;
use super::super::graph::{Compiled, Ref, compile_indicator, components, cycle_in, path_to};
use super::super::period::closed_count;
use super::super::plan::{IndicatorId, LineId, Plan, Series};
use super::super::structure::ItemId;
use super::{Definition, Indicator, IndicatorEdit, Slot, VALUE_LIMIT, Values, span};

/// Why a computed indicator's values are incomplete: the first error met,
/// and at which value (none when the formula itself is wrong).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    pub error: FormulaError,
    pub slot: Option<Slot>,
}

/// The values of a computed indicator; those that failed are not reported.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Computed {
    values: Values,
    fault: Option<Fault>,
}

/// Which indicators' formulas name what.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct IndicatorGraph {
    formulas: HashMap<IndicatorId, Result<Compiled, FormulaError>>,
    /// Indicators with a formula that computes, each after those it names.
    order: Vec<IndicatorId>,
    /// The indicators whose formulas name each line, driver or indicator.
    dependents: HashMap<Ref, Vec<IndicatorId>>,
}

/// The indicators `expr` names, each once.
fn named_indicators(expr: &Compiled) -> Vec<IndicatorId> {
    let mut seen = HashSet::new();
    let named = expr.names().into_iter().filter_map(|name| match name {
        Ref::Indicator(id) => Some(*id),
        Ref::Line(_) | Ref::Driver(_) => None,
    });
    named.filter(|id| seen.insert(*id)).collect()
}

fn names(plan: &Plan, ids: &[IndicatorId]) -> Vec<String> {
    ids.iter().map(|id| plan.indicator(*id).map_or_else(String::new, |i| i.name.clone())).collect()
}

impl IndicatorGraph {
    fn new(plan: &Plan) -> IndicatorGraph {
        let mut graph = IndicatorGraph::default();
        for indicator in &plan.indicators {
            let Some(text) = &indicator.formula else { continue };
            let compiled = compile_indicator(plan, text);
            if let Ok(expr) = &compiled {
                let mut seen = HashSet::new();
                for name in expr.names().into_iter().filter(|name| seen.insert(**name)) {
                    graph.dependents.entry(*name).or_default().push(indicator.id);
                }
            }
            graph.formulas.insert(indicator.id, compiled);
        }
        let computed: Vec<IndicatorId> =
            plan.indicators.iter().map(|i| i.id).filter(|id| graph.formulas.contains_key(id)).collect();
        let edges: HashMap<IndicatorId, Vec<IndicatorId>> =
            computed.iter().map(|id| (*id, graph.named_by(*id))).collect();
        for component in components(&computed, &edges) {
            if component.len() > 1 || edges[&component[0]].contains(&component[0]) {
                let path = names(plan, &cycle_in(&component, &edges));
                for id in &component {
                    graph.formulas.insert(*id, Err(FormulaError::Cycle { path: path.clone() }));
                }
            } else if graph.formulas.get(&component[0]).is_some_and(Result::is_ok) {
                graph.order.push(component[0]);
            }
        }
        graph
    }

    /// The computed indicators the formula of `id` names.
    fn named_by(&self, id: IndicatorId) -> Vec<IndicatorId> {
        match self.formulas.get(&id) {
            Some(Ok(expr)) => named_indicators(expr).into_iter().filter(|n| self.formulas.contains_key(n)).collect(),
            _ => Vec::new(),
        }
    }

    /// Every computed indicator that names one of `changed`, directly or
    /// not, [`IndicatorGraph::in_order`].
    fn affected(&self, changed: Vec<Ref>) -> Vec<IndicatorId> {
        let mut seen: HashSet<IndicatorId> = HashSet::new();
        let mut queue = changed;
        while let Some(at) = queue.pop() {
            for dependent in self.dependents.get(&at).into_iter().flatten() {
                if seen.insert(*dependent) {
                    queue.push(Ref::Indicator(*dependent));
                }
            }
        }
        self.in_order(|id| seen.contains(&id))
    }

    /// The computed indicators that `include`: the broken ones first, so
    /// that every formula naming one gets its error, then the others in
    /// dependency order.
    fn in_order(&self, include: impl Fn(IndicatorId) -> bool) -> Vec<IndicatorId> {
        let broken = self.formulas.iter().filter(|(id, formula)| formula.is_err() && include(**id));
        let mut out: Vec<IndicatorId> = broken.map(|(id, _)| *id).collect();
        out.sort_unstable();
        out.extend(self.order.iter().filter(|id| include(**id)));
        out
    }
}

/// The computed indicators of a plan, kept up to date incrementally.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndicatorCalc {
    graph: IndicatorGraph,
    computed: HashMap<IndicatorId, Computed>,
}

impl IndicatorCalc {
    /// Computes every indicator with a formula, from `lines` the figures of `plan`.
    pub fn full(plan: &Plan, lines: &Calc) -> IndicatorCalc {
        let graph = IndicatorGraph::new(plan);
        let all = graph.in_order(|_| true);
        let mut calc = IndicatorCalc { graph, computed: HashMap::new() };
        calc.recompute(plan, lines, all);
        calc
    }

    /// Recomputes the indicators that depend on what `touched` changed and
    /// on the lines `recomputed`.
    pub fn update(&mut self, plan: &Plan, lines: &Calc, touched: &Touched, recomputed: &Recomputed) {
        let recomputed = match recomputed {
            Recomputed::Lines(lines) if !touched.structure => lines,
            _ => {
                *self = IndicatorCalc::full(plan, lines);
                return;
            }
        };
        let changed = recomputed.iter().map(|id| Ref::Line(*id));
        let changed = changed.chain(touched.drivers.iter().map(|id| Ref::Driver(*id)));
        let changed = changed.chain(touched.indicators.iter().map(|id| Ref::Indicator(*id)));
        let order = self.graph.affected(changed.collect());
        self.recompute(plan, lines, order);
    }

    fn recompute(&mut self, plan: &Plan, lines: &Calc, order: Vec<IndicatorId>) {
        for id in order {
            let computed = match (plan.indicator(id), self.graph.formulas.get(&id)) {
                (Some(indicator), Some(Ok(expr))) => self.compute(plan, lines, indicator, expr),
                (Some(indicator), Some(Err(error))) => Computed {
                    values: Values::empty(indicator.definition.periodicity),
                    fault: Some(Fault { error: error.clone(), slot: None }),
                },
                _ => {
                    self.computed.remove(&id);
                    continue;
                }
            };
            self.computed.insert(id, computed);
        }
    }

    /// The values of an indicator: computed when it has a formula, typed otherwise.
    pub fn values<'a>(&'a self, plan: &'a Plan, id: IndicatorId) -> Option<&'a Values> {
        let indicator = plan.indicator(id)?;
        match indicator.formula {
            Some(_) => self.computed.get(&id).map(|computed| &computed.values),
            None => Some(&indicator.values),
        }
    }

    /// Why a computed indicator's values are incomplete, if they are.
    pub fn fault(&self, id: IndicatorId) -> Option<&Fault> {
        self.computed.get(&id).and_then(|computed| computed.fault.as_ref())
    }

    /// The computed indicators with a fault, in id order.
    pub fn faulty(&self) -> Vec<IndicatorId> {
        let mut ids: Vec<IndicatorId> =
            self.computed.iter().filter(|(_, c)| c.fault.is_some()).map(|(id, _)| *id).collect();
        ids.sort_unstable();
        ids
    }

    /// Checks that `text` computes as the formula of `id`: it parses, names
    /// only what the plan has, names nothing that depends on `id`, and
    /// computes with today's figures (no division by zero).
    pub fn check(&self, plan: &Plan, lines: &Calc, id: IndicatorId, text: &str) -> Result<(), FormulaError> {
        let expr = compile_indicator(plan, text)?;
        if let Some(path) = path_to(named_indicators(&expr), id, |at| self.graph.named_by(at)) {
            let path: Vec<IndicatorId> = std::iter::once(id).chain(path).collect();
            return Err(FormulaError::Cycle { path: names(plan, &path) });
        }
        let Some(indicator) = plan.indicator(id) else { return Ok(()) };
        match self.compute(plan, lines, indicator, &expr).fault {
            Some(fault) => Err(fault.error),
            None => Ok(()),
        }
    }

    /// Every value of `indicator` by `expr`; the first error is kept.
    fn compute(&self, plan: &Plan, lines: &Calc, indicator: &Indicator, expr: &Compiled) -> Computed {
        let definition = &indicator.definition;
        let mut values = Values::empty(definition.periodicity);
        let mut fault = None;
        let periods = 0..definition.periodicity.periods();
        let closed = closed_count(plan.closed_through);
        let per_period = periods.flat_map(|p| [Slot::Outcome(p), Slot::Target(p), Slot::LastYear(p)]);
        for slot in per_period.chain([Slot::Forecast, Slot::AnnualTarget]) {
            if let Slot::Outcome(p) = slot
                && definition.periodicity.months(p).end > closed
            {
                continue;
            }
            match self.value(plan, lines, definition, expr, slot) {
                Ok(value) => {
                    if let Some(place) = values.get_mut(slot) {
                        *place = value;
                    }
                }
                Err(error) => {
                    fault.get_or_insert(Fault { error, slot: Some(slot) });
                }
            }
        }
        Computed { values, fault }
    }

    /// The value of `expr` at `slot`; not reported when an indicator it names is not.
    fn value(
        &self,
        plan: &Plan,
        lines: &Calc,
        definition: &Definition,
        expr: &Compiled,
        slot: Slot,
    ) -> Result<Option<Decimal>, FormulaError> {
        let mut named = HashMap::new();
        for id in named_indicators(expr) {
            match self.named_value(plan, definition, id, slot)? {
                Some(value) => named.insert(id, value),
                None => return Ok(None),
            };
        }
        let months = span(definition, slot);
        let series = match slot {
            Slot::Outcome(_) => Series::Outcome,
            Slot::LastYear(_) => Series::LastYear,
            Slot::Forecast => Series::Forecast,
            Slot::Target(_) | Slot::AnnualTarget | Slot::R12(_) => Series::Budget,
        };
        let value = expr.eval(&|name: &Ref| match name {
            Ref::Line(id) => {
                if lines.formula_error(*id).is_some() {
                    return Err(FormulaError::Broken { name: line_name(plan, *id) });
                }
                let figures = lines.months(Row::Line(*id), series).map_err(|_| FormulaError::Overflow)?;
                Amount::checked_sum(figures[months.clone()].iter().copied())
                    .map(Amount::decimal)
                    .map_err(|_| FormulaError::Overflow)
            }
            Ref::Driver(id) => plan.driver(*id).map_or(Ok(Decimal::ZERO), |driver| {
                driver.months[months.clone()]
                    .iter()
                    .try_fold(Decimal::ZERO, |sum, q| sum.checked_add(*q))
                    .ok_or(FormulaError::Overflow)
            }),
            // Every indicator the formula names was looked up above.
            Ref::Indicator(id) => named.get(id).copied().ok_or_else(|| FormulaError::Broken {
                name: plan.indicator(*id).map_or_else(String::new, |i| i.name.clone()),
            }),
        })?;
        if value.abs() > VALUE_LIMIT { Err(FormulaError::Overflow) } else { Ok(Some(value.normalize())) }
    }

    /// The value of the indicator `id` that a formula at `slot` of an
    /// indicator of `definition` reads: same kind, the period holding the
    /// last month of this one.
    fn named_value(
        &self,
        plan: &Plan,
        definition: &Definition,
        id: IndicatorId,
        slot: Slot,
    ) -> Result<Option<Decimal>, FormulaError> {
        let Some(named) = plan.indicator(id) else { return Ok(None) };
        if self.fault(id).is_some() {
            return Err(FormulaError::Broken { name: named.name.clone() });
        }
        let last_month = span(definition, slot).end - 1;
        let period = named.definition.periodicity.period_of(last_month);
        Ok(self.values(plan, id).and_then(|values| values.get(slot.at(period))))
    }
}

fn line_name(plan: &Plan, id: LineId) -> String {
    plan.line(id).map_or_else(String::new, |line| line.name.clone())
}

/// The names of the indicators that use `item`: those on a perspective,
/// or whose formula names a line, driver or other indicator.
pub fn users(plan: &Plan, item: ItemId) -> Vec<String> {
    let name = match item {
        ItemId::Perspective(perspective) => {
            let on = plan.indicators.iter().filter(|i| i.definition.perspective == perspective);
            return on.map(|indicator| indicator.name.clone()).collect();
        }
        ItemId::Line(id) => Ref::Line(id),
        ItemId::Driver(id) => Ref::Driver(id),
        ItemId::Indicator(id) => Ref::Indicator(id),
        _ => return Vec::new(),
    };
    let graph = IndicatorGraph::new(plan);
    let users = graph.dependents.get(&name).into_iter().flatten().filter(|id| ItemId::Indicator(**id) != item);
    names(plan, &users.copied().collect::<Vec<_>>())
}

impl Engine {
    /// The values of an indicator: computed when it has a formula, typed otherwise.
    pub fn indicator_values(&self, id: IndicatorId) -> Option<&Values> {
        self.indicators().values(self.plan(), id)
    }

    /// Enters a formula for an indicator, or removes it with `None`. A
    /// formula that is wrong, names what the plan lacks, depends on itself
    /// or cannot be computed with today's figures is refused with what and
    /// where, and changes nothing; so is one for an indicator that a line
    /// takes its volume from.
    pub fn set_indicator_formula(
        &mut self,
        indicator: IndicatorId,
        formula: Option<String>,
    ) -> Result<(), CommandError> {
        let formula = formula.map(|text| text.trim().to_owned());
        if let Some(text) = &formula {
            self.indicators().check(self.plan(), self.line_calc(), indicator, text).map_err(CommandError::Formula)?;
        }
        self.execute(Command::Indicator(IndicatorEdit::SetFormula { indicator, formula }))
    }
}
