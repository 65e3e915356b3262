//! Rules of the daily list on entries built in memory: the yearly property, and
//! how the owner's actions and the window shape the list.

use chrono::{Datelike, Months, NaiveDate};
use proptest::prelude::*;

use super::yearly::{month_days_on, occurrence, YearlyEntry};
use super::*;
use crate::model::PartialDate;
use crate::settings::{LeapDay, ReminderSettings};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn birthday_entry(date: PartialDate) -> YearlyEntry {
    YearlyEntry {
        customer: CustomerId::new_v7(),
        label: None,
        date,
    }
}

/// Any valid yearly date, with or without a year (Feb 29 included).
fn any_birthday() -> impl Strategy<Value = PartialDate> {
    (prop::option::of(1900i32..2000), 1u32..=12, 1u32..=31)
        .prop_filter_map("a day that exists", |(year, month, day)| {
            PartialDate::new(year, month, day).ok()
        })
}

proptest! {
    /// Over any year-long window (`start` up to the same day a year later,
    /// 365 or 366 days), each birthday appears exactly once, whatever the
    /// leap-day setting: Feb 29 falls on Feb 28 or Mar 1 in common years.
    #[test]
    fn each_birthday_appears_exactly_once_a_year(
        birthday in any_birthday(),
        start in (0i64..73_000).prop_map(|n| d("2000-01-01") + chrono::Duration::days(n)),
        mar1 in any::<bool>(),
    ) {
        let leap_day = if mar1 { LeapDay::Mar1 } else { LeapDay::Feb28 };
        let entry = birthday_entry(birthday);
        let end = start + Months::new(12);
        let hits: Vec<NaiveDate> = start
            .iter_days()
            .take_while(|day| *day < end)
            .filter(|day| month_days_on(*day, leap_day).contains(&(birthday.month(), birthday.day())))
            .filter(|day| occurrence(&entry, *day).is_some())
            .collect();
        prop_assert_eq!(hits.len(), 1, "{} from {}: {:?}", birthday, start, hits);
        if let Some(y) = birthday.year() {
            let age = occurrence(&entry, hits[0]).unwrap().age.unwrap();
            prop_assert_eq!(age as i32, hits[0].year() - y);
        }
    }
}

fn settings() -> ReminderSettings {
    ReminderSettings::default()
}

fn occurrence_on(kind: ItemKind, date: &str) -> Occurrence {
    let customer = CustomerId::new_v7();
    Occurrence {
        key: ReminderKey::KeepInTouch {
            customer,
            due: d(date),
        },
        kind,
        customer_id: customer,
        date: d(date),
        age: None,
        years: None,
        label: "x".into(),
        time: None,
        detail: None,
    }
}

#[test]
fn follow_ups_stay_overdue_but_yearly_dates_fade() {
    let s = settings();
    let w = Window {
        today: d("2026-11-24"),
        horizon: Horizon::Notice,
        settings: &s,
    };
    let old_follow_up = occurrence_on(ItemKind::FollowUp, "2025-01-01");
    let old_birthday = occurrence_on(ItemKind::Birthday, "2026-11-20");
    let a = assemble(
        &w,
        vec![old_follow_up.clone(), old_birthday],
        |_| None,
        |_| Some("N".into()),
    );
    assert_eq!(a.items.len(), 1);
    assert_eq!(a.items[0].key, old_follow_up.key.to_string());
}

#[test]
fn actions_hide_or_move_an_occurrence() {
    let s = settings();
    let w = Window {
        today: d("2026-11-24"),
        horizon: Horizon::Days(7),
        settings: &s,
    };
    let done = occurrence_on(ItemKind::FollowUp, "2026-11-24");
    let snoozed = occurrence_on(ItemKind::FollowUp, "2026-11-23");
    let snoozed_far = occurrence_on(ItemKind::FollowUp, "2026-11-22");
    let (k1, k2, k3) = (
        done.key.clone(),
        snoozed.key.clone(),
        snoozed_far.key.clone(),
    );
    let a = assemble(
        &w,
        vec![done, snoozed, snoozed_far],
        |k| {
            if *k == k1 {
                Some(Action::Done)
            } else if *k == k2 {
                Some(Action::Snoozed {
                    until: d("2026-11-26"),
                })
            } else if *k == k3 {
                Some(Action::Snoozed {
                    until: d("2026-12-26"),
                })
            } else {
                None
            }
        },
        |_| Some("N".into()),
    );
    assert_eq!(a.items.len(), 1);
    let item = &a.items[0];
    assert_eq!(
        (item.when, item.date, item.occurs_on, item.snoozed),
        (When::Upcoming, d("2026-11-26"), d("2026-11-23"), true)
    );
}

#[test]
fn the_list_is_ordered_overdue_today_upcoming_and_skips_unknown_customers() {
    let s = settings();
    let w = Window {
        today: d("2026-11-24"),
        horizon: Horizon::Days(7),
        settings: &s,
    };
    let gone = occurrence_on(ItemKind::FollowUp, "2026-11-24");
    let gone_id = gone.customer_id;
    let a = assemble(
        &w,
        vec![
            occurrence_on(ItemKind::Birthday, "2026-11-26"),
            occurrence_on(ItemKind::KeepInTouch, "2026-11-24"),
            occurrence_on(ItemKind::Birthday, "2026-11-24"),
            occurrence_on(ItemKind::FollowUp, "2026-10-01"),
            gone,
        ],
        |_| None,
        |id| (id != gone_id).then(|| "N".into()),
    );
    let got: Vec<(When, ItemKind)> = a.items.iter().map(|i| (i.when, i.kind)).collect();
    assert_eq!(
        got,
        vec![
            (When::Overdue, ItemKind::FollowUp),
            (When::Today, ItemKind::Birthday),
            (When::Today, ItemKind::KeepInTouch),
            (When::Upcoming, ItemKind::Birthday),
        ]
    );
}
