//! The text field of a cell being edited.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

use super::controller::use_grid;
use super::keys::Motion;

/// The text field of the active cell: Enter or Tab enters the text and
/// moves on, Escape cancels. `hint` says what the input means.
#[component]
pub fn CellEditor(initial: String, hint: Option<String>) -> impl IntoView {
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
        // The keys are the editor's: the grid around it must not act on them too.
        ev.stop_propagation();
        let back = if ev.shift_key() { -1 } else { 1 };
        let motion = match ev.key().as_str() {
            "Enter" => Motion::Step { rows: back, cols: 0 },
            "Tab" => Motion::Step { rows: 0, cols: back },
            "Escape" => {
                ev.prevent_default();
                return grid.cancel();
            }
            _ => return,
        };
        ev.prevent_default();
        if grid.commit(&event_target_value(&ev)) {
            grid.go(motion, false, true);
        }
    };
    let described = hint.is_some().then_some("editor-hint");
    view! {
        <input
            node_ref=input
            class="cell-editor"
            type="text"
            inputmode="decimal"
            autocomplete="off"
            aria-describedby=described
            value=initial
            on:keydown=on_keydown
        />
        {hint.map(|hint| view! { <span class="editor-hint" id="editor-hint">{hint}</span> })}
    }
}
