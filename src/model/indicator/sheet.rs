//! What a view of indicators shows, as data, so that views stay thin: the
//! report's indicator tables (grouped by perspective and periodicity, with
//! its columns), each figure with its decimals and unit and where typing in
//! it goes, each status with the rule that set it, and an indicator's
//! values over the periods so far for a small trend.

use rust_decimal::Decimal;

use super::super::amount::AmountError;
use super::super::command::Command;
use super::super::engine::Engine;
use super::super::number::format_number;
use super::super::period::Month;
use super::super::plan::{IndicatorId, PerspectiveId, Plan};
use super::status::{Assessment, Basis, Reason, Reference, RuleSource, Status, StatusRule, evaluate};
use super::{
    Fault, Indicator, IndicatorCalc, IndicatorEdit, IndicatorUnit, PeriodName, Periodicity, Slot, Source, ValueCell,
    Values, last_year_total, parse_value, rolling_twelve,
};

/// A column of an indicator table, in the report's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// Utfall förra året: the same period last year.
    LastYear,
    /// Utfall
    Outcome,
    /// Mål: the target of the period.
    Target,
    /// Prognos helår
    Forecast,
    /// Årsmål, målvärde
    AnnualTarget,
    /// R12: the twelve months ending with the period (monthly tables only).
    R12,
    /// Status of the period's outcome.
    Status,
}

impl Column {
    /// The columns of a table of `periodicity`: R12 only for months.
    pub fn of(periodicity: Periodicity) -> Vec<Column> {
        let mut columns =
            vec![Column::LastYear, Column::Outcome, Column::Target, Column::Forecast, Column::AnnualTarget];
        if periodicity == Periodicity::Month {
            columns.push(Column::R12);
        }
        columns.push(Column::Status);
        columns
    }
}

/// One figure of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    /// `None` when not reported.
    pub value: Option<Decimal>,
    pub decimals: u32,
    pub unit: IndicatorUnit,
    /// Typed, or computed (by a formula, or R12 from the months).
    pub source: Source,
    /// Where typing in this figure goes; `None` when it is computed.
    pub cell: Option<ValueCell>,
}

impl Figure {
    /// The number, Swedish style: a typed value rounded to the indicator's
    /// decimals without trailing zeros (`5`, `5,7`), as reports print it; a
    /// computed one with all of them (`289 968,00`).
    pub fn number(&self) -> Option<String> {
        Some(format_number(self.value?, self.decimals, self.source == Source::Typed))
    }

    /// The number with its unit: `5,7 %`, `290 kr`, `8 500 TB`, `45 000`.
    pub fn text(&self) -> Option<String> {
        let number = self.number()?;
        Some(match self.unit.symbol() {
            "" => number,
            symbol => format!("{number}\u{a0}{symbol}"),
        })
    }
}

/// A row of a table: one indicator at the period shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetRow {
    pub indicator: IndicatorId,
    pub name: String,
    pub note: Option<String>,
    /// Computed by a formula (its figures are not typed).
    pub computed: bool,
    /// Why a computed indicator's figures are incomplete.
    pub fault: Option<Fault>,
    pub last_year: Figure,
    pub outcome: Figure,
    pub target: Figure,
    pub forecast: Figure,
    pub annual_target: Figure,
    pub r12: Figure,
    /// The period's outcome against its target (or the value before).
    pub status: Assessment,
    /// The full-year forecast against the annual target (or last year's full year).
    pub forecast_status: Assessment,
}

impl SheetRow {
    /// The figure in `column`; none for the status.
    pub fn figure(&self, column: Column) -> Option<&Figure> {
        Some(match column {
            Column::LastYear => &self.last_year,
            Column::Outcome => &self.outcome,
            Column::Target => &self.target,
            Column::Forecast => &self.forecast,
            Column::AnnualTarget => &self.annual_target,
            Column::R12 => &self.r12,
            Column::Status => return None,
        })
    }
}

