//! The notification scheduler with a fake clock and a fake notifier, over a real
//! store: the digest at its time, catching up after sleep or a closed app, and
//! never notifying twice (clock going back, restarts).

use std::sync::{Arc, Mutex};
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::{Europe::Berlin, Tz};
use regulars::model::{CustomerDraft, InteractionDraft};
use regulars::notices::{Notice, Notifier, NotifyError, Scheduler, RECHECK};
use regulars::{ManualClock, Regulars};

#[derive(Clone, Default)]
struct FakeNotifier(Arc<Mutex<Vec<Notice>>>);

impl Notifier for FakeNotifier {
    fn notify(&self, notice: &Notice) -> Result<(), NotifyError> {
        self.0.lock().unwrap().push(notice.clone());
        Ok(())
    }
}

impl FakeNotifier {
    /// The summaries raised since the last call.
    fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.0.lock().unwrap())
            .into_iter()
            .map(|n| n.summary)
            .collect()
    }
}

fn at(local: &str) -> DateTime<Utc> {
    let naive = chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M").unwrap();
    Berlin
        .from_local_datetime(&naive)
        .earliest()
        .unwrap()
        .with_timezone(&Utc)
}

struct Desk {
    dir: tempfile::TempDir,
    clock: Arc<ManualClock<Tz>>,
    notifier: FakeNotifier,
    app: Arc<Regulars>,
    scheduler: Scheduler,
}

impl Desk {
    fn new(local: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(ManualClock::new(at(local), Berlin));
        Self::open(dir, clock)
    }

    fn open(dir: tempfile::TempDir, clock: Arc<ManualClock<Tz>>) -> Self {
        let app =
            Arc::new(Regulars::open_with_clock(dir.path(), Box::new(Arc::clone(&clock))).unwrap());
        let notifier = FakeNotifier::default();
        let scheduler = Scheduler::new(Arc::clone(&app), Box::new(notifier.clone()));
        Self {
            dir,
            clock,
            notifier,
            app,
            scheduler,
        }
    }

    /// The app closes and starts again on the same data.
    fn restart(self) -> Self {
        let Desk {
            dir,
            clock,
            app,
            scheduler,
            ..
        } = self;
        drop(scheduler);
        drop(app);
        Self::open(dir, clock)
    }

    fn tick(&self) -> (Vec<String>, StdDuration) {
        let wait = self.scheduler.tick().unwrap();
        (self.notifier.take(), wait)
    }

    fn customer(&self, name: &str, birthday: Option<&str>) -> String {
        let draft = CustomerDraft {
            name: name.into(),
            birthday: birthday.map(Into::into),
            ..Default::default()
        };
        self.app.add_customer(&draft).unwrap().id.to_string()
    }

    fn follow_up(&self, id: &str, due: &str) {
        let draft = InteractionDraft {
            text: "Call about the order".into(),
            at: Some("2026-11-01T10:00".into()),
            follow_up: Some(due.into()),
            ..Default::default()
        };
        self.app.log_interaction(id, &draft).unwrap();
    }
}

#[test]
fn the_digest_comes_at_nine_once() {
    let desk = Desk::new("2026-11-24T08:59");
    desk.customer("Anna Berg", Some("1985-11-24"));
    let finn = desk.customer("Finn", None);
    desk.follow_up(&finn, "2026-11-24");
    desk.customer("Lea", Some("--11-26"));

    let (raised, wait) = desk.tick();
    assert!(raised.is_empty());
    assert_eq!(wait, StdDuration::from_secs(60), "wakes at 09:00");

    desk.clock.set(at("2026-11-24T09:00"));
    let (raised, wait) = desk.tick();
    assert_eq!(
        raised,
        ["2 today: Anna Berg’s birthday (41), follow up with Finn"]
    );
    assert_eq!(wait, RECHECK, "never sleeps longer than a minute");

    desk.clock.set(at("2026-11-24T09:01"));
    assert!(desk.tick().0.is_empty(), "once a day");
}

#[test]
fn the_digest_body_lists_what_is_due_and_what_is_coming() {
    let desk = Desk::new("2026-11-24T09:30");
    for name in ["A", "B", "C"] {
        desk.customer(name, Some("1990-11-24"));
    }
    desk.customer("Soon", Some("1990-11-25"));
    desk.scheduler.tick().unwrap();
    let raised = desk.notifier.0.lock().unwrap().clone();
    assert_eq!(raised.len(), 1);
    assert_eq!(
        raised[0].summary,
        "3 today: A’s birthday (36), B’s birthday (36), …"
    );
    assert_eq!(
        raised[0].body,
        "A’s birthday (36)\nB’s birthday (36)\nC’s birthday (36)\n1 coming up in the next days"
    );
}

