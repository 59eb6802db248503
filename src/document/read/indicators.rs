//! Reading perspectives, the status rule and indicators (format version 2),
//! in the reader's style: every problem reported with its place.

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::{Expected, Problem, Reader, Whole, at, index};
use crate::model::indicator::{
    Aggregation, Basis, Definition, Direction, Indicator, IndicatorUnit, MAX_DECIMALS, PerPeriod, Periodicity,
    Perspective, Reference, StatusRule, Symbols, Tolerance, Values, checked_value,
};
use crate::model::{Forecast, IndicatorId, PerspectiveId, Plan};

impl Reader {
    pub(super) fn perspective(&mut self, value: &Value, path: &str) -> Option<Perspective> {
        self.named(value, path, |id, name| Perspective { id: PerspectiveId(id), name })
    }

    /// The field `name` of `map`, read by `read`.
    pub(super) fn read<T>(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        name: &str,
        read: impl FnOnce(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<T> {
        let value = self.field(map, path, name)?;
        read(self, value, &at(path, name))
    }

    /// A decimal written as a string, within the range of indicator values;
    /// kept as written, so that the file reads back to the same bytes.
    fn decimal(&mut self, value: &Value, path: &str) -> Option<Decimal> {
        let text = self.text(value, path)?;
        match Decimal::from_str_exact(&text).ok().filter(|d| checked_value(*d).is_ok()) {
            Some(decimal) => Some(decimal),
            None => self.not_allowed(path, format!("\"{text}\"")),
        }
    }

    /// A value that may be `null` (not reported).
    fn optional(&mut self, value: &Value, path: &str) -> Option<Option<Decimal>> {
        match value {
            Value::Null => Some(None),
            _ => self.decimal(value, path).map(Some),
        }
    }

    pub(super) fn status_rule(&mut self, value: &Value, path: &str) -> Option<StatusRule> {
        let map = self.object(value, path, &["basis", "symbols"])?;
        let basis = self.read(map, path, "basis", Reader::basis);
        let (names, symbols) =
            (["traffic_lights", "arrows", "smileys"], [Symbols::TrafficLights, Symbols::Arrows, Symbols::Smileys]);
        let symbols = self.read(map, path, "symbols", |r, v, p| r.one_of(v, p, &names, &symbols));
        let rule = StatusRule { basis: basis?, symbols: symbols? };
        if rule.is_valid() { Some(rule) } else { self.not_allowed(&at(path, "basis"), "a margin out of range") }
    }

    fn basis(&mut self, value: &Value, path: &str) -> Option<Basis> {
        let map = self.object(value, path, &["target", "change"])?;
        match (map.get("target"), map.get("change")) {
            (Some(target), None) => {
                let path = at(path, "target");
                let target = self.object(target, &path, &["yellow"])?;
                let yellow = self.read(target, &path, "yellow", Reader::tolerance)?;
                Some(Basis::Target { yellow })
            }
            (None, Some(change)) => {
                let path = at(path, "change");
                let change = self.object(change, &path, &["against", "unchanged_within"])?;
                let (names, references) =
                    (["previous_period", "last_year"], [Reference::PreviousPeriod, Reference::LastYear]);
                let against = self.read(change, &path, "against", |r, v, p| r.one_of(v, p, &names, &references));
                let unchanged_within = self.read(change, &path, "unchanged_within", Reader::decimal);
                Some(Basis::Change { against: against?, unchanged_within: unchanged_within? })
            }
            // Exactly one of the two.
            _ => self.wrong(path, Expected::Object),
        }
    }

    fn tolerance(&mut self, value: &Value, path: &str) -> Option<Tolerance> {
        let map = self.object(value, path, &["percent", "share_of_target"])?;
        match (map.get("percent"), map.get("share_of_target")) {
            (Some(percent), None) => self.decimal(percent, &at(path, "percent")).map(Tolerance::Percent),
            (None, Some(share)) => self.decimal(share, &at(path, "share_of_target")).map(Tolerance::ShareOfTarget),
            _ => self.wrong(path, Expected::Object),
        }
    }

    fn unit(&mut self, value: &Value, path: &str) -> Option<IndicatorUnit> {
        if value.is_object() {
            let map = self.object(value, path, &["other"])?;
            return self.read(map, path, "other", Reader::text).map(IndicatorUnit::Other);
        }
        let text = self.text(value, path)?;
        Some(match text.as_str() {
            "percent" => IndicatorUnit::Percent,
            "count" => IndicatorUnit::Count,
            "index" => IndicatorUnit::Index,
            "kronor" => IndicatorUnit::Kronor,
            _ => return self.not_allowed(path, format!("\"{text}\"")),
        })
    }

    fn direction(&mut self, value: &Value, path: &str) -> Option<Direction> {
        let map = self.object(value, path, &["kind", "low", "high"])?;
        let kind = self.read(map, path, "kind", Reader::text)?;
        Some(match kind.as_str() {
            "higher_is_better" => Direction::HigherIsBetter,
            "lower_is_better" => Direction::LowerIsBetter,
            "band" => {
                let low = self.read(map, path, "low", Reader::decimal);
                let high = self.read(map, path, "high", Reader::decimal);
                let (low, high) = (low?, high?);
                if low > high {
                    return self.not_allowed(&at(path, "low"), format!("{low} above the high end {high}"));
                }
                Direction::Band { low, high }
            }
            other => return self.not_allowed(&at(path, "kind"), format!("\"{other}\"")),
        })
    }

    fn definition(&mut self, value: &Value, path: &str) -> Option<Definition> {
        const FIELDS: [&str; 9] = [
            "perspective",
            "unit",
            "periodicity",
            "aggregation",
            "cumulative",
            "direction",
            "decimals",
            "rule",
            "note",
        ];
        let map = self.object(value, path, &FIELDS)?;
        let perspective = self.read(map, path, "perspective", Reader::id);
        let unit = self.read(map, path, "unit", Reader::unit);
        let periodicity = self
            .read(map, path, "periodicity", |r, v, p| r.one_of(v, p, &["year", "tertial", "month"], &Periodicity::ALL));
        let aggregations = [Aggregation::Level, Aggregation::Sum];
        let aggregation =
            self.read(map, path, "aggregation", |r, v, p| r.one_of(v, p, &["level", "sum"], &aggregations));
        let cumulative = self.read(map, path, "cumulative", Reader::boolean);
        let direction = self.read(map, path, "direction", Reader::direction);
        let decimals = self.read(map, path, "decimals", Reader::whole).and_then(|n| {
            u32::try_from(n).ok().filter(|n| *n <= MAX_DECIMALS).or_else(|| self.not_allowed(&at(path, "decimals"), n))
        });
        let rule = self.maybe(map, path, "rule", Reader::status_rule)?;
        let note = self.maybe(map, path, "note", Reader::text)?;
        Some(Definition {
            perspective: PerspectiveId(perspective?),
            unit: unit?,
            periodicity: periodicity?,
            aggregation: aggregation?,
            cumulative: cumulative?,
            direction: direction?,
            decimals: decimals?,
            rule,
            note,
        })
    }

    /// One value per period of `periodicity`, each a decimal or `null`.
    fn per_period(&mut self, value: &Value, path: &str, periodicity: Periodicity) -> Option<PerPeriod> {
        let items = self.list(value, path)?;
        if items.len() != periodicity.periods() {
            self.report(path, Problem::Periods { expected: periodicity.periods(), found: items.len() });
            return None;
        }
        let values: Vec<Option<Option<Decimal>>> =
            items.iter().enumerate().map(|(i, item)| self.optional(item, &index(path, i))).collect();
        values.into_iter().collect()
    }

    fn values(&mut self, value: &Value, path: &str, periodicity: Periodicity) -> Option<Values> {
        const FIELDS: [&str; 6] = ["outcome", "target", "last_year", "r12", "forecast", "annual_target"];
        let map = self.object(value, path, &FIELDS)?;
        let [outcome, target, last_year, r12] = ["outcome", "target", "last_year", "r12"]
            .map(|name| self.read(map, path, name, |reader, value, path| reader.per_period(value, path, periodicity)));
        let forecast = self.maybe(map, path, "forecast", Reader::decimal);
        let annual_target = self.maybe(map, path, "annual_target", Reader::decimal);
        Some(Values {
            outcome: outcome?,
            target: target?,
            last_year: last_year?,
            r12: r12?,
            forecast: forecast?,
            annual_target: annual_target?,
        })
    }

    pub(super) fn indicator(&mut self, value: &Value, path: &str) -> Option<Indicator> {
        let map = self.object(value, path, &["id", "name", "definition", "values", "formula"])?;
        let (id, name) = self.id_and_name(map, path);
        let definition = self.read(map, path, "definition", Reader::definition)?;
        let periodicity = definition.periodicity;
        let values = self.read(map, path, "values", |reader, value, path| reader.values(value, path, periodicity));
        let formula = self.maybe(map, path, "formula", Reader::text)?;
        Some(Indicator { id: IndicatorId(id?), name: name?, definition, values: values?, formula })
    }

    /// Indicator ids are unique, each names a perspective the plan has, and
    /// every line priced on an indicator names one it has.
    pub(super) fn indicator_references(&mut self, plan: &Plan, places: &[usize], lines: &[usize], whole: Whole) {
        self.unique("perspectives", plan.perspectives.iter().map(|p| p.id.0));
        self.unique("indicators", plan.indicators.iter().map(|i| i.id.0));
        for (indicator, place) in plan.indicators.iter().zip(places) {
            let perspective = indicator.definition.perspective;
            if whole.perspectives && plan.perspective(perspective).is_none() {
                let problem = Problem::UnknownReference {
                    kind: Expected::Perspective,
                    id: perspective.0,
                    line: indicator.name.clone(),
                };
                self.report(&at(&index("indicators", *place), "definition.perspective"), problem);
            }
        }
        for (line, place) in plan.lines.iter().zip(lines) {
            if let Forecast::Volume { indicator, .. } = line.forecast
                && whole.indicators
                && plan.indicator(indicator).is_none()
            {
                let problem =
                    Problem::UnknownReference { kind: Expected::Indicator, id: indicator.0, line: line.name.clone() };
                self.report(&at(&index("lines", *place), "forecast.indicator"), problem);
            }
        }
    }
}
