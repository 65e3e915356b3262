//! The scheduler thread: runs the core's `Scheduler::tick` on start, whenever the
//! data changes (a nudge from a command), and when the wait it returns has passed
//! (never more than a minute, so suspend/resume and clock changes are noticed).
//! After each tick it updates the tray's count.

use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

use regulars::notices::{Scheduler, RECHECK};
use tauri::{AppHandle, Manager};

use crate::notifications::{DesktopNotifier, OnClick};
use crate::{tray, Backend};

#[derive(Default)]
struct Signal {
    /// (nudged, stopping)
    state: Mutex<(bool, bool)>,
    cv: Condvar,
}

/// Managed state: lets commands wake the scheduler and the exit path stop it.
pub struct SchedulerHandle {
    signal: Arc<Signal>,
}

impl SchedulerHandle {
    pub fn start(app: AppHandle, on_click: OnClick) -> Self {
        let signal = Arc::new(Signal::default());
        let theirs = Arc::clone(&signal);
        let spawned = std::thread::Builder::new()
            .name("reminders".into())
            .spawn(move || run(app, theirs, on_click));
        if let Err(e) = spawned {
            eprintln!("regulars: the reminder scheduler could not start: {e}");
        }
        Self { signal }
    }

    /// Something changed: look again now (a new follow-up, a reminder done…).
    pub fn nudge(&self) {
        let mut state = self
            .signal
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        state.0 = true;
        self.signal.cv.notify_all();
    }

    pub fn stop(&self) {
        let mut state = self
            .signal
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        state.1 = true;
        self.signal.cv.notify_all();
    }
}

fn run(app: AppHandle, signal: Arc<Signal>, on_click: OnClick) {
    loop {
        let wait = tick(&app, &on_click);
        let state = signal.state.lock().unwrap_or_else(PoisonError::into_inner);
        let (mut state, _) = signal
            .cv
            .wait_timeout_while(state, wait, |(nudged, stopping)| !*nudged && !*stopping)
            .unwrap_or_else(PoisonError::into_inner);
        if state.1 {
            return;
        }
        state.0 = false;
    }
}

/// One pass: raise what is due, refresh the tray. The store is taken per pass,
/// so the thread never keeps it open past the app's exit.
fn tick(app: &AppHandle, on_click: &OnClick) -> Duration {
    let Ok(regulars) = app.state::<Backend>().get() else {
        return RECHECK; // unreadable or held elsewhere: the window says why; retry
    };
    let notifier = DesktopNotifier::new(Some(Arc::clone(on_click)));
    let wait = Scheduler::new(Arc::clone(&regulars), Box::new(notifier))
        .tick()
        .unwrap_or_else(|e| {
            eprintln!("regulars: reminders: {e}");
            RECHECK
        });
    if let Ok(due) = regulars.due_today() {
        tray::show_due(app, due);
    }
    // Today's automatic backup, if not made yet (cheap to ask; made once a day).
    if let Err(e) = regulars.automatic_backup_if_due() {
        eprintln!("regulars: automatic backup: {e}");
    }
    // The calendar file a calendar app subscribes to, if the owner set one.
    if let Err(e) = regulars.refresh_calendar_file() {
        eprintln!("regulars: calendar file: {e}");
    }
    wait
}
