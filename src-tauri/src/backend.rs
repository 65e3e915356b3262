//! The façade as managed state. If the store cannot be opened the app still
//! starts and every command answers with the reason, so the window can say what
//! is wrong instead of showing an empty list. A store held by another process
//! (a CLI command, a cron job) is tried again on the next command.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use regulars::{paths, ErrorReport, Regulars};

pub struct Backend {
    dir: Option<PathBuf>,
    open: Mutex<Option<Arc<Regulars>>>,
    /// Set on exit: nothing (the scheduler thread included) may reopen the store.
    closed: AtomicBool,
}

impl Backend {
    /// Uses the same data directory as the CLI (`regulars::paths`), and tries to open it.
    pub fn open_default() -> Self {
        let backend = Self {
            dir: paths::default_data_dir(),
            open: Mutex::new(None),
            closed: AtomicBool::new(false),
        };
        // The first command reports the error, if any; opening now just saves time.
        let _ = backend.get();
        backend
    }

    /// The open façade, opening it now if it was not (yet) available.
    pub fn get(&self) -> Result<Arc<Regulars>, ErrorReport> {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(app) = open.as_ref() {
            return Ok(Arc::clone(app));
        }
        if self.closed.load(Ordering::SeqCst) {
            return Err(ErrorReport {
                kind: "io".into(),
                field: None,
                message: "Regulars is closing".into(),
            });
        }
        let dir = self.dir.as_ref().ok_or_else(|| ErrorReport {
            kind: "io".into(),
            field: None,
            message: format!(
                "this system has no app-data directory; set {}",
                paths::DATA_DIR_ENV
            ),
        })?;
        let app = Arc::new(Regulars::open(dir).map_err(|e| e.report())?);
        *open = Some(Arc::clone(&app));
        // Read the order history in the background, so Insights opens at once.
        let warm = Arc::clone(&app);
        std::thread::spawn(move || {
            let _ = warm.prepare_insights();
        });
        Ok(app)
    }

    /// Runs `job` on the data directory with no store open (a restore or an
    /// erase replaces the store's files): closes the façade, waits for commands
    /// still holding it, runs the job, and opens it again. Other commands wait.
    pub fn exclusive<T>(
        &self,
        job: impl FnOnce(&std::path::Path) -> regulars::error::Result<T>,
    ) -> Result<T, ErrorReport> {
        let dir = self.dir.clone().ok_or_else(|| ErrorReport {
            kind: "io".into(),
            field: None,
            message: format!(
                "this system has no app-data directory; set {}",
                paths::DATA_DIR_ENV
            ),
        })?;
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(app) = open.take() {
            let patience = std::time::Instant::now();
            let mut app = app;
            // Commands and the scheduler hold it only for a moment.
            loop {
                match Arc::try_unwrap(app) {
                    Ok(alone) => {
                        drop(alone);
                        break;
                    }
                    Err(shared) if patience.elapsed() < std::time::Duration::from_secs(30) => {
                        app = shared;
                        std::thread::sleep(std::time::Duration::from_millis(20));
                    }
                    Err(shared) => {
                        *open = Some(shared);
                        return Err(ErrorReport {
                            kind: "already-open".into(),
                            field: None,
                            message: "Regulars is busy with your data; try again in a moment"
                                .into(),
                        });
                    }
                }
            }
        }
        let answer = job(&dir).map_err(|e| e.report());
        // Reopen whatever happened: the job leaves the store whole either way.
        if let Ok(app) = Regulars::open(&dir) {
            *open = Some(Arc::new(app));
        }
        answer
    }

    /// Closes the store cleanly (sled then needs no recovery on the next start).
    /// Commands still running keep their handle; the store closes when they finish.
    pub fn close(&self) {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        self.closed.store(true, Ordering::SeqCst);
        open.take();
    }
}
