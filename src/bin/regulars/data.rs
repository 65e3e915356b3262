//! `import`, `export`, `backup`, `restore`, `customer export` and `customer
//! erase`: open formats in and out, and the owner's data as a whole (CLI.md).

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use regulars::app::{backup, ExportKind};
use regulars::import::{ContactsFormat, ContactsImport, Duplicates};
use regulars::{paths, Error, Regulars, SystemClock};

use super::{emit, file_failed, print_json, Stop};

#[derive(Clone, Copy, ValueEnum)]
pub enum ImportFormat {
    Vcard,
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Vcard,
    Csv,
    Json,
    Ics,
}

/// Commands that replace the store's files run with no store open.
pub enum Offline {
    Restore {
        file: PathBuf,
        dry_run: bool,
    },
    ImportJson {
        file: PathBuf,
        dry_run: bool,
        json: bool,
    },
    Erase {
        id: String,
    },
}

pub fn data_dir(flag: Option<PathBuf>) -> Result<PathBuf, Stop> {
    flag.or_else(paths::default_data_dir)
        .ok_or_else(|| Stop::Failed(Error::NoDataDir.to_string()))
}

pub fn offline(dir: &Path, command: Offline) -> Result<(), Stop> {
    match command {
        Offline::Restore {
            file,
            dry_run: true,
        } => {
            let app = Regulars::open(dir)?;
            let preview = app.restore_preview(&file)?;
            print_json(&preview)
        }
        Offline::Restore {
            file,
            dry_run: false,
        } => {
            let counts = backup::restore(dir, &file, Box::new(SystemClock))?;
            emit(&format!(
                "restored {} customers, {} notes, {} orders from {} (what was there is in the backup folder)",
                counts.customers,
                counts.interactions,
                counts.orders,
                file.display()
            ))
        }
        Offline::ImportJson {
            file,
            dry_run,
            json,
        } => {
            let counts = if dry_run {
                backup::read_backup(&file)?.counts()
            } else {
                backup::import_backup(dir, &file)?
            };
            if json {
                return print_json(&serde_json::json!({
                    "imported": counts.customers,
                    "skipped": 0,
                    "errors": [],
                    "counts": counts,
                    "dry_run": dry_run,
                }));
            }
            let verb = if dry_run { "would import" } else { "imported" };
            emit(&format!(
                "{}: {verb} {} customers, {} notes, {} orders",
                file.display(),
                counts.customers,
                counts.interactions,
                counts.orders
            ))
        }
        Offline::Erase { id } => {
            let report = backup::erase_customer(dir, &id, Box::new(SystemClock))?;
            emit(&format!(
                "erased {} and everything that was theirs",
                report.customer_name
            ))?;
            if !report.backups_with_customer.is_empty() {
                emit(&format!(
                    "{} backups made before still hold them:",
                    report.backups_with_customer.len()
                ))?;
                for b in &report.backups_with_customer {
                    emit(&format!("  {}", b.path.display()))?;
                }
            }
            Ok(())
        }
    }
}

pub fn backup_now(app: &Regulars, dir: Option<PathBuf>) -> Result<(), Stop> {
    let made = app.backup_now(dir.as_deref())?;
    emit(&made.path.display().to_string())
}

/// How `export` was asked for: the format and its variant flags.
pub struct ExportAsk {
    pub format: ExportFormat,
    pub vcard_version: u8,
    pub orders: bool,
}

pub fn export(app: &Regulars, ask: ExportAsk, file: &Path) -> Result<(), Stop> {
    let kind = match ask.format {
        ExportFormat::Json => {
            app.export_backup(file)?;
            return Ok(());
        }
        ExportFormat::Vcard if ask.vcard_version == 3 => ExportKind::Vcard3,
        ExportFormat::Vcard => ExportKind::Vcard,
        ExportFormat::Csv if ask.orders => ExportKind::CsvOrders,
        ExportFormat::Csv => ExportKind::CsvCustomers,
        ExportFormat::Ics => ExportKind::Ics,
    };
    app.export_file(kind, file)
        .map_err(|e| Stop::Failed(format!("{}: {e}", file.display())))
}

/// `import vcard|csv FILE`: contacts in, with a report per line.
pub fn import(
    app: &Regulars,
    format: ImportFormat,
    file: &Path,
    duplicates: Duplicates,
    dry_run: bool,
    json: bool,
) -> Result<(), Stop> {
    let named = |e: Error| file_failed(file, e);
    let (format, mapping) = match format {
        ImportFormat::Vcard => (ContactsFormat::Vcard, None),
        ImportFormat::Csv => {
            let preview = app.preview_contacts_file(file).map_err(named)?;
            (ContactsFormat::Csv, Some(preview.mapping))
        }
        ImportFormat::Json => {
            return Err(Stop::Failed(
                "import json replaces the store's files and runs before it is opened".into(),
            ))
        }
    };
    let how = ContactsImport {
        format,
        mapping,
        duplicates,
        dry_run,
    };
    let report = app
        .import_contacts_file(file, &how, &mut |_| {})
        .map_err(named)?;
    if json {
        return print_json(&report);
    }
    let verb = if dry_run { "would import" } else { "imported" };
    emit(&format!(
        "{}: {verb} {} contacts ({} new, {} merged into existing customers); {} skipped",
        file.display(),
        report.imported,
        report.new_customers,
        report.merged,
        report.skipped
    ))?;
    for d in &report.duplicates {
        emit(&format!(
            "{}:{}: {} is already a customer ({}, same {})",
            file.display(),
            d.line,
            d.name,
            d.customer_name,
            d.matched_by
        ))?;
    }
    for p in &report.errors {
        emit(&format!("{}:{}: {}", file.display(), p.line, p.message))?;
    }
    if let Some(batch) = &report.batch {
        emit(&format!("undo it with: regulars undo-import {batch}"))?;
    }
    Ok(())
}

/// `undo-import [BATCH]`: the latest import, or the one named.
pub fn undo_import(app: &Regulars, batch: Option<String>) -> Result<(), Stop> {
    let id = match batch {
        Some(b) => b,
        None => app
            .import_batches()?
            .first()
            .map(|b| b.id.clone())
            .ok_or_else(|| Stop::Failed("there is no import to undo".into()))?,
    };
    let removed = app.undo_import(&id)?;
    emit(&format!(
        "undid import {id}: removed {removed} customers it had added"
    ))
}

pub fn export_customer(app: &Regulars, id: &str, file: &Path) -> Result<(), Stop> {
    let export = app.export_customer(id)?;
    let text = serde_json::to_string_pretty(&export).map_err(|e| e.to_string())?;
    std::fs::write(file, text + "\n")
        .map_err(|e| Stop::Failed(format!("{}: cannot be written ({e})", file.display())))
}
