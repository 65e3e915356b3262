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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
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

/// Where the customer stands with the business.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum CustomerStatus {
    Lead,
    #[default]
    Active,
    Lapsed,
    Former,
}

/// A postal address; every part is optional because owners know what they know.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields = nullable)]
pub struct Address {
    /// "home", "work", "shop"…
    pub label: Option<String>,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
}

/// A free-form fact the owner wants to remember ("Dog's name" → "Biscuit").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CustomField {
    pub label: String,
    pub value: String,
}

/// How two customers are related. Every kind has an inverse, so a relationship
/// recorded on one customer is always shown on the other too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum RelationKind {
    Spouse,
    Partner,
    Family,
    Colleague,
    /// This person works at the other (a business).
    WorksAt,
    /// This business employs the other.
    Employs,
    /// This customer came because the other recommended us.
    ReferredBy,
    /// This customer recommended us to the other.
    Referred,
}

impl RelationKind {
    /// The kind as seen from the other customer.
    pub fn inverse(self) -> Self {
        match self {
            Self::WorksAt => Self::Employs,
            Self::Employs => Self::WorksAt,
            Self::ReferredBy => Self::Referred,
            Self::Referred => Self::ReferredBy,
            symmetric => symmetric,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Relationship {
    pub kind: RelationKind,
    pub customer_id: CustomerId,
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
    /// The display name, as the owner calls them.
    pub name: String,
    pub kind: CustomerKind,
    #[serde(default)]
    pub given_name: Option<String>,
    #[serde(default)]
    pub family_name: Option<String>,
    #[serde(default)]
    pub nickname: Option<String>,
    #[serde(default)]
    pub company: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub emails: Vec<String>,
    #[serde(default)]
    pub phones: Vec<String>,
    #[serde(default)]
    pub addresses: Vec<Address>,
    /// `YYYY-MM-DD`, or `--MM-DD` when the year is unknown.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub birthday: Option<PartialDate>,
    #[serde(default)]
    pub dates: Vec<ImportantDate>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub status: CustomerStatus,
    #[serde(default)]
    pub channel: Option<Channel>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub cadence_days: Option<u32>,
    #[serde(default)]
    pub custom_fields: Vec<CustomField>,
    /// Kept in step on both sides by the store.
    #[serde(default)]
    pub relationships: Vec<Relationship>,
    /// Archived customers are hidden from lists and reminders until restored.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub archived_at: Option<DateTime<Utc>>,
    /// When the last meeting, call, message or note was logged (the keep-in-touch clock).
    #[serde(default)]
    #[ts(type = "string | null")]
    pub last_contacted: Option<DateTime<Utc>>,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

/// What the owner typed to create or edit a customer, as raw text: the core parses
/// and validates it, so the CLI, the UI and imports share one set of rules and messages.
/// Editing sends the whole draft (see [`CustomerDraft::from_customer`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields = nullable)]
pub struct CustomerDraft {
    pub name: String,
    pub kind: CustomerKind,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub nickname: Option<String>,
    pub company: Option<String>,
    pub role: Option<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub addresses: Vec<Address>,
    /// `YYYY-MM-DD` or `--MM-DD`; empty or absent means no birthday.
    pub birthday: Option<String>,
    pub dates: Vec<DateDraft>,
    pub tags: Vec<String>,
    pub status: CustomerStatus,
    pub channel: Option<Channel>,
    pub source: Option<String>,
    pub cadence_days: Option<u32>,
    pub custom_fields: Vec<CustomField>,
}

impl CustomerDraft {
    /// The draft that reproduces `c`, as an edit form starts from.
    pub fn from_customer(c: &Customer) -> Self {
        Self {
            name: c.name.clone(),
            kind: c.kind,
            given_name: c.given_name.clone(),
            family_name: c.family_name.clone(),
            nickname: c.nickname.clone(),
            company: c.company.clone(),
            role: c.role.clone(),
            emails: c.emails.clone(),
            phones: c.phones.clone(),
            addresses: c.addresses.clone(),
            birthday: c.birthday.map(|b| b.to_string()),
            dates: c
                .dates
                .iter()
                .map(|d| DateDraft {
                    label: d.label.clone(),
                    date: d.date.to_string(),
                })
                .collect(),
            tags: c.tags.clone(),
            status: c.status,
            channel: c.channel,
            source: c.source.clone(),
            cadence_days: c.cadence_days,
            custom_fields: c.custom_fields.clone(),
        }
    }
}

/// A labelled yearly date as typed: `label` and `YYYY-MM-DD` / `--MM-DD`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DateDraft {
    pub label: String,
    pub date: String,
}
