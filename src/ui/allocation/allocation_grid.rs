//! The grid of the chosen allocation page.

use leptos::prelude::*;

use super::{AllocationPage, same_layout};
use crate::ui::grid::{SheetGrid, SheetRef};
use crate::ui::store::use_store;

/// The page in the grid: built anew after every edit (customers, keys and
/// rules are edited here too), but handed to the grid only when its rows
/// or columns changed; the cells refresh themselves.
#[component]
pub fn AllocationGrid(page: Signal<AllocationPage>) -> impl IntoView {
    let store = use_store();
    let built = Memo::new(move |old: Option<&(AllocationPage, SheetRef)>| {
        store.structure();
        let (page, lang) = (page.get(), store.lang.get());
        let sheet = store.read(|engine| page.sheet(engine, lang));
        match old {
            Some((was, old)) if *was == page && same_layout(&**old, &*sheet) => (page, old.clone()),
            _ => (page, sheet),
        }
    });
    let sheet = Memo::new(move |_| built.with(|(_, sheet)| sheet.clone()));
    let label = Signal::derive(move || {
        let fmt = store.fmt();
        fmt.lang.grid_label(fmt.lang.page_name(page.get()), fmt.unit)
    });
    view! { <SheetGrid sheet label /> }
}
