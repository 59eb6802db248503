//! Choosing lines by department, category and activity.

use leptos::prelude::*;

use super::draft::Choice;
use crate::model::plan::{Activity, CategoryId, DepartmentId};
use crate::ui::store::use_store;

/// Three lists, each "all" or one: department, category, activity.
#[component]
pub fn ChoicePicker(choice: RwSignal<Choice>) -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let options = move |items: Vec<(u32, String)>| {
        let all = view! { <option value="">{move || lang().all_lines()}</option> };
        (all, items.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view())
    };
    let departments =
        move || options(store.read(|e| e.plan().departments.iter().map(|d| (d.id.0, d.name.clone())).collect()));
    let categories =
        move || options(store.read(|e| e.plan().categories.iter().map(|c| (c.id.0, c.name.clone())).collect()));
    let activities = move || {
        options(
            [Activity::Operations, Activity::Development]
                .iter()
                .enumerate()
                .map(|(i, a)| (i as u32, lang().activity(*a).to_owned()))
                .collect(),
        )
    };
    let id = |ev| event_target_value(&ev).parse::<u32>().ok();
    view! {
        <label>{move || lang().department_label()}
            <select data-field="department" on:change=move |ev| choice.update(|c| c.department = id(ev).map(DepartmentId))>{departments}</select>
        </label>
        <label>{move || lang().category_label()}
            <select data-field="category" on:change=move |ev| choice.update(|c| c.category = id(ev).map(CategoryId))>{categories}</select>
        </label>
        <label>{move || lang().activity_label()}
            <select data-field="activity" on:change=move |ev| {
                let activity = id(ev).map(|i| if i == 0 { Activity::Operations } else { Activity::Development });
                choice.update(|c| c.activity = activity)
            }>{activities}</select>
        </label>
    }
}
