//! "Start Regulars when I log in": registers the app with the system's login
//! items (an autostart .desktop file, a LaunchAgent, the Run key) through
//! tauri-plugin-autostart. It starts with `--minimized`: in the tray, no window.

use regulars::ErrorReport;
use tauri::AppHandle;
use tauri_plugin_autostart::ManagerExt;

/// The argument a login start passes, so the app opens in the tray only.
pub const MINIMIZED: &str = "--minimized";

pub fn plugin() -> tauri::plugin::TauriPlugin<tauri::Wry> {
    tauri_plugin_autostart::init(
        tauri_plugin_autostart::MacosLauncher::LaunchAgent,
        Some(vec![MINIMIZED]),
    )
}

/// Makes the system's login items match `enabled`.
pub fn apply(app: &AppHandle, enabled: bool) -> Result<(), ErrorReport> {
    let launcher = app.autolaunch();
    let fail = |e: tauri_plugin_autostart::Error| ErrorReport {
        kind: "io".into(),
        field: Some("start_at_login".into()),
        message: format!("could not change the login items: {e}"),
    };
    if launcher.is_enabled().unwrap_or(false) == enabled {
        return Ok(());
    }
    if enabled {
        launcher.enable().map_err(fail)
    } else {
        launcher.disable().map_err(fail)
    }
}
