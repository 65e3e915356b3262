//! With a tray, closing the window leaves Regulars running (so reminders still
//! arrive), and launching it again brings the window back. A real window manager
//! (openbox) asks the window to close, as the title bar's × does.

use std::process::Command;
use std::time::{Duration, Instant};

use regulars_e2e::{app_binary, RunningApp, WindowManager};

/// Whether a window titled exactly "Regulars" is mapped (shown).
fn window_shown() -> bool {
    Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", "^Regulars$"])
        .output()
        .map(|o| o.status.success() && !o.stdout.is_empty())
        .unwrap_or(false)
}

async fn wait_until(what: &str, mut check: impl FnMut() -> bool) {
    let started = Instant::now();
    while !check() {
        assert!(started.elapsed() < Duration::from_secs(10), "{what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn closing_the_window_keeps_regulars_running_and_a_relaunch_shows_it() {
    let wm = WindowManager::start();
    let data = tempfile::tempdir().unwrap();
    let app = RunningApp::launch(data.path()).await;
    wait_until("the window is shown", window_shown).await;

    // The window manager's close: what clicking × does.
    let closed = Command::new("wmctrl")
        .args(["-c", "Regulars"])
        .status()
        .unwrap();
    assert!(closed.success());
    wait_until("the window hides", || !window_shown()).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(
        regulars_e2e::app_is_running(),
        "closing the window quit Regulars"
    );
    assert!(
        matches!(
            regulars::Regulars::open(data.path()),
            Err(regulars::Error::Store(
                regulars::store::StoreError::AlreadyOpen { .. }
            ))
        ),
        "the running app still holds its data"
    );

    // Launching again hands over to the running app, which shows its window.
    let second = Command::new(app_binary())
        .env("REGULARS_DATA_DIR", data.path())
        .status()
        .unwrap();
    assert!(second.success());
    wait_until("the window comes back", window_shown).await;
    app.quit().await;
    drop(wm);
}