/// A table: the indicators of one perspective and periodicity, at one period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetGroup {
    pub perspective: PerspectiveId,
    pub perspective_name: String,
    pub periodicity: Periodicity,
    /// The period shown (0-based) and its name, for the headings
    /// ("Utfall T1 2023", "Mål apr 2023").
    pub period: usize,
    pub period_name: PeriodName,
    /// The plan's year; last year's column is the year before.
    pub year: i32,
    pub columns: Vec<Column>,
    pub rows: Vec<SheetRow>,
}

/// The rule that decides an indicator's status and where it comes from.
pub fn effective_rule<'a>(plan: &'a Plan, indicator: &'a Indicator) -> (&'a StatusRule, RuleSource) {
    match &indicator.definition.rule {
        Some(rule) => (rule, RuleSource::Indicator),
        None => (&plan.status_rule, RuleSource::Plan),
    }
}

/// The status of `indicator`'s outcome in `period` (`Some`), or of its
/// forecast (`None`), from `values`.
pub fn assess(plan: &Plan, indicator: &Indicator, values: &Values, broken: bool, period: Option<usize>) -> Assessment {
    let (rule, source) = effective_rule(plan, indicator);
    let (value, reference) = match period {
        Some(p) => (values.get(Slot::Outcome(p)), period_reference(indicator, values, rule, p)),
        None => (values.forecast, forecast_reference(indicator, values, rule)),
    };
    let (status, mut reason, limit) = evaluate(rule, &indicator.definition.direction, value, reference);
    if status == Status::NotAssessable && broken {
        reason = Reason::Broken;
    }
    Assessment { status, reason, rule: rule.clone(), source, value, reference, limit }
}

/// What the outcome of period `p` is compared with.
fn period_reference(indicator: &Indicator, values: &Values, rule: &StatusRule, p: usize) -> Option<Decimal> {
    match rule.basis {
        Basis::Target { .. } => values.get(Slot::Target(p)),
        Basis::Change { against: Reference::LastYear, .. } => values.get(Slot::LastYear(p)),
        Basis::Change { against: Reference::PreviousPeriod, .. } => match p.checked_sub(1) {
            Some(before) => values.get(Slot::Outcome(before)),
            // The period before the first is last year's last, unless the
            // values count from January: then there is none to compare with.
            None if !indicator.definition.cumulative => values.last_year.last().copied().flatten(),
            None => None,
        },
    }
}

/// What the forecast is compared with: the annual target, or last year's full year.
fn forecast_reference(indicator: &Indicator, values: &Values, rule: &StatusRule) -> Option<Decimal> {
    match rule.basis {
        Basis::Target { .. } => values.annual_target,
        Basis::Change { .. } => last_year_total(&indicator.definition, values),
    }
}

/// The row of `indicator` at `period`.
fn row(plan: &Plan, calc: &IndicatorCalc, indicator: &Indicator, period: usize) -> Option<SheetRow> {
    let values = calc.values(plan, indicator.id)?;
    let computed = indicator.formula.is_some();
    let definition = &indicator.definition;
    let figure = |value: Option<Decimal>, slot: Slot| Figure {
        value,
        decimals: definition.decimals,
        unit: definition.unit.clone(),
        source: if computed { Source::Computed } else { Source::Typed },
        cell: (!computed).then_some(ValueCell { indicator: indicator.id, slot }),
    };
    let at = |slot: Slot| figure(values.get(slot), slot);
    let r12 = match rolling_twelve(definition, values, period) {
        Some((value, source)) => Figure { source, ..figure(Some(value), Slot::R12(period)) },
        None => at(Slot::R12(period)),
    };
    let fault = calc.fault(indicator.id).cloned();
    let broken = fault.is_some();
    Some(SheetRow {
        indicator: indicator.id,
        name: indicator.name.clone(),
        note: definition.note.clone(),
        computed,
        last_year: at(Slot::LastYear(period)),
        outcome: at(Slot::Outcome(period)),
        target: at(Slot::Target(period)),
        forecast: at(Slot::Forecast),
        annual_target: at(Slot::AnnualTarget),
        r12,
        status: assess(plan, indicator, values, broken, Some(period)),
        forecast_status: assess(plan, indicator, values, broken, None),
        fault,
    })
}

