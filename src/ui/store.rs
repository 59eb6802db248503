//! The application state, provided to every component through context.

use leptos::prelude::*;

use super::i18n::Lang;
use crate::model::example::april_2023;
use crate::model::{Command, CommandError, Engine, Unit};
use crate::storage::{self, StorageFailure};

/// The state of the app: the engine with the open plan, and how it is shown.
/// Cheap to copy; components take it with [`use_store`].
#[derive(Clone, Copy)]
pub struct Store {
    engine: RwSignal<Engine>,
    pub unit: RwSignal<Unit>,
    pub lang: RwSignal<Lang>,
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
        Store {
            engine: RwSignal::new(engine),
            unit: RwSignal::new(Unit::Tkr),
            lang: RwSignal::new(browser_lang()),
            storage_failure: RwSignal::new(failure),
        }
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
}

fn example() -> Engine {
    // The example's figures are far inside the range of amounts.
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
