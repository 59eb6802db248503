//! Plans in the browser's storage.
//!
//! Local storage holds the library index and the current generation of each
//! plan: small, and written at once, so a save on closing the page completes.
//! Each save is a new generation with a higher revision; it is read back and
//! parsed before the index points at it, so a failed or cut-off write never
//! replaces good data. A save names the revision it started from: if storage
//! holds a newer one (another tab saved the same plan), it is refused as a
//! conflict. Backups live in IndexedDB, which has room for them: the last
//! three generations and one copy a day for a week.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use crate::document::{self, DocumentError};
use crate::model::{Engine, Plan};

/// Where the library index is kept.
pub const INDEX_KEY: &str = "kalkyl.library";
/// Generations of a plan backed up besides the daily backups.
const GENERATIONS: u64 = 3;
/// Daily backups kept of a plan.
const DAYS: usize = 7;

/// Why storage failed. The plan in memory is kept either way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageFailure {
    /// The browser's storage is full (QuotaExceededError).
    Full,
    /// Storage is blocked or missing (private mode, browser settings).
    Unavailable,
    /// A stored plan or the index cannot be read; it is left as it is.
    Unreadable(DocumentError),
    /// Another tab saved this plan since it was opened here: revision `stored`.
    Conflict { stored: u64 },
}

/// A plan in the library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
    /// The revision of the current generation; 0 before the first save.
    pub revision: u64,
    /// When it was last saved and last exported to a file (local time, for display).
    pub saved: Option<String>,
    pub exported: Option<String>,
    /// The days with a backup, oldest first (`2026-11-23`).
    #[serde(default)]
    pub days: Vec<String>,
}

/// The list of plans in this browser.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub plans: Vec<Entry>,
    /// The plan opened last, opened again on the next visit.
    pub last_open: Option<String>,
}

impl Index {
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.plans.iter().find(|entry| entry.id == id)
    }

    fn entry_mut(&mut self, id: &str) -> Option<&mut Entry> {
        self.plans.iter_mut().find(|entry| entry.id == id)
    }
}

/// A backup of a plan that can be restored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Backup {
    Generation(u64),
    Day(String),
}

fn generation_key(id: &str, revision: u64) -> String {
    format!("kalkyl.plan.{id}.r{revision}")
}

fn day_key(id: &str, day: &str) -> String {
    format!("kalkyl.plan.{id}.day.{day}")
}

fn storage() -> Result<web_sys::Storage, StorageFailure> {
    // Checked before every use: `LocalStorage::raw` throws where storage is blocked.
    let storage = web_sys::window().and_then(|window| window.local_storage().ok().flatten());
    storage.ok_or(StorageFailure::Unavailable)
}

/// The failure a browser error's name stands for.
fn named(name: &str) -> StorageFailure {
    if name == "QuotaExceededError" { StorageFailure::Full } else { StorageFailure::Unavailable }
}

fn failure(error: wasm_bindgen::JsValue) -> StorageFailure {
    use wasm_bindgen::JsCast;
    named(&error.dyn_ref::<web_sys::DomException>().map(web_sys::DomException::name).unwrap_or_default())
}

fn set(key: &str, value: &str) -> Result<(), StorageFailure> {
    storage()?.set_item(key, value).map_err(failure)
}

fn get(key: &str) -> Result<Option<String>, StorageFailure> {
    storage()?.get_item(key).map_err(|_| StorageFailure::Unavailable)
}

