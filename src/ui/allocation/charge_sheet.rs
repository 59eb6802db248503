//! Fördelning: what each active customer pays for each service a year, with
//! the totals per customer and per service, each service's pool and the
//! check that the charges sum to it. The key row chooses each rule's key
//! variant; a charge's tooltip says how it came about.

use super::key_sheet::chosen;
use super::page::{Page, Paged};
use super::{column, failed, figure, row};
use crate::model::allocation::sheet::{ChargeSheet, Source, charge_detail, charges};
use crate::model::allocation::{AllocationCommand, AllocationError, CustomerId, KeyChoice};
use crate::model::allocation::{AllocationRule, Entry as Setup};
use crate::model::{Amount, Engine, Plan};
use crate::ui::grid::{Access, At, Content, Editor, Entry, Fmt, Shown, Style};
use crate::ui::i18n::Lang;

/// The cells of customers × services: the key row, a row a customer, then
/// the totals, the pools and the check.
pub struct ChargePage {
    customers: Vec<CustomerId>,
    sources: Vec<Source>,
}

/// Customers × services of the engine's plan, laid out in `lang`.
pub fn new(engine: &Engine, lang: Lang) -> Paged<ChargePage> {
    let sheet = charges(engine);
    let mut columns: Vec<_> = sheet.columns.iter().map(|c| column(source_key(c.source), &c.name, 170)).collect();
    columns.push(column("total", lang.total_header(), 170));
    let mut rows = vec![row("key", lang.key_row(), Style::Line, None)];
    rows.extend(
        sheet.rows.iter().map(|r| row(format!("customer-{}", r.customer.id.0), &r.customer.name, Style::Line, None)),
    );
    rows.push(row("total", lang.customers_total(), Style::Total, None));
    rows.push(row("pool", lang.pool_row(), Style::Line, None));
    rows.push(row("check", lang.check_row(), Style::Result, None));
    let customers = sheet.rows.iter().map(|r| r.customer.id).collect();
    let sources = sheet.columns.iter().map(|c| c.source).collect();
    Paged {
        label: column("customer", lang.customer_header(), 260),
        columns,
        rows,
        page: ChargePage { customers, sources },
    }
}

/// The stable key of a service's column.
fn source_key(source: Source) -> String {
    match source {
        Source::Rule(id) => format!("rule-{}", id.0),
        Source::Price(id) => format!("price-{}", id.0),
    }
}

/// What a row of the page is.
enum Line {
    Key,
    Customer(CustomerId),
    Total,
    Pool,
    Check,
}

/// Every key variant of `plan`, by name: what a rule can allocate by.
fn choices(plan: &Plan) -> Vec<(KeyChoice, String)> {
    let allocation = &plan.allocation;
    let variants =
        allocation.keys.iter().flat_map(|key| key.variants.iter().map(|v| KeyChoice { key: key.id, variant: v.id }));
    variants.map(|choice| (choice, allocation.choice_name(choice))).collect()
}

impl ChargePage {
    fn line(&self, row: usize) -> Line {
        let n = self.customers.len();
        match row {
            0 => Line::Key,
            row if row <= n => Line::Customer(self.customers[row - 1]),
            row if row == n + 1 => Line::Total,
            row if row == n + 2 => Line::Pool,
            _ => Line::Check,
        }
    }

