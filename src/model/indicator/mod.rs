//! Indicators (indikatorer): the report's KPIs with targets and a status,
//! kept in the same plan as the money and computed from it where they can be.
//!
//! An [`Indicator`] has a unit, a periodicity (year, tertial, month) and a
//! direction, and per period an outcome, a target and last year's outcome;
//! for the year a forecast and an annual target; and a rolling twelve months
//! (R12), computed for volumes or typed as a report gives it. Values are
//! exact decimals in the indicator's unit (a percentage is kept as `5.7`,
//! not `0.057`); a missing value is *not reported*, never zero.
//!
//! - [`status`]: the status rule and its one evaluation function;
//! - [`calc`]: indicators computed by a formula over lines, drivers and other
//!   indicators, kept up to date incrementally;
//! - [`edit`]: the edits of indicators, each a reversible command;
//! - [`sheet`]: what a view of indicators shows, as data.

pub mod calc;
pub mod edit;
pub mod sheet;
pub mod status;

use std::ops::Range;

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use super::amount::AmountError;
use super::number::parse_number;
use super::period::{Month, Tertial, closed_count};
use super::plan::{Forecast, IndicatorId, LineId, PerspectiveId, Plan};
pub use calc::{Fault, IndicatorCalc};
pub use edit::{IndicatorEdit, IndicatorError};
pub use status::{Assessment, Basis, Reason, Reference, RuleSource, Status, StatusRule, Symbols, Tolerance};

/// The largest value an indicator holds, in its unit: ±10^15, as amounts.
pub const VALUE_LIMIT: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);
/// The most decimals a typed value keeps, and the most an indicator shows.
pub const MAX_DECIMALS: u32 = 6;

/// A perspective of the goals (perspektiv) that indicators are grouped in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Perspective {
    pub id: PerspectiveId,
    pub name: String,
}

impl Perspective {
    /// The four perspectives of the report: Kund och ägare, Medarbetare, Process, Ekonomi.
    pub fn standard() -> Vec<Perspective> {
        ["Kund och ägare", "Medarbetare", "Process", "Ekonomi"]
            .into_iter()
            .zip(1..)
            .map(|(name, id)| Perspective { id: PerspectiveId(id), name: name.into() })
            .collect()
    }
}

/// What an indicator's values count.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorUnit {
    /// Percent: `5.7` is 5,7 %.
    Percent,
    /// A number of things (antal).
    Count,
    /// An index, such as NKI or HME.
    Index,
    /// Kronor.
    Kronor,
    /// Any other unit, written after the value: "TB", "mnkr", "årsarbetare".
    Other(String),
}

impl IndicatorUnit {
    /// What is written after a value: "%", "kr", the free unit, or nothing.
    pub fn symbol(&self) -> &str {
        match self {
            IndicatorUnit::Percent => "%",
            IndicatorUnit::Kronor => "kr",
            IndicatorUnit::Other(text) => text.trim(),
            IndicatorUnit::Count | IndicatorUnit::Index => "",
        }
    }
}

/// How often an indicator is followed up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Periodicity {
    /// Once a year (år).
    Year,
    /// Each four-month period (tertial).
    Tertial,
    /// Each month (månad).
    Month,
}

/// A period of a periodicity, for headings: the year, a tertial or a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PeriodName {
    Year,
    Tertial(Tertial),
    Month(Month),
}

impl Periodicity {
    /// In the order the report shows them: year, tertial, month.
    pub const ALL: [Periodicity; 3] = [Periodicity::Year, Periodicity::Tertial, Periodicity::Month];

    /// How many periods a year has.
    pub fn periods(self) -> usize {
        match self {
            Periodicity::Year => 1,
            Periodicity::Tertial => 3,
            Periodicity::Month => 12,
        }
    }

    /// The months (0-based) of `period`.
    pub fn months(self, period: usize) -> Range<usize> {
        let length = 12 / self.periods();
        period * length..(period + 1) * length
    }

    /// The period that holds the month with index `month`.
    pub fn period_of(self, month: usize) -> usize {
        month / (12 / self.periods())
    }

    /// The period a report closed through `closed` shows: the closed month,
    /// the last tertial that is over (T1 before April is closed) or the year.
    pub fn reported(self, closed: Option<Month>) -> usize {
        match self {
            Periodicity::Year => 0,
            Periodicity::Month => closed.map_or(0, Month::index),
            Periodicity::Tertial => (closed_count(closed) / 4).saturating_sub(1),
        }
    }

