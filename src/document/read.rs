//! Reading a plan from JSON, checking everything and reporting every problem
//! with where it is, rather than stopping at the first.

mod allocation;
mod indicators;
mod scenarios;

use std::collections::HashSet;
use std::fmt::Display;

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use crate::model::{
    Activity, Amount, AmountError, Category, CategoryId, Department, DepartmentId, Driver, DriverId, Forecast,
    Indicator, IndicatorId, Kind, Line, LineId, Month, Monthly, Plan, Service, ServiceId, Snapshot,
};

/// What is wrong at a place in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A required field is missing.
    Missing,
    /// The value has the wrong JSON type; `expected` names the right one.
    WrongType { expected: Expected },
    /// A text that is not an amount.
    NotAnAmount { text: String, error: AmountError },
    /// An amount written as a JSON number: it may already have lost öre.
    AmountAsNumber,
    /// A list of months that does not have twelve.
    NotTwelve { found: usize },
    /// An indicator's list of values that does not have one per period.
    Periods { expected: usize, found: usize },
    /// A field this version of the format does not have.
    UnknownField,
    /// A value outside the ones allowed, such as a month 13 or a kind "other".
    NotAllowed { found: String },
    /// The same id twice in a list.
    DuplicateId { id: u32 },
    /// A line names a department, category, service, driver or indicator
    /// the plan lacks, or an indicator (named in `line`) a perspective.
    UnknownReference { kind: Expected, id: u32, line: String },
    /// A figure computed from the line (its forecast, its formula, or a
    /// total it is added to) leaves the range of amounts.
    OutOfRange { line: String },
    /// A customer, key, pool, rule or price (named `by`) refers to a
    /// customer, key, variant, pool, department, category, service or line
    /// the plan lacks.
    UnknownEntry { kind: Expected, id: u32, by: String },
    /// A second rule or price bills the same cost pool.
    BilledTwice { pool: u32 },
}

/// The kind of value expected at a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Object,
    List,
    Text,
    WholeNumber,
    Department,
    Category,
    Service,
    Driver,
    Boolean,
    Line,
    Customer,
    Key,
    Variant,
    Pool,
    Perspective,
    Indicator,
    Scenario,
}

/// A problem and where it is: a path like `lines[12].budget[3]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    pub path: String,
    pub problem: Problem,
}

/// The most problems listed: past this a file is hopeless anyway.
const MAX_PROBLEMS: usize = 50;

/// Which lists of the structure were read with every item.
#[derive(Clone, Copy)]
struct Whole {
    departments: bool,
    categories: bool,
    services: bool,
    drivers: bool,
    perspectives: bool,
    indicators: bool,
}

/// Collects problems while building a plan.
#[derive(Default)]
struct Reader {
    problems: Vec<Located>,
}

fn at(path: &str, field: impl Display) -> String {
    if path.is_empty() { field.to_string() } else { format!("{path}.{field}") }
}

fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

