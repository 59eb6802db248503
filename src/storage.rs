//! Plans in the browser's storage.
//!
//! IndexedDB holds the library index, each plan's last three generations and
//! a week of daily copies; its quota is a share of the disk. A save is one
//! transaction: it checks that the stored revision is the one this tab
//! started from (else another tab saved the plan: a conflict), writes the new
//! generation, points the index at it and drops what has aged out, all or
//! nothing, so a failed or cut-off save never replaces good data. Every
//! change is announced to the other tabs on a `BroadcastChannel`.
//!
//! Local storage keeps what must be written at once: the journal, a plan's
//! unsaved edits written as the page closes and saved on the next start.
//! Before IndexedDB, local storage held the library itself; [`migrate`]
//! moves it over.

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::document::{self, DocumentError};
use crate::idb::{IdbError, Transaction};
use crate::model::{Engine, Plan};

/// Where the library index is kept, in IndexedDB (and before, in local storage).
pub const INDEX_KEY: &str = "kalkyl.library";
/// The start of a journal's key in local storage: `kalkyl.unsaved.<id>.r<revision>`.
const JOURNAL_PREFIX: &str = "kalkyl.unsaved.";
/// The channel on which tabs announce changes to the library.
const CHANNEL: &str = "kalkyl.library";
/// Generations of a plan kept, the current one included.
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

impl From<IdbError> for StorageFailure {
    fn from(error: IdbError) -> StorageFailure {
        if error.0 == "QuotaExceededError" { StorageFailure::Full } else { StorageFailure::Unavailable }
    }
}

/// A plan in the library.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
    /// The revision of the current generation.
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

    /// The stored revision of plan `id`; 0 when it has none.
    pub fn revision(&self, id: &str) -> u64 {
        self.entry(id).map_or(0, |entry| entry.revision)
    }

    /// The entry of plan `id`, added when there is none.
    fn entry_mut(&mut self, id: &str) -> &mut Entry {
        let position = self.plans.iter().position(|entry| entry.id == id).unwrap_or_else(|| {
            let entry =
                Entry { id: id.into(), name: String::new(), revision: 0, saved: None, exported: None, days: vec![] };
            self.plans.push(entry);
            self.plans.len() - 1
        });
        &mut self.plans[position]
    }

    /// The backups of plan `id` that can be restored, newest first.
    pub fn backups(&self, id: &str) -> Vec<Backup> {
        let Some(entry) = self.entry(id) else { return Vec::new() };
        let generations = (entry.revision.saturating_sub(GENERATIONS - 1).max(1)..=entry.revision).rev();
        generations.map(Backup::Generation).chain(entry.days.iter().rev().cloned().map(Backup::Day)).collect()
    }
}

/// A backup of a plan that can be restored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Backup {
    Generation(u64),
    Day(String),
}

/// A plan as stored: serialized once, for the save and anything else that needs it.
pub struct Draft {
    pub name: String,
    pub text: String,
}

impl Draft {
    pub fn of(plan: &Plan) -> Draft {
        Draft { name: plan.name.clone(), text: document::to_json(plan) }
    }
}

fn generation_key(id: &str, revision: u64) -> String {
    format!("kalkyl.plan.{id}.r{revision}")
}

fn day_key(id: &str, day: &str) -> String {
    format!("kalkyl.plan.{id}.day.{day}")
}

fn unreadable() -> StorageFailure {
    StorageFailure::Unreadable(DocumentError::NotKalkyl)
}

async fn read_index(transaction: &Transaction) -> Result<Index, StorageFailure> {
    match transaction.get(INDEX_KEY).await? {
        None => Ok(Index::default()),
        Some(text) => serde_json::from_str(&text).map_err(|_| unreadable()),
    }
}

/// The library index; empty when there is none yet.
pub async fn index() -> Result<Index, StorageFailure> {
    read_index(&Transaction::begin(false).await?).await
}

/// Changes the library in one transaction: `change` gets the index, queues
/// its writes and edits the index, which is then written back. Nothing is
/// stored unless all of it is; the other tabs hear of it.
async fn change<R>(
    change: impl FnOnce(&Transaction, &mut Index) -> Result<R, StorageFailure>,
) -> Result<R, StorageFailure> {
    change_in(Transaction::begin(true).await?, change).await
}

/// [`change`] in a read-write `transaction` begun by the caller.
async fn change_in<R>(
    transaction: Transaction,
    change: impl FnOnce(&Transaction, &mut Index) -> Result<R, StorageFailure>,
) -> Result<R, StorageFailure> {
    let mut index = read_index(&transaction).await?;
    let written = change(&transaction, &mut index).and_then(|result| {
        let text = serde_json::to_string(&index).map_err(|_| StorageFailure::Unavailable)?;
        transaction.put(INDEX_KEY, &text.into())?;
        Ok(result)
    });
    match written {
        Ok(result) => {
            transaction.finish().await?;
            announce();
            Ok(result)
        }
        Err(failure) => {
            transaction.abort();
            Err(failure)
        }
    }
}