    /// The name of `period`, for headings.
    pub fn name(self, period: usize) -> PeriodName {
        match self {
            Periodicity::Year => PeriodName::Year,
            Periodicity::Tertial => PeriodName::Tertial([Tertial::T1, Tertial::T2, Tertial::T3][period.min(2)]),
            Periodicity::Month => PeriodName::Month(Month::from_index(period).unwrap_or(Month::DECEMBER)),
        }
    }
}

/// Whether an indicator's values add up over the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// A rate, an index, a stock or a ratio: values are not added up.
    Level,
    /// A volume: the year is the sum of its periods, and R12 is computed.
    Sum,
}

/// Which way is better.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
    /// Inside `low`–`high` (inclusive) is the target.
    Band {
        #[serde(serialize_with = "decimal")]
        #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "crate::model::plan::DecimalText"))]
        low: Decimal,
        #[serde(serialize_with = "decimal")]
        #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "crate::model::plan::DecimalText"))]
        high: Decimal,
    },
}

/// What an indicator is: everything but its name, values and formula.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Definition {
    pub perspective: PerspectiveId,
    pub unit: IndicatorUnit,
    pub periodicity: Periodicity,
    pub aggregation: Aggregation,
    /// Each period's value counts from January through the period
    /// (ackumulerat), as the report's monthly figures: "Utfall apr" is
    /// January–April. Otherwise a period's value is of that period alone.
    pub cumulative: bool,
    pub direction: Direction,
    /// Decimals shown, at most [`MAX_DECIMALS`].
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(max = MAX_DECIMALS)))]
    pub decimals: u32,
    /// The indicator's own status rule, instead of the plan's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<StatusRule>,
    /// A note shown with the indicator, such as a new way of measuring.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The values of one period kind: one per period, `None` when not reported.
pub type PerPeriod = Vec<Option<Decimal>>;

/// The values of an indicator, in its unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Values {
    #[serde(serialize_with = "decimals")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Vec<Option<crate::model::plan::DecimalText>>"))]
    pub outcome: PerPeriod,
    #[serde(serialize_with = "decimals")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Vec<Option<crate::model::plan::DecimalText>>"))]
    pub target: PerPeriod,
    /// Last year's outcome of the same period.
    #[serde(serialize_with = "decimals")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Vec<Option<crate::model::plan::DecimalText>>"))]
    pub last_year: PerPeriod,
    /// R12 as typed from a report, for the twelve months ending with each period.
    #[serde(serialize_with = "decimals")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Vec<Option<crate::model::plan::DecimalText>>"))]
    pub r12: PerPeriod,
    /// The forecast of the full year (prognos helår).
    #[serde(serialize_with = "optional_decimal")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<crate::model::plan::DecimalText>"))]
    pub forecast: Option<Decimal>,
    /// The target of the full year (årsmål, målvärde).
    #[serde(serialize_with = "optional_decimal")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<crate::model::plan::DecimalText>"))]
    pub annual_target: Option<Decimal>,
}

/// Where a value of an indicator is: a kind of value and, for values per
/// period, the period (0-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    Outcome(usize),
    Target(usize),
    LastYear(usize),
    R12(usize),
    Forecast,
    AnnualTarget,
}

impl Slot {
    /// The period of a value per period.
    pub fn period(self) -> Option<usize> {
        match self {
            Slot::Outcome(p) | Slot::Target(p) | Slot::LastYear(p) | Slot::R12(p) => Some(p),
            Slot::Forecast | Slot::AnnualTarget => None,
        }
    }

    /// The same kind of value for `period` (the full-year values stay as they are).
    pub fn at(self, period: usize) -> Slot {
        match self {
            Slot::Outcome(_) => Slot::Outcome(period),
            Slot::Target(_) => Slot::Target(period),
            Slot::LastYear(_) => Slot::LastYear(period),
            Slot::R12(_) => Slot::R12(period),
            full_year => full_year,
        }
    }
}

/// One value of one indicator: what a cell of a view edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ValueCell {
    pub indicator: IndicatorId,
    pub slot: Slot,
}

