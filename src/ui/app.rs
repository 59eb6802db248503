//! The application shell.

use leptos::prelude::*;

use super::forecast_accuracy::ForecastAccuracy;
use super::sheet::View;
use super::sheet_grid::SheetGrid;
use super::storage_notice::StorageNotice;
use super::store::Store;
use super::structure_view::StructureView;
use super::toolbar::Toolbar;
use super::view_tabs::ViewTabs;

/// Kalkyl: opens the stored plan (or the example) and shows it.
#[component]
pub fn App() -> impl IntoView {
    let store = Store::open();
    provide_context(store);
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
        let done = match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => store.redo(),
            "z" => store.undo(),
            "y" => store.redo(),
            _ => return,
        };
        ev.prevent_default();
        let _ = done;
    };
    view! {
        <header class="app-header">
            <h1>"Kalkyl"</h1>
            <Toolbar />
        </header>
        <StorageNotice />
        <ViewTabs />
        <main on:keydown=on_keydown>
            {move || match store.view.get() {
                View::Structure => view! { <StructureView /> }.into_any(),
                View::Outcome => view! { <SheetGrid /> <ForecastAccuracy /> }.into_any(),
                _ => view! { <SheetGrid /> }.into_any(),
            }}
        </main>
    }
}
