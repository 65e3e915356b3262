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

use crate::model::{Customer, CustomerId};

pub use migrations::SCHEMA_VERSION;

/// What can go wrong with the store; every variant names the path involved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the data at {path} is already open in another Regulars window or command; close it and try again")]
    AlreadyOpen { path: PathBuf },
    #[error("the store at {path} cannot be read ({source}); it was left untouched — restore a backup or move it aside")]
    Unreadable {
        path: PathBuf,
        #[source]
        source: sled::Error,
    },
    #[error("the store at {path} was created (id {expected}) but now reads as {found}; it was left untouched — restore a backup or move it aside")]
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
const META: &str = "meta";
const MARKER_FILE: &str = "store-id";
const LOCK_FILE: &str = "regulars.lock";

/// An open store. Cheap to share between threads (`&Store` is enough).
pub struct Store {
    db: sled::Db,
    customers: sled::Tree,
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
        let db = sled::Config::new()
            .path(&db_path)
            .open()
            .map_err(|source| StoreError::Unreadable {
                path: db_path.clone(),
                source,
            })?;
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
        Ok(Store {
            db,
            customers,
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
        self.db.flush().map(|_| ()).map_err(|e| self.write_error(e))
    }

    /// Stores a new customer durably.
    pub fn insert_customer(&self, customer: &Customer) -> Result<()> {
        let value = serde_json::to_vec(customer).map_err(|e| {
            self.write_error(sled::Error::Unsupported(format!(
                "customer cannot be encoded: {e}"
            )))
        })?;
        let key = customer.id.as_bytes().to_vec();
        // One transaction per use case, so later index trees join it and can
        // never disagree with the records they index.
        let result: std::result::Result<(), TransactionError<()>> =
            (&self.customers,).transaction(|(customers,)| {
                customers.insert(key.clone(), value.clone())?;
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

fn describe_key(key: &[u8]) -> String {
    match <[u8; 16]>::try_from(key) {
        Ok(bytes) => CustomerId::from_bytes(bytes).to_string(),
        Err(_) => key.iter().map(|b| format!("{b:02x}")).collect(),
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
    fs::rename(&tmp, path).map_err(io_error(path))
}

#[cfg(test)]
mod tests;
