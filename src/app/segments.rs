//! Saved segments and bulk changes to a selection of customers.

use std::sync::PoisonError;

use super::Regulars;
use crate::error::{Error, Result};
use crate::listing::CustomerQuery;
use crate::model::{validate_edit, Customer, CustomerDraft, CustomerId, ValidationError};
use crate::segments::{BulkChange, BulkOutcome, Segment, SegmentDraft, MAX_BULK};

impl Regulars {
    /// Saved segments, by name as people read it.
    pub fn segments(&self) -> Result<Vec<Segment>> {
        let mut all = self.store.segments()?;
        all.sort_by_cached_key(|s| (s.name.to_lowercase(), s.id.clone()));
        Ok(all)
    }

    pub fn save_segment(&self, draft: &SegmentDraft) -> Result<Segment> {
        let _w = self.write_lock();
        let existing = self.store.segments()?;
        let (name, query) = draft.validate(existing.iter().map(|s| s.name.as_str()))?;
        let segment = Segment {
            id: uuid::Uuid::now_v7().to_string(),
            name,
            query,
            created_at: self.clock.now(),
        };
        self.store.put_segment(&segment)?;
        Ok(segment)
    }

    /// Renames a segment and/or replaces its filters.
    pub fn update_segment(&self, id: &str, draft: &SegmentDraft) -> Result<Segment> {
        let _w = self.write_lock();
        let existing = self.store.segments()?;
        let current = existing
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Error::SegmentNotFound(id.to_owned()))?;
        let others = existing.iter().filter(|s| s.id != id);
        let (name, query) = draft.validate(others.map(|s| s.name.as_str()))?;
        let segment = Segment {
            name,
            query,
            ..current.clone()
        };
        self.store.put_segment(&segment)?;
        Ok(segment)
    }

    pub fn delete_segment(&self, id: &str) -> Result<()> {
        let _w = self.write_lock();
        if self.store.delete_segment(id)? {
            Ok(())
        } else {
            Err(Error::SegmentNotFound(id.to_owned()))
        }
    }

    /// The ids of every customer the query matches, for "select all N".
    pub fn matching_customer_ids(&self, query: &CustomerQuery) -> Vec<String> {
        self.index
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .matching_ids(query, self.clock.today(), self.clock.now())
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    /// Applies one change to every listed customer, in one write: all or none.
    /// Customers the change would not alter (already tagged, already archived)
    /// are left untouched and not counted.
    pub fn bulk_edit(&self, ids: &[String], change: &BulkChange) -> Result<BulkOutcome> {
        if ids.len() > MAX_BULK {
            return Err(ValidationError::new(
                "ids",
                format!(
                    "{} customers selected; change at most {MAX_BULK} at once",
                    ids.len()
                ),
            )
            .into());
        }
        let _w = self.write_lock();
        let now = self.clock.now();
        let today = self.clock.today();
        let mut changed: Vec<Customer> = Vec::new();
        for id in ids {
            let parsed: CustomerId = id.parse().map_err(|_| Error::BadId(id.clone()))?;
            let c = self
                .store
                .customer(&parsed)?
                .ok_or_else(|| Error::CustomerNotFound(id.clone()))?;
            if let Some(edited) = apply(&c, change, now, today)? {
                changed.push(edited);
            }
        }
        if !changed.is_empty() {
            self.store.put_customers(&changed)?;
            self.index
                .write()
                .unwrap_or_else(PoisonError::into_inner)
                .extend(&changed);
        }
        Ok(BulkOutcome {
            changed: changed.len() as u32,
        })
    }
}

/// The customer after `change`, validated by the same rules as an edit; `None`
/// when nothing would change.
fn apply(
    c: &Customer,
    change: &BulkChange,
    now: chrono::DateTime<chrono::Utc>,
    today: chrono::NaiveDate,
) -> Result<Option<Customer>> {
    let mut draft = CustomerDraft::from_customer(c);
    let same_tag = |t: &String, tag: &str| t.to_lowercase() == tag.trim().to_lowercase();
    match change {
        BulkChange::AddTag { tag } => {
            if tag.trim().is_empty() {
                return Err(ValidationError::new("tag", "type the tag to add").into());
            }
            if draft.tags.iter().any(|t| same_tag(t, tag)) {
                return Ok(None);
            }
            draft.tags.push(tag.clone());
        }
        BulkChange::RemoveTag { tag } => {
            if !draft.tags.iter().any(|t| same_tag(t, tag)) {
                return Ok(None);
            }
            draft.tags.retain(|t| !same_tag(t, tag));
        }
        BulkChange::SetCadence { days } => {
            if draft.cadence_days == *days {
                return Ok(None);
            }
            draft.cadence_days = *days;
        }
        BulkChange::Archive => {
            if c.archived_at.is_some() {
                return Ok(None);
            }
            let mut archived = c.clone();
            archived.archived_at = Some(now);
            archived.updated_at = now;
            return Ok(Some(archived));
        }
    }
    // The edit rules name the field as for one customer (`tags[3]`, `cadence_days`);
    // in bulk the field is the one the owner typed into.
    let field = match change {
        BulkChange::SetCadence { .. } => "days",
        _ => "tag",
    };
    validate_edit(c, &draft, now, today)
        .map(Some)
        .map_err(|e| ValidationError::new(field, e.message).into())
}
