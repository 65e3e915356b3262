//! The daily reminder list: pure functions of (occasions read from the store,
//! the owner's actions, settings, today). No I/O here: the façade reads the index
//! ranges a [`Window`] asks for and hands the entries to each source.
//!
//! A source is one small module that turns store entries into [`Occurrence`]s:
//! [`yearly`] (birthdays and other yearly dates), [`follow_ups`] and
//! [`keep_in_touch`], [`order_drops`] and [`seasons`]. A later source (complaint
//! deadlines) adds a module and an [`ItemKind`]; [`assemble`] applies the owner's
//! actions and sorts.

pub mod complaints;
pub mod feedback_asks;
pub mod follow_ups;
pub mod keep_in_touch;
mod key;
pub mod order_drops;
pub mod seasons;
pub mod yearly;

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use key::{slug, BadKey, ReminderKey};

use crate::model::CustomerId;
use crate::settings::ReminderSettings;

/// What a reminder is about. Serialized names are the CLI's (`today --json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum ItemKind {
    Birthday,
    Anniversary,
    FollowUp,
    KeepInTouch,
    /// A customer ordering less than their own rhythm.
    OrderDrop,
    /// Two weeks before a customer's seasonal habit ("orders every November").
    Season,
    /// A complaint's deadline under the policy (acknowledge, resolve).
    ComplaintDue,
    /// Some days after an order or meeting: ask how it went.
    AskFeedback,
}

impl ItemKind {
    pub const ALL: [ItemKind; 8] = [
        ItemKind::Birthday,
        ItemKind::Anniversary,
        ItemKind::FollowUp,
        ItemKind::KeepInTouch,
        ItemKind::OrderDrop,
        ItemKind::Season,
        ItemKind::ComplaintDue,
        ItemKind::AskFeedback,
    ];
}

/// Where an item sits relative to the day asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum When {
    Overdue,
    Today,
    Upcoming,
}

/// How far ahead the list looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Horizon {
    /// Each kind as far ahead as its advance notice setting (the Today view).
    Notice,
    /// Every kind this many days ahead (`regulars today --days N`).
    Days(u32),
}

/// The longest look-ahead accepted, in days (a year: each yearly date once).
pub const MAX_DAYS: u32 = 366;

/// The days the list covers for `today`.
#[derive(Debug, Clone, Copy)]
pub struct Window<'a> {
    pub today: NaiveDate,
    pub horizon: Horizon,
    pub settings: &'a ReminderSettings,
}

impl Window<'_> {
    /// The last day on which an item of `kind` is shown ahead of time.
    pub fn last_day(&self, kind: ItemKind) -> NaiveDate {
        let s = self.settings;
        let days = match self.horizon {
            Horizon::Days(n) => n.min(MAX_DAYS),
            Horizon::Notice => match kind {
                ItemKind::Birthday => s.birthday_notice_days,
                ItemKind::Anniversary => s.anniversary_notice_days,
                ItemKind::FollowUp => s.follow_up_notice_days,
                ItemKind::KeepInTouch => s.keep_in_touch_notice_days,
                // A drop is news once it happens; a season reminder is already two weeks early.
                ItemKind::OrderDrop | ItemKind::Season | ItemKind::AskFeedback => 0,
                ItemKind::ComplaintDue => s.complaint_notice_days,
            },
        };
        self.today + Duration::days(days.into())
    }

    /// The furthest day any kind looks ahead to.
    pub fn end(&self) -> NaiveDate {
        ItemKind::ALL
            .into_iter()
            .map(|k| self.last_day(k))
            .max()
            .unwrap_or(self.today)
    }

    /// The first day a missed yearly date is still shown (as overdue).
    pub fn missed_since(&self) -> NaiveDate {
        self.today - Duration::days(self.settings.missed_days.into())
    }
}

/// One occurrence a source found, before the owner's actions are applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub key: ReminderKey,
    pub kind: ItemKind,
    pub customer_id: CustomerId,
    /// The day it falls on (for a yearly date, in the year of this occurrence).
    pub date: NaiveDate,
    pub age: Option<u32>,
    pub years: Option<u32>,
    pub label: String,
    pub time: Option<String>,
    pub detail: Option<String>,
}

