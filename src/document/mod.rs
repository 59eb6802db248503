//! The Kalkyl document: a plan with its format and version, as it is kept in
//! browser storage and written to files (`<plan>.kalkyl.json`).
//!
//! Amounts are decimal strings with two decimals (`"1449802.00"`), never JSON
//! numbers; ids are stable; the output is ordered, so an unchanged plan
//! writes the same bytes every time. The format is described in
//! `docs/file-format.md` and `docs/kalkyl.schema.json`.

pub mod migrate;
pub mod read;

use serde::Serialize;
use serde_json::Value;

use crate::model::{Engine, Plan};
pub use read::{Expected, Located, Problem};

/// The value of the `format` field that marks a Kalkyl document.
pub const FORMAT: &str = "kalkyl";
/// The format version this build writes.
pub const VERSION: u32 = 2;
/// The largest file opened, in bytes; checked before a file is read.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// A plan as a document, ready to serialize.
#[derive(Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(title = "Kalkyl plan file"))]
pub struct Document<'a> {
    /// Always "kalkyl".
    format: &'static str,
    /// The format version, 2 for this one.
    version: u32,
    /// The version of Kalkyl that wrote the file.
    app: &'static str,
    plan: &'a Plan,
}

impl<'a> Document<'a> {
    pub fn of(plan: &'a Plan) -> Document<'a> {
        Document { format: FORMAT, version: VERSION, app: env!("CARGO_PKG_VERSION"), plan }
    }
}

/// Why a text is not a plan this build can open. Nothing is opened then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentError {
    /// Larger than [`MAX_BYTES`].
    TooLarge { bytes: usize },
    /// Not JSON: where reading stopped.
    NotJson { line: usize, column: usize },
    /// JSON without `"format": "kalkyl"`.
    NotKalkyl,
    /// Written by a newer Kalkyl, in a format version this build does not know.
    NewerVersion(u32),
    /// A version that is not a positive whole number.
    BadVersion,
    /// A Kalkyl document with problems, every one with its place.
    Invalid(Vec<Located>),
}

/// The document of `plan` as JSON for a file, indented for people; the
/// same bytes for the same plan.
pub fn to_json(plan: &Plan) -> String {
    // A plan holds only strings, numbers and sequences: serializing cannot fail.
    serde_json::to_string_pretty(&Document::of(plan)).unwrap_or_default()
}

/// The document of `plan` as compact JSON, for browser storage.
pub fn to_compact_json(plan: &Plan) -> String {
    serde_json::to_string(&Document::of(plan)).unwrap_or_default()
}

/// Opens a document: reads it whole, checks it and computes its figures.
pub fn open(text: &str) -> Result<Engine, DocumentError> {
    let plan = from_json(text)?;
    Engine::new(plan)
        .map_err(|_| DocumentError::Invalid(vec![Located { path: String::new(), problem: Problem::OutOfRange }]))
}

/// Reads a document: its size, JSON, format and version first, then the
/// plan, migrated from an older version, reporting every problem found.
pub fn from_json(text: &str) -> Result<Plan, DocumentError> {
    if text.len() > MAX_BYTES {
        return Err(DocumentError::TooLarge { bytes: text.len() });
    }
    let mut document: Value =
        serde_json::from_str(text).map_err(|e| DocumentError::NotJson { line: e.line(), column: e.column() })?;
    if document.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(DocumentError::NotKalkyl);
    }
    let version = document.get("version").and_then(Value::as_u64).and_then(|v| u32::try_from(v).ok());
    match version {
        Some(v) if v > VERSION => return Err(DocumentError::NewerVersion(v)),
        Some(v) if v >= 1 => migrate::migrate(&mut document, v),
        _ => return Err(DocumentError::BadVersion),
    }
    read::document(&document).map_err(DocumentError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example::april_2023;

    #[test]
    fn a_plan_reads_back_equal_and_writes_the_same_bytes() {
        let plan = april_2023();
        let json = to_json(&plan);
        assert!(json.starts_with("{\n  \"format\": \"kalkyl\",\n  \"version\": 2,"));
        assert!(json.contains("\"179983000.00\"") || json.contains(".00\""), "amounts are strings with öre");
        let read = from_json(&json).unwrap();
        assert_eq!(read, plan);
        assert_eq!(to_json(&read), json);
    }

    #[test]
    fn refuses_what_it_cannot_open() {
        assert!(matches!(from_json("not json"), Err(DocumentError::NotJson { line: 1, .. })));
        assert_eq!(from_json(r#"{"format":"excel"}"#), Err(DocumentError::NotKalkyl));
        assert_eq!(from_json(r#"{"format":"kalkyl","version":3}"#), Err(DocumentError::NewerVersion(3)));
        assert_eq!(from_json(r#"{"format":"kalkyl","version":0}"#), Err(DocumentError::BadVersion));
        assert_eq!(from_json(r#"{"format":"kalkyl","version":"1"}"#), Err(DocumentError::BadVersion));
    }
}