impl Values {
    /// No value reported, for `periodicity`.
    pub fn empty(periodicity: Periodicity) -> Values {
        let none = vec![None; periodicity.periods()];
        Values {
            outcome: none.clone(),
            target: none.clone(),
            last_year: none.clone(),
            r12: none,
            forecast: None,
            annual_target: None,
        }
    }

    /// The value at `slot`, if reported (and the period exists).
    pub fn get(&self, slot: Slot) -> Option<Decimal> {
        match slot {
            Slot::Forecast => self.forecast,
            Slot::AnnualTarget => self.annual_target,
            _ => *self.per_period(slot)?.get(slot.period()?)?,
        }
    }

    /// The place of the value at `slot`, if the period exists.
    pub fn get_mut(&mut self, slot: Slot) -> Option<&mut Option<Decimal>> {
        match slot {
            Slot::Forecast => Some(&mut self.forecast),
            Slot::AnnualTarget => Some(&mut self.annual_target),
            Slot::Outcome(p) => self.outcome.get_mut(p),
            Slot::Target(p) => self.target.get_mut(p),
            Slot::LastYear(p) => self.last_year.get_mut(p),
            Slot::R12(p) => self.r12.get_mut(p),
        }
    }

    fn per_period(&self, slot: Slot) -> Option<&PerPeriod> {
        match slot {
            Slot::Outcome(_) => Some(&self.outcome),
            Slot::Target(_) => Some(&self.target),
            Slot::LastYear(_) => Some(&self.last_year),
            Slot::R12(_) => Some(&self.r12),
            Slot::Forecast | Slot::AnnualTarget => None,
        }
    }

    /// Whether there is one value per period of `periodicity` of every kind.
    pub fn fits(&self, periodicity: Periodicity) -> bool {
        let n = periodicity.periods();
        [&self.outcome, &self.target, &self.last_year, &self.r12].iter().all(|values| values.len() == n)
    }

    /// Every value, with its slot.
    pub fn all(&self) -> impl Iterator<Item = (Slot, Option<Decimal>)> + '_ {
        let periods = 0..self.outcome.len();
        let per_period = periods.flat_map(|p| [Slot::Outcome(p), Slot::Target(p), Slot::LastYear(p), Slot::R12(p)]);
        per_period.chain([Slot::Forecast, Slot::AnnualTarget]).map(|slot| (slot, self.get(slot)))
    }
}

/// An indicator (indikator): a KPI of the plan, typed or computed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Indicator {
    pub id: IndicatorId,
    pub name: String,
    pub definition: Definition,
    /// The typed values; those of an indicator with a formula are not used.
    pub values: Values,
    /// A formula that computes the values from lines, drivers and other
    /// indicators (`=[Kostnad lön] / Lönespecifikationer`), see [`calc`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
}

impl Indicator {
    /// A typed indicator without values.
    pub fn new(id: IndicatorId, name: &str, definition: Definition) -> Indicator {
        let values = Values::empty(definition.periodicity);
        Indicator { id, name: name.into(), definition, values, formula: None }
    }

    /// Whether lines can use it as a volume: a typed monthly indicator.
    pub fn is_volume(&self) -> bool {
        self.definition.periodicity == Periodicity::Month && self.formula.is_none()
    }
}

/// The months a value at `slot` covers: its period, from January when the
/// indicator is cumulative; the full year for the full-year values.
pub fn span(definition: &Definition, slot: Slot) -> Range<usize> {
    match slot.period() {
        None => 0..12,
        Some(period) => {
            let months = definition.periodicity.months(period);
            if definition.cumulative { 0..months.end } else { months }
        }
    }
}

/// Whether R12 was computed from the months or typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    Typed,
    Computed,
}

/// The outcome of the twelve months ending with `period` (R12): computed
/// for a volume when this year's outcome through the period and last year's
/// after it are reported, otherwise the typed R12, otherwise not reported.
pub fn rolling_twelve(definition: &Definition, values: &Values, period: usize) -> Option<(Decimal, Source)> {
    let computed = match definition.aggregation {
        Aggregation::Level => None,
        Aggregation::Sum => rolling_sum(definition.cumulative, values, period),
    };
    computed
        .map(|value| (value, Source::Computed))
        .or_else(|| values.r12.get(period).copied().flatten().map(|value| (value, Source::Typed)))
}

