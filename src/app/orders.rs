//! Orders and the catalogue: log, edit and delete orders (a logged order is
//! contact, so it moves the keep-in-touch clock), list a customer's orders and
//! keep the products that new order lines add.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};

use std::collections::HashMap;

use super::Regulars;
use crate::error::{Error, Result};
use crate::import::{orders_csv, ImportProblem, ImportReport};
use crate::model::{
    name_key, validate_order, validate_product, Customer, CustomerId, Order, OrderContext,
    OrderDraft, OrderId, OrderView, Product, ProductDraft, ProductId, ValidationError,
};

const NOON: NaiveTime = match NaiveTime::from_hms_opt(12, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

impl Regulars {
    /// Validates and stores a new order for `customer_id`; returns it with its total.
    pub fn add_order(&self, customer_id: &str, draft: &OrderDraft) -> Result<OrderView> {
        let _w = self.write_lock();
        let customer = self.customer(customer_id)?;
        self.save_order(customer, draft, None)
    }

    /// Replaces an order's date, lines and note.
    pub fn update_order(&self, order_id: &str, draft: &OrderDraft) -> Result<OrderView> {
        let _w = self.write_lock();
        let existing = self.stored_order(order_id)?;
        let customer = self.customer(&existing.customer_id.to_string())?;
        self.save_order(customer, draft, Some(&existing))
    }

    pub fn delete_order(&self, order_id: &str) -> Result<()> {
        let _w = self.write_lock();
        let order = self.stored_order(order_id)?;
        self.store.delete_order(&order)?;
        self.order_book_changed(&[], &[order.id]);
        Ok(())
    }

    /// A customer's orders, newest first.
    pub fn orders_of(&self, customer_id: &str) -> Result<Vec<OrderView>> {
        let c = self.customer(customer_id)?;
        let mut orders = self.store.orders_of(&c.id)?;
        orders.reverse();
        Ok(orders.into_iter().map(OrderView::from).collect())
    }

    pub fn order(&self, order_id: &str) -> Result<OrderView> {
        Ok(self.stored_order(order_id)?.into())
    }

    /// The catalogue, by name.
    pub fn products(&self) -> Result<Vec<Product>> {
        let mut all = self.store.products()?;
        all.sort_by_cached_key(|p| (name_key(&p.name), p.id));
        Ok(all)
    }

    /// Adds a product to the catalogue; a name already there is refused.
    pub fn add_product(&self, draft: &ProductDraft) -> Result<Product> {
        let _w = self.write_lock();
        let currency = self.store.settings()?.business.currency();
        let product = validate_product(draft, currency, self.clock.now(), None)?;
        self.refuse_duplicate_product(&product)?;
        self.store.put_product(&product)?;
        Ok(product)
    }

    /// Changes a product's name, category, price or active flag. Past orders keep
    /// the name and price they were taken at.
    pub fn update_product(&self, id: &str, draft: &ProductDraft) -> Result<Product> {
        let _w = self.write_lock();
        let parsed: ProductId = id.parse().map_err(|_| Error::BadId(id.to_owned()))?;
        let existing = self
            .store
            .products()?
            .into_iter()
            .find(|p| p.id == parsed)
            .ok_or_else(|| Error::ProductNotFound(id.to_owned()))?;
        let currency = self.store.settings()?.business.currency();
        let product = validate_product(draft, currency, self.clock.now(), Some(&existing))?;
        self.refuse_duplicate_product(&product)?;
        self.store.put_product(&product)?;
        self.order_book_products_changed();
        Ok(product)
    }

    fn refuse_duplicate_product(&self, product: &Product) -> Result<()> {
        let key = name_key(&product.name);
        if self
            .store
            .products()?
            .iter()
            .any(|p| p.id != product.id && name_key(&p.name) == key)
        {
            return Err(ValidationError::new(
                "name",
                format!("“{}” is already in the catalogue", product.name),
            )
            .into());
        }
        Ok(())
    }

    /// The latest order's products in words ("Sourdough and Butter"), for {last_purchase}.
    pub(super) fn last_purchase(&self, customer: &Customer) -> Result<Option<String>> {
        let orders = self.store.orders_of(&customer.id)?;
        Ok(orders.last().map(|o| {
            let mut names: Vec<&str> = Vec::new();
            for l in &o.lines {
                if !names.contains(&l.product.as_str()) {
                    names.push(&l.product);
                }
            }
            match names.as_slice() {
                [] => String::new(),
                [one] => (*one).to_owned(),
                [init @ .., last] => format!("{} and {last}", init.join(", ")),
            }
        }))
    }

    fn stored_order(&self, order_id: &str) -> Result<Order> {
        let id: OrderId = order_id
            .parse()
            .map_err(|_| Error::BadId(order_id.to_owned()))?;
        self.store
            .order(&id)?
            .ok_or_else(|| Error::OrderNotFound(order_id.to_owned()))
    }

    fn save_order(
        &self,
        mut customer: Customer,
        draft: &OrderDraft,
        replaces: Option<&Order>,
    ) -> Result<OrderView> {
        let settings = self.store.settings()?;
        let catalogue = self.store.products()?;
        let find = |key: &str| catalogue.iter().find(|p| name_key(&p.name) == key).cloned();
        let (order, new_products) = validate_order(
            draft,
            &OrderContext {
                customer_id: customer.id,
                default_currency: settings.business.currency(),
                today: self.clock.today(),
                now: self.clock.now(),
                product: &find,
                replaces,
            },
        )?;
        self.touch(&mut customer, &order);
        self.store.save_order(&order, &new_products, &customer)?;
        self.indexed(&[&customer]);
        self.order_book_changed(std::slice::from_ref(&order), &[order.id]);
        Ok(order.into())
    }

    /// When something dated by day happened: when it was logged if that was
    /// on its day, else noon of its day (orders and feedback carry a date, not a time).
    fn on_day(&self, day: NaiveDate, logged: DateTime<Utc>) -> DateTime<Utc> {
        let logged_local = logged.with_timezone(&self.clock.offset_at(logged));
        if logged_local.date_naive() == day {
            logged
        } else {
            self.clock.local_moment(day.and_time(NOON))
        }
    }

    fn placed_at(&self, o: &Order) -> DateTime<Utc> {
        self.on_day(o.date, o.created_at)
    }

    /// The timeline's time of something dated `day` and logged at `logged`, in the owner's zone.
    pub(super) fn day_moment(
        &self,
        day: NaiveDate,
        logged: DateTime<Utc>,
    ) -> DateTime<FixedOffset> {
        let at = self.on_day(day, logged);
        at.with_timezone(&self.clock.offset_at(at))
    }

    /// An order is contact: the keep-in-touch clock moves to when it was
    /// placed (never past now, never backwards).
    pub(super) fn touch(&self, customer: &mut Customer, order: &Order) {
        let at = self.placed_at(order).min(self.clock.now());
        if customer.last_contacted.is_none_or(|t| t < at) {
            customer.last_contacted = Some(at);
        }
    }
}

impl Regulars {
    /// Orders from the CSV file at `file`, as [`Self::import_orders_csv`].
    pub fn import_orders_file(
        &self,
        file: &std::path::Path,
        dry_run: bool,
    ) -> Result<ImportReport> {
        let opened = std::fs::File::open(file).map_err(|e| super::exchange::unreadable(&e))?;
        self.import_orders_csv(std::io::BufReader::new(opened), dry_run)
    }

    /// Imports orders from CSV (see [`crate::import::orders_csv`]): customers are
    /// matched by email, then by name; each order is judged like a typed one.
    /// Good orders land in one transaction; every other row is reported with its
    /// line. `dry_run` reports the same and writes nothing.
    pub fn import_orders_csv(
        &self,
        input: impl std::io::Read,
        dry_run: bool,
    ) -> Result<ImportReport> {
        let parsed =
            orders_csv::parse(input).map_err(|e| ValidationError::new("file", e.to_string()))?;
        let _w = self.write_lock();
        let settings = self.store.settings()?;
        let mut by_email: HashMap<String, CustomerId> = HashMap::new();
        let mut by_name: HashMap<String, Vec<CustomerId>> = HashMap::new();
        let mut customers: HashMap<CustomerId, Customer> = HashMap::new();
        for c in self.store.customers()? {
            for e in &c.emails {
                by_email.entry(e.to_lowercase()).or_insert(c.id);
            }
            by_name.entry(name_key(&c.name)).or_default().push(c.id);
            customers.insert(c.id, c);
        }
        let mut catalogue = self.store.products()?;
        let known_products = catalogue.len();
        let mut report = ImportReport {
            errors: parsed.errors,
            dry_run,
            ..Default::default()
        };
        report.skipped = report.errors.len() as u64;
        let mut orders = Vec::new();
        let mut touched: Vec<CustomerId> = Vec::new();
        for rows in parsed.orders {
            let first_line = rows.lines.first().copied().unwrap_or(0);
            let count = rows.lines.len() as u64;
            let matched = match (&rows.customer.email, &rows.customer.name) {
                (Some(e), _) if by_email.contains_key(e) => Ok(by_email[e]),
                (email, Some(n)) => match by_name.get(&name_key(n)).map(Vec::as_slice) {
                    Some([one]) => Ok(*one),
                    Some([_, _, ..]) => Err(format!(
                        "{n}: several customers have this name; give their email"
                    )),
                    _ => Err(match email {
                        Some(e) => format!("no customer with email {e} or name {n}"),
                        None => format!("no customer named {n}"),
                    }),
                },
                (Some(e), None) => Err(format!("no customer with email {e}")),
                (None, None) => Err("no customer on this row".into()),
            };
            let customer_id = match matched {
                Ok(id) => id,
                Err(message) => {
                    report.skipped += count;
                    for line in &rows.lines {
                        report.unmatched.push(ImportProblem {
                            line: *line,
                            message: message.clone(),
                        });
                    }
                    continue;
                }
            };
            let find = |key: &str| catalogue.iter().find(|p| name_key(&p.name) == key).cloned();
            let validated = validate_order(
                &rows.draft,
                &OrderContext {
                    customer_id,
                    default_currency: settings.business.currency(),
                    today: self.clock.today(),
                    now: self.clock.now(),
                    product: &find,
                    replaces: None,
                },
            );
            match validated {
                Ok((order, new_products)) => {
                    catalogue.extend(new_products);
                    if let Some(c) = customers.get_mut(&customer_id) {
                        self.touch(c, &order);
                    }
                    touched.push(customer_id);
                    report.imported += count;
                    report.orders += 1;
                    orders.push(order);
                }
                Err(e) => {
                    // `lines[2].quantity` points at the order's third row.
                    let line = e
                        .field
                        .strip_prefix("lines[")
                        .and_then(|rest| rest.split(']').next())
                        .and_then(|i| i.parse::<usize>().ok())
                        .and_then(|i| rows.lines.get(i).copied())
                        .unwrap_or(first_line);
                    let field = e.field.split('.').next_back().unwrap_or(&e.field);
                    report.skipped += count;
                    report.errors.push(ImportProblem {
                        line,
                        message: format!("{field}: {}", e.message),
                    });
                }
            }
        }
        report.errors.sort_by_key(|p| p.line);
        let new_products: Vec<Product> = catalogue.split_off(known_products);
        report.new_products = new_products.iter().map(|p| p.name.clone()).collect();
        if dry_run || orders.is_empty() {
            return Ok(report);
        }
        touched.sort();
        touched.dedup();
        let changed: Vec<Customer> = touched
            .iter()
            .filter_map(|id| customers.get(id).cloned())
            .collect();
        self.store.save_orders(&orders, &new_products, &changed)?;
        self.indexed(&changed.iter().collect::<Vec<_>>());
        let ids: Vec<OrderId> = orders.iter().map(|o| o.id).collect();
        self.order_book_changed(&orders, &ids);
        Ok(report)
    }
}
