//! Any bytes given to the outcome importer, as a CSV (as text, however
//! encoded) and as an XLSX workbook: it may refuse them, never panic; a table
//! it reads is mapped, sampled and previewed against the example plan.
#![no_main]

use kalkyl::outcome_import::{Table, guess, preview, read_csv, read_xlsx, sample};
use libfuzzer_sys::fuzz_target;

fn map(table: &Table, plan: &kalkyl::model::Plan) {
    let mapping = guess(table);
    let _ = sample(table, &mapping, 3);
    let _ = preview(plan, table, &mapping).command();
    let _ = table.find(&String::from_utf8_lossy(&table.label(0, true).into_bytes()), true);
}

fuzz_target!(|data: &[u8]| {
    let plan = kalkyl::model::example::april_2023();
    if let Ok(table) = read_csv(&String::from_utf8_lossy(data)) {
        map(&table, &plan);
    }
    if let Ok(table) = read_xlsx(data) {
        map(&table, &plan);
    }
});
