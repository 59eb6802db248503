//! Generators of arbitrary plans, shared by the property tests.
#![allow(dead_code)] // each test file uses its own part of these

use kalkyl::model::allocation::{Entry, EntryId, KeyCell};
use kalkyl::model::command::Cell;
use kalkyl::model::indicator::{
    Aggregation, Basis, Definition, Direction, Indicator, IndicatorUnit, Periodicity, Reference, StatusRule, Symbols,
    Tolerance, Values,
};
use kalkyl::model::structure::ItemId;
use kalkyl::model::{
    Activity, Allocation, AllocationCommand, AllocationKey, AllocationRule, Amount, Category, CategoryId, Command,
    CostPool, Customer, CustomerId, CustomerKind, Department, DepartmentId, Driver, DriverId, Engine, Forecast,
    IndicatorId, KeyChoice, KeyId, KeyVariant, Kind, Line, LineId, Month, Monthly, Perspective, PerspectiveId, Plan,
    PoolId, Price, PriceBasis, PriceId, Rounding, RuleId, Selection, Series, VariantId,
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

/// A key value: usually a whole or decimal number up to 10 000, sometimes zero.
pub fn key_value() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        4 => (0i64..10_000_000, 0u32..4).prop_map(|(v, scale)| Decimal::new(v, scale)),
        1 => Just(Decimal::ZERO),
    ]
}

/// A rounding of shares or prices.
pub fn rounding() -> impl Strategy<Value = Rounding> {
    prop::sample::select(Rounding::ALL.to_vec())
}

/// A key with two variants whose values cover `customers` (a value missing now and then).
fn allocation_key(id: u32, customers: u32) -> impl Strategy<Value = AllocationKey> {
    let values = || prop::collection::vec(prop::option::weighted(0.95, key_value()), customers as usize);
    (values(), values()).prop_map(move |(first, second)| {
        let variant = |variant: u32, values: Vec<Option<Decimal>>| KeyVariant {
            id: VariantId(variant),
            name: format!("variant {variant}"),
            values: values.into_iter().zip(1..).filter_map(|(v, c)| Some((CustomerId(c), v?))).collect(),
        };
        AllocationKey {
            id: KeyId(id),
            name: format!("nyckel {id}"),
            unit: "st".into(),
            variants: vec![variant(1, first), variant(2, second)],
        }
    })
}

/// A selection of the generated plans' lines: by department, by activity
/// and category, or lines by id.
pub fn selection() -> impl Strategy<Value = Selection> {
    prop_oneof![
        (0u32..3).prop_map(|d| Selection { departments: vec![DepartmentId(d)], ..Selection::default() }),
        (any::<bool>(), 0u32..3).prop_map(|(development, category)| Selection {
            activities: vec![if development { Activity::Development } else { Activity::Operations }],
            categories: vec![CategoryId(category)],
            ..Selection::default()
        }),
        prop::collection::vec((0u32..8).prop_map(LineId), 0..3)
            .prop_map(|lines| Selection { lines, ..Selection::default() }),
    ]
}

pub fn price_basis() -> impl Strategy<Value = PriceBasis> {
    prop_oneof![
        rounding().prop_map(|rounding| PriceBasis::Derived { rounding }),
        (0i128..1_000_000).prop_map(|ore| PriceBasis::Typed { amount: Amount::from_ore(ore).unwrap() }),
    ]
}

