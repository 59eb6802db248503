//! The file format: schema, golden files of every version, round trips and
//! a corpus of broken files that must each give a clear error.
#![cfg(not(target_arch = "wasm32"))] // property tests run natively

use std::fs;
use std::path::{Path, PathBuf};

use kalkyl::document::migrate::MIGRATIONS;
use kalkyl::document::{self, DocumentError, Expected, Located, Problem, VERSION};
use kalkyl::model::example::{april_2023, budget_2024};
use kalkyl::model::scenario::{Base, Change, Measure, MeasureId, Scenario, ScenarioId};
use kalkyl::model::{Amount, AmountError, CategoryId, Engine, Month, Plan, Selection};
use proptest::prelude::*;
use serde_json::{Value, json};

mod common;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

#[test]
fn the_committed_schema_is_up_to_date() {
    let schema = serde_json::to_string_pretty(&document::schema()).unwrap() + "\n";
    let path = root().join("docs/kalkyl.schema.json");
    if std::env::var_os("KALKYL_UPDATE_SCHEMA").is_some() {
        fs::write(&path, &schema).unwrap();
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == schema,
        "docs/kalkyl.schema.json is out of date: run KALKYL_UPDATE_SCHEMA=1 cargo test --test file_format"
    );
}

/// Every released format version has a golden file, and every one opens:
/// opening them runs every migration step.
#[test]
fn every_released_version_keeps_opening() {
    assert_eq!(MIGRATIONS.len() as u32 + 1, VERSION, "a migration for every version after the first");
    for version in 1..=VERSION {
        let path = root().join(format!("tests/golden/v{version}.kalkyl.json"));
        let text =
            fs::read_to_string(&path).unwrap_or_else(|_| panic!("no golden file for version {version}: {path:?}"));
        let engine = document::open(&text).unwrap_or_else(|e| panic!("version {version} does not open: {e:?}"));
        assert_eq!(engine.plan().name, "Månadsrapport april 2023");
    }
}

#[test]
fn a_version_1_file_opens_unchanged_and_gets_no_customers_and_no_indicators() {
    let text = fs::read_to_string(root().join("tests/golden/v1.kalkyl.json")).unwrap();
    let engine = document::open(&text).unwrap();
    let plan = engine.plan();
    assert!(plan.customers.is_empty());
    assert_eq!(plan.allocation, Default::default());
    assert!(plan.indicators.is_empty());
    assert_eq!(plan.perspectives, kalkyl::model::Perspective::standard(), "the report's four");
    assert_eq!(plan.status_rule, kalkyl::model::StatusRule::default());
    let mut example = april_2023();
    example.customers.clear();
    example.allocation = Default::default();
    example.indicators.clear();
    assert_eq!(plan, &example, "everything else is the April 2023 plan as it was");
}

/// Golden files are never rewritten: `KALKYL_NEW_GOLDEN=1` writes the one of
/// a new version, once, when it is first released.
#[test]
fn the_golden_file_of_this_version_is_what_this_build_writes() {
    let path = root().join(format!("tests/golden/v{VERSION}.kalkyl.json"));
    if std::env::var_os("KALKYL_NEW_GOLDEN").is_some() && !path.exists() {
        fs::write(&path, document::to_json(&april_2023()) + "\n").unwrap();
    }
    let golden = fs::read_to_string(&path).unwrap();
    assert_eq!(document::to_json(&april_2023()), golden.trim_end());
}

/// Exported and imported again, `plan` is equal and writes the same bytes.
fn round_trip(plan: &Plan) -> Result<(), TestCaseError> {
    let json = document::to_json(plan);
    let read = document::from_json(&json).unwrap();
    prop_assert_eq!(&read, plan);
    prop_assert_eq!(document::to_json(&read), json, "the same bytes again");
    Ok(())
}

proptest! {
    #![proptest_config(common::config("file_format"))]

    #[test]
    fn export_then_import_gives_an_equal_plan(plan in common::plan()) {
        round_trip(&plan)?;
    }

    #[test]
    fn a_plan_with_customers_and_allocation_round_trips(plan in common::allocated_plan()) {
        round_trip(&plan)?;
    }

    #[test]
    fn a_plan_with_indicators_round_trips(plan in common::plan_with_indicators()) {
        round_trip(&plan)?;
    }

    #[test]
    fn no_text_panics_the_reader(text in ".{0,200}") {
        let _ = document::open(&text);
    }

    #[test]
    fn no_mangled_document_panics_the_reader(cut in 0usize..4000, byte in any::<u8>()) {
        let mut bytes = document::to_json(&april_2023()).into_bytes();
        let at = cut % bytes.len();
        bytes[at] = byte;
        let _ = document::open(&String::from_utf8_lossy(&bytes));
        let _ = document::open(&String::from_utf8_lossy(&bytes[..at]));
    }
}

