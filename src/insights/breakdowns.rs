//! Who the revenue comes from: revenue and customers by city, country, tag, source and
//! preferred channel (an unknown or blank value is the `null` bucket; a customer counts
//! once in each of their distinct tags, or in `null` without tags); the top customers
//! by revenue; new vs returning customers per month; and each customer's lifetime value.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::history::{Buyer, History};
use super::CustomerFacts;
use crate::model::CustomerId;

/// How many customers [`super::Insights::top_customers`] lists.
pub const TOP_CUSTOMERS: usize = 20;

/// One bucket of a breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BreakdownRow {
    /// The city, tag…; `null` when unknown.
    pub key: Option<String>,
    /// Customers in the bucket, with or without orders.
    pub customers: u32,
    /// Of those, the ones with an order up to the day analysed.
    pub buyers: u32,
    #[ts(type = "number")]
    pub revenue_minor: i64,
}

/// Each breakdown by revenue (highest first), then customers, then key (`null` last).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Breakdowns {
    pub by_city: Vec<BreakdownRow>,
    pub by_country: Vec<BreakdownRow>,
    pub by_tag: Vec<BreakdownRow>,
    pub by_source: Vec<BreakdownRow>,
    pub by_channel: Vec<BreakdownRow>,
}

/// A customer's value so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LifetimeValue {
    pub customer_id: CustomerId,
    pub customer_name: String,
    #[ts(type = "number")]
    pub total_minor: i64,
    pub orders: u32,
    #[ts(type = "string")]
    pub first_order: NaiveDate,
    #[ts(type = "string")]
    pub last_order: NaiveDate,
    /// Total / orders, rounded (a half away from zero).
    #[ts(type = "number")]
    pub average_order_minor: i64,
    /// The day they became a customer, when known.
    #[ts(type = "string | null")]
    pub customer_since: Option<NaiveDate>,
}

/// One month's customers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MonthCustomers {
    /// `2026-11`.
    pub month: String,
    /// Customers whose first order is in this month.
    pub new_customers: u32,
    /// Customers who ordered this month and before it.
    pub returning_customers: u32,
    #[ts(type = "number")]
    pub revenue_minor: i64,
}

/// A text fact as a bucket key: blank is unknown.
fn key(value: Option<&String>) -> Option<&str> {
    value.map(|v| v.trim()).filter(|v| !v.is_empty())
}

#[derive(Default)]
struct Bucket {
    customers: u32,
    buyers: u32,
    revenue_minor: i64,
}

#[derive(Default)]
struct Tally<'a>(HashMap<Option<&'a str>, Bucket>);

impl<'a> Tally<'a> {
    fn add(&mut self, key: Option<&'a str>, bought: bool, revenue_minor: i64) {
        let b = self.0.entry(key).or_default();
        b.customers += 1;
        b.buyers += u32::from(bought);
        b.revenue_minor = b.revenue_minor.saturating_add(revenue_minor);
    }

    fn rows(self) -> Vec<BreakdownRow> {
        let mut rows: Vec<BreakdownRow> = self
            .0
            .into_iter()
            .map(|(key, b)| BreakdownRow {
                key: key.map(str::to_owned),
                customers: b.customers,
                buyers: b.buyers,
                revenue_minor: b.revenue_minor,
            })
            .collect();
        rows.sort_by(|a, b| {
            b.revenue_minor
                .cmp(&a.revenue_minor)
                .then(b.customers.cmp(&a.customers))
                .then_with(|| match (&a.key, &b.key) {
                    (Some(x), Some(y)) => x.cmp(y),
                    (x, y) => y.is_some().cmp(&x.is_some()),
                })
        });
        rows
    }
}

#[derive(Default)]
struct Tallies<'a> {
    city: Tally<'a>,
    country: Tally<'a>,
    tag: Tally<'a>,
    source: Tally<'a>,
    channel: Tally<'a>,
}

