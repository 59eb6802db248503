//! A form that adds a budget line on chosen dimensions.

use leptos::prelude::*;

use super::store::use_store;
use super::structure::NO_AMOUNTS;
use crate::model::structure::{Item, next_id};
use crate::model::{Activity, CategoryId, Command, DepartmentId, Forecast, Line, LineId, ServiceId};

/// Name, department, activity and category of a new line, added last.
#[component]
pub fn NewLineForm(message: RwSignal<Option<String>>) -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let name = RwSignal::new(String::new());
    let department = RwSignal::new(None::<u32>);
    let category = RwSignal::new(None::<u32>);
    let activity = RwSignal::new(Activity::Operations);
    let service = RwSignal::new(None::<u32>);
    let choices = move |pick: fn(&crate::model::Plan) -> Vec<(u32, String)>| {
        store
            .read(|engine| pick(engine.plan()))
            .into_iter()
            .map(|(id, name)| view! { <option value=id.to_string()>{name}</option> })
            .collect_view()
    };
    let chosen = |ev: leptos::ev::Event| event_target_value(&ev).parse::<u32>().ok();
    let add = move || {
        let line = store.read(|engine| {
            let plan = engine.plan();
            Some(Line {
                id: LineId(next_id(&plan.lines, |l| l.id.0)),
                name: name.get_untracked(),
                department: DepartmentId(
                    department.get_untracked().or_else(|| plan.departments.first().map(|d| d.id.0))?,
                ),
                activity: activity.get_untracked(),
                category: CategoryId(category.get_untracked().or_else(|| plan.categories.first().map(|c| c.id.0))?),
                service: service.get_untracked().map(ServiceId),
                budget: NO_AMOUNTS,
                outcome: NO_AMOUNTS,
                last_year: NO_AMOUNTS,
                forecast: Forecast::Budget,
                formula: None,
            })
        });
        let Some(line) = line else { return message.set(Some(lang().line_needs_dimensions().into())) };
        if line.name.trim().is_empty() {
            return message.set(Some(lang().command_error(&crate::model::CommandError::EmptyName)));
        }
        let index = store.read(|engine| engine.plan().lines.len());
        let result = store.execute(Command::Insert { index, item: Box::new(Item::Line(Box::new(line))) });
        message.set(result.as_ref().err().map(|error| lang().command_error(error)));
        if result.is_ok() {
            name.set(String::new());
        }
    };
    view! {
        <form class="new-line" on:submit=move |ev| { ev.prevent_default(); add(); }>
            <h2>{move || lang().new_line()}</h2>
            <input type="text" prop:value=move || name.get() placeholder=move || lang().new_name() aria-label=move || lang().name_label() on:input=move |ev| name.set(event_target_value(&ev)) />
            <select aria-label=move || lang().department_label() on:change=move |ev| department.set(chosen(ev))>
                {move || choices(|plan| plan.departments.iter().map(|d| (d.id.0, d.name.clone())).collect())}
            </select>
            <select aria-label=move || lang().activity_label() on:change=move |ev| activity.set(if event_target_value(&ev) == "development" { Activity::Development } else { Activity::Operations })>
                <option value="operations">{move || lang().activity(Activity::Operations)}</option>
                <option value="development">{move || lang().activity(Activity::Development)}</option>
            </select>
            <select aria-label=move || lang().category_label() on:change=move |ev| category.set(chosen(ev))>
                {move || choices(|plan| plan.categories.iter().map(|c| (c.id.0, c.name.clone())).collect())}
            </select>
            <select aria-label=move || lang().service_label() on:change=move |ev| service.set(chosen(ev))>
                <option value="">{move || lang().no_service()}</option>
                {move || choices(|plan| plan.services.iter().map(|s| (s.id.0, s.name.clone())).collect())}
            </select>
            <button type="submit">{move || lang().add()}</button>
        </form>
    }
}
