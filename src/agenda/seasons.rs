//! Source: a customer's seasonal habit ("orders every November"), raised two
//! weeks before the season so there is time to get in touch. The store indexes
//! each habit by the day its season starts (month, typical day); the list reads
//! the days two weeks ahead of its window. The habit rule is
//! [`crate::insights::seasonal_habits`].

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{ItemKind, Occurrence, ReminderKey, Window};
use crate::insights::SeasonalHabit;
use crate::model::CustomerId;

/// How far ahead of the season the reminder comes.
pub const LEAD_DAYS: i64 = 14;

/// A customer's habit as the store indexes it (by month and day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeasonEntry {
    pub customer: CustomerId,
    pub month: u32,
    /// The day of the month they usually order (Feb: at most 28, so it recurs every year).
    pub day: u32,
    /// In how many years they ordered in this month.
    pub years: u32,
}

impl SeasonEntry {
    pub fn new(customer: CustomerId, habit: &SeasonalHabit) -> Self {
        Self {
            customer,
            month: habit.month,
            // Feb 29 would recur once in four years: the season starts by the 28th.
            day: if habit.month == 2 {
                habit.typical_day.min(28)
            } else {
                habit.typical_day
            },
            years: habit.years,
        }
    }

    /// The day the reminder for the season of `year` falls on.
    pub fn reminder_day(&self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day).map(|d| d - Duration::days(LEAD_DAYS))
    }
}

/// The season starts that the list's days look ahead to: each day of the
/// window paired with the (month, day) two weeks later.
pub fn days_to_read(window: &Window) -> impl Iterator<Item = (NaiveDate, (u32, u32))> {
    let from = window.missed_since();
    let to = window.last_day(ItemKind::Season);
    from.iter_days().take_while(move |d| *d <= to).map(|d| {
        let start = d + Duration::days(LEAD_DAYS);
        (d, (start.month(), start.day()))
    })
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn month_name(month: u32) -> &'static str {
    MONTHS
        .get((month as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// The reminder for `entry`, on `day` (two weeks before the season starts).
pub fn occurrence(entry: &SeasonEntry, day: NaiveDate) -> Occurrence {
    let season = day + Duration::days(LEAD_DAYS);
    let month = month_name(entry.month);
    Occurrence {
        key: ReminderKey::Season {
            customer: entry.customer,
            year: season.year(),
            month: entry.month,
        },
        kind: ItemKind::Season,
        customer_id: entry.customer,
        date: day,
        age: None,
        years: None,
        label: format!("Usually orders in {month}"),
        time: None,
        detail: Some(format!(
            "ordered in {month} in {} years; the season starts around {}",
            entry.years,
            season.format("%Y-%m-%d")
        )),
    }
}
