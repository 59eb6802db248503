//! Kunder och nycklar: every customer × every key variant, the values typed
//! (or pasted from Excel) in the grid, the type and whether the customer is
//! active chosen from a list, and the key totals over the active customers.

use rust_decimal::Decimal;

use super::page::{Page, Paged};
use super::{column, failed, row};
use crate::model::allocation::Entry as Setup;
use crate::model::allocation::sheet::keys;
use crate::model::allocation::{AllocationCommand, Customer, CustomerId, CustomerKind, KeyCell, KeyChoice, Refusal};
use crate::model::number::{parse_number, plain};
use crate::model::{Command, Engine, Plan};
use crate::ui::grid::{Access, At, Content, Editor, Entry, Fmt, Shown, Style};
use crate::ui::i18n::Lang;

/// The first columns, before the key variants.
const KIND: usize = 0;
const ACTIVE: usize = 1;
const KEYS: usize = 2;

/// The types of customer, in the order of the list.
const KINDS: [CustomerKind; 2] = [CustomerKind::Administration, CustomerKind::Company];

/// The cells of customers × keys: one row a customer, then the totals.
pub struct KeyPage {
    customers: Vec<CustomerId>,
    keys: Vec<KeyChoice>,
}

/// Customers × keys of `plan`, laid out in `lang`.
pub fn new(plan: &Plan, lang: Lang) -> Paged<KeyPage> {
    let sheet = keys(plan);
    let mut columns = vec![column("kind", lang.kind_header(), 110), column("active", lang.active_header(), 70)];
    columns.extend(sheet.columns.iter().map(|c| {
        let key = format!("key-{}-{}", c.key.key.0, c.key.variant.0);
        column(key, format!("{} ({})", crate::model::allocation::label(&c.name, &c.variant), c.unit), 130)
    }));
    let mut rows: Vec<_> = sheet
        .rows
        .iter()
        .map(|r| row(format!("customer-{}", r.customer.id.0), &r.customer.name, Style::Line, None))
        .collect();
    rows.push(row("total", lang.key_total(), Style::Total, None));
    let customers = sheet.rows.iter().map(|r| r.customer.id).collect();
    let keys = sheet.columns.iter().map(|c| c.key).collect();
    Paged { label: column("customer", lang.customer_header(), 260), columns, rows, page: KeyPage { customers, keys } }
}

/// What a cell of the page is.
enum Cell<'a> {
    Kind(&'a Customer),
    Active(&'a Customer),
    Value(&'a Customer, KeyChoice),
    Total(usize),
    Blank,
}

impl KeyPage {
    fn cell<'a>(&self, plan: &'a Plan, at: At) -> Cell<'a> {
        let Some(customer) = self.customers.get(at.row).and_then(|id| plan.customer(*id)) else {
            return at.col.checked_sub(KEYS).map_or(Cell::Blank, Cell::Total);
        };
        match at.col {
            KIND => Cell::Kind(customer),
            ACTIVE => Cell::Active(customer),
            col => self.keys.get(col - KEYS).map_or(Cell::Blank, |key| Cell::Value(customer, *key)),
        }
    }
}

/// The types of customer as the list shows them.
fn kinds(lang: Lang) -> Vec<String> {
    KINDS.map(|kind| lang.customer_kind(kind).to_owned()).to_vec()
}

/// A key value with every decimal it has.
pub fn number(value: Decimal) -> Content {
    Content::Number { value, decimals: value.normalize().scale() }
}

/// The customer with a new type or activity, as an edit.
fn update(customer: Customer) -> Entry {
    Entry { command: AllocationCommand::Update(Box::new(Setup::Customer(customer))).into(), note: None }
}

fn set_value(cell: KeyCell, value: Option<Decimal>) -> Command {
    AllocationCommand::SetValues(vec![(cell, value)]).into()
}

