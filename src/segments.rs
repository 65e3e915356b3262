//! Saved segments: a named customer-list query ("Regulars in Malmö", "Not seen
//! for 60 days") shown in the sidebar, and bulk changes to a selection of
//! customers. Both only *describe* the change; the façade applies it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::listing::CustomerQuery;
use crate::model::ValidationError;

/// The longest segment name accepted, in characters.
pub const NAME_CHARS: usize = 80;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Segment {
    pub id: String,
    pub name: String,
    /// The list's filters and sort (no page: a segment is every match).
    pub query: CustomerQuery,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
}

/// What the owner names and saves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SegmentDraft {
    pub name: String,
    pub query: CustomerQuery,
}

impl SegmentDraft {
    /// The trimmed name, checked for length and against `taken` (other segments'
    /// names, compared without case), and the query without its page.
    pub fn validate<'a>(
        &self,
        mut taken: impl Iterator<Item = &'a str>,
    ) -> Result<(String, CustomerQuery), ValidationError> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(ValidationError::new("name", "give the segment a name"));
        }
        if name.chars().count() > NAME_CHARS {
            return Err(ValidationError::new(
                "name",
                format!("is longer than {NAME_CHARS} characters"),
            ));
        }
        if name.chars().any(char::is_control) {
            return Err(ValidationError::new(
                "name",
                "contains a control character (such as a line break)",
            ));
        }
        if taken.any(|t| t.to_lowercase() == name.to_lowercase()) {
            return Err(ValidationError::new(
                "name",
                format!("a segment named “{name}” already exists"),
            ));
        }
        let mut query = self.query.clone();
        query.offset = None;
        query.limit = None;
        Ok((name.to_owned(), query))
    }
}

/// One change applied to every selected customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "action", rename_all = "kebab-case")]
#[ts(export)]
pub enum BulkChange {
    AddTag {
        tag: String,
    },
    RemoveTag {
        tag: String,
    },
    /// `null` clears the cadence.
    SetCadence {
        days: Option<u32>,
    },
    Archive,
}

/// How many customers a bulk change changed (already-tagged ones are not counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BulkOutcome {
    pub changed: u32,
}

/// The most customers one bulk change may touch (a whole 100k book in one go
/// would hold every record in one transaction).
pub const MAX_BULK: usize = 20_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_needs_a_fresh_name_and_forgets_its_page() {
        let draft = SegmentDraft {
            name: "  Malmö regulars ".into(),
            query: CustomerQuery {
                city: Some("Malmö".into()),
                offset: Some(400),
                limit: Some(200),
                ..Default::default()
            },
        };
        let (name, query) = draft.validate(["Lapsed"].into_iter()).unwrap();
        assert_eq!(name, "Malmö regulars");
        assert_eq!((query.offset, query.limit), (None, None));
        assert_eq!(query.city.as_deref(), Some("Malmö"));
        let e = draft.validate(["malmö REGULARS"].into_iter()).unwrap_err();
        assert!(e.message.contains("already exists"), "{e}");
        let blank = SegmentDraft::default();
        assert_eq!(
            blank.validate(std::iter::empty()).unwrap_err().field,
            "name"
        );
    }
}
