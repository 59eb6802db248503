//! The application state, provided to every component through context.
//!
//! The engine sits in a holder that does not track readers: after each
//! command the store asks the engine what changed and notifies only that.
//! A grid row subscribes to its row's trigger ([`Store::track`]), a view's
//! layout to the structure revision ([`Store::structure`]), and the few
//! components that show something of the whole plan (the name, undo and
//! redo) to every edit ([`Store::read`]).

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::grid::{Fmt, Topic};
use super::i18n::Lang;
use super::sheet::View;
use crate::model::example::april_2023;
use crate::model::{Command, CommandError, Engine, Plan, Row, Unit};
use crate::storage::{self, Backup, Index, StorageFailure};

/// Where the user's display preferences are kept.
const PREFS_KEY: &str = "kalkyl.prefs";
/// How long after the last edit the plan is saved.
const SAVE_DELAY: Duration = Duration::from_millis(500);

/// Display preferences, remembered between sessions.
#[derive(Clone, Copy, Serialize, Deserialize)]
struct Prefs {
    lang: Lang,
    unit: Unit,
}

/// The state of the app: the engine with the open plan, where it is stored,
/// and how it is shown. Cheap to copy; components take it with [`use_store`].
#[derive(Clone, Copy)]
pub struct Store {
    engine: StoredValue<Engine>,
    /// Counts the changes of structure (and plans opened): what the views
    /// lay out, rows and columns, is rebuilt when it moves.
    structure: RwSignal<u64>,
    /// Notified after every edit.
    edits: Trigger,
    /// A trigger for each row a grid shows, notified when its figures change.
    rows: StoredValue<HashMap<Row, ArcTrigger>>,
    /// The library id of the open plan and the stored revision it started from.
    plan_id: RwSignal<String>,
    revision: StoredValue<u64>,
    pending: StoredValue<Option<TimeoutHandle>>,
    /// The plans in this browser.
    pub library: RwSignal<Index>,
    pub unit: RwSignal<Unit>,
    pub lang: RwSignal<Lang>,
    pub view: RwSignal<View>,
    /// Group headings folded away in the grid, by their row keys.
    pub collapsed: RwSignal<HashSet<String>>,
    /// A storage problem the user has not dismissed yet; while it is a
    /// conflict, this tab does not write.
    pub storage_failure: RwSignal<Option<StorageFailure>>,
    /// Why the last import was refused, and every problem in the file.
    pub import_report: RwSignal<Option<(String, Vec<String>)>>,
}

fn now() -> String {
    chrono::Local::now().format("%Y-%m-%d %H:%M").to_string()
}

fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}

/// A fresh library id.
fn new_id() -> String {
    format!("p{}", chrono::Utc::now().timestamp_micros())
}

impl Store {
    /// Opens the plan opened last, or the example plan when there is none or
    /// it cannot be read (then the user is told, and the stored data is kept).
    pub fn open() -> Store {
        let (library, mut failure) = match storage::index() {
            Ok(index) => (index, None),
            Err(failure) => (Index::default(), Some(failure)),
        };
        let last = library.last_open.clone().or_else(|| library.plans.first().map(|entry| entry.id.clone()));
        let opened = last.map(|id| storage::load(&id).map(|(engine, revision)| (id, engine, revision)));
        let (id, engine, revision) = match opened {
            Some(Ok(opened)) => opened,
            Some(Err(error)) => {
                failure = Some(error);
                (new_id(), example(), 0)
            }
            None => (new_id(), example(), 0),
        };
        let prefs = LocalStorage::get::<Prefs>(PREFS_KEY).ok();
        let store = Store {
            engine: StoredValue::new(engine),
            structure: RwSignal::new(0),
            edits: Trigger::new(),
            rows: StoredValue::new(HashMap::new()),
            plan_id: RwSignal::new(id),
            revision: StoredValue::new(revision),
            pending: StoredValue::new(None),
            library: RwSignal::new(library),
            unit: RwSignal::new(prefs.map_or(Unit::Tkr, |p| p.unit)),
            lang: RwSignal::new(prefs.map_or_else(browser_lang, |p| p.lang)),
            view: RwSignal::new(View::default()),
            collapsed: RwSignal::new(HashSet::new()),
            storage_failure: RwSignal::new(failure),
            import_report: RwSignal::new(None),
        };
        store.remember_prefs();
        store.publish();
        if revision == 0 && store.storage_failure.with_untracked(Option::is_none) {
            store.save_now();
        }
        store
    }

