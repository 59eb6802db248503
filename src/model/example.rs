//! The example plan a new user sees: the April 2023 monthly report of the
//! shared-services agency (`shared/seeds/monthly-report-2023-04.txt`).
//!
//! Two tables of the report are reproduced exactly:
//! - the cost table: per cost category, outcome Jan–Apr 2022 and 2023, budget
//!   Jan–Apr, forecast and budget for the full year, with total costs and the
//!   result computed;
//! - the department table: per business area, operations and development, the
//!   result Jan–Apr and its deviation from budget Jan–Apr and Jan–Mar.
//!
//! Every indicator table of the report is there too, with its figures as
//! printed, and two indicators computed from the money (`indicators`).
//!
//! Everything else is **example data**, chosen only so that the sums match to
//! the krona: how each category splits over departments (fixed weights), even
//! monthly profiles, last year's May–December (taken as this year's budget),
//! and a department that holds the 498 tkr by which the report's department
//! rows fall short of its cost table. Where the report printed a row rounded
//! on its own, the exact amount is chosen so that both the row and the total
//! round to what was printed (the report rounds rows and totals separately).
//!
//! Customers, allocation keys, rules and the price list are example data
//! too, added by [`allocation`].

pub mod allocation;
mod budget_2024;
mod indicators;

pub use budget_2024::{IT_AND_DEVELOPMENT, STAFF_AND_CONSULTANTS, budget_2024};

use super::amount::Amount;
use super::period::{Month, Monthly};
use super::plan::{Activity, Category, CategoryId, Department, DepartmentId, Forecast, Kind, Line, LineId, Plan};
use super::spread::split_evenly;

/// A cost category with its figures in the cost table, in tkr: outcome
/// Jan–Apr 2022, outcome Jan–Apr 2023, budget Jan–Apr, forecast full year,
/// budget full year.
struct CostRow {
    name: &'static str,
    activity: Activity,
    tkr: [i64; 5],
}

const COSTS: [CostRow; 5] = [
    CostRow {
        name: "Personalkostnader",
        activity: Activity::Operations,
        tkr: [179_371, 179_983, 205_993, 540_354, 597_395],
    },
    CostRow {
        name: "Konsultkostnader",
        activity: Activity::Operations,
        tkr: [46_197, 40_254, 45_502, 139_305, 137_258],
    },
    CostRow {
        name: "IT-tjänster, IT-program och licenser",
        activity: Activity::Operations,
        tkr: [112_879, 112_833, 120_367, 371_402, 361_101],
    },
    CostRow {
        name: "Kostnad utvecklingsprojekt",
        activity: Activity::Development,
        tkr: [42_333, 29_107, 30_486, 71_510, 91_510],
    },
    // The report's total costs less its named lines.
    CostRow {
        name: "Övriga kostnader",
        activity: Activity::Operations,
        tkr: [63_406, 94_505, 87_763, 293_182, 262_538],
    },
];

/// The result of the plan, Jan–Apr 2022 (tkr); revenue is costs plus result.
const RESULT_LAST_YEAR_TKR: i64 = 18_145;

/// A row of the department table in kronor: result Jan–Apr, deviation
/// Jan–Apr, deviation Jan–Mar; with the example weight of the department in
/// its activity's costs.
struct DepartmentRow {
    department: u32,
    activity: Activity,
    kr: [i64; 3],
    weight: i64,
}

/// The departments, with the short name their lines carry.
const DEPARTMENTS: [(&str, &str); 8] = [
    ("Gemensamma tjänster – Ekonomi", "Ekonomi"),
    ("Gemensamma tjänster – HR", "HR"),
    ("Gemensamma tjänster – Kommunikation, ledning/styrning", "Kommunikation"),
    ("Digital infrastruktur", "Digital infrastruktur"),
    ("Avdelningen styr och stöd", "Styr och stöd"),
    ("Avdelningen Kund och service", "Kund och service"),
    ("Avdelningen Uppdrag", "Uppdrag"),
    ("Ej fördelat – differens mot rapportens resultattabell (exempeldata)", "Ej fördelat"),
];

use Activity::{Development as Dev, Operations as Ops};

