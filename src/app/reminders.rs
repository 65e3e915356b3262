//! The daily list's use cases: read the agenda, act on an occurrence, undo,
//! settings, and what the scheduler should notify now.

use std::collections::HashMap;
use std::sync::PoisonError;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::Regulars;
use crate::agenda::feedback_asks::{self, AskSource};
use crate::agenda::{
    self, complaints, follow_ups, keep_in_touch, order_drops, seasons, yearly, Action, Agenda,
    Horizon, ItemKind, Occurrence, ReminderKey, Window,
};
use crate::error::{Error, Result};
use crate::model::{Customer, Interaction, ValidationError};
use crate::notices::{self, Notice};
use crate::settings::Settings;
use crate::store::UndoOutcome;

/// How far back the scheduler catches up on timed follow-ups missed while closed.
const CATCH_UP_DAYS: i64 = 30;
/// How long a record of a raised notice is kept (longer than anything can be caught up).
const NOTIFIED_KEPT_DAYS: i64 = 60;

/// What an undo put back.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct UndoneReminder {
    /// The reminder key whose action was undone.
    pub key: String,
}

/// What the scheduler should raise now, and when to look again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueNotices {
    pub notices: Vec<Notice>,
    /// Keys to record without a notification (the digest of a day with nothing due).
    pub quiet: Vec<String>,
    /// The next moment something becomes due (the caller also re-checks every minute).
    pub next: Option<DateTime<Utc>>,
}

impl Regulars {
    /// The current instant by the façade's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn settings(&self) -> Result<Settings> {
        Ok(self.store.settings()?)
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<Settings> {
        settings.validate()?;
        let _w = self.write_lock();
        self.store.put_settings(settings)?;
        Ok(settings.clone())
    }

    /// The daily list for `day` (default: today in the owner's zone).
    pub fn agenda(&self, day: Option<NaiveDate>, horizon: Horizon) -> Result<Agenda> {
        let settings = self.store.settings()?;
        let window = Window {
            today: day.unwrap_or_else(|| self.clock.today()),
            horizon,
            settings: &settings.reminders,
        };
        let leap_day = settings.reminders.leap_day;
        let mut found: Vec<Occurrence> = Vec::new();
        for day in yearly::days_to_read(&window) {
            for (month, d) in yearly::month_days_on(day, leap_day) {
                for entry in self.store.yearly_on(month, d)? {
                    found.extend(yearly::occurrence(&entry, day));
                }
            }
        }
        for i in self
            .store
            .open_follow_ups_until(window.last_day(ItemKind::FollowUp))?
        {
            found.extend(follow_ups::occurrence(&i));
        }
        let kit_end = self.clock.local_moment(
            (window.last_day(ItemKind::KeepInTouch) + Duration::days(1))
                .and_time(chrono::NaiveTime::MIN),
        );
        for entry in self.store.keep_in_touch_due_before(kit_end)? {
            found.push(keep_in_touch::occurrence(&entry, self.clock()));
        }
        for entry in self
            .store
            .order_drops_until(window.last_day(ItemKind::OrderDrop))?
        {
            found.push(order_drops::occurrence(&entry, window.today));
        }
        for c in self.store.pending_complaints()? {
            found.extend(complaints::occurrence(&c, &settings.complaints));
        }
        if let Some(days) = settings.feedback.ask_after_days {
            let f = &settings.feedback;
            // A missed ask fades like a missed birthday: turning asking on must
            // not fill the list with every order of the past year.
            let back = Duration::days(i64::from(days));
            let from = window.missed_since() - back;
            for entry in self
                .store
                .asks_between(from, window.last_day(ItemKind::AskFeedback) - back)?
            {
                let wanted = match entry.source {
                    AskSource::Order(_) => f.after_orders,
                    AskSource::Meeting(_) => f.after_meetings,
                };
                if wanted {
                    found.push(feedback_asks::occurrence(&entry, days));
                }
            }
        }
        for (day, (month, d)) in seasons::days_to_read(&window) {
            for entry in self.store.seasons_on(month, d)? {
                found.push(seasons::occurrence(&entry, day));
            }
        }
        // Snoozed yearly dates and seasons come back on a day their own date may be far from.
        for key in self
            .store
            .snoozed_between(window.missed_since(), window.end())?
        {
            match &key {
                ReminderKey::Birthday { .. } | ReminderKey::Date { .. } => {
                    if let Some(c) = self.store.customer(&key.customer())? {
                        found.extend(yearly::occurrence_for_key(
                            &yearly::entries_of(&c),
                            &key,
                            leap_day,
                        ));
                    }
                }
                ReminderKey::Season { year, month, .. } => {
                    if let Some((entry, day)) = self.season_of(&key, *year, *month)? {
                        found.push(seasons::occurrence(&entry, day));
                    }
                }
                _ => {}
            }
        }
        let mut actions = HashMap::new();
        for o in &found {
            if let Some(a) = self.store.reminder_action(&o.key)? {
                actions.insert(o.key.clone(), a);
            }
        }
        let index = self.index.read().unwrap_or_else(PoisonError::into_inner);
        Ok(agenda::assemble(
            &window,
            found,
            |k| actions.get(k).copied(),
            |id| index.name_of(&id).map(str::to_owned),
        ))
    }

