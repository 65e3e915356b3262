//! The store as a whole: a full dump for backups, loading a dump into an
//! empty store, and replacing the store's files with a fresh copy (a restore,
//! or after an erase, so that nothing erased stays readable in sled's log).
//!
//! Replacing works on a closed store, beside it: the new database is built in
//! `<data>/rebuild/`, then `store` → `store.old`, `rebuild/store` → `store`,
//! and `store.old` is deleted. [`recover`] finishes or rolls back a replacement
//! a crash interrupted; the new store keeps the old store's id, so the
//! `store-id` marker stays true throughout.

use std::fs;
use std::path::{Path, PathBuf};

use super::{io_error, reminder_key, snooze_key, Change, Result, Store, StoreError, Tree};
use crate::agenda::{Action, ReminderKey};
use crate::backup::{Backup, ReminderRecord, FORMAT, VERSION};

const REBUILD_DIR: &str = "rebuild";
const OLD_STORE: &str = "store.old";

impl Store {
    /// Everything the owner entered, in key order (see [`crate::backup`]).
    pub fn dump(&self) -> Result<Backup> {
        let mut reminders = Vec::new();
        for kv in self.reminders.iter() {
            let (k, v) = kv.map_err(|source| self.unreadable(source))?;
            let action: Action = self.decode(super::REMINDERS, &k, &v)?;
            // The key is customer bytes ++ the key's text.
            let text = String::from_utf8_lossy(k.get(16..).unwrap_or_default()).into_owned();
            reminders.push(ReminderRecord { key: text, action });
        }
        let mut drafts = std::collections::BTreeMap::new();
        for kv in self.drafts.iter() {
            let (k, v) = kv.map_err(|source| self.unreadable(source))?;
            drafts.insert(
                String::from_utf8_lossy(&k).into_owned(),
                String::from_utf8_lossy(&v).into_owned(),
            );
        }
        let mut interactions = Vec::new();
        for kv in self.interactions.iter() {
            let (k, v) = kv.map_err(|source| self.unreadable(source))?;
            interactions.push(self.decode(super::INTERACTIONS, &k, &v)?);
        }
        let mut feedback = Vec::new();
        for kv in self.feedback.iter() {
            let (k, v) = kv.map_err(|source| self.unreadable(source))?;
            feedback.push(self.decode(super::FEEDBACK, &k, &v)?);
        }
        let mut segments = self.segments()?;
        segments.sort_by(|a, b| a.id.cmp(&b.id));
        let mut templates = self.templates()?;
        templates.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(Backup {
            format: FORMAT.to_owned(),
            version: VERSION,
            customers: self.customers()?,
            interactions,
            products: self.products()?,
            orders: self.all_orders()?,
            feedback,
            complaints: self.all_complaints()?,
            reminders,
            segments,
            templates,
            settings: self.settings()?,
            drafts,
        })
    }

    /// What was done with one customer's reminder occurrences.
    pub fn reminders_of(&self, customer: &crate::model::CustomerId) -> Result<Vec<ReminderRecord>> {
        self.reminders
            .scan_prefix(customer.as_bytes())
            .map(|kv| {
                let (k, v) = kv.map_err(|source| self.unreadable(source))?;
                Ok(ReminderRecord {
                    key: String::from_utf8_lossy(k.get(16..).unwrap_or_default()).into_owned(),
                    action: self.decode(super::REMINDERS, &k, &v)?,
                })
            })
            .collect()
    }

    /// How many records of each kind the store holds (what a dump would count),
    /// from the trees' lengths: nothing is decoded.
    pub fn record_counts(&self) -> crate::backup::BackupCounts {
        crate::backup::BackupCounts {
            customers: self.customers.len() as u64,
            interactions: self.interactions.len() as u64,
            orders: self.orders.len() as u64,
            products: self.products.len() as u64,
            feedback: self.feedback.len() as u64,
            complaints: self.complaints.len() as u64,
        }
    }

    /// Whether the store holds no customers, orders or catalogue (a fresh one).
    pub fn is_empty(&self) -> bool {
        self.customers.is_empty() && self.orders.is_empty() && self.products.is_empty()
    }

