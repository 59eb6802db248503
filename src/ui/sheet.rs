//! What a view shows, as data: its columns, its rows and what each cell holds
//! or accepts. Pure functions of the plan, so they are tested natively; the
//! grid components only render a [`Sheet`].

use super::i18n::Lang;
use crate::model::command::Cell;
use crate::model::spread::Fill;
use crate::model::{
    Activity, Amount, Command, CommandError, Engine, Group, Kind, LineId, Month, Overflow, Plan, Row, Series, Span,
    Tertial,
};

/// The views of a plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// Resultaträkning: the income statement by category.
    #[default]
    Result,
    /// One series month by month, lines grouped by department.
    Monthly(Series),
    /// Utfall och prognos: outcome against budget and the forecast, per
    /// department and activity, as in the monthly report.
    Outcome,
    /// The dimensions, drivers and lines themselves (not a sheet).
    Structure,
}

/// What a column shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    Value(Series, Span),
    /// Deviation from budget over a span, positive when better.
    Deviation(Span),
    /// Change of the year-to-date deviation since the month before.
    DeviationChange,
    /// Full-year forecast against full-year budget.
    ForecastDeviation,
    /// The forecast method of a line.
    Method,
    /// Outcome of the last twelve closed months (R12).
    Rolling12,
}

impl Measure {
    /// Whether the figure is computed from the budget or the forecast, which
    /// a formula error makes incomplete.
    pub fn uses_budget(self) -> bool {
        match self {
            Measure::Value(series, _) => matches!(series, Series::Budget | Series::Forecast),
            Measure::Deviation(_) | Measure::DeviationChange | Measure::ForecastDeviation => true,
            Measure::Method | Measure::Rolling12 => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub measure: Measure,
    /// A stable name for tests and styles.
    pub key: String,
    pub label: String,
}

/// How a row looks and behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    Line,
    /// The heading of a collapsible group, with the group's subtotal.
    Group,
    Total,
    Result,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SheetRow {
    pub row: Row,
    pub label: String,
    /// A stable name for tests and styles.
    pub key: String,
    pub style: Style,
    /// The group this row is folded into when collapsed; on a group heading,
    /// the group it opens and closes.
    pub section: Option<Group>,
    /// The rows shown as adding up to this one, to note where their rounded
    /// figures add up to something else than its rounded total.
    pub parts: Vec<Row>,
}

/// A view of the plan, ready to render.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sheet {
    pub columns: Vec<Column>,
    pub rows: Vec<SheetRow>,
}

/// Where typing into a cell goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// One month of a line's series.
    Month(Cell),
    /// A line's full year: the amount is split evenly over the months.
    Year(Cell),
    /// The budget of a line computed by its formula: a new formula (`=…`)
    /// replaces it, Delete removes it, an amount is refused.
    Formula(LineId),
}

/// An amount typed into a cell: the cells it sets and, for a full year, how
/// the total was spread over the open months.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub cells: Vec<(Cell, Amount)>,
    pub fill: Option<Fill>,
}

impl Target {
    /// What typing `amount` here sets; `None` on a formula. A full year
    /// goes to the open months (see [`Command::fill_year`]).
    pub fn entry(self, plan: &Plan, amount: Amount) -> Option<Result<Entry, CommandError>> {
        Some(match self {
            Target::Month(cell) => Ok(Entry { cells: vec![(cell, amount)], fill: None }),
            Target::Year(cell) => Command::fill_year(plan, cell.line, cell.series, amount).map(|(command, fill)| {
                let Command::SetAmounts(cells) = command else { unreachable!("a year is filled by amounts") };
                Entry { cells, fill: Some(fill) }
            }),
            Target::Formula(_) => return None,
        })
    }

    /// The line whose budget a formula typed here would compute.
    pub fn formula_line(self) -> Option<LineId> {
        match self {
            Target::Month(cell) | Target::Year(cell) if cell.series == Series::Budget => Some(cell.line),
            Target::Formula(line) => Some(line),
            _ => None,
        }
    }

    /// The command that clears this cell: zero (for a full year, its open
    /// months), or no formula.
    pub fn clear(self, plan: &Plan) -> Command {
        match self {
            Target::Formula(line) => Command::SetFormula { line, formula: None },
            Target::Month(cell) => Command::SetAmounts(vec![(cell, Amount::ZERO)]),
            Target::Year(cell) => {
                let open = Month::all().skip(crate::model::period::closed_count(plan.closed_through));
                Command::SetAmounts(open.map(|month| (Cell { month, ..cell }, Amount::ZERO)).collect())
            }
        }
    }
}

