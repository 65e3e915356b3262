//! Source: complaints whose next deadline of the policy (acknowledge, then
//! resolve) comes within the notice days, or has passed. The store keeps an
//! index of pending complaints, which stays short; the rule is
//! [`crate::complaints::next_deadline`].

use super::{ItemKind, Occurrence, ReminderKey};
use crate::complaints::{next_deadline, Stage};
use crate::model::Complaint;
use crate::settings::ComplaintPolicy;

/// The reminder of a pending complaint's next deadline.
pub fn occurrence(c: &Complaint, policy: &ComplaintPolicy) -> Option<Occurrence> {
    let (stage, by) = next_deadline(c, policy)?;
    let (verb, days) = match stage {
        Stage::Acknowledge => ("Acknowledge", policy.acknowledge_days),
        Stage::Resolve => ("Resolve", policy.resolve_days),
    };
    Some(Occurrence {
        key: ReminderKey::Complaint {
            customer: c.customer_id,
            complaint: c.id,
            stage,
        },
        kind: ItemKind::ComplaintDue,
        customer_id: c.customer_id,
        date: by,
        age: None,
        years: None,
        label: format!("{verb} complaint: {}", c.summary),
        time: None,
        detail: Some(format!(
            "complained {}; the policy says {} within {days} days",
            c.opened_on.format("%Y-%m-%d"),
            verb.to_lowercase()
        )),
    })
}