#[rustfmt::skip]
const RESULTS: [DepartmentRow; 12] = [
    DepartmentRow { department: 1, activity: Ops, kr: [671_000, 1_884_600, 848_600], weight: 10 },
    DepartmentRow { department: 2, activity: Ops, kr: [-1_026_000, 1_145_600, 225_600], weight: 8 },
    DepartmentRow { department: 3, activity: Ops, kr: [-2_772_000, -1_944_200, -1_705_000], weight: 7 },
    DepartmentRow { department: 4, activity: Ops, kr: [9_929_000, 10_275_000, 11_092_800], weight: 40 },
    DepartmentRow { department: 5, activity: Ops, kr: [6_080_000, 9_190_000, 9_363_000], weight: 15 },
    DepartmentRow { department: 6, activity: Ops, kr: [2_119_000, 1_780_000, 1_479_000], weight: 15 },
    DepartmentRow { department: 7, activity: Ops, kr: [-25_000, 0, 1_189_000], weight: 5 },
    DepartmentRow { department: 8, activity: Ops, kr: [498_000, 0, 0], weight: 0 },
    DepartmentRow { department: 1, activity: Dev, kr: [503_000, 503_400, 477_000], weight: 15 },
    DepartmentRow { department: 2, activity: Dev, kr: [2_070_000, 2_466_400, 2_323_000], weight: 20 },
    DepartmentRow { department: 3, activity: Dev, kr: [-4_987_000, -4_986_800, -4_142_000], weight: 35 },
    DepartmentRow { department: 4, activity: Dev, kr: [1_516_000, 1_102_000, -283_000], weight: 30 },
];

const REVENUE: &str = "Verksamhetens intäkter";
const REVENUE_ID: CategoryId = CategoryId(6);

/// Four closed months of the report, January through April.
const CLOSED: usize = 4;

/// The plan of the April 2023 report, closed through April.
pub fn april_2023() -> Plan {
    let departments =
        DEPARTMENTS.iter().zip(1..).map(|((name, _), id)| Department { id: DepartmentId(id), name: (*name).into() });
    let mut categories: Vec<Category> = COSTS
        .iter()
        .zip(1..)
        .map(|(row, id)| Category { id: CategoryId(id), name: row.name.into(), kind: Kind::Cost })
        .collect();
    categories.push(Category { id: REVENUE_ID, name: REVENUE.into(), kind: Kind::Revenue });
    let mut plan = Plan {
        name: "Månadsrapport april 2023".into(),
        year: 2023,
        closed_through: Some(Month::APRIL),
        departments: departments.collect(),
        categories,
        ..Plan::default()
    };
    plan.lines = lines(&plan);
    allocation::add(&mut plan);
    indicators::add(&mut plan);
    plan
}

/// The monthly series of one line: budget, outcome, last year, manual forecast.
type Series4 = [Monthly; 4];

fn lines(plan: &Plan) -> Vec<Line> {
    let mut costs: Vec<Vec<(CategoryId, Series4)>> = vec![Vec::new(); RESULTS.len()];
    for (category, row) in plan.categories.iter().zip(&COSTS) {
        for (unit, series) in split_category(row) {
            costs[unit].push((category.id, series));
        }
    }
    let mut lines = Vec::new();
    for (unit, result) in RESULTS.iter().enumerate() {
        let department = &plan.departments[result.department as usize - 1];
        let short = DEPARTMENTS[result.department as usize - 1].1;
        // Names are unique, so that formulas can name any line.
        let name = |category: &str| match result.activity {
            Activity::Operations => format!("{category} {short}"),
            Activity::Development => format!("{category} {short} utveckling"),
        };
        let mut revenue = result_series(unit);
        for (category, series) in &costs[unit] {
            add_series(&mut revenue, series);
            let category_name = plan.category(*category).map_or("", |c| c.name.as_str());
            lines.push(line(lines.len(), name(category_name), department.id, result.activity, *category, *series));
        }
        lines.push(line(lines.len(), name(REVENUE), department.id, result.activity, REVENUE_ID, revenue));
    }
    lines
}

fn line(
    index: usize,
    name: String,
    department: DepartmentId,
    activity: Activity,
    category: CategoryId,
    series: Series4,
) -> Line {
    let [budget, outcome, last_year, forecast] = series;
    Line {
        id: LineId(index as u32 + 1),
        name,
        department,
        activity,
        category,
        service: None,
        budget,
        outcome,
        last_year,
        forecast: Forecast::Manual { months: forecast },
        formula: None,
    }
}