/// The figure of a cell; `None` where the column shows no amount.
pub fn figure(engine: &Engine, row: Row, measure: Measure) -> Option<Result<Amount, Overflow>> {
    Some(match measure {
        Measure::Value(series, span) => engine.value(row, series, span),
        Measure::Deviation(span) => engine.deviation(row, span),
        Measure::DeviationChange => engine.deviation_change(row),
        Measure::ForecastDeviation => engine.forecast_deviation(row),
        Measure::Rolling12 => engine.rolling_twelve(row),
        Measure::Method => return None,
    })
}

/// Where typing into a cell goes, if the cell is typed rather than computed:
/// a month of a line's budget, last year or manual forecast, a closed month
/// of its outcome, or its full-year budget.
pub fn target(plan: &Plan, row: Row, measure: Measure) -> Option<Target> {
    let Row::Line(id) = row else { return None };
    let line = plan.line(id)?;
    let closed = crate::model::period::closed_count(plan.closed_through);
    let budget = matches!(measure, Measure::Value(Series::Budget, Span::Month(_) | Span::FullYear));
    if line.formula.is_some() && budget {
        return Some(Target::Formula(id));
    }
    match measure {
        Measure::Value(series, Span::Month(month)) => {
            let open = month.index() >= closed;
            let typed = match series {
                Series::Budget | Series::LastYear => true,
                Series::Outcome => !open,
                Series::Forecast => open && matches!(line.forecast, crate::model::Forecast::Manual { .. }),
            };
            typed.then_some(Target::Month(Cell { line: id, series, month }))
        }
        Measure::Value(Series::Budget, Span::FullYear) => {
            Some(Target::Year(Cell { line: id, series: Series::Budget, month: Month::JANUARY }))
        }
        _ => None,
    }
}

fn column(measure: Measure, key: impl Into<String>, label: impl Into<String>) -> Column {
    Column { measure, key: key.into(), label: label.into() }
}

/// The sheet of `view`.
pub fn sheet(view: View, plan: &Plan, lang: Lang) -> Sheet {
    match view {
        View::Result => result_sheet(plan, lang),
        View::Monthly(series) => monthly_sheet(plan, lang, series),
        View::Outcome => outcome_sheet(plan, lang),
        View::Structure => Sheet::default(),
    }
}

fn closed_month(plan: &Plan) -> Month {
    plan.closed_through.unwrap_or(Month::JANUARY)
}

/// A column of the report views: its key and its label, as in the monthly report.
fn report_column(measure: Measure, plan: &Plan, lang: Lang) -> Column {
    let month = closed_month(plan);
    let (key, label) = match measure {
        Measure::Value(Series::LastYear, _) => ("last-year-ytd", lang.outcome_to_date(month, plan.year - 1)),
        Measure::Value(Series::Outcome, _) => ("outcome-ytd", lang.outcome_to_date(month, plan.year)),
        Measure::Value(Series::Budget, Span::FullYear) => ("budget-year", lang.budget_year(plan.year)),
        Measure::Value(Series::Budget, _) => ("budget-ytd", lang.budget_to_date(month, plan.year)),
        Measure::Value(Series::Forecast, _) => ("forecast-year", lang.forecast_year(plan.year)),
        Measure::Deviation(_) => ("deviation-ytd", lang.deviation_to_date(month)),
        Measure::DeviationChange => {
            ("deviation-change", month.previous().map_or_else(String::new, |m| lang.change_since(m)))
        }
        Measure::ForecastDeviation => ("forecast-deviation", lang.forecast_deviation().into()),
        Measure::Method => ("method", lang.method().into()),
        Measure::Rolling12 => ("rolling-12", lang.rolling_twelve(month)),
    };
    column(measure, key, label)
}

const LAST_YEAR_TO_DATE: Measure = Measure::Value(Series::LastYear, Span::YearToDate);
const OUTCOME_TO_DATE: Measure = Measure::Value(Series::Outcome, Span::YearToDate);
const BUDGET_TO_DATE: Measure = Measure::Value(Series::Budget, Span::YearToDate);
const FORECAST_YEAR: Measure = Measure::Value(Series::Forecast, Span::FullYear);
const BUDGET_YEAR: Measure = Measure::Value(Series::Budget, Span::FullYear);
const DEVIATION_TO_DATE: Measure = Measure::Deviation(Span::YearToDate);

