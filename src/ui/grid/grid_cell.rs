//! One cell of a grid: shows what the sheet says, edits what it takes.

use leptos::ev::MouseEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::cell_editor::CellEditor;
use super::choice_list::ChoiceList;
use super::contract::{Access, At, Content, Editor, SheetRef, Status, Topic};
use super::controller::use_grid;
use super::keys::Pos;

/// The cell `at` of `sheet`, at `pos` in the grid. `topic` is its row's;
/// `selected` and `active` are its row's selected and active columns.
#[component]
pub fn GridCell(
    sheet: SheetRef,
    at: At,
    pos: Pos,
    key: String,
    topic: Topic,
    selected: Memo<Option<(usize, usize)>>,
    active: Memo<Option<usize>>,
) -> impl IntoView {
    let grid = use_grid();
    let (store, state) = (grid.store, grid.state);
    // What the cell shows, and its text: recomputed when its row's figures,
    // the unit or the language change; the DOM only when they differ.
    let painted = Memo::new(move |_| {
        store.track(topic);
        let fmt = store.fmt();
        let shown = store.peek(|engine| sheet.show(engine, at, fmt));
        let text = shown.content.text(fmt);
        (shown, text)
    });
    let is_active = Memo::new(move |_| active.get() == Some(pos.col));
    let is_selected = Memo::new(move |_| selected.get().is_some_and(|(left, right)| (left..=right).contains(&pos.col)));
    let typing = move || is_active.get() && state.editing.with(|editor| matches!(editor, Some(Editor::Text { .. })));
    let access = move |access: Access| painted.with(|(shown, _)| shown.access == access);

    let cell = NodeRef::<html::Td>::new();
    Effect::new(move |_| {
        if is_active.get()
            && state.editing.with(Option::is_none)
            && state.has_focus.get_value()
            && let Some(cell) = cell.get()
        {
            focus_quietly(&cell);
        }
    });
    let on_mousedown = move |ev: MouseEvent| {
        if !in_editor(&ev) {
            state.select(pos, ev.shift_key());
        }
    };
    let on_mouseenter = move |ev: MouseEvent| {
        if ev.buttons() & 1 == 1 {
            state.select(pos, true);
        }
    };

    let editor = move || {
        is_active.get().then(|| state.editing.get()).flatten().map(|editor| match editor {
            Editor::Text { text, hint } => view! { <CellEditor initial=text hint /> }.into_any(),
            Editor::Choice { options, current } => view! { <ChoiceList options current /> }.into_any(),
        })
    };
    let message = move || {
        is_active.get().then(|| state.message.get()).flatten().map(|message| {
            view! { <span class="cell-message" role="alert">{message}</span> }
        })
    };
    let incomplete = move || {
        painted.with(|(shown, _)| shown.incomplete.clone()).map(|text| {
            view! { <span class="incomplete" title=text.clone() aria-label=text>"⚠"</span> }
        })
    };
    let rounding = move || {
        painted.with(|(shown, _)| shown.rounding.clone()).map(|text| {
            view! { <span class="rounding-note" title=text.clone() aria-label=text>"≈"</span> }
        })
    };
    let status = move || {
        painted.with(|(shown, _)| match shown.content {
            Content::Status { status, .. } => Some(match status {
                Status::Green => "green",
                Status::Yellow => "yellow",
                Status::Red => "red",
                Status::Unassessed => "unassessed",
            }),
            _ => None,
        })
    };
    view! {
        <td
            node_ref=cell
            role="gridcell"
            data-col=key
            aria-colindex=pos.col + 2
            class:computed=move || access(Access::Computed)
            class:formula=move || access(Access::Formula)
            class:choice=move || access(Access::Choice)
            class:error=move || painted.with(|(shown, _)| matches!(shown.content, Content::Error(_)))
            class:active=move || is_active.get()
            class:selected=move || is_selected.get()
            title=move || painted.with(|(shown, _)| shown.title.clone())
            tabindex=move || if is_active.get() { "0" } else { "-1" }
            aria-readonly=move || access(Access::Computed).to_string()
            aria-selected=move || is_selected.get().to_string()
            aria-haspopup=move || access(Access::Choice).then_some("listbox")
            on:mousedown=on_mousedown
            on:mouseenter=on_mouseenter
            on:dblclick=move |_| grid.start_editing(None)
        >
            {incomplete}
            {rounding}
            <span class="value" class:hidden=typing data-status=status>
                {move || painted.with(|(_, text)| text.clone())}
            </span>
            {move || access(Access::Choice).then(|| view! { <span class="choice-mark" aria-hidden="true">"▾"</span> })}
            {editor}
            {message}
        </td>
    }
}

/// Whether a mouse event happened in the cell's editor or list.
fn in_editor(ev: &MouseEvent) -> bool {
    let target = ev.target().and_then(|target| target.dyn_into::<web_sys::Element>().ok());
    target.is_some_and(|element| element.closest(".cell-editor, .choice-list").ok().flatten().is_some())
}

/// Focuses the active cell without scrolling (the grid scrolls it into view).
fn focus_quietly(cell: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = cell.focus_with_options(&options);
}
