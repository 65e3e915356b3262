//! A customer's seasonal habit: "orders every November".
//!
//! A month is a habit when all three hold, over the customer's order days up to as_of:
//! - they ordered in it in at least 2 distinct years;
//! - in at least half of the times that month came around since their first order
//!   (from the month of the first order through as_of's month; as_of's own month counts
//!   only once they ordered in it, since it is not over yet);
//! - it stands out: at least 1/6 of their order days (twice the uniform 1/12) fall in
//!   that month, so a customer who orders all year round has no habit.
//!
//! The typical day is the median day of the month of their order days in that month
//! (the lower middle of an even count). The daily list raises a reminder two weeks
//! before it (`agenda::seasons`).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::history::History;
use crate::model::CustomerId;

/// "Orders every November, around the 20th, for 3 years."
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SeasonalHabit {
    /// 1–12.
    pub month: u32,
    /// The median day of the month of their orders in that month.
    pub typical_day: u32,
    /// In how many distinct years they ordered in that month.
    pub years: u32,
}

/// A customer and one of their habits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CustomerHabit {
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub habit: SeasonalHabit,
}

/// The seasonal habits of a customer's order dates (in any order), by month; dates
/// after `as_of` are ignored.
pub fn seasonal_habits(order_dates: &[NaiveDate], as_of: NaiveDate) -> Vec<SeasonalHabit> {
    let mut days: Vec<NaiveDate> = order_dates
        .iter()
        .copied()
        .filter(|d| *d <= as_of)
        .collect();
    days.sort_unstable();
    days.dedup();
    habits_of_days(&days, as_of)
}

/// [`seasonal_habits`] over days already sorted, distinct and not after `as_of`.
pub(super) fn habits_of_days(days: &[NaiveDate], as_of: NaiveDate) -> Vec<SeasonalHabit> {
    let Some(first) = days.first() else {
        return Vec::new();
    };
    let mut order_days = [0_usize; 12];
    let mut years = [0_u32; 12];
    let mut last_year = [None::<i32>; 12];
    for d in days {
        let m = d.month0() as usize;
        order_days[m] += 1;
        if last_year[m] != Some(d.year()) {
            years[m] += 1;
            last_year[m] = Some(d.year());
        }
    }
    let month_number = |year: i32, month0: usize| i64::from(year) * 12 + month0 as i64;
    let first_month = month_number(first.year(), first.month0() as usize);
    let this_month = month_number(as_of.year(), as_of.month0() as usize);
    let mut habits = Vec::new();
    for m in 0..12 {
        if years[m] < 2 || 6 * order_days[m] < days.len() {
            continue;
        }
        let ordered_this_month = last_year[m] == Some(as_of.year());
        let came_around = (first.year()..=as_of.year())
            .map(|y| month_number(y, m))
            .filter(|&n| {
                n >= first_month && (n < this_month || (n == this_month && ordered_this_month))
            })
            .count();
        if 2 * (years[m] as usize) < came_around {
            continue;
        }
        let mut day_of_month: Vec<u32> = days
            .iter()
            .filter(|d| d.month0() as usize == m)
            .map(|d| d.day())
            .collect();
        day_of_month.sort_unstable();
        let Some(&typical_day) = day_of_month.get(day_of_month.len().saturating_sub(1) / 2) else {
            continue;
        };
        habits.push(SeasonalHabit {
            month: m as u32 + 1,
            typical_day,
            years: years[m],
        });
    }
    habits
}

/// Every buyer's habits, by customer name then month.
pub(super) fn of_customers(history: &History) -> Vec<CustomerHabit> {
    let mut out = Vec::new();
    for buyer in &history.buyers {
        for habit in habits_of_days(&buyer.days, history.as_of) {
            out.push(CustomerHabit {
                customer_id: buyer.id,
                customer_name: buyer.name.to_owned(),
                habit,
            });
        }
    }
    out
}