    /// Saves the language and unit whenever they change.
    fn remember_prefs(self) {
        Effect::new(move |first: Option<()>| {
            let prefs = Prefs { lang: self.lang.get(), unit: self.unit.get() };
            if first.is_some() {
                // Preferences are a convenience: a full storage is reported by plan saves.
                let _ = LocalStorage::set(PREFS_KEY, prefs);
            }
        });
    }

    /// Reads the engine, tracking it: the caller reruns after every edit.
    pub fn read<R>(&self, f: impl FnOnce(&Engine) -> R) -> R {
        self.edits.track();
        self.peek(f)
    }

    /// Reads the engine without tracking it: for event handlers, and for
    /// what tracks finer ([`Store::track`], [`Store::structure`]).
    pub fn peek<R>(&self, f: impl FnOnce(&Engine) -> R) -> R {
        self.engine.with_value(f)
    }

    /// The structure revision, tracked: it moves when lines, dimensions,
    /// formulas, methods or the closed month change, or a plan is opened.
    pub fn structure(&self) -> u64 {
        self.structure.get()
    }

    /// Tracks `topic`: the caller reruns when an edit changes it.
    pub fn track(&self, topic: Topic) {
        match topic {
            Topic::Plan => self.edits.track(),
            Topic::Row(row) => {
                let trigger = self.rows.try_update_value(|rows| rows.entry(row).or_default().clone());
                if let Some(trigger) = trigger {
                    trigger.track();
                }
            }
        }
    }

    /// How figures are written, tracked.
    pub fn fmt(&self) -> Fmt {
        Fmt { unit: self.unit.get(), lang: self.lang.get() }
    }

    /// The library id of the open plan.
    pub fn plan_id(&self) -> String {
        self.plan_id.get()
    }

    /// Runs `command`; a refused command changes nothing, not even the view.
    pub fn execute(&self, command: Command) -> Result<(), CommandError> {
        self.change(|engine| engine.execute(command))
    }

    /// Undoes the last edit. An undo returns the plan to a state it had, so it
    /// cannot overflow; should it fail all the same, nothing changes.
    pub fn undo(&self) {
        if let Err(error) = self.change(|engine| engine.undo().map(drop)) {
            leptos::logging::warn!("undo refused: {error:?}");
        }
    }

    /// Redoes the last undone edit; like [`Store::undo`], it changes nothing if refused.
    pub fn redo(&self) {
        if let Err(error) = self.change(|engine| engine.redo().map(drop)) {
            leptos::logging::warn!("redo refused: {error:?}");
        }
    }

    pub fn close_month(&self) -> Result<(), CommandError> {
        self.change(Engine::close_month)
    }

    /// Applies a change to the engine, then refreshes what it changed and saves soon.
    fn change(&self, f: impl FnOnce(&mut Engine) -> Result<(), CommandError>) -> Result<(), CommandError> {
        let result = self.engine.try_update_value(f).unwrap_or(Ok(()));
        if result.is_ok() {
            self.publish();
            self.schedule_save();
        }
        result
    }