/// What the owner did with one occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case", tag = "action")]
#[ts(export)]
pub enum Action {
    Done,
    Dismissed,
    Snoozed {
        #[ts(type = "string")]
        until: NaiveDate,
    },
}

/// One line of the daily list. The first nine fields are the CLI's JSON contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AgendaItem {
    pub key: String,
    pub kind: ItemKind,
    pub customer_id: CustomerId,
    pub customer_name: String,
    /// The day it is due on the list (a snoozed item: the day it was snoozed to).
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub when: When,
    /// The age a birthday marks, when the birth year is known.
    pub age: Option<u32>,
    /// The count another yearly date marks ("5" for a fifth anniversary).
    pub years: Option<u32>,
    /// "Birthday", the date's own label, the follow-up's first line, "Every 30 days".
    pub label: String,
    /// `HH:MM` for a follow-up with a time of day.
    pub time: Option<String>,
    /// The day the occasion itself falls on (differs from `date` once snoozed).
    #[ts(type = "string")]
    pub occurs_on: NaiveDate,
    pub snoozed: bool,
    /// More context: the follow-up's note, the last contact.
    pub detail: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Agenda {
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub items: Vec<AgendaItem>,
}

impl Agenda {
    /// Items due now (overdue or today), the digest's subject.
    pub fn due(&self) -> impl Iterator<Item = &AgendaItem> {
        self.items.iter().filter(|i| i.when != When::Upcoming)
    }
}

/// Applies the owner's actions and the window's rules to what the sources found,
/// and orders the list: overdue (oldest first), today, upcoming (soonest first).
/// `name_of` answers `None` for a customer who is gone or archived: no reminder.
pub fn assemble(
    window: &Window,
    occurrences: Vec<Occurrence>,
    action_of: impl Fn(&ReminderKey) -> Option<Action>,
    name_of: impl Fn(CustomerId) -> Option<String>,
) -> Agenda {
    let mut seen = std::collections::HashSet::new();
    let mut items: Vec<AgendaItem> = occurrences
        .into_iter()
        .filter(|o| seen.insert(o.key.clone()))
        .filter_map(|o| {
            let (date, snoozed) = match action_of(&o.key) {
                Some(Action::Done | Action::Dismissed) => return None,
                Some(Action::Snoozed { until }) if until > o.date => (until, true),
                _ => (o.date, false),
            };
            if date > window.last_day(o.kind) {
                return None;
            }
            let fades = matches!(
                o.kind,
                ItemKind::Birthday
                    | ItemKind::Anniversary
                    | ItemKind::Season
                    | ItemKind::AskFeedback
            );
            // A missed yearly date (or ask for feedback) fades after a few days; a
            // follow-up, a lapsed cadence or a complaint stays until the owner acts.
            if fades && date < window.missed_since() {
                return None;
            }
            let customer_name = name_of(o.customer_id)?;
            Some(AgendaItem {
                key: o.key.to_string(),
                kind: o.kind,
                customer_id: o.customer_id,
                customer_name,
                date,
                when: match date.cmp(&window.today) {
                    std::cmp::Ordering::Less => When::Overdue,
                    std::cmp::Ordering::Equal => When::Today,
                    std::cmp::Ordering::Greater => When::Upcoming,
                },
                age: o.age,
                years: o.years,
                label: o.label,
                time: o.time,
                occurs_on: o.date,
                snoozed,
                detail: o.detail,
            })
        })
        .collect();
    items.sort_by(|a, b| {
        (
            a.when,
            a.date,
            &a.time,
            a.kind,
            a.customer_name.to_lowercase(),
            &a.key,
        )
            .cmp(&(
                b.when,
                b.date,
                &b.time,
                b.kind,
                b.customer_name.to_lowercase(),
                &b.key,
            ))
    });
    Agenda {
        date: window.today,
        items,
    }
}

#[cfg(test)]
mod tests;
