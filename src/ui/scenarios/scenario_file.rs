//! A scenario as a file of its own, to e-mail: the plan with just that
//! scenario and its bases, opened like any plan file.

use crate::document;
use crate::model::scenario::{ScenarioId, alone};
use crate::ui::files::{download, file_name};
use crate::ui::store::Store;

/// Downloads `<plan> – <scenario>.kalkyl.json`.
pub fn export_scenario(store: Store, id: ScenarioId) {
    let file =
        store.peek(|engine| alone(engine.plan(), id).map(|plan| (file_name(&plan.name), document::to_json(&plan))));
    if let Some((name, text)) = file {
        download(&name, text.as_bytes(), "application/json");
    }
}
