//! Budgets side by side (jämförelse): the plan's budget or a scenario's
//! base, and scenarios, each with its difference in kr and %; by result,
//! category, department, each customer's charge and each indicator the
//! scenarios move, with its forecast and status.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::measure_sheet::COSTS;
use super::words::status;
use crate::model::allocation::CustomerId;
use crate::model::allocation::sheet::annual_charges;
use crate::model::indicator::Assessment;
use crate::model::indicator::sheet::assess;
use crate::model::plan::IndicatorId;
use crate::model::scenario::{Base, Evaluation, ScenarioId, evaluate, indicator_changes};
use crate::model::{Amount, Engine, Group, Kind, Row, Series, Span};
use crate::ui::grid::{At, ColumnSpec, Content, Editor, Entry, Fmt, RowSpec, Sheet, Shown, Style, Topic};

/// Whose figures a column shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figures {
    /// The plan's budget.
    Budget,
    /// What scenario `id` starts from (its base with the base's measures).
    BaseOf(ScenarioId),
    /// Scenario `id` with its measures.
    Scenario(ScenarioId),
}

/// What a row shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Heading,
    Amount(Row),
    Charge(CustomerId),
    Indicator(IndicatorId),
}

/// One column's figures, computed once.
struct Column {
    evaluation: Option<Result<Evaluation, String>>,
    steps: usize,
    charges: Vec<(CustomerId, crate::model::allocation::calc::Figure)>,
    indicators: BTreeMap<IndicatorId, Assessment>,
}

impl Column {
    fn of(engine: &Engine, figures: Figures, fmt: Fmt) -> Column {
        let plan = engine.plan();
        let (id, after) = match figures {
            Figures::Budget => (None, false),
            Figures::BaseOf(id) => (Some(id), false),
            Figures::Scenario(id) => (Some(id), true),
        };
        let evaluation = id.map(|id| evaluate(engine, id).map_err(|e| fmt.lang.scenario_error(&e)));
        let steps = match (&evaluation, after) {
            (Some(Ok(evaluation)), true) => evaluation.steps.len(),
            _ => 0,
        };
        let charges = match &evaluation {
            Some(Ok(evaluation)) => evaluation.charges_after(engine, steps),
            _ => annual_charges(plan, engine.allocation()),
        };
        let mut indicators: BTreeMap<IndicatorId, Assessment> = plan
            .indicators
            .iter()
            .filter_map(|i| {
                let values = engine.indicators().values(plan, i.id)?;
                let broken = engine.indicators().fault(i.id).is_some();
                Some((i.id, assess(plan, i, values, broken, None)))
            })
            .collect();
        let moved_by = match figures {
            Figures::Budget => None,
            Figures::Scenario(id) => Some(id),
            Figures::BaseOf(id) => plan.scenarios.iter().find(|s| s.id == id).and_then(|s| match s.base {
                Base::Budget => None,
                Base::Scenario(base) => Some(base),
            }),
        };
        for change in moved_by.map(|id| indicator_changes(engine, id)).unwrap_or_default() {
            indicators.insert(change.indicator, change.after);
        }
        Column { evaluation, steps, charges, indicators }
    }

    /// The full-year budget of `row`, or the error that stands in its place.
    fn amount(&self, engine: &Engine, row: Row) -> Result<Amount, Content> {
        let value = match &self.evaluation {
            None => engine.value(row, Series::Budget, Span::FullYear),
            Some(Ok(evaluation)) => evaluation.year_after(engine, self.steps, row),
            Some(Err(_)) => return Err(Content::Error("#FEL".into())),
        };
        value.map_err(|_| Content::OutOfRange)
    }

    fn charge(&self, customer: CustomerId) -> Result<Amount, Content> {
        match self.charges.iter().find(|(c, _)| *c == customer) {
            Some((_, Ok(amount))) => Ok(*amount),
            _ => Err(Content::Error("#FEL".into())),
        }
    }
}

/// Figures side by side, computed when the sheet is built (the view builds
/// it anew after every edit).
pub struct CompareSheet {
    label: ColumnSpec,
    columns: Vec<ColumnSpec>,
    rows: Vec<RowSpec>,
    cells: Vec<Vec<Shown>>,
}