impl Reader {
    fn report(&mut self, path: &str, problem: Problem) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Located { path: path.to_owned(), problem });
        }
    }

    fn wrong<T>(&mut self, path: &str, expected: Expected) -> Option<T> {
        self.report(path, Problem::WrongType { expected });
        None
    }

    /// An object with only the `fields` allowed.
    fn object<'a>(&mut self, value: &'a Value, path: &str, fields: &[&str]) -> Option<&'a Map<String, Value>> {
        let Value::Object(map) = value else { return self.wrong(path, Expected::Object) };
        for key in map.keys().filter(|key| !fields.contains(&key.as_str())) {
            self.report(&at(path, key), Problem::UnknownField);
        }
        Some(map)
    }

    fn field<'a>(&mut self, map: &'a Map<String, Value>, path: &str, name: &str) -> Option<&'a Value> {
        let value = map.get(name);
        if value.is_none() {
            self.report(&at(path, name), Problem::Missing);
        }
        value
    }

    /// An optional field of `map`: absent or `null` is `Some(None)` (as the
    /// schema says), anything else read by `read`; `None` when that fails.
    fn maybe<T>(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        name: &str,
        read: impl FnOnce(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<Option<T>> {
        match map.get(name) {
            None | Some(Value::Null) => Some(None),
            Some(value) => read(self, value, &at(path, name)).map(Some),
        }
    }

    fn text(&mut self, value: &Value, path: &str) -> Option<String> {
        match value {
            Value::String(text) => Some(text.clone()),
            _ => self.wrong(path, Expected::Text),
        }
    }

    fn whole(&mut self, value: &Value, path: &str) -> Option<i64> {
        match value.as_i64() {
            Some(n) => Some(n),
            None => self.wrong(path, Expected::WholeNumber),
        }
    }

    fn id(&mut self, value: &Value, path: &str) -> Option<u32> {
        let n = self.whole(value, path)?;
        match u32::try_from(n) {
            Ok(id) => Some(id),
            Err(_) => self.not_allowed(path, n),
        }
    }

    fn not_allowed<T>(&mut self, path: &str, found: impl Display) -> Option<T> {
        self.report(path, Problem::NotAllowed { found: found.to_string() });
        None
    }

    fn list<'a>(&mut self, value: &'a Value, path: &str) -> Option<&'a Vec<Value>> {
        match value {
            Value::Array(items) => Some(items),
            _ => self.wrong(path, Expected::List),
        }
    }

    fn amount(&mut self, value: &Value, path: &str) -> Option<Amount> {
        match value {
            Value::String(text) => match text.parse() {
                Ok(amount) => Some(amount),
                Err(error) => {
                    self.report(path, Problem::NotAnAmount { text: text.clone(), error });
                    None
                }
            },
            Value::Number(_) => {
                self.report(path, Problem::AmountAsNumber);
                None
            }
            _ => self.wrong(path, Expected::Text),
        }
    }

    /// Twelve values, each read by `read`; every bad one is reported.
    fn twelve<T: Copy + Default>(
        &mut self,
        value: &Value,
        path: &str,
        read: fn(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<[T; 12]> {
        let items = self.list(value, path)?;
        if items.len() != 12 {
            self.report(path, Problem::NotTwelve { found: items.len() });
            return None;
        }
        let mut out = [T::default(); 12];
        let mut whole = true;
        for (i, item) in items.iter().enumerate() {
            match read(self, item, &index(path, i)) {
                Some(value) => out[i] = value,
                None => whole = false,
            }
        }
        whole.then_some(out)
    }

    fn monthly(&mut self, value: &Value, path: &str) -> Option<Monthly> {
        self.twelve(value, path, Reader::amount)
    }

    fn quantity(&mut self, value: &Value, path: &str) -> Option<Decimal> {
        let text = self.text(value, path)?;
        match Decimal::from_str_exact(&text) {
            Ok(quantity) => Some(quantity),
            Err(_) => self.not_allowed(path, format!("\"{text}\"")),
        }
    }

    fn month(&mut self, value: &Value, path: &str) -> Option<Month> {
        let n = self.whole(value, path)?;
        match u8::try_from(n).ok().and_then(|n| Month::try_from(n).ok()) {
            Some(month) => Some(month),
            None => self.not_allowed(path, n),
        }
    }

    /// Each item of the list at `name`, read by `read`, and whether every
    /// item was read: references are checked only against whole lists, so a
    /// bad item is reported once and not again by every line naming it.
    fn items<T>(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        name: &str,
        required: bool,
        read: impl Fn(&mut Self, &Value, &str) -> Option<T>,
    ) -> (Vec<T>, bool) {
        let (items, whole) = self.indexed(map, path, name, required, read);
        (items.into_iter().map(|(_, item)| item).collect(), whole)
    }

    /// [`Reader::items`] with each item's index in the file.
    fn indexed<T>(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        name: &str,
        required: bool,
        read: impl Fn(&mut Self, &Value, &str) -> Option<T>,
    ) -> (Vec<(usize, T)>, bool) {
        let path = at(path, name);
        let value = match map.get(name) {
            Some(value) => value,
            None if required => {
                self.report(&path, Problem::Missing);
                return (Vec::new(), false);
            }
            None => return (Vec::new(), true),
        };
        let Some(items) = self.list(value, &path) else { return (Vec::new(), false) };
        let read: Vec<(usize, T)> =
            items.iter().enumerate().filter_map(|(i, item)| Some((i, read(self, item, &index(&path, i))?))).collect();
        let whole = read.len() == items.len();
        (read, whole)
    }

    /// The `id` and `name` every member of the structure has.
    fn id_and_name(&mut self, map: &Map<String, Value>, path: &str) -> (Option<u32>, Option<String>) {
        let id = self.field(map, path, "id").and_then(|v| self.id(v, &at(path, "id")));
        let name = self.field(map, path, "name").and_then(|v| self.text(v, &at(path, "name")));
        (id, name)
    }

    /// A member that is only an id and a name.
    fn named<T>(&mut self, value: &Value, path: &str, make: fn(u32, String) -> T) -> Option<T> {
        let map = self.object(value, path, &["id", "name"])?;
        let (id, name) = self.id_and_name(map, path);
        Some(make(id?, name?))
    }

    fn department(&mut self, value: &Value, path: &str) -> Option<Department> {
        self.named(value, path, |id, name| Department { id: DepartmentId(id), name })
    }

    fn service(&mut self, value: &Value, path: &str) -> Option<Service> {
        self.named(value, path, |id, name| Service { id: ServiceId(id), name })
    }

    fn category(&mut self, value: &Value, path: &str) -> Option<Category> {
        let map = self.object(value, path, &["id", "name", "kind"])?;
        let (id, name) = self.id_and_name(map, path);
        let kind = self.field(map, path, "kind").and_then(|v| self.text(v, &at(path, "kind")));
        let kind = match kind?.as_str() {
            "cost" => Kind::Cost,
            "revenue" => Kind::Revenue,
            other => return self.not_allowed(&at(path, "kind"), format!("\"{other}\"")),
        };
        Some(Category { id: CategoryId(id?), name: name?, kind })
    }

    fn driver(&mut self, value: &Value, path: &str) -> Option<Driver> {
        let map = self.object(value, path, &["id", "name", "unit", "months"])?;
        let (id, name) = self.id_and_name(map, path);
        let unit = self.field(map, path, "unit").and_then(|v| self.text(v, &at(path, "unit")));
        let months =
            self.field(map, path, "months").and_then(|v| self.twelve(v, &at(path, "months"), Reader::quantity));
        Some(Driver { id: DriverId(id?), name: name?, unit: unit?, months: months? })
    }

    fn forecast(&mut self, value: &Value, path: &str) -> Option<Forecast> {
        // Each method has its own fields, as the schema has them.
        let fields: &[&str] = match value.get("method").and_then(Value::as_str) {
            Some("manual") => &["method", "months"],
            Some("driver") => &["method", "driver", "price"],
            Some("volume") => &["method", "indicator", "price"],
            _ => &["method"],
        };
        let map = self.object(value, path, fields)?;
        let method = self.field(map, path, "method").and_then(|v| self.text(v, &at(path, "method")))?;
        Some(match method.as_str() {
            "budget" => Forecast::Budget,
            "run_rate" => Forecast::RunRate,
            "last_year" => Forecast::LastYear,
            "manual" => Forecast::Manual {
                months: self.field(map, path, "months").and_then(|v| self.monthly(v, &at(path, "months")))?,
            },
            "driver" => {
                let driver = self.field(map, path, "driver").and_then(|v| self.id(v, &at(path, "driver")));
                let price = self.field(map, path, "price").and_then(|v| self.amount(v, &at(path, "price")));
                Forecast::Driver { driver: DriverId(driver?), price: price? }
            }
            "volume" => {
                let indicator = self.field(map, path, "indicator").and_then(|v| self.id(v, &at(path, "indicator")));
                let price = self.field(map, path, "price").and_then(|v| self.amount(v, &at(path, "price")));
                Forecast::Volume { indicator: IndicatorId(indicator?), price: price? }
            }
            other => return self.not_allowed(&at(path, "method"), format!("\"{other}\"")),
        })
    }

    fn line(&mut self, value: &Value, path: &str) -> Option<Line> {
        const FIELDS: [&str; 11] = [
            "id",
            "name",
            "department",
            "activity",
            "category",
            "service",
            "budget",
            "outcome",
            "last_year",
            "forecast",
            "formula",
        ];
        let map = self.object(value, path, &FIELDS)?;
        let (id, name) = self.id_and_name(map, path);
        let department = self.field(map, path, "department").and_then(|v| self.id(v, &at(path, "department")));
        let activity = self.field(map, path, "activity").and_then(|v| self.text(v, &at(path, "activity")));
        let activity = match activity.as_deref() {
            Some("operations") => Some(Activity::Operations),
            Some("development") => Some(Activity::Development),
            Some(other) => self.not_allowed(&at(path, "activity"), format!("\"{other}\"")),
            None => None,
        };
        let category = self.field(map, path, "category").and_then(|v| self.id(v, &at(path, "category")));
        let service = self.maybe(map, path, "service", Reader::id);
        let budget = self.field(map, path, "budget").and_then(|v| self.monthly(v, &at(path, "budget")));
        let outcome = self.field(map, path, "outcome").and_then(|v| self.monthly(v, &at(path, "outcome")));
        let last_year = self.field(map, path, "last_year").and_then(|v| self.monthly(v, &at(path, "last_year")));
        let forecast = self.field(map, path, "forecast").and_then(|v| self.forecast(v, &at(path, "forecast")));
        let formula = self.maybe(map, path, "formula", Reader::text);
        Some(Line {
            id: LineId(id?),
            name: name?,
            department: DepartmentId(department?),
            activity: activity?,
            category: CategoryId(category?),
            service: service?.map(ServiceId),
            budget: budget?,
            outcome: outcome?,
            last_year: last_year?,
            forecast: forecast?,
            formula: formula?,
        })
    }

    fn snapshot(&mut self, value: &Value, path: &str) -> Option<Snapshot> {
        let map = self.object(value, path, &["closed", "lines"])?;
        let closed = self.field(map, path, "closed").and_then(|v| self.month(v, &at(path, "closed")));
        let (lines, _) = self.items(map, path, "lines", true, |reader, item, path| {
            let pair = reader.list(item, path)?;
            let [id, months] = pair.as_slice() else { return reader.wrong(path, Expected::List) };
            let id = reader.id(id, &index(path, 0));
            let months = reader.monthly(months, &index(path, 1));
            Some((LineId(id?), months?))
        });
        Some(Snapshot { closed: closed?, lines })
    }

    fn plan(&mut self, value: &Value) -> Option<Plan> {
        const FIELDS: [&str; 15] = [
            "name",
            "year",
            "closed_through",
            "departments",
            "categories",
            "services",
            "drivers",
            "lines",
            "snapshots",
            "customers",
            "allocation",
            "perspectives",
            "status_rule",
            "indicators",
            "scenarios",
        ];
        let map = self.object(value, "", &FIELDS)?;
        let name = self.field(map, "", "name").and_then(|v| self.text(v, "name"));
        let year = self.field(map, "", "year").and_then(|v| self.whole(v, "year"));
        let year = year.and_then(|y| {
            i32::try_from(y).ok().filter(|y| (1900..=2200).contains(y)).or_else(|| self.not_allowed("year", y))
        });
        let closed = self.maybe(map, "", "closed_through", Reader::month);
        let (departments, whole_departments) = self.items(map, "", "departments", true, Reader::department);
        let (categories, whole_categories) = self.items(map, "", "categories", true, Reader::category);
        let (services, whole_services) = self.items(map, "", "services", false, Reader::service);
        let (drivers, whole_drivers) = self.items(map, "", "drivers", false, Reader::driver);
        let (lines, whole_lines) = self.indexed(map, "", "lines", true, Reader::line);
        let (places, lines): (Vec<usize>, Vec<Line>) = lines.into_iter().unzip();
        let (snapshots, _) = self.items(map, "", "snapshots", false, Reader::snapshot);
        let (customers, whole_customers) = self.customers(map);
        let (allocation, whole_allocation) = self.allocation(map.get("allocation"), whole_customers);
        let (perspectives, whole_perspectives) = self.items(map, "", "perspectives", true, Reader::perspective);
        let status_rule = self.field(map, "", "status_rule").and_then(|v| self.status_rule(v, "status_rule"));
        let (indicators, whole_indicators) = self.indexed(map, "", "indicators", true, Reader::indicator);
        let (indicator_places, indicators): (Vec<usize>, Vec<Indicator>) = indicators.into_iter().unzip();
        let (scenarios, _) = self.items(map, "", "scenarios", false, Reader::scenario);
        let whole = Whole {
            departments: whole_departments,
            categories: whole_categories,
            services: whole_services,
            drivers: whole_drivers,
            perspectives: whole_perspectives,
            indicators: whole_indicators,
        };
        let plan = Plan {
            name: name?,
            year: year?,
            closed_through: closed?,
            departments,
            categories,
            services,
            drivers,
            lines,
            snapshots,
            customers,
            allocation,
            perspectives,
            status_rule: status_rule?,
            indicators,
            scenarios,
        };
        self.references(&plan, &places, whole);
        self.indicator_references(&plan, &indicator_places, &places, whole);
        let structure = whole_departments && whole_categories && whole_services && whole_lines;
        self.allocation_references(&plan, whole_allocation, structure);
        self.scenario_references(&plan, structure && whole_drivers);
        Some(plan)
    }

    /// Ids are unique in their lists and every reference into a list that
    /// was read whole points at something.
    fn references(&mut self, plan: &Plan, places: &[usize], whole: Whole) {
        self.unique("departments", plan.departments.iter().map(|d| d.id.0));
        self.unique("categories", plan.categories.iter().map(|c| c.id.0));
        self.unique("services", plan.services.iter().map(|s| s.id.0));
        self.unique("drivers", plan.drivers.iter().map(|d| d.id.0));
        self.unique("lines", plan.lines.iter().map(|l| l.id.0));
        for (line, place) in plan.lines.iter().zip(places) {
            let path = index("lines", *place);
            let missing = |kind, id: u32| Problem::UnknownReference { kind, id, line: line.name.clone() };
            if whole.departments && plan.department(line.department).is_none() {
                self.report(&at(&path, "department"), missing(Expected::Department, line.department.0));
            }
            if whole.categories && plan.category(line.category).is_none() {
                self.report(&at(&path, "category"), missing(Expected::Category, line.category.0));
            }
            if let Some(service) = line.service.filter(|s| whole.services && !plan.services.iter().any(|p| p.id == *s))
            {
                self.report(&at(&path, "service"), missing(Expected::Service, service.0));
            }
            if let Forecast::Driver { driver, .. } = line.forecast.clone()
                && whole.drivers
                && plan.driver(driver).is_none()
            {
                self.report(&at(&path, "forecast.driver"), missing(Expected::Driver, driver.0));
            }
        }
    }

    fn unique(&mut self, path: &str, ids: impl Iterator<Item = u32>) {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if !seen.insert(id) {
                self.report(&at(&index(path, i), "id"), Problem::DuplicateId { id });
            }
        }
    }
}

/// The plan of a document whose format and version are checked, or every
/// problem found, paths relative to the plan (fields beside it by name).
pub fn document(value: &Value) -> Result<Plan, Vec<Located>> {
    let mut reader = Reader::default();
    let plan = reader.object(value, "", &["format", "version", "app", "plan"]).and_then(|map| {
        // The app that wrote the file is only told, but it is text.
        if let Some(app) = map.get("app") {
            reader.text(app, "app");
        }
        reader.field(map, "", "plan").and_then(|plan| reader.plan(plan))
    });
    match plan {
        Some(plan) if reader.problems.is_empty() => Ok(plan),
        _ => Err(reader.problems),
    }
}