fn rolling_sum(cumulative: bool, values: &Values, period: usize) -> Option<Decimal> {
    let last = values.outcome.len().checked_sub(1)?;
    if cumulative {
        // To date this year, plus last year's full year less its part to date.
        let rest = if period == last {
            Decimal::ZERO
        } else {
            values.last_year.get(last).copied()??.checked_sub(values.last_year.get(period).copied()??)?
        };
        values.outcome.get(period).copied()??.checked_add(rest)
    } else {
        let this_year = values.outcome.get(..=period)?.iter();
        let last_year = values.last_year.get(period + 1..)?.iter();
        this_year.chain(last_year).try_fold(Decimal::ZERO, |sum, value| sum.checked_add((*value)?))
    }
}

/// Last year's outcome of the full year, where the values say it: a yearly
/// or cumulative indicator's last period, or a volume's sum.
pub fn last_year_total(definition: &Definition, values: &Values) -> Option<Decimal> {
    let last = *values.last_year.last()?;
    if definition.periodicity == Periodicity::Year || definition.cumulative {
        return last;
    }
    match definition.aggregation {
        Aggregation::Sum => values.last_year.iter().try_fold(Decimal::ZERO, |sum, value| sum.checked_add((*value)?)),
        Aggregation::Level => None,
    }
}

/// An indicator's planned volume of each month, for lines that use it as a
/// driver: its monthly target, or the increase of a cumulative target over
/// the month before. Not reported for a month without a target, and for
/// every month of an indicator that is not a volume ([`Indicator::is_volume`]).
pub fn planned_volumes(plan: &Plan, id: IndicatorId) -> [Option<Decimal>; 12] {
    let Some(indicator) = plan.indicator(id).filter(|indicator| indicator.is_volume()) else { return [None; 12] };
    let target = &indicator.values.target;
    std::array::from_fn(|month| {
        let this = (*target.get(month)?)?;
        match month.checked_sub(1) {
            Some(before) if indicator.definition.cumulative => this.checked_sub((*target.get(before)?)?),
            _ => Some(this),
        }
    })
}

/// The open months in which the volume × price forecast of `line` has no
/// planned volume on its indicator: they project nothing, and a view says so.
pub fn volume_gaps(plan: &Plan, line: LineId) -> Vec<Month> {
    let Some(Forecast::Volume { indicator, .. }) = plan.line(line).map(|line| &line.forecast) else {
        return Vec::new();
    };
    let volumes = planned_volumes(plan, *indicator);
    Month::all().skip(closed_count(plan.closed_through)).filter(|month| volumes[month.index()].is_none()).collect()
}

/// A value as the engine keeps it: within ±[`VALUE_LIMIT`], at most
/// [`MAX_DECIMALS`] decimals, trailing zeros dropped.
pub fn checked_value(value: Decimal) -> Result<Decimal, AmountError> {
    let value = value.normalize();
    if value.abs() > VALUE_LIMIT {
        Err(AmountError::OutOfRange)
    } else if value.scale() > MAX_DECIMALS {
        Err(AmountError::TooManyDecimals)
    } else {
        Ok(value)
    }
}

/// Reads a value typed or pasted into an indicator of `unit`, in Swedish or
/// English notation, with or without the unit: `5,7 %` and `5,7` are the
/// same percentage. Empty, `-` or `–` is *not reported* (`None`), as reports
/// print it; a number in another unit (`5 kr` for a percentage) is refused.
pub fn parse_value(input: &str, unit: &IndicatorUnit) -> Result<Option<Decimal>, AmountError> {
    let text = input.trim();
    if matches!(text, "" | "-" | "–" | "—") {
        return Ok(None);
    }
    let symbol = unit.symbol();
    let number = match text.len().checked_sub(symbol.len()).filter(|_| !symbol.is_empty()) {
        Some(at) if text.is_char_boundary(at) && text[at..].eq_ignore_ascii_case(symbol) => &text[..at],
        _ => text,
    };
    checked_value(parse_number(number)?).map(Some)
}

fn decimal<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

fn optional_decimal<S: Serializer>(value: &Option<Decimal>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => serializer.collect_str(value),
        None => serializer.serialize_none(),
    }
}