/// The columns of one set of figures: the reference has its value and
/// status, every other also its difference to the reference in kr and %.
const REFERENCE: [&str; 2] = ["value", "status"];
const COMPARED: [&str; 4] = ["value", "diff", "percent", "status"];

impl CompareSheet {
    /// `compared` against `reference`, each named by `names`.
    pub fn new(engine: &Engine, reference: Figures, compared: &[Figures], fmt: Fmt) -> CompareSheet {
        let lang = fmt.lang;
        let name = |figures: Figures| {
            let scenario =
                |id| engine.plan().scenarios.iter().find(|s| s.id == id).map_or("?".into(), |s| s.name.clone());
            match figures {
                Figures::Budget => lang.base_budget().to_owned(),
                Figures::BaseOf(id) => lang.base_of(&scenario(id)),
                Figures::Scenario(id) => scenario(id),
            }
        };
        let mut columns = Vec::new();
        for (n, figures) in std::iter::once(&reference).chain(compared).enumerate() {
            let keys: &[&str] = if n == 0 { &REFERENCE } else { &COMPARED };
            for key in keys {
                let label = match *key {
                    "value" => name(*figures),
                    other => lang.compare_column(other).to_owned(),
                };
                columns.push(ColumnSpec {
                    key: format!("{key}-{n}"),
                    label,
                    width: if *key == "value" { 150 } else { 110 },
                });
            }
        }
        let (rows, sources) = rows(engine, reference, compared, fmt);
        let reference = Column::of(engine, reference, fmt);
        let compared: Vec<Column> = compared.iter().map(|f| Column::of(engine, *f, fmt)).collect();
        let cells = sources.iter().map(|source| row_cells(engine, *source, &reference, &compared, fmt)).collect();
        let label = ColumnSpec { key: "label".into(), label: String::new(), width: 260 };
        CompareSheet { label, columns, rows, cells }
    }
}

/// The rows: result and totals, costs by category, by department, each
/// active customer's charge and each indicator a scenario moves.
fn rows(engine: &Engine, reference: Figures, compared: &[Figures], fmt: Fmt) -> (Vec<RowSpec>, Vec<Source>) {
    let (plan, lang) = (engine.plan(), fmt.lang);
    let mut rows: Vec<(RowSpec, Source)> = Vec::new();
    let mut section = None;
    let mut push = |key: String, label: String, style: Style, source: Source| {
        if style == Style::Group {
            section = Some(rows.len());
        }
        let spec = RowSpec { key, label, style, section, topic: Topic::Plan };
        rows.push((spec, source));
    };
    push("result".into(), lang.result_row().into(), Style::Result, Source::Amount(Row::Result(Group::All)));
    push(
        "revenue".into(),
        lang.revenue_row().into(),
        Style::Total,
        Source::Amount(Row::Total(Group::All, Kind::Revenue)),
    );
    push("costs".into(), lang.costs_row().into(), Style::Total, Source::Amount(COSTS));
    push("by-category".into(), lang.by_category().into(), Style::Group, Source::Heading);
    for category in &plan.categories {
        let row = Row::Total(Group::Category(category.id), category.kind);
        push(format!("category-{}", category.id.0), category.name.clone(), Style::Line, Source::Amount(row));
    }
    push("by-department".into(), lang.by_department().into(), Style::Group, Source::Heading);
    for department in &plan.departments {
        let row = Row::Total(Group::Department(department.id), Kind::Cost);
        push(format!("department-{}", department.id.0), department.name.clone(), Style::Line, Source::Amount(row));
    }
    push("charges".into(), lang.charges_heading().into(), Style::Group, Source::Heading);
    for customer in plan.customers.iter().filter(|c| c.active) {
        push(format!("customer-{}", customer.id.0), customer.name.clone(), Style::Line, Source::Charge(customer.id));
    }
    let ids = std::iter::once(&reference).chain(compared).filter_map(|f| match f {
        Figures::Budget => None,
        Figures::BaseOf(id) | Figures::Scenario(id) => Some(*id),
    });
    let moved: Vec<IndicatorId> = ids.flat_map(|id| indicator_changes(engine, id)).map(|c| c.indicator).collect();
    push("indicators".into(), lang.indicators_heading().into(), Style::Group, Source::Heading);
    for indicator in plan.indicators.iter().filter(|i| moved.contains(&i.id)) {
        push(
            format!("indicator-{}", indicator.id.0),
            indicator.name.clone(),
            Style::Line,
            Source::Indicator(indicator.id),
        );
    }
    rows.into_iter().unzip()
}

