//! The plan: dimensions, drivers and budget lines with their monthly series.

use rust_decimal::Decimal;
use serde::Serialize;

use super::allocation::{Allocation, Customer};
use super::amount::Amount;
use super::indicator::{Indicator, Perspective, StatusRule};
use super::period::{Month, Monthly};
use super::scenario::Scenario;

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(pub u32);
    };
}
pub(crate) use id;

id!(
    /// A stable identifier of a [`Line`], kept across edits and files.
    LineId
);
id!(
    /// A stable identifier of a [`Department`].
    DepartmentId
);
id!(
    /// A stable identifier of a [`Category`].
    CategoryId
);
id!(
    /// A stable identifier of a [`Service`].
    ServiceId
);
id!(
    /// A stable identifier of a [`Driver`].
    DriverId
);
id!(
    /// A stable identifier of an [`Indicator`].
    IndicatorId
);
id!(
    /// A stable identifier of a [`Perspective`].
    PerspectiveId
);

/// Whether a line is a cost (kostnad) or a revenue (intäkt). It decides the
/// sign of a deviation and of the line's part in the result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Cost,
    Revenue,
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::Cost, Kind::Revenue];

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Running the services or changing them: förvaltning or utveckling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Activity {
    /// förvaltning (av tjänster)
    Operations,
    /// utveckling, förändringsinsatser
    Development,
}

impl Activity {
    pub const ALL: [Activity; 2] = [Activity::Operations, Activity::Development];
}

/// A business area or department (verksamhetsområde, avdelning).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Department {
    pub id: DepartmentId,
    pub name: String,
}

/// A cost or revenue category (kostnadsslag, intäktsslag).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Category {
    pub id: CategoryId,
    pub name: String,
    pub kind: Kind,
}

/// A service of the agency (tjänst), such as base services or digital infrastructure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Service {
    pub id: ServiceId,
    pub name: String,
}

/// A named monthly quantity (drivare): FTE, computers, licences …
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Driver {
    pub id: DriverId,
    pub name: String,
    /// What is counted, for display: "årsarbetare", "st".
    pub unit: String,
    #[serde(serialize_with = "quantities")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "[DecimalText; 12]"))]
    pub months: [Decimal; 12],
}

/// Quantities are exact decimals, written as strings like amounts.
fn quantities<S: serde::Serializer>(values: &[Decimal; 12], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(values.iter().map(Decimal::to_string))
}

/// A decimal (a percentage, a quantity) in a file, for the schema: an
/// exact decimal string, `"-2.5"`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) struct DecimalText;

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for DecimalText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact decimal as a string: \"12\", \"-2.5\".",
            "type": "string",
            "pattern": "^-?[0-9]+(?:\\.[0-9]+)?$"
        })
    }
}

/// A decimal (a percentage, a quantity) written as a string, exactly.
pub(crate) fn decimal<S: serde::Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

/// A monthly series of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Forecast {
    /// The budget of the remaining months.
    Budget,
    /// The average of the closed months, every remaining month.
    RunRate,
    /// Last year's amounts of the remaining months, scaled by this year's
    /// outcome to date against last year's.
    LastYear,
    /// An amount typed per month; months already closed are not used.
    Manual { months: Monthly },
    /// Volume × price: a driver's quantity each month times a price.
    Driver { driver: DriverId, price: Amount },
    /// Volume × price on an indicator: its planned volume each month (a
    /// typed monthly indicator's target, see [`crate::model::indicator::planned_volumes`]) times a price.
    Volume { indicator: IndicatorId, price: Amount },
}

/// A budget line (budgetrad): one row of the plan on its dimensions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Line {
    pub id: LineId,
    pub name: String,
    pub department: DepartmentId,
    pub activity: Activity,
    pub category: CategoryId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<ServiceId>,
    pub budget: Monthly,
    pub outcome: Monthly,
    pub last_year: Monthly,
    pub forecast: Forecast,
    /// A formula that computes the budget month by month (`=fte * 55000`);
    /// the stored budget is then not used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
}

