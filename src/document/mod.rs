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

use crate::model::calc::{Calc, OutOfRange};
use crate::model::{Engine, Plan};
pub use read::{Expected, Located, Problem};

/// The value of the `format` field that marks a Kalkyl document.
pub const FORMAT: &str = "kalkyl";
/// The format version this build writes.
pub const VERSION: u32 = 2;
/// The largest file opened, in bytes; checked before a file is read.
pub const MAX_BYTES: usize = 40_000_000;
/// The byte-order mark some Windows programs put before UTF-8 text.
const BOM: &[u8] = b"\xEF\xBB\xBF";

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

/// The JSON Schema of the format, generated from the types the writer
/// uses; every object closed to fields it does not name and every id
/// within its range, as the reader has them.
#[cfg(not(target_arch = "wasm32"))]
pub fn schema() -> Value {
    fn close(value: &mut Value) {
        match value {
            Value::Object(map) => {
                if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                    map.insert("additionalProperties".into(), Value::Bool(false));
                }
                // A validator need not check formats: say the range of ids.
                if map.get("format").and_then(Value::as_str) == Some("uint32") && !map.contains_key("maximum") {
                    map.insert("maximum".into(), u32::MAX.into());
                }
                map.values_mut().for_each(close);
            }
            Value::Array(items) => items.iter_mut().for_each(close),
            _ => {}
        }
    }
    let mut schema = serde_json::to_value(schemars::schema_for!(Document<'static>)).unwrap_or_default();
    close(&mut schema);
    // What the reader checks of the envelope: the format's name, a version
    // it knows (older ones are migrated), and the app only told, if at all.
    schema["properties"]["format"]["const"] = FORMAT.into();
    schema["properties"]["version"]["minimum"] = 1.into();
    schema["properties"]["version"]["maximum"] = VERSION.into();
    schema["required"] = serde_json::json!(["format", "version", "plan"]);
    schema
}

/// Why a text is not a plan this build can open. Nothing is opened then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentError {
    /// Larger than [`MAX_BYTES`].
    TooLarge { bytes: usize },
    /// Not UTF-8 text (perhaps Latin-1): the position of the first byte that
    /// is not, counted from 0.
    NotUtf8 { byte: usize },
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

/// The document of `plan` as compact JSON, for files and browser storage:
/// the same bytes for the same plan, and what is written can be read (a
/// plan of 20 000 lines is about 15 MB, well within [`MAX_BYTES`]).
pub fn to_json(plan: &Plan) -> String {
    // A plan holds only strings, numbers and sequences: serializing cannot fail.
    serde_json::to_string(&Document::of(plan)).unwrap_or_default()
}

/// Opens a document: reads it whole, checks it and computes its figures.
pub fn open(text: &str) -> Result<Engine, DocumentError> {
    let plan = from_json(text)?;
    // `from_json` computed every figure already.
    Engine::new(plan).map_err(|error| out_of_range(String::new(), error))
}

/// A figure of the line `error` names, at `path`, leaves the range of amounts.
fn out_of_range(path: String, error: OutOfRange) -> DocumentError {
    DocumentError::Invalid(vec![Located { path, problem: Problem::OutOfRange { line: error.name } }])
}

/// Reads a file's bytes: its size first, then UTF-8 (after a byte-order
/// mark, which is skipped), then the document as [`from_json`] does.
pub fn from_bytes(bytes: &[u8]) -> Result<Plan, DocumentError> {
    if bytes.len() > MAX_BYTES {
        return Err(DocumentError::TooLarge { bytes: bytes.len() });
    }
    let skipped = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let text = std::str::from_utf8(&bytes[skipped..])
        .map_err(|error| DocumentError::NotUtf8 { byte: skipped + error.valid_up_to() })?;
    from_json(text)
}

/// Reads a document: its size, JSON, format and version first, then the
/// plan, migrated from an older version, reporting every problem found.
pub fn from_json(text: &str) -> Result<Plan, DocumentError> {
    if text.len() > MAX_BYTES {
        return Err(DocumentError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
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
    let plan = read::document(&document).map_err(DocumentError::Invalid)?;
    // What is read must open: every figure computed within range.
    if let Err(error) = Calc::full(&plan) {
        let place = plan.lines.iter().position(|line| line.id == error.line).unwrap_or_default();
        return Err(out_of_range(format!("lines[{place}]"), error));
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example::april_2023;

    #[test]
    fn a_plan_reads_back_equal_and_writes_the_same_bytes() {
        let plan = april_2023();
        let json = to_json(&plan);
        assert!(json.starts_with("{\"format\":\"kalkyl\",\"version\":2,"), "compact");
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

    #[test]
    fn bytes_are_utf8_after_an_optional_byte_order_mark() {
        let json = to_json(&april_2023());
        let with_bom = [BOM, json.as_bytes()].concat();
        assert_eq!(from_bytes(&with_bom), Ok(april_2023()));
        assert_eq!(from_json(&format!("\u{feff}{json}")), Ok(april_2023()));
        let latin1 = json.replacen("Månadsrapport", "M\u{1}nadsrapport", 1);
        let mut bytes = latin1.into_bytes();
        let at = bytes.iter().position(|b| *b == 1).unwrap();
        bytes[at] = 0xE5; // å in Latin-1
        assert_eq!(from_bytes(&bytes), Err(DocumentError::NotUtf8 { byte: at }));
        bytes.splice(0..0, BOM.iter().copied());
        assert_eq!(from_bytes(&bytes), Err(DocumentError::NotUtf8 { byte: at + 3 }), "counted in the file");
    }
}
