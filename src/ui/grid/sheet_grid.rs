//! A sheet as a spreadsheet grid: a scroll area with a frozen header row
//! and label column, rendering only the rows and columns on screen.

use leptos::context::Provider;
use leptos::ev::{ClipboardEvent, FocusEvent, KeyboardEvent};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::contract::SheetRef;
use super::controller::Grid;
use super::grid_row::GridRow;
use super::keys::key_action;
use super::state::{GridState, Layout, unfolded};
use super::window::{Geometry, ROW_HEIGHT, Viewport, Window, scroll_to_show};
use crate::ui::store::use_store;

/// The grid of `sheet`, named `label` for screen readers; `id` (default
/// "grid") tells grids on the same page apart.
#[component]
pub fn SheetGrid(
    sheet: Memo<SheetRef>,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let store = use_store();
    let state = GridState::new();
    let layout = Memo::new(move |previous: Option<&Layout>| {
        let sheet = sheet.get();
        let rows = store.collapsed.with(|collapsed| unfolded(sheet.rows(), collapsed));
        Layout { rev: previous.map_or(0, |layout| layout.rev + 1), sheet, rows: rows.into() }
    });
    let head = RwSignal::new(48.0);
    let viewport = RwSignal::new(initial_viewport());
    let geometry = Memo::new(move |_| {
        layout.with(|layout| {
            let sheet = &layout.sheet;
            let widths = sheet.columns().iter().map(|column| f64::from(column.width));
            Geometry::new(head.get(), ROW_HEIGHT, f64::from(sheet.label_column().width), widths)
        })
    });
    let page = Memo::new(move |_| viewport.with(|view| geometry.with(|geometry| geometry.page(view))));
    let window = Memo::new(move |_| {
        let count = layout.with(|layout| layout.rows.len());
        let active = state.active.get();
        viewport.with(|view| geometry.with(|geometry| Window::of(view, geometry, count, active)))
    });
    // Provided to this grid's rows and cells alone, so that grids side by
    // side on a page each find their own.
    let grid = Grid { store, state, layout, page };
    Effect::new(move |_| {
        let (rows, cols) = layout.with(Layout::size);
        state.clamp(rows, cols);
    });

    let scroller = NodeRef::<html::Div>::new();
    let thead = NodeRef::<html::Thead>::new();
    let measure = move || {
        if let (Some(area), Some(thead)) = (scroller.get_untracked(), thead.get_untracked()) {
            viewport.set(viewport_of(&area));
            head.set(f64::from(thead.offset_height()));
        }
    };
    observe_size(scroller, thead, measure);
    // The moving corner of the selection stays in view, whatever moved it.
    Effect::new(move |_| {
        let end = state.end.get();
        let Some(area) = scroller.get_untracked() else { return };
        let view = viewport.get_untracked();
        let to = geometry.with_untracked(|geometry| scroll_to_show(&view, geometry, end));
        if to != view {
            area.scroll_to_with_x_and_y(to.left, to.top);
            viewport.set(viewport_of(&area));
        }
    });

    // Rendering other rows and columns can move the focused cell in the
    // page, which drops the focus: it goes back where it was.
    Effect::new(move |_| {
        window.track();
        if state.has_focus.get_value() {
            request_animation_frame(move || {
                if let Some(area) = scroller.get_untracked() {
                    keep_focus(&area);
                }
            });
        }
    });

    let on_keydown = move |ev: KeyboardEvent| {
        // Keys typed into the editor or a list are theirs.
        if state.editing.with_untracked(Option::is_some) {
            return;
        }
        let action = key_action(&ev.key(), ev.shift_key(), ev.ctrl_key() || ev.meta_key(), ev.alt_key());
        if action.is_some_and(|action| grid.key(action)) {
            ev.prevent_default();
        }
    };
    // Focus leaving for a control outside the grid; a focused cell removed
    // from the page (scrolled away, laid out anew) leaves it for nothing.
    let on_focusout = move |ev: FocusEvent| {
        let to = ev.related_target().and_then(|target| target.dyn_into::<web_sys::Node>().ok());
        let inside = |to: &web_sys::Node| scroller.get_untracked().is_some_and(|area| area.contains(Some(to)));
        if to.is_some_and(|to| !inside(&to)) {
            state.has_focus.set_value(false);
        }
    };
    let on_copy = move |ev: ClipboardEvent| {
        if state.editing.with_untracked(Option::is_none)
            && let Some(data) = ev.clipboard_data()
        {
            let _ = data.set_data("text/plain", &grid.copy());
            ev.prevent_default();
        }
    };
    let on_paste = move |ev: ClipboardEvent| {
        if state.editing.with_untracked(Option::is_none)
            && let Some(text) = ev.clipboard_data().and_then(|data| data.get_data("text/plain").ok())
        {
            ev.prevent_default();
            grid.paste(&text);
        }
    };

    let px = |value: f64| format!("{value}px");
    let left_gap = move || window.with(|w| geometry.with(|g| px(w.left_gap(g))));
    let right_gap = move || window.with(|w| geometry.with(|g| px(w.right_gap(g))));
    let headers = move || {
        let (rev, cols) = (layout.with(|layout| layout.rev), window.with(|window| window.cols.clone()));
        cols.map(move |col| (rev, col))
    };
    let header = move |(_, col): (u64, usize)| {
        let column = layout.with_untracked(|layout| layout.sheet.columns()[col].clone());
        view! {
            <th scope="col" data-col=column.key aria-colindex=col + 2 style:width=px(f64::from(column.width))>
                {column.label}
            </th>
        }
    };
    let rows = move || {
        let rev = layout.with(|layout| layout.rev);
        window.with(|window| window.rows.iter().map(|index| (rev, *index)).collect::<Vec<_>>())
    };
    let bottom_gap = move || {
        let count = layout.with(|layout| layout.rows.len());
        window.with(|w| geometry.with(|g| w.gap_after(count, g)))
    };
    let corner = move || layout.with(|layout| layout.sheet.label_column().clone());
    let active_ref = move || {
        let at = layout.with(|layout| layout.at(state.active.get()).map(|at| (layout.sheet.clone(), at)));
        at.map(|(sheet, at)| format!("{} · {}", sheet.rows()[at.row].label, sheet.columns()[at.col].label))
    };
    view! {
        <Provider value=grid>
        <div
            class="grid-scroll"
            node_ref=scroller
            on:scroll=move |_| {
                if let Some(area) = scroller.get_untracked() {
                    viewport.set(viewport_of(&area));
                }
            }
            style:scroll-padding-top=move || px(head.get())
            style:scroll-padding-left=move || px(corner().width.into())
        >
            <table
                class="grid"
                id=id.unwrap_or_else(|| "grid".into())
                role="grid"
                aria-label=label
                aria-rowcount=move || layout.with(|layout| layout.rows.len()) + 1
                aria-colcount=move || layout.with(|layout| layout.sheet.columns().len()) + 1
                aria-multiselectable="true"
                style:width=move || geometry.with(|geometry| px(geometry.width()))
                on:keydown=on_keydown
                on:focusin=move |_| state.has_focus.set_value(true)
                on:focusout=on_focusout
                on:copy=on_copy
                on:paste=on_paste
            >
                <thead node_ref=thead>
                    <tr aria-rowindex="1">
                        <th scope="col" class="label" style:width=move || px(corner().width.into())>
                            {move || corner().label}
                        </th>
                        <th class="gap" aria-hidden="true" style:width=left_gap></th>
                        <For each=headers key=|key| *key children=header />
                        <th class="gap" aria-hidden="true" style:width=right_gap></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=rows
                        key=|key| *key
                        children=move |(_, index)| view! { <GridRow index window geometry /> }
                    />
                    {move || (bottom_gap() > 0.0).then(|| view! {
                        <tr class="gap" aria-hidden="true">
                            <td colspan="3" style:height=move || px(bottom_gap())></td>
                        </tr>
                    })}
                </tbody>
            </table>
        </div>
        <div class="grid-foot">
            <span class="active-ref" aria-hidden="true">{active_ref}</span>
            <p class="status-line" role="status">{move || state.status.get()}</p>
        </div>
        </Provider>
    }
}