fn result_sheet(plan: &Plan, lang: Lang) -> Sheet {
    let measures = [
        LAST_YEAR_TO_DATE,
        OUTCOME_TO_DATE,
        BUDGET_TO_DATE,
        DEVIATION_TO_DATE,
        FORECAST_YEAR,
        BUDGET_YEAR,
        Measure::ForecastDeviation,
    ];
    let columns = measures.map(|measure| report_column(measure, plan, lang)).to_vec();
    let mut rows = Vec::new();
    for kind in Kind::ALL {
        for category in plan.categories.iter().filter(|category| category.kind == kind) {
            let row = Row::Total(Group::Category(category.id), kind);
            let key = format!("category-{}", category.id.0);
            rows.push(SheetRow {
                row,
                label: category.name.clone(),
                key,
                style: Style::Line,
                section: None,
                parts: vec![],
            });
        }
        let parts = rows.iter().filter(|r| matches!(r.row, Row::Total(_, k) if k == kind)).map(|r| r.row).collect();
        rows.push(total_row(Row::Total(Group::All, kind), lang, parts));
    }
    rows.push(total_row(Row::Result(Group::All), lang, vec![]));
    Sheet { columns, rows }
}

fn total_row(row: Row, lang: Lang, parts: Vec<Row>) -> SheetRow {
    let (label, key, style) = match row {
        Row::Total(_, Kind::Cost) => (lang.total(Kind::Cost), "total-cost", Style::Total),
        Row::Total(_, Kind::Revenue) => (lang.total(Kind::Revenue), "total-revenue", Style::Total),
        _ => (lang.result(), "result", Style::Result),
    };
    SheetRow { row, label: label.into(), key: key.into(), style, section: None, parts }
}

/// Lines grouped under their group's heading, in plan order.
fn grouped(plan: &Plan, headings: Vec<(Group, String, String)>, rows: &mut Vec<SheetRow>) {
    for (group, label, key) in headings {
        let members: Vec<SheetRow> = plan
            .lines
            .iter()
            .filter(|line| match group {
                Group::Department(d) => line.department == d,
                Group::DepartmentActivity(d, a) => line.department == d && line.activity == a,
                _ => false,
            })
            .map(|line| SheetRow {
                row: Row::Line(line.id),
                label: line.name.clone(),
                key: format!("line-{}", line.id.0),
                style: Style::Line,
                section: Some(group),
                parts: vec![],
            })
            .collect();
        if members.is_empty() {
            continue;
        }
        rows.push(SheetRow {
            row: Row::Result(group),
            label,
            key,
            style: Style::Group,
            section: Some(group),
            parts: vec![],
        });
        rows.extend(members);
    }
}

fn monthly_sheet(plan: &Plan, lang: Lang, series: Series) -> Sheet {
    let mut columns: Vec<Column> = Month::all()
        .map(|month| {
            column(Measure::Value(series, Span::Month(month)), format!("m{}", month.number()), lang.month_short(month))
        })
        .collect();
    for (tertial, key) in [(Tertial::T1, "t1"), (Tertial::T2, "t2"), (Tertial::T3, "t3")] {
        columns.push(column(Measure::Value(series, Span::Tertial(tertial)), key, key.to_uppercase()));
    }
    columns.push(column(Measure::Value(series, Span::FullYear), "year", lang.full_year()));
    let headings = plan
        .departments
        .iter()
        .map(|d| (Group::Department(d.id), d.name.clone(), format!("department-{}", d.id.0)))
        .collect();
    let mut rows = Vec::new();
    grouped(plan, headings, &mut rows);
    let totals = [Row::Total(Group::All, Kind::Cost), Row::Total(Group::All, Kind::Revenue), Row::Result(Group::All)];
    rows.extend(totals.map(|row| total_row(row, lang, vec![])));
    Sheet { columns, rows }
}