    /// Tells the views what the engine changed: a new structure revision,
    /// or the triggers of the rows whose figures changed; then every edit's.
    fn publish(&self) {
        let refresh = self.engine.try_update_value(Engine::take_refresh).unwrap_or_default();
        if refresh.structure {
            // The views lay out anew and subscribe again.
            self.rows.update_value(HashMap::clear);
            self.structure.update(|revision| *revision += 1);
        } else {
            let triggers: Vec<ArcTrigger> =
                self.rows.with_value(|rows| refresh.rows.iter().filter_map(|row| rows.get(row).cloned()).collect());
            for trigger in triggers {
                trigger.notify();
            }
        }
        self.edits.notify();
    }

    /// Saves half a second after the last edit.
    fn schedule_save(&self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
        }
        let store = *self;
        self.pending.set_value(set_timeout_with_handle(move || store.save_now(), SAVE_DELAY).ok());
    }

    /// Saves at once if a save is waiting: when the page is hidden or closed.
    pub fn flush(&self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
            self.save_now();
        }
    }

    fn save_now(&self) {
        self.pending.set_value(None);
        if matches!(self.storage_failure.get_untracked(), Some(StorageFailure::Conflict { .. })) {
            return;
        }
        let id = self.plan_id.get_untracked();
        let known = self.revision.get_value();
        let saved = self.peek(|engine| keep(&id, engine.plan(), known));
        match saved {
            Ok(revision) => {
                self.revision.set_value(revision);
                self.storage_failure.set(None);
            }
            Err(failure) => self.storage_failure.set(Some(failure)),
        }
        self.refresh_library();
    }

    /// Reads the library index again.
    pub fn refresh_library(&self) {
        if let Ok(index) = storage::index() {
            self.library.set(index);
        }
    }

    /// After another tab changed storage: a newer revision of the open plan
    /// stops this tab from writing until the user chooses.
    pub fn storage_changed(&self) {
        self.refresh_library();
        let id = self.plan_id.get_untracked();
        let stored = self.library.with_untracked(|index| index.entry(&id).map_or(0, |entry| entry.revision));
        if stored > self.revision.get_value() {
            if let Some(handle) = self.pending.get_value() {
                handle.clear();
                self.pending.set_value(None);
            }
            self.storage_failure.set(Some(StorageFailure::Conflict { stored }));
        }
    }

    /// Makes `engine` the open plan, stored as `id` at `revision`.
    fn show(&self, id: String, engine: Engine, revision: u64) {
        self.engine.set_value(engine);
        self.collapsed.set(HashSet::new());
        self.publish();
        self.plan_id.set(id);
        self.revision.set_value(revision);
        self.storage_failure.set(None);
    }

    /// Opens plan `id` of the library, saving the open one first.
    pub fn open_plan(&self, id: &str) -> Result<(), StorageFailure> {
        self.flush();
        let (engine, revision) = storage::load(id)?;
        self.show(id.to_owned(), engine, revision);
        storage::remember_open(id)?;
        self.refresh_library();
        Ok(())
    }

    /// Opens the stored version of the open plan, dropping this tab's edits.
    pub fn reload(&self) -> Result<(), StorageFailure> {
        let id = self.plan_id.get_untracked();
        let (engine, revision) = storage::load(&id)?;
        self.show(id, engine, revision);
        Ok(())
    }

    /// Adds `plan` to the library as a new plan and opens it.
    pub fn open_new(&self, plan: Plan) -> Result<(), CommandError> {
        self.flush();
        let engine = Engine::new(plan).map_err(|at| CommandError::Overflow { line: Some(at.name) })?;
        self.show(new_id(), engine, 0);
        self.save_now();
        Ok(())
    }

    /// Saves this tab's version of the open plan as a new plan.
    pub fn save_as_copy(&self, suffix: &str) {
        let mut plan = self.peek(|engine| engine.plan().clone());
        plan.name = format!("{} {suffix}", plan.name);
        let _ = self.open_new(plan);
    }

    /// Stores a copy of plan `id` as a new plan, without opening it.
    pub fn duplicate(&self, id: &str, suffix: &str) -> Result<(), StorageFailure> {
        self.flush();
        let (engine, _) = storage::load(id)?;
        let mut plan = engine.plan().clone();
        plan.name = format!("{} {suffix}", plan.name);
        keep(&new_id(), &plan, 0)?;
        let open = self.plan_id.get_untracked();
        storage::remember_open(&open)?;
        self.refresh_library();
        Ok(())
    }

    /// Renames plan `id`: the open plan by an undoable command, another one
    /// by saving a new generation of it under the new name.
    pub fn rename(&self, id: &str, name: String) -> Result<(), String> {
        let lang = self.lang.get_untracked();
        if id == self.plan_id.get_untracked() {
            return self.execute(Command::SetName(name)).map_err(|e| lang.command_error(&e));
        }
        if name.trim().is_empty() {
            return Err(lang.command_error(&CommandError::EmptyName));
        }
        let (engine, revision) = storage::load(id).map_err(|f| lang.storage_failure(&f).to_owned())?;
        let mut plan = engine.plan().clone();
        plan.name = name.trim().to_owned();
        keep(id, &plan, revision).map_err(|f| lang.storage_failure(&f).to_owned())?;
        storage::remember_open(&self.plan_id.get_untracked()).map_err(|f| lang.storage_failure(&f).to_owned())?;
        self.refresh_library();
        Ok(())
    }

    /// Removes plan `id` from the library; returns it, to put back on undo.
    pub fn delete(&self, id: &str) -> Result<Plan, StorageFailure> {
        let (engine, _) = storage::load(id)?;
        storage::delete(id)?;
        self.refresh_library();
        Ok(engine.plan().clone())
    }

    /// Puts a deleted plan back in the library.
    pub fn undelete(&self, plan: &Plan) -> Result<(), StorageFailure> {
        keep(&new_id(), plan, 0)?;
        storage::remember_open(&self.plan_id.get_untracked())?;
        self.refresh_library();
        Ok(())
    }

    /// Replaces the open plan by a backup of it, as one undoable step.
    pub async fn restore(self, backup: Backup) -> Result<(), String> {
        let lang = self.lang.get_untracked();
        let id = self.plan_id.get_untracked();
        let plan = storage::read_backup(&id, &backup).await.map_err(|f| lang.storage_failure(&f).to_owned())?;
        self.execute(Command::Replace(Box::new(plan))).map_err(|e| lang.command_error(&e))
    }

    /// Records that the open plan was just exported.
    pub fn exported(&self) {
        let id = self.plan_id.get_untracked();
        let _ = storage::mark_exported(&id, &now());
        self.refresh_library();
    }

    /// Folds the group under the heading with `key` away, or out again.
    pub fn toggle(&self, key: &str) {
        self.collapsed.update(|collapsed| {
            if !collapsed.remove(key) {
                collapsed.insert(key.to_owned());
            }
        });
    }
}

/// Saves `plan` as a new generation of plan `id` and backs it up in the
/// background; a failed backup is reported on the console, the save stands.
fn keep(id: &str, plan: &Plan, known: u64) -> Result<u64, StorageFailure> {
    let saved = storage::save(id, plan, known, &now())?;
    let (id, revision) = (id.to_owned(), saved.revision);
    leptos::task::spawn_local(async move {
        if let Err(failure) = storage::back_up(&id, &saved, &today()).await {
            leptos::logging::warn!("backup of {id} failed: {failure:?}");
        }
    });
    Ok(revision)
}

fn example() -> Engine {
    // The example's figures are far inside the range of amounts (a native test opens it).
    Engine::new(april_2023()).unwrap_or_else(|_| unreachable!("the example plan is valid"))
}

fn browser_lang() -> Lang {
    let tag = web_sys::window().and_then(|window| window.navigator().language());
    Lang::from_tag(&tag.unwrap_or_default())
}

/// The store provided by the app.
pub fn use_store() -> Store {
    expect_context::<Store>()
}
