//! The key of one occurrence of a reminder: the text `reminder done KEY` takes
//! and the store records actions under. Yearly occasions carry the year, so
//! marking this year's birthday done leaves next year's to come back.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use super::feedback_asks::AskSource;
use crate::complaints::Stage;
use crate::model::{ComplaintId, CustomerId, InteractionId};

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReminderKey {
    /// `birthday/<customer>/<year>`
    Birthday { customer: CustomerId, year: i32 },
    /// `date/<customer>/<label-slug>/<year>`: another yearly date.
    Date {
        customer: CustomerId,
        label: String,
        year: i32,
    },
    /// `follow-up/<customer>/<interaction>`
    FollowUp {
        customer: CustomerId,
        interaction: InteractionId,
    },
    /// `keep-in-touch/<customer>/<due date>`: one lapse of the cadence.
    KeepInTouch {
        customer: CustomerId,
        due: NaiveDate,
    },
    /// `order-drop/<customer>/<last order date>`: one drift from their rhythm.
    OrderDrop {
        customer: CustomerId,
        last_order: NaiveDate,
    },
    /// `season/<customer>/<year>-<month>`: one season of a seasonal habit.
    Season {
        customer: CustomerId,
        year: i32,
        month: u32,
    },
    /// `complaint/<customer>/<complaint>/<acknowledge|resolve>`: one deadline.
    Complaint {
        customer: CustomerId,
        complaint: ComplaintId,
        stage: Stage,
    },
    /// `ask-feedback/<customer>/<order|meeting>/<id>`.
    AskFeedback {
        customer: CustomerId,
        source: AskSource,
    },
}

impl ReminderKey {
    pub fn customer(&self) -> CustomerId {
        match self {
            Self::Birthday { customer, .. }
            | Self::Date { customer, .. }
            | Self::FollowUp { customer, .. }
            | Self::KeepInTouch { customer, .. }
            | Self::OrderDrop { customer, .. }
            | Self::Season { customer, .. }
            | Self::Complaint { customer, .. }
            | Self::AskFeedback { customer, .. } => *customer,
        }
    }
}

/// A label as it appears in a key: lowercase words joined by `-`, so keys stay
/// one shell word and survive a change of capitalisation.
pub fn slug(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for word in label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    if out.is_empty() {
        out.push_str("date");
    }
    out
}

impl fmt::Display for ReminderKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Birthday { customer, year } => write!(f, "birthday/{customer}/{year}"),
            Self::Date {
                customer,
                label,
                year,
            } => write!(f, "date/{customer}/{label}/{year}"),
            Self::FollowUp {
                customer,
                interaction,
            } => write!(f, "follow-up/{customer}/{interaction}"),
            Self::KeepInTouch { customer, due } => {
                write!(f, "keep-in-touch/{customer}/{}", due.format("%Y-%m-%d"))
            }
            Self::OrderDrop {
                customer,
                last_order,
            } => write!(f, "order-drop/{customer}/{}", last_order.format("%Y-%m-%d")),
            Self::Season {
                customer,
                year,
                month,
            } => write!(f, "season/{customer}/{year:04}-{month:02}"),
            Self::Complaint {
                customer,
                complaint,
                stage,
            } => write!(f, "complaint/{customer}/{complaint}/{}", stage.as_str()),
            Self::AskFeedback { customer, source } => match source {
                AskSource::Order(o) => write!(f, "ask-feedback/{customer}/order/{o}"),
                AskSource::Meeting(i) => write!(f, "ask-feedback/{customer}/meeting/{i}"),
            },
        }
    }
}

/// Why a text is not a reminder key; written for the person who typed it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a reminder key (copy one from `regulars today`)")]
pub struct BadKey(pub String);

