//! The words of the allocation views, in Swedish and English.

use rust_decimal::Decimal;

use super::AllocationPage;
use super::settlement_sheet::Part;
use crate::model::allocation::sheet::ChargeDetail;
use crate::model::allocation::{Customer, CustomerKind};
use crate::model::number::{format_decimal, format_exact};
use crate::model::spread::Rounding;
use crate::model::{Amount, Unit};
use crate::ui::i18n::Lang;

/// `value` with every decimal it has, Swedish style.
fn exact(value: Decimal) -> String {
    let value = value.normalize();
    format_decimal(value, value.scale())
}

/// An amount in kronor with every öre it has: "1 234,5 kr".
fn kronor(amount: Amount) -> String {
    format!("{} kr", format_exact(amount, Unit::Kr))
}

impl Lang {
    /// The top tab.
    pub fn view_allocation(self) -> &'static str {
        self.pick("Fördelning", "Allocation")
    }

    pub fn allocation_pages(self) -> &'static str {
        self.pick("Fördelningens sidor", "Allocation pages")
    }

    pub fn page_name(self, page: AllocationPage) -> &'static str {
        match page {
            AllocationPage::Keys => self.pick("Kunder och nycklar", "Customers and keys"),
            AllocationPage::Charges => self.pick("Fördelning", "Charges"),
            AllocationPage::Prices => self.pick("Prislista", "Price list"),
            AllocationPage::Billing => self.pick("Fakturering", "Billing"),
            AllocationPage::Settlement => self.pick("Återreglering", "Re-settlement"),
            AllocationPage::Comparison(_) => self.pick("Nyckeljämförelse", "Key comparison"),
        }
    }

    pub fn customer_header(self) -> &'static str {
        self.pick("Kund", "Customer")
    }

    pub fn kind_header(self) -> &'static str {
        self.pick("Typ", "Type")
    }

    pub fn active_header(self) -> &'static str {
        self.pick("Aktiv", "Active")
    }

    pub fn customer_kind(self, kind: CustomerKind) -> &'static str {
        match kind {
            CustomerKind::Administration => self.pick("Förvaltning", "Department"),
            CustomerKind::Company => self.pick("Bolag", "Company"),
        }
    }

    pub fn yes_no(self, yes: bool) -> &'static str {
        if yes { self.pick("Ja", "Yes") } else { self.pick("Nej", "No") }
    }

    /// The list of a yes-or-no cell: yes first.
    pub fn yes_and_no(self) -> Vec<String> {
        vec![self.yes_no(true).into(), self.yes_no(false).into()]
    }

    pub fn key_total(self) -> &'static str {
        self.pick("Summa aktiva kunder", "Total of active customers")
    }

    /// The tooltip of an active customer's missing key value.
    pub fn missing_value(self, customer: &Customer, key: &str) -> String {
        match self {
            Lang::Sv => format!("”{}” saknar värde i ”{key}”: regler på nyckeln kan inte beräknas.", customer.name),
            Lang::En => format!("'{}' has no value in '{key}': rules on the key cannot be computed.", customer.name),
        }
    }

    pub fn key_value_hint(self, key: &str) -> String {
        match self {
            Lang::Sv => format!("Värde i ”{key}”, noll eller mer; tomt tar bort värdet."),
            Lang::En => format!("Value in '{key}', zero or more; empty removes the value."),
        }
    }

    /// Why `text` is not one of `options`.
    pub fn not_an_option(self, text: &str, options: &[String]) -> String {
        match self {
            Lang::Sv => format!("”{text}” finns inte i listan. Välj en av: {}.", options.join(", ")),
            Lang::En => format!("'{text}' is not in the list. Choose one of: {}.", options.join(", ")),
        }
    }

    pub fn total_header(self) -> &'static str {
        self.pick("Summa", "Total")
    }

    pub fn key_row(self) -> &'static str {
        self.pick("Fördelningsnyckel", "Allocation key")
    }

    pub fn customers_total(self) -> &'static str {
        self.pick("Summa kunder", "Total of customers")
    }

    pub fn pool_row(self) -> &'static str {
        self.pick("Kostnadspool (budget)", "Cost pool (budget)")
    }

    pub fn check_row(self) -> &'static str {
        self.pick("Kontroll: Σ kunder mot pool", "Check: Σ customers against pool")
    }

    pub fn sum_equals_pool(self) -> &'static str {
        self.pick("Σ = pool, differens 0 kr", "Σ = pool, difference 0 kr")
    }

    pub fn rounding_difference(self, difference: Amount) -> String {
        match self {
            Lang::Sv => format!("Avrundningsdifferens {}", kronor(difference)),
            Lang::En => format!("Rounding difference {}", kronor(difference)),
        }
    }

    pub fn pool_difference(self, difference: Amount) -> String {
        match self {
            Lang::Sv => format!("Σ ≠ pool, differens {}", kronor(difference)),
            Lang::En => format!("Σ ≠ pool, difference {}", kronor(difference)),
        }
    }

    pub fn price_key_elsewhere(self) -> &'static str {
        self.pick(
            "Ett pris volym väljs på prislistan; här väljs nyckeln för fördelningsregler.",
            "A price's volume is set on the price list; here the key of allocation rules is chosen.",
        )
    }

    /// How a charge came about: pool × value ÷ total, then rounded.
    pub fn charge_detail(self, rule: &str, key: &str, detail: &ChargeDetail) -> String {
        let share = exact((detail.share * Decimal::ONE_HUNDRED).round_dp(4));
        let (pool, value, total) = (kronor(detail.pool), exact(detail.value), exact(detail.total));
        let (precise, charge) = (exact(detail.exact), kronor(detail.charge));
        match self {
            Lang::Sv => format!(
                "{rule}: pool {pool} × {value} ÷ {total} (”{key}”, andel {share} %) = {precise} kr, avrundat så att summan blir poolen: {charge}"
            ),
            Lang::En => format!(
                "{rule}: pool {pool} × {value} ÷ {total} ('{key}', share {share} %) = {precise} kr, rounded so that the sum is the pool: {charge}"
            ),
        }
    }

    pub fn year_header(self) -> &'static str {
        self.pick("Helår", "Full year")
    }

    pub fn settlement_label(self) -> &'static str {
        self.pick("Tjänst, kund eller avdelning", "Service, customer or department")
    }

    pub fn settlement_part(self, part: Part) -> &'static str {
        match part {
            Part::Services => self.pick("Per tjänst", "Per service"),
            Part::Customers => self.pick("Per kund", "Per customer"),
            Part::Result => self.pick("Resultat per avdelning", "Result per department"),
        }
    }

    /// The heading of column `index` in `part`.
    pub fn settlement_column(self, part: Part, index: usize) -> String {
        let names = match part {
            Part::Services => [
                self.pick("Fakturerat", "Billed"),
                self.pick("Faktisk kostnad", "Actual cost"),
                self.pick("Överskott (+) / underskott (−)", "Surplus (+) / deficit (−)"),
            ],
            Part::Customers => [
                self.pick("Fakturerat", "Billed"),
                self.pick("Andel av faktisk kostnad", "Share of actual cost"),
                self.pick("Återbetalas (+) / debiteras (−)", "Paid back (+) / charged (−)"),
            ],
            Part::Result => [
                self.pick("Resultat innan återreglering", "Result before re-settlement"),
                self.pick("Återreglering till kund", "Re-settlement to customers"),
                self.pick("Resultat", "Result"),
            ],
        };
        names.get(index).copied().unwrap_or_default().to_owned()
    }

    pub fn services_total(self) -> &'static str {
        self.pick("Summa tjänster", "Total of services")
    }

    pub fn service_header(self) -> &'static str {
        self.pick("Tjänst", "Service")
    }

    /// The heading of column `index` of the price list.
    pub fn price_column(self, index: usize) -> &'static str {
        let names = [
            self.pick("Volym", "Volume"),
            self.pick("Total volym", "Total volume"),
            self.pick("Kostnadspool (budget)", "Cost pool (budget)"),
            self.pick("Pris sätts", "Price set"),
            self.pick("Pris per enhet (kr)", "Price per unit (kr)"),
            self.pick("Fakturerat", "Billed"),
            self.pick("Avrundningsdifferens", "Rounding difference"),
        ];
        names.get(index).copied().unwrap_or_default()
    }

    pub fn typed_price(self) -> &'static str {
        self.pick("Inskrivet", "Typed")
    }

    pub fn derived_price(self, rounding: Rounding) -> String {
        let step = match rounding {
            Rounding::Ore => self.pick("öre", "öre"),
            Rounding::Krona => self.pick("hela kronor", "whole kronor"),
            Rounding::TenKronor => self.pick("tiotal kronor", "tens of kronor"),
            Rounding::HundredKronor => self.pick("hundratal kronor", "hundreds of kronor"),
        };
        match self {
            Lang::Sv => format!("Pool ÷ volym, avrundat till {step}"),
            Lang::En => format!("Pool ÷ volume, rounded to {step}"),
        }
    }

    pub fn price_hint(self) -> &'static str {
        self.pick(
            "Pris per enhet i kronor; priset blir inskrivet.",
            "Price per unit in kronor; the price becomes typed.",
        )
    }

    pub fn difference_header(self) -> &'static str {
        self.pick("Skillnad B − A", "Difference B − A")
    }

    pub fn percent_header(self) -> &'static str {
        self.pick("Skillnad %", "Difference %")
    }
}

/// The words of the forms.
impl Lang {
    pub fn customers_legend(self) -> &'static str {
        self.pick("Kunder", "Customers")
    }

    pub fn keys_legend(self) -> &'static str {
        self.pick("Nycklar och varianter", "Keys and variants")
    }

    pub fn add_customer(self) -> &'static str {
        self.pick("Lägg till kund", "Add customer")
    }

    pub fn rename(self) -> &'static str {
        self.pick("Byt namn", "Rename")
    }

    pub fn unit_of_key(self) -> &'static str {
        self.pick("Enhet", "Unit")
    }

    pub fn add_key(self) -> &'static str {
        self.pick("Lägg till nyckel", "Add key")
    }

    pub fn variant_of(self) -> &'static str {
        self.pick("Variant av", "Variant of")
    }

    pub fn add_variant(self) -> &'static str {
        self.pick("Lägg till variant (kopia av värdena)", "Add variant (copy of the values)")
    }

    pub fn rule_label(self) -> &'static str {
        self.pick("Regel", "Rule")
    }
}
