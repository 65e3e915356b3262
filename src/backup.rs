//! The full backup: one versioned JSON document with everything the owner
//! entered (customers, notes, orders, the catalogue, feedback, complaints,
//! what was done with each reminder, segments, templates, settings, drafts),
//! and nothing derived (indexes are rebuilt on restore). It is lossless:
//! backing up, restoring into an empty store and backing up again gives the
//! same document, byte for byte (records in key order, no timestamps of its own).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::agenda::Action;
use crate::messages::SavedTemplate;
use crate::model::{
    validate_new_customer, Complaint, Customer, CustomerDraft, Feedback, Interaction, Order,
    Product, ValidationError,
};
use crate::segments::Segment;
use crate::settings::Settings;

/// What the `format` field says, so a wrong file is told apart from a damaged one.
pub const FORMAT: &str = "regulars-backup";
/// The document version this build writes (and the newest it reads).
pub const VERSION: u32 = 1;

/// What was done with one reminder occurrence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderRecord {
    pub key: String,
    pub action: Action,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    pub customers: Vec<Customer>,
    pub interactions: Vec<Interaction>,
    pub products: Vec<Product>,
    pub orders: Vec<Order>,
    #[serde(default)]
    pub feedback: Vec<Feedback>,
    #[serde(default)]
    pub complaints: Vec<Complaint>,
    #[serde(default)]
    pub reminders: Vec<ReminderRecord>,
    #[serde(default)]
    pub segments: Vec<Segment>,
    #[serde(default)]
    pub templates: Vec<SavedTemplate>,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub drafts: BTreeMap<String, String>,
}

/// How much a backup holds: the restore preview.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupCounts {
    pub customers: u64,
    pub interactions: u64,
    pub orders: u64,
    pub products: u64,
    pub feedback: u64,
    pub complaints: u64,
}

impl Backup {
    pub fn counts(&self) -> BackupCounts {
        BackupCounts {
            customers: self.customers.len() as u64,
            interactions: self.interactions.len() as u64,
            orders: self.orders.len() as u64,
            products: self.products.len() as u64,
            feedback: self.feedback.len() as u64,
            complaints: self.complaints.len() as u64,
        }
    }

    /// Reads a backup, saying where it is wrong: not JSON (line and column), not
    /// a Regulars backup, from a newer version, or a record that breaks a rule.
    pub fn parse(text: &[u8]) -> Result<Backup, ValidationError> {
        #[derive(Deserialize)]
        struct Envelope {
            format: Option<String>,
            version: Option<u32>,
        }
        let bad = |e: serde_json::Error| {
            ValidationError::new(
                "file",
                format!("line {} column {}: {e}", e.line(), e.column()),
            )
        };
        let envelope: Envelope = serde_json::from_slice(text).map_err(bad)?;
        if envelope.format.as_deref() != Some(FORMAT) {
            return Err(ValidationError::new(
                "file",
                "is not a Regulars backup (its \"format\" is not \"regulars-backup\")",
            ));
        }
        match envelope.version {
            Some(v) if v <= VERSION => {}
            Some(v) => {
                return Err(ValidationError::new(
                    "file",
                    format!("is a version {v} backup; this Regulars reads up to version {VERSION}: update Regulars to restore it"),
                ))
            }
            None => return Err(ValidationError::new("file", "has no \"version\"")),
        }
        let backup: Backup = serde_json::from_slice(text).map_err(bad)?;
        backup.check()?;
        Ok(backup)
    }

    /// Every customer must pass the rules of typing them in; everything else
    /// must belong to a customer in the backup.
    fn check(&self) -> Result<(), ValidationError> {
        let mut ids = std::collections::HashSet::new();
        for (i, c) in self.customers.iter().enumerate() {
            let draft = CustomerDraft::from_customer(c);
            let today = chrono::NaiveDate::MAX;
            validate_new_customer(&draft, c.id, c.created_at, today).map_err(|e| {
                ValidationError::new(
                    format!("customers[{i}].{}", e.field),
                    format!("(customer {}) {}", c.id, e.message),
                )
            })?;
            if !ids.insert(c.id) {
                return Err(ValidationError::new(
                    format!("customers[{i}]"),
                    format!("customer {} appears twice", c.id),
                ));
            }
        }
        let orphan = |what: &str, i: usize, id: &crate::model::CustomerId| {
            (!ids.contains(id)).then(|| {
                ValidationError::new(
                    format!("{what}[{i}]"),
                    format!("belongs to customer {id}, who is not in the backup"),
                )
            })
        };
        for (i, x) in self.interactions.iter().enumerate() {
            if let Some(e) = orphan("interactions", i, &x.customer_id) {
                return Err(e);
            }
        }
        for (i, x) in self.orders.iter().enumerate() {
            if let Some(e) = orphan("orders", i, &x.customer_id) {
                return Err(e);
            }
            if x.lines
                .iter()
                .any(|l| l.quantity == 0 || l.unit_price_minor < 0)
            {
                return Err(ValidationError::new(
                    format!("orders[{i}].lines"),
                    format!(
                        "order {} has a line with no quantity or a negative price",
                        x.id
                    ),
                ));
            }
        }
        for (i, x) in self.feedback.iter().enumerate() {
            if let Some(e) = orphan("feedback", i, &x.customer_id) {
                return Err(e);
            }
        }
        for (i, x) in self.complaints.iter().enumerate() {
            if let Some(e) = orphan("complaints", i, &x.customer_id) {
                return Err(e);
            }
        }
        self.settings
            .validate()
            .map_err(|e| ValidationError::new(format!("settings.{}", e.field), e.message))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn minimal() -> String {
        r#"{"format": "regulars-backup", "version": 1, "customers": [{"id": "0190a6f0-0000-7000-8000-000000000001", "name": "Anna Berg", "kind": "person", "birthday": "--02-29", "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}], "interactions": [], "products": [], "orders": []}"#.to_owned()
    }

    #[test]
    fn a_minimal_backup_reads() {
        let b = Backup::parse(minimal().as_bytes()).unwrap();
        assert_eq!(b.counts().customers, 1);
    }

    #[test]
    fn a_record_of_a_customer_not_in_the_backup_is_named() {
        let text = minimal().replace(
            r#""interactions": []"#,
            r#""interactions": [{"id": "0190a6f0-0000-7000-8000-0000000000aa", "customer_id": "0190a6f0-0000-7000-8000-000000000002", "kind": "note", "at": "2026-01-01T00:00:00Z", "text": "x", "follow_up": null, "created_at": "2026-01-01T00:00:00Z"}]"#,
        );
        let e = Backup::parse(text.as_bytes()).unwrap_err();
        assert_eq!(e.field, "interactions[0]");
        assert!(e.message.contains("not in the backup"), "{}", e.message);
    }

    proptest! {
        #[test]
        fn any_bytes_are_read_or_refused_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = Backup::parse(&bytes);
        }

        #[test]
        fn a_backup_cut_or_changed_anywhere_is_read_or_refused_without_panicking(
            cut in 0usize..400,
            at in 0usize..400,
            byte in any::<u8>(),
        ) {
            let mut text = minimal().into_bytes();
            if at < text.len() {
                text[at] = byte;
            }
            text.truncate(cut.min(text.len()));
            if let Err(e) = Backup::parse(&text) {
                prop_assert!(!e.message.is_empty());
            }
        }
    }
}
