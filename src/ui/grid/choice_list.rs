//! The list of a choice cell, as Excel's data validation opens it.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

use super::controller::use_grid;

/// The options of the active cell, the current one highlighted: arrows,
/// Home and End move through them, Enter or Tab (or a click) chooses,
/// Escape closes the list without a change.
#[component]
pub fn ChoiceList(options: Vec<String>, current: Option<usize>) -> impl IntoView {
    let grid = use_grid();
    let list = NodeRef::<html::Ul>::new();
    let highlighted = RwSignal::new(current.unwrap_or(0));
    let last = options.len().saturating_sub(1);
    let options = StoredValue::new(options);
    Effect::new(move |_| {
        if let Some(list) = list.get() {
            let _ = list.focus();
        }
    });
    let choose = move |index: usize| {
        if let Some(option) = options.with_value(|options| options.get(index).cloned()) {
            grid.commit(&option);
        }
    };
    let on_keydown = move |ev: KeyboardEvent| {
        // The keys are the list's: the grid around it must not move.
        ev.stop_propagation();
        match ev.key().as_str() {
            "ArrowDown" => highlighted.update(|at| *at = (*at + 1).min(last)),
            "ArrowUp" => highlighted.update(|at| *at = at.saturating_sub(1)),
            "Home" => highlighted.set(0),
            "End" => highlighted.set(last),
            "Enter" | "Tab" => choose(highlighted.get_untracked()),
            "Escape" => grid.cancel(),
            _ => return,
        }
        ev.prevent_default();
    };
    let items = move || {
        options.with_value(|options| {
            options
                .iter()
                .enumerate()
                .map(|(index, option)| {
                    view! {
                        <li
                            role="option"
                            id=format!("choice-{index}")
                            aria-selected=move || (highlighted.get() == index).to_string()
                            class:current=current == Some(index)
                            on:mousedown=|ev| ev.prevent_default()
                            on:click=move |_| choose(index)
                        >
                            {option.clone()}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <ul
            node_ref=list
            class="choice-list"
            role="listbox"
            tabindex="-1"
            aria-label=move || grid.store.lang.get().choose_label()
            aria-activedescendant=move || format!("choice-{}", highlighted.get())
            on:keydown=on_keydown
        >
            {items}
        </ul>
    }
}
