//! The real notifier against a real notification daemon: dunst, started here on
//! the private D-Bus session and virtual display that scripts/test provides.

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use regulars::model::CustomerDraft;
use regulars::notices::Scheduler;
use regulars::{ManualClock, Regulars};

use regulars::notices::{Notice, Notifier};
use regulars_app_lib::notifications::{DesktopNotifier, APP_NAME};

struct Dunst(Child);

impl Drop for Dunst {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn bus_has_notification_service() -> bool {
    Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            "string:org.freedesktop.Notifications",
        ])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
        .unwrap_or(false)
}

/// One daemon at a time: tests in this file run on parallel threads.
static ONE_DAEMON: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn start_dunst() -> (Dunst, std::sync::MutexGuard<'static, ()>) {
    let turn = ONE_DAEMON
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
            && std::env::var_os("DISPLAY").is_some(),
        "needs a private D-Bus session and a display: run through scripts/test"
    );
    let config = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(config.path(), "[global]\n    timeout = 0\n").unwrap();
    let child = Command::new("dunst")
        .arg("-config")
        .arg(config.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dunst is installed (scripts/test installs it)");
    let dunst = Dunst(child);
    // Until dunst owns the name, a notification would D-Bus-activate a second daemon.
    let started = Instant::now();
    while !bus_has_notification_service() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "dunst did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // Keep the config alive as long as dunst may read it.
    std::mem::forget(config);
    (dunst, turn)
}

fn history() -> serde_json::Value {
    let out = Command::new("dunstctl").arg("history").output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The digest the core's scheduler raises for a birthday today, shown through
/// notify-rust by a real daemon: what the owner would see at 09:00.
#[test]
fn the_scheduler_s_digest_reaches_the_desktop_notification_daemon() {
    let _dunst = start_dunst();
    let dir = tempfile::tempdir().unwrap();
    let nine = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    let clock = Arc::new(ManualClock::new(nine, Utc));
    let app = Arc::new(Regulars::open_with_clock(dir.path(), Box::new(clock)).unwrap());
    let draft = CustomerDraft {
        name: "Anna Berg".into(),
        birthday: Some("1985-11-24".into()),
        ..Default::default()
    };
    app.add_customer(&draft).unwrap();
    let scheduler = Scheduler::new(Arc::clone(&app), Box::new(DesktopNotifier::new(None)));
    scheduler.tick().unwrap();

    let found = shown_by_daemon();
    assert_eq!(
        found["summary"]["data"],
        "1 today: Anna Berg’s birthday (41)"
    );
    assert_eq!(found["body"]["data"], "Anna Berg’s birthday (41)");
    // Recorded: the next tick (or a restart) raises nothing more.
    scheduler.tick().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let _ = Command::new("dunstctl").arg("close-all").status();
    let ours = history()["data"][0]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|e| e["appname"]["data"] == APP_NAME)
        .count();
    assert_eq!(ours, 1);
}

#[test]
fn a_notice_reaches_the_desktop_notification_daemon() {
    let _dunst = start_dunst();
    let notice = Notice {
        keys: vec!["digest/2026-11-24".into()],
        summary: "3 today: Anna's birthday (41)".into(),
        body: "Follow up with Finn · Bakery Nord's anniversary".into(),
    };
    DesktopNotifier::new(None).notify(&notice).unwrap();
    let found = shown_by_daemon();
    assert_eq!(found["summary"]["data"], notice.summary);
    assert_eq!(found["body"]["data"], notice.body);
}

/// Our notification, read back from the daemon's history.
fn shown_by_daemon() -> serde_json::Value {
    // Move what is displayed into the history, where dunstctl can read it back.
    let started = Instant::now();
    loop {
        let _ = Command::new("dunstctl").arg("close-all").status();
        let h = history();
        let entries = h["data"][0].as_array().cloned().unwrap_or_default();
        if let Some(e) = entries
            .into_iter()
            .find(|e| e["appname"]["data"] == APP_NAME)
        {
            return e;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no notification arrived: {h}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