/// A plan of [`plan`] with one to six customers, two keys of two variants,
/// four pools, a rule on each of the first two, a price on the third and
/// the fourth free.
pub fn allocated_plan() -> impl Strategy<Value = Plan> {
    let customers = 1u32..7;
    (plan(), customers)
        .prop_flat_map(|(plan, count)| {
            let customers = prop::collection::vec((any::<bool>(), prop::bool::weighted(0.85)), count as usize);
            let keys = (allocation_key(1, count), allocation_key(2, count));
            let pools = (selection(), selection(), selection(), selection());
            let rules = ((1u32..=2, 1u32..=2, rounding()), (1u32..=2, 1u32..=2, rounding()), price_basis());
            (Just(plan), customers, keys, pools, rules)
        })
        .prop_map(|(mut plan, customers, keys, pools, rules)| {
            plan.customers = customers
                .into_iter()
                .zip(1..)
                .map(|((company, active), id)| Customer {
                    id: CustomerId(id),
                    name: format!("kund {id}"),
                    kind: if company { CustomerKind::Company } else { CustomerKind::Administration },
                    active,
                })
                .collect();
            let (first, second, third, fourth) = pools;
            let pools = [first, second, third, fourth].into_iter().zip(1..);
            let ((key_a, variant_a, rounding_a), (key_b, variant_b, rounding_b), basis) = rules;
            let choice = |key, variant| KeyChoice { key: KeyId(key), variant: VariantId(variant) };
            plan.allocation = Allocation {
                keys: vec![keys.0, keys.1],
                pools: pools
                    .map(|(selection, id)| CostPool { id: PoolId(id), name: format!("pool {id}"), selection })
                    .collect(),
                rules: vec![
                    AllocationRule {
                        id: RuleId(1),
                        name: "regel 1".into(),
                        pool: PoolId(1),
                        key: choice(key_a, variant_a),
                        rounding: rounding_a,
                    },
                    AllocationRule {
                        id: RuleId(2),
                        name: "regel 2".into(),
                        pool: PoolId(2),
                        key: choice(key_b, variant_b),
                        rounding: rounding_b,
                    },
                ],
                prices: vec![Price {
                    id: PriceId(1),
                    name: "pris 1".into(),
                    volume: choice(2, 1),
                    pool: Some(PoolId(3)),
                    price: basis,
                }],
            };
            shrink(&mut plan);
            // Pools name only lines the plan has, as a file must.
            let lines: Vec<LineId> = plan.lines.iter().map(|line| line.id).collect();
            for pool in &mut plan.allocation.pools {
                pool.selection.lines.retain(|line| lines.contains(line));
            }
            plan
        })
        .prop_filter("figures in range", |plan| Engine::new(plan.clone()).is_ok())
}

/// Amounts of a line within ±10^9 kr, so that most pools can be split
/// (a share beyond ±10^15 kr is an overflow, which is tested too, but rarely).
fn shrink(plan: &mut Plan) {
    let small = |months: &mut Monthly| {
        for amount in months.iter_mut() {
            *amount = Amount::from_ore(amount.ore() % 100_000_000_000).unwrap();
        }
    };
    for line in &mut plan.lines {
        small(&mut line.budget);
        small(&mut line.outcome);
        small(&mut line.last_year);
        if let Forecast::Manual { months } = &mut line.forecast {
            small(months);
        }
    }
}

