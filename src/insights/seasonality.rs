//! When things sell: quantity and revenue per calendar month (summed across the years
//! up to as_of) for each product and each category, each one's peak month (the month
//! of the largest quantity; ties go to the earliest), and what is coming up: the
//! products whose peak is next month.

use chrono::Datelike;
use serde::Serialize;
use ts_rs::TS;

use super::history::{History, MonthTotals};

/// A product's year, month by month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ProductSeason {
    pub product: String,
    /// 1–12: the month of the largest quantity (ties: the earliest).
    pub peak_month: u32,
    /// Quantity sold per month, January first, across all years.
    #[ts(type = "Array<number>")]
    pub by_month: [u64; 12],
    /// Revenue per month in minor units, January first.
    #[ts(type = "Array<number>")]
    pub revenue_by_month: [i64; 12],
    /// The category most of its lines carry.
    pub category: Option<String>,
    #[ts(type = "number")]
    pub quantity: u64,
    #[ts(type = "number")]
    pub revenue_minor: i64,
}

/// A category's year, month by month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CategorySeason {
    pub category: String,
    pub peak_month: u32,
    #[ts(type = "Array<number>")]
    pub by_month: [u64; 12],
    #[ts(type = "Array<number>")]
    pub revenue_by_month: [i64; 12],
    #[ts(type = "number")]
    pub quantity: u64,
    #[ts(type = "number")]
    pub revenue_minor: i64,
}

/// Products by name, categories by name, and the products peaking next month.
pub(super) fn by_month(
    history: &History,
) -> (Vec<ProductSeason>, Vec<CategorySeason>, Vec<String>) {
    let products: Vec<ProductSeason> = history
        .products
        .iter()
        .zip(&history.product_months)
        .zip(&history.product_category)
        .map(|((name, months), category)| ProductSeason {
            product: (*name).to_owned(),
            peak_month: months.peak_month(),
            by_month: months.quantity,
            revenue_by_month: months.revenue_minor,
            category: category.map(str::to_owned),
            quantity: months.quantity(),
            revenue_minor: months.revenue_minor(),
        })
        .collect();
    let categories = history
        .categories
        .iter()
        .map(|(name, months): &(&str, MonthTotals)| CategorySeason {
            category: (*name).to_owned(),
            peak_month: months.peak_month(),
            by_month: months.quantity,
            revenue_by_month: months.revenue_minor,
            quantity: months.quantity(),
            revenue_minor: months.revenue_minor(),
        })
        .collect();
    let next_month = history.as_of.month() % 12 + 1;
    let mut coming: Vec<&ProductSeason> = products
        .iter()
        .filter(|p| p.peak_month == next_month)
        .collect();
    let sold_then = |p: &ProductSeason| p.by_month[next_month as usize - 1];
    // Products are in name order already; a stable sort keeps it among equals.
    coming.sort_by_key(|p| std::cmp::Reverse(sold_then(p)));
    let coming_up = coming.into_iter().map(|p| p.product.clone()).collect();
    (products, categories, coming_up)
}
