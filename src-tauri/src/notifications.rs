//! Desktop notifications behind a small trait, so the reminder scheduler can be
//! tested with a fake notifier and a fake clock, and the real notifier against a
//! real notification daemon. Must never decide *what* to notify: that is the core's.

/// One notification as the owner will read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub summary: String,
    pub body: String,
}

#[derive(Debug, thiserror::Error)]
#[error("the desktop notification could not be shown: {0}")]
pub struct NotifyError(String);

pub trait Notifier: Send + Sync {
    fn notify(&self, notice: &Notice) -> Result<(), NotifyError>;
}

/// The system's notification service (D-Bus on Linux, Notification Center on
/// macOS, toasts on Windows) through notify-rust.
pub struct DesktopNotifier;

/// Name shown by the notification daemon; also how tests recognise ours.
pub const APP_NAME: &str = "Regulars";

impl Notifier for DesktopNotifier {
    fn notify(&self, notice: &Notice) -> Result<(), NotifyError> {
        notify_rust::Notification::new()
            .appname(APP_NAME)
            .summary(&notice.summary)
            .body(&notice.body)
            .show()
            .map(|_| ())
            .map_err(|e| NotifyError(e.to_string()))
    }
}