/// Saves `draft` as a new generation of plan `id`, which was at revision
/// `known` when this tab read it; `now` (`2026-11-23 10:00`) stamps the save,
/// and the day's first save is also the day's backup. Returns the new revision.
///
/// A large plan holds the main thread in parts, each in a task of its own:
/// the serialization (the caller's), making it a JavaScript string once
/// (after the database opens), storing the generation (after the index is
/// read) and, once a day, storing the backup (in a transaction of its own).
pub async fn save(id: &str, draft: &Draft, known: u64, now: &str) -> Result<u64, StorageFailure> {
    let transaction = Transaction::begin(true).await?;
    let text = JsValue::from_str(&draft.text);
    let revision = change_in(transaction, |transaction, index| {
        let stored = index.revision(id);
        if stored != known {
            return Err(StorageFailure::Conflict { stored });
        }
        let revision = known + 1;
        transaction.put(&generation_key(id, revision), &text)?;
        if revision > GENERATIONS {
            transaction.delete(&generation_key(id, revision - GENERATIONS))?;
        }
        let entry = index.entry_mut(id);
        entry.revision = revision;
        entry.name.clone_from(&draft.name);
        entry.saved = Some(now.into());
        Ok(revision)
    })
    .await?;
    if let Err(failure) = back_up_day(id, &text, now.get(..10).unwrap_or(now)).await {
        // The save stands; a storage too full for the backup fails the next save, which says so.
        web_sys::console::warn_1(&format!("the day's backup of {id} failed: {failure:?}").into());
    }
    Ok(revision)
}

/// Keeps `text` as plan `id`'s backup of `today` unless it has one, and
/// drops backups older than a week.
async fn back_up_day(id: &str, text: &JsValue, today: &str) -> Result<(), StorageFailure> {
    if index().await?.entry(id).is_some_and(|entry| entry.days.iter().any(|day| day == today)) {
        return Ok(());
    }
    change(|transaction, index| {
        transaction.put(&day_key(id, today), text)?;
        let entry = index.entry_mut(id);
        entry.days.push(today.into());
        let excess = entry.days.len().saturating_sub(DAYS);
        for day in entry.days.drain(..excess) {
            transaction.delete(&day_key(id, &day))?;
        }
        Ok(())
    })
    .await
}

/// Opens plan `id` at its current generation, with its revision.
pub async fn load(id: &str) -> Result<(Engine, u64), StorageFailure> {
    let transaction = Transaction::begin(false).await?;
    let revision = read_index(&transaction).await?.revision(id);
    let text = transaction.get(&generation_key(id, revision)).await?.ok_or_else(unreadable)?;
    drop(transaction);
    let engine = document::open(&text).map_err(StorageFailure::Unreadable)?;
    Ok((engine, revision))
}

/// A backup of plan `id`.
pub async fn read_backup(id: &str, backup: &Backup) -> Result<Plan, StorageFailure> {
    let key = match backup {
        Backup::Generation(revision) => generation_key(id, *revision),
        Backup::Day(day) => day_key(id, day),
    };
    let text = Transaction::begin(false).await?.get(&key).await?.ok_or_else(unreadable)?;
    document::from_json(&text).map_err(StorageFailure::Unreadable)
}

/// Removes plan `id` from the library with its generations and backups.
pub async fn delete(id: &str) -> Result<(), StorageFailure> {
    change(|transaction, index| {
        let Some(position) = index.plans.iter().position(|entry| entry.id == id) else { return Ok(()) };
        let entry = index.plans.remove(position);
        if index.last_open.as_deref() == Some(id) {
            index.last_open = None;
        }
        for revision in entry.revision.saturating_sub(GENERATIONS - 1)..=entry.revision {
            transaction.delete(&generation_key(id, revision))?;
        }
        for day in &entry.days {
            transaction.delete(&day_key(id, day))?;
        }
        Ok(())
    })
    .await
}

/// Records that plan `id` was exported to a file at `now`.
pub async fn mark_exported(id: &str, now: &str) -> Result<(), StorageFailure> {
    change(|_, index| {
        if index.entry(id).is_some() {
            index.entry_mut(id).exported = Some(now.into());
        }
        Ok(())
    })
    .await
}

/// Remembers `id` as the plan to open on the next visit.
pub async fn remember_open(id: &str) -> Result<(), StorageFailure> {
    change(|_, index| {
        index.last_open = Some(id.into());
        Ok(())
    })
    .await
}

/// The browser's local storage, if the page may use it (reading it throws
/// where site data is blocked).
pub fn local() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|window| window.local_storage().ok().flatten())
}

