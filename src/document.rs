//! The Kalkyl document: a plan wrapped with its format and version, as it is
//! kept in browser storage and written to files.

use serde::{Deserialize, Serialize};

use crate::model::{Engine, Plan};

/// The value of the `format` field that marks a Kalkyl document.
pub const FORMAT: &str = "kalkyl";
/// The format version this build writes.
pub const VERSION: u32 = 1;

/// A plan as a document, ready to serialize.
#[derive(Serialize)]
pub struct Document<'a> {
    format: &'static str,
    version: u32,
    app: &'static str,
    plan: &'a Plan,
}

impl<'a> Document<'a> {
    pub fn of(plan: &'a Plan) -> Document<'a> {
        Document { format: FORMAT, version: VERSION, app: env!("CARGO_PKG_VERSION"), plan }
    }
}

#[derive(Deserialize)]
struct Envelope {
    format: Option<String>,
    version: Option<u32>,
}

#[derive(Deserialize)]
struct Incoming {
    plan: Plan,
}

/// Why a text is not a plan this build can open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentError {
    /// Not JSON, or JSON without `"format": "kalkyl"`.
    NotKalkyl,
    /// Written by a newer Kalkyl, in a format version this build does not know.
    NewerVersion(u32),
    /// A Kalkyl document whose content is wrong; the parser's own description.
    Invalid(String),
}

/// The document of `plan` as JSON.
pub fn to_json(plan: &Plan) -> String {
    // A plan holds only strings, numbers and sequences: serializing cannot fail.
    serde_json::to_string(&Document::of(plan)).unwrap_or_default()
}

/// Opens a document: reads it and computes its figures.
pub fn open(text: &str) -> Result<Engine, DocumentError> {
    let plan = from_json(text)?;
    Engine::new(plan).map_err(|_| DocumentError::Invalid("a total is out of range".into()))
}

/// Reads a document, checking its format and version before its content.
pub fn from_json(text: &str) -> Result<Plan, DocumentError> {
    let envelope: Envelope = serde_json::from_str(text).map_err(|_| DocumentError::NotKalkyl)?;
    if envelope.format.as_deref() != Some(FORMAT) {
        return Err(DocumentError::NotKalkyl);
    }
    match envelope.version {
        Some(VERSION) => {}
        Some(newer) if newer > VERSION => return Err(DocumentError::NewerVersion(newer)),
        _ => return Err(DocumentError::Invalid("unknown format version".into())),
    }
    let doc: Incoming = serde_json::from_str(text).map_err(|e| DocumentError::Invalid(e.to_string()))?;
    Ok(doc.plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example::april_2023;

    #[test]
    fn a_plan_reads_back_equal() {
        let plan = april_2023();
        let json = to_json(&plan);
        assert!(json.starts_with(r#"{"format":"kalkyl","version":1,"#));
        assert!(json.contains(r#""budget":[""#), "amounts are strings");
        assert_eq!(from_json(&json), Ok(plan));
    }

    #[test]
    fn refuses_what_it_cannot_open() {
        assert_eq!(from_json("not json"), Err(DocumentError::NotKalkyl));
        assert_eq!(from_json(r#"{"format":"excel"}"#), Err(DocumentError::NotKalkyl));
        assert_eq!(from_json(r#"{"format":"kalkyl","version":2}"#), Err(DocumentError::NewerVersion(2)));
        let mut doc: serde_json::Value = serde_json::from_str(&to_json(&april_2023())).unwrap();
        doc["plan"]["lines"][0]["budget"][0] = serde_json::json!(1000);
        let error = from_json(&doc.to_string()).unwrap_err();
        assert!(matches!(&error, DocumentError::Invalid(m) if m.contains("string")), "{error:?}");
    }
}