    /// Marks one occurrence done. For a keep-in-touch reminder that means the
    /// owner got in touch, so the customer's keep-in-touch clock restarts now.
    pub fn reminder_done(&self, key: &str) -> Result<ReminderKey> {
        self.act(key, Action::Done)
    }

    /// Takes one occurrence off the list without doing it.
    pub fn reminder_dismiss(&self, key: &str) -> Result<ReminderKey> {
        self.act(key, Action::Dismissed)
    }

    /// Hides one occurrence until `until` (a day after today).
    pub fn reminder_snooze(&self, key: &str, until: NaiveDate) -> Result<ReminderKey> {
        let today = self.clock.today();
        if until <= today {
            return Err(ValidationError::new(
                "until",
                format!(
                    "a snooze must end after today ({}); {} is not",
                    today.format("%Y-%m-%d"),
                    until.format("%Y-%m-%d")
                ),
            )
            .into());
        }
        self.act(key, Action::Snoozed { until })
    }

    fn act(&self, key_text: &str, action: Action) -> Result<ReminderKey> {
        let key: ReminderKey = key_text
            .parse()
            .map_err(|e: agenda::BadKey| ValidationError::new("key", e.to_string()))?;
        let _w = self.write_lock();
        let mut customer = self
            .store
            .customer(&key.customer())?
            .ok_or_else(|| Error::ReminderNotFound(key_text.trim().to_owned()))?;
        let missing = || Error::ReminderNotFound(key_text.trim().to_owned());
        let mut close_follow_up: Option<Interaction> = None;
        let mut moved: Option<&Customer> = None;
        match &key {
            ReminderKey::Birthday { .. } | ReminderKey::Date { .. } => {
                let entries = yearly::entries_of(&customer);
                yearly::occurrence_for_key(&entries, &key, Default::default())
                    .ok_or_else(missing)?;
            }
            ReminderKey::FollowUp {
                customer: c,
                interaction,
            } => {
                let i = self
                    .store
                    .interaction(c, interaction)?
                    .filter(|i| i.follow_up.is_some())
                    .ok_or_else(missing)?;
                // Done or dismissed, it leaves the open follow-ups; snoozed, it stays.
                close_follow_up = (!matches!(action, Action::Snoozed { .. })).then_some(i);
            }
            ReminderKey::OrderDrop { last_order, .. } => {
                let dates: Vec<NaiveDate> = self
                    .store
                    .orders_of(&customer.id)?
                    .iter()
                    .map(|o| o.date)
                    .collect();
                crate::insights::rhythm_of(&dates)
                    .filter(|r| r.last_order == *last_order)
                    .ok_or_else(missing)?;
            }
            ReminderKey::Season { year, month, .. } => {
                self.season_of(&key, *year, *month)?.ok_or_else(missing)?;
            }
            ReminderKey::Complaint {
                complaint, stage, ..
            } => {
                let policy = self.store.settings()?.complaints;
                self.store
                    .complaint(&customer.id, complaint)?
                    .and_then(|c| crate::complaints::next_deadline(&c, &policy))
                    .filter(|(s, _)| s == stage)
                    .ok_or_else(missing)?;
            }
            ReminderKey::AskFeedback { source, .. } => {
                let exists = match source {
                    AskSource::Order(id) => self
                        .store
                        .order(id)?
                        .is_some_and(|o| o.customer_id == customer.id),
                    AskSource::Meeting(id) => self.store.interaction(&customer.id, id)?.is_some(),
                };
                if !exists {
                    return Err(missing());
                }
            }
            ReminderKey::KeepInTouch { .. } => {
                if customer.cadence_days.is_none() {
                    return Err(missing());
                }
                if action == Action::Done {
                    let now = self.clock.now();
                    if customer.last_contacted.is_none_or(|t| t < now) {
                        customer.last_contacted = Some(now);
                    }
                    moved = Some(&customer);
                }
            }
        }
        self.store
            .record_reminder(&key, action, close_follow_up.as_ref(), moved)?;
        if let Some(c) = moved {
            self.indexed(&[c]);
        }
        Ok(key)
    }