/// A cost category split over the departments of its activity by weight,
/// each part spread evenly over its months: `(unit index, series)`.
fn split_category(row: &CostRow) -> Vec<(usize, Series4)> {
    let [last_year, outcome, budget_to_date, forecast, budget] = row.tkr.map(|tkr| Amount::kronor(tkr * 1000));
    let units: Vec<usize> =
        (0..RESULTS.len()).filter(|u| RESULTS[*u].activity == row.activity && RESULTS[*u].weight > 0).collect();
    let weights: Vec<i64> = units.iter().map(|u| RESULTS[*u].weight).collect();
    let part = |amount: Amount| split_by_weight(amount, &weights);
    let parts = [last_year, outcome, budget_to_date, difference(forecast, outcome), difference(budget, budget_to_date)]
        .map(part);
    units
        .iter()
        .enumerate()
        .map(|(i, unit)| {
            let [last_year, outcome, budget_to_date, projection, budget_rest] = parts.each_ref().map(|p| p[i]);
            let budget = months(budget_to_date, budget_rest);
            // Last year's May–December is not in the report: taken as this year's budget.
            let mut last_year = months(last_year, Amount::ZERO);
            last_year[CLOSED..].copy_from_slice(&budget[CLOSED..]);
            (*unit, [budget, months(outcome, Amount::ZERO), last_year, months(Amount::ZERO, projection)])
        })
        .collect()
}

/// The designed result of a department unit per series: budget and outcome
/// reproduce the department table, last year shares the year's result
/// evenly, and budget and forecast reach a zero result for the full year.
fn result_series(unit: usize) -> Series4 {
    let [result, deviation, deviation_march] = RESULTS[unit].kr.map(Amount::kronor);
    let budget_to_date = difference(result, deviation);
    let budget = months(budget_to_date, difference(Amount::ZERO, budget_to_date));
    let budget_march = Amount::checked_sum(budget[..3].iter().copied()).unwrap_or(Amount::ZERO);
    let outcome_march = budget_march.checked_add(deviation_march).unwrap_or(Amount::ZERO);
    let mut outcome = [Amount::ZERO; 12];
    outcome[..3].copy_from_slice(&split_evenly(outcome_march, 3));
    outcome[3] = difference(result, outcome_march);
    let last_year = split_by_weight(Amount::kronor(RESULT_LAST_YEAR_TKR * 1000), &[1; RESULTS.len()])[unit];
    [budget, outcome, months(last_year, Amount::ZERO), months(Amount::ZERO, difference(Amount::ZERO, result))]
}

fn add_series(total: &mut Series4, part: &Series4) {
    for (total, part) in total.iter_mut().zip(part) {
        for (total, part) in total.iter_mut().zip(part) {
            // The report's figures are far inside the range of amounts.
            *total = total.checked_add(*part).unwrap_or(*total);
        }
    }
}

fn difference(a: Amount, b: Amount) -> Amount {
    // The report's figures are far inside the range of amounts.
    a.checked_sub(b).unwrap_or(Amount::ZERO)
}

/// `amount` split in proportion to whole-number `weights`, exact to the krona:
/// each part is rounded down and the leftover kronor go to the largest remainders.
fn split_by_weight(amount: Amount, weights: &[i64]) -> Vec<Amount> {
    let total_weight: i64 = weights.iter().sum();
    let ore = amount.ore();
    let exact: Vec<(i128, i128)> = weights
        .iter()
        .map(|w| {
            let share = ore * i128::from(*w);
            (share.div_euclid(i128::from(total_weight) * 100) * 100, share.rem_euclid(i128::from(total_weight) * 100))
        })
        .collect();
    let mut parts: Vec<i128> = exact.iter().map(|(part, _)| *part).collect();
    let mut leftover = (ore - parts.iter().sum::<i128>()) / 100;
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|i| std::cmp::Reverse(exact[*i].1));
    for i in order.into_iter().cycle().take(parts.len() * 2) {
        if leftover == 0 {
            break;
        }
        parts[i] += 100;
        leftover -= 1;
    }
    parts.into_iter().map(|p| Amount::from_ore(p).unwrap_or(Amount::ZERO)).collect()
}

/// `closed` split over January–April and `rest` over May–December.
fn months(closed: Amount, rest: Amount) -> Monthly {
    let mut parts = split_evenly(closed, CLOSED);
    parts.extend(split_evenly(rest, 12 - CLOSED));
    std::array::from_fn(|i| parts[i])
}
