//! What a column of a plan view measures, and where typing into a cell of
//! it goes.

use crate::model::command::Cell;
use crate::model::spread::Fill;
use crate::model::{
    Amount, Command, CommandError, Engine, Forecast, Line, LineId, Month, Overflow, Plan, Row, Series, Span,
};

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

/// Where typing into a cell goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// One month of a line's series.
    Month(Cell),
    /// A line's full year: the amount is split over the open months.
    Year(Cell),
    /// The budget of a line computed by its formula: a new formula (`=…`)
    /// replaces it, Delete removes it, an amount is refused.
    Formula(LineId),
}

/// The cells an amount typed into a cell sets and, for a full year, how
/// the total was spread over the open months.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Typed {
    pub cells: Vec<(Cell, Amount)>,
    pub fill: Option<Fill>,
}

impl Target {
    /// What typing `amount` here sets; `None` on a formula. A full year
    /// goes to the open months (see [`Command::fill_year`]).
    pub fn entry(self, plan: &Plan, amount: Amount) -> Option<Result<Typed, CommandError>> {
        Some(match self {
            Target::Month(cell) => Ok(Typed { cells: vec![(cell, amount)], fill: None }),
            Target::Year(cell) => Command::fill_year(plan, cell.line, cell.series, amount).map(|(command, fill)| {
                let Command::SetAmounts(cells) = command else { unreachable!("a year is filled by amounts") };
                Typed { cells, fill: Some(fill) }
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

/// Where typing into `measure` of `line` goes, if the cell is typed rather
/// than computed: a month of the budget, last year or a manual forecast, a
/// closed month of the outcome, or the full-year budget.
pub fn target(plan: &Plan, line: &Line, measure: Measure) -> Option<Target> {
    let closed = crate::model::period::closed_count(plan.closed_through);
    let budget = matches!(measure, Measure::Value(Series::Budget, Span::Month(_) | Span::FullYear));
    if line.formula.is_some() && budget {
        return Some(Target::Formula(line.id));
    }
    match measure {
        Measure::Value(series, Span::Month(month)) => {
            let open = month.index() >= closed;
            let typed = match series {
                Series::Budget | Series::LastYear => true,
                Series::Outcome => !open,
                Series::Forecast => open && matches!(line.forecast, Forecast::Manual { .. }),
            };
            typed.then_some(Target::Month(Cell { line: line.id, series, month }))
        }
        Measure::Value(Series::Budget, Span::FullYear) => {
            Some(Target::Year(Cell { line: line.id, series: Series::Budget, month: Month::JANUARY }))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example::april_2023;

    #[test]
    fn only_typed_figures_are_targets() {
        let plan = april_2023();
        let line = &plan.lines[0];
        let month = |series, m| Measure::Value(series, Span::Month(Month::from_index(m).unwrap()));
        assert!(matches!(target(&plan, line, month(Series::Budget, 0)), Some(Target::Month(_))));
        assert!(target(&plan, line, month(Series::Outcome, 3)).is_some(), "April is closed");
        assert!(target(&plan, line, month(Series::Outcome, 4)).is_none(), "May is not");
        assert!(target(&plan, line, month(Series::Forecast, 3)).is_none(), "a closed month's forecast is its outcome");
        assert!(target(&plan, line, month(Series::Forecast, 4)).is_some(), "the example's forecasts are manual");
        assert!(matches!(target(&plan, line, Measure::Value(Series::Budget, Span::FullYear)), Some(Target::Year(_))));
        assert!(target(&plan, line, Measure::Deviation(Span::YearToDate)).is_none());
    }

    #[test]
    fn a_formula_lines_budget_is_its_formula() {
        let mut plan = april_2023();
        plan.lines[0].formula = Some("=1".into());
        let line = &plan.lines[0];
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
