//! The chain of migrations from each format version to the next.
//!
//! A migration works on the raw JSON of a document, before it is read, so a
//! file of any released version opens in this build. Each released version
//! keeps a golden file in `tests/golden/`; opening them all runs every step.

use serde_json::Value;

/// A step from one format version to the next, on the document's JSON.
pub type Migration = fn(&mut Value);

/// `MIGRATIONS[i]` takes a document from version `i + 1` to `i + 2`. Version 1
/// is the first, so there is none yet.
pub const MIGRATIONS: &[Migration] = &[];

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
