//! Source: keep-in-touch cadences. A customer with a cadence of N days is due N
//! days after the last logged contact (or after they were added, if none); any
//! logged note, call, message or order moves the clock. The store indexes the
//! due instant with what the list shows, so the list reads one range and no
//! customer records.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::{ItemKind, Occurrence, ReminderKey};
use crate::clock::Clock;
use crate::model::{Customer, CustomerId};

/// A customer's current lapse of cadence, as the store indexes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CadenceEntry {
    pub customer: CustomerId,
    pub due: DateTime<Utc>,
    pub cadence_days: u32,
    pub last_contacted: Option<DateTime<Utc>>,
}

/// When `customer` falls due for contact, if they have a cadence.
pub fn entry_of(customer: &Customer) -> Option<CadenceEntry> {
    let days = customer.cadence_days?;
    let since = customer.last_contacted.unwrap_or(customer.created_at);
    Some(CadenceEntry {
        customer: customer.id,
        due: since.checked_add_signed(Duration::days(days.into()))?,
        cadence_days: days,
        last_contacted: customer.last_contacted,
    })
}

/// The occurrence of a customer's current lapse of cadence.
pub fn occurrence(entry: &CadenceEntry, clock: &dyn Clock) -> Occurrence {
    let local = |t: DateTime<Utc>| t.with_timezone(&clock.offset_at(t)).date_naive();
    let date = local(entry.due);
    Occurrence {
        key: ReminderKey::KeepInTouch {
            customer: entry.customer,
            due: date,
        },
        kind: ItemKind::KeepInTouch,
        customer_id: entry.customer,
        date,
        age: None,
        years: None,
        label: format!("Every {} days", entry.cadence_days),
        time: None,
        detail: Some(match entry.last_contacted {
            Some(t) => format!("Last contact {}", local(t).format("%Y-%m-%d")),
            None => "No contact logged yet".into(),
        }),
    }
}
