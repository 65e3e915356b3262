//! Backups, restore, a customer's own export and a true erase.
//!
//! Backups are whole JSON documents ([`crate::backup`]) written to a temporary
//! file, synced and renamed, so a backup either exists whole or not at all.
//! Restore and erase replace the store's files ([`crate::store::whole`]), which
//! needs the store closed: they are functions of the data directory, called
//! with no [`Regulars`] open on it (the CLI before it opens one; the app after
//! closing its own).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::Regulars;
use crate::backup::{Backup, BackupCounts};
use crate::clock::Clock;
use crate::complaints::ComplaintView;
use crate::error::{Error, Result};
use crate::model::{Customer, Feedback, Interaction, OrderView, ValidationError};
use crate::settings::Settings;
use crate::store::{whole, Store, StoreError};

/// Backup files are named `regulars-<when>.json` (UTC), so they sort by age;
/// automatic ones `regulars-auto-<when>.json`, so pruning never takes the owner's own.
const PREFIX: &str = "regulars-";
const AUTO: &str = "auto-";
const STAMP: &str = "%Y-%m-%dT%H%M%SZ";

/// A backup file, as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupInfo {
    #[ts(type = "string")]
    pub path: PathBuf,
    #[ts(type = "string")]
    pub made_at: DateTime<Utc>,
    pub automatic: bool,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// What a restore would bring, beside what is there now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RestorePreview {
    pub backup: BackupCounts,
    pub current: BackupCounts,
}

/// Everything held about one customer (a privacy request).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CustomerExport {
    pub format: String,
    pub customer: Customer,
    #[ts(type = "Array<unknown>")]
    pub interactions: Vec<Interaction>,
    pub orders: Vec<OrderView>,
    pub feedback: Vec<Feedback>,
    pub complaints: Vec<ComplaintView>,
    /// Reminder occurrences done, dismissed or snoozed: `key` → action.
    #[ts(type = "Array<unknown>")]
    pub reminders: Vec<crate::backup::ReminderRecord>,
}

/// What an erase did, and what it could not reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ErasureReport {
    pub customer_name: String,
    /// Backups made before the erase still hold the customer: the owner decides
    /// whether to delete them.
    pub backups_with_customer: Vec<BackupInfo>,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| {
        Error::Store(StoreError::Io {
            path: path.to_owned(),
            source,
        })
    }
}

/// The folder backups go to under `settings` for the data in `data_dir`.
pub fn backup_folder(data_dir: &Path, settings: &Settings) -> PathBuf {
    settings
        .backups
        .folder
        .as_deref()
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map_or_else(|| data_dir.join("backups"), PathBuf::from)
}

/// The backups in `folder`, newest first.
pub fn list_backups(folder: &Path) -> Result<Vec<BackupInfo>> {
    let entries = match fs::read_dir(folder) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(folder)(e)),
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name
            .strip_prefix(PREFIX)
            .and_then(|n| n.strip_suffix(".json"))
        else {
            continue;
        };
        let (automatic, stamp) = match stem.strip_prefix(AUTO) {
            Some(s) => (true, s),
            None => (false, stem),
        };
        let Ok(at) = NaiveDateTime::parse_from_str(stamp, STAMP) else {
            continue;
        };
        out.push(BackupInfo {
            path: entry.path(),
            made_at: at.and_utc(),
            automatic,
            bytes: entry.metadata().map(|m| m.len()).unwrap_or(0),
        });
    }
    out.sort_by(|a, b| b.made_at.cmp(&a.made_at).then_with(|| b.path.cmp(&a.path)));
    Ok(out)
}

