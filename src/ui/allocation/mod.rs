//! The allocation views (Fördelning): customers and keys, the charges per
//! customer and service, the price list, monthly billing, the year-end
//! re-settlement and the key comparison. Each page is a [`Sheet`] built on
//! [`crate::model::allocation::sheet`], a pure function of the engine tested
//! natively; [`AllocationView`] shows the chosen page in the grid.

mod allocation_grid;
mod allocation_view;
mod billing_sheet;
mod charge_sheet;
mod comparison_picker;
mod comparison_sheet;
mod customer_form;
mod key_form;
mod key_sheet;
mod page;
mod price_sheet;
mod settlement_sheet;
mod texts;

pub use allocation_view::AllocationView;
pub use comparison_sheet::Comparison;

use crate::model::allocation::AllocationError;
use crate::model::{Engine, Plan};
use crate::ui::grid::{ColumnSpec, Content, RowSpec, Sheet, SheetRef, Shown, Style, Topic};
use crate::ui::i18n::Lang;

/// The pages of the allocation view, one sheet each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AllocationPage {
    /// Kunder och nycklar: customers × key variants, editable.
    #[default]
    Keys,
    /// Fördelning: customers × services, with the check against the pools.
    Charges,
    /// Prislista: the volume-billed services and their prices.
    Prices,
    /// Fakturering: customers × months.
    Billing,
    /// Återreglering: the year-end re-settlement.
    Settlement,
    /// Nyckeljämförelse: one rule under two key variants.
    Comparison(Comparison),
}

impl AllocationPage {
    /// Every page, in tab order (the comparison as the plan first shows it).
    pub const ALL: [AllocationPage; 6] = [
        AllocationPage::Keys,
        AllocationPage::Charges,
        AllocationPage::Prices,
        AllocationPage::Billing,
        AllocationPage::Settlement,
        AllocationPage::Comparison(Comparison::FIRST),
    ];

    /// A stable key (`data-page`).
    pub fn key(self) -> &'static str {
        match self {
            AllocationPage::Keys => "keys",
            AllocationPage::Charges => "charges",
            AllocationPage::Prices => "prices",
            AllocationPage::Billing => "billing",
            AllocationPage::Settlement => "settlement",
            AllocationPage::Comparison(_) => "comparison",
        }
    }

    /// The page as a sheet of the open plan.
    pub fn sheet(self, engine: &Engine, lang: Lang) -> SheetRef {
        match self {
            AllocationPage::Keys => SheetRef::new(key_sheet::new(engine.plan(), lang)),
            AllocationPage::Charges => SheetRef::new(charge_sheet::new(engine, lang)),
            AllocationPage::Prices => SheetRef::new(price_sheet::new(engine.plan(), lang)),
            AllocationPage::Billing => SheetRef::new(billing_sheet::new(engine, lang)),
            AllocationPage::Settlement => SheetRef::new(settlement_sheet::new(engine, lang)),
            AllocationPage::Comparison(pick) => SheetRef::new(comparison_sheet::new(engine, pick, lang)),
        }
    }
}

/// A row whose figures come from the whole plan.
fn row(key: impl Into<String>, label: impl Into<String>, style: Style, section: Option<usize>) -> RowSpec {
    RowSpec { key: key.into(), label: label.into(), style, section, topic: Topic::Plan }
}

/// A column of `width` pixels.
fn column(key: impl Into<String>, label: impl Into<String>, width: u16) -> ColumnSpec {
    ColumnSpec { key: key.into(), label: label.into(), width }
}

/// An amount, or `#FEL` with why in the tooltip: an error is never a zero.
fn figure(plan: &Plan, figure: &Result<crate::model::Amount, AllocationError>, lang: Lang) -> Shown {
    match figure {
        Ok(amount) => Shown::computed(Content::Amount(*amount)),
        Err(error) => failed(plan, error, lang),
    }
}

/// `#FEL` in place of a figure, the reason in its tooltip and as the ⚠ of a total.
fn failed(plan: &Plan, error: &AllocationError, lang: Lang) -> Shown {
    let why = lang.allocation_error(plan, error);
    Shown { title: Some(why.clone()), incomplete: Some(why), ..Shown::computed(Content::Error("#FEL".into())) }
}

/// Whether two sheets lay out the same rows and columns: a page is built
/// anew after every edit, and the grid keeps its layout while this holds.
pub fn same_layout(a: &dyn Sheet, b: &dyn Sheet) -> bool {
    a.label_column() == b.label_column() && a.columns() == b.columns() && a.rows() == b.rows()
}

#[cfg(test)]
mod tests;
