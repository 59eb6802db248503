//! "Start next year" (nästa års budget): a plan for the next fiscal year
//! from the open one, its budget taken from this year's budget or full-year
//! forecast and raised by indexes (löne- och prisuppräkning).

use rust_decimal::Decimal;

use super::amount::Amount;
use super::calc::Row;
use super::engine::Engine;
use super::forecast::to_ore;
use super::period::Monthly;
use super::plan::{Forecast, Line, Plan, Series};
use super::selection::Selection;

/// Where next year's budget of a line starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// This year's budget, month by month.
    Budget,
    /// This year's full-year forecast: outcome to date and the projection.
    Forecast,
}

/// A percentage raise of the lines of a selection: wages +3,5 % on
/// personnel costs, prices +2 % on the rest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Index {
    pub selection: Selection,
    /// The raise in percent; −100 % or less is refused.
    pub percent: Decimal,
}

/// How next year is started.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextYear {
    pub name: String,
    pub basis: Basis,
    /// Applied in order: a line in two selections is raised twice.
    pub indexes: Vec<Index>,
}

/// Why next year cannot be started.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NextYearError {
    /// An index of −100 % or less would wipe out or turn the budget.
    IndexTooLow(Decimal),
    /// A raised figure leaves the range of amounts, on this line.
    Overflow(String),
}

impl Engine {
    /// The plan for the year after the open one: the same dimensions,
    /// drivers, lines and everything else the plan holds; each typed line's
    /// budget from `next.basis`, raised by every index whose selection holds
    /// it (a formula line keeps its formula, computed from next year's
    /// figures); no outcome, no month closed, no snapshots; last year's
    /// outcome is this year's forecast (outcome to date, projection after);
    /// a hand-typed forecast starts over from the budget.
    pub fn next_year(&self, next: &NextYear) -> Result<Plan, NextYearError> {
        if let Some(index) = next.indexes.iter().find(|index| index.percent <= Decimal::from(-100)) {
            return Err(NextYearError::IndexTooLow(index.percent));
        }
        let this = self.plan();
        let lines = this.lines.iter().map(|line| self.next_line(line, next)).collect::<Result<_, _>>()?;
        Ok(Plan {
            name: next.name.clone(),
            year: this.year + 1,
            closed_through: None,
            lines,
            snapshots: Vec::new(),
            ..this.clone()
        })
    }

    fn next_line(&self, line: &Line, next: &NextYear) -> Result<Line, NextYearError> {
        let figures = |series| self.months(Row::Line(line.id), series).map_err(|_| overflow(line));
        let basis = figures(match next.basis {
            Basis::Budget => Series::Budget,
            Basis::Forecast => Series::Forecast,
        })?;
        let mut raises = next.indexes.iter().filter(|index| index.selection.matches(self.plan(), line));
        let budget =
            raises.try_fold(basis, |months, index| raise(&months, index.percent).ok_or_else(|| overflow(line)))?;
        let forecast = match line.forecast {
            Forecast::Manual { .. } => Forecast::Budget,
            ref other => other.clone(),
        };
        Ok(Line {
            budget: if line.formula.is_some() { line.budget } else { budget },
            outcome: [Amount::ZERO; 12],
            last_year: figures(Series::Forecast)?,
            forecast,
            ..line.clone()
        })
    }
}

fn overflow(line: &Line) -> NextYearError {
    NextYearError::Overflow(line.name.clone())
}

/// `months` raised by `percent`, each month rounded to the öre.
fn raise(months: &Monthly, percent: Decimal) -> Option<Monthly> {
    let factor = Decimal::ONE.checked_add(percent.checked_div(Decimal::ONE_HUNDRED)?)?;
    let mut out = *months;
    for month in &mut out {
        *month = to_ore(month.decimal().checked_mul(factor)?).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example::april_2023;
    use crate::model::{CategoryId, Group, Kind, Span};

    fn engine() -> Engine {
        Engine::new(april_2023()).unwrap()
    }

    fn wages_and_prices() -> Vec<Index> {
        let personnel = Selection { categories: vec![CategoryId(1)], ..Selection::default() };
        let rest = Selection { categories: (2..=5).map(CategoryId).collect(), ..Selection::default() };
        vec![
            Index { selection: personnel, percent: Decimal::new(35, 1) },
            Index { selection: rest, percent: Decimal::TWO },
        ]
    }

    #[test]
    fn next_year_starts_from_the_budget_raised_by_its_indexes() {
        let this = engine();
        let next = NextYear { name: "Budget 2024".into(), basis: Basis::Budget, indexes: wages_and_prices() };
        let plan = this.next_year(&next).unwrap();
        assert_eq!((plan.year, plan.closed_through, plan.name.as_str()), (2024, None, "Budget 2024"));
        assert!(plan.lines.iter().all(|line| line.outcome == [Amount::ZERO; 12]));
        let next = Engine::new(plan).unwrap();
        let year = |engine: &Engine, category: u32| {
            let row = Row::Total(Group::Category(CategoryId(category)), Kind::Cost);
            engine.value(row, Series::Budget, Span::FullYear).unwrap()
        };
        // 597 395 tkr of personnel costs + 3,5 %, each month rounded to the öre.
        let personnel = year(&next, 1).decimal();
        let expected = year(&this, 1).decimal() * Decimal::new(1035, 3);
        assert!((personnel - expected).abs() < Decimal::ONE, "{personnel} against {expected}");
        assert_eq!(
            next.months(Row::Line(this.plan().lines[0].id), Series::LastYear).unwrap(),
            this.months(Row::Line(this.plan().lines[0].id), Series::Forecast).unwrap(),
            "last year is this year's forecast"
        );
    }

    #[test]
    fn next_year_can_start_from_the_forecast_and_refuses_a_wiping_index() {
        let this = engine();
        let next = NextYear { name: "Budget 2024".into(), basis: Basis::Forecast, indexes: vec![] };
        let plan = Engine::new(this.next_year(&next).unwrap()).unwrap();
        let costs =
            |engine: &Engine, series| engine.value(Row::Total(Group::All, Kind::Cost), series, Span::FullYear).unwrap();
        assert_eq!(costs(&plan, Series::Budget), costs(&this, Series::Forecast));
        let wipe =
            NextYear { indexes: vec![Index { selection: Selection::all(), percent: Decimal::from(-100) }], ..next };
        assert_eq!(this.next_year(&wipe), Err(NextYearError::IndexTooLow(Decimal::from(-100))));
    }
}