/// An allocation edit of a plan of [`allocated_plan`]; it may name what is
/// not there or be otherwise wrong, and must then be refused.
pub fn allocation_command() -> impl Strategy<Value = Command> {
    // Mostly what the plan has, now and then what it lacks.
    let choice = prop_oneof![8 => (1u32..=2, 1u32..=2), 1 => (1u32..5, 1u32..4)]
        .prop_map(|(key, variant)| KeyChoice { key: KeyId(key), variant: VariantId(variant) });
    let customer = prop_oneof![8 => 1u32..=6, 1 => 0u32..10].prop_map(CustomerId);
    let value = prop_oneof![
        6 => key_value().prop_map(Some),
        1 => Just(None),
        1 => (1i64..1000).prop_map(|v| Some(Decimal::new(-v, 1))),
    ];
    let cell = (choice.clone(), customer.clone()).prop_map(|(key, customer)| KeyCell { key, customer });
    let entry_id = prop_oneof![
        customer.clone().prop_map(EntryId::Customer),
        (0u32..4).prop_map(|id| EntryId::Key(KeyId(id))),
        (0u32..6).prop_map(|id| EntryId::Pool(PoolId(id))),
        (0u32..4).prop_map(|id| EntryId::Rule(RuleId(id))),
        (0u32..3).prop_map(|id| EntryId::Price(PriceId(id))),
    ];
    let entry = prop_oneof![
        (customer.clone(), prop_oneof![6 => "[a-zåäö]{1,6}", 1 => "[ ]{0,2}"], any::<bool>(), any::<bool>()).prop_map(
            |(id, name, company, active)| {
                Entry::Customer(Customer {
                    id,
                    name,
                    kind: if company { CustomerKind::Company } else { CustomerKind::Administration },
                    active,
                })
            }
        ),
        (1u32..4, 1u32..=4, choice.clone(), rounding()).prop_map(|(id, pool, key, rounding)| Entry::Rule(
            AllocationRule { id: RuleId(id), name: format!("regel {id}"), pool: PoolId(pool), key, rounding }
        )),
        (1u32..=5, selection()).prop_map(|(id, selection)| Entry::Pool(CostPool {
            id: PoolId(id),
            name: format!("pool {id}"),
            selection,
        })),
        (1u32..3, choice.clone(), prop::option::of(1u32..5), price_basis()).prop_map(|(id, volume, pool, price)| {
            Entry::Price(Price { id: PriceId(id), name: format!("pris {id}"), volume, pool: pool.map(PoolId), price })
        }),
        (1u32..4, prop_oneof![4 => 1u32..=3, 1 => Just(0)]).prop_map(|(id, variants)| Entry::Key(AllocationKey {
            id: KeyId(id),
            name: format!("nyckel {id}"),
            unit: "st".into(),
            variants: (1..=variants)
                .map(|v| KeyVariant { id: VariantId(v), name: format!("variant {v}"), values: Default::default() })
                .collect(),
        })),
    ];
    let allocation = prop_oneof![
        6 => prop::collection::vec((cell, value), 1..3).prop_map(AllocationCommand::SetValues),
        4 => entry.clone().prop_map(|entry| AllocationCommand::Update(Box::new(entry))),
        2 => (0usize..8, entry).prop_map(|(index, entry)| AllocationCommand::Insert { index, entry: Box::new(entry) }),
        2 => entry_id.clone().prop_map(AllocationCommand::Remove),
        1 => (entry_id.clone(), 0usize..8).prop_map(|(entry, to)| AllocationCommand::Move { entry, to }),
        1 => (entry_id, "[a-z ]{0,5}").prop_map(|(entry, name)| AllocationCommand::Rename { entry, name }),
    ];
    let month = (0usize..12).prop_map(|m| Month::from_index(m).unwrap());
    let series = prop::sample::select(vec![Series::Budget, Series::Outcome]);
    let cell = (0u32..8, series, month).prop_map(|(line, series, month)| Cell { line: LineId(line), series, month });
    prop_oneof![
        8 => allocation.prop_map(Command::Allocation),
        2 => prop::collection::vec((cell, amount()), 1..3).prop_map(Command::SetAmounts),
        1 => (0u32..3).prop_map(|d| Command::Remove(ItemId::Department(DepartmentId(d)))),
        1 => (0u32..8).prop_map(|l| Command::Remove(ItemId::Line(LineId(l)))),
    ]
}
/// An indicator value: usually reported, up to a million with up to three decimals.
pub fn indicator_value() -> impl Strategy<Value = Option<Decimal>> {
    prop::option::weighted(
        0.8,
        (-1_000_000_000i64..1_000_000_000, 0u32..4).prop_map(|(m, scale)| Decimal::new(m, scale)),
    )
}

/// A percentage 0–`max` with up to one decimal.
fn percent(max: i64) -> impl Strategy<Value = Decimal> {
    (0..=max * 10).prop_map(|tenths| Decimal::new(tenths, 1))
}

/// A valid status rule of any kind.
pub fn rule() -> impl Strategy<Value = StatusRule> {
    let basis = prop_oneof![
        percent(50).prop_map(|p| Basis::Target { yellow: Tolerance::Percent(p) }),
        (50i64..=100).prop_map(|share| Basis::Target { yellow: Tolerance::ShareOfTarget(Decimal::from(share)) }),
        (prop::sample::select(vec![Reference::PreviousPeriod, Reference::LastYear]), percent(10))
            .prop_map(|(against, unchanged_within)| Basis::Change { against, unchanged_within }),
    ];
    let symbols = prop::sample::select(vec![Symbols::TrafficLights, Symbols::Arrows, Symbols::Smileys]);
    (basis, symbols).prop_map(|(basis, symbols)| StatusRule { basis, symbols })
}

