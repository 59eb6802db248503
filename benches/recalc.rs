//! Recalculation speed on a synthetic plan of 60 departments × 40 categories:
//! 2 400 lines × 12 months × budget, outcome, last year and forecast
//! (115 200 cells), a tenth of the lines computed by formulas.
//!
//! Run with `cargo bench --bench recalc`. Prints the median and the fastest of
//! repeated runs; a benchmark, not a test: nothing is asserted.

use std::hint::black_box;

use kalkyl::model::{
    Activity, Amount, Category, CategoryId, Cell, Command, Department, DepartmentId, Driver, DriverId, Engine,
    Forecast, Kind, Line, LineId, Month, Plan, Series,
};
use rust_decimal::Decimal;
use timing::measure;

mod timing;

const DEPARTMENTS: u32 = 60;
const CATEGORIES: u32 = 40;

fn synthetic_plan() -> Plan {
    let departments = (1..=DEPARTMENTS).map(|id| Department { id: DepartmentId(id), name: format!("Avdelning {id}") });
    let categories = (1..=CATEGORIES).map(|id| Category {
        id: CategoryId(id),
        name: format!("Slag {id}"),
        kind: if id <= 32 { Kind::Cost } else { Kind::Revenue },
    });
    let mut lines = Vec::new();
    for department in 1..=DEPARTMENTS {
        for category in 1..=CATEGORIES {
            let id = lines.len() as u32 + 1;
            let amount = |month: usize, factor: i64| Amount::kronor((id as i64 * 1000 + month as i64 * 37) * factor);
            // Every tenth line is a formula on the line before it and the driver.
            let formula = id.is_multiple_of(10).then(|| format!("=[Rad {}] * 0,5 + fte * 100", id - 1));
            lines.push(Line {
                id: LineId(id),
                name: format!("Rad {id}"),
                department: DepartmentId(department),
                activity: if category.is_multiple_of(5) { Activity::Development } else { Activity::Operations },
                category: CategoryId(category),
                service: None,
                budget: std::array::from_fn(|m| amount(m, 3)),
                outcome: std::array::from_fn(|m| if m < 4 { amount(m, 2) } else { Amount::ZERO }),
                last_year: std::array::from_fn(|m| amount(m, 1)),
                forecast: if id.is_multiple_of(2) { Forecast::RunRate } else { Forecast::Budget },
                formula,
            });
        }
    }
    Plan {
        name: "Syntetisk plan".into(),
        year: 2024,
        closed_through: Some(Month::APRIL),
        departments: departments.collect(),
        categories: categories.collect(),
        drivers: vec![Driver {
            id: DriverId(1),
            name: "fte".into(),
            unit: "st".into(),
            months: [Decimal::from(12); 12],
        }],
        lines,
        ..Plan::default()
    }
}

fn main() {
    let plan = synthetic_plan();
    let cells = plan.lines.len() * 12 * 4;
    println!("synthetic plan: {} lines, {cells} cells, {} formulas", plan.lines.len(), plan.lines.len() / 10);

    let mut copies: Vec<Plan> = (0..30).map(|_| plan.clone()).collect();
    measure("full recalculation (open the plan)", 30, || {
        black_box(Engine::new(black_box(copies.pop().unwrap_or_default())).ok());
    });

    let mut engine = Engine::new(plan.clone()).expect("the synthetic plan is in range");
    let edit = |line: u32, kr: i64| {
        let cell = Cell { line: LineId(line), series: Series::Budget, month: Month::DECEMBER };
        Command::SetAmounts(vec![(cell, Amount::kronor(kr))])
    };
    let mut toggle = 0;
    measure("one edit, incremental (line without dependents)", 1000, || {
        toggle += 1;
        engine.execute(black_box(edit(1201, toggle))).ok();
    });
    measure("one edit, incremental (line named by a formula)", 1000, || {
        toggle += 1;
        engine.execute(black_box(edit(1209, toggle))).ok();
    });
    measure("undo of one edit", 1000, || {
        engine.undo().ok();
    });
    let quantities = |q: i64| Command::SetQuantities(vec![(DriverId(1), Month::JUNE, Decimal::from(q))]);
    measure("driver edit (recomputes all 240 formula lines)", 200, || {
        toggle += 1;
        engine.execute(black_box(quantities(toggle))).ok();
    });
}
