//! Reading scenarios and their measures (format version 2), in the
//! reader's style: every problem reported with its place.

use std::collections::HashSet;

use serde_json::Value;

use super::{Expected, Problem, Reader, at, index};
use crate::model::scenario::{Base, Change, Effect, Measure, MeasureId, Risk, Scenario, ScenarioId};
use crate::model::selection::Selection;
use crate::model::structure::ItemId;
use crate::model::{DriverId, IndicatorId, Plan};

impl Reader {
    pub(super) fn scenario(&mut self, value: &Value, path: &str) -> Option<Scenario> {
        let map = self.object(value, path, &["id", "name", "base", "measures"])?;
        let (id, name) = self.id_and_name(map, path);
        let base = self.field(map, path, "base").and_then(|v| self.base(v, &at(path, "base")));
        let (measures, whole) = self.items(map, path, "measures", true, Reader::measure);
        whole.then_some(())?;
        Some(Scenario { id: ScenarioId(id?), name: name?, base: base?, measures })
    }

    fn base(&mut self, value: &Value, path: &str) -> Option<Base> {
        let map = self.object(value, path, &["from", "scenario"])?;
        let from = self.field(map, path, "from").and_then(|v| self.text(v, &at(path, "from")))?;
        match from.as_str() {
            "budget" => Some(Base::Budget),
            "scenario" => {
                let id = self.field(map, path, "scenario").and_then(|v| self.id(v, &at(path, "scenario")))?;
                Some(Base::Scenario(ScenarioId(id)))
            }
            other => self.not_allowed(&at(path, "from"), format!("\"{other}\"")),
        }
    }

    fn measure(&mut self, value: &Value, path: &str) -> Option<Measure> {
        const FIELDS: [&str; 8] = ["id", "name", "change", "from", "enabled", "consequence", "risk", "effects"];
        let map = self.object(value, path, &FIELDS)?;
        let (id, name) = self.id_and_name(map, path);
        let change = self.field(map, path, "change").and_then(|v| self.change(v, &at(path, "change")));
        let from = self.field(map, path, "from").and_then(|v| self.month(v, &at(path, "from")));
        let enabled = self.field(map, path, "enabled").and_then(|v| self.boolean(v, &at(path, "enabled")));
        let consequence = self.field(map, path, "consequence").and_then(|v| self.text(v, &at(path, "consequence")));
        let risks = [Risk::Low, Risk::Medium, Risk::High];
        let risk = self
            .field(map, path, "risk")
            .and_then(|v| self.one_of(v, &at(path, "risk"), &["low", "medium", "high"], &risks));
        let (effects, whole) = self.items(map, path, "effects", true, Reader::effect);
        whole.then_some(())?;
        Some(Measure {
            id: MeasureId(id?),
            name: name?,
            change: change?,
            from: from?,
            enabled: enabled?,
            consequence: consequence?,
            risk: risk?,
            effects,
        })
    }

    fn effect(&mut self, value: &Value, path: &str) -> Option<Effect> {
        let map = self.object(value, path, &["indicator", "change"])?;
        let indicator = self.field(map, path, "indicator").and_then(|v| self.id(v, &at(path, "indicator")));
        let change = self.field(map, path, "change").and_then(|v| self.quantity(v, &at(path, "change")));
        Some(Effect { indicator: IndicatorId(indicator?), change: change? })
    }

    fn change(&mut self, value: &Value, path: &str) -> Option<Change> {
        const FIELDS: [&str; 9] =
            ["kind", "selection", "percent", "amount", "driver", "change", "cost_per_fte", "from", "to"];
        let map = self.object(value, path, &FIELDS)?;
        let kind = self.field(map, path, "kind").and_then(|v| self.text(v, &at(path, "kind")))?;
        let change = match kind.as_str() {
            "percent" | "index" => {
                let selection = self.read(map, path, "selection", Reader::selection);
                let percent = self.read(map, path, "percent", Reader::quantity);
                match kind.as_str() {
                    "percent" => Change::Percent { selection: selection?, percent: percent? },
                    _ => Change::Index { selection: selection?, percent: percent? },
                }
            }
            "amount" => {
                let selection = self.read(map, path, "selection", Reader::selection);
                let amount = self.read(map, path, "amount", Reader::amount);
                Change::Amount { selection: selection?, amount: amount? }
            }
            "fte" => {
                let selection = self.read(map, path, "selection", Reader::selection);
                let driver = self.maybe(map, path, "driver", Reader::id).map(|id| id.map(DriverId));
                let change = self.read(map, path, "change", Reader::quantity);
                let cost = self.read(map, path, "cost_per_fte", Reader::amount);
                Change::Fte { selection: selection?, driver: driver?, change: change?, cost_per_fte: cost? }
            }
            "volume" => {
                let driver = self.read(map, path, "driver", Reader::id);
                let percent = self.read(map, path, "percent", Reader::quantity);
                Change::Volume { driver: DriverId(driver?), percent: percent? }
            }
            "transfer" => {
                let from = self.read(map, path, "from", Reader::selection);
                let to = self.read(map, path, "to", Reader::selection);
                let amount = self.read(map, path, "amount", Reader::amount);
                Change::Transfer { from: from?, to: to?, amount: amount? }
            }
            other => return self.not_allowed(&at(path, "kind"), format!("\"{other}\"")),
        };
        Some(change)
    }

