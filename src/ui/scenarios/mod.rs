//! Scenarios for next year's budget (Scenarier): the plan's scenarios, the
//! measures of one as a sheet on the grid with its budget against the base
//! and the waterfall of its steps, scenarios compared side by side, goal
//! seek, a scenario file to e-mail, and starting next year's plan.
//!
//! What is shown is data first (the measures and the comparison as sheets, the
//! waterfall's bars), pure functions of the engine tested natively; every
//! edit is one undoable command, checked as `Engine::save_scenario` checks.

mod choice_picker;
mod compare_sheet;
mod comparison;
mod draft;
mod edits;
mod goal_seek_panel;
mod measure_actions;
mod measure_form;
mod measure_sheet;
mod next_year_dialog;
mod scenario_editor;
mod scenario_file;
mod scenario_list;
mod scenarios_view;
mod steps;
mod texts;
mod words;

#[cfg(test)]
mod tests;

pub use scenarios_view::ScenariosView;

use leptos::prelude::*;

use crate::model::{Command, CommandError, Engine};
use crate::ui::store::Store;

/// Runs the command `make` builds from the engine: a refusal, or one that
/// the engine refuses, goes to `message`; success clears it.
fn run(store: Store, message: RwSignal<Option<String>>, make: impl FnOnce(&Engine) -> Result<Command, CommandError>) {
    let lang = store.lang.get_untracked();
    let result = store.peek(make).and_then(|command| store.execute(command));
    message.set(result.err().map(|error| lang.command_error(&error)));
}
