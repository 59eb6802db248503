//! What the income statement view shows: its rows and columns.

use super::i18n::Lang;
use crate::model::{Amount, Command, Kind, Month, Plan, Row, Series, Span};

/// A column of the income statement, as in the monthly report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// Utfall ack föregående år.
    LastYearToDate,
    /// Utfall ack.
    OutcomeToDate,
    /// Budget ack.
    BudgetToDate,
    /// Prognos helår.
    ForecastYear,
    /// Budget helår: the column a user types budgets in.
    BudgetYear,
}

impl Column {
    pub const ALL: [Column; 5] =
        [Column::LastYearToDate, Column::OutcomeToDate, Column::BudgetToDate, Column::ForecastYear, Column::BudgetYear];

    pub fn series(self) -> Series {
        match self {
            Column::LastYearToDate => Series::LastYear,
            Column::OutcomeToDate => Series::Outcome,
            Column::BudgetToDate | Column::BudgetYear => Series::Budget,
            Column::ForecastYear => Series::Forecast,
        }
    }

    pub fn span(self) -> Span {
        match self {
            Column::LastYearToDate | Column::OutcomeToDate | Column::BudgetToDate => Span::YearToDate,
            Column::ForecastYear | Column::BudgetYear => Span::FullYear,
        }
    }

    /// A stable name for tests and styles.
    pub fn key(self) -> &'static str {
        match self {
            Column::LastYearToDate => "last-year-ytd",
            Column::OutcomeToDate => "outcome-ytd",
            Column::BudgetToDate => "budget-ytd",
            Column::ForecastYear => "forecast-year",
            Column::BudgetYear => "budget-year",
        }
    }

    pub fn label(self, lang: Lang, plan: &Plan) -> String {
        let month = plan.closed_through.unwrap_or(Month::JANUARY);
        match self {
            Column::LastYearToDate => lang.outcome_to_date(month, plan.year - 1),
            Column::OutcomeToDate => lang.outcome_to_date(month, plan.year),
            Column::BudgetToDate => lang.budget_to_date(month, plan.year),
            Column::ForecastYear => lang.forecast_year(plan.year),
            Column::BudgetYear => lang.budget_year(plan.year),
        }
    }

    /// Whether this column of `row` is typed rather than computed.
    pub fn editable(self, row: Row) -> bool {
        matches!((self, row), (Column::BudgetYear, Row::Line(_)))
    }

    /// The command that sets this column of `row` to `amount`, if the cell is
    /// typed rather than computed.
    pub fn edit(self, row: Row, amount: Amount) -> Option<Command> {
        match (self, row) {
            (Column::BudgetYear, Row::Line(line)) => Some(Command::fill_year(line, Series::Budget, amount)),
            _ => None,
        }
    }
}

/// The rows of the income statement: cost lines and their total, revenue
/// lines and their total, then the result.
pub fn rows(plan: &Plan) -> Vec<Row> {
    let mut rows = Vec::with_capacity(plan.lines.len() + 3);
    for kind in Kind::ALL {
        rows.extend(plan.lines.iter().filter(|line| line.kind == kind).map(|line| Row::Line(line.id)));
        rows.push(Row::Total(kind));
    }
    rows.push(Row::Result);
    rows
}

/// The label of `row`.
pub fn row_label(row: Row, lang: Lang, plan: &Plan) -> String {
    match row {
        Row::Line(id) => plan.line(id).map(|line| line.name.clone()).unwrap_or_default(),
        Row::Total(kind) => lang.total(kind).into(),
        Row::Result => lang.result().into(),
    }
}

/// A stable name of `row` for tests and styles.
pub fn row_key(row: Row) -> String {
    match row {
        Row::Line(id) => format!("line-{}", id.0),
        Row::Total(Kind::Cost) => "total-cost".into(),
        Row::Total(Kind::Revenue) => "total-revenue".into(),
        Row::Result => "result".into(),
    }
}