fn remove(key: &str) {
    if let Ok(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// The library index; empty when there is none yet.
pub fn index() -> Result<Index, StorageFailure> {
    storage()?;
    match LocalStorage::get::<Index>(INDEX_KEY) {
        Ok(index) => Ok(index),
        Err(StorageError::KeyNotFound(_)) => Ok(Index::default()),
        Err(StorageError::SerdeError(_)) => Err(StorageFailure::Unreadable(DocumentError::NotKalkyl)),
        Err(StorageError::JsError(_)) => Err(StorageFailure::Unavailable),
    }
}

fn write_index(index: &Index) -> Result<(), StorageFailure> {
    let text = serde_json::to_string(index).map_err(|_| StorageFailure::Unavailable)?;
    set(INDEX_KEY, &text)
}

/// A saved generation, to back up.
pub struct Saved {
    pub revision: u64,
    pub text: String,
}

/// Saves `plan` as a new generation of plan `id`, which was at revision
/// `known` when this tab read it. `now` stamps the save.
pub fn save(id: &str, plan: &Plan, known: u64, now: &str) -> Result<Saved, StorageFailure> {
    let mut index = index()?;
    let stored = index.entry(id).map_or(0, |entry| entry.revision);
    if stored != known {
        return Err(StorageFailure::Conflict { stored });
    }
    let text = document::to_compact_json(plan);
    let revision = known + 1;
    let key = generation_key(id, revision);
    set(&key, &text)?;
    // Read back and parse before the index points at it.
    if get(&key)?.as_deref().map(document::from_json).and_then(Result::ok).is_none() {
        remove(&key);
        return Err(StorageFailure::Unavailable);
    }
    if index.entry(id).is_none() {
        index.plans.push(Entry {
            id: id.into(),
            name: String::new(),
            revision: 0,
            saved: None,
            exported: None,
            days: vec![],
        });
    }
    if let Some(entry) = index.entry_mut(id) {
        entry.revision = revision;
        entry.name = plan.name.clone();
        entry.saved = Some(now.into());
    }
    index.last_open = Some(id.into());
    if let Err(error) = write_index(&index) {
        remove(&key);
        return Err(error);
    }
    remove(&generation_key(id, known));
    Ok(Saved { revision, text })
}

/// Backs up a saved generation in IndexedDB, and the day's first save as the
/// day's backup; drops what is older than three generations and a week.
pub async fn back_up(id: &str, saved: &Saved, today: &str) -> Result<(), StorageFailure> {
    let full = |error: crate::idb::IdbError| named(&error.0);
    crate::idb::put(&generation_key(id, saved.revision), &saved.text).await.map_err(full)?;
    if saved.revision > GENERATIONS {
        let _ = crate::idb::delete(&generation_key(id, saved.revision - GENERATIONS)).await;
    }
    let has_day = index()?.entry(id).is_some_and(|entry| entry.days.iter().any(|day| day == today));
    if has_day {
        return Ok(());
    }
    crate::idb::put(&day_key(id, today), &saved.text).await.map_err(full)?;
    let mut index = index()?;
    let Some(entry) = index.entry_mut(id) else { return Ok(()) };
    entry.days.push(today.into());
    let excess = entry.days.len().saturating_sub(DAYS);
    let stale: Vec<String> = entry.days.drain(..excess).collect();
    write_index(&index)?;
    for day in stale {
        let _ = crate::idb::delete(&day_key(id, &day)).await;
    }
    Ok(())
}

/// Opens plan `id` at its current generation, with its revision.
pub fn load(id: &str) -> Result<(Engine, u64), StorageFailure> {
    let index = index()?;
    let revision = index.entry(id).map_or(0, |entry| entry.revision);
    let text = get(&generation_key(id, revision))?.ok_or(StorageFailure::Unreadable(DocumentError::NotKalkyl))?;
    let engine = document::open(&text).map_err(StorageFailure::Unreadable)?;
    Ok((engine, revision))
}

/// The backups of plan `id` that can be restored, newest first.
pub fn backups(id: &str) -> Vec<Backup> {
    let Ok(index) = index() else { return Vec::new() };
    let Some(entry) = index.entry(id) else { return Vec::new() };
    let generations = (entry.revision.saturating_sub(GENERATIONS - 1).max(1)..=entry.revision).rev();
    generations.map(Backup::Generation).chain(entry.days.iter().rev().cloned().map(Backup::Day)).collect()
}

/// A backup of plan `id`.
pub async fn read_backup(id: &str, backup: &Backup) -> Result<Plan, StorageFailure> {
    let key = match backup {
        Backup::Generation(revision) => generation_key(id, *revision),
        Backup::Day(day) => day_key(id, day),
    };
    let text = crate::idb::get(&key).await.map_err(|_| StorageFailure::Unavailable)?;
    let text = text.ok_or(StorageFailure::Unreadable(DocumentError::NotKalkyl))?;
    document::from_json(&text).map_err(StorageFailure::Unreadable)
}

/// Removes plan `id` from the library and its stored copies.
pub fn delete(id: &str) -> Result<(), StorageFailure> {
    let mut index = index()?;
    let Some(position) = index.plans.iter().position(|entry| entry.id == id) else { return Ok(()) };
    let entry = index.plans.remove(position);
    if index.last_open.as_deref() == Some(id) {
        index.last_open = None;
    }
    write_index(&index)?;
    remove(&generation_key(id, entry.revision));
    let id = id.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        for revision in entry.revision.saturating_sub(GENERATIONS)..=entry.revision {
            let _ = crate::idb::delete(&generation_key(&id, revision)).await;
        }
        for day in &entry.days {
            let _ = crate::idb::delete(&day_key(&id, day)).await;
        }
    });
    Ok(())
}

/// Records that plan `id` was exported to a file at `now`.
pub fn mark_exported(id: &str, now: &str) -> Result<(), StorageFailure> {
    let mut index = index()?;
    if let Some(entry) = index.entry_mut(id) {
        entry.exported = Some(now.into());
    }
    write_index(&index)
}

/// Remembers `id` as the plan to open on the next visit.
pub fn remember_open(id: &str) -> Result<(), StorageFailure> {
    let mut index = index()?;
    index.last_open = Some(id.into());
    write_index(&index)
}
