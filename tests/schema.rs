//! One truth for the file format: the JSON Schema in `docs/kalkyl.schema.json`
//! (generated from the types the writer uses) and the reader agree on what a
//! file may hold, checked on the golden file and on documents changed in
//! one to three places.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::PathBuf;

use kalkyl::document::{self, DocumentError, Expected, Problem, VERSION};
use kalkyl::model::example::budget_2024;
use kalkyl::model::{AmountError, Engine};
use proptest::prelude::*;
use serde_json::{Value, json};

mod common;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn golden() -> Value {
    serde_json::from_slice(&fs::read(root().join(format!("tests/golden/v{VERSION}.kalkyl.json"))).unwrap()).unwrap()
}

/// The committed schema, ready to validate documents.
fn schema() -> jsonschema::Validator {
    let schema: Value = serde_json::from_slice(&fs::read(root().join("docs/kalkyl.schema.json")).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

thread_local! {
    static SCHEMA: jsonschema::Validator = schema();
}

#[test]
fn the_schema_and_the_reader_accept_the_golden_file_and_the_example_scenarios() {
    let with_scenarios: Value = serde_json::from_str(&document::to_json(&budget_2024())).unwrap();
    for document in [golden(), with_scenarios] {
        SCHEMA.with(|schema| assert!(schema.is_valid(&document), "{:?}", schema.validate(&document).err()));
        assert!(document::from_json(&document.to_string()).is_ok());
    }
}

#[test]
fn null_stands_for_an_absent_optional_value_in_both() {
    let mut document = golden();
    document["plan"]["lines"][0]["service"] = Value::Null;
    document["plan"]["lines"][0]["formula"] = Value::Null;
    document["plan"]["closed_through"] = Value::Null;
    SCHEMA.with(|schema| assert!(schema.is_valid(&document)));
    let plan = document::from_json(&document.to_string()).unwrap();
    assert_eq!((plan.lines[0].service, plan.lines[0].formula.as_deref(), plan.closed_through), (None, None, None));
}

proptest! {
    #![proptest_config(common::config("schema"))]

    /// Whatever the reader reads opens.
    #[test]
    fn what_the_reader_reads_opens(document in changed_document()) {
        if let Ok(plan) = document::from_json(&document.to_string()) {
            prop_assert!(Engine::new(plan).is_ok(), "read but not opened: {}", document);
        }
    }

    /// The schema accepts a document exactly when the reader reads it, but
    /// for what a schema cannot say (see [`beyond_the_schema`]).
    #[test]
    fn the_schema_accepts_what_the_reader_reads(document in changed_document()) {
        let accepted = SCHEMA.with(|schema| schema.is_valid(&document));
        match document::from_json(&document.to_string()) {
            Ok(_) => prop_assert!(
                accepted,
                "read but refused by the schema: {:?}",
                SCHEMA.with(|schema| schema.validate(&document).err().map(|e| format!("{e} at {}", e.instance_path())))
            ),
            Err(error) if accepted => prop_assert!(
                beyond_the_schema(&error, &document),
                "accepted by the schema but refused by the reader: {:?}", error
            ),
            Err(_) => {}
        }
    }
}

/// What the reader refuses though the schema cannot say it: ids unique in
/// their list, references that point at something, forecasts within the
/// range of amounts, quantities that an exact decimal holds (28 decimals,
/// 29 digits), and whole numbers written with a zero fraction (`2.0`), which
/// JSON Schema counts as integers.
fn beyond_the_schema(error: &DocumentError, document: &Value) -> bool {
    let zero_fraction = |value: Option<&Value>| value.and_then(Value::as_f64).is_some_and(|n| n.fract() == 0.0);
    let problems = match error {
        DocumentError::BadVersion => return zero_fraction(document.get("version")),
        DocumentError::Invalid(problems) => problems,
        _ => return false,
    };
    problems.iter().all(|located| match &located.problem {
        Problem::DuplicateId { .. }
        | Problem::UnknownReference { .. }
        | Problem::UnknownEntry { .. }
        | Problem::BilledTwice { .. }
        | Problem::OutOfRange { .. }
        // One value a period of the indicator's periodicity.
        | Problem::Periods { .. } => true,
        // The range of amounts and their öre.
        Problem::NotAnAmount { error, .. } => matches!(error, AmountError::OutOfRange | AmountError::TooManyDecimals),
        Problem::WrongType { expected: Expected::WholeNumber } => zero_fraction(at(document, &located.path)),
        // A derived price needs the pool it is derived from.
        Problem::Missing => located.path.starts_with("allocation.prices[") && located.path.ends_with(".pool"),
        // A status rule's margin beyond its range (a percentage up to 100).
        Problem::NotAllowed { found } if found == "a margin out of range" => true,
        // A decimal beyond the range or precision its value allows.
        Problem::NotAllowed { .. } => at(document, &located.path)
            .and_then(Value::as_str)
            .is_some_and(|text| text.trim_start_matches('-').bytes().all(|b| b.is_ascii_digit() || b == b'.')),
        _ => false,
    })
}

/// The value at a path relative to the plan, `lines[3].id`.
fn at<'a>(document: &'a Value, path: &str) -> Option<&'a Value> {
    let pointer: String = path.split(['.', '[']).map(|step| format!("/{}", step.trim_end_matches(']'))).collect();
    document.pointer(&format!("/plan{pointer}"))
}