    /// Scenario and measure ids are unique, a base is another scenario of
    /// the plan and the bases do not go round; what a measure names exists.
    pub(super) fn scenario_references(&mut self, plan: &Plan, structure: bool) {
        self.unique("scenarios", plan.scenarios.iter().map(|s| s.id.0));
        let mut measures = HashSet::new();
        for (s, scenario) in plan.scenarios.iter().enumerate() {
            let path = index("scenarios", s);
            if let Base::Scenario(base) = scenario.base {
                if !plan.scenarios.iter().any(|other| other.id == base) {
                    let problem =
                        Problem::UnknownEntry { kind: Expected::Scenario, id: base.0, by: scenario.name.clone() };
                    self.report(&at(&path, "base"), problem);
                } else if goes_round(plan, scenario.id) {
                    self.not_allowed::<()>(&at(&path, "base"), format!("{} (circular)", base.0));
                }
            }
            for (m, measure) in scenario.measures.iter().enumerate() {
                let path = index(&at(&path, "measures"), m);
                if !measures.insert(measure.id) {
                    self.report(&at(&path, "id"), Problem::DuplicateId { id: measure.id.0 });
                }
                if structure && let Some(item) = named(plan, &measure.change) {
                    let (kind, id) = kind_of(item);
                    self.report(&at(&path, "change"), Problem::UnknownEntry { kind, id, by: measure.name.clone() });
                }
                for (e, effect) in measure.effects.iter().enumerate() {
                    if plan.indicator(effect.indicator).is_none() {
                        let problem = Problem::UnknownEntry {
                            kind: Expected::Indicator,
                            id: effect.indicator.0,
                            by: measure.name.clone(),
                        };
                        self.report(&at(&index(&at(&path, "effects"), e), "indicator"), problem);
                    }
                }
            }
        }
    }
}

/// Whether the bases from scenario `id` come back to it.
fn goes_round(plan: &Plan, id: ScenarioId) -> bool {
    let mut seen = HashSet::new();
    let mut next = Some(id);
    while let Some(current) = next {
        if !seen.insert(current) {
            return true;
        }
        next = plan.scenarios.iter().find(|s| s.id == current).and_then(|s| match s.base {
            Base::Budget => None,
            Base::Scenario(base) => Some(base),
        });
    }
    false
}

/// Something a change names that the plan does not have.
fn named(plan: &Plan, change: &Change) -> Option<ItemId> {
    let missing = |selection: &Selection| selection.missing(plan);
    let driver = |id: DriverId| plan.driver(id).is_none().then_some(ItemId::Driver(id));
    match change {
        Change::Percent { selection, .. } | Change::Index { selection, .. } | Change::Amount { selection, .. } => {
            missing(selection)
        }
        Change::Fte { selection, driver: d, .. } => missing(selection).or_else(|| d.and_then(driver)),
        Change::Volume { driver: d, .. } => driver(*d),
        Change::Transfer { from, to, .. } => missing(from).or_else(|| missing(to)),
    }
}

/// The kind and id of a member, for a problem naming it.
pub(super) fn kind_of(item: ItemId) -> (Expected, u32) {
    match item {
        ItemId::Department(id) => (Expected::Department, id.0),
        ItemId::Category(id) => (Expected::Category, id.0),
        ItemId::Service(id) => (Expected::Service, id.0),
        ItemId::Line(id) => (Expected::Line, id.0),
        ItemId::Driver(id) => (Expected::Driver, id.0),
        ItemId::Perspective(id) => (Expected::Perspective, id.0),
        ItemId::Indicator(id) => (Expected::Indicator, id.0),
    }
}
