//! The Indikatorer view: the tables in the grid, the panel under it.

use leptos::prelude::*;

use super::IndicatorSheet;
use super::indicator_panel::IndicatorPanel;
use crate::ui::grid::{SheetGrid, SheetRef};
use crate::ui::store::use_store;

/// The indicator tables, laid out anew when the plan's structure or the
/// language changes, and the panel of one indicator.
#[component]
pub fn IndicatorsView() -> impl IntoView {
    let store = use_store();
    let sheet = Memo::new(move |_| {
        store.structure();
        let lang = store.lang.get();
        SheetRef::new(store.peek(|engine| IndicatorSheet::new(engine, lang)))
    });
    let label = Signal::derive(move || store.lang.get().view_indicators().to_owned());
    view! {
        <div class="indicators">
            <SheetGrid sheet label />
            <IndicatorPanel />
        </div>
    }
}
