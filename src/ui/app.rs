//! The application shell.

use leptos::prelude::*;

use super::files;
use super::followup::TrendPanel;
use super::forecast_accuracy::ForecastAccuracy;
use super::import_report::ImportReport;
use super::outcome_import_panel::OutcomeImportPanel;
use super::plan_library::PlanLibrary;
use super::plan_menu::PlanMenu;
use super::sheet::View;
use super::sheet_grid::SheetGrid;
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
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let in_editor = ev
            .target()
            .is_some_and(|target| wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlInputElement>(&target).is_some());
        if in_editor || !(ev.ctrl_key() || ev.meta_key()) {
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
        <header class="app-header">
            <h1>"Kalkyl"</h1>
            <PlanMenu library_open import_over outcome />
            <Toolbar />
        </header>
        <StorageNotice />
        <ImportReport />
        <Show when=move || library_open.get()>
            <PlanLibrary />
        </Show>
        <Show when=move || outcome.with(Option::is_some)>
            <OutcomeImportPanel table=outcome />
        </Show>
        <ViewTabs />
        <main on:keydown=on_keydown>
            {move || match store.view.get() {
                View::Structure => view! { <StructureView /> }.into_any(),
                View::Outcome => view! { <SheetGrid /> <ForecastAccuracy /> <TrendPanel /> }.into_any(),
                _ => view! { <SheetGrid /> }.into_any(),
            }}
        </main>
        </div>
        </Show>
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
