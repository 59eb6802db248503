//! The Fördelning tab: its pages, the forms of the page shown, and its grid.

use leptos::prelude::*;

use super::AllocationPage;
use super::allocation_grid::AllocationGrid;
use super::comparison_picker::ComparisonPicker;
use super::customer_form::CustomerForm;
use super::key_form::KeyForm;
use crate::ui::sheet::View;
use crate::ui::store::use_store;

/// Customers and keys, charges, price list, billing, re-settlement and key
/// comparison, one page at a time.
#[component]
pub fn AllocationView() -> impl IntoView {
    let store = use_store();
    let lang = move || store.lang.get();
    let page = Signal::derive(move || match store.view.get() {
        View::Allocation(page) => page,
        _ => AllocationPage::default(),
    });
    let tab = move |shown: AllocationPage| {
        let current = move || std::mem::discriminant(&page.get()) == std::mem::discriminant(&shown);
        view! {
            <button
                role="tab"
                data-page=shown.key()
                aria-selected=move || current().to_string()
                on:click=move |_| if !current() { store.view.set(View::Allocation(shown)) }
            >
                {move || lang().page_name(shown)}
            </button>
        }
    };
    let forms = move || match page.get() {
        AllocationPage::Keys => view! { <div class="allocation-forms"><CustomerForm /> <KeyForm /></div> }.into_any(),
        AllocationPage::Comparison(pick) => view! { <ComparisonPicker pick /> }.into_any(),
        _ => ().into_any(),
    };
    view! {
        <div class="allocation">
            <div role="tablist" class="allocation-pages" aria-label=move || lang().allocation_pages()>
                {AllocationPage::ALL.map(tab)}
            </div>
            {forms}
            <AllocationGrid page />
        </div>
    }
}
