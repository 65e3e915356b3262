//! Source: keep-in-touch cadences. A customer with a cadence of N days is due N
//! days after the last logged contact (or after they were added, if none); any
//! logged note, call, message or order moves the clock. The store indexes the
//! due instant, so the list reads one range.

use chrono::{DateTime, Duration, Utc};

use super::{ItemKind, Occurrence, ReminderKey};
use crate::clock::Clock;
use crate::model::Customer;

/// When `customer` falls due for contact, if they have a cadence.
pub fn due_at(customer: &Customer) -> Option<DateTime<Utc>> {
    let days = customer.cadence_days?;
    let since = customer.last_contacted.unwrap_or(customer.created_at);
    since.checked_add_signed(Duration::days(days.into()))
}

/// The occurrence of a customer's current lapse of cadence.
pub fn occurrence(customer: &Customer, clock: &dyn Clock) -> Option<Occurrence> {
    let due = due_at(customer)?;
    let local = |t: DateTime<Utc>| t.with_timezone(&clock.offset_at(t)).date_naive();
    let date = local(due);
    let days = customer.cadence_days?;
    Some(Occurrence {
        key: ReminderKey::KeepInTouch {
            customer: customer.id,
            due: date,
        },
        kind: ItemKind::KeepInTouch,
        customer_id: customer.id,
        date,
        age: None,
        years: None,
        label: format!("Every {days} days"),
        time: None,
        detail: Some(match customer.last_contacted {
            Some(t) => format!("Last contact {}", local(t).format("%Y-%m-%d")),
            None => "No contact logged yet".into(),
        }),
    })
}
