//! Scenarios for next year's budget (scenarier): a base and an ordered list
//! of measures (åtgärder), each a change of the budget from a month on, with
//! its written consequence and risk.
//!
//! A scenario is evaluated on top of its base without copying the plan: its
//! measures are applied one after the other to the plan's inputs (budgets of
//! typed lines, driver quantities) as [`Changes`], and the figures are an
//! [`crate::model::Overlay`] that recomputes only what the changes reach. The
//! step of a measure is the difference it makes on top of the measures
//! before it, so the steps from base to scenario sum to the difference
//! exactly.

mod apply;
mod edit;
mod evaluate;
mod goal_seek;
mod impact;

use rust_decimal::Decimal;
use serde::Serialize;

use super::amount::Amount;
use super::period::Month;
use super::plan::{DriverId, IndicatorId};
use super::selection::Selection;

pub use apply::MeasureError;
pub use edit::{alone, users};
pub(crate) use edit::{insert, remove, set};
pub use evaluate::{Evaluation, ScenarioError, evaluate};
pub use goal_seek::{Goal, GoalError, Proposal, goal_seek};
pub use impact::{ChargeChange, IndicatorChange, indicator_changes};

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(pub u32);
    };
}

id!(
    /// A stable identifier of a [`Scenario`].
    ScenarioId
);
id!(
    /// A stable identifier of a [`Measure`], unique in its plan.
    MeasureId
);

/// What a scenario starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "from", content = "scenario", rename_all = "snake_case")]
pub enum Base {
    /// The plan's budget.
    Budget,
    /// Another scenario, with its measures.
    Scenario(ScenarioId),
}

/// How much a measure risks (risknivå).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Risk {
    /// låg
    #[default]
    Low,
    /// medel
    Medium,
    /// hög
    High,
}

/// What a measure changes, from its month on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// The selected lines changed by a percentage (−5 % cuts them).
    Percent {
        selection: Selection,
        #[serde(serialize_with = "crate::model::plan::decimal")]
        #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "crate::model::plan::DecimalText"))]
        percent: Decimal,
    },
    /// An amount a year added to the selected lines (negative cuts), spread
    /// over them in proportion to their budget.
    Amount { selection: Selection, amount: Amount },
    /// Full-time equivalents added (negative: fewer) at a cost a year each,
    /// on the selected (personnel) lines; the FTE driver moves too, so
    /// lines computed from it follow.
    Fte {
        selection: Selection,
        driver: Option<DriverId>,
        #[serde(serialize_with = "crate::model::plan::decimal")]
        #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "crate::model::plan::DecimalText"))]
        change: Decimal,
        cost_per_fte: Amount,
    },
    /// Wages or prices raised by a percentage (löne- och prisuppräkning).
    Index {
        selection: Selection,
        #[serde(serialize_with = "crate::model::plan::decimal")]
        #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "crate::model::plan::DecimalText"))]
        percent: Decimal,
    },
    /// A driver's volume changed by a percentage; every line computed from
    /// it moves.
    Volume {
        driver: DriverId,
        #[serde(serialize_with = "crate::model::plan::decimal")]
        #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "crate::model::plan::DecimalText"))]
        percent: Decimal,
    },
    /// An amount a year moved from some lines to others.
    Transfer { from: Selection, to: Selection, amount: Amount },
}

/// A measure (åtgärd): a change of the budget with its consequence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Measure {
    pub id: MeasureId,
    pub name: String,
    pub change: Change,
    /// The first month the change applies to.
    pub from: Month,
    /// Switched off, a measure is kept but changes nothing.
    pub enabled: bool,
    /// What the measure means for the services, in words (konsekvens).
    pub consequence: String,
    pub risk: Risk,
    /// The indicators the measure moves, and by how much.
    pub effects: Vec<Effect>,
}

impl Measure {
    /// A measure switched on, without consequence, risk low, moving no indicator.
    pub fn new(id: MeasureId, name: &str, change: Change, from: Month) -> Measure {
        Measure {
            id,
            name: name.into(),
            change,
            from,
            enabled: true,
            consequence: String::new(),
            risk: Risk::Low,
            effects: Vec::new(),
        }
    }
}

/// What a measure does to an indicator: its full-year forecast moved by
/// `change`, in the indicator's own unit (SLA −5 percentage points, NKI −2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Effect {
    pub indicator: IndicatorId,
    #[serde(serialize_with = "crate::model::plan::decimal")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "crate::model::plan::DecimalText"))]
    pub change: Decimal,
}

/// A scenario (scenario): a base and measures applied in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Scenario {
    pub id: ScenarioId,
    pub name: String,
    pub base: Base,
    pub measures: Vec<Measure>,
}
