//! The customer record as stored and as shown, and the draft the owner fills in.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::PartialDate;

/// A customer's identity: a UUID v7, so ids sort by creation time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(export, type = "string")]
pub struct CustomerId(Uuid);

impl CustomerId {
    pub fn new_v7() -> Self {
        Self(Uuid::now_v7())
    }

    /// The 16 bytes used as the store key (time-ordered).
    pub fn as_bytes(&self) -> &[u8; 16] {
        self.0.as_bytes()
    }

    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        Self(Uuid::from_bytes(bytes))
    }
}

impl std::fmt::Display for CustomerId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::str::FromStr for CustomerId {
    type Err = uuid::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s.trim()).map(Self)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum CustomerKind {
    #[default]
    Person,
    Business,
}

/// How the customer prefers to be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum Channel {
    Email,
    Phone,
    Sms,
    Whatsapp,
    InPerson,
    WebChat,
    Other,
}

/// A yearly date that matters to this customer (wedding anniversary, customer since…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportantDate {
    pub label: String,
    #[ts(type = "string")]
    pub date: PartialDate,
}

/// A customer as stored. Built only from a validated [`CustomerDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Customer {
    pub id: CustomerId,
    pub name: String,
    pub kind: CustomerKind,
    #[serde(default)]
    pub company: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub emails: Vec<String>,
    #[serde(default)]
    pub phones: Vec<String>,
    /// `YYYY-MM-DD`, or `--MM-DD` when the year is unknown.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub birthday: Option<PartialDate>,
    #[serde(default)]
    pub dates: Vec<ImportantDate>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub channel: Option<Channel>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub cadence_days: Option<u32>,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

/// What the owner typed to create a customer, as raw text: the core parses and
/// validates it, so the CLI, the UI and imports share one set of rules and messages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields = nullable)]
pub struct CustomerDraft {
    pub name: String,
    pub kind: CustomerKind,
    pub company: Option<String>,
    pub role: Option<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    /// `YYYY-MM-DD` or `--MM-DD`; empty or absent means no birthday.
    pub birthday: Option<String>,
    pub dates: Vec<DateDraft>,
    pub tags: Vec<String>,
    pub channel: Option<Channel>,
    pub source: Option<String>,
    pub cadence_days: Option<u32>,
}

/// A labelled yearly date as typed: `label` and `YYYY-MM-DD` / `--MM-DD`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DateDraft {
    pub label: String,
    pub date: String,
}