/// The option of `options` that `text` names, ignoring case, or why none does.
pub fn chosen(text: &str, options: &[String], lang: Lang) -> Result<usize, String> {
    let text = text.trim().to_lowercase();
    options.iter().position(|option| option.to_lowercase() == text).ok_or_else(|| lang.not_an_option(&text, options))
}

impl Page for KeyPage {
    fn show(&self, engine: &Engine, at: At, fmt: Fmt) -> Shown {
        let plan = engine.plan();
        let lang = fmt.lang;
        let choice = |text: &str| Shown { access: Access::Choice, ..Shown::computed(Content::Text(text.into())) };
        match self.cell(plan, at) {
            Cell::Kind(customer) => choice(lang.customer_kind(customer.kind)),
            Cell::Active(customer) => choice(lang.yes_no(customer.active)),
            Cell::Value(customer, key) => {
                let value = plan.allocation.variant(key).and_then(|v| v.values.get(&customer.id).copied());
                let missing = (value.is_none() && customer.active)
                    .then(|| lang.missing_value(customer, &plan.allocation.choice_name(key)));
                Shown { access: Access::Typed, title: missing, ..Shown::computed(value.map_or(Content::Empty, number)) }
            }
            Cell::Total(index) => match keys(plan).columns.get(index).map(|c| c.total.clone()) {
                Some(Ok(total)) => Shown::computed(number(total)),
                Some(Err(error)) => failed(plan, &error, lang),
                None => Shown::computed(Content::Empty),
            },
            Cell::Blank => Shown::computed(Content::Empty),
        }
    }

    fn edit(&self, engine: &Engine, at: At, fmt: Fmt) -> Result<Editor, String> {
        let plan = engine.plan();
        let lang = fmt.lang;
        match self.cell(plan, at) {
            Cell::Kind(customer) => {
                let current = KINDS.iter().position(|kind| *kind == customer.kind);
                Ok(Editor::Choice { options: kinds(lang), current })
            }
            Cell::Active(customer) => {
                Ok(Editor::Choice { options: lang.yes_and_no(), current: Some(usize::from(!customer.active)) })
            }
            Cell::Value(customer, key) => {
                let value = plan.allocation.variant(key).and_then(|v| v.values.get(&customer.id).copied());
                let hint = lang.key_value_hint(&plan.allocation.choice_name(key));
                Ok(Editor::Text { text: value.map(plain).unwrap_or_default(), hint: Some(hint) })
            }
            Cell::Total(_) | Cell::Blank => Err(lang.computed_cell().into()),
        }
    }

    fn enter(&self, engine: &Engine, at: At, text: &str, fmt: Fmt) -> Result<Entry, String> {
        let plan = engine.plan();
        let lang = fmt.lang;
        match self.cell(plan, at) {
            Cell::Kind(customer) => {
                let kind = KINDS[chosen(text, &kinds(lang), lang)?];
                Ok(update(Customer { kind, ..customer.clone() }))
            }
            Cell::Active(customer) => {
                let active = chosen(text, &lang.yes_and_no(), lang)? == 0;
                Ok(update(Customer { active, ..customer.clone() }))
            }
            Cell::Value(customer, key) => {
                let cell = KeyCell { key, customer: customer.id };
                if text.trim().is_empty() {
                    return Ok(Entry { command: set_value(cell, None), note: None });
                }
                let value = parse_number(text).map_err(|error| lang.amount_error(error, text))?;
                if value.is_sign_negative() && !value.is_zero() {
                    let key = plan.allocation.choice_name(key);
                    return Err(lang.refusal(&Refusal::NegativeValue { key, customer: customer.name.clone() }));
                }
                Ok(Entry { command: set_value(cell, Some(value)), note: None })
            }
            Cell::Total(_) | Cell::Blank => Err(lang.computed_cell().into()),
        }
    }

    fn clear(&self, engine: &Engine, at: At) -> Option<Command> {
        match self.cell(engine.plan(), at) {
            Cell::Value(customer, key) => Some(set_value(KeyCell { key, customer: customer.id }, None)),
            _ => None,
        }
    }
}