fn outcome_sheet(plan: &Plan, lang: Lang) -> Sheet {
    let measures = [
        OUTCOME_TO_DATE,
        BUDGET_TO_DATE,
        DEVIATION_TO_DATE,
        Measure::DeviationChange,
        Measure::Rolling12,
        FORECAST_YEAR,
        BUDGET_YEAR,
        Measure::ForecastDeviation,
        Measure::Method,
    ];
    let columns = measures.map(|measure| report_column(measure, plan, lang)).to_vec();
    let mut rows = Vec::new();
    for activity in Activity::ALL {
        let headings = plan
            .departments
            .iter()
            .map(|d| {
                let group = Group::DepartmentActivity(d.id, activity);
                (
                    group,
                    format!("{} – {}", d.name, lang.activity(activity)),
                    format!("unit-{}-{}", d.id.0, lang.activity_key(activity)),
                )
            })
            .collect();
        let first = rows.len();
        grouped(plan, headings, &mut rows);
        let parts = rows[first..].iter().filter(|r| r.style == Style::Group).map(|r| r.row).collect();
        let key = format!("total-{}", lang.activity_key(activity));
        let row = Row::Result(Group::Activity(activity));
        let label = lang.activity_total(activity).into();
        rows.push(SheetRow { row, label, key, style: Style::Total, section: None, parts });
    }
    let parts = Activity::ALL.map(|activity| Row::Result(Group::Activity(activity))).to_vec();
    rows.push(total_row(Row::Result(Group::All), lang, parts));
    Sheet { columns, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example::april_2023;

    #[test]
    fn the_budget_view_groups_lines_under_their_department() {
        let plan = april_2023();
        let sheet = sheet(View::Monthly(Series::Budget), &plan, Lang::Sv);
        assert_eq!(sheet.columns.len(), 16);
        assert_eq!(sheet.columns[12].label, "T1");
        assert_eq!(sheet.columns[0].label, "jan");
        assert_eq!(sheet.rows[0].style, Style::Group);
        assert_eq!(sheet.rows[0].label, "Gemensamma tjänster – Ekonomi");
        assert!(sheet.rows[1..6].iter().all(|row| row.style == Style::Line && row.section == sheet.rows[0].section));
        assert_eq!(sheet.rows.last().map(|row| row.row), Some(Row::Result(Group::All)));
    }

    #[test]
    fn only_typed_figures_are_targets() {
        let plan = april_2023();
        let line = Row::Line(plan.lines[0].id);
        let month = |series, m| Measure::Value(series, Span::Month(Month::from_index(m).unwrap()));
        assert!(matches!(target(&plan, line, month(Series::Budget, 0)), Some(Target::Month(_))));
        assert!(target(&plan, line, month(Series::Outcome, 3)).is_some(), "April is closed");
        assert!(target(&plan, line, month(Series::Outcome, 4)).is_none(), "May is not");
        assert!(target(&plan, line, month(Series::Forecast, 3)).is_none(), "a closed month's forecast is its outcome");
        assert!(target(&plan, line, month(Series::Forecast, 4)).is_some(), "the example's forecasts are manual");
        assert!(matches!(target(&plan, line, Measure::Value(Series::Budget, Span::FullYear)), Some(Target::Year(_))));
        assert!(target(&plan, Row::Result(Group::All), month(Series::Budget, 0)).is_none());
        assert!(target(&plan, line, Measure::Deviation(Span::YearToDate)).is_none());
    }

    #[test]
    fn a_formula_lines_budget_is_its_formula() {
        let mut plan = april_2023();
        plan.lines[0].formula = Some("=1".into());
        let line = Row::Line(plan.lines[0].id);
        let target = target(&plan, line, Measure::Value(Series::Budget, Span::Month(Month::JANUARY))).unwrap();
        assert_eq!(target, Target::Formula(plan.lines[0].id));
        assert_eq!(target.entry(&plan, Amount::ZERO), None);
        assert_eq!(target.clear(&plan), Command::SetFormula { line: plan.lines[0].id, formula: None });
    }

    #[test]
    fn a_year_target_fills_the_open_months_exactly() {
        let plan = april_2023();
        let line = plan.lines[0].clone();
        let cell = Cell { line: line.id, series: Series::Budget, month: Month::JANUARY };
        let entry = Target::Year(cell).entry(&plan, Amount::kronor(100_000_000)).unwrap().unwrap();
        assert_eq!(entry.fill, Some(Fill::Profile));
        assert_eq!(Amount::checked_sum(entry.cells.iter().map(|(_, a)| *a)), Ok(Amount::kronor(100_000_000)));
        assert!(entry.cells[..4].iter().all(|(cell, amount)| *amount == line.budget[cell.month.index()]), "closed");
        let Command::SetAmounts(cleared) = Target::Year(cell).clear(&plan) else { panic!("amounts") };
        assert_eq!(cleared.len(), 8, "clearing a year zeroes its open months");
    }
}
