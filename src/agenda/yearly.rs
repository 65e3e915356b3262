//! Source: birthdays and other yearly dates (wedding anniversary, customer since…).
//! The store indexes them by month and day; the list reads the days it covers.

use chrono::{Datelike, Duration, NaiveDate};

use super::{slug, ItemKind, Occurrence, ReminderKey, Window};
use crate::model::{Customer, CustomerId, PartialDate};
use crate::settings::LeapDay;

/// A yearly date as the store indexes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearlyEntry {
    pub customer: CustomerId,
    /// `None` for the birthday; the date's label otherwise.
    pub label: Option<String>,
    pub date: PartialDate,
}

/// A customer's yearly dates: the birthday, then each labelled date.
pub fn entries_of(c: &Customer) -> Vec<YearlyEntry> {
    c.birthday
        .map(|date| YearlyEntry {
            customer: c.id,
            label: None,
            date,
        })
        .into_iter()
        .chain(c.dates.iter().map(|d| YearlyEntry {
            customer: c.id,
            label: Some(d.label.clone()),
            date: d.date,
        }))
        .collect()
}

/// The days a yearly date can fall on within the window: from the first day a
/// missed one is still shown to the furthest day looked ahead.
pub fn days_to_read(window: &Window) -> impl Iterator<Item = NaiveDate> {
    let from = window.missed_since();
    let to = window
        .last_day(ItemKind::Birthday)
        .max(window.last_day(ItemKind::Anniversary));
    from.iter_days().take_while(move |d| *d <= to)
}

fn is_leap(year: i32) -> bool {
    NaiveDate::from_ymd_opt(year, 2, 29).is_some()
}

/// The (month, day) index keys whose dates fall on `day`: its own, plus Feb 29
/// on Feb 28 (or Mar 1, per the setting) of a common year.
pub fn month_days_on(day: NaiveDate, leap_day: LeapDay) -> Vec<(u32, u32)> {
    let mut keys = vec![(day.month(), day.day())];
    if !is_leap(day.year()) {
        let stand_in = match leap_day {
            LeapDay::Feb28 => (2, 28),
            LeapDay::Mar1 => (3, 1),
        };
        if (day.month(), day.day()) == stand_in {
            keys.push((2, 29));
        }
    }
    keys
}

/// The day a yearly date falls on in `year`.
pub fn falls_on(date: &PartialDate, year: i32, leap_day: LeapDay) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, date.month(), date.day()).or_else(|| {
        // Only Feb 29 can be missing from a year.
        let feb28 = NaiveDate::from_ymd_opt(year, 2, 28)?;
        Some(match leap_day {
            LeapDay::Feb28 => feb28,
            LeapDay::Mar1 => feb28 + Duration::days(1),
        })
    })
}

/// The occurrence of `entry` on `day` (a day it falls on). `None` when the day
/// is not after the original date: a birth is not a birthday.
pub fn occurrence(entry: &YearlyEntry, day: NaiveDate) -> Option<Occurrence> {
    let count = match entry.date.year() {
        Some(y) if day.year() <= y => return None,
        Some(y) => Some((day.year() - y) as u32),
        None => None,
    };
    Some(match &entry.label {
        None => Occurrence {
            key: ReminderKey::Birthday {
                customer: entry.customer,
                year: day.year(),
            },
            kind: ItemKind::Birthday,
            customer_id: entry.customer,
            date: day,
            age: count,
            years: None,
            label: "Birthday".into(),
            time: None,
            detail: None,
        },
        Some(label) => Occurrence {
            key: ReminderKey::Date {
                customer: entry.customer,
                label: slug(label),
                year: day.year(),
            },
            kind: ItemKind::Anniversary,
            customer_id: entry.customer,
            date: day,
            age: None,
            years: count,
            label: label.clone(),
            time: None,
            detail: None,
        },
    })
}

/// The occurrence a key names (a snoozed one outside the window), if the
/// customer still has that date.
pub fn occurrence_for_key(
    entries: &[YearlyEntry],
    key: &ReminderKey,
    leap_day: LeapDay,
) -> Option<Occurrence> {
    let (label, year) = match key {
        ReminderKey::Birthday { year, .. } => (None, *year),
        ReminderKey::Date { label, year, .. } => (Some(label.as_str()), *year),
        _ => return None,
    };
    let entry = entries
        .iter()
        .find(|e| e.label.as_deref().map(slug).as_deref() == label)?;
    occurrence(entry, falls_on(&entry.date, year, leap_day)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn feb_29_is_read_on_feb_28_or_mar_1_of_a_common_year_only() {
        assert_eq!(
            month_days_on(d("2027-02-28"), LeapDay::Feb28),
            vec![(2, 28), (2, 29)]
        );
        assert_eq!(month_days_on(d("2027-03-01"), LeapDay::Feb28), vec![(3, 1)]);
        assert_eq!(
            month_days_on(d("2027-03-01"), LeapDay::Mar1),
            vec![(3, 1), (2, 29)]
        );
        assert_eq!(
            month_days_on(d("2028-02-28"), LeapDay::Feb28),
            vec![(2, 28)]
        );
    }

    #[test]
    fn falls_on_moves_only_the_leap_day() {
        let leap: PartialDate = "1992-02-29".parse().unwrap();
        assert_eq!(falls_on(&leap, 2027, LeapDay::Feb28), Some(d("2027-02-28")));
        assert_eq!(falls_on(&leap, 2027, LeapDay::Mar1), Some(d("2027-03-01")));
        assert_eq!(falls_on(&leap, 2028, LeapDay::Mar1), Some(d("2028-02-29")));
    }
}
