//! The planning engine: plain Rust, no browser, so it is read, tested and
//! benchmarked natively. The UI only sends it [`Command`]s and shows its figures.

pub mod allocation;
pub mod amount;
pub mod calc;
pub mod command;
pub mod engine;
pub mod example;
pub mod forecast;
pub mod formula;
pub mod graph;
pub mod indicator;
pub mod next_year;
pub mod number;
pub mod period;
pub mod plan;
pub mod scenario;
pub mod selection;
pub mod spread;
pub mod structure;

pub use allocation::{
    Allocation, AllocationCalc, AllocationCommand, AllocationError, AllocationKey, AllocationRule, CostPool, Customer,
    CustomerId, CustomerKind, KeyChoice, KeyId, KeyVariant, PoolId, Price, PriceBasis, PriceId, RuleId, VariantId,
};
pub use amount::{Amount, AmountError, Overflow};
pub use calc::{Changes, Group, Overlay, Refresh, Row};
pub use command::{Cell, Command, CommandError};
pub use engine::{Engine, OutcomeGaps};
pub use indicator::{Indicator, IndicatorUnit, Periodicity, Perspective, StatusRule};
pub use number::Unit;
pub use period::{Month, Monthly, Span, Tertial};
pub use plan::{
    Activity, Category, CategoryId, Department, DepartmentId, Driver, DriverId, Forecast, IndicatorId, Kind, Line,
    LineId, PerspectiveId, Plan, Series, Service, ServiceId, Snapshot,
};
pub use selection::Selection;
pub use spread::Rounding;