    /// Writes a backup's records into this (empty) store, with their indexes,
    /// in chunks; callers make it atomic by building a store aside and swapping.
    pub fn load(&self, backup: &Backup) -> Result<()> {
        let mut interactions = backup.interactions.iter().peekable();
        for chunk in backup.customers.chunks(1000) {
            let last = chunk.last().map(|c| c.id);
            let mut mine = Vec::new();
            // Interactions come in customer order, like customers: take this chunk's.
            while let Some(i) = interactions.peek() {
                if last.is_some_and(|l| i.customer_id <= l) {
                    mine.extend(interactions.next().cloned());
                } else {
                    break;
                }
            }
            self.put_many(chunk, &mine)?;
        }
        let rest: Vec<_> = interactions.cloned().collect();
        if !rest.is_empty() {
            self.put_many(&[], &rest)?;
        }
        self.save_orders(&[], &backup.products, &[])?;
        for chunk in backup.orders.chunks(20_000) {
            self.save_orders(chunk, &[], &[])?;
        }
        let mut writes = Vec::new();
        for f in &backup.feedback {
            writes.push(Change::put(
                Tree::Feedback,
                super::feedback_key(f),
                self.encode(f)?,
            ));
        }
        for c in &backup.complaints {
            let key = super::complaint_key(c);
            if c.is_pending() {
                writes.push(Change::put(
                    Tree::PendingComplaints,
                    c.id.as_bytes().to_vec(),
                    key.clone(),
                ));
            }
            writes.push(Change::put(Tree::Complaints, key, self.encode(c)?));
        }
        for r in &backup.reminders {
            let key: ReminderKey = r.key.parse().map_err(|e: crate::agenda::BadKey| {
                self.write_error(sled::Error::Unsupported(e.to_string()))
            })?;
            if let Action::Snoozed { until } = r.action {
                writes.push(Change::put(
                    Tree::Snoozes,
                    snooze_key(until, &r.key),
                    vec![],
                ));
            }
            writes.push(Change::put(
                Tree::Reminders,
                reminder_key(&key),
                self.encode(&r.action)?,
            ));
        }
        for s in &backup.segments {
            writes.push(Change::put(
                Tree::Segments,
                s.id.as_bytes().to_vec(),
                self.encode(s)?,
            ));
        }
        for t in &backup.templates {
            writes.push(Change::put(
                Tree::Templates,
                t.id.as_bytes().to_vec(),
                self.encode(t)?,
            ));
        }
        for (name, text) in &backup.drafts {
            writes.push(Change::put(
                Tree::Drafts,
                name.as_bytes().to_vec(),
                text.as_bytes().to_vec(),
            ));
        }
        writes.push(Change::put(
            Tree::Meta,
            super::SETTINGS_KEY.to_vec(),
            self.encode(&backup.settings)?,
        ));
        self.write(&writes)
    }

    /// Gives this store another store's id (a rebuilt store takes the id of the
    /// one it replaces, so the data directory's marker stays true).
    fn adopt_id(&self, id: &str) -> Result<()> {
        self.write(&[Change::put(
            Tree::Meta,
            super::migrations::STORE_ID.to_vec(),
            id.as_bytes().to_vec(),
        )])
    }

    fn id(&self) -> Result<String> {
        Ok(self
            .meta
            .get(super::migrations::STORE_ID)
            .map_err(|source| self.unreadable(source))?
            .map(|v| String::from_utf8_lossy(&v).into_owned())
            .unwrap_or_default())
    }
}

/// Copies every tree of `from` into `to`, as stored: a fresh database holding
/// the current records only (no old versions in its log).
pub fn copy_all(from: &Store, to: &Store) -> Result<()> {
    for name in from.db.tree_names() {
        let src = from.db.open_tree(&name).map_err(|s| from.unreadable(s))?;
        let dst = to.db.open_tree(&name).map_err(|s| to.write_error(s))?;
        dst.clear().map_err(|s| to.write_error(s))?;
        for kv in src.iter() {
            let (k, v) = kv.map_err(|s| from.unreadable(s))?;
            dst.insert(k, v).map_err(|s| to.write_error(s))?;
        }
    }
    to.flush()
}

/// Builds a new store beside the (closed) one in `dir` with `fill`, then puts
/// it in the old one's place. The old files are deleted: nothing of them stays
/// readable in the data directory.
pub fn replace(dir: &Path, fill: impl FnOnce(&Store, &Store) -> Result<()>) -> Result<()> {
    let current = Store::open(dir)?;
    let id = current.id()?;
    let rebuild = dir.join(REBUILD_DIR);
    remove_dir(&rebuild)?;
    {
        let fresh = Store::open(&rebuild)?;
        fill(&current, &fresh)?;
        fresh.adopt_id(&id)?;
        fresh.flush()?;
    }
    drop(current);
    // Our own lock again, held while the files move (the store handle is closed).
    let _lock = lock_again(dir)?;
    let store = dir.join("store");
    let old = dir.join(OLD_STORE);
    fs::rename(&store, &old).map_err(io_error(&store))?;
    fs::rename(rebuild.join("store"), &store).map_err(io_error(&store))?;
    sync_dir(dir)?;
    remove_dir(&old)?;
    remove_dir(&rebuild)?;
    Ok(())
}

/// sled releases its file lock from a background thread a moment after the
/// handle drops; our lock file is free as soon as the handle is gone.
fn lock_again(dir: &Path) -> Result<fs::File> {
    let patience = std::time::Duration::from_secs(5);
    let started = std::time::Instant::now();
    loop {
        match super::lock(dir) {
            Ok(f) => return Ok(f),
            Err(StoreError::AlreadyOpen { .. }) if started.elapsed() < patience => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Finishes or rolls back a replacement a crash interrupted (called by `open`
/// while holding the lock): the old store back if the new one never arrived;
/// the old files gone if it did.
pub(super) fn recover(dir: &Path) -> Result<()> {
    let store = dir.join("store");
    let old = dir.join(OLD_STORE);
    let rebuild = dir.join(REBUILD_DIR);
    if old.exists() {
        if !store.exists() {
            let next = rebuild.join("store");
            let back = if next.exists() { next } else { old.clone() };
            fs::rename(&back, &store).map_err(io_error(&store))?;
            sync_dir(dir)?;
        }
        remove_dir(&old)?;
    }
    remove_dir(&rebuild)?;
    Ok(())
}

fn remove_dir(path: &PathBuf) -> Result<()> {
    match fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_error(path)(e)),
    }
}

fn sync_dir(dir: &Path) -> Result<()> {
    fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_error(dir))
}
