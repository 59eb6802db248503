//! The example plan a new user sees: the April 2023 monthly report of the
//! shared-services agency (`shared/seeds/monthly-report-2023-04.txt`).
//!
//! The report gives year-to-date and full-year figures in tkr. The monthly
//! detail it lacks is example data: each figure is split evenly over its
//! months, exactly, so every sum in the report is reproduced to the krona.
//! "Övriga kostnader" is the report's total costs less its named cost lines,
//! and revenue is the total costs plus the result.

use super::amount::Amount;
use super::period::{Month, Monthly};
use super::plan::{Forecast, Kind, Line, LineId, Plan};
use super::spread::split_evenly;

/// The report's figures of one line, in tkr: outcome Jan–Apr 2022, outcome
/// Jan–Apr 2023, budget Jan–Apr 2023, forecast full year, budget full year.
struct Reported {
    name: &'static str,
    kind: Kind,
    tkr: [i64; 5],
}

const REPORTED: [Reported; 6] = [
    Reported { name: "Personalkostnader", kind: Kind::Cost, tkr: [179_371, 179_983, 205_993, 540_354, 597_395] },
    Reported { name: "Konsultkostnader", kind: Kind::Cost, tkr: [46_197, 40_254, 45_502, 139_305, 137_258] },
    Reported {
        name: "IT-tjänster, IT-program och licenser",
        kind: Kind::Cost,
        tkr: [112_879, 112_833, 120_367, 371_402, 361_101],
    },
    Reported { name: "Kostnad utvecklingsprojekt", kind: Kind::Cost, tkr: [42_333, 29_107, 30_486, 71_510, 91_510] },
    Reported { name: "Övriga kostnader", kind: Kind::Cost, tkr: [63_406, 94_505, 87_763, 293_182, 262_538] },
    Reported {
        name: "Verksamhetens intäkter",
        kind: Kind::Revenue,
        tkr: [462_331, 471_258, 483_271, 1_415_753, 1_449_802],
    },
];

/// The plan of the April 2023 report, closed through April.
pub fn april_2023() -> Plan {
    let lines = REPORTED.iter().zip(1..).map(|(reported, id)| reported.line(LineId(id))).collect();
    Plan { name: "Månadsrapport april 2023".into(), year: 2023, closed_through: Some(Month::APRIL), lines }
}

/// Four closed months of the report, January through April.
const CLOSED: usize = 4;

impl Reported {
    fn line(&self, id: LineId) -> Line {
        let [last_year, outcome, budget_ytd, forecast, budget] = self.tkr.map(|tkr| Amount::kronor(tkr * 1000));
        let zero = Amount::ZERO;
        Line {
            id,
            name: self.name.into(),
            kind: self.kind,
            budget: months(budget_ytd, difference(budget, budget_ytd)),
            outcome: months(outcome, zero),
            last_year: months(last_year, zero),
            forecast: Forecast::Manual { months: months(zero, difference(forecast, outcome)) },
        }
    }
}

fn difference(a: Amount, b: Amount) -> Amount {
    // The report's figures are far inside the range of amounts.
    a.checked_sub(b).unwrap_or(Amount::ZERO)
}

/// `closed` split over January–April and `rest` over May–December.
fn months(closed: Amount, rest: Amount) -> Monthly {
    let mut parts = split_evenly(closed, CLOSED);
    parts.extend(split_evenly(rest, 12 - CLOSED));
    std::array::from_fn(|i| parts[i])
}