impl Line {
    /// The stored months of `series`: the typed ones (a formula computes the
    /// budget; the forecast is stored only when typed by hand).
    pub fn months(&self, series: Series) -> Option<&Monthly> {
        match (series, &self.forecast) {
            (Series::Budget, _) if self.formula.is_some() => None,
            (Series::Budget, _) => Some(&self.budget),
            (Series::Outcome, _) => Some(&self.outcome),
            (Series::LastYear, _) => Some(&self.last_year),
            (Series::Forecast, Forecast::Manual { months }) => Some(months),
            (Series::Forecast, _) => None,
        }
    }

    /// The stored months of `series` to edit, as [`Line::months`] gives them.
    pub fn months_mut(&mut self, series: Series) -> Option<&mut Monthly> {
        self.months(series)?;
        Some(match (series, &mut self.forecast) {
            (Series::Budget, _) => &mut self.budget,
            (Series::Outcome, _) => &mut self.outcome,
            (Series::LastYear, _) => &mut self.last_year,
            (Series::Forecast, Forecast::Manual { months }) => months,
            (Series::Forecast, _) => return None,
        })
    }
}

/// The forecast of every line as it stood when a month was closed, so that
/// forecast accuracy can be followed (prognossäkerhet).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Snapshot {
    /// The month whose closing took the snapshot.
    pub closed: Month,
    pub lines: Vec<(LineId, Monthly)>,
}

/// A plan (plan): one fiscal year of budget lines on their dimensions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Plan {
    pub name: String,
    /// The fiscal year (räkenskapsår).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1900, max = 2200)))]
    pub year: i32,
    /// The last month with booked outcome, if any.
    pub closed_through: Option<Month>,
    pub departments: Vec<Department>,
    pub categories: Vec<Category>,
    #[serde(default)]
    pub services: Vec<Service>,
    #[serde(default)]
    pub drivers: Vec<Driver>,
    pub lines: Vec<Line>,
    #[serde(default)]
    pub snapshots: Vec<Snapshot>,
    /// The customers (kunder) the agency bills.
    #[serde(default)]
    pub customers: Vec<Customer>,
    /// Allocation keys, cost pools, rules and the price list (fördelning).
    #[serde(default)]
    pub allocation: Allocation,
    /// The perspectives indicators are grouped in (Kund och ägare, Medarbetare …).
    pub perspectives: Vec<Perspective>,
    /// The plan's default status rule; an indicator may have its own.
    pub status_rule: StatusRule,
    pub indicators: Vec<Indicator>,
    /// Scenarios for next year's budget, with their measures (scenarier).
    #[serde(default)]
    pub scenarios: Vec<Scenario>,
}

impl Plan {
    pub fn line(&self, id: LineId) -> Option<&Line> {
        self.lines.iter().find(|line| line.id == id)
    }

    pub fn line_mut(&mut self, id: LineId) -> Option<&mut Line> {
        self.lines.iter_mut().find(|line| line.id == id)
    }

    pub fn category(&self, id: CategoryId) -> Option<&Category> {
        self.categories.iter().find(|category| category.id == id)
    }

    pub fn department(&self, id: DepartmentId) -> Option<&Department> {
        self.departments.iter().find(|department| department.id == id)
    }

    pub fn driver(&self, id: DriverId) -> Option<&Driver> {
        self.drivers.iter().find(|driver| driver.id == id)
    }

    pub fn indicator(&self, id: IndicatorId) -> Option<&Indicator> {
        self.indicators.iter().find(|indicator| indicator.id == id)
    }

    pub fn perspective(&self, id: PerspectiveId) -> Option<&Perspective> {
        self.perspectives.iter().find(|perspective| perspective.id == id)
    }

    /// Whether a line is a cost or a revenue, by its category (a cost if the
    /// category is missing, which validation of a file refuses).
    pub fn kind(&self, line: &Line) -> Kind {
        self.category(line.category).map_or(Kind::Cost, |category| category.kind)
    }
}
