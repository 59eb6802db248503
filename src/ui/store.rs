//! The application state, provided to every component through context.

use std::collections::HashSet;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::i18n::Lang;
use super::sheet::View;
use crate::model::example::april_2023;
use crate::model::{Command, CommandError, Engine, Group, Unit};
use crate::storage::{self, StorageFailure};

/// Where the user's display preferences are kept.
const PREFS_KEY: &str = "kalkyl.prefs";

/// Display preferences, remembered between sessions.
#[derive(Clone, Copy, Serialize, Deserialize)]
struct Prefs {
    lang: Lang,
    unit: Unit,
}

/// The state of the app: the engine with the open plan, and how it is shown.
/// Cheap to copy; components take it with [`use_store`].
#[derive(Clone, Copy)]
pub struct Store {
    engine: RwSignal<Engine>,
    pub unit: RwSignal<Unit>,
    pub lang: RwSignal<Lang>,
    pub view: RwSignal<View>,
    /// Groups folded away in the grid.
    pub collapsed: RwSignal<HashSet<Group>>,
    /// A storage problem the user has not dismissed yet.
    pub storage_failure: RwSignal<Option<StorageFailure>>,
}

impl Store {
    /// Opens the stored plan, or the example plan when there is none or it
    /// cannot be read (then the user is told, and the stored text is kept).
    pub fn open() -> Store {
        let (engine, failure) = match storage::load() {
            Ok(Some(engine)) => (engine, None),
            Ok(None) => (example(), None),
            Err(failure) => (example(), Some(failure)),
        };
        let prefs = LocalStorage::get::<Prefs>(PREFS_KEY).ok();
        let store = Store {
            engine: RwSignal::new(engine),
            unit: RwSignal::new(prefs.map_or(Unit::Tkr, |p| p.unit)),
            lang: RwSignal::new(prefs.map_or_else(browser_lang, |p| p.lang)),
            view: RwSignal::new(View::default()),
            collapsed: RwSignal::new(HashSet::new()),
            storage_failure: RwSignal::new(failure),
        };
        store.remember_prefs();
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
        self.engine.with(f)
    }

    /// Runs `command`; a refused command changes nothing, not even the view.
    pub fn execute(&self, command: Command) -> Result<(), CommandError> {
        self.change(|engine| engine.execute(command))
    }

    pub fn undo(&self) -> Result<(), CommandError> {
        self.change(|engine| engine.undo().map(drop))
    }

    pub fn redo(&self) -> Result<(), CommandError> {
        self.change(|engine| engine.redo().map(drop))
    }

    /// Enters or removes a line's formula; a wrong one is refused.
    pub fn set_formula(&self, line: crate::model::LineId, formula: Option<String>) -> Result<(), CommandError> {
        self.change(|engine| engine.set_formula(line, formula))
    }

    pub fn close_month(&self) -> Result<(), CommandError> {
        self.change(Engine::close_month)
    }

    /// Applies a change to the engine, then refreshes the view and saves.
    fn change(&self, f: impl FnOnce(&mut Engine) -> Result<(), CommandError>) -> Result<(), CommandError> {
        let result = self.engine.try_update_untracked(f).unwrap_or(Ok(()));
        if result.is_ok() {
            self.engine.notify();
            self.save();
        }
        result
    }

    fn save(&self) {
        let saved = self.engine.with_untracked(|engine| storage::save(engine.plan()));
        self.storage_failure.set(saved.err());
    }

    /// Folds `group` away, or out again.
    pub fn toggle(&self, group: Group) {
        self.collapsed.update(|collapsed| {
            if !collapsed.remove(&group) {
                collapsed.insert(group);
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
