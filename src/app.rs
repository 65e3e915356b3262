//! The façade: every use case of Regulars, over one open store. The CLI and the
//! desktop shell call only this; neither holds a rule of its own.

use std::path::Path;

use chrono::{DateTime, Local, NaiveDate, Utc};

use crate::error::{Error, Result};
use crate::model::{validate_new_customer, Customer, CustomerDraft, CustomerId};
use crate::store::Store;

/// Where "now" comes from. Only the edges read the real clock; tests pass a fixed one.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
    /// The owner's calendar day (local time zone).
    fn today(&self) -> NaiveDate;
}

/// The computer's clock and local time zone.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
    fn today(&self) -> NaiveDate {
        Local::now().date_naive()
    }
}

/// A clock stopped at one instant, for tests and replays.
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
    fn today(&self) -> NaiveDate {
        self.0.date_naive()
    }
}

/// One owner's Regulars: the store plus the clock the rules run against.
pub struct Regulars {
    store: Store,
    clock: Box<dyn Clock>,
}

impl Regulars {
    /// Opens (or creates) the data in `data_dir`, with the system clock.
    pub fn open(data_dir: &Path) -> Result<Self> {
        Self::open_with_clock(data_dir, Box::new(SystemClock))
    }

    pub fn open_with_clock(data_dir: &Path, clock: Box<dyn Clock>) -> Result<Self> {
        Ok(Self {
            store: Store::open(data_dir)?,
            clock,
        })
    }

    pub fn data_dir(&self) -> &Path {
        self.store.dir()
    }

    /// Validates the draft and stores the new customer; returns it once it is on disk.
    pub fn add_customer(&self, draft: &CustomerDraft) -> Result<Customer> {
        let customer = validate_new_customer(
            draft,
            CustomerId::new_v7(),
            self.clock.now(),
            self.clock.today(),
        )?;
        self.store.insert_customer(&customer)?;
        Ok(customer)
    }

    /// Every customer, sorted by name as people read it (case-insensitive), then by age.
    pub fn customers(&self) -> Result<Vec<Customer>> {
        let mut all = self.store.customers()?;
        all.sort_by_cached_key(|c| (c.name.to_lowercase(), c.id));
        Ok(all)
    }

    /// Customers carrying `tag` (compared case-insensitively).
    pub fn customers_tagged(&self, tag: &str) -> Result<Vec<Customer>> {
        let mut all = self.customers()?;
        all.retain(|c| c.tags.iter().any(|t| t.eq_ignore_ascii_case(tag.trim())));
        Ok(all)
    }

    /// One customer by the id text the owner or a script passed.
    pub fn customer(&self, id: &str) -> Result<Customer> {
        let parsed: CustomerId = id.parse().map_err(|_| Error::BadId(id.to_owned()))?;
        self.store
            .customer(&parsed)?
            .ok_or_else(|| Error::CustomerNotFound(id.to_owned()))
    }
}
