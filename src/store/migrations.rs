//! Ordered schema migrations. The `meta` tree records the version reached;
//! each step runs once, in order, and the version is bumped and flushed after it.
//! Add a step by appending to `STEPS`; never edit or reorder a released one.

use std::path::Path;

use super::{Result, StoreError};

pub(super) const STORE_ID: &[u8] = b"store_id";
const SCHEMA_KEY: &[u8] = b"schema_version";

type Step = fn(&sled::Db, &sled::Tree) -> sled::Result<()>;

/// The steps, in order; step `i` moves the store from version `i` to `i + 1`.
const STEPS: &[Step] = &[
    v1_create_store,
    v2_timeline,
    v3_reminders,
    v4_orders,
    v5_feedback,
];

/// The version this build writes.
pub const SCHEMA_VERSION: u32 = STEPS.len() as u32;

fn v1_create_store(db: &sled::Db, meta: &sled::Tree) -> sled::Result<()> {
    db.open_tree(super::CUSTOMERS)?;
    if meta.get(STORE_ID)?.is_none() {
        let id = uuid::Uuid::now_v7().to_string();
        meta.insert(STORE_ID, id.as_bytes())?;
    }
    Ok(())
}

/// Interactions, their follow-up index and drafts (the timeline arrives).
fn v2_timeline(db: &sled::Db, _meta: &sled::Tree) -> sled::Result<()> {
    for tree in [super::INTERACTIONS, super::FOLLOW_UPS, super::DRAFTS] {
        db.open_tree(tree)?;
    }
    Ok(())
}

/// The daily list and saved segments arrive: their trees, and the yearly-date and keep-in-touch
/// indexes built from the customers already stored. Inserts are idempotent, so a
/// step interrupted by a crash simply runs again.
fn v3_reminders(db: &sled::Db, _meta: &sled::Tree) -> sled::Result<()> {
    for tree in [
        super::REMINDERS,
        super::SNOOZES,
        super::NOTIFIED,
        super::SEGMENTS,
        super::TEMPLATES,
    ] {
        db.open_tree(tree)?;
    }
    let occasions = db.open_tree(super::OCCASIONS)?;
    let keep_in_touch = db.open_tree(super::KEEP_IN_TOUCH)?;
    for kv in db.open_tree(super::CUSTOMERS)?.iter() {
        let (k, v) = kv?;
        let customer: crate::model::Customer = serde_json::from_slice(&v).map_err(|e| {
            sled::Error::Unsupported(format!(
                "customer {} cannot be decoded ({e})",
                super::describe_key(&k)
            ))
        })?;
        for (tree, key, value) in super::index_entries(&customer) {
            match tree {
                super::Tree::Occasions => occasions.insert(key, value)?,
                _ => keep_in_touch.insert(key, value)?,
            };
        }
    }
    Ok(())
}

/// Orders and the catalogue arrive: their trees and the indexes derived from
/// orders (rhythm, seasonal habits), empty in a store that had no orders.
fn v4_orders(db: &sled::Db, _meta: &sled::Tree) -> sled::Result<()> {
    for tree in [
        super::PRODUCTS,
        super::ORDERS,
        super::ORDER_KEYS,
        super::ORDER_DROPS,
        super::SEASONS,
    ] {
        db.open_tree(tree)?;
    }
    Ok(())
}

/// Feedback and complaints arrive, with the asks index ("ask how it went")
/// built from the orders and meetings already stored. Inserts are idempotent.
fn v5_feedback(db: &sled::Db, _meta: &sled::Tree) -> sled::Result<()> {
    for tree in [
        super::COMPLAINTS,
        super::PENDING_COMPLAINTS,
        super::FEEDBACK,
    ] {
        db.open_tree(tree)?;
    }
    let asks = db.open_tree(super::ASKS)?;
    let undecodable = |what: &str, k: &[u8], e: serde_json::Error| {
        sled::Error::Unsupported(format!(
            "{what} {} cannot be decoded ({e})",
            super::describe_key(k)
        ))
    };
    for kv in db.open_tree(super::ORDERS)?.iter() {
        let (k, v) = kv?;
        let order: crate::model::Order =
            serde_json::from_slice(&v).map_err(|e| undecodable("order", &k, e))?;
        let (key, value) = super::order_ask(&order);
        asks.insert(key, value)?;
    }
    for kv in db.open_tree(super::INTERACTIONS)?.iter() {
        let (k, v) = kv?;
        let interaction: crate::model::Interaction =
            serde_json::from_slice(&v).map_err(|e| undecodable("interaction", &k, e))?;
        if let Some((key, value)) = super::meeting_ask(&interaction) {
            asks.insert(key, value)?;
        }
    }
    Ok(())
}

/// The version reached: 0 for a new store; `None` when the stored value is malformed.
fn version(meta: &sled::Tree) -> sled::Result<Option<u32>> {
    Ok(match meta.get(SCHEMA_KEY)? {
        None => Some(0),
        Some(v) => <[u8; 4]>::try_from(v.as_ref()).ok().map(u32::from_be_bytes),
    })
}

pub(super) fn run(db: &sled::Db, meta: &sled::Tree, path: &Path) -> Result<()> {
    let fail = |source| StoreError::Write {
        path: path.to_owned(),
        source,
    };
    let found = version(meta)
        .map_err(|source| StoreError::Unreadable {
            path: path.to_owned(),
            source,
        })?
        .ok_or_else(|| StoreError::CorruptRecord {
            path: path.to_owned(),
            tree: "meta",
            key: "schema_version".into(),
            source: serde::de::Error::custom("not a 4-byte version number"),
        })?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_owned(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for (i, step) in STEPS.iter().enumerate().skip(found as usize) {
        step(db, meta).map_err(fail)?;
        meta.insert(SCHEMA_KEY, &(i as u32 + 1).to_be_bytes())
            .map_err(fail)?;
        db.flush().map_err(fail)?;
    }
    Ok(())
}

/// For tests: pretend the store was written by a future version.
#[cfg(test)]
pub(super) fn set_version(meta: &sled::Tree, v: u32) {
    meta.insert(SCHEMA_KEY, &v.to_be_bytes()).unwrap();
}

#[cfg(test)]
pub(super) fn version_for_test(meta: &sled::Tree) -> u32 {
    version(meta).unwrap().unwrap()
}
