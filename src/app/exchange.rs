//! Open formats in and out at the level of files: vCard and CSV contacts in
//! (through [`Regulars::import_contacts`]), vCard, CSV and iCalendar out.
//! Files are read as streams and written whole or not at all.

use std::cell::Cell;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::rc::Rc;

use super::Regulars;
use crate::error::{Error, Result};
use crate::export;
use crate::import::{
    customers_csv, vcard, Contact, ContactsFormat, ContactsImport, Duplicates, ImportProgress,
    ImportReport, ImportStage,
};
use crate::model::{OrderView, ValidationError};
use crate::store::StoreError;

/// What to write, and in which form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum ExportKind {
    /// vCard 4.0 (Google and Apple read it).
    Vcard,
    /// vCard 3.0, for older address books.
    Vcard3,
    CsvCustomers,
    CsvOrders,
    /// Birthdays and yearly dates as yearly events, follow-ups as events.
    Ics,
}

impl Regulars {
    /// Imports a vCard file (2.1, 3.0, 4.0; read card by card).
    pub fn import_vcard(
        &self,
        source: &str,
        input: impl BufRead,
        duplicates: Duplicates,
        dry_run: bool,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportReport> {
        let contacts = vcard::read(input).map(|card| {
            card.map(|c| Contact {
                line: c.line,
                draft: c.draft,
                note: c.note,
            })
        });
        self.import_contacts(source, contacts, duplicates, dry_run, progress)
    }

    /// Imports a CSV of contacts with `mapping` (from [`customers_csv::preview`],
    /// perhaps fixed by the owner).
    pub fn import_contacts_csv(
        &self,
        source: &str,
        input: impl Read,
        mapping: &customers_csv::Mapping,
        duplicates: Duplicates,
        dry_run: bool,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportReport> {
        let contacts = customers_csv::read(input, mapping)
            .map(|row| row.map(|(line, draft, note)| Contact { line, draft, note }));
        self.import_contacts(source, contacts, duplicates, dry_run, progress)
    }

    /// Imports the contacts file at `file` as `how` asks, streaming it: the
    /// file is never held whole. `progress` hears the bytes read out of the
    /// file's size while reading, then the customers saved.
    pub fn import_contacts_file(
        &self,
        file: &Path,
        how: &ContactsImport,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportReport> {
        let source = file.file_name().map_or_else(
            || file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let opened = std::fs::File::open(file).map_err(|e| unreadable(&e))?;
        let total = opened.metadata().map(|m| m.len()).unwrap_or(0);
        let read = Rc::new(Cell::new(0_u64));
        let input = BufReader::new(Counted {
            inner: opened,
            read: Rc::clone(&read),
        });
        let mut heard = |mut step: ImportProgress| {
            if step.stage == ImportStage::Reading {
                step.done = read.get().min(total);
                step.total = total;
            }
            progress(step);
        };
        let duplicates = how.duplicates;
        match (how.format, &how.mapping) {
            (ContactsFormat::Vcard, _) => {
                self.import_vcard(&source, input, duplicates, how.dry_run, &mut heard)
            }
            (ContactsFormat::Csv, Some(mapping)) => self.import_contacts_csv(
                &source,
                input,
                mapping,
                duplicates,
                how.dry_run,
                &mut heard,
            ),
            (ContactsFormat::Csv, None) => Err(Error::Invalid(ValidationError::new(
                "mapping",
                "a CSV import needs its column mapping (from the preview)",
            ))),
        }
    }

    /// What the contacts CSV at `file` holds (its header, first rows, whose
    /// export it looks like) and the mapping proposed for it; reads only the
    /// first rows.
    pub fn preview_contacts_file(&self, file: &Path) -> Result<customers_csv::Preview> {
        let opened = std::fs::File::open(file).map_err(|e| unreadable(&e))?;
        customers_csv::preview(BufReader::new(opened), 5)
            .map_err(|e| Error::Invalid(ValidationError::new("file", e.to_string())))
    }

    /// Writes `kind` of everything to `file`, whole or not at all.
    pub fn export_file(&self, kind: ExportKind, file: &Path) -> Result<()> {
        let tmp = file.with_extension("partial");
        let written = (|| -> Result<()> {
            let f = std::fs::File::create(&tmp).map_err(|e| io(&tmp, e))?;
            let mut out = std::io::BufWriter::new(f);
            self.export_to(kind, &mut out)?;
            let f = out.into_inner().map_err(|e| io(&tmp, e.into_error()))?;
            f.sync_all().map_err(|e| io(&tmp, e))?;
            std::fs::rename(&tmp, file).map_err(|e| io(file, e))
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written
    }

    /// Writes `kind` of everything to `out`.
    pub fn export_to(&self, kind: ExportKind, out: &mut impl Write) -> Result<()> {
        let customers = self.customers()?;
        let failed = |e: std::io::Error| Error::from(ValidationError::new("file", e.to_string()));
        match kind {
            ExportKind::Vcard | ExportKind::Vcard3 => {
                let version = if kind == ExportKind::Vcard {
                    export::vcard::VcardVersion::V4
                } else {
                    export::vcard::VcardVersion::V3
                };
                export::vcard::write(&customers, version, out).map_err(failed)
            }
            ExportKind::CsvCustomers => export::csv::customers(&customers, out)
                .map_err(|e| failed(std::io::Error::other(e))),
            ExportKind::CsvOrders => {
                let mut rows: Vec<(OrderView, String, Option<String>)> = Vec::new();
                for c in &customers {
                    for o in self.store.orders_of(&c.id)? {
                        rows.push((o.into(), c.name.clone(), c.emails.first().cloned()));
                    }
                }
                export::csv::orders(&rows, out).map_err(|e| failed(std::io::Error::other(e)))
            }
            ExportKind::Ics => {
                let settings = self.store.settings()?;
                let names: std::collections::HashMap<_, &str> =
                    customers.iter().map(|c| (c.id, c.name.as_str())).collect();
                let mut follow_ups = Vec::new();
                for i in self.store.open_follow_ups_until(chrono::NaiveDate::MAX)? {
                    if let Some(name) = names.get(&i.customer_id) {
                        follow_ups.push((i, (*name).to_owned()));
                    }
                }
                let options = export::ics::IcsOptions {
                    leap_day: settings.reminders.leap_day,
                    ..Default::default()
                };
                export::ics::write(&customers, &follow_ups, &options, self.clock.now(), out)
                    .map_err(failed)
            }
        }
    }
}

impl ExportKind {
    fn file_name(self) -> (&'static str, &'static str) {
        match self {
            ExportKind::Vcard => ("contacts", "vcf"),
            ExportKind::Vcard3 => ("contacts-vcard3", "vcf"),
            ExportKind::CsvCustomers => ("customers", "csv"),
            ExportKind::CsvOrders => ("orders", "csv"),
            ExportKind::Ics => ("dates", "ics"),
        }
    }
}

impl Regulars {
    /// Writes `kind` into the exports folder (the owner's Downloads) and says where.
    pub fn export_to_folder(&self, kind: ExportKind) -> Result<std::path::PathBuf> {
        let folder = crate::paths::exports_folder(self.data_dir());
        std::fs::create_dir_all(&folder).map_err(|e| io(&folder, e))?;
        let (name, ext) = kind.file_name();
        let stamp = self.clock.now().format("%Y-%m-%d-%H%M%S");
        let file = folder.join(format!("regulars-{name}-{stamp}.{ext}"));
        self.export_file(kind, &file)?;
        Ok(file)
    }

    /// Keeps the calendar file of the settings up to date: rewritten when
    /// anything changed since it was last written (or it is new or gone).
    /// The scheduler calls this after every change.
    pub fn refresh_calendar_file(&self) -> Result<Option<std::path::PathBuf>> {
        let settings = self.store.settings()?;
        let Some(file) = settings
            .calendar_file
            .as_deref()
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(std::path::PathBuf::from)
        else {
            return Ok(None);
        };
        let generation = self.store.generation();
        let mut written = self
            .calendar_written
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let fresh = written
            .as_ref()
            .is_some_and(|(g, f)| *g == generation && *f == file && file.exists());
        if fresh {
            return Ok(None);
        }
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        }
        self.export_file(ExportKind::Ics, &file)?;
        *written = Some((generation, file.clone()));
        Ok(Some(file))
    }
}

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Store(StoreError::Io {
        path: path.to_owned(),
        source,
    })
}

/// A reader that counts the bytes it has read, for progress by size.
struct Counted<R> {
    inner: R,
    read: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

/// A file that cannot be opened, and why (the caller knows its name).
pub(super) fn unreadable(e: &std::io::Error) -> Error {
    Error::Invalid(ValidationError::new(
        "file",
        format!("the file cannot be opened ({e})"),
    ))
}
