//! Where "now" and the owner's time zone come from. Only the edges use the real
//! clock; tests and replays pass a fixed one, so every date rule is testable.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
    /// The owner's UTC offset at `at` (differs across DST changes).
    fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset;
    /// A wall-clock time in the owner's zone as UTC; `None` for a time that does
    /// not exist (skipped by a DST change). An ambiguous time takes the earlier.
    fn local_to_utc(&self, local: NaiveDateTime) -> Option<DateTime<Utc>>;

    /// A wall-clock moment as UTC, for things that must happen then (a reminder,
    /// the digest). A time skipped by a DST change (02:30 on the spring-forward
    /// night) happens when the clocks jump past it, an hour later on the wall
    /// clock; an ambiguous one at its first passing.
    fn local_moment(&self, local: NaiveDateTime) -> DateTime<Utc> {
        self.local_to_utc(local)
            .or_else(|| self.local_to_utc(local + chrono::Duration::hours(1)))
            .unwrap_or_else(|| local.and_utc())
    }

    /// The owner's calendar day.
    fn today(&self) -> NaiveDate {
        let now = self.now();
        now.with_timezone(&self.offset_at(now)).date_naive()
    }
}

/// The computer's clock and local time zone.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
    fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset {
        Local.offset_from_utc_datetime(&at.naive_utc()).fix()
    }
    fn local_to_utc(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        Local
            .from_local_datetime(&local)
            .earliest()
            .map(|t| t.with_timezone(&Utc))
    }
}

/// A clock stopped at one instant, in a fixed-offset zone (UTC unless given).
pub struct FixedClock {
    pub now: DateTime<Utc>,
    pub offset: FixedOffset,
}

impl FixedClock {
    pub fn utc(now: DateTime<Utc>) -> Self {
        Self {
            now,
            offset: FixedOffset::east_opt(0).expect("zero offset"),
        }
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.now
    }
    fn offset_at(&self, _at: DateTime<Utc>) -> FixedOffset {
        self.offset
    }
    fn local_to_utc(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        self.offset
            .from_local_datetime(&local)
            .single()
            .map(|t| t.with_timezone(&Utc))
    }
}

/// A clock that stands still until moved, in any time zone (`chrono_tz::Tz` in
/// tests of DST days). For tests and replays: the scheduler is tested by moving it.
pub struct ManualClock<Z: TimeZone> {
    now: std::sync::Mutex<DateTime<Utc>>,
    zone: Z,
}

impl<Z: TimeZone> ManualClock<Z> {
    pub fn new(now: DateTime<Utc>, zone: Z) -> Self {
        Self {
            now: std::sync::Mutex::new(now),
            zone,
        }
    }

    pub fn set(&self, now: DateTime<Utc>) {
        *self
            .now
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = now;
    }

    pub fn advance(&self, by: chrono::Duration) {
        let now = self.now();
        self.set(now + by);
    }

    pub fn now(&self) -> DateTime<Utc> {
        *self
            .now
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl<Z> Clock for ManualClock<Z>
where
    Z: TimeZone + Send + Sync,
{
    fn now(&self) -> DateTime<Utc> {
        ManualClock::now(self)
    }
    fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset {
        self.zone.offset_from_utc_datetime(&at.naive_utc()).fix()
    }
    fn local_to_utc(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        self.zone
            .from_local_datetime(&local)
            .earliest()
            .map(|t| t.with_timezone(&Utc))
    }
}

/// A shared clock is a clock (tests keep a handle to move it).
impl<C: Clock + ?Sized> Clock for std::sync::Arc<C> {
    fn now(&self) -> DateTime<Utc> {
        (**self).now()
    }
    fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset {
        (**self).offset_at(at)
    }
    fn local_to_utc(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        (**self).local_to_utc(local)
    }
}