/// One row's cells: the reference's value and status, then each compared column's.
fn row_cells(engine: &Engine, source: Source, reference: &Column, compared: &[Column], fmt: Fmt) -> Vec<Shown> {
    let mut cells = figure_cells(engine, source, reference, None, fmt);
    for column in compared {
        cells.extend(figure_cells(engine, source, column, Some(reference), fmt));
    }
    cells
}

/// A value as a cell: an amount, a number or the error in its place.
fn cell(value: Result<Content, Content>) -> Shown {
    Shown::computed(value.unwrap_or_else(|error| error))
}

/// The cells of `column` on the row of `source`: with a `reference`, the
/// difference to it in kr (or the indicator's unit) and %.
fn figure_cells(engine: &Engine, source: Source, column: &Column, reference: Option<&Column>, fmt: Fmt) -> Vec<Shown> {
    let empty = || Shown::computed(Content::Empty);
    let width = if reference.is_some() { COMPARED.len() } else { REFERENCE.len() };
    let value = |column: &Column| -> Option<Result<Decimal, Content>> {
        match source {
            Source::Heading => None,
            Source::Amount(row) => Some(column.amount(engine, row).map(|a| a.decimal())),
            Source::Charge(customer) => Some(column.charge(customer).map(|a| a.decimal())),
            Source::Indicator(id) => Some(
                column.indicators.get(&id).and_then(|a| a.value).ok_or(Content::Text(fmt.lang.not_reported().into())),
            ),
        }
    };
    let Some(own) = value(column) else { return (0..width).map(|_| empty()).collect() };
    let is_money = !matches!(source, Source::Indicator(_));
    let content = |value: Decimal| match is_money {
        true => Amount::from_decimal(value).map_or(Content::OutOfRange, Content::Amount),
        false => Content::Number { value, decimals: 1 },
    };
    let mut cells = vec![cell(own.clone().map(content))];
    if let Some(reference) = reference {
        let base = value(reference).expect("the same row");
        let (diff, percent) = match (&own, &base) {
            (Ok(own), Ok(base)) => {
                let diff = *own - *base;
                let percent = (!base.is_zero()).then(|| diff * Decimal::ONE_HUNDRED / base.abs());
                (Ok(content(diff)), Ok(percent.map_or(Content::Empty, |value| Content::Number { value, decimals: 1 })))
            }
            (Err(e), _) | (_, Err(e)) => (Err(e.clone()), Err(e.clone())),
        };
        cells.push(cell(diff));
        cells.push(cell(percent));
    }
    let assessed = match source {
        Source::Indicator(id) => column.indicators.get(&id).map(|a| {
            let (status, label) = status(a.status, fmt.lang);
            Shown::computed(Content::Status { status, label })
        }),
        _ => None,
    };
    cells.push(assessed.unwrap_or_else(empty));
    cells
}

impl Sheet for CompareSheet {
    fn label_column(&self) -> &ColumnSpec {
        &self.label
    }

    fn columns(&self) -> &[ColumnSpec] {
        &self.columns
    }

    fn rows(&self) -> &[RowSpec] {
        &self.rows
    }

    fn show(&self, _: &Engine, at: At, _: Fmt) -> Shown {
        Shown::of(&self.cells, at)
    }

    fn edit(&self, _: &Engine, _: At, fmt: Fmt) -> Result<Editor, String> {
        Err(fmt.lang.comparison_computed().into())
    }

    fn enter(&self, _: &Engine, _: At, _: &str, fmt: Fmt) -> Result<Entry, String> {
        Err(fmt.lang.comparison_computed().into())
    }

    fn clear(&self, _: &Engine, _: At) -> Option<crate::model::Command> {
        None
    }
}