/// Higher, lower or a band (its ends in order).
pub fn direction() -> impl Strategy<Value = Direction> {
    prop_oneof![
        Just(Direction::HigherIsBetter),
        Just(Direction::LowerIsBetter),
        (-1000i64..1000, 0i64..1000)
            .prop_map(|(low, width)| Direction::Band { low: Decimal::from(low), high: Decimal::from(low + width) }),
    ]
}

/// A definition on perspective 1 or 2.
pub fn definition() -> impl Strategy<Value = Definition> {
    let periodicity = prop::sample::select(Periodicity::ALL.to_vec());
    let aggregation = prop::sample::select(vec![Aggregation::Level, Aggregation::Sum]);
    let unit = prop::sample::select(vec![IndicatorUnit::Percent, IndicatorUnit::Count, IndicatorUnit::Kronor]);
    (1u32..3, unit, periodicity, aggregation, any::<bool>(), direction(), 0u32..4, prop::option::weighted(0.3, rule()))
        .prop_map(|(perspective, unit, periodicity, aggregation, cumulative, direction, decimals, rule)| Definition {
            perspective: PerspectiveId(perspective),
            unit,
            periodicity,
            aggregation,
            cumulative,
            direction,
            decimals,
            rule,
            note: None,
        })
}

/// Values for every period of `periodicity`.
pub fn values(periodicity: Periodicity) -> impl Strategy<Value = Values> {
    let per_period = || prop::collection::vec(indicator_value(), periodicity.periods());
    (per_period(), per_period(), per_period(), per_period(), indicator_value(), indicator_value()).prop_map(
        |(outcome, target, last_year, r12, forecast, annual_target)| Values {
            outcome,
            target,
            last_year,
            r12,
            forecast,
            annual_target,
        },
    )
}

/// An indicator's formula: usually well formed, naming lines, the driver and
/// indicators `ind 1`–`ind 5`; sometimes anything.
pub fn indicator_formula() -> impl Strategy<Value = String> {
    let operand = prop_oneof![
        (0u32..8).prop_map(|id| format!("[line {id}]")),
        Just("volym".to_owned()),
        (1u32..6).prop_map(|id| format!("[ind {id}]")),
        (-100i64..100).prop_map(|n| n.to_string()),
    ];
    let op = prop::sample::select(vec!["+", "-", "*", "/"]);
    prop_oneof![
        6 => (operand.clone(), op, operand).prop_map(|(a, op, b)| format!("={a} {op} {b}")),
        1 => ".{0,20}",
    ]
}

/// Indicator `ind {id}`, typed or (sometimes) with a formula.
pub fn indicator(id: u32) -> impl Strategy<Value = Indicator> {
    (definition(), prop::option::weighted(0.35, indicator_formula()))
        .prop_flat_map(|(definition, formula)| {
            let values = values(definition.periodicity);
            (Just(definition), values, Just(formula))
        })
        .prop_map(move |(definition, values, formula)| Indicator {
            id: IndicatorId(id),
            name: format!("ind {id}"),
            definition,
            values,
            formula,
        })
}

/// A plan of [`plan`] with two perspectives and up to five indicators.
pub fn plan_with_indicators() -> impl Strategy<Value = Plan> {
    let indicators = (0usize..6).prop_flat_map(|count| (1..=count as u32).map(indicator).collect::<Vec<_>>());
    (plan(), indicators).prop_map(|(mut plan, indicators)| {
        plan.perspectives = Perspective::standard().into_iter().take(2).collect();
        plan.indicators = indicators;
        plan
    })
}

