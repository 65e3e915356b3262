//! The façade: every use case of Regulars, over one open store. The CLI and the
//! desktop shell call only this; neither holds a rule of its own.

use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError, RwLock};

use crate::clock::{Clock, SystemClock};
use crate::error::{Error, Result};
use crate::listing::{CustomerPage, CustomerQuery};
use crate::model::{
    validate_edit, validate_interaction, validate_new_customer, Customer, CustomerDraft,
    CustomerId, Interaction, InteractionDraft, RelationKind, Relationship, TimelineEntry,
    ValidationError,
};
use crate::search::{CustomerIndex, CustomerMatch};
use crate::store::Store;

pub mod backup;
mod contacts;
mod exchange;
mod feedback;
mod insights;
mod messages;
mod orders;
mod reminders;
mod segments;

pub use contacts::ImportBatch;
pub use exchange::ExportKind;
pub use messages::SentMessage;
pub use reminders::UndoneReminder;

/// Feedback in one line: "★★★★☆ 4/5 · would recommend 9/10 — Lovely bread".
fn feedback_text(f: &crate::model::Feedback) -> String {
    let mut parts = Vec::new();
    if let Some(r) = f.rating {
        let stars: String = (1..=5).map(|i| if i <= r { '★' } else { '☆' }).collect();
        parts.push(format!("{stars} {r}/5"));
    }
    if let Some(n) = f.nps {
        parts.push(format!("would recommend {n}/10"));
    }
    let scores = parts.join(" · ");
    match (&f.text, scores.is_empty()) {
        (Some(t), true) => format!("Feedback: {t}"),
        (Some(t), false) => format!("Feedback {scores} — {t}"),
        (None, _) => format!("Feedback {scores}"),
    }
}

/// How many years of orders sample data brings.
pub const DEMO_ORDER_YEARS: u32 = 3;

/// The name under which the quick-note composer keeps its unsent text.
const QUICK_NOTE_DRAFT: &str = "quick-note";

/// One owner's Regulars: the store plus the clock the rules run against.
pub struct Regulars {
    store: Store,
    clock: Box<dyn Clock>,
    // Read-modify-write use cases (edit, relate, log…) run one at a time, so two
    // windows or commands cannot interleave and lose each other's change.
    writes: Mutex<()>,
    /// Derived from the store on open and updated after each write; never the source of truth.
    index: RwLock<CustomerIndex>,
    /// Every order line as insights read them; built on first use, then kept in step.
    orders: RwLock<Option<insights::OrderBook>>,
    /// The store's write count and path when the calendar file was last written.
    calendar_written: Mutex<Option<(u64, std::path::PathBuf)>>,
}

impl Regulars {
    /// Opens (or creates) the data in `data_dir`, with the system clock.
    pub fn open(data_dir: &Path) -> Result<Self> {
        Self::open_with_clock(data_dir, Box::new(SystemClock))
    }

    pub fn open_with_clock(data_dir: &Path, clock: Box<dyn Clock>) -> Result<Self> {
        let store = Store::open(data_dir)?;
        let index = RwLock::new(CustomerIndex::build(store.customers()?));
        Ok(Self {
            store,
            clock,
            writes: Mutex::new(()),
            index,
            orders: RwLock::new(None),
            calendar_written: Mutex::new(None),
        })
    }

    pub fn data_dir(&self) -> &Path {
        self.store.dir()
    }

    /// The store, for diagnostics and tests (index counts).
    pub fn store(&self) -> &Store {
        &self.store
    }

    fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    fn write_lock(&self) -> MutexGuard<'_, ()> {
        self.writes.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Brings the search index in step with customers just written.
    fn indexed(&self, customers: &[&Customer]) {
        let mut index = self.index.write().unwrap_or_else(PoisonError::into_inner);
        // An ordered insert shifts every entry after it: thousands of them (an
        // import's chunk) into a big index were quadratic, minutes at 200k.
        if customers.len() > 32 {
            index.extend(customers.iter().copied());
        } else {
            for c in customers {
                index.update(c);
            }
        }
    }

    /// Customers whose name, nickname, company or email matches `query`, best first.
    pub fn find_customers(&self, query: &str, limit: usize) -> Vec<CustomerMatch> {
        self.index
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .find(query, limit)
    }

    /// Validates the draft and stores the new customer; returns it once it is on disk.
    pub fn add_customer(&self, draft: &CustomerDraft) -> Result<Customer> {
        let customer = validate_new_customer(
            draft,
            CustomerId::new_v7(),
            self.clock.now(),
            self.clock.today(),
        )?;
        self.store.put_customer(&customer)?;
        self.indexed(&[&customer]);
        Ok(customer)
    }

    /// Adds a customer together with a first note; both are validated before
    /// either is written, so a bad note leaves no customer behind.
    pub fn add_customer_with_note(
        &self,
        draft: &CustomerDraft,
        note: &InteractionDraft,
    ) -> Result<(Customer, Interaction)> {
        let _w = self.write_lock();
        let mut customer = validate_new_customer(
            draft,
            CustomerId::new_v7(),
            self.clock.now(),
            self.clock.today(),
        )?;
        let interaction = validate_interaction(note, customer.id, self.clock.as_ref())?;
        customer.last_contacted = Some(interaction.at);
        self.store.log_interaction(&interaction, &customer)?;
        self.indexed(&[&customer]);
        Ok((customer, interaction))
    }

