//! The plan: budget lines with their monthly budget, outcome and forecast.

use serde::{Deserialize, Serialize};

use super::period::{Month, Monthly};

/// A stable identifier of a [`Line`], kept across edits and files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LineId(pub u32);

/// Whether a line is a cost (kostnad) or a revenue (intäkt). It decides the
/// sign of a deviation and of the line's part in the result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Cost,
    Revenue,
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::Cost, Kind::Revenue];
}

/// A monthly series of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Series {
    /// budget
    Budget,
    /// utfall: booked figures of the closed months
    Outcome,
    /// utfall föregående år
    LastYear,
    /// prognos: outcome through the closed month, projection after it
    Forecast,
}

impl Series {
    pub const ALL: [Series; 4] = [Series::Budget, Series::Outcome, Series::LastYear, Series::Forecast];

    pub fn index(self) -> usize {
        self as usize
    }
}

/// How the months after the closed one are projected (prognosmetod).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Forecast {
    /// The budget of the remaining months.
    Budget,
    /// An amount typed per month; months already closed are not used.
    Manual { months: Monthly },
}

/// A budget line (budgetrad): one row of the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub id: LineId,
    pub name: String,
    pub kind: Kind,
    pub budget: Monthly,
    pub outcome: Monthly,
    pub last_year: Monthly,
    pub forecast: Forecast,
}

impl Line {
    /// The stored months of `series`; the forecast has some only when typed by hand.
    pub fn months(&self, series: Series) -> Option<&Monthly> {
        match (series, &self.forecast) {
            (Series::Budget, _) => Some(&self.budget),
            (Series::Outcome, _) => Some(&self.outcome),
            (Series::LastYear, _) => Some(&self.last_year),
            (Series::Forecast, Forecast::Manual { months }) => Some(months),
            (Series::Forecast, Forecast::Budget) => None,
        }
    }

    /// The stored months of `series`, to edit.
    pub fn months_mut(&mut self, series: Series) -> Option<&mut Monthly> {
        match (series, &mut self.forecast) {
            (Series::Budget, _) => Some(&mut self.budget),
            (Series::Outcome, _) => Some(&mut self.outcome),
            (Series::LastYear, _) => Some(&mut self.last_year),
            (Series::Forecast, Forecast::Manual { months }) => Some(months),
            (Series::Forecast, Forecast::Budget) => None,
        }
    }

    /// The forecast per month: outcome through `closed`, the projection after it.
    pub fn forecast_months(&self, closed: Option<Month>) -> Monthly {
        let projection = match &self.forecast {
            Forecast::Budget => &self.budget,
            Forecast::Manual { months } => months,
        };
        let closed_count = closed.map_or(0, |m| m.index() + 1);
        std::array::from_fn(|i| if i < closed_count { self.outcome[i] } else { projection[i] })
    }
}

/// A plan (plan): one fiscal year of budget lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub name: String,
    /// The fiscal year (räkenskapsår).
    pub year: i32,
    /// The last month with booked outcome, if any.
    pub closed_through: Option<Month>,
    pub lines: Vec<Line>,
}

impl Plan {
    pub fn line(&self, id: LineId) -> Option<&Line> {
        self.lines.iter().find(|line| line.id == id)
    }

    pub fn line_mut(&mut self, id: LineId) -> Option<&mut Line> {
        self.lines.iter_mut().find(|line| line.id == id)
    }
}
