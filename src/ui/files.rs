//! Plans to and from files: download an export, read an imported file.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::store::Store;
use crate::document::{self, DocumentError, MAX_BYTES};
use crate::model::Command;

/// A file name for `plan`: its name without characters file systems refuse.
pub fn file_name(plan: &str) -> String {
    let clean: String =
        plan.chars().map(|c| if "/\\:*?\"<>|".contains(c) || c.is_control() { '_' } else { c }).collect();
    let clean = clean.trim();
    format!("{}.kalkyl.json", if clean.is_empty() { "plan" } else { clean })
}

/// Offers `bytes` to the user as a downloaded file called `name`.
pub fn download(name: &str, bytes: &[u8], mime: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes).into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let link = document.create_element("a").ok()?.dyn_into::<web_sys::HtmlAnchorElement>().ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}

/// Exports the open plan as `<plan name>.kalkyl.json`.
pub fn export(store: Store) {
    let (name, text) = store.read(|engine| (file_name(&engine.plan().name), document::to_json(engine.plan())));
    if download(&name, text.as_bytes(), "application/json").is_some() {
        store.exported();
    }
}

/// The plan's name with another extension: `Plan.csv`.
fn named(store: Store, extension: &str) -> String {
    file_name(&store.read(|engine| engine.plan().name.clone())).replace(".kalkyl.json", extension)
}

/// Exports the current view as CSV for Swedish Excel.
pub fn export_csv(store: Store) {
    let text = store.read(|engine| crate::export::csv(engine, store.view.get_untracked(), store.lang.get_untracked()));
    download(&named(store, ".csv"), text.as_bytes(), "text/csv;charset=utf-8");
}

/// Exports every view as an Excel workbook.
pub fn export_xlsx(store: Store) {
    let lang = store.lang.get_untracked();
    match store.read(|engine| crate::export::xlsx(engine, lang)) {
        Ok(bytes) => {
            download(
                &named(store, ".xlsx"),
                &bytes,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            );
        }
        Err(error) => store.import_report.set(Some((error.to_string(), Vec::new()))),
    }
}

/// The bytes of `file`, read whole; `None` over the size limit, which is
/// checked before reading.
async fn bytes(file: &web_sys::File) -> Option<Vec<u8>> {
    if file.size() > MAX_BYTES as f64 {
        return None;
    }
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Reads a CSV or XLSX table of outcome into `table`, or says why not.
pub fn read_outcome(store: Store, file: web_sys::File, table: RwSignal<Option<crate::outcome_import::Table>>) {
    let lang = store.lang.get_untracked();
    leptos::task::spawn_local(async move {
        let Some(bytes) = bytes(&file).await else {
            let error = DocumentError::TooLarge { bytes: file.size() as usize };
            return store.import_report.set(Some((lang.document_error(&error), Vec::new())));
        };
        let read = if file.name().to_lowercase().ends_with(".xlsx") {
            crate::outcome_import::read_xlsx(&bytes)
        } else {
            // UTF-8, or else Windows' Latin-1 as older Swedish Excel saves CSV.
            let text =
                String::from_utf8(bytes).unwrap_or_else(|e| e.into_bytes().iter().map(|b| char::from(*b)).collect());
            crate::outcome_import::read_csv(&text)
        };
        match read {
            Ok(read) => table.set(Some(read)),
            Err(error) => store.import_report.set(Some((lang.unreadable_table(&error), Vec::new()))),
        }
    });
}

/// Imports `file`: read whole and checked before anything changes; opened as
/// a new plan, or with `over` as one undoable step over the open plan.
/// Problems go to the store's import report.
pub fn import(store: Store, file: web_sys::File, over: bool) {
    let lang = store.lang.get_untracked();
    let report = move |error: DocumentError| {
        let details = match &error {
            DocumentError::Invalid(problems) => problems.iter().map(|p| lang.problem(p)).collect(),
            _ => Vec::new(),
        };
        store.import_report.set(Some((lang.document_error(&error), details)));
    };
    leptos::task::spawn_local(async move {
        let Some(bytes) = bytes(&file).await else {
            return report(DocumentError::TooLarge { bytes: file.size() as usize });
        };
        match document::from_bytes(&bytes) {
            Err(error) => report(error),
            Ok(plan) => {
                store.import_report.set(None);
                let result = if over { store.execute(Command::Replace(Box::new(plan))) } else { store.open_new(plan) };
                if let Err(error) = result {
                    store.import_report.set(Some((lang.command_error(&error), Vec::new())));
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_keep_the_plan_name_and_drop_what_file_systems_refuse() {
        assert_eq!(file_name("Månadsrapport april 2023"), "Månadsrapport april 2023.kalkyl.json");
        assert_eq!(file_name("Budget 2024/25: \"ny\""), "Budget 2024_25_ _ny_.kalkyl.json");
        assert_eq!(file_name("  "), "plan.kalkyl.json");
    }
}
