//! The only module that touches sled.
//!
//! Layout of a data directory:
//! - `store/`        the sled database (one tree per record kind, plus `meta`)
//! - `regulars.lock` an advisory lock held while a process has the store open
//! - `store-id`      a marker written once the store holds data; if sled ever
//!   opens a store that has lost its data, the marker lets us say so instead of
//!   carrying on with an empty store.
//!
//! Must never: acknowledge a write before sled has flushed it to disk, or
//! replace an unreadable store with a fresh one.

mod migrations;

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::Transactional;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::model::{Customer, CustomerId, Interaction};

pub use migrations::SCHEMA_VERSION;

/// What can go wrong with the store; every variant names the path involved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the data at {path} is already open in another Regulars window or command; close it and try again")]
    AlreadyOpen { path: PathBuf },
    #[error("the store at {path} cannot be read ({source}); Regulars did not replace it — restore a backup or move it aside")]
    Unreadable {
        path: PathBuf,
        #[source]
        source: sled::Error,
    },
    #[error("the store at {path} was created (id {expected}) but now reads as {found}; Regulars did not replace it — restore a backup or move it aside")]
    LostData {
        path: PathBuf,
        expected: String,
        found: String,
    },
    #[error("the store at {path} was written by a newer Regulars (schema {found}, this version knows up to {supported}); update Regulars to open it")]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("record {key} in {tree} at {path} cannot be decoded ({source})")]
    CorruptRecord {
        path: PathBuf,
        tree: &'static str,
        key: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("cannot use {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("writing to the store at {path} failed ({source}); nothing was saved")]
    Write {
        path: PathBuf,
        #[source]
        source: sled::Error,
    },
}

type Result<T> = std::result::Result<T, StoreError>;

const CUSTOMERS: &str = "customers";
/// customer id ++ time ++ interaction id → interaction: a customer's timeline is one prefix scan.
const INTERACTIONS: &str = "interactions";
/// due date ++ customer id ++ interaction id → interaction key: the agenda reads a date range.
const FOLLOW_UPS: &str = "follow_ups";
/// name → text: unsaved work (the quick-note draft) that must survive a crash.
const DRAFTS: &str = "drafts";
const META: &str = "meta";
const MARKER_FILE: &str = "store-id";
/// Held while a process has the store open (public so tests can wait for it).
pub const LOCK_FILE: &str = "regulars.lock";

/// An open store. Cheap to share between threads (`&Store` is enough).
pub struct Store {
    db: sled::Db,
    // On Linux sled's flush uses sync_file_range, which does not reach the disk's
    // cache or the file's size; an fdatasync on this handle after it does.
    db_file: File,
    customers: sled::Tree,
    interactions: sled::Tree,
    follow_ups: sled::Tree,
    drafts: sled::Tree,
    dir: PathBuf,
    // Held for the life of the store; the OS releases it if the process dies.
    _lock: File,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("dir", &self.dir).finish()
    }
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_owned(),
        source,
    }
}

fn lock(dir: &Path) -> Result<File> {
    let path = dir.join(LOCK_FILE);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io_error(&path))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(StoreError::AlreadyOpen {
            path: dir.to_owned(),
        }),
        Err(TryLockError::Error(e)) => Err(io_error(&path)(e)),
    }
}

