//! The application shell.

use leptos::prelude::*;

use super::allocation::AllocationView;
use super::files;
use super::followup::TrendPanel;
use super::forecast_accuracy::ForecastAccuracy;
use super::import_report::ImportReport;
use super::indicators::IndicatorsView;
use super::outcome_import_panel::OutcomeImportPanel;
use super::plan_library::PlanLibrary;
use super::plan_menu::PlanMenu;
use super::scenarios::ScenariosView;
use super::sheet::{PlanGrid, View};
use super::storage_notice::StorageNotice;
use super::store::Store;
use super::structure_view::StructureView;
use super::toolbar::Toolbar;
use super::view_tabs::ViewTabs;

/// Kalkyl: says it is loading while storage is read, then shows the stored
/// plan (or the example).
#[component]
pub fn App() -> impl IntoView {
    let store = Store::from_preferences();
    provide_context(store);
    leptos::task::spawn_local(store.start());
    let library_open = RwSignal::new(false);
    let import_over = RwSignal::new(false);
    let outcome = RwSignal::new(None::<crate::outcome_import::Table>);
    keep_in_sync(store);
    Effect::new(move |_| {
        let tag = store.lang.get().tag();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", tag);
        }
    });
    // Undo and redo outside the grid (which handles them itself).
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let in_editor = ev
            .target()
            .is_some_and(|target| wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlInputElement>(&target).is_some());
        if in_editor || ev.default_prevented() || !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => store.redo(),
            "z" => store.undo(),
            "y" => store.redo(),
            _ => return,
        }
        ev.prevent_default();
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev.data_transfer().and_then(|data| data.files()).and_then(|files| files.get(0)) {
            files::import(store, file, import_over.get_untracked());
        }
    };
    let loading = move || view! { <p class="loading" role="status">{move || store.lang.get().loading()}</p> };
    view! {
        <Show when=move || store.ready.get() fallback=loading>
        <div class="app" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
        <a class="skip-link" href="#grid" on:click=skip_to_grid>{move || store.lang.get().skip_to_grid()}</a>
        <header class="app-header">
            <h1>"Kalkyl"</h1>
            <PlanMenu library_open import_over outcome />
        </header>
        <div class="app-bar">
            <ViewTabs />
            <Toolbar />
        </div>
        <StorageNotice />
        <ImportReport />
        <Show when=move || library_open.get()>
            <PlanLibrary />
        </Show>
        <Show when=move || outcome.with(Option::is_some)>
            <OutcomeImportPanel table=outcome />
        </Show>
        <main on:keydown=on_keydown class:sheet=move || !matches!(store.view.get(), View::Structure | View::Scenarios)>
            {move || match store.view.get() {
                View::Structure => view! { <StructureView /> }.into_any(),
                View::Indicators => view! { <IndicatorsView /> }.into_any(),
                View::Allocation(_) => view! { <AllocationView /> }.into_any(),
                View::Scenarios => view! { <ScenariosView /> }.into_any(),
                View::Outcome => view! {
                    <PlanGrid view=View::Outcome />
                    <div class="sheet-panels"><ForecastAccuracy /> <TrendPanel /></div>
                }.into_any(),
                view => view! { <PlanGrid view /> }.into_any(),
            }}
        </main>
        </div>
        </Show>
    }
}

/// Moves the keyboard to the grid's active cell (the skip link).
fn skip_to_grid(ev: leptos::ev::MouseEvent) {
    let cell = document().query_selector("#grid td[tabindex='0']").ok().flatten();
    if let Some(cell) = cell.and_then(|cell| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(cell).ok()) {
        ev.prevent_default();
        let _ = cell.focus();
    }
}

/// Saves when the page is hidden or closed, asks before leaving edits that
/// are not kept anywhere, notices another tab saving the same plan, and asks
/// the browser to keep this site's storage.
fn keep_in_sync(store: Store) {
    let on_visibility = move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            store.flush();
        }
    };
    let on_pagehide = move |_| {
        store.leaving();
    };
    let on_beforeunload = move |ev: web_sys::Event| {
        if store.leaving() {
            ev.prevent_default();
            if let Some(ev) = wasm_bindgen::JsCast::dyn_ref::<web_sys::BeforeUnloadEvent>(&ev) {
                ev.set_return_value("unsaved");
            }
        }
    };
    // The listeners live as long as the page.
    std::mem::forget(window_event_listener_untyped("visibilitychange", on_visibility));
    std::mem::forget(window_event_listener_untyped("pagehide", on_pagehide));
    std::mem::forget(window_event_listener_untyped("beforeunload", on_beforeunload));
    crate::storage::on_change(move || store.storage_changed());
    if let Some(storage) = web_sys::window().map(|window| window.navigator().storage()) {
        let _ = storage.persist();
    }
}