    /// The rule of column `col`, if a rule bills it.
    fn rule<'a>(&self, plan: &'a Plan, col: usize) -> Option<&'a AllocationRule> {
        match self.sources.get(col)? {
            Source::Rule(id) => plan.allocation.rule(*id),
            Source::Price(_) => None,
        }
    }

    /// The key row: the variant each rule (and price) goes by.
    fn key(&self, plan: &Plan, col: usize) -> Shown {
        let allocation = &plan.allocation;
        match self.sources.get(col) {
            Some(Source::Rule(id)) => {
                let name = allocation.rule(*id).map(|rule| allocation.choice_name(rule.key)).unwrap_or_default();
                Shown { access: Access::Choice, ..Shown::computed(Content::Text(name)) }
            }
            Some(Source::Price(id)) => {
                let name = allocation.price(*id).map(|price| allocation.choice_name(price.volume)).unwrap_or_default();
                Shown::computed(Content::Text(name))
            }
            None => Shown::computed(Content::Empty),
        }
    }

    /// A customer's charge, with how it came about for a rule.
    fn charge(&self, engine: &Engine, sheet: &ChargeSheet, customer: CustomerId, col: usize, lang: Lang) -> Shown {
        let plan = engine.plan();
        let Some(row) = sheet.rows.iter().find(|row| row.customer.id == customer) else {
            return failed(plan, &AllocationError::Inactive(customer), lang);
        };
        let Some(charge) = row.charges.get(col) else { return figure(plan, &row.total, lang) };
        let shown = figure(plan, charge, lang);
        let detail = self.rule(plan, col).and_then(|rule| {
            let detail = charge_detail(engine, rule.id, customer).ok()?;
            Some(lang.charge_detail(&rule.name, &plan.allocation.choice_name(rule.key), &detail))
        });
        Shown { title: shown.title.or(detail), ..shown }
    }

    /// The check of a column: Σ customers = pool, or the difference.
    fn check(&self, plan: &Plan, sheet: &ChargeSheet, col: usize, lang: Lang) -> Shown {
        let Some(column) = sheet.columns.get(col) else {
            let rules = sheet.columns.iter().filter(|c| matches!(c.source, Source::Rule(_)));
            let balanced = rules.clone().all(|c| matches!(c.difference, Some(Ok(d)) if d.is_zero()));
            return Shown::computed(if balanced {
                Content::Text(lang.sum_equals_pool().into())
            } else {
                Content::Empty
            });
        };
        match (&column.difference, column.source) {
            (None, _) => Shown::computed(Content::Empty),
            (Some(Err(error)), _) => failed(plan, error, lang),
            (Some(Ok(difference)), _) if difference.is_zero() => {
                Shown::computed(Content::Text(lang.sum_equals_pool().into()))
            }
            (Some(Ok(difference)), Source::Price(_)) => {
                Shown::computed(Content::Text(lang.rounding_difference(*difference)))
            }
            (Some(Ok(difference)), Source::Rule(_)) => {
                let text = lang.pool_difference(*difference);
                Shown { title: Some(text.clone()), ..Shown::computed(Content::Error(text)) }
            }
        }
    }
}

/// The sum of the pools of the services that have one.
fn pools(sheet: &ChargeSheet) -> Result<Amount, AllocationError> {
    sheet
        .columns
        .iter()
        .filter_map(|c| c.pool.clone())
        .try_fold(Amount::ZERO, |total, pool| Ok(total.checked_add(pool?)?))
}

impl Page for ChargePage {
    fn show(&self, engine: &Engine, at: At, fmt: Fmt) -> Shown {
        let plan = engine.plan();
        let lang = fmt.lang;
        let line = self.line(at.row);
        if let Line::Key = line {
            return self.key(plan, at.col);
        }
        let sheet = charges(engine);
        let column = sheet.columns.get(at.col);
        match line {
            Line::Key => Shown::computed(Content::Empty),
            Line::Customer(customer) => self.charge(engine, &sheet, customer, at.col, lang),
            Line::Total => figure(plan, column.map_or(&sheet.total, |c| &c.total), lang),
            Line::Pool => match column {
                Some(column) => {
                    column.pool.as_ref().map_or(Shown::computed(Content::Empty), |pool| figure(plan, pool, lang))
                }
                None => figure(plan, &pools(&sheet), lang),
            },
            Line::Check => self.check(plan, &sheet, at.col, lang),
        }
    }

    fn edit(&self, engine: &Engine, at: At, fmt: Fmt) -> Result<Editor, String> {
        let plan = engine.plan();
        match (self.line(at.row), self.rule(plan, at.col)) {
            (Line::Key, Some(rule)) => {
                let choices = choices(plan);
                let current = choices.iter().position(|(choice, _)| *choice == rule.key);
                Ok(Editor::Choice { options: choices.into_iter().map(|(_, name)| name).collect(), current })
            }
            (Line::Key, None) => Err(fmt.lang.price_key_elsewhere().into()),
            _ => Err(fmt.lang.computed_cell().into()),
        }
    }

    fn enter(&self, engine: &Engine, at: At, text: &str, fmt: Fmt) -> Result<Entry, String> {
        let plan = engine.plan();
        let (Line::Key, Some(rule)) = (self.line(at.row), self.rule(plan, at.col)) else {
            return Err(self.edit(engine, at, fmt).err().unwrap_or_default());
        };
        let choices = choices(plan);
        let names: Vec<String> = choices.iter().map(|(_, name)| name.clone()).collect();
        let key = choices[chosen(text, &names, fmt.lang)?].0;
        let command = AllocationCommand::Update(Box::new(Setup::Rule(AllocationRule { key, ..rule.clone() })));
        Ok(Entry { command: command.into(), note: None })
    }
}