/// Values per period as decimal strings, `null` where not reported.
fn decimals<S: Serializer>(values: &PerPeriod, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(values.iter().map(|value| value.map(|value| value.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    #[test]
    fn values_are_read_in_the_unit_of_the_indicator() {
        let percent = IndicatorUnit::Percent;
        assert_eq!(parse_value("5,7 %", &percent), Ok(Some(dec("5.7"))));
        assert_eq!(parse_value("5,7%", &percent), Ok(Some(dec("5.7"))));
        assert_eq!(parse_value(" 5,7 ", &percent), Ok(Some(dec("5.7"))));
        assert_eq!(parse_value("abc", &percent), Err(AmountError::NotANumber));
        assert_eq!(parse_value("5 kr", &percent), Err(AmountError::NotANumber));
        assert_eq!(parse_value("5 %", &IndicatorUnit::Count), Err(AmountError::NotANumber));
        assert_eq!(parse_value("1 470 000", &IndicatorUnit::Count), Ok(Some(dec("1470000"))));
        assert_eq!(parse_value("8 500 TB", &IndicatorUnit::Other("TB".into())), Ok(Some(dec("8500"))));
        assert_eq!(parse_value("-", &percent), Ok(None), "the report's mark of a missing value");
        assert_eq!(parse_value("", &percent), Ok(None));
        assert_eq!(parse_value("-4", &percent), Ok(Some(dec("-4"))));
        assert_eq!(parse_value("0,0000001", &percent), Err(AmountError::TooManyDecimals));
        assert_eq!(parse_value("2 000 000 000 000 000", &percent), Err(AmountError::OutOfRange));
        assert_eq!(parse_value("5,50", &percent), Ok(Some(dec("5.5"))), "kept without trailing zeros");
    }

    #[test]
    fn periods_cover_their_months() {
        assert_eq!(Periodicity::Tertial.months(1), 4..8);
        assert_eq!(Periodicity::Month.months(3), 3..4);
        assert_eq!(Periodicity::Year.months(0), 0..12);
        assert_eq!(Periodicity::Tertial.period_of(Month::APRIL.index()), 0);
        assert_eq!(Periodicity::Tertial.reported(Some(Month::APRIL)), 0);
        assert_eq!(Periodicity::Tertial.reported(Some(Month::JUNE)), 0, "T2 is not over in June");
        assert_eq!(Periodicity::Tertial.reported(Some(Month::DECEMBER)), 2);
        assert_eq!(Periodicity::Tertial.reported(None), 0);
        assert_eq!(Periodicity::Month.reported(Some(Month::APRIL)), 3);
    }

    fn volume(cumulative: bool) -> (Definition, Values) {
        let definition = Definition {
            perspective: PerspectiveId(1),
            unit: IndicatorUnit::Count,
            periodicity: Periodicity::Tertial,
            aggregation: Aggregation::Sum,
            cumulative,
            direction: Direction::HigherIsBetter,
            decimals: 0,
            rule: None,
            note: None,
        };
        (definition, Values::empty(Periodicity::Tertial))
    }

    #[test]
    fn r12_is_computed_from_the_last_twelve_months_or_typed() {
        let (definition, mut values) = volume(false);
        values.outcome[0] = Some(dec("10"));
        values.last_year = vec![Some(dec("7")), Some(dec("8")), Some(dec("9"))];
        assert_eq!(rolling_twelve(&definition, &values, 0), Some((dec("27"), Source::Computed)), "10 + 8 + 9");
        values.last_year[2] = None;
        assert_eq!(rolling_twelve(&definition, &values, 0), None, "a missing tertial is not counted as zero");
        values.r12[0] = Some(dec("30"));
        assert_eq!(rolling_twelve(&definition, &values, 0), Some((dec("30"), Source::Typed)));

        // Cumulative: to date this year plus last year's rest of the year.
        let (definition, mut values) = volume(true);
        values.outcome[0] = Some(dec("10"));
        values.last_year = vec![Some(dec("7")), Some(dec("15")), Some(dec("24"))];
        assert_eq!(rolling_twelve(&definition, &values, 0), Some((dec("27"), Source::Computed)), "10 + 24 − 7");
        values.outcome[2] = Some(dec("31"));
        assert_eq!(rolling_twelve(&definition, &values, 2), Some((dec("31"), Source::Computed)), "the year itself");
        assert_eq!(last_year_total(&definition, &values), Some(dec("24")));
        let level = Definition { aggregation: Aggregation::Level, ..definition };
        assert_eq!(rolling_twelve(&level, &values, 0), None, "a level is not added up");
    }
}
