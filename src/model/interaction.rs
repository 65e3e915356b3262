//! What happened between the owner and a customer: meetings, calls, emails,
//! messages and notes, each optionally asking for a follow-up.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;
use uuid::Uuid;

use super::CustomerId;

/// An interaction's identity: a UUID v7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(export, type = "string")]
pub struct InteractionId(Uuid);

impl InteractionId {
    pub fn new_v7() -> Self {
        Self(Uuid::now_v7())
    }
    pub fn as_bytes(&self) -> &[u8; 16] {
        self.0.as_bytes()
    }
}

impl fmt::Display for InteractionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for InteractionId {
    type Err = uuid::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s.trim()).map(Self)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum InteractionKind {
    Meeting,
    Call,
    Email,
    Message,
    #[default]
    Note,
}

/// When to get back to the customer: a day, optionally a time of day (local).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FollowUp {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

impl fmt::Display for FollowUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date.format("%Y-%m-%d"))?;
        if let Some(t) = self.time {
            write!(f, "T{}", t.format("%H:%M"))?;
        }
        Ok(())
    }
}

impl FromStr for FollowUp {
    type Err = String;
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let (date, time) = match s.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (s, None),
        };
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| {
            format!("{s:?} is not a date (use YYYY-MM-DD, or YYYY-MM-DDTHH:MM with a time)")
        })?;
        let time = time
            .map(|t| {
                NaiveTime::parse_from_str(t, "%H:%M")
                    .map_err(|_| format!("{s:?}: the time must be HH:MM (24-hour)"))
            })
            .transpose()?;
        Ok(Self { date, time })
    }
}

impl Serialize for FollowUp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FollowUp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// One logged interaction, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interaction {
    pub id: InteractionId,
    pub customer_id: CustomerId,
    pub kind: InteractionKind,
    /// When it happened (UTC); shown in the owner's time zone.
    pub at: DateTime<Utc>,
    /// Markdown, rendered safely by the UI.
    pub text: String,
    pub follow_up: Option<FollowUp>,
    pub created_at: DateTime<Utc>,
}

/// What the owner typed to log an interaction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields = nullable)]
pub struct InteractionDraft {
    pub kind: InteractionKind,
    pub text: String,
    /// `YYYY-MM-DDTHH:MM` in the owner's time zone; absent means now.
    pub at: Option<String>,
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`; absent means no follow-up.
    pub follow_up: Option<String>,
}

/// One line of a customer's timeline, newest first. Interactions today; orders,
/// feedback and messages join as those features arrive, each as a new `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TimelineEntry {
    pub id: String,
    /// `meeting`, `call`, `email`, `message`, `note` (later also `order`, `feedback`…).
    pub kind: String,
    /// RFC 3339 with the owner's UTC offset at that moment.
    #[ts(type = "string")]
    pub at: DateTime<FixedOffset>,
    pub text: String,
    #[ts(type = "string | null")]
    pub follow_up: Option<FollowUp>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_follow_up_is_a_date_with_an_optional_time() {
        let f: FollowUp = "2026-12-01".parse().unwrap();
        assert_eq!((f.to_string(), f.time), ("2026-12-01".into(), None));
        let f: FollowUp = "2026-12-01T14:30".parse().unwrap();
        assert_eq!(f.to_string(), "2026-12-01T14:30");
    }

    #[test]
    fn an_impossible_follow_up_says_what_is_accepted() {
        assert!("2026-02-30"
            .parse::<FollowUp>()
            .unwrap_err()
            .contains("YYYY-MM-DD"));
        assert!("2026-12-01T25:00"
            .parse::<FollowUp>()
            .unwrap_err()
            .contains("HH:MM"));
    }

    #[test]
    fn interaction_kinds_serialize_in_kebab_case() {
        assert_eq!(
            serde_json::to_string(&InteractionKind::Meeting).unwrap(),
            "\"meeting\""
        );
    }
}