impl Store {
    /// Opens the store in `dir` (creating a new one only where there was none),
    /// runs pending migrations, and checks that no data has gone missing.
    pub fn open(dir: &Path) -> Result<Store> {
        fs::create_dir_all(dir).map_err(io_error(dir))?;
        let lock = lock(dir)?;
        let db_path = dir.join("store");
        let marker = read_marker(&dir.join(MARKER_FILE))?;
        if let (Some(expected), false) = (&marker, db_path.exists()) {
            // Refuse before sled would create a fresh, empty database in its place.
            return Err(StoreError::LostData {
                path: db_path,
                expected: expected.clone(),
                found: "missing".into(),
            });
        }
        let db = open_sled(&db_path)?;
        let unreadable = |source| StoreError::Unreadable {
            path: db_path.clone(),
            source,
        };
        let meta = db.open_tree(META).map_err(unreadable)?;
        let store_id = meta
            .get(migrations::STORE_ID)
            .map_err(unreadable)?
            .map(|v| String::from_utf8_lossy(&v).into_owned());
        match (&marker, &store_id) {
            (Some(expected), None) => {
                return Err(StoreError::LostData {
                    path: db_path,
                    expected: expected.clone(),
                    found: "empty".into(),
                })
            }
            (Some(expected), Some(found)) if expected != found => {
                return Err(StoreError::LostData {
                    path: db_path,
                    expected: expected.clone(),
                    found: format!("another store (id {found})"),
                })
            }
            _ => {}
        }
        migrations::run(&db, &meta, &db_path)?;
        if marker.is_none() {
            let id = meta
                .get(migrations::STORE_ID)
                .map_err(unreadable)?
                .map(|v| String::from_utf8_lossy(&v).into_owned())
                .unwrap_or_default();
            write_marker(&dir.join(MARKER_FILE), &id)?;
        }
        let customers = db.open_tree(CUSTOMERS).map_err(unreadable)?;
        let interactions = db.open_tree(INTERACTIONS).map_err(unreadable)?;
        let follow_ups = db.open_tree(FOLLOW_UPS).map_err(unreadable)?;
        let drafts = db.open_tree(DRAFTS).map_err(unreadable)?;
        let db_file = File::open(db_path.join("db")).map_err(io_error(&db_path))?;
        Ok(Store {
            db,
            db_file,
            customers,
            interactions,
            follow_ups,
            drafts,
            dir: dir.to_owned(),
            _lock: lock,
        })
    }

