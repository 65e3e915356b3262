//! The real notifier: the system's notification service (D-Bus on Linux,
//! Notification Center on macOS, toasts on Windows) through notify-rust. What to
//! notify and when is the core's (`regulars::notices`); this only shows it.

use std::sync::Arc;

use regulars::notices::{Notice, Notifier, NotifyError};

/// Name shown by the notification daemon; also how tests recognise ours.
pub const APP_NAME: &str = "Regulars";

/// Called when the owner clicks a notification (where the platform reports it).
pub type OnClick = Arc<dyn Fn() + Send + Sync>;

pub struct DesktopNotifier {
    on_click: Option<OnClick>,
}

impl DesktopNotifier {
    pub fn new(on_click: Option<OnClick>) -> Self {
        Self { on_click }
    }
}

impl Notifier for DesktopNotifier {
    fn notify(&self, notice: &Notice) -> Result<(), NotifyError> {
        let handle = notify_rust::Notification::new()
            .appname(APP_NAME)
            .summary(&notice.summary)
            .body(&notice.body)
            // "default" is the click on the notification itself.
            .action("default", "Open Regulars")
            .show()
            .map_err(|e| NotifyError(e.to_string()))?;
        if let Some(on_click) = self.on_click.clone() {
            // Blocks until the notification is clicked or closed: its own thread.
            std::thread::spawn(move || {
                handle.wait_for_action(|action| {
                    if action == "default" {
                        on_click();
                    }
                });
            });
        }
        Ok(())
    }
}
