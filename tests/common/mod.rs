//! Generators of arbitrary plans, shared by the property tests.
#![allow(dead_code)] // each test file uses its own part of these

use kalkyl::model::{
    Activity, Amount, Category, CategoryId, Department, DepartmentId, Driver, DriverId, Engine, Forecast, Kind, Line,
    LineId, Month, Monthly, Plan,
};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use rust_decimal::Decimal;

/// The configuration of the property tests of `suite`. The test command is
/// deterministic: each suite draws its cases from a fixed seed (after the
/// committed regressions, which are replayed first). `scripts/soak` sets
/// `PROPTEST_RNG_SEED` (and `PROPTEST_CASES`) to draw fresh cases instead,
/// and `KALKYL_SOAK_LOG` to count the tests it ran.
pub fn config(suite: &str) -> ProptestConfig {
    let config = ProptestConfig::default();
    if let Some(log) = std::env::var_os("KALKYL_SOAK_LOG") {
        use std::io::Write;
        let line = format!("{suite} {}\n", config.cases);
        let file = std::fs::OpenOptions::new().create(true).append(true).open(log);
        file.and_then(|mut file| file.write_all(line.as_bytes())).expect("the soak log is writable");
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_some() {
        return config;
    }
    // FNV-1a of the suite's name: a fixed seed of its own for every suite.
    let seed = suite
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325u64, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3));
    ProptestConfig { rng_seed: RngSeed::Fixed(seed), ..config }
}

pub fn amount() -> impl Strategy<Value = Amount> {
    // Any amount to the öre within ±10^15 kr.
    (-100_000_000_000_000_000i128..=100_000_000_000_000_000).prop_map(|ore| Amount::from_ore(ore).unwrap())
}

/// A unit price up to a million kronor.
pub fn price() -> impl Strategy<Value = Amount> {
    (-100_000_000i128..=100_000_000).prop_map(|ore| Amount::from_ore(ore).unwrap())
}

pub fn monthly() -> impl Strategy<Value = Monthly> {
    prop::array::uniform12(amount())
}

pub fn forecast() -> impl Strategy<Value = Forecast> {
    prop_oneof![
        Just(Forecast::Budget),
        Just(Forecast::RunRate),
        Just(Forecast::LastYear),
        monthly().prop_map(|months| Forecast::Manual { months }),
        price().prop_map(|price| Forecast::Driver { driver: DriverId(1), price }),
    ]
}

/// Formula text: usually well formed, naming lines and the driver; sometimes anything.
pub fn formula_text() -> impl Strategy<Value = String> {
    let operand = prop_oneof![
        (0u32..8).prop_map(|id| format!("[line {id}]")),
        Just("volym".to_owned()),
        (-1000i64..1000).prop_map(|n| n.to_string()),
        Just("3,5".to_owned()),
    ];
    let simple = (operand.clone(), prop::sample::select(vec!["+", "-", "*", "/", ">", "<>"]), operand)
        .prop_map(|(a, op, b)| format!("={a} {op} {b}"));
    prop_oneof![
        4 => simple.clone(),
        2 => (simple.clone(), simple).prop_map(|(a, b)| format!("=SUM({}; MAX({}; 0))", &a[1..], &b[1..])),
        1 => ".{0,30}",
    ]
}

pub fn line(id: u32) -> impl Strategy<Value = Line> {
    (
        0u32..3,
        any::<bool>(),
        0u32..3,
        monthly(),
        monthly(),
        monthly(),
        forecast(),
        prop::option::weighted(0.3, formula_text()),
    )
        .prop_map(move |(department, development, category, budget, outcome, last_year, forecast, formula)| Line {
            id: LineId(id),
            name: format!("line {id}"),
            department: DepartmentId(department),
            activity: if development { Activity::Development } else { Activity::Operations },
            category: CategoryId(category),
            service: None,
            budget,
            outcome,
            last_year,
            forecast,
            formula,
        })
}

pub fn driver() -> impl Strategy<Value = Driver> {
    // Quantities from -1000 to 1000 with up to three decimals.
    prop::array::uniform12((-1_000_000i64..1_000_000).prop_map(|q| Decimal::new(q, 3))).prop_map(|months| Driver {
        id: DriverId(1),
        name: "volym".into(),
        unit: "st".into(),
        months,
    })
}

/// A plan whose figures are all in range (most are; the rest are rejected).
pub fn plan() -> impl Strategy<Value = Plan> {
    any_plan().prop_filter("figures in range", |plan| Engine::new(plan.clone()).is_ok())
}

pub fn any_plan() -> impl Strategy<Value = Plan> {
    (0usize..8, prop::option::of(0usize..12), driver())
        .prop_flat_map(|(count, closed, driver)| {
            let lines: Vec<_> = (0..count as u32).map(line).collect();
            (lines, Just(closed), Just(driver))
        })
        .prop_map(|(lines, closed, driver)| Plan {
            name: "generated".into(),
            year: 2024,
            closed_through: closed.and_then(Month::from_index),
            departments: (0..3).map(|id| Department { id: DepartmentId(id), name: format!("avd {id}") }).collect(),
            categories: (0..3)
                .map(|id| Category {
                    id: CategoryId(id),
                    name: format!("kat {id}"),
                    kind: if id == 2 { Kind::Revenue } else { Kind::Cost },
                })
                .collect(),
            drivers: vec![driver],
            lines,
            ..Plan::default()
        })
}