    /// The data directory this store lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn write_error(&self, source: sled::Error) -> StoreError {
        StoreError::Write {
            path: self.dir.join("store"),
            source,
        }
    }

    /// Blocks until everything written so far is on disk. Every write use case
    /// ends here before it reports success.
    fn flush(&self) -> Result<()> {
        self.db.flush().map_err(|e| self.write_error(e))?;
        self.db_file
            .sync_data()
            .map_err(|e| self.write_error(sled::Error::Io(e)))
    }

    fn encode<T: serde::Serialize>(&self, value: &T) -> Result<Vec<u8>> {
        serde_json::to_vec(value).map_err(|e| {
            self.write_error(sled::Error::Unsupported(format!(
                "record cannot be encoded: {e}"
            )))
        })
    }

    /// Runs `writes` as one transaction over every record tree, then flushes.
    /// Either all of a use case's records and index entries land, or none do.
    fn write(&self, writes: &[Change]) -> Result<()> {
        let result: std::result::Result<(), TransactionError<()>> = (
            &self.customers,
            &self.interactions,
            &self.follow_ups,
            &self.drafts,
        )
            .transaction(|trees| {
                for w in writes {
                    let tree = match w.tree {
                        Tree::Customers => &trees.0,
                        Tree::Interactions => &trees.1,
                        Tree::FollowUps => &trees.2,
                        Tree::Drafts => &trees.3,
                    };
                    match &w.value {
                        Some(v) => tree.insert(w.key.as_slice(), v.as_slice())?,
                        None => tree.remove(w.key.as_slice())?,
                    };
                }
                Ok::<(), ConflictableTransactionError<()>>(())
            });
        result.map_err(|e| match e {
            TransactionError::Storage(s) => self.write_error(s),
            TransactionError::Abort(()) => {
                self.write_error(sled::Error::Unsupported("transaction aborted".into()))
            }
        })?;
        self.flush()
    }

    /// Stores a customer (new or changed) durably.
    pub fn put_customer(&self, customer: &Customer) -> Result<()> {
        self.put_customers(std::slice::from_ref(customer))
    }

    /// Stores several customers in one transaction (both sides of a relationship).
    pub fn put_customers(&self, customers: &[Customer]) -> Result<()> {
        let writes = customers
            .iter()
            .map(|c| {
                Ok(Change::put(
                    Tree::Customers,
                    c.id.as_bytes().to_vec(),
                    self.encode(c)?,
                ))
            })
            .collect::<Result<Vec<_>>>()?;
        self.write(&writes)
    }

    /// Stores an interaction, its follow-up index entry and the customer it
    /// changed (last contacted), together.
    pub fn log_interaction(&self, interaction: &Interaction, customer: &Customer) -> Result<()> {
        let key = interaction_key(interaction);
        let mut writes = vec![
            Change::put(Tree::Interactions, key.clone(), self.encode(interaction)?),
            Change::put(
                Tree::Customers,
                customer.id.as_bytes().to_vec(),
                self.encode(customer)?,
            ),
        ];
        if let Some(f) = interaction.follow_up {
            writes.push(Change::put(
                Tree::FollowUps,
                follow_up_key(f.date, &key),
                key,
            ));
        }
        self.write(&writes)
    }

    /// Stores many customers and their interactions in one transaction (imports,
    /// sample data): one flush for the lot instead of one per record.
    pub fn put_many(&self, customers: &[Customer], interactions: &[Interaction]) -> Result<()> {
        let mut writes = Vec::with_capacity(customers.len() + interactions.len() * 2);
        for c in customers {
            writes.push(Change::put(
                Tree::Customers,
                c.id.as_bytes().to_vec(),
                self.encode(c)?,
            ));
        }
        for i in interactions {
            let key = interaction_key(i);
            if let Some(f) = i.follow_up {
                writes.push(Change::put(
                    Tree::FollowUps,
                    follow_up_key(f.date, &key),
                    key.clone(),
                ));
            }
            writes.push(Change::put(Tree::Interactions, key, self.encode(i)?));
        }
        self.write(&writes)
    }

    /// A customer's interactions, newest first.
    pub fn interactions_of(&self, id: &CustomerId) -> Result<Vec<Interaction>> {
        self.interactions
            .scan_prefix(id.as_bytes())
            .rev()
            .map(|kv| {
                let (k, v) = kv.map_err(|source| self.unreadable(source))?;
                self.decode(INTERACTIONS, &k, &v)
            })
            .collect()
    }

    /// Interactions whose follow-up falls on `from..=to`, in due order (an index range, not a scan).
    pub fn follow_ups_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Interaction>> {
        let start = date_key(from).to_vec();
        let end = date_key(to.succ_opt().unwrap_or(to)).to_vec();
        self.follow_ups
            .range(start..end)
            .map(|kv| {
                let (k, interaction_key) = kv.map_err(|source| self.unreadable(source))?;
                let v = self
                    .interactions
                    .get(&interaction_key)
                    .map_err(|source| self.unreadable(source))?
                    .ok_or_else(|| StoreError::CorruptRecord {
                        path: self.dir.join("store"),
                        tree: FOLLOW_UPS,
                        key: describe_key(&k),
                        source: serde::de::Error::custom("points to a missing interaction"),
                    })?;
                self.decode(INTERACTIONS, &interaction_key, &v)
            })
            .collect()
    }

    /// Removes a customer and everything that is theirs: interactions, their
    /// follow-up index entries, and the other side of their relationships
    /// (`related` are those customers, already without the relationship).
    pub fn delete_customer(&self, id: &CustomerId, related: &[Customer]) -> Result<()> {
        let mut writes = vec![Change::remove(Tree::Customers, id.as_bytes().to_vec())];
        for interaction in self.interactions_of(id)? {
            let key = interaction_key(&interaction);
            if let Some(f) = interaction.follow_up {
                writes.push(Change::remove(Tree::FollowUps, follow_up_key(f.date, &key)));
            }
            writes.push(Change::remove(Tree::Interactions, key));
        }
        for c in related {
            writes.push(Change::put(
                Tree::Customers,
                c.id.as_bytes().to_vec(),
                self.encode(c)?,
            ));
        }
        self.write(&writes)
    }

    /// Saves (or, with `None`, discards) a named draft.
    pub fn put_draft(&self, name: &str, text: Option<&str>) -> Result<()> {
        let key = name.as_bytes().to_vec();
        self.write(&[match text {
            Some(t) => Change::put(Tree::Drafts, key, t.as_bytes().to_vec()),
            None => Change::remove(Tree::Drafts, key),
        }])
    }

    pub fn draft(&self, name: &str) -> Result<Option<String>> {
        Ok(self
            .drafts
            .get(name.as_bytes())
            .map_err(|source| self.unreadable(source))?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    /// How many entries each tree holds; lets tests prove nothing is left orphaned.
    pub fn counts(&self) -> TreeCounts {
        TreeCounts {
            customers: self.customers.len(),
            interactions: self.interactions.len(),
            follow_ups: self.follow_ups.len(),
        }
    }

    /// One customer, if present.
    pub fn customer(&self, id: &CustomerId) -> Result<Option<Customer>> {
        let raw = self
            .customers
            .get(id.as_bytes())
            .map_err(|source| self.unreadable(source))?;
        raw.map(|v| self.decode(CUSTOMERS, id.as_bytes(), &v))
            .transpose()
    }

    /// Every customer, in id (creation) order.
    pub fn customers(&self) -> Result<Vec<Customer>> {
        self.customers
            .iter()
            .map(|kv| {
                let (k, v) = kv.map_err(|source| self.unreadable(source))?;
                self.decode(CUSTOMERS, &k, &v)
            })
            .collect()
    }

    fn unreadable(&self, source: sled::Error) -> StoreError {
        StoreError::Unreadable {
            path: self.dir.join("store"),
            source,
        }
    }

    fn decode<T: serde::de::DeserializeOwned>(
        &self,
        tree: &'static str,
        key: &[u8],
        value: &[u8],
    ) -> Result<T> {
        serde_json::from_slice(value).map_err(|source| StoreError::CorruptRecord {
            path: self.dir.join("store"),
            tree,
            key: describe_key(key),
            source,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeCounts {
    pub customers: usize,
    pub interactions: usize,
    pub follow_ups: usize,
}

/// The record trees a transaction can change.
#[derive(Clone, Copy)]
enum Tree {
    Customers,
    Interactions,
    FollowUps,
    Drafts,
}

/// One change inside a transaction: a put or (with `value: None`) a removal.
struct Change {
    tree: Tree,
    key: Vec<u8>,
    value: Option<Vec<u8>>,
}

impl Change {
    fn put(tree: Tree, key: Vec<u8>, value: Vec<u8>) -> Self {
        Self {
            tree,
            key,
            value: Some(value),
        }
    }
    fn remove(tree: Tree, key: Vec<u8>) -> Self {
        Self {
            tree,
            key,
            value: None,
        }
    }
}

/// Big-endian with the sign bit flipped, so byte order is numeric order.
fn sortable_i64(n: i64) -> [u8; 8] {
    ((n as u64) ^ (1 << 63)).to_be_bytes()
}

fn date_key(d: NaiveDate) -> [u8; 4] {
    ((d.num_days_from_ce() as u32) ^ (1 << 31)).to_be_bytes()
}

fn interaction_key(i: &Interaction) -> Vec<u8> {
    let mut k = Vec::with_capacity(40);
    k.extend_from_slice(i.customer_id.as_bytes());
    k.extend_from_slice(&sortable_i64(millis(i.at)));
    k.extend_from_slice(i.id.as_bytes());
    k
}

fn millis(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

fn follow_up_key(due: NaiveDate, interaction_key: &[u8]) -> Vec<u8> {
    let mut k = date_key(due).to_vec();
    k.extend_from_slice(interaction_key);
    k
}

fn describe_key(key: &[u8]) -> String {
    match <[u8; 16]>::try_from(key) {
        Ok(bytes) => CustomerId::from_bytes(bytes).to_string(),
        Err(_) => key.iter().map(|b| format!("{b:02x}")).collect(),
    }
}

/// Opens sled. We already hold `regulars.lock`, so if sled says its own lock is
/// taken, it is this process's previous handle still shutting down (sled drops
/// its lock from a background thread a moment after the handle): wait for it.
fn open_sled(db_path: &Path) -> Result<sled::Db> {
    let patience = std::time::Duration::from_secs(5);
    let started = std::time::Instant::now();
    loop {
        // sled 0.34 can panic on some damaged files instead of returning an error;
        // a panic here must become "cannot be read", never a crash or a trace.
        let quiet = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let opened = std::panic::catch_unwind(|| sled::Config::new().path(db_path).open());
        std::panic::set_hook(quiet);
        let opened = opened.unwrap_or_else(|panic| {
            let why = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("sled stopped while reading it");
            Err(sled::Error::Unsupported(format!("it is damaged: {why}")))
        });
        match opened {
            Ok(db) => return Ok(db),
            Err(sled::Error::Io(e))
                if e.to_string().contains("could not acquire lock")
                    && started.elapsed() < patience =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(source) => {
                return Err(StoreError::Unreadable {
                    path: db_path.to_owned(),
                    source,
                })
            }
        }
    }
}

fn read_marker(path: &Path) -> Result<Option<String>> {
    match fs::read_to_string(path) {
        Ok(s) if !s.trim().is_empty() => Ok(Some(s.trim().to_owned())),
        Ok(_) => Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_error(path)(e)),
    }
}

fn write_marker(path: &Path, id: &str) -> Result<()> {
    let tmp = path.with_extension("tmp");
    let mut f = File::create(&tmp).map_err(io_error(&tmp))?;
    f.write_all(id.as_bytes()).map_err(io_error(&tmp))?;
    f.sync_all().map_err(io_error(&tmp))?;
    fs::rename(&tmp, path).map_err(io_error(path))?;
    // The rename itself must reach the disk, or the marker could vanish after a power cut.
    if let Some(dir) = path.parent() {
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(io_error(dir))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
