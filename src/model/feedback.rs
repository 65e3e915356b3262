//! What customers tell the business: feedback (a rating, an NPS score, words)
//! and complaints, which follow a policy from open to closed.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Channel, CustomerId, OrderId};

crate::model::order::uuid_id!(
    /// A piece of feedback's identity (UUID v7).
    FeedbackId
);
crate::model::order::uuid_id!(
    /// A complaint's identity (UUID v7); `complaint ack KEY` takes it.
    ComplaintId
);

/// Feedback as stored: at least one of a rating, a score or words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Feedback {
    pub id: FeedbackId,
    pub customer_id: CustomerId,
    #[ts(type = "string")]
    pub date: NaiveDate,
    #[serde(default)]
    pub channel: Option<Channel>,
    /// 1 (poor) to 5 (excellent).
    #[serde(default)]
    pub rating: Option<u8>,
    /// "How likely are you to recommend us?" 0 to 10.
    #[serde(default)]
    pub nps: Option<u8>,
    #[serde(default)]
    pub text: Option<String>,
    /// The order it is about, if any.
    #[serde(default)]
    pub order_id: Option<OrderId>,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
}

/// Feedback as the owner typed it; scores as numbers so that 6 stars or an NPS
/// of -1 get a message naming the field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields = nullable)]
pub struct FeedbackDraft {
    /// `YYYY-MM-DD`; empty means today.
    pub date: Option<String>,
    pub channel: Option<Channel>,
    pub rating: Option<i32>,
    pub nps: Option<i32>,
    pub text: Option<String>,
    pub order_id: Option<String>,
}

/// How serious a complaint is.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS,
)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum Severity {
    Low,
    #[default]
    Medium,
    High,
}

/// Where a complaint stands: open → acknowledged → resolved → closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum ComplaintStatus {
    Open,
    Acknowledged,
    Resolved,
    Closed,
}

/// A complaint as stored; each step of its life keeps when it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Complaint {
    pub id: ComplaintId,
    pub customer_id: CustomerId,
    /// The day the customer complained (the policy's deadlines count from it).
    #[ts(type = "string")]
    pub opened_on: NaiveDate,
    #[serde(default)]
    pub channel: Option<Channel>,
    pub summary: String,
    pub severity: Severity,
    pub status: ComplaintStatus,
    #[ts(type = "string")]
    pub opened_at: DateTime<Utc>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub acknowledged_at: Option<DateTime<Utc>>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub resolved_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub resolution: Option<String>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub closed_at: Option<DateTime<Utc>>,
}

impl Complaint {
    /// Open or acknowledged: a deadline of the policy still applies.
    pub fn is_pending(&self) -> bool {
        matches!(
            self.status,
            ComplaintStatus::Open | ComplaintStatus::Acknowledged
        )
    }
}

/// A complaint as the owner typed it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields = nullable)]
pub struct ComplaintDraft {
    /// `YYYY-MM-DD`; empty means today.
    pub date: Option<String>,
    pub channel: Option<Channel>,
    pub summary: String,
    pub severity: Severity,
}
