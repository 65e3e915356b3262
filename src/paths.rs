//! Where Regulars keeps its data by default, shared by the CLI and the desktop app.

use std::path::PathBuf;

/// The desktop app's identifier; it names the data directory on every platform.
pub const APP_IDENTIFIER: &str = "org.regulars.desktop";

/// The environment variable that overrides the default data directory.
pub const DATA_DIR_ENV: &str = "REGULARS_DATA_DIR";

/// The platform's app-data directory for [`APP_IDENTIFIER`], which is what Tauri's
/// `app_data_dir()` resolves to (`~/.local/share/…` on Linux, `~/Library/Application
/// Support/…` on macOS, `%APPDATA%\…` on Windows).
pub fn platform_data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER))
}

/// `REGULARS_DATA_DIR` when set and not empty, else the platform directory.
pub fn default_data_dir() -> Option<PathBuf> {
    std::env::var_os(DATA_DIR_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(platform_data_dir)
}

/// Where files the owner exports from the app go: their Downloads folder, or
/// `exports/` in the data directory when the system has none.
pub fn exports_folder(data_dir: &std::path::Path) -> std::path::PathBuf {
    dirs::download_dir().unwrap_or_else(|| data_dir.join("exports"))
}
