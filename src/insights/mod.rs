//! Customer insights over order data: who buys what, when, and who is drifting away.
//!
//! Pure functions of (the customers' facts, their order lines, a day): no I/O, no store,
//! no clock. The façade reads the lines and calls [`analyse`]; the store's indexes and
//! the daily list use the building blocks [`rhythm_of`] (kind `order-drop`) and
//! [`seasonal_habits`] (kind `season`). Every rule takes `as_of`, so history can be
//! replayed: lines dated after it are ignored everywhere.
//!
//! - `rhythm`: a customer's usual gap between orders, and order drops (rhythm or revenue).
//! - `habits`: "orders every November".
//! - `seasonality`: quantity and revenue by month, per product and per category.
//! - `rfm`: recency, frequency and monetary scores and the named segments.
//! - `cross_sell`: "customers who buy X also buy Y" rules, and suggestions per customer.
//! - `breakdowns`: revenue and customers by location, tag, source and channel; top
//!   customers; new vs returning per month; lifetime value.
//! - `history`: the lines grouped once (products interned, orders per customer) for all of them.
//!
//! Money is integer minor units of the one currency analysed (the caller filters the lines
//! to it); a float appears only as a ratio (lift, confidence, support). Everything is
//! deterministic: rows sort by their measure, then the customer's name, then the id.
//! This module must never read the clock, touch the store or mix currencies.

mod breakdowns;
mod cross_sell;
pub mod feedback;
mod habits;
mod history;
mod rfm;
mod rhythm;
mod seasonality;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::model::CustomerId;

pub use breakdowns::{BreakdownRow, Breakdowns, LifetimeValue, MonthCustomers, TOP_CUSTOMERS};
pub use cross_sell::{
    CrossSellRule, Suggestion, MAX_PAIRS, MAX_RULE_PRODUCTS, SUGGESTIONS_PER_CUSTOMER,
};
pub use feedback::{summarize as summarize_feedback, FeedbackSummary};
pub use habits::{seasonal_habits, CustomerHabit, SeasonalHabit};
pub use rfm::{segment_of, RfmScore, RfmSegment};
pub use rhythm::{
    rhythm_explanation, rhythm_of, CustomerRhythm, DropReason, OrderDrop, Rhythm, RECENT_DAYS,
    TRAILING_DAYS, TRAILING_MIN_ORDERS,
};
pub use seasonality::{CategorySeason, ProductSeason};

/// One order line as insights see it: money already in the one currency analysed.
///
/// `S` is the text type of the product and category names: `String`, `&str` or
/// `Arc<str>`, whatever the caller has at hand. At 500k lines a borrowed `&str` (from
/// the orders and the catalogue already in memory) spares one allocation per line;
/// insights only read the text and intern it once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<S = String> {
    pub customer: CustomerId,
    /// Any id unique per order; the lines of one order share it (and its date).
    pub order: u64,
    pub date: NaiveDate,
    pub product: S,
    pub category: Option<S>,
    pub quantity: u32,
    /// The line's amount (price × quantity) in minor units.
    pub amount_minor: i64,
}

/// What insights need of a customer for names and breakdowns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerFacts {
    pub id: CustomerId,
    pub name: String,
    pub city: Option<String>,
    pub country: Option<String>,
    pub tags: Vec<String>,
    pub source: Option<String>,
    /// The preferred channel as its kebab name (`email`, `whatsapp`…).
    pub channel: Option<String>,
    /// The day they became a customer (shown with their lifetime value).
    pub since: NaiveDate,
}

/// Everything [`analyse`] finds. The first keys are the CLI's JSON contract
/// (`regulars insights --json`): `as_of`, `order_drops`, `cross_sell`, `seasonality`,
/// `rfm`, `feedback`. Per-customer tables sort by the customer's name, then id.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Insights {
    #[ts(type = "string")]
    pub as_of: NaiveDate,
    /// Customers whose ordering dropped, most overdue first.
    pub order_drops: Vec<OrderDrop>,
    /// Up to [`SUGGESTIONS_PER_CUSTOMER`] products per customer, best first.
    pub cross_sell: Vec<Suggestion>,
    /// Per product (by name): quantity by month, January first, and its peak month.
    pub seasonality: Vec<ProductSeason>,
    /// One row per customer with an order up to `as_of`.
    pub rfm: Vec<RfmScore>,
    /// Filled by the façade from the feedback records ([`analyse`] counts none).
    pub feedback: FeedbackSummary,
    /// The currency every amount is in, as given.
    pub currency: String,
    /// The strongest "customers who buy X also buy Y" rules (at most [`MAX_PAIRS`]),
    /// by lift, then support.
    pub pairs: Vec<CrossSellRule>,
    /// Per category (by name), like `seasonality`; lines without a category are left out.
    pub category_seasonality: Vec<CategorySeason>,
    /// Products whose peak month is the month after `as_of`'s, most sold in it first.
    pub coming_up: Vec<String>,
    /// Each customer with at least three order days and their rhythm.
    pub rhythms: Vec<CustomerRhythm>,
    /// Each customer's seasonal habits ("orders every November").
    pub habits: Vec<CustomerHabit>,
    pub breakdowns: Breakdowns,
    /// The [`TOP_CUSTOMERS`] customers by revenue.
    pub top_customers: Vec<LifetimeValue>,
    /// Per month with orders (oldest first): new and returning customers.
    pub new_vs_returning: Vec<MonthCustomers>,
    /// Per customer with orders: total spend, orders, first and last order.
    pub lifetime: Vec<LifetimeValue>,
}

