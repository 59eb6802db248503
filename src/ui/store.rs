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

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::grid::{Fmt, Topic};
use super::i18n::Lang;
use super::sheet::View;
use crate::model::example::april_2023;
use crate::model::{Command, CommandError, Engine, Plan, Row, Unit};
use crate::storage::{self, Backup, Draft, Index, StorageFailure};

/// Where the user's display preferences are kept, in local storage.
const PREFS_KEY: &str = "kalkyl.prefs";
/// How long after the last edit the plan is saved.
const SAVE_DELAY: Duration = Duration::from_millis(500);

/// Display preferences, remembered between sessions.
#[derive(Clone, Copy, Serialize, Deserialize)]
struct Prefs {
    lang: Lang,
    unit: Unit,
}

impl Prefs {
    /// The stored preferences; none where storage is blocked.
    fn read() -> Option<Prefs> {
        let text = storage::local()?.get_item(PREFS_KEY).ok().flatten()?;
        serde_json::from_str(&text).ok()
    }

    /// Stores them; a convenience, so a failure is left to plan saves to report.
    fn write(self) {
        if let (Some(local), Ok(text)) = (storage::local(), serde_json::to_string(&self)) {
            let _ = local.set_item(PREFS_KEY, &text);
        }
    }
}

/// Where the open plan stands against storage. Edits are counted; a save
/// or an export covers the edits made before it began.
#[derive(Clone, Copy, Default)]
struct Saves {
    /// Which plan was shown: a save of an earlier one no longer counts here.
    shown: u64,
    edits: u64,
    /// Edits saved in storage, and kept in an exported file.
    saved: u64,
    exported: u64,
    /// A save is running; `again`: another is due when it ends.
    running: bool,
    again: bool,
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
    saves: StoredValue<Saves>,
    /// Storage cannot be used at all (blocked site data): nothing is saved.
    blocked: StoredValue<bool>,
    /// The plan is shown: the app has started.
    pub ready: RwSignal<bool>,
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

/// A fresh library id.
fn new_id() -> String {
    format!("p{}", chrono::Utc::now().timestamp_micros())
}

/// Waits `millis` milliseconds.
async fn pause(millis: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

impl Store {
    /// The store with the display preferences, before storage is read: the
    /// example plan, not shown yet ([`Store::start`] opens the stored plan).
    pub fn from_preferences() -> Store {
        let prefs = Prefs::read();
        let store = Store {
            engine: StoredValue::new(example()),
            structure: RwSignal::new(0),
            edits: Trigger::new(),
            rows: StoredValue::new(HashMap::new()),
            plan_id: RwSignal::new(new_id()),
            revision: StoredValue::new(0),
            pending: StoredValue::new(None),
            saves: StoredValue::new(Saves::default()),
            blocked: StoredValue::new(false),
            ready: RwSignal::new(false),
            library: RwSignal::new(Index::default()),
            unit: RwSignal::new(prefs.map_or(Unit::Tkr, |p| p.unit)),
            lang: RwSignal::new(prefs.map_or_else(browser_lang, |p| p.lang)),
            view: RwSignal::new(View::default()),
            collapsed: RwSignal::new(HashSet::new()),
            storage_failure: RwSignal::new(None),
            import_report: RwSignal::new(None),
        };
        store.remember_prefs();
        store
    }

    /// Opens the plan opened last, or the example plan when there is none or
    /// it cannot be read (then the user is told, and the stored data is
    /// kept). Earlier versions' storage is migrated and edits left unsaved
    /// by a closed page are saved first. Where storage is blocked the
    /// example opens, and the user is told that nothing will be saved.
    pub async fn start(self) {
        let mut failure = storage::migrate().await.err();
        let mut last = None;
        for journal in storage::journals() {
            let suffix = self.lang.get_untracked().copy_suffix();
            match storage::replay(&journal, &new_id(), suffix, &now()).await {
                Ok(id) => last = Some(id),
                Err(error) => failure = Some(error),
            }
        }
        match storage::index().await {
            Ok(index) => {
                let last =
                    last.or_else(|| index.last_open.clone()).or_else(|| index.plans.first().map(|e| e.id.clone()));
                self.library.set(index);
                match last {
                    Some(id) => match storage::load(&id).await {
                        Ok((engine, revision)) => self.show(id, engine, revision),
                        Err(error) => failure = Some(error),
                    },
                    None => self.open_example(),
                }
            }
            Err(error) => {
                self.blocked.set_value(matches!(error, StorageFailure::Unavailable));
                failure = Some(error);
            }
        }
        self.storage_failure.set(failure);
        self.ready.set(true);
    }

    /// Shows the example as a new plan, saved at once.
    fn open_example(self) {
        self.show(new_id(), example(), 0);
        self.edited();
        self.save_now();
    }

    /// Saves the language and unit whenever they change.
    fn remember_prefs(self) {
        Effect::new(move |first: Option<()>| {
            let prefs = Prefs { lang: self.lang.get(), unit: self.unit.get() };
            if first.is_some() {
                prefs.write();
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
            self.edited();
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

    /// Counts an edit that is not saved yet.
    fn edited(self) {
        self.saves.update_value(|saves| saves.edits += 1);
    }

    /// The open plan has edits that are not saved in storage yet.
    fn unsaved(&self) -> bool {
        self.saves.with_value(|saves| saves.edits > saves.saved)
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

    /// Starts saving the open plan, serialized once, unless storage is
    /// blocked or another tab saved it; one save runs at a time.
    fn save_now(self) {
        self.pending.set_value(None);
        let conflict = matches!(self.storage_failure.get_untracked(), Some(StorageFailure::Conflict { .. }));
        if conflict || self.blocked.get_value() {
            return;
        }
        let busy = self.saves.try_update_value(|saves| std::mem::replace(&mut saves.running, true)).unwrap_or(true);
        if busy {
            self.saves.update_value(|saves| saves.again = true);
            return;
        }
        let (id, known, saves) = (self.plan_id.get_untracked(), self.revision.get_value(), self.saves.get_value());
        let draft = self.engine.with_value(|engine| Draft::of(engine.plan()));
        leptos::task::spawn_local(async move {
            let saved = storage::save(&id, &draft, known, &now()).await;
            self.saved(saves, saved);
            let again = self.saves.try_update_value(|saves| {
                saves.running = false;
                std::mem::take(&mut saves.again)
            });
            if again == Some(true) {
                self.save_now();
            }
            self.refresh_library();
        });
    }

    /// Takes in the outcome of a save that started at `started`.
    fn saved(self, started: Saves, saved: Result<u64, StorageFailure>) {
        if self.saves.with_value(|saves| saves.shown) != started.shown {
            // A save of the plan shown before: it stands or fails on its own.
            return;
        }
        match saved {
            Ok(revision) => {
                self.revision.set_value(revision);
                self.saves.update_value(|saves| saves.saved = saves.saved.max(started.edits));
                if !self.unsaved() {
                    storage::clear_journal(&self.plan_id.get_untracked());
                }
                self.storage_failure.set(None);
            }
            Err(failure) => self.storage_failure.set(Some(failure)),
        }
    }

    /// Waits until no save is waiting or running.
    async fn settle(self) {
        self.flush();
        while self.saves.with_value(|saves| saves.running) {
            pause(10).await;
        }
    }

    /// As the page closes: starts saving and writes unsaved edits to the
    /// journal. `true` when the user should be asked to stay: there are
    /// edits that neither the journal nor an exported file keeps, or that
    /// storage has refused.
    pub fn leaving(&self) -> bool {
        self.flush();
        if !self.unsaved() {
            return false;
        }
        let (id, known) = (self.plan_id.get_untracked(), self.revision.get_value());
        let journaled = !self.blocked.get_value()
            && self.engine.with_value(|engine| storage::write_journal(&id, known, &Draft::of(engine.plan())));
        let refused = matches!(
            self.storage_failure.get_untracked(),
            Some(StorageFailure::Full | StorageFailure::Unavailable | StorageFailure::Conflict { .. })
        );
        let exported = self.saves.with_value(|saves| saves.exported >= saves.edits);
        !exported && (!journaled || refused)
    }

    /// Reads the library index again.
    pub fn refresh_library(&self) {
        let store = *self;
        leptos::task::spawn_local(async move {
            if let Ok(index) = storage::index().await {
                store.library.set(index);
            }
        });
    }

    /// After another tab changed storage: a newer revision of the open plan
    /// stops this tab from writing until the user chooses.
    pub fn storage_changed(&self) {
        let store = *self;
        leptos::task::spawn_local(async move {
            let Ok(index) = storage::index().await else { return };
            let stored = index.revision(&store.plan_id.get_untracked());
            store.library.set(index);
            if stored > store.revision.get_value() {
                if let Some(handle) = store.pending.get_value() {
                    handle.clear();
                    store.pending.set_value(None);
                }
                store.storage_failure.set(Some(StorageFailure::Conflict { stored }));
            }
        });
    }

    /// Makes `engine` the open plan, stored as `id` at `revision`, and the
    /// one to open on the next visit.
    fn show(&self, id: String, engine: Engine, revision: u64) {
        self.engine.set_value(engine);
        self.publish();
        self.plan_id.set(id.clone());
        self.revision.set_value(revision);
        self.saves.update_value(|saves| {
            *saves = Saves { shown: saves.shown + 1, running: saves.running, ..Saves::default() }
        });
        self.storage_failure.set(None);
        self.collapsed.set(HashSet::new());
        leptos::task::spawn_local(async move {
            let _ = storage::remember_open(&id).await;
        });
    }

    /// Opens plan `id` of the library once the open one is saved; while its
    /// edits cannot be saved, they are kept open and the failure returned.
    pub async fn open_plan(self, id: String) -> Result<(), StorageFailure> {
        self.settle().await;
        if self.saves.with_value(|saves| saves.edits > saves.saved.max(saves.exported)) {
            return Err(self.storage_failure.get_untracked().unwrap_or(StorageFailure::Unavailable));
        }
        let (engine, revision) = storage::load(&id).await?;
        self.show(id, engine, revision);
        self.refresh_library();
        Ok(())
    }

    /// Opens the stored version of the open plan, dropping this tab's edits.
    pub async fn reload(self) -> Result<(), StorageFailure> {
        let id = self.plan_id.get_untracked();
        let (engine, revision) = storage::load(&id).await?;
        self.show(id, engine, revision);
        Ok(())
    }

    /// Adds `plan` to the library as a new plan and opens it.
    pub fn open_new(&self, plan: Plan) -> Result<(), CommandError> {
        self.flush();
        let engine = Engine::new(plan).map_err(|at| CommandError::Overflow { line: Some(at.name) })?;
        self.show(new_id(), engine, 0);
        self.edited();
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
    pub async fn duplicate(self, id: String, suffix: &str) -> Result<(), StorageFailure> {
        self.settle().await;
        let (engine, _) = storage::load(&id).await?;
        let mut plan = engine.plan().clone();
        plan.name = format!("{} {suffix}", plan.name);
        storage::save(&new_id(), &Draft::of(&plan), 0, &now()).await?;
        self.refresh_library();
        Ok(())
    }

    /// Renames plan `id`: the open plan by an undoable command, another one
    /// by saving a new generation of it under the new name.
    pub async fn rename(self, id: String, name: String) -> Result<(), String> {
        let lang = self.lang.get_untracked();
        if id == self.plan_id.get_untracked() {
            return self.execute(Command::SetName(name)).map_err(|e| lang.command_error(&e));
        }
        if name.trim().is_empty() {
            return Err(lang.command_error(&CommandError::EmptyName));
        }
        let failed = |failure: StorageFailure| lang.storage_failure(&failure).to_owned();
        let (engine, revision) = storage::load(&id).await.map_err(failed)?;
        let mut plan = engine.plan().clone();
        plan.name = name.trim().to_owned();
        storage::save(&id, &Draft::of(&plan), revision, &now()).await.map_err(failed)?;
        self.refresh_library();
        Ok(())
    }

    /// Removes plan `id` from the library; returns it, to put back on undo.
    pub async fn delete(self, id: String) -> Result<Plan, StorageFailure> {
        let (engine, _) = storage::load(&id).await?;
        storage::delete(&id).await?;
        self.refresh_library();
        Ok(engine.plan().clone())
    }

    /// Puts a deleted plan back in the library.
    pub async fn undelete(self, plan: Plan) -> Result<(), StorageFailure> {
        storage::save(&new_id(), &Draft::of(&plan), 0, &now()).await?;
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

    /// Records that the open plan was just exported: its edits are kept in a file.
    pub fn exported(&self) {
        self.saves.update_value(|saves| saves.exported = saves.edits);
        let store = *self;
        let id = self.plan_id.get_untracked();
        leptos::task::spawn_local(async move {
            let _ = storage::mark_exported(&id, &now()).await;
            store.refresh_library();
        });
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
