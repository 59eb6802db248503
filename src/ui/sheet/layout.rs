//! The rows and columns of the plan's views: the income statement, the
//! budget by month and the department table of the monthly report.

use std::collections::HashMap;

use super::View;
use super::measure::Measure;
use crate::model::{Activity, Group, Kind, Line, Month, Plan, Row, Series, Span, Tertial};
use crate::ui::grid::{ColumnSpec, RowSpec, Style, Topic};
use crate::ui::i18n::Lang;

/// The width of a month's column, in CSS pixels.
const MONTH_WIDTH: u16 = 100;
/// The width of a column of the report views.
const REPORT_WIDTH: u16 = 104;
/// The width of the forecast method's column.
const METHOD_WIDTH: u16 = 160;

/// A row of a plan view: how it looks, the engine's row it shows, and the
/// rows shown as adding up to it (to note where their rounded figures add
/// up to something else than its rounded total).
pub struct Source {
    pub spec: RowSpec,
    pub row: Row,
    pub parts: Vec<Row>,
}

/// The columns of `view`, each with what it measures.
pub fn columns(view: View, plan: &Plan, lang: Lang) -> Vec<(ColumnSpec, Measure)> {
    match view {
        View::Result => report_columns(
            &[
                LAST_YEAR_TO_DATE,
                OUTCOME_TO_DATE,
                BUDGET_TO_DATE,
                DEVIATION_TO_DATE,
                FORECAST_YEAR,
                BUDGET_YEAR,
                Measure::ForecastDeviation,
            ],
            plan,
            lang,
        ),
        View::Monthly(series) => monthly_columns(series, lang),
        View::Outcome => report_columns(
            &[
                OUTCOME_TO_DATE,
                BUDGET_TO_DATE,
                DEVIATION_TO_DATE,
                Measure::DeviationChange,
                Measure::Rolling12,
                FORECAST_YEAR,
                BUDGET_YEAR,
                Measure::ForecastDeviation,
                Measure::Method,
            ],
            plan,
            lang,
        ),
        View::Structure | View::Indicators | View::Allocation(_) | View::Scenarios => Vec::new(),
    }
}

/// The rows of `view`.
pub fn rows(view: View, plan: &Plan, lang: Lang) -> Vec<Source> {
    match view {
        View::Result => result_rows(plan, lang),
        View::Monthly(_) => monthly_rows(plan, lang),
        View::Outcome => outcome_rows(plan, lang),
        View::Structure | View::Indicators | View::Allocation(_) | View::Scenarios => Vec::new(),
    }
}

fn column(measure: Measure, key: impl Into<String>, label: impl Into<String>, width: u16) -> (ColumnSpec, Measure) {
    (ColumnSpec { key: key.into(), label: label.into(), width }, measure)
}

fn closed_month(plan: &Plan) -> Month {
    plan.closed_through.unwrap_or(Month::JANUARY)
}

const LAST_YEAR_TO_DATE: Measure = Measure::Value(Series::LastYear, Span::YearToDate);
const OUTCOME_TO_DATE: Measure = Measure::Value(Series::Outcome, Span::YearToDate);
const BUDGET_TO_DATE: Measure = Measure::Value(Series::Budget, Span::YearToDate);
const FORECAST_YEAR: Measure = Measure::Value(Series::Forecast, Span::FullYear);
const BUDGET_YEAR: Measure = Measure::Value(Series::Budget, Span::FullYear);
const DEVIATION_TO_DATE: Measure = Measure::Deviation(Span::YearToDate);

/// The columns of the report views: keys and labels as in the monthly report.
fn report_columns(measures: &[Measure], plan: &Plan, lang: Lang) -> Vec<(ColumnSpec, Measure)> {
    let month = closed_month(plan);
    let report_column = |measure: Measure| {
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
            Measure::Method => return column(measure, "method", lang.method(), METHOD_WIDTH),
            Measure::Rolling12 => ("rolling-12", lang.rolling_twelve(month)),
        };
        column(measure, key, label, REPORT_WIDTH)
    };
    measures.iter().map(|measure| report_column(*measure)).collect()
}

fn monthly_columns(series: Series, lang: Lang) -> Vec<(ColumnSpec, Measure)> {
    let months = Month::all().map(|month| {
        let measure = Measure::Value(series, Span::Month(month));
        column(measure, format!("m{}", month.number()), lang.month_short(month), MONTH_WIDTH)
    });
    let tertials = [(Tertial::T1, "t1"), (Tertial::T2, "t2"), (Tertial::T3, "t3")].map(|(tertial, key)| {
        column(Measure::Value(series, Span::Tertial(tertial)), key, key.to_uppercase(), MONTH_WIDTH)
    });
    let year = column(Measure::Value(series, Span::FullYear), "year", lang.full_year(), MONTH_WIDTH);
    months.chain(tertials).chain([year]).collect()
}