    /// Adds `count` realistic sample customers (tagged `demo`) with notes and
    /// three years of orders; the same seed gives the same people.
    pub fn seed_demo(&self, count: usize, seed: u64) -> Result<usize> {
        self.seed_demo_with_orders(count, seed, DEMO_ORDER_YEARS)
    }

    /// [`Self::seed_demo`] with `order_years` of order history (0: none, as the
    /// customer and agenda benchmarks use). Written in chunks, each one
    /// transaction for customers and notes and one for their orders.
    pub fn seed_demo_with_orders(
        &self,
        count: usize,
        seed: u64,
        order_years: u32,
    ) -> Result<usize> {
        let _w = self.write_lock();
        let now = self.clock.now();
        let generated = crate::demo::generate(count, seed, now);
        if !generated.is_empty() && order_years > 0 {
            self.store
                .save_orders(&[], &crate::demo::products(now), &[])?;
        }
        for (n, chunk) in generated.chunks(1000).enumerate() {
            let mut customers: Vec<Customer> = chunk.iter().map(|d| d.customer.clone()).collect();
            let interactions: Vec<Interaction> = chunk
                .iter()
                .flat_map(|d| d.interactions.iter().cloned())
                .collect();
            let ids: Vec<CustomerId> = customers.iter().map(|c| c.id).collect();
            let orders = if order_years == 0 {
                Vec::new()
            } else {
                let today = self.clock.today();
                crate::demo::orders(&ids, seed.wrapping_add(n as u64), today, order_years)
            };
            let at: std::collections::HashMap<CustomerId, usize> =
                ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
            for o in &orders {
                if let Some(c) = at.get(&o.customer_id).and_then(|i| customers.get_mut(*i)) {
                    self.touch(c, o);
                }
            }
            self.store.put_many(&customers, &interactions)?;
            self.store.save_orders(&orders, &[], &[])?;
            self.index
                .write()
                .unwrap_or_else(PoisonError::into_inner)
                .extend(&customers);
            let ids: Vec<crate::model::OrderId> = orders.iter().map(|o| o.id).collect();
            self.order_book_changed(&orders, &ids);
        }
        Ok(generated.len())
    }

    /// Replaces the customer's profile with the edited draft.
    pub fn update_customer(&self, id: &str, draft: &CustomerDraft) -> Result<Customer> {
        let _w = self.write_lock();
        let existing = self.customer(id)?;
        let edited = validate_edit(&existing, draft, self.clock.now(), self.clock.today())?;
        self.store.put_customer(&edited)?;
        self.indexed(&[&edited]);
        Ok(edited)
    }

    /// Hides the customer from lists and reminders; [`Self::restore_customer`] undoes it.
    pub fn archive_customer(&self, id: &str) -> Result<Customer> {
        self.set_archived(id, true)
    }

    pub fn restore_customer(&self, id: &str) -> Result<Customer> {
        self.set_archived(id, false)
    }

    fn set_archived(&self, id: &str, archived: bool) -> Result<Customer> {
        let _w = self.write_lock();
        let mut c = self.customer(id)?;
        let now = self.clock.now();
        c.archived_at = archived.then_some(now);
        c.updated_at = now;
        self.store.put_customer(&c)?;
        self.indexed(&[&c]);
        Ok(c)
    }

    /// Removes the customer and everything that is theirs (interactions, follow-ups,
    /// the other side of relationships).
    pub fn delete_customer(&self, id: &str) -> Result<()> {
        let _w = self.write_lock();
        let c = self.customer(id)?;
        self.remove_customer(&c)
    }

