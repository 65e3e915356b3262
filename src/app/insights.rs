//! Insights over every order: the façade keeps the order lines in memory as
//! the analysis reads them (built from the store on first use, then kept in
//! step with each order write), so a replay or a refresh does not decode the
//! whole order history again.

use std::sync::PoisonError;

use chrono::NaiveDate;

use super::Regulars;
use crate::error::Result;
use crate::insights::{self, CustomerFacts, CustomerInsight, Insights, Line};
use crate::model::{Currency, Order, OrderId, Product, ProductId};

/// The order lines insights read, in the currency they count in.
pub(super) struct OrderBook {
    currency: Currency,
    lines: Vec<Line>,
}

/// The number insights use for an order (lines of one order share it).
fn order_number(id: &OrderId) -> u64 {
    let b = id.as_bytes();
    u64::from_be_bytes([b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]])
        ^ u64::from_be_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
}

fn lines_of(
    order: &Order,
    currency: Currency,
    category: &impl Fn(&ProductId) -> Option<String>,
    out: &mut Vec<Line>,
) {
    // Insights add money up; an order in another currency cannot join the sums.
    if order.currency != currency {
        return;
    }
    let number = order_number(&order.id);
    for l in &order.lines {
        out.push(Line {
            customer: order.customer_id,
            order: number,
            date: order.date,
            product: l.product.clone(),
            category: category(&l.product_id),
            quantity: l.quantity,
            amount_minor: l.amount_minor(),
        });
    }
}

fn categories(products: &[Product]) -> impl Fn(&ProductId) -> Option<String> + '_ {
    let by_id: std::collections::HashMap<ProductId, &Product> =
        products.iter().map(|p| (p.id, p)).collect();
    move |id| by_id.get(id).and_then(|p| p.category.clone())
}

impl Regulars {
    /// Customer insights as of `as_of` (default today): RFM segments, order
    /// drops, seasonality, cross-sell suggestions and breakdowns.
    pub fn insights(&self, as_of: Option<NaiveDate>) -> Result<Insights> {
        let as_of = as_of.unwrap_or_else(|| self.clock.today());
        let currency = self.store.settings()?.business.currency();
        self.ensure_order_book(currency)?;
        // From the list's in-memory summaries: no customer record is decoded.
        let customers: Vec<CustomerFacts> = self
            .index
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .summaries()
            .filter_map(|c| {
                Some(CustomerFacts {
                    id: c.id.parse().ok()?,
                    name: c.name.clone(),
                    city: c.city.clone(),
                    country: c.country.clone(),
                    tags: c.tags.clone(),
                    source: c.source.clone(),
                    channel: c.channel.and_then(|ch| {
                        serde_json::to_value(ch)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_owned))
                    }),
                    since: c.created_at.date_naive(),
                })
            })
            .collect();
        let feedback = self.store.all_feedback()?;
        let book = self.orders.read().unwrap_or_else(PoisonError::into_inner);
        let lines = book.as_ref().map_or(&[][..], |b| b.lines.as_slice());
        let mut found = insights::analyse(as_of, &customers, lines, currency.code());
        found.feedback = insights::summarize_feedback(&feedback, &customers, as_of);
        Ok(found)
    }

    /// What insights say of one customer: segment, rhythm, lifetime value, suggestions.
    pub fn customer_insight(
        &self,
        customer_id: &str,
        as_of: Option<NaiveDate>,
    ) -> Result<CustomerInsight> {
        let c = self.customer(customer_id)?;
        let all = self.insights(as_of)?;
        Ok(insights::for_customer(&all, c.id))
    }

    /// Reads every order into memory now, so the first Insights the owner opens
    /// is as quick as the later ones (the desktop app calls this once it is open).
    pub fn prepare_insights(&self) -> Result<()> {
        let currency = self.store.settings()?.business.currency();
        self.ensure_order_book(currency)
    }

    /// Builds the in-memory order lines from the store unless they are there
    /// (and in the business currency). The lock is held while reading, so an
    /// order written meanwhile is applied after, on top (applying is idempotent).
    fn ensure_order_book(&self, currency: Currency) -> Result<()> {
        let mut book = self.orders.write().unwrap_or_else(PoisonError::into_inner);
        if book.as_ref().is_some_and(|b| b.currency == currency) {
            return Ok(());
        }
        let products = self.store.products()?;
        let category = categories(&products);
        let mut lines = Vec::new();
        for o in self.store.all_orders()? {
            lines_of(&o, currency, &category, &mut lines);
        }
        *book = Some(OrderBook { currency, lines });
        Ok(())
    }

    /// Keeps the in-memory order lines in step after orders were written
    /// (`removed`: ids whose old lines go; `added`: their new versions).
    pub(super) fn order_book_changed(&self, added: &[Order], removed: &[OrderId]) {
        let mut guard = self.orders.write().unwrap_or_else(PoisonError::into_inner);
        let Some(book) = guard.as_mut() else {
            return;
        };
        let gone: std::collections::HashSet<u64> = removed.iter().map(order_number).collect();
        book.lines.retain(|l| !gone.contains(&l.order));
        match self.store.products() {
            Ok(products) => {
                let category = categories(&products);
                for o in added {
                    lines_of(o, book.currency, &category, &mut book.lines);
                }
            }
            // Rebuilt from the store on next use instead.
            Err(_) => *guard = None,
        }
    }

    /// A customer was erased: their lines go too.
    pub(super) fn order_book_customer_removed(&self, customer: &crate::model::CustomerId) {
        if let Some(book) = self
            .orders
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .as_mut()
        {
            book.lines.retain(|l| l.customer != *customer);
        }
    }

    /// A product's category changed: the lines are rebuilt on next use.
    pub(super) fn order_book_products_changed(&self) {
        *self.orders.write().unwrap_or_else(PoisonError::into_inner) = None;
    }
}