/// A change to one place of a document, as a person or another program
/// might make it.
#[derive(Clone, Debug)]
enum Change {
    Remove,
    Null,
    Set(Value),
    /// A field the format does not have.
    Extra,
    /// A text written as a JSON number, where it reads as one.
    Number,
    /// An item of a list twice.
    Repeat,
}

fn change() -> impl Strategy<Value = Change> {
    let values = vec![
        json!(0),
        json!(-1),
        json!(2),
        json!(12),
        json!(13),
        json!(1899),
        json!(2200),
        json!(4_294_967_295u64),
        json!(4_294_967_296u64),
        json!(1.5),
        json!(1.0),
        json!(3.0),
        json!(true),
        json!(""),
        json!("x"),
        json!("12.50"),
        json!("-7"),
        json!("0.125"),
        json!("1e5"),
        json!("1000000000000000.00"),
        json!("1000000000000000.01"),
        json!("0999999999999999.99"),
        json!("00000000000000001"),
        json!("99999999999999999999999999999999"),
        json!("budget"),
        json!("manual"),
        json!("driver"),
        json!("revenue"),
        json!("development"),
        json!([]),
        json!({}),
        json!(vec!["1.00"; 12]),
        json!(vec!["1.00"; 11]),
        json!({"method": "budget"}),
        json!({"method": "driver", "driver": 1, "price": "10.00"}),
    ];
    prop_oneof![
        1 => Just(Change::Remove),
        1 => Just(Change::Null),
        1 => Just(Change::Extra),
        1 => Just(Change::Number),
        1 => Just(Change::Repeat),
        3 => prop::sample::select(values).prop_map(Change::Set),
    ]
}

/// Every place in `value`, depth first, as JSON pointers.
fn places(value: &Value, pointer: String, out: &mut Vec<String>) {
    match value {
        Value::Object(fields) => fields.iter().for_each(|(name, v)| places(v, format!("{pointer}/{name}"), out)),
        Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| places(v, format!("{pointer}/{i}"), out)),
        _ => {}
    }
    out.push(pointer);
}

fn apply(document: &mut Value, pointer: &str, change: &Change) {
    let (parent, last) = pointer.rsplit_once('/').unwrap_or(("", ""));
    if let Change::Remove | Change::Repeat = change {
        match (document.pointer_mut(parent), change) {
            (Some(Value::Object(fields)), Change::Remove) => drop(fields.remove(last)),
            (Some(Value::Array(items)), Change::Remove) => drop(items.remove(last.parse().unwrap())),
            (Some(Value::Array(items)), _) => items.push(items[last.parse::<usize>().unwrap()].clone()),
            _ => {}
        }
        return;
    }
    let Some(target) = document.pointer_mut(pointer) else { return };
    match change {
        Change::Null => *target = Value::Null,
        Change::Set(value) => *target = value.clone(),
        Change::Extra => {
            if let Value::Object(fields) = target {
                fields.insert("extra".into(), json!(1));
            }
        }
        Change::Number => {
            if let Some(n) = target.as_str().and_then(|t| t.parse::<f64>().ok()).and_then(serde_json::Number::from_f64)
            {
                *target = Value::Number(n);
            }
        }
        Change::Remove | Change::Repeat => {}
    }
}

/// A document of an arbitrary plan or the golden file, changed in one to
/// three places.
fn changed_document() -> impl Strategy<Value = Value> {
    let golden = golden();
    let plans = common::plan().prop_map(|plan| serde_json::from_str(&document::to_json(&plan)).unwrap());
    let scenarios: Value = serde_json::from_str(&document::to_json(&budget_2024())).unwrap();
    let base = prop_oneof![2 => plans, 1 => Just(golden), 1 => Just(scenarios)];
    (base, prop::collection::vec((any::<prop::sample::Index>(), change()), 1..4)).prop_map(|(mut document, changes)| {
        for (place, change) in &changes {
            let mut all = Vec::new();
            places(&document, String::new(), &mut all);
            apply(&mut document, place.get(&all).as_str(), change);
        }
        document
    })
}
