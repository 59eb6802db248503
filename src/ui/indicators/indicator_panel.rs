//! The panel under the indicator tables: choose an indicator, add or
//! remove one, edit its definition and rule and the plan's default rule,
//! and see its trend.

use leptos::prelude::*;

use super::definition_editor::DefinitionEditor;
use super::indicator_trend::IndicatorTrend;
use super::new_indicator;
use super::rule_editor::RuleEditor;
use crate::model::indicator::{IndicatorEdit, StatusRule};
use crate::model::structure::ItemId;
use crate::model::{Command, IndicatorId};
use crate::ui::store::use_store;

/// The chosen indicator's forms and trend, with the plan's default rule.
#[component]
pub fn IndicatorPanel() -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let message = RwSignal::new(None::<String>);
    let run = move |command: Command| message.set(store.execute(command).err().map(|e| lang().command_error(&e)));
    let indicators = Memo::new(move |_| {
        store.read(|engine| engine.plan().indicators.iter().map(|i| (i.id, i.name.clone())).collect::<Vec<_>>())
    });
    let chosen = RwSignal::new(None::<IndicatorId>);
    // The chosen indicator, or the first while none (or a removed one) is chosen.
    let current = Memo::new(move |_| {
        let list = indicators.get();
        chosen.get().filter(|id| list.iter().any(|(i, _)| i == id)).or_else(|| list.first().map(|(id, _)| *id))
    });
    let options = move || {
        indicators
            .get()
            .into_iter()
            .map(|(id, name)| {
                view! { <option value=id.0.to_string() selected=move || current.get() == Some(id)>{name}</option> }
            })
            .collect_view()
    };
    let on_choose = move |ev| chosen.set(event_target_value(&ev).parse::<u32>().ok().map(IndicatorId));
    let new_name = RwSignal::new(String::new());
    let add = move || {
        let name = new_name.get_untracked();
        let (id, command) = store.peek(|engine| new_indicator(engine.plan(), name));
        run(command);
        if message.with_untracked(Option::is_none) {
            chosen.set(Some(id));
            new_name.set(String::new());
        }
    };
    let remove = move |_| {
        if let Some(id) = current.get_untracked() {
            run(Command::Remove(ItemId::Indicator(id)));
        }
    };
    let default_rule = Signal::derive(move || store.read(|engine| engine.plan().status_rule.clone()));
    let set_default =
        Callback::new(move |rule: StatusRule| run(Command::Indicator(IndicatorEdit::SetDefaultRule(rule))));
    let chosen_view = move || current.get().map(|id| view! { <DefinitionEditor id message /> <IndicatorTrend id /> });
    view! {
        <section class="indicator-panel" aria-label=move || lang().pick("Indikator", "Indicator")>
            <div class="indicator-choice">
                <label>{move || lang().pick("Indikator", "Indicator")} " "
                    <select data-control="indicator" on:change=on_choose>{options}</select>
                </label>
                <button type="button" data-action="remove-indicator" on:click=remove>{move || lang().remove()}</button>
                <form class="add" on:submit=move |ev| { ev.prevent_default(); add(); }>
                    <input type="text" data-control="new-indicator" prop:value=move || new_name.get()
                        aria-label=move || lang().pick("Ny indikator", "New indicator")
                        on:input=move |ev| new_name.set(event_target_value(&ev)) />
                    <button type="submit">{move || lang().add()}</button>
                </form>
            </div>
            {move || message.get().map(|text| view! { <p class="indicator-message" role="alert">{text}</p> })}
            <fieldset class="default-rule">
                <legend>{move || lang().pick("Planens standardregel", "The plan's default rule")}</legend>
                <RuleEditor key="default-rule" rule=default_rule set=set_default message />
            </fieldset>
            {chosen_view}
        </section>
    }
}
