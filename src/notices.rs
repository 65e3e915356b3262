//! Desktop notifications: what they say, and the scheduler that decides when to
//! raise them. The core owns both rules; the shell supplies a [`Notifier`] (the
//! real one wraps notify-rust) and a thread that calls [`Scheduler::tick`].
//!
//! Must never: notify the same thing twice (across restarts, clock jumps or
//! suspend), or lose a notice because the app was closed or asleep at the time.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;

use crate::agenda::{Agenda, AgendaItem, ItemKind, ReminderKey, When};
use crate::error::Result;
use crate::Regulars;

/// One notification as the owner will read it. `keys` are what it announces
/// (recorded so none is announced twice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub keys: Vec<String>,
    pub summary: String,
    pub body: String,
}

#[derive(Debug, thiserror::Error)]
#[error("the desktop notification could not be shown: {0}")]
pub struct NotifyError(pub String);

/// Shows a notice on the desktop.
pub trait Notifier: Send + Sync {
    fn notify(&self, notice: &Notice) -> std::result::Result<(), NotifyError>;
}

pub fn digest_key(day: NaiveDate) -> String {
    format!("digest/{}", day.format("%Y-%m-%d"))
}

pub fn follow_up_key(key: &ReminderKey) -> String {
    format!("at/{key}")
}

/// How many items the digest's body lists before "and N more".
const DIGEST_LINES: usize = 8;

fn possessive(name: &str) -> String {
    format!("{name}’s")
}

/// One item in a few words: "Anna’s birthday (41)", "follow up with Finn".
pub fn phrase(item: &AgendaItem) -> String {
    let name = &item.customer_name;
    match item.kind {
        ItemKind::Birthday => match item.age {
            Some(age) => format!("{} birthday ({age})", possessive(name)),
            None => format!("{} birthday", possessive(name)),
        },
        ItemKind::Anniversary => match item.years {
            Some(n) => format!("{name}: {} ({n} years)", item.label),
            None => format!("{name}: {}", item.label),
        },
        ItemKind::FollowUp => format!("follow up with {name}"),
        ItemKind::KeepInTouch => format!("get in touch with {name}"),
        ItemKind::OrderDrop => format!("{name} is ordering less than usual"),
        ItemKind::Season => format!("{name}: {}", item.label.to_lowercase()),
        ItemKind::ComplaintDue => format!("{name}’s complaint is due"),
        ItemKind::AskFeedback => format!("ask {name} for feedback"),
    }
}

/// The daily digest: "3 today: Anna’s birthday (41), follow up with Finn, …".
/// `None` when nothing is due: a quiet day raises no notification.
pub fn digest(key: &str, agenda: &Agenda) -> Option<Notice> {
    let due: Vec<&AgendaItem> = agenda.due().collect();
    if due.is_empty() {
        return None;
    }
    let overdue = due.iter().filter(|i| i.when == When::Overdue).count();
    let today = due.len() - overdue;
    let mut counts = Vec::new();
    if today > 0 {
        counts.push(format!("{today} today"));
    }
    if overdue > 0 {
        counts.push(format!("{overdue} overdue"));
    }
    let head: Vec<String> = due.iter().take(2).map(|i| phrase(i)).collect();
    let more = if due.len() > 2 { ", …" } else { "" };
    let summary = format!("{}: {}{more}", counts.join(", "), head.join(", "));
    let mut lines: Vec<String> = due
        .iter()
        .take(DIGEST_LINES)
        .map(|i| {
            let mut line = phrase(i);
            if let Some(c) = line.get(..1) {
                line.replace_range(..1, &c.to_uppercase());
            }
            if i.when == When::Overdue {
                line.push_str(&format!(" (since {})", i.date.format("%b %-d")));
            }
            line
        })
        .collect();
    if due.len() > DIGEST_LINES {
        lines.push(format!("and {} more", due.len() - DIGEST_LINES));
    }
    let upcoming = agenda.items.len() - due.len();
    if upcoming > 0 {
        lines.push(format!("{upcoming} coming up in the next days"));
    }
    Some(Notice {
        keys: vec![key.to_owned()],
        summary,
        body: lines.join("\n"),
    })
}

/// A timed follow-up whose moment has come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpDue {
    pub key: String,
    pub customer_name: String,
    pub label: String,
    pub time: String,
}

/// Above this many at once (after a long sleep), one notice lists them all.
const SEPARATE_FOLLOW_UPS: usize = 3;

/// One notice per due follow-up, or one for all when many came due at once.
pub fn follow_ups(due: Vec<FollowUpDue>) -> Vec<Notice> {
    if due.len() > SEPARATE_FOLLOW_UPS {
        return vec![Notice {
            keys: due.iter().map(|d| d.key.clone()).collect(),
            summary: format!("{} follow-ups are due", due.len()),
            body: due
                .iter()
                .map(|d| format!("{} {}: {}", d.time, d.customer_name, d.label))
                .collect::<Vec<_>>()
                .join("\n"),
        }];
    }
    due.into_iter()
        .map(|d| Notice {
            summary: format!("Follow up with {} ({})", d.customer_name, d.time),
            body: d.label,
            keys: vec![d.key],
        })
        .collect()
}

/// The longest the scheduler sleeps without looking at the wall clock again, so
/// a suspend, a resume or a clock change is noticed within a minute.
pub const RECHECK: Duration = Duration::from_secs(60);

/// Raises what is due, once. The shell calls [`Scheduler::tick`] from a thread:
/// on start, after each data change, and when the returned wait has passed.
pub struct Scheduler {
    app: Arc<Regulars>,
    notifier: Box<dyn Notifier>,
}

impl Scheduler {
    pub fn new(app: Arc<Regulars>, notifier: Box<dyn Notifier>) -> Self {
        Self { app, notifier }
    }

    /// Raises every notice due now and not raised before, then says how long to
    /// wait before the next tick (until the next due moment, at most a minute).
    /// A notice is recorded before it is shown: a crash in between loses that
    /// one notice rather than repeating it forever; the Today list still has it.
    pub fn tick(&self) -> Result<Duration> {
        let due = self.app.due_notices()?;
        let mut keys: Vec<String> = due.notices.iter().flat_map(|n| n.keys.clone()).collect();
        keys.extend(due.quiet.iter().cloned());
        if !keys.is_empty() {
            self.app.record_notified(&keys)?;
        }
        for notice in &due.notices {
            if let Err(e) = self.notifier.notify(notice) {
                eprintln!("regulars: {e}");
            }
        }
        let wait = due
            .next
            .and_then(|t| (t - self.app.now()).to_std().ok())
            .map_or(RECHECK, |d| d.min(RECHECK));
        Ok(wait)
    }
}
