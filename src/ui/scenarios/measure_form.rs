//! A small form that adds a measure to a scenario.

use leptos::prelude::*;

use super::choice_picker::ChoicePicker;
use super::draft::{Choice, Draft};
use super::edits::{add, next_measure_id};
use super::words::{ChangeKind, RISKS};
use crate::model::Month;
use crate::model::plan::{DriverId, IndicatorId};
use crate::model::scenario::ScenarioId;
use crate::ui::store::use_store;

/// Kind, selection, size, month, consequence, risk and an indicator effect;
/// "Lägg till" adds the measure last, as one undoable edit.
#[component]
pub fn MeasureForm(id: ScenarioId, message: RwSignal<Option<String>>) -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let draft = RwSignal::new(Draft::default());
    let choice = RwSignal::new(Choice::default());
    let text = move |field: &'static str, get: fn(&Draft) -> String, set: fn(&mut Draft, String)| {
        view! {
            <label>{move || lang().form_field(field)}
                <input type="text" data-field=field prop:value=move || draft.with(get) on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev))) />
            </label>
        }
    };
    let kinds = move || {
        ChangeKind::FORM.map(|k| view! { <option value=k.key()>{lang().change_kind(k)}</option> }).collect_view()
    };
    let months = move || {
        Month::all()
            .map(|m| view! { <option value=m.index().to_string()>{lang().month_short(m)}</option> })
            .collect_view()
    };
    let risks = move || {
        RISKS
            .iter()
            .enumerate()
            .map(|(i, r)| view! { <option value=i.to_string()>{lang().risk(*r)}</option> })
            .collect_view()
    };
    let drivers = move || {
        store
            .read(|e| e.plan().drivers.iter().map(|d| (d.id.0, d.name.clone())).collect::<Vec<_>>())
            .into_iter()
            .map(|(id, name)| view! { <option value=id.to_string()>{name}</option> })
            .collect_view()
    };
    let indicators = move || {
        store
            .read(|e| e.plan().indicators.iter().map(|i| (i.id.0, i.name.clone())).collect::<Vec<_>>())
            .into_iter()
            .map(|(id, name)| view! { <option value=id.to_string()>{name}</option> })
            .collect_view()
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fmt = store.fmt();
        let draft_now = Draft { choice: choice.get_untracked(), ..draft.get_untracked() };
        let measure = store.peek(|e| draft_now.measure(next_measure_id(e), fmt.unit, fmt.lang));
        match measure {
            Err(why) => message.set(Some(why)),
            Ok(measure) => {
                super::run(store, message, |e| add(e, id, measure));
                if message.get_untracked().is_none() {
                    draft.set(Draft { kind: draft_now.kind, ..Draft::default() });
                }
            }
        }
    };
    let kind_of = |key: String| ChangeKind::FORM.into_iter().find(|k| k.key() == key).unwrap_or(ChangeKind::Percent);
    view! {
        <details class="measure-form">
            <summary>{move || lang().add_measure()}</summary>
            <form on:submit=submit>
                {text("name", |d| d.name.clone(), |d, v| d.name = v)}
                <label>{move || lang().measure_column("kind")}
                    <select data-field="kind" on:change=move |ev| draft.update(|d| d.kind = kind_of(event_target_value(&ev)))>{kinds}</select>
                </label>
                <ChoicePicker choice />
                {text("size", |d| d.size.clone(), |d, v| d.size = v)}
                {text("cost-per-fte", |d| d.cost_per_fte.clone(), |d, v| d.cost_per_fte = v)}
                <label>{move || lang().form_field("driver")}
                    <select data-field="driver" on:change=move |ev| draft.update(|d| d.driver = event_target_value(&ev).parse().ok().map(DriverId))>
                        <option value="">"–"</option>{drivers}
                    </select>
                </label>
                <label>{move || lang().measure_column("from")}
                    <select data-field="from" on:change=move |ev| draft.update(|d| d.from = event_target_value(&ev).parse().ok().and_then(Month::from_index).unwrap_or(Month::JANUARY))>{months}</select>
                </label>
                {text("consequence", |d| d.consequence.clone(), |d, v| d.consequence = v)}
                <label>{move || lang().measure_column("risk")}
                    <select data-field="risk" on:change=move |ev| draft.update(|d| d.risk = RISKS[event_target_value(&ev).parse::<usize>().unwrap_or(0).min(2)])>{risks}</select>
                </label>
                <label>{move || lang().form_field("indicator")}
                    <select data-field="indicator" on:change=move |ev| draft.update(|d| d.indicator = event_target_value(&ev).parse().ok().map(IndicatorId))>
                        <option value="">"–"</option>{indicators}
                    </select>
                </label>
                {text("indicator-change", |d| d.indicator_change.clone(), |d, v| d.indicator_change = v)}
                <button type="submit" data-action="add-measure">{move || lang().add()}</button>
            </form>
        </details>
    }
}