#[test]
fn a_jump_forward_delivers_what_was_missed_once() {
    let desk = Desk::new("2026-11-24T07:00");
    desk.customer("Anna Berg", Some("1985-11-24"));
    let finn = desk.customer("Finn", None);
    desk.follow_up(&finn, "2026-11-24T12:00");
    assert!(desk.tick().0.is_empty());

    // The laptop slept from 07:00 to 17:00.
    desk.clock.advance(Duration::hours(10));
    let (raised, _) = desk.tick();
    assert_eq!(
        raised,
        [
            "2 today: Anna Berg’s birthday (41), follow up with Finn".to_string(),
            "Follow up with Finn (12:00)".to_string()
        ]
    );
    assert!(desk.tick().0.is_empty());

    // The clock is set back to 13:00 (after both were raised): nothing again.
    desk.clock.set(at("2026-11-24T13:00"));
    assert!(desk.tick().0.is_empty());
    // Nor after a restart.
    let desk = desk.restart();
    assert!(desk.tick().0.is_empty());
}

#[test]
fn the_next_wake_is_the_next_timed_follow_up_when_sooner_than_a_minute() {
    let desk = Desk::new("2026-11-24T13:59");
    let finn = desk.customer("Finn", None);
    desk.follow_up(&finn, "2026-11-24T14:00");
    desk.clock
        .set(at("2026-11-24T13:59") + Duration::seconds(30));
    let (raised, wait) = desk.tick();
    // The digest of the day (09:00) already went out with this follow-up in it.
    assert_eq!(raised, ["1 today: follow up with Finn"]);
    assert_eq!(wait, StdDuration::from_secs(30));
    desk.clock.advance(Duration::seconds(30));
    assert_eq!(desk.tick().0, ["Follow up with Finn (14:00)"]);
}

#[test]
fn starting_late_catches_up_thirty_days_of_timed_follow_ups() {
    let desk = Desk::new("2026-11-24T10:00");
    let finn = desk.customer("Finn", None);
    desk.follow_up(&finn, "2026-10-20T10:00"); // 35 days ago: too old to announce now
    desk.follow_up(&finn, "2026-11-14T10:00"); // 10 days ago
    let mut settings = desk.app.settings().unwrap();
    settings.notifications.digest = false;
    desk.app.save_settings(&settings).unwrap();
    assert_eq!(desk.tick().0, ["Follow up with Finn (10:00)"]);
    // Both are still on the list, overdue: the notice is only a nudge.
    assert_eq!(desk.app.due_today().unwrap(), 2);
}

#[test]
fn done_or_snoozed_follow_ups_are_not_announced() {
    let desk = Desk::new("2026-11-24T08:00");
    let finn = desk.customer("Finn", None);
    desk.follow_up(&finn, "2026-11-24T10:00");
    let key = desk
        .app
        .agenda(None, regulars::agenda::Horizon::Notice)
        .unwrap()
        .items[0]
        .key
        .clone();
    desk.app
        .reminder_snooze(&key, "2026-11-25".parse().unwrap())
        .unwrap();
    desk.clock.set(at("2026-11-24T11:00"));
    assert!(desk.tick().0.is_empty(), "snoozed, and nothing else is due");
}

#[test]
fn many_follow_ups_due_at_once_become_one_notice() {
    let desk = Desk::new("2026-11-24T06:00");
    for (name, time) in [
        ("A", "07:00"),
        ("B", "07:30"),
        ("C", "08:00"),
        ("D", "08:15"),
    ] {
        let id = desk.customer(name, None);
        desk.follow_up(&id, &format!("2026-11-24T{time}"));
    }
    desk.clock.set(at("2026-11-24T08:30"));
    let (raised, _) = desk.tick();
    assert_eq!(raised, ["4 follow-ups are due"]);
    assert!(desk.tick().0.is_empty());
}

#[test]
fn a_quiet_day_raises_nothing_and_is_not_retried() {
    let desk = Desk::new("2026-11-24T09:05");
    assert!(desk.tick().0.is_empty());
    desk.customer("Anna", Some("1985-11-24"));
    // The day's digest moment has passed and was recorded; tomorrow's will tell.
    assert!(desk.tick().0.is_empty());
    desk.clock.set(at("2026-11-25T09:00"));
    assert_eq!(desk.tick().0, ["1 overdue: Anna’s birthday (41)"]);
}