fn example() -> Value {
    serde_json::from_str(&document::to_json(&april_2023())).unwrap()
}

fn problems(document: Value) -> Vec<Located> {
    match document::from_json(&document.to_string()) {
        Err(DocumentError::Invalid(problems)) => problems,
        other => panic!("expected problems, got {other:?}"),
    }
}

/// The problems of the example's document with `value` at `path` in its plan.
fn with(path: &[&str], value: Value) -> Vec<Located> {
    let mut doc = example();
    let mut target = &mut doc["plan"];
    for key in path {
        target = match key.parse::<usize>() {
            Ok(i) => &mut target[i],
            Err(_) => &mut target[*key],
        };
    }
    *target = value;
    problems(doc)
}

fn problem(path: &str, problem: Problem) -> Located {
    Located { path: path.into(), problem }
}

#[test]
fn several_problems_are_reported_at_once_with_their_places() {
    let mut doc = example();
    doc["plan"]["lines"][12]["budget"][3] = json!("12,3,4");
    doc["plan"]["lines"][1]["outcome"][0] = json!(1000);
    doc["plan"]["lines"][2]["department"] = json!(77);
    doc["plan"]["lines"][3]["last_year"] = json!(["1.00"]);
    doc["plan"]["colour"] = json!("red");
    let found = problems(doc);
    let line_two = doc_line_name(2);
    assert!(
        found.contains(&problem(
            "lines[12].budget[3]",
            Problem::NotAnAmount { text: "12,3,4".into(), error: AmountError::NotANumber }
        )),
        "{found:?}"
    );
    assert!(found.contains(&problem("lines[1].outcome[0]", Problem::AmountAsNumber)));
    assert!(found.contains(&problem("lines[3].last_year", Problem::NotTwelve { found: 1 })));
    assert!(found.contains(&problem("colour", Problem::UnknownField)));
    assert!(found.contains(&problem(
        "lines[2].department",
        Problem::UnknownReference { kind: Expected::Department, id: 77, line: line_two }
    )));
}

fn doc_line_name(index: usize) -> String {
    april_2023().lines[index].name.clone()
}