/// The indicator tables of `plan` as of the month `as_of` (the report's
/// closing month): per perspective in the plan's order, a table per
/// periodicity (year, tertial, month) that has indicators, each at the
/// period [`Periodicity::reported`] gives.
pub fn sheet(plan: &Plan, calc: &IndicatorCalc, as_of: Option<Month>) -> Vec<SheetGroup> {
    let mut groups = Vec::new();
    for perspective in &plan.perspectives {
        for periodicity in Periodicity::ALL {
            let period = periodicity.reported(as_of);
            let members = plan.indicators.iter().filter(|indicator| {
                indicator.definition.perspective == perspective.id && indicator.definition.periodicity == periodicity
            });
            let rows: Vec<SheetRow> = members.filter_map(|indicator| row(plan, calc, indicator, period)).collect();
            if rows.is_empty() {
                continue;
            }
            groups.push(SheetGroup {
                perspective: perspective.id,
                perspective_name: perspective.name.clone(),
                periodicity,
                period,
                period_name: periodicity.name(period),
                year: plan.year,
                columns: Column::of(periodicity),
                rows,
            });
        }
    }
    groups
}

/// One period of a trend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendPoint {
    pub period: PeriodName,
    pub outcome: Option<Decimal>,
    pub target: Option<Decimal>,
    pub last_year: Option<Decimal>,
}

/// An indicator's values over the periods of the year so far, for a small chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trend {
    pub decimals: u32,
    pub unit: IndicatorUnit,
    pub points: Vec<TrendPoint>,
}

/// The trend of indicator `id` from the first period through the one shown as of `as_of`.
pub fn trend(plan: &Plan, calc: &IndicatorCalc, id: IndicatorId, as_of: Option<Month>) -> Option<Trend> {
    let indicator = plan.indicator(id)?;
    let values = calc.values(plan, id)?;
    let periodicity = indicator.definition.periodicity;
    let points = (0..=periodicity.reported(as_of)).map(|p| TrendPoint {
        period: periodicity.name(p),
        outcome: values.get(Slot::Outcome(p)),
        target: values.get(Slot::Target(p)),
        last_year: values.get(Slot::LastYear(p)),
    });
    Some(Trend {
        decimals: indicator.definition.decimals,
        unit: indicator.definition.unit.clone(),
        points: points.collect(),
    })
}

/// A text typed or pasted into an indicator cell that is not a value in
/// its unit: the text, its place in the list given, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextError {
    pub index: usize,
    pub text: String,
    pub error: AmountError,
}

/// The one command that sets each cell to its typed or pasted text, read in
/// its indicator's unit ([`parse_value`]; empty or `-` clears it), or the
/// first text that is not a value.
pub fn set_texts(plan: &Plan, cells: &[(ValueCell, &str)]) -> Result<Command, TextError> {
    let values = cells.iter().enumerate().map(|(index, (cell, text))| {
        let unit = plan.indicator(cell.indicator).map_or(IndicatorUnit::Count, |i| i.definition.unit.clone());
        match parse_value(text, &unit) {
            Ok(value) => Ok((*cell, value)),
            Err(error) => Err(TextError { index, text: text.trim().to_owned(), error }),
        }
    });
    Ok(Command::Indicator(IndicatorEdit::SetValues(values.collect::<Result<_, _>>()?)))
}

impl Engine {
    /// The indicator tables as of `as_of` (see [`sheet`]).
    pub fn indicator_sheet(&self, as_of: Option<Month>) -> Vec<SheetGroup> {
        sheet(self.plan(), self.indicators(), as_of)
    }

    /// The row of indicator `id` in its table as of `as_of` (see [`sheet`]).
    pub fn indicator_row(&self, id: IndicatorId, as_of: Option<Month>) -> Option<SheetRow> {
        let indicator = self.plan().indicator(id)?;
        row(self.plan(), self.indicators(), indicator, indicator.definition.periodicity.reported(as_of))
    }

    /// The trend of an indicator as of `as_of` (see [`trend`]).
    pub fn indicator_trend(&self, id: IndicatorId, as_of: Option<Month>) -> Option<Trend> {
        trend(self.plan(), self.indicators(), id, as_of)
    }
}
