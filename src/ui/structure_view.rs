//! The structure view: the plan's dimensions, drivers and lines.

use leptos::prelude::*;

use super::dimension_list::DimensionList;
use super::driver_table::DriverTable;
use super::new_line_form::NewLineForm;
use super::store::use_store;
use super::structure::Dimension;

/// Lists to edit the structure, a table of driver quantities and a form for new lines.
#[component]
pub fn StructureView() -> impl IntoView {
    let store = use_store();
    let message = RwSignal::new(None::<String>);
    let title =
        move |dimension: Dimension| Signal::derive(move || store.lang.get().dimension_title(dimension).to_owned());
    view! {
        <div class="structure">
            {move || message.get().map(|text| view! { <p class="structure-message" role="alert">{text}</p> })}
            <div class="dimensions">
                <DimensionList dimension=Dimension::Department title=title(Dimension::Department) message />
                <DimensionList dimension=Dimension::Category title=title(Dimension::Category) message />
                <DimensionList dimension=Dimension::Service title=title(Dimension::Service) message />
                <DimensionList dimension=Dimension::Driver title=title(Dimension::Driver) message />
            </div>
            <DriverTable message />
            <NewLineForm message />
            <DimensionList dimension=Dimension::Line title=title(Dimension::Line) message />
        </div>
    }
}