/// Writes `text` to `path` whole or not at all: a temporary file, synced, renamed.
fn write_whole(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let tmp = path.with_extension("json.partial");
    let result = (|| {
        let file = fs::File::create(&tmp)?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        write(&mut out)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        fs::rename(&tmp, path)?;
        if let Some(dir) = path.parent() {
            fs::File::open(dir)?.sync_all()?;
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(io(path))
}

impl Regulars {
    /// Writes a backup to `file` (the owner's choice of name).
    pub fn export_backup(&self, file: &Path) -> Result<BackupCounts> {
        let backup = self.store.dump()?;
        write_whole(file, |out| {
            serde_json::to_writer(&mut *out, &backup).map_err(std::io::Error::other)?;
            out.write_all(b"\n")
        })?;
        Ok(backup.counts())
    }

    /// Writes a backup into `folder` (default: the backup folder), named by the time.
    pub fn backup_now(&self, folder: Option<&Path>) -> Result<BackupInfo> {
        self.backup_into(folder, false)
    }

    fn backup_into(&self, folder: Option<&Path>, automatic: bool) -> Result<BackupInfo> {
        let settings = self.store.settings()?;
        let folder =
            folder.map_or_else(|| backup_folder(self.data_dir(), &settings), Path::to_owned);
        fs::create_dir_all(&folder).map_err(io(&folder))?;
        let now = self.clock.now();
        let name = format!(
            "{PREFIX}{}{}.json",
            if automatic { AUTO } else { "" },
            now.format(STAMP)
        );
        let path = folder.join(name);
        self.export_backup(&path)?;
        let bytes = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        Ok(BackupInfo {
            path,
            made_at: now,
            automatic,
            bytes,
        })
    }

    /// The backups in the backup folder, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        let settings = self.store.settings()?;
        list_backups(&backup_folder(self.data_dir(), &settings))
    }

    /// Makes today's automatic backup if there is none since the start of today
    /// (local), and keeps the newest N automatic ones. The scheduler calls this.
    pub fn automatic_backup_if_due(&self) -> Result<Option<BackupInfo>> {
        let settings = self.store.settings()?;
        if !settings.backups.automatic || self.store.is_empty() {
            return Ok(None);
        }
        let folder = backup_folder(self.data_dir(), &settings);
        let start_of_day = self
            .clock
            .local_moment(self.clock.today().and_time(chrono::NaiveTime::MIN));
        let existing = list_backups(&folder)?;
        if existing
            .iter()
            .any(|b| b.automatic && b.made_at >= start_of_day)
        {
            return Ok(None);
        }
        let made = self.backup_into(Some(&folder), true)?;
        let all = list_backups(&folder)?;
        for old in all
            .iter()
            .filter(|b| b.automatic)
            .skip(settings.backups.keep as usize)
        {
            fs::remove_file(&old.path).map_err(io(&old.path))?;
        }
        Ok(Some(made))
    }

    /// What restoring `file` would bring, beside what is here now.
    pub fn restore_preview(&self, file: &Path) -> Result<RestorePreview> {
        let backup = read_backup(file)?;
        Ok(RestorePreview {
            backup: backup.counts(),
            current: self.store.record_counts(),
        })
    }

    /// Writes everything held about one customer into the exports folder (the
    /// owner's Downloads) as JSON, and says where.
    pub fn export_customer_to_folder(&self, customer_id: &str) -> Result<PathBuf> {
        let export = self.export_customer(customer_id)?;
        let folder = crate::paths::exports_folder(self.data_dir());
        fs::create_dir_all(&folder).map_err(io(&folder))?;
        let slug: String = export
            .customer
            .name
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        let file = folder.join(format!("regulars-customer-{}.json", slug.trim_matches('-')));
        write_whole(&file, |out| {
            serde_json::to_writer_pretty(&mut *out, &export).map_err(std::io::Error::other)?;
            out.write_all(b"\n")
        })?;
        Ok(file)
    }

    /// Everything held about one customer, as one JSON-ready document.
    pub fn export_customer(&self, customer_id: &str) -> Result<CustomerExport> {
        let c = self.customer(customer_id)?;
        let dump_reminders = self.store.reminders_of(&c.id)?;
        Ok(CustomerExport {
            format: "regulars-customer-export".into(),
            interactions: self.store.interactions_of(&c.id)?,
            orders: self.orders_of(customer_id)?,
            feedback: self.feedback_of(customer_id)?,
            complaints: self.complaints_of(customer_id)?,
            reminders: dump_reminders,
            customer: c,
        })
    }
}

/// Reads and checks a backup file, naming the file in any error.
pub fn read_backup(file: &Path) -> Result<Backup> {
    let text = fs::read(file).map_err(io(file))?;
    Backup::parse(&text).map_err(|e| {
        ValidationError::new(e.field, format!("{}: {}", file.display(), e.message)).into()
    })
}

/// Replaces all data in `data_dir` with the backup in `file`. The current data
/// is first backed up into the backup folder (named `regulars-<when>.json`),
/// so a restore can itself be undone. `clock` names that safety backup.
pub fn restore(data_dir: &Path, file: &Path, clock: Box<dyn Clock>) -> Result<BackupCounts> {
    let backup = read_backup(file)?;
    {
        let app = Regulars::open_with_clock(data_dir, clock)?;
        app.backup_now(None)?;
    }
    whole::replace(data_dir, |_, fresh| fresh.load(&backup))?;
    Ok(backup.counts())
}

/// Loads a backup into an empty store (`import json`): refused when the store
/// already holds customers, so nothing is mixed up or overwritten.
pub fn import_backup(data_dir: &Path, file: &Path) -> Result<BackupCounts> {
    let backup = read_backup(file)?;
    {
        let store = Store::open(data_dir)?;
        if !store.is_empty() {
            return Err(ValidationError::new(
                "file",
                format!(
                    "the store already has {} customers; import a backup into an empty store, or restore it to replace everything",
                    store.counts().customers
                ),
            )
            .into());
        }
    }
    whole::replace(data_dir, |_, fresh| fresh.load(&backup))?;
    Ok(backup.counts())
}

/// Erases a customer and everything that is theirs, then rewrites the store's
/// files so that nothing of them stays readable in the data directory (sled
/// keeps old versions in its log until it is rewritten). Backups made before
/// are listed, not touched.
pub fn erase_customer(
    data_dir: &Path,
    customer_id: &str,
    clock: Box<dyn Clock>,
) -> Result<ErasureReport> {
    let (name, backups) = {
        let app = Regulars::open_with_clock(data_dir, clock)?;
        let c = app.customer(customer_id)?;
        app.delete_customer(customer_id)?;
        // The quick-note draft may be about them (it holds the chosen customer's
        // id, or the owner typed their name): unsent text about them goes too.
        let names: Vec<String> = std::iter::once(c.id.to_string())
            .chain(c.name.split_whitespace().map(str::to_owned))
            .chain(c.nickname.clone())
            .filter(|n| n.chars().count() >= 3)
            .collect();
        if app
            .quick_note_draft()?
            .is_some_and(|d| names.iter().any(|n| d.contains(n.as_str())))
        {
            app.save_quick_note_draft("")?;
        }
        (c.name, app.backups()?)
    };
    whole::replace(data_dir, whole::copy_all)?;
    Ok(ErasureReport {
        customer_name: name,
        backups_with_customer: backups,
    })
}