#[test]
fn a_corpus_of_broken_files_each_gives_a_clear_error() {
    let full = document::to_json(&april_2023());
    let truncated = &full[..full.len() / 2];
    assert!(matches!(document::from_json(truncated), Err(DocumentError::NotJson { .. })));
    assert!(matches!(document::from_json(""), Err(DocumentError::NotJson { .. })));
    assert_eq!(document::from_json("[1, 2, 3]"), Err(DocumentError::NotKalkyl));
    assert_eq!(
        document::from_json(r#"{"format":"kalkyl","version":99,"plan":{}}"#),
        Err(DocumentError::NewerVersion(99))
    );
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(
        matches!(document::from_json(&deep), Err(DocumentError::NotJson { .. })),
        "deep nesting is refused, not a stack overflow"
    );
    let huge = format!("{{\"format\":\"kalkyl\",\"pad\":\"{}\"}}", "x".repeat(document::MAX_BYTES));
    assert!(matches!(document::from_json(&huge), Err(DocumentError::TooLarge { .. })));

    let amount_error = |text: &str, error| Problem::NotAnAmount { text: text.into(), error };
    assert_eq!(
        with(&["lines", "0", "budget", "0"], json!("79228162514264337593543950335.00")),
        vec![problem("lines[0].budget[0]", amount_error("79228162514264337593543950335.00", AmountError::OutOfRange))]
    );
    assert_eq!(
        with(&["lines", "0", "budget", "0"], json!("1e400")),
        vec![problem("lines[0].budget[0]", amount_error("1e400", AmountError::NotANumber))]
    );
    assert_eq!(
        with(&["lines", "0", "budget", "0"], json!("0.000000001")),
        vec![problem("lines[0].budget[0]", amount_error("0.000000001", AmountError::TooManyDecimals))]
    );
    assert_eq!(
        with(&["lines", "0", "name"], json!(5)),
        vec![problem("lines[0].name", Problem::WrongType { expected: Expected::Text })]
    );
    assert_eq!(with(&["lines", "0", "id"], json!(2)), vec![problem("lines[1].id", Problem::DuplicateId { id: 2 })]);
    assert_eq!(
        with(&["closed_through"], json!(13)),
        vec![problem("closed_through", Problem::NotAllowed { found: "13".into() })]
    );
    assert_eq!(
        with(&["categories", "0", "kind"], json!("other")),
        vec![problem("categories[0].kind", Problem::NotAllowed { found: "\"other\"".into() })]
    );
    assert_eq!(with(&["lines"], json!({})), vec![problem("lines", Problem::WrongType { expected: Expected::List })]);
    let mut doc = example();
    doc["plan"].as_object_mut().unwrap().remove("year");
    assert_eq!(problems(doc), vec![problem("year", Problem::Missing)]);
}

#[test]
fn broken_customers_and_allocations_are_reported_with_their_places() {
    let with = |change: &dyn Fn(&mut Value)| {
        let mut doc = example();
        change(&mut doc["plan"]);
        problems(doc)
    };
    let key_values = "allocation.keys[0].variants[0].values";
    assert_eq!(
        with(&|plan| plan["allocation"]["keys"][0]["variants"][0]["values"][2][1] = json!("-5")),
        vec![problem(&format!("{key_values}[2][1]"), Problem::NotAllowed { found: "\"-5\"".into() })]
    );
    assert_eq!(
        with(&|plan| plan["allocation"]["keys"][0]["variants"][0]["values"][2][0] = json!(77)),
        vec![problem(
            key_values,
            Problem::UnknownEntry { kind: Expected::Customer, id: 77, by: "Antal anställda".into() }
        )]
    );
    assert_eq!(
        with(&|plan| plan["allocation"]["rules"][0]["pool"] = json!(99)),
        vec![problem(
            "allocation.rules[0].pool",
            Problem::UnknownEntry { kind: Expected::Pool, id: 99, by: "Bastjänster".into() }
        )]
    );
    assert_eq!(
        with(&|plan| plan["allocation"]["rules"][1]["pool"] = json!(1)),
        vec![problem("allocation.rules[1].pool", Problem::BilledTwice { pool: 1 })]
    );
    assert_eq!(
        with(&|plan| plan["allocation"]["rules"][0]["key"]["variant"] = json!(9)),
        vec![problem(
            "allocation.rules[0].key",
            Problem::UnknownEntry { kind: Expected::Variant, id: 9, by: "Bastjänster".into() }
        )]
    );
    assert_eq!(
        with(&|plan| plan["allocation"]["pools"][0]["selection"]["departments"][0] = json!(42)),
        vec![problem(
            "allocation.pools[0].selection",
            Problem::UnknownEntry {
                kind: Expected::Department,
                id: 42,
                by: "Bastjänster: Ekonomi, HR och Kommunikation, förvaltning".into()
            }
        )]
    );
    assert_eq!(
        with(&|plan| plan["customers"][0]["active"] = json!("ja")),
        vec![problem("customers[0].active", Problem::WrongType { expected: Expected::Boolean })]
    );
    assert_eq!(
        with(&|plan| plan["customers"][1]["kind"] = json!("kommun")),
        vec![problem("customers[1].kind", Problem::NotAllowed { found: "\"kommun\"".into() })]
    );
    assert_eq!(
        with(&|plan| plan["allocation"]["prices"][0].as_object_mut().unwrap().remove("pool").map(|_| ()).unwrap()),
        vec![problem("allocation.prices[0].pool", Problem::Missing)],
        "a derived price needs its pool"
    );
    assert_eq!(
        with(&|plan| plan["allocation"]["keys"][1]["variants"] = json!([])),
        vec![problem("allocation.keys[1].variants", Problem::NotAllowed { found: "[]".into() })]
    );
}

#[test]
fn a_refused_file_leaves_what_was_open_untouched() {
    let engine = Engine::new(april_2023()).unwrap();
    let before = engine.plan().clone();
    assert!(document::open("{").is_err());
    assert_eq!(engine.plan(), &before);
}

#[test]
fn broken_indicators_each_give_a_clear_error_with_their_place() {
    let not_allowed = |path: &str, found: &str| vec![problem(path, Problem::NotAllowed { found: found.into() })];
    assert_eq!(
        with(&["indicators", "0", "values", "outcome", "0"], json!("abc")),
        not_allowed("indicators[0].values.outcome[0]", "\"abc\"")
    );
    assert_eq!(
        with(&["indicators", "0", "values", "target"], json!(["1", "2"])),
        vec![problem("indicators[0].values.target", Problem::Periods { expected: 1, found: 2 })]
    );
    assert_eq!(
        with(&["indicators", "3", "definition", "direction"], json!({"kind": "band", "low": "6", "high": "4"})),
        not_allowed("indicators[3].definition.direction.low", "6 above the high end 4")
    );
    assert_eq!(
        with(&["indicators", "3", "definition", "perspective"], json!(9)),
        vec![problem(
            "indicators[3].definition.perspective",
            Problem::UnknownReference { kind: Expected::Perspective, id: 9, line: "Datalagring".into() }
        )]
    );
    assert_eq!(
        with(&["status_rule", "basis"], json!({"target": {"yellow": {"share_of_target": "0"}}})),
        not_allowed("status_rule.basis", "a margin out of range")
    );
    assert_eq!(
        with(&["indicators", "0", "definition", "cumulative"], json!("yes")),
        vec![problem("indicators[0].definition.cumulative", Problem::WrongType { expected: Expected::Boolean })]
    );
    assert_eq!(
        with(&["lines", "0", "forecast"], json!({"method": "volume", "indicator": 99, "price": "12.00"})),
        vec![problem(
            "lines[0].forecast.indicator",
            Problem::UnknownReference { kind: Expected::Indicator, id: 99, line: doc_line_name(0) }
        )]
    );
    assert_eq!(
        with(&["indicators", "1", "id"], json!(1)),
        vec![problem("indicators[1].id", Problem::DuplicateId { id: 1 })]
    );
}

/// The example's next year with its scenarios, as a document.
fn budget_2024_document() -> Value {
    serde_json::from_str(&document::to_json(&budget_2024())).unwrap()
}

#[test]
fn scenarios_with_every_kind_of_measure_round_trip() {
    let mut plan = budget_2024();
    let extra = [
        Change::Index {
            selection: Selection { categories: vec![CategoryId(1)], ..Selection::default() },
            percent: "3.5".parse().unwrap(),
        },
        Change::Fte {
            selection: Selection::default(),
            driver: None,
            change: "-2.5".parse().unwrap(),
            cost_per_fte: Amount::kronor(650_000),
        },
    ];
    let measures = &mut plan.scenarios[1].measures;
    for (i, change) in extra.into_iter().enumerate() {
        measures.push(Measure::new(MeasureId(90 + i as u32), "Extra", change, Month::JULY));
    }
    plan.scenarios.push(Scenario {
        id: ScenarioId(3),
        name: "På B".into(),
        base: Base::Scenario(ScenarioId(2)),
        measures: vec![],
    });
    round_trip(&plan).unwrap();
}

#[test]
fn broken_scenarios_each_give_a_clear_error_with_their_place() {
    let with_2024 = |path: &[&str], value: Value| {
        let mut doc = budget_2024_document();
        let mut target = &mut doc["plan"];
        for key in path {
            target = match key.parse::<usize>() {
                Ok(i) => &mut target[i],
                Err(_) => &mut target[*key],
            };
        }
        *target = value;
        problems(doc)
    };
    assert_eq!(
        with_2024(&["scenarios", "0", "measures", "1", "change", "percent"], json!("tio")),
        vec![problem("scenarios[0].measures[1].change.percent", Problem::NotAllowed { found: "\"tio\"".into() })]
    );
    assert_eq!(
        with_2024(&["scenarios", "0", "measures", "0", "risk"], json!("extrem")),
        vec![problem("scenarios[0].measures[0].risk", Problem::NotAllowed { found: "\"extrem\"".into() })]
    );
    assert_eq!(
        with_2024(&["scenarios", "1", "base"], json!({"from": "scenario", "scenario": 7})),
        vec![problem(
            "scenarios[1].base",
            Problem::UnknownEntry { kind: Expected::Scenario, id: 7, by: "Ram −60 mnkr: IT och utveckling".into() }
        )]
    );
    assert_eq!(
        with_2024(&["scenarios", "0", "measures", "0", "effects", "0", "indicator"], json!(99)),
        vec![problem(
            "scenarios[0].measures[0].effects[0].indicator",
            Problem::UnknownEntry {
                kind: Expected::Indicator, id: 99, by: "Vakansstopp: 25 färre årsarbetare".into()
            }
        )]
    );
    let mut doc = budget_2024_document();
    doc["plan"]["scenarios"][0]["base"] = json!({"from": "scenario", "scenario": 2});
    doc["plan"]["scenarios"][1]["base"] = json!({"from": "scenario", "scenario": 1});
    let found = problems(doc);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|p| p.path.ends_with(".base")));
}
