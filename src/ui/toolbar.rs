//! The toolbar: undo and redo, the display unit and the language.

use leptos::prelude::*;

use super::close_month::CloseMonth;
use super::formula_errors::FormulaErrors;
use super::i18n::Lang;
use super::store::use_store;
use crate::model::Unit;

/// Buttons and switches above the report.
#[component]
pub fn Toolbar() -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let can_undo = move || store.read(|engine| engine.can_undo());
    let can_redo = move || store.read(|engine| engine.can_redo());
    let units = Unit::ALL.map(
        |unit| view! { <option value=unit.symbol() selected=move || store.unit.get() == unit>{unit.symbol()}</option> },
    );
    let on_unit = move |ev| {
        let chosen = event_target_value(&ev);
        if let Some(unit) = Unit::ALL.into_iter().find(|unit| unit.symbol() == chosen) {
            store.unit.set(unit);
        }
    };
    let on_lang = move |ev| store.lang.set(if event_target_value(&ev) == "sv" { Lang::Sv } else { Lang::En });
    let closed = move || store.read(|engine| lang().closed_through(engine.plan().closed_through));
    view! {
        <div class="toolbar" role="toolbar">
            <button on:click=move |_| store.undo() disabled=move || !can_undo()>{move || lang().undo()}</button>
            <button on:click=move |_| store.redo() disabled=move || !can_redo()>{move || lang().redo()}</button>
            <span class="closed">{closed}</span>
            <CloseMonth />
            <FormulaErrors />
            <label>{move || lang().unit_label()} " " <select data-control="unit" on:change=on_unit>{units}</select></label>
            <label>
                {move || lang().language_label()} " "
                <select data-control="language" on:change=on_lang>
                    <option value="sv" selected=move || lang() == Lang::Sv>"Svenska"</option>
                    <option value="en" selected=move || lang() == Lang::En>"English"</option>
                </select>
            </label>
        </div>
    }
}
