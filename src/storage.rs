//! The open plan in the browser's local storage.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};

use crate::document::{self, Document, DocumentError};
use crate::model::{Engine, Plan};

/// Where the open plan is kept.
pub const KEY: &str = "kalkyl.plan";
/// Where a stored plan that could not be read is kept, so that it is not lost.
pub const UNREADABLE_KEY: &str = "kalkyl.plan.unreadable";

/// Why storage failed. The plan in memory is kept either way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageFailure {
    /// The browser's storage is full (QuotaExceededError).
    Full,
    /// Storage is blocked or missing (private mode, browser settings).
    Unavailable,
    /// The stored text is not a plan; it was kept under [`UNREADABLE_KEY`].
    Unreadable(DocumentError),
}

/// Local storage, if the browser lets this page use it. Checked before every
/// use, since `LocalStorage::raw` throws where storage is blocked.
fn available() -> Result<(), StorageFailure> {
    let storage = web_sys::window().and_then(|window| window.local_storage().ok().flatten());
    storage.map(drop).ok_or(StorageFailure::Unavailable)
}

/// Saves `plan` as the open plan; on failure the stored plan is unchanged.
pub fn save(plan: &Plan) -> Result<(), StorageFailure> {
    available()?;
    LocalStorage::set(KEY, Document::of(plan)).map_err(|error| match error {
        StorageError::JsError(e) if e.name == "QuotaExceededError" => StorageFailure::Full,
        _ => StorageFailure::Unavailable,
    })
}

/// The stored plan, opened, if there is one.
pub fn load() -> Result<Option<Engine>, StorageFailure> {
    available()?;
    let storage = LocalStorage::raw();
    let Some(text) = storage.get_item(KEY).map_err(|_| StorageFailure::Unavailable)? else {
        return Ok(None);
    };
    document::open(&text).map(Some).map_err(|error| {
        // Keep the text where saving the plan does not overwrite it.
        let _ = storage.set_item(UNREADABLE_KEY, &text);
        StorageFailure::Unreadable(error)
    })
}
