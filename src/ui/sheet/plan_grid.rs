//! The grid of one of the plan's views.

use leptos::prelude::*;

use super::{PlanSheet, View};
use crate::ui::grid::{SheetGrid, SheetRef};
use crate::ui::i18n::Lang;
use crate::ui::store::use_store;

/// The name of a view, for screen readers.
fn view_name(view: View, lang: Lang) -> String {
    match view {
        View::Monthly(series) => format!("{} ({})", lang.view_monthly(), lang.series_name(series).to_lowercase()),
        View::Outcome => lang.view_outcome().into(),
        View::Result | View::Structure | View::Indicators | View::Allocation(_) | View::Scenarios => {
            lang.view_result().into()
        }
    }
}

/// `view` of the open plan in the grid, laid out anew when the plan's
/// structure or the language changes and refreshed row by row on edits.
#[component]
pub fn PlanGrid(view: View) -> impl IntoView {
    let store = use_store();
    let sheet = Memo::new(move |_| {
        store.structure();
        let lang = store.lang.get();
        SheetRef::new(store.peek(|engine| PlanSheet::new(view, engine.plan(), lang)))
    });
    let label = Signal::derive(move || {
        let fmt = store.fmt();
        fmt.lang.grid_label(&view_name(view, fmt.lang), fmt.unit)
    });
    view! { <SheetGrid sheet label /> }
}