impl FromStr for ReminderKey {
    type Err = BadKey;
    fn from_str(s: &str) -> Result<Self, BadKey> {
        let bad = || BadKey(s.to_owned());
        let parts: Vec<&str> = s.trim().split('/').collect();
        let customer = |p: &str| p.parse::<CustomerId>().map_err(|_| bad());
        let year = |p: &str| {
            p.parse::<i32>()
                .ok()
                .filter(|y| (1..=9999).contains(y))
                .ok_or_else(bad)
        };
        match parts.as_slice() {
            ["birthday", c, y] => Ok(Self::Birthday {
                customer: customer(c)?,
                year: year(y)?,
            }),
            ["date", c, label, y] if !label.is_empty() && slug(label) == *label => Ok(Self::Date {
                customer: customer(c)?,
                label: (*label).to_owned(),
                year: year(y)?,
            }),
            ["follow-up", c, i] => Ok(Self::FollowUp {
                customer: customer(c)?,
                interaction: i.parse().map_err(|_| bad())?,
            }),
            ["keep-in-touch", c, d] => Ok(Self::KeepInTouch {
                customer: customer(c)?,
                due: NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| bad())?,
            }),
            ["order-drop", c, d] => Ok(Self::OrderDrop {
                customer: customer(c)?,
                last_order: NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| bad())?,
            }),
            ["complaint", c, id, stage] => Ok(Self::Complaint {
                customer: customer(c)?,
                complaint: id.parse().map_err(|_| bad())?,
                stage: Stage::parse(stage).ok_or_else(bad)?,
            }),
            ["ask-feedback", c, "order", id] => Ok(Self::AskFeedback {
                customer: customer(c)?,
                source: AskSource::Order(id.parse().map_err(|_| bad())?),
            }),
            ["ask-feedback", c, "meeting", id] => Ok(Self::AskFeedback {
                customer: customer(c)?,
                source: AskSource::Meeting(id.parse().map_err(|_| bad())?),
            }),
            ["season", c, ym] => {
                let (y, m) = ym.split_once('-').ok_or_else(bad)?;
                let month = m
                    .parse::<u32>()
                    .ok()
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(bad)?;
                Ok(Self::Season {
                    customer: customer(c)?,
                    year: year(y)?,
                    month,
                })
            }
            _ => Err(bad()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_through_text() {
        let c = CustomerId::new_v7();
        for key in [
            ReminderKey::Birthday {
                customer: c,
                year: 2026,
            },
            ReminderKey::Date {
                customer: c,
                label: slug("Wedding anniversary"),
                year: 2027,
            },
            ReminderKey::FollowUp {
                customer: c,
                interaction: InteractionId::new_v7(),
            },
            ReminderKey::KeepInTouch {
                customer: c,
                due: NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
            },
            ReminderKey::OrderDrop {
                customer: c,
                last_order: NaiveDate::from_ymd_opt(2026, 9, 14).unwrap(),
            },
            ReminderKey::Season {
                customer: c,
                year: 2026,
                month: 11,
            },
            ReminderKey::Complaint {
                customer: c,
                complaint: crate::model::ComplaintId::new_v7(),
                stage: Stage::Resolve,
            },
            ReminderKey::AskFeedback {
                customer: c,
                source: AskSource::Order(crate::model::OrderId::new_v7()),
            },
            ReminderKey::AskFeedback {
                customer: c,
                source: AskSource::Meeting(InteractionId::new_v7()),
            },
        ] {
            assert_eq!(key.to_string().parse::<ReminderKey>().unwrap(), key);
        }
    }

    #[test]
    fn slugs_are_lowercase_words() {
        assert_eq!(slug("Wedding  Anniversary!"), "wedding-anniversary");
        assert_eq!(slug("Kundin seit"), "kundin-seit");
        assert_eq!(slug("Été"), "été");
        assert_eq!(slug("—"), "date");
    }

    #[test]
    fn a_garbled_key_says_where_keys_come_from() {
        let e = "birthday/nope/2026".parse::<ReminderKey>().unwrap_err();
        assert!(e.to_string().contains("regulars today"));
        assert!("follow-up/x".parse::<ReminderKey>().is_err());
        assert!("date/0190a6f0-0000-7000-8000-000000000000/Big Day/2026"
            .parse::<ReminderKey>()
            .is_err());
    }
}