/// Runs `edits` on an engine opened on `plan` with `run`, checking with
/// `same` after each that the figures are those of a full calculation and
/// that a refused edit changed nothing; then undoes every applied edit back
/// to `plan` and redoes them all.
pub fn edit_undo_redo<E>(
    plan: &Plan,
    edits: Vec<E>,
    run: impl Fn(&mut Engine, E) -> Result<(), kalkyl::model::CommandError>,
    same: impl Fn(&Engine),
) -> Result<(), TestCaseError> {
    let mut engine = Engine::new(plan.clone()).unwrap();
    same(&engine);
    let mut applied = 0;
    for edit in edits {
        let before = engine.plan().clone();
        match run(&mut engine, edit) {
            Ok(()) => applied += 1,
            Err(_) => prop_assert_eq!(engine.plan(), &before, "a refused command changes nothing"),
        }
        same(&engine);
    }
    let after = engine.plan().clone();
    for _ in 0..applied {
        prop_assert!(engine.undo().unwrap());
    }
    prop_assert!(!engine.undo().unwrap());
    prop_assert_eq!(engine.plan(), plan, "undone");
    same(&engine);
    for _ in 0..applied {
        prop_assert!(engine.redo().unwrap());
    }
    prop_assert_eq!(engine.plan(), &after, "redone");
    Ok(())
}

/// A plan of `lines` lines, alike but not equal, as large plans are: 40
/// categories, a department for every 40 lines, amounts in the millions
/// with öre, forecasts by every method but a driver's, every tenth line's
/// budget a formula on the line before. Deterministic.
pub fn large_plan(count: usize) -> Plan {
    let departments = count.div_ceil(40).max(1) as u32;
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut amount = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        Amount::from_ore(i128::from(seed % 1_000_000_000)).unwrap()
    };
    let forecasts = [Forecast::Budget, Forecast::RunRate, Forecast::LastYear];
    let lines = (1..=count as u32)
        .map(|id| Line {
            id: LineId(id),
            name: format!("Kostnadsrad {id} för avdelning {}", (id - 1) / 40 + 1),
            department: DepartmentId((id - 1) / 40 + 1),
            activity: if id % 5 == 0 { Activity::Development } else { Activity::Operations },
            category: CategoryId((id - 1) % 40 + 1),
            service: None,
            budget: std::array::from_fn(|_| amount()),
            outcome: std::array::from_fn(|m| if m < 4 { amount() } else { Amount::ZERO }),
            last_year: std::array::from_fn(|_| amount()),
            forecast: match id % 4 {
                3 => Forecast::Manual { months: std::array::from_fn(|_| amount()) },
                n => forecasts[n as usize].clone(),
            },
            formula: (id % 10 == 0)
                .then(|| format!("=[Kostnadsrad {} för avdelning {}] * 1,02", id - 1, (id - 2) / 40 + 1)),
        })
        .collect();
    Plan {
        name: "Stor plan".into(),
        year: 2024,
        closed_through: Some(Month::APRIL),
        departments: (1..=departments)
            .map(|id| Department { id: DepartmentId(id), name: format!("Avdelning {id}") })
            .collect(),
        categories: (1..=40)
            .map(|id| Category {
                id: CategoryId(id),
                name: format!("Kostnadsslag {id}"),
                kind: if id <= 32 { Kind::Cost } else { Kind::Revenue },
            })
            .collect(),
        lines,
        ..Plan::default()
    }
}

/// The largest [`large_plan`] whose file is within the size limit
/// ([`kalkyl::document::MAX_BYTES`]): the file grows by each line and,
/// every 40 lines, by a department.
pub fn plan_under_the_limit() -> Plan {
    let limit = kalkyl::document::MAX_BYTES;
    let mut plan = large_plan(limit / 500);
    // One byte less than a plan without lines: the first line brings no comma.
    let mut size = kalkyl::document::to_json(&large_plan(0)).len() - 1;
    for (n, line) in plan.lines.iter().enumerate() {
        if n > 0 && n % 40 == 0 {
            size += serde_json::to_string(&plan.departments[n / 40]).unwrap().len() + 1;
        }
        size += serde_json::to_string(line).unwrap().len() + 1;
        if size > limit {
            plan.lines.truncate(n);
            plan.departments.truncate(n.div_ceil(40));
            return plan;
        }
    }
    panic!("{} lines fit", plan.lines.len())
}
