//! Goal seek (målsökning): the uniform change of a selection that meets a
//! frame, shown with its residual and added as an ordinary measure.

use leptos::prelude::*;

use super::choice_picker::ChoicePicker;
use super::draft::Choice;
use super::edits::{add, next_measure_id};
use super::measure_sheet::COSTS;
use super::words::percent_words;
use crate::model::number::{format_exact, parse_amount};
use crate::model::scenario::{Goal, Measure, Proposal, ScenarioId, goal_seek};
use crate::model::{Group, Month, Row};
use crate::ui::store::use_store;

/// The frames goal seek offers: total costs or the result.
const FRAMES: [Row; 2] = [COSTS, Row::Result(Group::All)];

/// A frame (row and target in the display unit), a selection and a month;
/// "Sök" proposes the percentage, "Lägg till som åtgärd" adds it.
#[component]
pub fn GoalSeekPanel(id: ScenarioId, message: RwSignal<Option<String>>) -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let frame = RwSignal::new(0usize);
    let target = RwSignal::new(String::new());
    let from = RwSignal::new(Month::JANUARY);
    let choice = RwSignal::new(Choice::default());
    let proposal = RwSignal::new(None::<(Proposal, Month)>);
    let seek = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fmt = store.fmt();
        let text = target.get_untracked();
        let goal = match parse_amount(&text, fmt.unit) {
            Ok(amount) => Goal { row: FRAMES[frame.get_untracked()], target: amount },
            Err(error) => return message.set(Some(fmt.lang.amount_error(error, &text))),
        };
        let month = from.get_untracked();
        match store.peek(|e| goal_seek(e, id, goal, choice.get_untracked().selection(), month)) {
            Ok(found) => {
                message.set(None);
                proposal.set(Some((found, month)));
            }
            Err(error) => {
                proposal.set(None);
                message.set(Some(fmt.lang.goal_error(&error)));
            }
        }
    };
    let accept = move |_| {
        let Some((found, month)) = proposal.get_untracked() else { return };
        let name = lang().goal_measure_name(&percent_words(found.percent.round_dp(2)));
        super::run(store, message, |e| {
            add(e, id, Measure::new(next_measure_id(e), &name, found.change.clone(), month))
        });
        if message.get_untracked().is_none() {
            proposal.set(None);
        }
    };
    let shown = move || {
        proposal.get().map(|(found, _)| {
            let unit = store.unit.get();
            view! {
                <div class="goal-result" role="status">
                    <p data-field="goal-percent">{lang().goal_percent(&percent_words(found.percent.round_dp(4)))}</p>
                    <p data-field="goal-reached">{lang().goal_reached(&format_exact(found.reached, unit), unit.symbol())}</p>
                    <p data-field="goal-residual">{lang().goal_residual(&format_exact(found.residual, crate::model::Unit::Kr))}</p>
                    <button data-action="accept-goal" on:click=accept>{lang().add_as_measure()}</button>
                </div>
            }
        })
    };
    let months = move || {
        Month::all()
            .map(|m| view! { <option value=m.index().to_string()>{lang().month_short(m)}</option> })
            .collect_view()
    };
    view! {
        <details class="goal-seek">
            <summary>{move || lang().goal_seek()}</summary>
            <form on:submit=seek>
                <label>{move || lang().goal_frame()}
                    <select data-field="goal-row" on:change=move |ev| frame.set(event_target_value(&ev).parse().unwrap_or(0).min(1))>
                        <option value="0">{move || lang().costs_row()}</option>
                        <option value="1">{move || lang().result_row()}</option>
                    </select>
                </label>
                <label>{move || lang().goal_target(store.unit.get().symbol())}
                    <input type="text" data-field="goal-target" prop:value=move || target.get() on:input=move |ev| target.set(event_target_value(&ev)) />
                </label>
                <ChoicePicker choice />
                <label>{move || lang().measure_column("from")}
                    <select data-field="goal-from" on:change=move |ev| from.set(event_target_value(&ev).parse().ok().and_then(Month::from_index).unwrap_or(Month::JANUARY))>{months}</select>
                </label>
                <button type="submit" data-action="seek">{move || lang().seek()}</button>
            </form>
            {shown}
        </details>
    }
}
