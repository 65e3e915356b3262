//! Source: customers whose ordering has dropped against their own rhythm. The
//! store indexes, per customer with at least three orders, the first day the
//! gap since their last order exceeds what is usual for them (the rule is
//! [`crate::insights::rhythm_of`]); the list reads that range, no orders.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ItemKind, Occurrence, ReminderKey};
use crate::insights::{rhythm_explanation, Rhythm};
use crate::model::CustomerId;

/// A customer's rhythm as the store indexes it (by `due`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DropEntry {
    pub customer: CustomerId,
    pub last_order: NaiveDate,
    pub usual_gap_days: u32,
    /// The first day the customer counts as drifting.
    pub due: NaiveDate,
}

impl DropEntry {
    pub fn new(customer: CustomerId, rhythm: &Rhythm) -> Self {
        Self {
            customer,
            last_order: rhythm.last_order,
            usual_gap_days: rhythm.usual_gap_days,
            due: rhythm.overdue_from(),
        }
    }
}

/// The occurrence of a customer's current drop: one per last order, so a new
/// order ends it and a later drop is a new item.
pub fn occurrence(entry: &DropEntry, today: NaiveDate) -> Occurrence {
    Occurrence {
        key: ReminderKey::OrderDrop {
            customer: entry.customer,
            last_order: entry.last_order,
        },
        kind: ItemKind::OrderDrop,
        customer_id: entry.customer,
        date: entry.due,
        age: None,
        years: None,
        label: "Ordering less than usual".into(),
        time: None,
        detail: Some(rhythm_explanation(
            entry.usual_gap_days,
            (today.max(entry.due) - entry.last_order).num_days().max(0) as u32,
        )),
    }
}
