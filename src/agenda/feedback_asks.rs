//! Source: asking for feedback some days after an order or a meeting (a
//! setting, off by default). The store indexes every order and meeting by its
//! day; the list reads the days that many days before its window, so changing
//! the setting applies to past orders too.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{ItemKind, Occurrence, ReminderKey};
use crate::model::{CustomerId, InteractionId, OrderId};

/// What the ask follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "id")]
pub enum AskSource {
    Order(OrderId),
    Meeting(InteractionId),
}

/// An order or meeting as the store indexes it for asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AskEntry {
    pub customer: CustomerId,
    pub on: NaiveDate,
    pub source: AskSource,
    /// "2 × Bread, 1 × Butter" or the meeting note's first line.
    pub what: String,
}

/// The ask `days` after the order or meeting.
pub fn occurrence(entry: &AskEntry, days: u32) -> Occurrence {
    let what = match entry.source {
        AskSource::Order(_) => "order",
        AskSource::Meeting(_) => "meeting",
    };
    Occurrence {
        key: ReminderKey::AskFeedback {
            customer: entry.customer,
            source: entry.source,
        },
        kind: ItemKind::AskFeedback,
        customer_id: entry.customer,
        date: entry.on + Duration::days(days.into()),
        age: None,
        years: None,
        label: format!("Ask how the {what} went"),
        time: None,
        detail: Some(format!(
            "{} on {}: {}",
            if what == "order" { "Order" } else { "Meeting" },
            entry.on.format("%Y-%m-%d"),
            entry.what
        )),
    }
}
