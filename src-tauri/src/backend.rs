//! The façade as managed state. If the store cannot be opened the app still
//! starts, and every command answers with the reason, so the window can say what
//! is wrong instead of showing an empty list.

use std::path::PathBuf;
use std::thread::sleep;
use std::time::{Duration, Instant};

use regulars::{paths, ErrorReport, Regulars};
use tauri::{AppHandle, Manager, Runtime};

pub struct Backend(Result<Regulars, ErrorReport>);

/// How long to wait for a CLI command that holds the store for a moment.
const OPEN_PATIENCE: Duration = Duration::from_secs(3);

impl Backend {
    pub fn open<R: Runtime>(app: &AppHandle<R>) -> Self {
        Self(data_dir(app).and_then(|dir| open_patiently(&dir)))
    }

    pub fn get(&self) -> Result<&Regulars, ErrorReport> {
        self.0.as_ref().map_err(Clone::clone)
    }
}

/// `REGULARS_DATA_DIR` if set, else the platform app-data directory for our
/// identifier, which is also the CLI's default (see `regulars::paths`).
fn data_dir<R: Runtime>(app: &AppHandle<R>) -> Result<PathBuf, ErrorReport> {
    if let Some(dir) = std::env::var_os(paths::DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    app.path().app_data_dir().map_err(|e| ErrorReport {
        kind: "io".into(),
        field: None,
        message: format!("no app-data directory on this system: {e}"),
    })
}

fn open_patiently(dir: &std::path::Path) -> Result<Regulars, ErrorReport> {
    let started = Instant::now();
    loop {
        match Regulars::open(dir) {
            Ok(app) => return Ok(app),
            Err(e) if e.kind() == "already-open" && started.elapsed() < OPEN_PATIENCE => {
                sleep(Duration::from_millis(100));
            }
            Err(e) => return Err(e.report()),
        }
    }
}