    /// [`Self::delete_customer`] for a caller that holds the write lock.
    fn remove_customer(&self, c: &Customer) -> Result<()> {
        let mut related = Vec::new();
        for r in &c.relationships {
            if let Some(mut other) = self.store.customer(&r.customer_id)? {
                other.relationships.retain(|x| x.customer_id != c.id);
                related.push(other);
            }
        }
        self.store.delete_customer(&c.id, &related)?;
        self.index
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&c.id);
        self.order_book_customer_removed(&c.id);
        Ok(())
    }

    /// Records that `id` is `kind` of `other` (and `other` the inverse of `id`).
    pub fn relate(&self, id: &str, kind: RelationKind, other: &str) -> Result<()> {
        let _w = self.write_lock();
        let mut a = self.customer(id)?;
        let mut b = self.customer(other)?;
        if a.id == b.id {
            return Err(ValidationError::new(
                "relationships",
                "a customer cannot be related to themselves",
            )
            .into());
        }
        let now = self.clock.now();
        let (a_id, b_id) = (a.id, b.id);
        for (from, to, k) in [(&mut a, b_id, kind), (&mut b, a_id, kind.inverse())] {
            from.relationships.retain(|r| r.customer_id != to);
            from.relationships.push(Relationship {
                kind: k,
                customer_id: to,
            });
            from.updated_at = now;
        }
        self.store.put_customers(&[a, b])?;
        Ok(())
    }

    /// Removes any relationship between the two customers, on both sides.
    pub fn unrelate(&self, id: &str, other: &str) -> Result<()> {
        let _w = self.write_lock();
        let mut a = self.customer(id)?;
        let mut b = self.customer(other)?;
        a.relationships.retain(|r| r.customer_id != b.id);
        b.relationships.retain(|r| r.customer_id != a.id);
        self.store.put_customers(&[a, b])?;
        Ok(())
    }

    /// Logs a meeting, call, message or note; it also moves the customer's
    /// keep-in-touch clock (last contacted) forward.
    pub fn log_interaction(
        &self,
        customer_id: &str,
        draft: &InteractionDraft,
    ) -> Result<Interaction> {
        let _w = self.write_lock();
        let mut customer = self.customer(customer_id)?;
        let interaction = validate_interaction(draft, customer.id, self.clock.as_ref())?;
        if customer
            .last_contacted
            .is_none_or(|last| interaction.at > last)
        {
            customer.last_contacted = Some(interaction.at);
        }
        self.store.log_interaction(&interaction, &customer)?;
        Ok(interaction)
    }

    /// The customer's timeline, newest first, times in the owner's zone.
    pub fn timeline(&self, customer_id: &str) -> Result<Vec<TimelineEntry>> {
        let c = self.customer(customer_id)?;
        let mut entries: Vec<TimelineEntry> = self
            .store
            .interactions_of(&c.id)?
            .into_iter()
            .map(|i| TimelineEntry {
                id: i.id.to_string(),
                kind: serde_json::to_value(i.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                at: i.at.with_timezone(&self.clock.offset_at(i.at)),
                text: i.text,
                follow_up: i.follow_up,
            })
            .collect();
        for f in self.store.feedback_of(&c.id)? {
            entries.push(TimelineEntry {
                id: f.id.to_string(),
                kind: "feedback".into(),
                at: self.day_moment(f.date, f.created_at),
                text: feedback_text(&f),
                follow_up: None,
            });
        }
        for x in self.store.complaints_of(&c.id)? {
            let steps = [
                (Some(x.opened_at), "opened", Some(&x.summary)),
                (x.acknowledged_at, "acknowledged", None),
                (x.resolved_at, "resolved", x.resolution.as_ref()),
                (x.closed_at, "closed", None),
            ];
            for (at, step, words) in steps {
                let Some(at) = at else { continue };
                let at = if step == "opened" {
                    self.day_moment(x.opened_on, at)
                } else {
                    at.with_timezone(&self.clock.offset_at(at))
                };
                entries.push(TimelineEntry {
                    id: format!("{}/{step}", x.id),
                    kind: "complaint".into(),
                    at,
                    text: match words {
                        Some(w) => format!("Complaint {step}: {w}"),
                        None => format!("Complaint {step}: {}", x.summary),
                    },
                    follow_up: None,
                });
            }
        }
        for o in self.store.orders_of(&c.id)? {
            entries.push(TimelineEntry {
                id: o.id.to_string(),
                kind: "order".into(),
                at: self.day_moment(o.date, o.created_at),
                text: format!("{} — {}", o.summary(), o.total()),
                follow_up: None,
            });
        }
        entries.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.id.cmp(&a.id)));
        Ok(entries)
    }

    /// The quick-note text not yet sent, if any (survives crashes and restarts).
    pub fn quick_note_draft(&self) -> Result<Option<String>> {
        Ok(self.store.draft(QUICK_NOTE_DRAFT)?)
    }

    /// Saves the quick-note text as typed; an empty text discards the draft.
    pub fn save_quick_note_draft(&self, text: &str) -> Result<()> {
        if text.len() > crate::model::LIMITS.note_bytes {
            return Err(
                ValidationError::new("text", "is over 1 MB; the draft was not saved").into(),
            );
        }
        let text = (!text.trim().is_empty()).then_some(text);
        Ok(self.store.put_draft(QUICK_NOTE_DRAFT, text)?)
    }

    /// One page of the customer list, filtered and sorted, from the in-memory index.
    pub fn list_customers(&self, query: &CustomerQuery) -> CustomerPage {
        self.index
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .list(query, self.clock.today(), self.clock.now())
    }

    /// Customers not archived, sorted by name as people read it (case-insensitive), then by age.
    pub fn customers(&self) -> Result<Vec<Customer>> {
        let mut all = self.store.customers()?;
        all.retain(|c| c.archived_at.is_none());
        all.sort_by_cached_key(|c| (c.name.to_lowercase(), c.id));
        Ok(all)
    }

    /// Archived customers, sorted like [`Self::customers`].
    pub fn archived_customers(&self) -> Result<Vec<Customer>> {
        let mut all = self.store.customers()?;
        all.retain(|c| c.archived_at.is_some());
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