/// One customer's share of [`Insights`], for the customer page.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CustomerInsight {
    pub customer_id: CustomerId,
    /// `None` for a customer with no order up to the day analysed.
    pub rfm: Option<RfmScore>,
    pub lifetime: Option<LifetimeValue>,
    /// `None` below three order days.
    pub rhythm: Option<Rhythm>,
    pub order_drop: Option<OrderDrop>,
    pub suggestions: Vec<Suggestion>,
    pub habits: Vec<SeasonalHabit>,
}

/// Every insight over `lines` (in `currency`, minor units) as of the end of `as_of`.
/// Lines dated after `as_of` are ignored; lines of a customer missing from `customers`
/// still count (their name is empty, their breakdown keys unknown).
pub fn analyse<S: AsRef<str>>(
    as_of: NaiveDate,
    customers: &[CustomerFacts],
    lines: &[Line<S>],
    currency: &str,
) -> Insights {
    let history = history::History::build(as_of, customers, lines);
    let (rhythms, order_drops) = rhythm::rhythms_and_drops(&history, currency);
    let (pairs, cross_sell) = cross_sell::rules_and_suggestions(&history);
    let (seasonality, category_seasonality, coming_up) = seasonality::by_month(&history);
    let lifetime = breakdowns::lifetime(&history);
    Insights {
        as_of,
        order_drops,
        cross_sell,
        seasonality,
        rfm: rfm::scores(&history),
        feedback: FeedbackSummary::default(),
        currency: currency.to_owned(),
        pairs,
        category_seasonality,
        coming_up,
        rhythms,
        habits: habits::of_customers(&history),
        breakdowns: breakdowns::breakdowns(&history),
        top_customers: breakdowns::top_customers(&lifetime),
        new_vs_returning: breakdowns::new_vs_returning(&history),
        lifetime,
    }
}

/// What the customer page shows of one customer: RFM segment, lifetime value,
/// rhythm, a current drop, suggestions and seasonal habits.
pub fn for_customer(insights: &Insights, id: CustomerId) -> CustomerInsight {
    CustomerInsight {
        customer_id: id,
        rfm: insights.rfm.iter().find(|r| r.customer_id == id).cloned(),
        lifetime: insights
            .lifetime
            .iter()
            .find(|l| l.customer_id == id)
            .cloned(),
        rhythm: insights
            .rhythms
            .iter()
            .find(|r| r.customer_id == id)
            .map(|r| r.rhythm),
        order_drop: insights
            .order_drops
            .iter()
            .find(|d| d.customer_id == id)
            .cloned(),
        suggestions: insights
            .cross_sell
            .iter()
            .filter(|s| s.customer_id == id)
            .cloned()
            .collect(),
        habits: insights
            .habits
            .iter()
            .filter(|h| h.customer_id == id)
            .map(|h| h.habit)
            .collect(),
    }
}

/// An amount for a sentence: minor units / 100 with the currency code ("120.00 EUR").
pub fn format_money(minor: i64, currency: &str) -> String {
    match currency.parse::<crate::model::Currency>() {
        // With the currency's own decimals: 1200 JPY, 1.250 KWD.
        Ok(c) => crate::model::Money::new(minor, c).to_string(),
        Err(_) => {
            let sign = if minor < 0 { "-" } else { "" };
            let abs = minor.unsigned_abs();
            format!("{sign}{}.{:02} {currency}", abs / 100, abs % 100)
        }
    }
}

/// A ratio for the JSON output, to three decimals (comparisons use the exact value).
fn shown(ratio: f64) -> f64 {
    (ratio * 1000.0).round() / 1000.0
}
