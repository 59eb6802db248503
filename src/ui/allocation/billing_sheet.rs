//! Fakturering: what each active customer is invoiced each month, in whole
//! kronor, 1/12 of its annual charge, the months summing exactly to the year.

use super::page::{Page, Paged};
use super::{column, failed, figure, row};
use crate::model::allocation::sheet::billing;
use crate::model::{Engine, Month};
use crate::ui::grid::{At, Content, Fmt, Shown, Style};
use crate::ui::i18n::Lang;

/// The column of the year, after the twelve months.
const YEAR: usize = 12;

/// The cells of customers × months: a row a customer, then each month's total.
pub struct BillingPage {
    customers: usize,
}

/// Customers × months of the engine's plan, laid out in `lang`.
pub fn new(engine: &Engine, lang: Lang) -> Paged<BillingPage> {
    let sheet = billing(engine);
    let mut columns: Vec<_> = Month::all().map(|m| column(format!("m{}", m.number()), lang.month(m), 100)).collect();
    columns.push(column("year", lang.year_header(), 120));
    let mut rows: Vec<_> = sheet
        .rows
        .iter()
        .map(|r| row(format!("customer-{}", r.customer.id.0), &r.customer.name, Style::Line, None))
        .collect();
    rows.push(row("total", lang.customers_total(), Style::Total, None));
    let page = BillingPage { customers: sheet.rows.len() };
    Paged { label: column("customer", lang.customer_header(), 260), columns, rows, page }
}

impl Page for BillingPage {
    fn show(&self, engine: &Engine, at: At, fmt: Fmt) -> Shown {
        let plan = engine.plan();
        let sheet = billing(engine);
        let Some(row) = sheet.rows.get(at.row).filter(|_| at.row < self.customers) else {
            let total = if at.col == YEAR { &sheet.year } else { &sheet.months[at.col.min(YEAR - 1)] };
            return figure(plan, total, fmt.lang);
        };
        match (&row.months, at.col) {
            (_, YEAR) => figure(plan, &row.year, fmt.lang),
            (Ok(months), month) => {
                months.get(month).map_or(Shown::computed(Content::Empty), |m| Shown::computed(Content::Amount(*m)))
            }
            (Err(error), _) => failed(plan, error, fmt.lang),
        }
    }
}
