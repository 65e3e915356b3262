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
pub mod whole;

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::Transactional;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::agenda::feedback_asks::{AskEntry, AskSource};
use crate::agenda::keep_in_touch::{self, CadenceEntry};
use crate::agenda::order_drops::DropEntry;
use crate::agenda::seasons::SeasonEntry;
use crate::agenda::yearly::{self, YearlyEntry};
use crate::agenda::{Action, ReminderKey};
use crate::messages::SavedTemplate;
use crate::model::{
    Complaint, ComplaintId, Customer, CustomerId, Feedback, Interaction, InteractionId,
    InteractionKind, Order, OrderId, PartialDate, Product,
};
use crate::segments::Segment;
use crate::settings::Settings;

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
/// month ++ day ++ customer id ++ slot → {label, date}: yearly dates by day of the year.
const OCCASIONS: &str = "occasions";
/// due instant ++ customer id → (): when each customer with a cadence is due for contact.
const KEEP_IN_TOUCH: &str = "keep_in_touch";
/// customer id ++ reminder key → action: done / dismissed / snoozed, per occurrence.
const REMINDERS: &str = "reminders";
/// snoozed-until date ++ reminder key → (): snoozed items come back on that day.
const SNOOZES: &str = "snoozes";
/// notice key → when: what the scheduler already notified (never twice).
const NOTIFIED: &str = "notified";
/// segment id → segment: saved list queries.
const SEGMENTS: &str = "segments";
/// template id → the owner's own message template.
const TEMPLATES: &str = "templates";
/// product id → product: the catalogue.
const PRODUCTS: &str = "products";
/// customer id ++ date ++ order id → order: a customer's orders are one prefix scan, in date order.
const ORDERS: &str = "orders";
/// order id → its key in `orders`, so an order can be found by id alone.
const ORDER_KEYS: &str = "order_keys";
/// due date ++ customer id → drop entry: when each customer with a rhythm starts drifting.
const ORDER_DROPS: &str = "order_drops";
/// month ++ day ++ customer id ++ month → season entry: seasonal habits by the day their season starts.
const SEASONS: &str = "seasons";
/// customer id ++ complaint id → complaint.
const COMPLAINTS: &str = "complaints";
/// complaint id → its key in `complaints`, for complaints still pending (open or
/// acknowledged): the daily list reads this short index, not every complaint.
const PENDING_COMPLAINTS: &str = "pending_complaints";
/// customer id ++ date ++ feedback id → feedback.
const FEEDBACK: &str = "feedback";
/// day ++ customer id ++ source → ask entry: every order and meeting by day, for
/// "ask how it went" N days later.
const ASKS: &str = "asks";
const META: &str = "meta";
const SETTINGS_KEY: &[u8] = b"settings";
/// meta: `import/<batch id>` → what an import created and changed, for undo.
const IMPORT_PREFIX: &[u8] = b"import/";
const UNDO_KEY: &[u8] = b"undo";
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
    occasions: sled::Tree,
    keep_in_touch: sled::Tree,
    reminders: sled::Tree,
    snoozes: sled::Tree,
    notified: sled::Tree,
    segments: sled::Tree,
    templates: sled::Tree,
    products: sled::Tree,
    orders: sled::Tree,
    order_keys: sled::Tree,
    order_drops: sled::Tree,
    seasons: sled::Tree,
    complaints: sled::Tree,
    pending_complaints: sled::Tree,
    feedback: sled::Tree,
    asks: sled::Tree,
    meta: sled::Tree,
    dir: PathBuf,
    /// Counts successful writes, so derived files (the calendar) know when to refresh.
    generation: std::sync::atomic::AtomicU64,
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
        whole::recover(dir)?;
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
        let occasions = db.open_tree(OCCASIONS).map_err(unreadable)?;
        let keep_in_touch = db.open_tree(KEEP_IN_TOUCH).map_err(unreadable)?;
        let reminders = db.open_tree(REMINDERS).map_err(unreadable)?;
        let snoozes = db.open_tree(SNOOZES).map_err(unreadable)?;
        let notified = db.open_tree(NOTIFIED).map_err(unreadable)?;
        let segments = db.open_tree(SEGMENTS).map_err(unreadable)?;
        let templates = db.open_tree(TEMPLATES).map_err(unreadable)?;
        let products = db.open_tree(PRODUCTS).map_err(unreadable)?;
        let orders = db.open_tree(ORDERS).map_err(unreadable)?;
        let order_keys = db.open_tree(ORDER_KEYS).map_err(unreadable)?;
        let order_drops = db.open_tree(ORDER_DROPS).map_err(unreadable)?;
        let seasons = db.open_tree(SEASONS).map_err(unreadable)?;
        let complaints = db.open_tree(COMPLAINTS).map_err(unreadable)?;
        let pending_complaints = db.open_tree(PENDING_COMPLAINTS).map_err(unreadable)?;
        let feedback = db.open_tree(FEEDBACK).map_err(unreadable)?;
        let asks = db.open_tree(ASKS).map_err(unreadable)?;
        let db_file = File::open(db_path.join("db")).map_err(io_error(&db_path))?;
        Ok(Store {
            db,
            db_file,
            customers,
            interactions,
            follow_ups,
            drafts,
            occasions,
            keep_in_touch,
            reminders,
            snoozes,
            notified,
            segments,
            templates,
            products,
            orders,
            order_keys,
            order_drops,
            seasons,
            complaints,
            pending_complaints,
            feedback,
            asks,
            meta,
            dir: dir.to_owned(),
            generation: std::sync::atomic::AtomicU64::new(0),
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

    fn tree(&self, t: Tree) -> &sled::Tree {
        match t {
            Tree::Customers => &self.customers,
            Tree::Interactions => &self.interactions,
            Tree::FollowUps => &self.follow_ups,
            Tree::Drafts => &self.drafts,
            Tree::Occasions => &self.occasions,
            Tree::KeepInTouch => &self.keep_in_touch,
            Tree::Reminders => &self.reminders,
            Tree::Snoozes => &self.snoozes,
            Tree::Notified => &self.notified,
            Tree::Segments => &self.segments,
            Tree::Templates => &self.templates,
            Tree::Products => &self.products,
            Tree::Orders => &self.orders,
            Tree::OrderKeys => &self.order_keys,
            Tree::OrderDrops => &self.order_drops,
            Tree::Seasons => &self.seasons,
            Tree::Complaints => &self.complaints,
            Tree::PendingComplaints => &self.pending_complaints,
            Tree::Feedback => &self.feedback,
            Tree::Asks => &self.asks,
            Tree::Meta => &self.meta,
        }
    }

    /// Runs `writes` as one transaction over every record tree, then flushes.
    /// Either all of a use case's records and index entries land, or none do.
    fn write(&self, writes: &[Change]) -> Result<()> {
        let trees: Vec<&sled::Tree> = Tree::ALL.iter().map(|t| self.tree(*t)).collect();
        let result: std::result::Result<(), TransactionError<()>> =
            trees.as_slice().transaction(|trees| {
                for w in writes {
                    let tree = &trees[w.tree as usize];
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
        self.flush()?;
        self.generation
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    /// How many writes this handle has made (changes when anything changed).
    pub fn generation(&self) -> u64 {
        self.generation.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The writes that store `customer` and move its index entries (yearly
    /// dates, keep-in-touch due) from where its stored version had them.
    fn customer_changes(&self, customer: &Customer) -> Result<Vec<Change>> {
        let mut writes = Vec::new();
        if let Some(old) = self.customer(&customer.id)? {
            writes.extend(
                index_entries(&old)
                    .into_iter()
                    .map(|(tree, key, _)| Change::remove(tree, key)),
            );
        }
        writes.push(Change::put(
            Tree::Customers,
            customer.id.as_bytes().to_vec(),
            self.encode(customer)?,
        ));
        for (tree, key, value) in index_entries(customer) {
            writes.push(Change::put(tree, key, value));
        }
        Ok(writes)
    }

    /// Stores a customer (new or changed) durably.
    pub fn put_customer(&self, customer: &Customer) -> Result<()> {
        self.put_customers(std::slice::from_ref(customer))
    }

    /// Stores several customers in one transaction (both sides of a relationship).
    pub fn put_customers(&self, customers: &[Customer]) -> Result<()> {
        let mut writes = Vec::new();
        for c in customers {
            writes.extend(self.customer_changes(c)?);
        }
        self.write(&writes)
    }

    /// Stores an interaction, its follow-up index entry and the customer it
    /// changed (last contacted), together.
    pub fn log_interaction(&self, interaction: &Interaction, customer: &Customer) -> Result<()> {
        let key = interaction_key(interaction);
        let mut writes = vec![Change::put(
            Tree::Interactions,
            key.clone(),
            self.encode(interaction)?,
        )];
        writes.extend(self.customer_changes(customer)?);
        if let Some(f) = interaction.follow_up {
            writes.push(Change::put(
                Tree::FollowUps,
                follow_up_key(f.date, &key),
                key,
            ));
        }
        writes.extend(meeting_ask(interaction).map(|(k, v)| Change::put(Tree::Asks, k, v)));
        self.write(&writes)
    }

    /// Stores many new customers and their interactions in one transaction
    /// (imports, sample data): one flush for the lot instead of one per record.
    pub fn put_many(&self, customers: &[Customer], interactions: &[Interaction]) -> Result<()> {
        let mut writes = Vec::with_capacity(customers.len() * 3 + interactions.len() * 2);
        for c in customers {
            writes.extend(self.customer_changes(c)?);
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
            writes.extend(meeting_ask(i).map(|(k, v)| Change::put(Tree::Asks, k, v)));
        }
        self.write(&writes)
    }

    /// Stores an import's customers and notes with its batch record (for undo),
    /// in one transaction.
    pub fn put_import(
        &self,
        customers: &[Customer],
        interactions: &[Interaction],
        batch: &crate::app::ImportBatch,
    ) -> Result<()> {
        let mut writes = Vec::new();
        for c in customers {
            writes.extend(self.customer_changes(c)?);
        }
        for i in interactions {
            let key = interaction_key(i);
            writes.extend(meeting_ask(i).map(|(k, v)| Change::put(Tree::Asks, k, v)));
            writes.push(Change::put(Tree::Interactions, key, self.encode(i)?));
        }
        writes.push(Change::put(
            Tree::Meta,
            import_key(&batch.id),
            self.encode(batch)?,
        ));
        self.write(&writes)
    }

    /// The imports that can still be undone.
    pub fn import_batches(&self) -> Result<Vec<crate::app::ImportBatch>> {
        self.meta
            .scan_prefix(IMPORT_PREFIX)
            .map(|kv| {
                let (k, v) = kv.map_err(|source| self.unreadable(source))?;
                self.decode(META, &k, &v)
            })
            .collect()
    }

    /// Ends an undone import: puts back the customers it had added to and
    /// forgets the batch.
    pub fn finish_undo_import(&self, batch_id: &str, restored: &[Customer]) -> Result<()> {
        let mut writes = Vec::new();
        for c in restored {
            writes.extend(self.customer_changes(c)?);
        }
        writes.push(Change::remove(Tree::Meta, import_key(batch_id)));
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
        if let Some(old) = self.customer(id)? {
            writes.extend(
                index_entries(&old)
                    .into_iter()
                    .map(|(tree, key, _)| Change::remove(tree, key)),
            );
        }
        for kv in self.reminders.scan_prefix(id.as_bytes()) {
            let (k, _) = kv.map_err(|source| self.unreadable(source))?;
            writes.push(Change::remove(Tree::Reminders, k.to_vec()));
        }
        // Snoozes and notices name the customer inside their keys; both trees stay small.
        let id_text = id.to_string();
        for (tree, t) in [
            (Tree::Snoozes, &self.snoozes),
            (Tree::Notified, &self.notified),
        ] {
            for kv in t.iter() {
                let (k, _) = kv.map_err(|source| self.unreadable(source))?;
                if String::from_utf8_lossy(&k).contains(&id_text) {
                    writes.push(Change::remove(tree, k.to_vec()));
                }
            }
        }
        // The undo record may hold a copy of the customer: an erase must not leave one.
        writes.push(Change::remove(Tree::Meta, UNDO_KEY.to_vec()));
        for interaction in self.interactions_of(id)? {
            let key = interaction_key(&interaction);
            if let Some(f) = interaction.follow_up {
                writes.push(Change::remove(Tree::FollowUps, follow_up_key(f.date, &key)));
            }
            writes.extend(meeting_ask(&interaction).map(|(k, _)| Change::remove(Tree::Asks, k)));
            writes.push(Change::remove(Tree::Interactions, key));
        }
        for c in self.complaints_of(id)? {
            writes.push(Change::remove(Tree::Complaints, complaint_key(&c)));
            writes.push(Change::remove(
                Tree::PendingComplaints,
                c.id.as_bytes().to_vec(),
            ));
        }
        for kv in self.feedback.scan_prefix(id.as_bytes()) {
            let (k, _) = kv.map_err(|source| self.unreadable(source))?;
            writes.push(Change::remove(Tree::Feedback, k.to_vec()));
        }
        let orders = self.orders_of(id)?;
        let gone: Vec<OrderId> = orders.iter().map(|o| o.id).collect();
        writes.extend(self.order_changes(id, &orders, &gone, &[])?);
        for c in related {
            writes.push(Change::put(
                Tree::Customers,
                c.id.as_bytes().to_vec(),
                self.encode(c)?,
            ));
        }
        self.write(&writes)
    }

    /// A customer's orders, oldest first.
    pub fn orders_of(&self, customer: &CustomerId) -> Result<Vec<Order>> {
        self.orders
            .scan_prefix(customer.as_bytes())
            .map(|kv| {
                let (k, v) = kv.map_err(|source| self.unreadable(source))?;
                self.decode(ORDERS, &k, &v)
            })
            .collect()
    }

    /// One order by id.
    pub fn order(&self, id: &OrderId) -> Result<Option<Order>> {
        let Some(key) = self
            .order_keys
            .get(id.as_bytes())
            .map_err(|source| self.unreadable(source))?
        else {
            return Ok(None);
        };
        self.orders
            .get(&key)
            .map_err(|source| self.unreadable(source))?
            .map(|v| self.decode(ORDERS, &key, &v))
            .transpose()
    }

    /// Every order, customer by customer (insights read them all). Decoding is
    /// most of the cost at 100k+ orders, so the values are decoded on all cores.
    pub fn all_orders(&self) -> Result<Vec<Order>> {
        let raw: Vec<(sled::IVec, sled::IVec)> = self
            .orders
            .iter()
            .collect::<std::result::Result<_, _>>()
            .map_err(|source| self.unreadable(source))?;
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 8);
        let chunk = raw.len().div_ceil(threads).max(1);
        std::thread::scope(|scope| {
            let parts: Vec<_> = raw
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .map(|(k, v)| self.decode::<Order>(ORDERS, k, v))
                            .collect::<Result<Vec<Order>>>()
                    })
                })
                .collect();
            let mut all = Vec::with_capacity(raw.len());
            for part in parts {
                match part.join() {
                    Ok(orders) => all.extend(orders?),
                    Err(_) => {
                        return Err(StoreError::Unreadable {
                            path: self.dir.join("store"),
                            source: sled::Error::Unsupported("decoding the orders stopped".into()),
                        })
                    }
                }
            }
            Ok(all)
        })
    }

    /// How many orders are stored.
    pub fn order_count(&self) -> usize {
        self.order_keys.len()
    }

    /// Stores a new or edited order with the products it added to the catalogue
    /// and its customer (whose keep-in-touch clock it moved), in one write; the
    /// customer's rhythm and seasonal-habit index entries follow.
    pub fn save_order(
        &self,
        order: &Order,
        new_products: &[Product],
        customer: &Customer,
    ) -> Result<()> {
        self.save_orders(
            std::slice::from_ref(order),
            new_products,
            std::slice::from_ref(customer),
        )
    }

    /// Stores many orders (an import, sample data) with their new products and
    /// changed customers in one transaction.
    pub fn save_orders(
        &self,
        orders: &[Order],
        new_products: &[Product],
        customers: &[Customer],
    ) -> Result<()> {
        let mut by_customer: std::collections::BTreeMap<CustomerId, Vec<Order>> =
            Default::default();
        for o in orders {
            by_customer
                .entry(o.customer_id)
                .or_default()
                .push(o.clone());
        }
        let mut writes = Vec::new();
        for (customer, added) in &by_customer {
            let old = self.orders_of(customer)?;
            let replaced: Vec<OrderId> = added.iter().map(|o| o.id).collect();
            writes.extend(self.order_changes(customer, &old, &replaced, added)?);
        }
        for p in new_products {
            writes.push(Change::put(
                Tree::Products,
                p.id.as_bytes().to_vec(),
                self.encode(p)?,
            ));
        }
        for c in customers {
            writes.extend(self.customer_changes(c)?);
        }
        self.write(&writes)
    }

    /// Removes an order; its customer's rhythm and habits follow.
    pub fn delete_order(&self, order: &Order) -> Result<()> {
        let old = self.orders_of(&order.customer_id)?;
        self.write(&self.order_changes(&order.customer_id, &old, &[order.id], &[])?)
    }

    /// The writes that take a customer's orders from `old` to `old` without
    /// `removed` plus `added`, with the index entries derived from them.
    fn order_changes(
        &self,
        customer: &CustomerId,
        old: &[Order],
        removed: &[OrderId],
        added: &[Order],
    ) -> Result<Vec<Change>> {
        let mut writes = Vec::new();
        let old_dates: Vec<NaiveDate> = old.iter().map(|o| o.date).collect();
        for (tree, key, _) in order_index_entries(customer, &old_dates) {
            writes.push(Change::remove(tree, key));
        }
        let mut kept: Vec<NaiveDate> = Vec::with_capacity(old.len() + added.len());
        for o in old {
            if removed.contains(&o.id) {
                writes.push(Change::remove(Tree::Orders, order_key(o)));
                writes.push(Change::remove(Tree::OrderKeys, o.id.as_bytes().to_vec()));
                writes.push(Change::remove(Tree::Asks, order_ask(o).0));
            } else {
                kept.push(o.date);
            }
        }
        for o in added {
            let key = order_key(o);
            writes.push(Change::put(Tree::Orders, key.clone(), self.encode(o)?));
            writes.push(Change::put(Tree::OrderKeys, o.id.as_bytes().to_vec(), key));
            let (ask_key, ask) = order_ask(o);
            writes.push(Change::put(Tree::Asks, ask_key, ask));
            kept.push(o.date);
        }
        for (tree, key, value) in order_index_entries(customer, &kept) {
            writes.push(Change::put(tree, key, value));
        }
        Ok(writes)
    }

    /// The catalogue, in no particular order.
    pub fn products(&self) -> Result<Vec<Product>> {
        self.products
            .iter()
            .map(|kv| {
                let (k, v) = kv.map_err(|source| self.unreadable(source))?;
                self.decode(PRODUCTS, &k, &v)
            })
            .collect()
    }

    pub fn put_product(&self, product: &Product) -> Result<()> {
        self.write(&[Change::put(
            Tree::Products,
            product.id.as_bytes().to_vec(),
            self.encode(product)?,
        )])
    }

    /// Customers whose drift from their rhythm begins on or before `to`.
    pub fn order_drops_until(&self, to: NaiveDate) -> Result<Vec<DropEntry>> {
        let end = date_key(to.succ_opt().unwrap_or(to)).to_vec();
        self.order_drops
            .range(..end)
            .map(|kv| {
                let (k, v) = kv.map_err(|source| self.unreadable(source))?;
                self.decode(ORDER_DROPS, &k, &v)
            })
            .collect()
    }

    /// The seasonal habits whose season starts on `month`/`day`.
    pub fn seasons_on(&self, month: u32, day: u32) -> Result<Vec<SeasonEntry>> {
        self.seasons
            .scan_prefix([month as u8, day as u8])
            .map(|kv| {
                let (k, v) = kv.map_err(|source| self.unreadable(source))?;
                self.decode(SEASONS, &k, &v)
            })
            .collect()
    }

    /// A customer's complaints, oldest first.
    pub fn complaints_of(&self, customer: &CustomerId) -> Result<Vec<Complaint>> {
        self.complaints
            .scan_prefix(customer.as_bytes())
            .map(|kv| {
                let (k, v) = kv.map_err(|source| self.unreadable(source))?;
                self.decode(COMPLAINTS, &k, &v)
            })
            .collect()
    }

    /// Every complaint (the complaints view; there are few).
    pub fn all_complaints(&self) -> Result<Vec<Complaint>> {
        self.complaints
            .iter()
            .map(|kv| {
                let (k, v) = kv.map_err(|source| self.unreadable(source))?;
                self.decode(COMPLAINTS, &k, &v)
            })
            .collect()
    }

    /// Complaints still open or acknowledged (an index, not a scan).
    pub fn pending_complaints(&self) -> Result<Vec<Complaint>> {
        let mut out = Vec::new();
        for kv in self.pending_complaints.iter() {
            let (k, key) = kv.map_err(|source| self.unreadable(source))?;
            let v = self
                .complaints
                .get(&key)
                .map_err(|source| self.unreadable(source))?
                .ok_or_else(|| {
                    self.corrupt(PENDING_COMPLAINTS, &k, "points to a missing complaint")
                })?;
            out.push(self.decode(COMPLAINTS, &key, &v)?);
        }
        Ok(out)
    }

    /// One complaint by id (customer given, so it is one key).
    pub fn complaint(&self, customer: &CustomerId, id: &ComplaintId) -> Result<Option<Complaint>> {
        let mut key = customer.as_bytes().to_vec();
        key.extend_from_slice(id.as_bytes());
        self.complaints
            .get(&key)
            .map_err(|source| self.unreadable(source))?
            .map(|v| self.decode(COMPLAINTS, &key, &v))
            .transpose()
    }

    /// One complaint by id alone (the CLI's KEY).
    pub fn find_complaint(&self, id: &ComplaintId) -> Result<Option<Complaint>> {
        // Pending ones are indexed by id; others are few enough to look through.
        if let Some(key) = self
            .pending_complaints
            .get(id.as_bytes())
            .map_err(|source| self.unreadable(source))?
        {
            if let Some(v) = self
                .complaints
                .get(&key)
                .map_err(|source| self.unreadable(source))?
            {
                return Ok(Some(self.decode(COMPLAINTS, &key, &v)?));
            }
        }
        Ok(self.all_complaints()?.into_iter().find(|c| c.id == *id))
    }

    /// Stores a new or changed complaint; the pending index follows its status.
    pub fn put_complaint(&self, complaint: &Complaint) -> Result<()> {
        let key = complaint_key(complaint);
        let pending = if complaint.is_pending() {
            Change::put(
                Tree::PendingComplaints,
                complaint.id.as_bytes().to_vec(),
                key.clone(),
            )
        } else {
            Change::remove(Tree::PendingComplaints, complaint.id.as_bytes().to_vec())
        };
        self.write(&[
            Change::put(Tree::Complaints, key, self.encode(complaint)?),
            pending,
        ])
    }

    pub fn put_feedback(&self, feedback: &Feedback) -> Result<()> {
        self.write(&[Change::put(
            Tree::Feedback,
            feedback_key(feedback),
            self.encode(feedback)?,
        )])
    }

    /// A customer's feedback, oldest first.
    pub fn feedback_of(&self, customer: &CustomerId) -> Result<Vec<Feedback>> {
        self.feedback
            .scan_prefix(customer.as_bytes())
            .map(|kv| {
                let (k, v) = kv.map_err(|source| self.unreadable(source))?;
                self.decode(FEEDBACK, &k, &v)
            })
            .collect()
    }

    /// All feedback (insights).
    pub fn all_feedback(&self) -> Result<Vec<Feedback>> {
        self.feedback
            .iter()
            .map(|kv| {
                let (k, v) = kv.map_err(|source| self.unreadable(source))?;
                self.decode(FEEDBACK, &k, &v)
            })
            .collect()
    }

    /// The orders and meetings of the days `from..=to` (for asks N days later).
    pub fn asks_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<AskEntry>> {
        let start = date_key(from).to_vec();
        let end = date_key(to.succ_opt().unwrap_or(to)).to_vec();
        self.asks
            .range(start..end)
            .map(|kv| {
                let (k, v) = kv.map_err(|source| self.unreadable(source))?;
                self.decode(ASKS, &k, &v)
            })
            .collect()
    }

    /// The yearly dates that fall on `month`/`day` (index entries, not a scan).
    pub fn yearly_on(&self, month: u32, day: u32) -> Result<Vec<YearlyEntry>> {
        self.occasions
            .scan_prefix([month as u8, day as u8])
            .map(|kv| {
                let (k, v) = kv.map_err(|source| self.unreadable(source))?;
                let customer = k
                    .get(2..18)
                    .and_then(|b| <[u8; 16]>::try_from(b).ok())
                    .map(CustomerId::from_bytes)
                    .ok_or_else(|| self.corrupt(OCCASIONS, &k, "key too short"))?;
                let stored: StoredOccasion = self.decode(OCCASIONS, &k, &v)?;
                Ok(YearlyEntry {
                    customer,
                    label: stored.label,
                    date: stored.date,
                })
            })
            .collect()
    }

    /// Open follow-ups due on or before `to`, oldest first (done and dismissed
    /// ones have left the index, so this range stays short).
    pub fn open_follow_ups_until(&self, to: NaiveDate) -> Result<Vec<Interaction>> {
        self.follow_ups_between(NaiveDate::MIN, to)
    }

    /// Customers (with a cadence, not archived) due for contact before `until`.
    pub fn keep_in_touch_due_before(&self, until: DateTime<Utc>) -> Result<Vec<CadenceEntry>> {
        let end = sortable_i64(millis(until));
        self.keep_in_touch
            .range(..end.to_vec())
            .map(|kv| {
                let (k, v) = kv.map_err(|source| self.unreadable(source))?;
                self.decode(KEEP_IN_TOUCH, &k, &v)
            })
            .collect()
    }

    /// Keys of occurrences snoozed until a day in `from..=to`.
    pub fn snoozed_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<ReminderKey>> {
        let start = date_key(from).to_vec();
        let end = date_key(to.succ_opt().unwrap_or(to)).to_vec();
        self.snoozes
            .range(start..end)
            .map(|kv| {
                let (k, _) = kv.map_err(|source| self.unreadable(source))?;
                String::from_utf8_lossy(&k[4..])
                    .parse()
                    .map_err(|_| self.corrupt(SNOOZES, &k, "not a reminder key"))
            })
            .collect()
    }

    /// What the owner did with one occurrence, if anything.
    pub fn reminder_action(&self, key: &ReminderKey) -> Result<Option<Action>> {
        let k = reminder_key(key);
        self.reminders
            .get(&k)
            .map_err(|source| self.unreadable(source))?
            .map(|v| self.decode(REMINDERS, &k, &v))
            .transpose()
    }

    /// One interaction of a customer, by id.
    pub fn interaction(
        &self,
        customer: &CustomerId,
        id: &InteractionId,
    ) -> Result<Option<Interaction>> {
        // A customer's interactions are one short prefix scan.
        Ok(self
            .interactions_of(customer)?
            .into_iter()
            .find(|i| i.id == *id))
    }

    /// Records the owner's action on an occurrence with what it implies, as one
    /// undoable write: `close_follow_up` leaves the open follow-ups index,
    /// `customer` (its keep-in-touch clock moved) is stored with its index entries.
    pub fn record_reminder(
        &self,
        key: &ReminderKey,
        action: Action,
        close_follow_up: Option<&Interaction>,
        customer: Option<&Customer>,
    ) -> Result<()> {
        let k = reminder_key(key);
        let text = key.to_string();
        let mut writes = Vec::new();
        if let Some(Action::Snoozed { until }) = self.reminder_action(key)? {
            writes.push(Change::remove(Tree::Snoozes, snooze_key(until, &text)));
        }
        if let Action::Snoozed { until } = action {
            writes.push(Change::put(Tree::Snoozes, snooze_key(until, &text), vec![]));
        }
        writes.push(Change::put(Tree::Reminders, k, self.encode(&action)?));
        if let Some(i) = close_follow_up {
            if let Some(f) = i.follow_up {
                writes.push(Change::remove(
                    Tree::FollowUps,
                    follow_up_key(f.date, &interaction_key(i)),
                ));
            }
        }
        if let Some(c) = customer {
            writes.extend(self.customer_changes(c)?);
        }
        self.write_undoable(&text, writes)
    }

    /// Applies `writes` and keeps what they replaced, so [`Self::undo`] can put it back.
    fn write_undoable(&self, label: &str, writes: Vec<Change>) -> Result<()> {
        let mut entries = Vec::with_capacity(writes.len());
        for w in &writes {
            let before = self
                .tree(w.tree)
                .get(&w.key)
                .map_err(|source| self.unreadable(source))?
                .map(|v| v.to_vec());
            // Several writes may touch one key; the first "before" is the original.
            if !entries
                .iter()
                .any(|e: &UndoEntry| e.tree == w.tree && e.key == w.key)
            {
                entries.push(UndoEntry {
                    tree: w.tree,
                    key: w.key.clone(),
                    before,
                    after: None,
                });
            }
        }
        for e in &mut entries {
            e.after = writes
                .iter()
                .rev()
                .find(|w| w.tree == e.tree && w.key == e.key)
                .and_then(|w| w.value.clone());
        }
        let record = UndoRecord {
            label: label.to_owned(),
            entries,
        };
        let mut writes = writes;
        writes.push(Change::put(
            Tree::Meta,
            UNDO_KEY.to_vec(),
            self.encode(&record)?,
        ));
        self.write(&writes)
    }

    /// Puts back what the last undoable write replaced. Refuses (naming the
    /// write) when something it changed has changed again since.
    pub fn undo(&self) -> Result<UndoOutcome> {
        let Some(raw) = self
            .meta
            .get(UNDO_KEY)
            .map_err(|source| self.unreadable(source))?
        else {
            return Ok(UndoOutcome::Nothing);
        };
        let record: UndoRecord = self.decode(META, UNDO_KEY, &raw)?;
        for e in &record.entries {
            let now = self
                .tree(e.tree)
                .get(&e.key)
                .map_err(|source| self.unreadable(source))?;
            if now.as_deref() != e.after.as_deref() {
                return Ok(UndoOutcome::ChangedSince(record.label));
            }
        }
        let mut writes: Vec<Change> = record
            .entries
            .iter()
            .map(|e| Change {
                tree: e.tree,
                key: e.key.clone(),
                value: e.before.clone(),
            })
            .collect();
        writes.push(Change::remove(Tree::Meta, UNDO_KEY.to_vec()));
        self.write(&writes)?;
        Ok(UndoOutcome::Undone(record.label))
    }

    /// The owner's settings (defaults until first saved).
    pub fn settings(&self) -> Result<Settings> {
        match self
            .meta
            .get(SETTINGS_KEY)
            .map_err(|source| self.unreadable(source))?
        {
            Some(v) => self.decode(META, SETTINGS_KEY, &v),
            None => Ok(Settings::default()),
        }
    }

    pub fn put_settings(&self, settings: &Settings) -> Result<()> {
        self.write(&[Change::put(
            Tree::Meta,
            SETTINGS_KEY.to_vec(),
            self.encode(settings)?,
        )])
    }

    /// Whether the scheduler already raised the notice `key`.
    pub fn was_notified(&self, key: &str) -> Result<bool> {
        self.notified
            .contains_key(key.as_bytes())
            .map_err(|source| self.unreadable(source))
    }

    /// Records notices raised at `at`, and forgets those older than `forget_before`
    /// (they can no longer come due again).
    pub fn record_notified(
        &self,
        keys: &[String],
        at: DateTime<Utc>,
        forget_before: DateTime<Utc>,
    ) -> Result<()> {
        let mut writes: Vec<Change> = keys
            .iter()
            .map(|k| {
                Ok(Change::put(
                    Tree::Notified,
                    k.as_bytes().to_vec(),
                    self.encode(&at)?,
                ))
            })
            .collect::<Result<_>>()?;
        for kv in self.notified.iter() {
            let (k, v) = kv.map_err(|source| self.unreadable(source))?;
            let when: DateTime<Utc> = self.decode(NOTIFIED, &k, &v)?;
            if when < forget_before {
                writes.push(Change::remove(Tree::Notified, k.to_vec()));
            }
        }
        self.write(&writes)
    }

    fn corrupt(&self, tree: &'static str, key: &[u8], why: &str) -> StoreError {
        StoreError::CorruptRecord {
            path: self.dir.join("store"),
            tree,
            key: describe_key(key),
            source: serde::de::Error::custom(why),
        }
    }

    /// Every saved segment, in no particular order.
    pub fn segments(&self) -> Result<Vec<Segment>> {
        self.segments
            .iter()
            .map(|kv| {
                let (k, v) = kv.map_err(|source| self.unreadable(source))?;
                self.decode(SEGMENTS, &k, &v)
            })
            .collect()
    }

    pub fn put_segment(&self, segment: &Segment) -> Result<()> {
        self.write(&[Change::put(
            Tree::Segments,
            segment.id.as_bytes().to_vec(),
            self.encode(segment)?,
        )])
    }

    /// Removes a segment; `false` if there was none with that id.
    pub fn delete_segment(&self, id: &str) -> Result<bool> {
        let existed = self
            .segments
            .contains_key(id.as_bytes())
            .map_err(|source| self.unreadable(source))?;
        if existed {
            self.write(&[Change::remove(Tree::Segments, id.as_bytes().to_vec())])?;
        }
        Ok(existed)
    }

    /// The owner's own message templates.
    pub fn templates(&self) -> Result<Vec<SavedTemplate>> {
        self.templates
            .iter()
            .map(|kv| {
                let (k, v) = kv.map_err(|source| self.unreadable(source))?;
                self.decode(TEMPLATES, &k, &v)
            })
            .collect()
    }

    /// Stores templates and removes others (by id), in one write: a new default
    /// and the old one losing that mark land together.
    pub fn change_templates(&self, put: &[SavedTemplate], remove: &[String]) -> Result<()> {
        let mut writes = Vec::new();
        for t in put {
            writes.push(Change::put(
                Tree::Templates,
                t.id.as_bytes().to_vec(),
                self.encode(t)?,
            ));
        }
        for id in remove {
            writes.push(Change::remove(Tree::Templates, id.as_bytes().to_vec()));
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
            occasions: self.occasions.len(),
            keep_in_touch: self.keep_in_touch.len(),
            reminders: self.reminders.len(),
            orders: self.orders.len(),
            order_drops: self.order_drops.len(),
            seasons: self.seasons.len(),
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
    pub occasions: usize,
    pub keep_in_touch: usize,
    pub reminders: usize,
    pub orders: usize,
    pub order_drops: usize,
    pub seasons: usize,
}

/// The record trees a transaction can change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
enum Tree {
    Customers,
    Interactions,
    FollowUps,
    Drafts,
    Occasions,
    KeepInTouch,
    Reminders,
    Snoozes,
    Notified,
    Segments,
    Templates,
    Meta,
    Products,
    Orders,
    OrderKeys,
    OrderDrops,
    Seasons,
    Complaints,
    PendingComplaints,
    Feedback,
    Asks,
}

impl Tree {
    /// In discriminant order: a transaction's views are indexed by `tree as usize`.
    const ALL: [Tree; 21] = [
        Tree::Customers,
        Tree::Interactions,
        Tree::FollowUps,
        Tree::Drafts,
        Tree::Occasions,
        Tree::KeepInTouch,
        Tree::Reminders,
        Tree::Snoozes,
        Tree::Notified,
        Tree::Segments,
        Tree::Templates,
        Tree::Meta,
        Tree::Products,
        Tree::Orders,
        Tree::OrderKeys,
        Tree::OrderDrops,
        Tree::Seasons,
        Tree::Complaints,
        Tree::PendingComplaints,
        Tree::Feedback,
        Tree::Asks,
    ];
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

/// What a yearly-date index entry holds (the day is in its key).
#[derive(serde::Serialize, serde::Deserialize)]
struct StoredOccasion {
    label: Option<String>,
    date: PartialDate,
}

/// The index entries a customer has: one per yearly date, one for the cadence.
/// Archived customers have none (they are hidden from reminders).
fn index_entries(c: &Customer) -> Vec<(Tree, Vec<u8>, Vec<u8>)> {
    let mut out = Vec::new();
    if c.archived_at.is_some() {
        return out;
    }
    for (slot, entry) in yearly::entries_of(c).into_iter().enumerate() {
        let mut k = vec![entry.date.month() as u8, entry.date.day() as u8];
        k.extend_from_slice(c.id.as_bytes());
        k.push(slot as u8);
        let v = serde_json::to_vec(&StoredOccasion {
            label: entry.label,
            date: entry.date,
        })
        .unwrap_or_default();
        out.push((Tree::Occasions, k, v));
    }
    if let Some(entry) = keep_in_touch::entry_of(c) {
        let mut k = sortable_i64(millis(entry.due)).to_vec();
        k.extend_from_slice(c.id.as_bytes());
        out.push((
            Tree::KeepInTouch,
            k,
            serde_json::to_vec(&entry).unwrap_or_default(),
        ));
    }
    out
}

/// The index entries a customer's order dates give: the day they start drifting
/// from their rhythm, and each seasonal habit by the day its season starts.
/// A pure function of the dates, so the entries of the old set can be removed exactly.
fn order_index_entries(
    customer: &CustomerId,
    dates: &[NaiveDate],
) -> Vec<(Tree, Vec<u8>, Vec<u8>)> {
    let mut out = Vec::new();
    if let Some(rhythm) = crate::insights::rhythm_of(dates) {
        let entry = DropEntry::new(*customer, &rhythm);
        let mut k = date_key(entry.due).to_vec();
        k.extend_from_slice(customer.as_bytes());
        out.push((
            Tree::OrderDrops,
            k,
            serde_json::to_vec(&entry).unwrap_or_default(),
        ));
    }
    if let Some(as_of) = dates.iter().max() {
        for habit in crate::insights::seasonal_habits(dates, *as_of) {
            let entry = SeasonEntry::new(*customer, &habit);
            let mut k = vec![entry.month as u8, entry.day as u8];
            k.extend_from_slice(customer.as_bytes());
            k.push(entry.month as u8);
            out.push((
                Tree::Seasons,
                k,
                serde_json::to_vec(&entry).unwrap_or_default(),
            ));
        }
    }
    out
}

fn complaint_key(c: &Complaint) -> Vec<u8> {
    let mut k = c.customer_id.as_bytes().to_vec();
    k.extend_from_slice(c.id.as_bytes());
    k
}

fn feedback_key(f: &Feedback) -> Vec<u8> {
    let mut k = f.customer_id.as_bytes().to_vec();
    k.extend_from_slice(&date_key(f.date));
    k.extend_from_slice(f.id.as_bytes());
    k
}

fn ask_key(on: NaiveDate, customer: &CustomerId, tag: u8, id: &[u8; 16]) -> Vec<u8> {
    let mut k = date_key(on).to_vec();
    k.extend_from_slice(customer.as_bytes());
    k.push(tag);
    k.extend_from_slice(id);
    k
}

/// An order's entry in the asks index.
fn order_ask(o: &Order) -> (Vec<u8>, Vec<u8>) {
    let entry = AskEntry {
        customer: o.customer_id,
        on: o.date,
        source: AskSource::Order(o.id),
        what: o.summary(),
    };
    (
        ask_key(o.date, &o.customer_id, b'o', o.id.as_bytes()),
        serde_json::to_vec(&entry).unwrap_or_default(),
    )
}

/// A meeting's entry in the asks index (other interactions ask nothing). Its day
/// is the UTC day; a meeting is rarely logged at midnight.
fn meeting_ask(i: &Interaction) -> Option<(Vec<u8>, Vec<u8>)> {
    if i.kind != InteractionKind::Meeting {
        return None;
    }
    let on = i.at.date_naive();
    let entry = AskEntry {
        customer: i.customer_id,
        on,
        source: AskSource::Meeting(i.id),
        what: i
            .text
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(120)
            .collect(),
    };
    Some((
        ask_key(on, &i.customer_id, b'm', i.id.as_bytes()),
        serde_json::to_vec(&entry).unwrap_or_default(),
    ))
}

fn import_key(batch: &str) -> Vec<u8> {
    let mut k = IMPORT_PREFIX.to_vec();
    k.extend_from_slice(batch.as_bytes());
    k
}

fn order_key(o: &Order) -> Vec<u8> {
    let mut k = Vec::with_capacity(36);
    k.extend_from_slice(o.customer_id.as_bytes());
    k.extend_from_slice(&date_key(o.date));
    k.extend_from_slice(o.id.as_bytes());
    k
}

fn reminder_key(key: &ReminderKey) -> Vec<u8> {
    let mut k = key.customer().as_bytes().to_vec();
    k.extend_from_slice(key.to_string().as_bytes());
    k
}

fn snooze_key(until: NaiveDate, key_text: &str) -> Vec<u8> {
    let mut k = date_key(until).to_vec();
    k.extend_from_slice(key_text.as_bytes());
    k
}

/// One key an undoable write changed: its value before and after.
#[derive(serde::Serialize, serde::Deserialize)]
struct UndoEntry {
    tree: Tree,
    key: Vec<u8>,
    before: Option<Vec<u8>>,
    after: Option<Vec<u8>>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct UndoRecord {
    /// What was done (a reminder key), to say what was undone.
    label: String,
    entries: Vec<UndoEntry>,
}

/// What [`Store::undo`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UndoOutcome {
    Undone(String),
    Nothing,
    /// The records it touched changed again since; undoing would lose that.
    ChangedSince(String),
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