/// Focuses the editor, the list or else the active cell of the grid in
/// `area` when the focus fell to the page (its element moved or removed).
fn keep_focus(area: &web_sys::HtmlDivElement) {
    let lost = document().active_element().is_none_or(|element| element.tag_name() == "BODY");
    let target = area.query_selector(".cell-editor, .choice-list, td[tabindex='0']").ok().flatten();
    if let Some(target) = target.filter(|_| lost).and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok()) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = target.focus_with_options(&options);
    }
}

/// The window's size before the scroll area is measured.
fn initial_viewport() -> Viewport {
    let size = |value: Result<wasm_bindgen::JsValue, _>| value.ok().and_then(|v| v.as_f64()).unwrap_or(800.0);
    let window = web_sys::window();
    let width = window.as_ref().map_or(1280.0, |w| size(w.inner_width()));
    let height = window.as_ref().map_or(720.0, |w| size(w.inner_height()));
    Viewport { top: 0.0, left: 0.0, width, height }
}

fn viewport_of(area: &web_sys::HtmlDivElement) -> Viewport {
    Viewport {
        top: f64::from(area.scroll_top()),
        left: f64::from(area.scroll_left()),
        width: f64::from(area.client_width()),
        height: f64::from(area.client_height()),
    }
}

/// Calls `measure` whenever the scroll area or the header row changes
/// size (a window resized, a notice shown above the grid, headings
/// wrapping), and once they are in the page.
fn observe_size(
    scroller: NodeRef<html::Div>,
    thead: NodeRef<html::Thead>,
    measure: impl Fn() + Clone + Send + Sync + 'static,
) {
    let observer = StoredValue::new_local(None::<(web_sys::ResizeObserver, Closure<dyn FnMut()>)>);
    Effect::new(move |_| {
        let (Some(area), Some(thead)) = (scroller.get(), thead.get()) else { return };
        measure();
        let callback = Closure::<dyn FnMut()>::new(measure.clone());
        if let Ok(resize) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            resize.observe(&area);
            resize.observe(&thead);
            observer.set_value(Some((resize, callback)));
        }
    });
    on_cleanup(move || {
        observer.with_value(|observed| {
            if let Some((resize, _)) = observed {
                resize.disconnect();
            }
        });
    });
}