/// Moves the library from local storage, where earlier versions kept it
/// with each plan's current generation, to IndexedDB. A plan moves when
/// IndexedDB does not hold it or holds an older revision; local storage is
/// emptied only after IndexedDB has stored everything, so running it again
/// after any interruption loses nothing and changes nothing more.
pub async fn migrate() -> Result<(), StorageFailure> {
    let Some(local) = local() else { return Ok(()) };
    let Some(text) = local.get_item(INDEX_KEY).ok().flatten() else { return Ok(()) };
    let old: Index = serde_json::from_str(&text).map_err(|_| unreadable())?;
    let current = |entry: &Entry| local.get_item(&generation_key(&entry.id, entry.revision)).ok().flatten();
    let plans: Vec<(Entry, Option<String>)> = old.plans.iter().map(|entry| (entry.clone(), current(entry))).collect();
    change(|transaction, index| {
        for (entry, text) in &plans {
            if index.entry(&entry.id).is_some_and(|kept| kept.revision >= entry.revision) {
                continue;
            }
            if let Some(text) = text {
                transaction.put(&generation_key(&entry.id, entry.revision), &JsValue::from_str(text))?;
            }
            *index.entry_mut(&entry.id) = entry.clone();
        }
        if index.last_open.is_none() {
            index.last_open.clone_from(&old.last_open);
        }
        Ok(())
    })
    .await?;
    for (entry, _) in &plans {
        let _ = local.remove_item(&generation_key(&entry.id, entry.revision));
    }
    let _ = local.remove_item(INDEX_KEY);
    Ok(())
}

/// Unsaved edits of a plan, kept in local storage until they are saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Journal {
    pub id: String,
    /// The revision the edits started from.
    pub known: u64,
    pub text: String,
}

fn journal_key(id: &str, known: u64) -> String {
    format!("{JOURNAL_PREFIX}{id}.r{known}")
}

/// The keys of plan `id`'s journals (one, unless something went wrong).
fn journal_keys(local: &web_sys::Storage, id: Option<&str>) -> Vec<String> {
    let keys = (0..local.length().unwrap_or(0)).filter_map(|i| local.key(i).ok().flatten());
    let prefix = id.map_or_else(|| JOURNAL_PREFIX.to_owned(), |id| format!("{JOURNAL_PREFIX}{id}.r"));
    keys.filter(|key| key.starts_with(&prefix)).collect()
}

/// Writes the unsaved edits of plan `id` (at revision `known`) to local
/// storage at once, as the page closes; `false` when there is no room.
pub fn write_journal(id: &str, known: u64, draft: &Draft) -> bool {
    let Some(local) = local() else { return false };
    let key = journal_key(id, known);
    for stale in journal_keys(&local, Some(id)).into_iter().filter(|stale| *stale != key) {
        let _ = local.remove_item(&stale);
    }
    local.set_item(&key, &draft.text).is_ok()
}

/// Drops plan `id`'s journal: its edits are saved.
pub fn clear_journal(id: &str) {
    if let Some(local) = local() {
        for key in journal_keys(&local, Some(id)) {
            let _ = local.remove_item(&key);
        }
    }
}

/// The journals left by pages closed with unsaved edits.
pub fn journals() -> Vec<Journal> {
    let Some(local) = local() else { return Vec::new() };
    let read = |key: String| {
        let (id, known) = key.strip_prefix(JOURNAL_PREFIX)?.rsplit_once(".r")?;
        let text = local.get_item(&key).ok().flatten()?;
        Some(Journal { id: id.into(), known: known.parse().ok()?, text })
    };
    journal_keys(&local, None).into_iter().filter_map(read).collect()
}

/// Saves a journal's edits: as the next generation of its plan when that is
/// still at the revision the edits started from; not at all when the stored
/// plan already holds them; else as a new plan `copy`, named with `suffix`.
/// Returns the id the edits are saved under; the journal is then dropped.
pub async fn replay(journal: &Journal, copy: &str, suffix: &str, now: &str) -> Result<String, StorageFailure> {
    let mut plan = document::from_json(&journal.text).map_err(StorageFailure::Unreadable)?;
    let stored = index().await?.revision(&journal.id);
    let id = if stored == journal.known {
        save(&journal.id, &Draft { name: plan.name.clone(), text: journal.text.clone() }, stored, now).await?;
        journal.id.clone()
    } else if stored_text(&journal.id, stored).await?.as_ref() == Some(&journal.text) {
        journal.id.clone()
    } else {
        plan.name = format!("{} {suffix}", plan.name);
        save(copy, &Draft::of(&plan), 0, now).await?;
        copy.to_owned()
    };
    clear_journal(&journal.id);
    Ok(id)
}

async fn stored_text(id: &str, revision: u64) -> Result<Option<String>, StorageFailure> {
    Ok(Transaction::begin(false).await?.get(&generation_key(id, revision)).await?)
}

thread_local! {
    /// This page's end of the channel; it does not hear its own messages.
    static ANNOUNCER: Option<web_sys::BroadcastChannel> = web_sys::BroadcastChannel::new(CHANNEL).ok();
}

/// Tells the other tabs that the library changed.
fn announce() {
    ANNOUNCER.with(|channel| {
        if let Some(channel) = channel {
            let _ = channel.post_message(&JsValue::from_str(INDEX_KEY));
        }
    });
}

/// Calls `changed` whenever another tab changes the library, for as long as the page lives.
pub fn on_change(changed: impl Fn() + 'static) {
    ANNOUNCER.with(|channel| {
        if let Some(channel) = channel {
            let listener = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |_| changed());
            channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
            listener.forget();
        }
    });
}
