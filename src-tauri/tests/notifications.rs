//! The real notifier against a real notification daemon: dunst, started here on
//! the private D-Bus session and virtual display that scripts/test provides.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use regulars_app_lib::notifications::{DesktopNotifier, Notice, Notifier, APP_NAME};

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

fn start_dunst() -> Dunst {
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
    dunst
}

fn history() -> serde_json::Value {
    let out = Command::new("dunstctl").arg("history").output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_notice_reaches_the_desktop_notification_daemon() {
    let _dunst = start_dunst();
    let notice = Notice {
        summary: "3 today: Anna's birthday (41)".into(),
        body: "Follow up with Finn · Bakery Nord's anniversary".into(),
    };
    DesktopNotifier.notify(&notice).unwrap();

    // Move what is displayed into the history, where dunstctl can read it back.
    let started = Instant::now();
    let found = loop {
        let _ = Command::new("dunstctl").arg("close-all").status();
        let h = history();
        let entries = h["data"][0].as_array().cloned().unwrap_or_default();
        if let Some(e) = entries
            .into_iter()
            .find(|e| e["appname"]["data"] == APP_NAME)
        {
            break e;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no notification arrived: {h}"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(found["summary"]["data"], notice.summary);
    assert_eq!(found["body"]["data"], notice.body);
}