impl<'a> Tallies<'a> {
    fn count(&mut self, facts: Option<&'a CustomerFacts>, bought: bool, revenue_minor: i64) {
        let text = |pick: fn(&CustomerFacts) -> Option<&String>| key(facts.and_then(pick));
        self.city
            .add(text(|f| f.city.as_ref()), bought, revenue_minor);
        self.country
            .add(text(|f| f.country.as_ref()), bought, revenue_minor);
        self.source
            .add(text(|f| f.source.as_ref()), bought, revenue_minor);
        self.channel
            .add(text(|f| f.channel.as_ref()), bought, revenue_minor);
        let mut tags: Vec<&'a str> = facts
            .map(|f| f.tags.iter().filter_map(|t| key(Some(t))).collect())
            .unwrap_or_default();
        tags.sort_unstable();
        tags.dedup();
        if tags.is_empty() {
            self.tag.add(None, bought, revenue_minor);
        }
        for t in tags {
            self.tag.add(Some(t), bought, revenue_minor);
        }
    }
}

pub(super) fn breakdowns(history: &History) -> Breakdowns {
    let mut t = Tallies::default();
    for b in &history.buyers {
        t.count(b.facts, true, b.total_minor);
    }
    for f in &history.idle {
        t.count(Some(f), false, 0);
    }
    Breakdowns {
        by_city: t.city.rows(),
        by_country: t.country.rows(),
        by_tag: t.tag.rows(),
        by_source: t.source.rows(),
        by_channel: t.channel.rows(),
    }
}

fn lifetime_of(b: &Buyer) -> Option<LifetimeValue> {
    let orders = i64::try_from(b.orders.len()).ok().filter(|n| *n > 0)?;
    let total = b.total_minor;
    // Rounded half away from zero, exactly.
    let average = (2 * i128::from(total) + i128::from(total.signum()) * i128::from(orders))
        / (2 * i128::from(orders));
    Some(LifetimeValue {
        customer_id: b.id,
        customer_name: b.name.to_owned(),
        total_minor: total,
        orders: u32::try_from(orders).unwrap_or(u32::MAX),
        first_order: b.first_order()?,
        last_order: b.last_order()?,
        average_order_minor: i64::try_from(average).unwrap_or(0),
        customer_since: b.facts.map(|f| f.since),
    })
}

/// Every buyer's lifetime value, by name then id.
pub(super) fn lifetime(history: &History) -> Vec<LifetimeValue> {
    history.buyers.iter().filter_map(lifetime_of).collect()
}

/// The [`TOP_CUSTOMERS`] by revenue (then name, then id).
pub(super) fn top_customers(lifetime: &[LifetimeValue]) -> Vec<LifetimeValue> {
    let mut top: Vec<&LifetimeValue> = lifetime.iter().collect();
    top.sort_by(|a, b| {
        b.total_minor
            .cmp(&a.total_minor)
            .then_with(|| a.customer_name.cmp(&b.customer_name))
            .then(a.customer_id.cmp(&b.customer_id))
    });
    top.into_iter().take(TOP_CUSTOMERS).cloned().collect()
}

/// Per month with orders, oldest first: new customers (first order that month) and
/// returning ones (ordered that month, and before it).
pub(super) fn new_vs_returning(history: &History) -> Vec<MonthCustomers> {
    let month_of = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    let months = history
        .buyers
        .iter()
        .filter_map(|b| Some((month_of(b.first_order()?), month_of(b.last_order()?))));
    let (Some(first), Some(last)) = (months.clone().map(|m| m.0).min(), months.map(|m| m.1).max())
    else {
        return Vec::new();
    };
    let span = usize::try_from(last - first + 1).unwrap_or(0);
    let mut counts = vec![(0_u32, 0_u32, 0_i64); span];
    for b in &history.buyers {
        let Some(first_month) = b.first_order().map(month_of) else {
            continue;
        };
        let mut seen = None;
        for o in &b.orders {
            let m = month_of(o.date);
            let Some(slot) = usize::try_from(m - first)
                .ok()
                .and_then(|i| counts.get_mut(i))
            else {
                continue;
            };
            slot.2 = slot.2.saturating_add(o.amount_minor);
            if seen != Some(m) {
                seen = Some(m);
                if m == first_month {
                    slot.0 += 1;
                } else {
                    slot.1 += 1;
                }
            }
        }
    }
    counts
        .into_iter()
        .enumerate()
        .filter(|(_, c)| c.0 + c.1 > 0)
        .map(|(i, (new, returning, revenue))| {
            let m = first + i as i64;
            MonthCustomers {
                month: format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1),
                new_customers: new,
                returning_customers: returning,
                revenue_minor: revenue,
            }
        })
        .collect()
}
