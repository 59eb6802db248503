//! The text input of a grid cell being edited.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

use super::grid::use_grid;

/// The text input of a cell being edited: Enter or Tab commits, Escape cancels.
#[component]
pub fn CellEditor(initial: String, commit: impl Fn(&str) -> bool + Copy + Send + Sync + 'static) -> impl IntoView {
    let grid = use_grid();
    let input = NodeRef::<html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = input.get() {
            let _ = input.focus();
            let end = input.value().len() as u32;
            let _ = input.set_selection_range(end, end);
        }
    });
    let on_keydown = move |ev: KeyboardEvent| {
        // The keys are the editor's: the cell around it must not act on them too.
        ev.stop_propagation();
        let value = event_target_value(&ev);
        match ev.key().as_str() {
            "Enter" => {
                ev.prevent_default();
                if commit(&value) {
                    grid.step(if ev.shift_key() { -1 } else { 1 }, 0, false, true);
                }
            }
            "Tab" => {
                ev.prevent_default();
                if commit(&value) {
                    grid.step(0, if ev.shift_key() { -1 } else { 1 }, false, true);
                }
            }
            "Escape" => {
                ev.prevent_default();
                grid.editing.set(None);
                grid.message.set(None);
            }
            _ => {}
        }
    };
    view! {
        <input
            node_ref=input
            class="cell-editor"
            type="text"
            inputmode="decimal"
            autocomplete="off"
            value=initial
            on:keydown=on_keydown
        />
    }
}
