//! The chain of migrations from each format version to the next.
//!
//! A migration works on the raw JSON of a document, before it is read, so a
//! file of any released version opens in this build. Each released version
//! keeps a golden file in `tests/golden/`; opening them all runs every step.

use serde_json::Value;

use crate::model::indicator::{Perspective, StatusRule};

/// A step from one format version to the next, on the document's JSON.
pub type Migration = fn(&mut Value);

/// `MIGRATIONS[i]` takes a document from version `i + 1` to `i + 2`.
pub const MIGRATIONS: &[Migration] = &[v1_to_v2];

/// Version 2 adds customers and the allocation set-up (keys, pools, rules
/// and the price list), and indicators: a plan of version 1 has none, and
/// gets the report's four perspectives and the default status rule.
fn v1_to_v2(document: &mut Value) {
    let Some(plan) = document.get_mut("plan").and_then(Value::as_object_mut) else { return };
    plan.entry("customers").or_insert_with(|| Value::Array(Vec::new()));
    let empty = || Value::Array(Vec::new());
    plan.entry("allocation").or_insert_with(
        || serde_json::json!({ "keys": empty(), "pools": empty(), "rules": empty(), "prices": empty() }),
    );
    // Serializing these plain types cannot fail.
    let perspectives = serde_json::to_value(Perspective::standard()).unwrap_or_default();
    plan.entry("perspectives").or_insert(perspectives);
    plan.entry("status_rule").or_insert_with(|| serde_json::to_value(StatusRule::default()).unwrap_or_default());
    plan.entry("indicators").or_insert_with(empty);
}

/// Brings `document` from `version` up to the current one.
pub fn migrate(document: &mut Value, version: u32) {
    let first = usize::try_from(version.saturating_sub(1)).unwrap_or(usize::MAX);
    for step in MIGRATIONS.iter().skip(first) {
        step(document);
    }
    if let Some(object) = document.as_object_mut() {
        object.insert("version".into(), Value::from(super::VERSION));
    }
}
