//! Återreglering: at year end each rule's service has billed its pool's
//! budget and cost its actual; the surplus is paid back to the customers (a
//! deficit charged) in proportion to what each was billed. Shown per
//! service, per customer and in each department's result before and after.

use super::page::{Page, Paged};
use super::{column, figure, row};
use crate::model::allocation::AllocationError;
use crate::model::allocation::sheet::{SettlementSheet, settlement};
use crate::model::{Amount, Engine};
use crate::ui::grid::{At, Content, Fmt, RowSpec, Shown, Style};
use crate::ui::i18n::Lang;

/// The three parts of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Services,
    Customers,
    Result,
}

/// What a row of the page is: a part's heading, or a figure's row by its
/// index in the engine's [`SettlementSheet`].
#[derive(Clone, Copy)]
enum Line {
    Heading(Part),
    Service(usize),
    ServicesTotal,
    Customer(usize),
    CustomersTotal,
    Result(usize),
}

/// The cells of the re-settlement: three figures a row.
pub struct SettlementPage {
    lines: Vec<Line>,
}

/// The re-settlement of the engine's plan, laid out in `lang`.
pub fn new(engine: &Engine, lang: Lang) -> Paged<SettlementPage> {
    let sheet = settlement(engine);
    let mut rows: Vec<RowSpec> = Vec::new();
    let mut lines = Vec::new();
    let mut push = |rows: &mut Vec<RowSpec>, line: Line, spec: RowSpec| {
        rows.push(spec);
        lines.push(line);
    };
    let heading = |part: Part, key: &str, at: usize| row(key, lang.settlement_part(part), Style::Group, Some(at));
    let section = rows.len();
    push(&mut rows, Line::Heading(Part::Services), heading(Part::Services, "services", section));
    for (i, service) in sheet.services.iter().enumerate() {
        push(
            &mut rows,
            Line::Service(i),
            row(format!("rule-{}", service.rule.0), &service.name, Style::Line, Some(section)),
        );
    }
    push(&mut rows, Line::ServicesTotal, row("services-total", lang.services_total(), Style::Total, Some(section)));
    let section = rows.len();
    push(&mut rows, Line::Heading(Part::Customers), heading(Part::Customers, "customers", section));
    for (i, customer) in sheet.rows.iter().enumerate() {
        let key = format!("customer-{}", customer.customer.id.0);
        push(&mut rows, Line::Customer(i), row(key, &customer.customer.name, Style::Line, Some(section)));
    }
    push(&mut rows, Line::CustomersTotal, row("customers-total", lang.customers_total(), Style::Total, Some(section)));
    let section = rows.len();
    push(&mut rows, Line::Heading(Part::Result), heading(Part::Result, "result", section));
    let last = sheet.result.len().saturating_sub(1);
    for (i, result) in sheet.result.iter().enumerate() {
        let (key, style) = match result.department {
            Some(id) => (format!("department-{}", id.0), Style::Line),
            None => ("plan".to_owned(), Style::Result),
        };
        let style = if i == last { Style::Result } else { style };
        push(&mut rows, Line::Result(i), row(key, &result.name, style, Some(section)));
    }
    let columns = ["first", "second", "third"].iter().enumerate();
    let columns = columns.map(|(i, key)| column(*key, lang.settlement_column(Part::Customers, i), 210)).collect();
    Paged { label: column("name", lang.settlement_label(), 300), columns, rows, page: SettlementPage { lines } }
}

/// The checked sum of one figure of every service.
fn services_sum(
    sheet: &SettlementSheet,
    pick: fn(&crate::model::allocation::sheet::ServiceSettlement) -> &Result<Amount, AllocationError>,
) -> Result<Amount, AllocationError> {
    sheet.services.iter().map(pick).try_fold(Amount::ZERO, |total, figure| Ok(total.checked_add(figure.clone()?)?))
}

impl Page for SettlementPage {
    fn show(&self, engine: &Engine, at: At, fmt: Fmt) -> Shown {
        let Some(line) = self.lines.get(at.row).copied() else { return Shown::computed(Content::Empty) };
        if let Line::Heading(part) = line {
            return Shown::computed(Content::Text(fmt.lang.settlement_column(part, at.col)));
        }
        let sheet = settlement(engine);
        let figures: [Result<Amount, AllocationError>; 3] = match line {
            Line::Heading(_) => return Shown::computed(Content::Empty),
            Line::Service(i) => {
                let Some(s) = sheet.services.get(i) else { return Shown::computed(Content::Empty) };
                [s.billed.clone(), s.actual.clone(), s.surplus.clone()]
            }
            Line::ServicesTotal => [
                services_sum(&sheet, |s| &s.billed),
                services_sum(&sheet, |s| &s.actual),
                services_sum(&sheet, |s| &s.surplus),
            ],
            Line::Customer(i) => {
                let Some(c) = sheet.rows.get(i) else { return Shown::computed(Content::Empty) };
                [c.billed.clone(), c.actual.clone(), c.back.clone()]
            }
            Line::CustomersTotal => [sheet.billed.clone(), sheet.actual.clone(), sheet.back.clone()],
            Line::Result(i) => {
                let Some(r) = sheet.result.get(i) else { return Shown::computed(Content::Empty) };
                [r.before.clone(), r.to_customers.clone(), r.after.clone()]
            }
        };
        figures.get(at.col).map_or(Shown::computed(Content::Empty), |f| figure(engine.plan(), f, fmt.lang))
    }
}