    /// The customer's seasonal habit a season key names, with the day its
    /// reminder falls on (two weeks before the season starts).
    fn season_of(
        &self,
        key: &ReminderKey,
        year: i32,
        month: u32,
    ) -> Result<Option<(seasons::SeasonEntry, NaiveDate)>> {
        let dates: Vec<NaiveDate> = self
            .store
            .orders_of(&key.customer())?
            .iter()
            .map(|o| o.date)
            .collect();
        let Some(as_of) = dates.iter().max().copied() else {
            return Ok(None);
        };
        Ok(crate::insights::seasonal_habits(&dates, as_of)
            .into_iter()
            .find(|h| h.month == month)
            .and_then(|h| {
                let entry = seasons::SeasonEntry::new(key.customer(), &h);
                let day = entry.reminder_day(year)?;
                Some((entry, day))
            }))
    }

    /// Undoes the last done / dismiss / snooze. `Ok(None)` when there is nothing to undo.
    pub fn undo_reminder(&self) -> Result<Option<UndoneReminder>> {
        let _w = self.write_lock();
        match self.store.undo()? {
            UndoOutcome::Nothing => Ok(None),
            UndoOutcome::ChangedSince(key) => Err(Error::UndoOutdated(key)),
            UndoOutcome::Undone(key) => {
                // A keep-in-touch "done" moved the customer's clock; the list index follows.
                if let Ok(k) = key.parse::<ReminderKey>() {
                    if let Some(c) = self.store.customer(&k.customer())? {
                        self.indexed(&[&c]);
                    }
                }
                Ok(Some(UndoneReminder { key }))
            }
        }
    }

    /// How many items are due today (overdue included): the tray's count.
    pub fn due_today(&self) -> Result<usize> {
        Ok(self.agenda(None, Horizon::Notice)?.due().count())
    }

    /// The notices due now that were not raised before: the daily digest once
    /// its time has come (caught up if the app was closed then), and each timed
    /// follow-up whose moment has passed within the last 30 days.
    pub fn due_notices(&self) -> Result<DueNotices> {
        let settings = self.store.settings()?.notifications;
        let now = self.clock.now();
        let today = self.clock.today();
        let mut out = Vec::new();
        let mut quiet = Vec::new();
        let mut next: Option<DateTime<Utc>> = None;
        let mut consider = |t: DateTime<Utc>| {
            if t > now && next.is_none_or(|n| t < n) {
                next = Some(t);
            }
        };

        if settings.digest {
            let digest_at = self
                .clock
                .local_moment(today.and_time(settings.digest_time.0));
            let key = notices::digest_key(today);
            if now >= digest_at && !self.store.was_notified(&key)? {
                let agenda = self.agenda(Some(today), Horizon::Notice)?;
                match notices::digest(&key, &agenda) {
                    Some(n) => out.push(n),
                    None => quiet.push(key),
                }
            }
            consider(digest_at);
            consider(
                self.clock
                    .local_moment((today + Duration::days(1)).and_time(settings.digest_time.0)),
            );
        }

        if settings.timed_follow_ups {
            let mut due = Vec::new();
            let from = today - Duration::days(CATCH_UP_DAYS);
            for i in self
                .store
                .follow_ups_between(from, today + Duration::days(1))?
            {
                let (Some(f), Some(o)) = (i.follow_up, follow_ups::occurrence(&i)) else {
                    continue;
                };
                let Some(at) = follow_ups::due_at(&f, self.clock()) else {
                    continue;
                };
                consider(at);
                if at > now || at < now - Duration::days(CATCH_UP_DAYS) {
                    continue;
                }
                match self.store.reminder_action(&o.key)? {
                    Some(Action::Snoozed { until }) if until > today => continue,
                    Some(Action::Done | Action::Dismissed) => continue,
                    _ => {}
                }
                let key = notices::follow_up_key(&o.key);
                if self.store.was_notified(&key)? {
                    continue;
                }
                let index = self.index.read().unwrap_or_else(PoisonError::into_inner);
                let Some(name) = index.name_of(&o.customer_id) else {
                    continue;
                };
                due.push(notices::FollowUpDue {
                    key,
                    customer_name: name.to_owned(),
                    label: o.label,
                    time: o.time.unwrap_or_default(),
                });
            }
            out.extend(notices::follow_ups(due));
        }
        Ok(DueNotices {
            notices: out,
            quiet,
            next,
        })
    }

    /// Remembers that the notices with these keys were raised, so they never are again.
    pub fn record_notified(&self, keys: &[String]) -> Result<()> {
        let now = self.clock.now();
        let _w = self.write_lock();
        Ok(self
            .store
            .record_notified(keys, now, now - Duration::days(NOTIFIED_KEPT_DAYS))?)
    }
}
