//! How many formulas of the plan cannot be computed, in the header.

use leptos::prelude::*;

use super::store::use_store;

/// "2 formler har fel", with each line and its error in the tooltip and for
/// screen readers; nothing when every formula computes.
#[component]
pub fn FormulaErrors() -> impl IntoView {
    let store = use_store();
    let errors = Memo::new(move |_| {
        let lang = store.lang.get();
        store.read(|engine| {
            let broken = engine.broken_lines().into_iter().filter_map(|id| {
                let line = engine.plan().line(id)?;
                Some(lang.line_error(&line.name, engine.formula_error(id)?))
            });
            broken.collect::<Vec<String>>()
        })
    });
    move || {
        errors.with(|errors| {
            (!errors.is_empty()).then(|| {
                let count = store.lang.get().formula_errors(errors.len());
                let details = errors.join("\n");
                view! { <span class="formula-errors" role="status" title=details.clone() aria-description=details>"⚠ " {count}</span> }
            })
        })
    }
}