fn source(row: Row, key: String, label: String, style: Style, section: Option<usize>, parts: Vec<Row>) -> Source {
    Source { spec: RowSpec { key, label, style, section, topic: Topic::Row(row) }, row, parts }
}

fn result_rows(plan: &Plan, lang: Lang) -> Vec<Source> {
    let mut rows = Vec::new();
    for kind in Kind::ALL {
        let categories = plan.categories.iter().filter(|category| category.kind == kind);
        let first = rows.len();
        for category in categories {
            let row = Row::Total(Group::Category(category.id), kind);
            rows.push(source(
                row,
                format!("category-{}", category.id.0),
                category.name.clone(),
                Style::Line,
                None,
                vec![],
            ));
        }
        let parts = rows[first..].iter().map(|r| r.row).collect();
        rows.push(total_row(Row::Total(Group::All, kind), lang, parts));
    }
    rows.push(total_row(Row::Result(Group::All), lang, vec![]));
    rows
}

fn total_row(row: Row, lang: Lang, parts: Vec<Row>) -> Source {
    let (label, key, style) = match row {
        Row::Total(_, Kind::Cost) => (lang.total(Kind::Cost), "total-cost", Style::Total),
        Row::Total(_, Kind::Revenue) => (lang.total(Kind::Revenue), "total-revenue", Style::Total),
        _ => (lang.result(), "result", Style::Result),
    };
    source(row, key.into(), label.into(), style, None, parts)
}

/// A group heading of the budget views: its group, label and key.
struct Heading {
    group: Group,
    label: String,
    key: String,
}

/// Lines grouped under their group's heading (`group_of` a line), in plan
/// order; headings without lines are left out.
fn grouped(plan: &Plan, headings: Vec<Heading>, group_of: impl Fn(&Line) -> Group, rows: &mut Vec<Source>) {
    let mut members: HashMap<Group, Vec<&Line>> = HashMap::new();
    for line in &plan.lines {
        members.entry(group_of(line)).or_default().push(line);
    }
    for heading in headings {
        let Some(lines) = members.get(&heading.group) else { continue };
        let section = Some(rows.len());
        rows.push(source(Row::Result(heading.group), heading.key, heading.label, Style::Group, section, vec![]));
        for line in lines {
            let (key, label) = (format!("line-{}", line.id.0), line.name.clone());
            rows.push(source(Row::Line(line.id), key, label, Style::Line, section, vec![]));
        }
    }
}

fn monthly_rows(plan: &Plan, lang: Lang) -> Vec<Source> {
    let headings = plan.departments.iter().map(|d| Heading {
        group: Group::Department(d.id),
        label: d.name.clone(),
        key: format!("department-{}", d.id.0),
    });
    let mut rows = Vec::new();
    grouped(plan, headings.collect(), |line| Group::Department(line.department), &mut rows);
    let totals = [Row::Total(Group::All, Kind::Cost), Row::Total(Group::All, Kind::Revenue), Row::Result(Group::All)];
    rows.extend(totals.map(|row| total_row(row, lang, vec![])));
    rows
}

fn outcome_rows(plan: &Plan, lang: Lang) -> Vec<Source> {
    let mut rows = Vec::new();
    for activity in Activity::ALL {
        let headings = plan.departments.iter().map(|d| Heading {
            group: Group::DepartmentActivity(d.id, activity),
            label: format!("{} – {}", d.name, lang.activity(activity)),
            key: format!("unit-{}-{}", d.id.0, lang.activity_key(activity)),
        });
        let first = rows.len();
        grouped(plan, headings.collect(), |line| Group::DepartmentActivity(line.department, line.activity), &mut rows);
        let parts = rows[first..].iter().filter(|r| r.spec.style == Style::Group).map(|r| r.row).collect();
        let (row, key) = (Row::Result(Group::Activity(activity)), format!("total-{}", lang.activity_key(activity)));
        rows.push(source(row, key, lang.activity_total(activity).into(), Style::Total, None, parts));
    }
    let parts = Activity::ALL.map(|activity| Row::Result(Group::Activity(activity))).to_vec();
    rows.push(total_row(Row::Result(Group::All), lang, parts));
    rows
}
