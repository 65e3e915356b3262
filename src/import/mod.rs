//! Bringing records in from files. Each importer parses into drafts, judges
//! every record with the same rules as typing it, and reports what it would
//! do (or did) with line numbers; nothing is written unless the whole batch is.

pub mod customers_csv;
pub mod orders_csv;
pub mod vcard;

use serde::Serialize;
use ts_rs::TS;

use crate::model::CustomerDraft;

/// One customer read from a file (a vCard, a CSV row), before it is judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// Where it starts in the file (1-based).
    pub line: u64,
    pub draft: CustomerDraft,
    /// Free text that goes on their timeline as a note (vCard NOTE, a CSV notes column).
    pub note: Option<String>,
}

/// What to do with a contact who is already a customer (same email, phone or name).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum Duplicates {
    /// Add what the file knows and the customer lacks (emails, phones, tags, dates…).
    #[default]
    Merge,
    Skip,
}

/// How to import a contacts file the owner chose: everything but the file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, TS)]
#[ts(export)]
pub struct ContactsImport {
    pub format: ContactsFormat,
    /// For CSV: the column mapping (as previewed, perhaps changed).
    pub mapping: Option<customers_csv::Mapping>,
    pub duplicates: Duplicates,
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum ContactsFormat {
    Vcard,
    Csv,
}

impl ContactsFormat {
    /// What a contacts file holds: by its name's extension, else by whether
    /// its first bytes open a vCard.
    pub fn of(name: &str, head: &[u8]) -> ContactsFormat {
        let name = name.to_lowercase();
        if name.ends_with(".vcf") || name.ends_with(".vcard") {
            return ContactsFormat::Vcard;
        }
        if name.ends_with(".csv") {
            return ContactsFormat::Csv;
        }
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let start = head.iter().position(|b| !b.is_ascii_whitespace());
        let opens_vcard = start
            .and_then(|at| head.get(at..at + 11))
            .is_some_and(|w| w.eq_ignore_ascii_case(b"BEGIN:VCARD"));
        if opens_vcard {
            ContactsFormat::Vcard
        } else {
            ContactsFormat::Csv
        }
    }
}

/// What a file the owner is asked to choose is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum FileKind {
    /// Contacts to import: vCard or CSV.
    Contacts,
    /// Orders to import: CSV.
    Orders,
    /// A backup to restore (Regulars' JSON), perhaps from another computer.
    Backup,
}

/// A file the owner chose in the system's file dialog, as the window knows
/// it: a token to name it by (never its path), its name and size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ChosenFile {
    pub token: String,
    pub name: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// What a contacts file holds (by name, else by its first bytes).
    pub format: ContactsFormat,
}

/// Where a long import is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum ImportStage {
    /// Reading and checking the file.
    Reading,
    /// Writing what it held into the store (not in a dry run).
    Saving,
}

/// How far an import has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportProgress {
    pub stage: ImportStage,
    /// Reading: bytes of the file read so far; saving: customers saved.
    #[ts(type = "number")]
    pub done: u64,
    /// Reading: the file's size in bytes (0 if unknown); saving: customers to save.
    #[ts(type = "number")]
    pub total: u64,
    /// Contacts read so far.
    #[ts(type = "number")]
    pub contacts: u64,
}

/// A contact found to be an existing customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DuplicateFound {
    pub line: u64,
    pub name: String,
    pub customer_id: String,
    pub customer_name: String,
    /// `email`, `phone` or `name`.
    pub matched_by: String,
}

/// A record that could not be imported, and why, with where it is in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportProblem {
    /// 1-based line of the file (the header is line 1).
    pub line: u64,
    pub message: String,
}

/// What an import did, or (a dry run) would do. The first three keys are the
/// CLI's JSON contract.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportReport {
    pub imported: u64,
    pub skipped: u64,
    pub errors: Vec<ImportProblem>,
    /// Rows whose customer matched no one (by email, then by name).
    pub unmatched: Vec<ImportProblem>,
    /// Orders made of the imported rows (rows of one order share customer, date and order ref).
    pub orders: u64,
    /// Products the import adds to the catalogue.
    pub new_products: Vec<String>,
    pub dry_run: bool,
    /// Customers the import adds (contacts).
    pub new_customers: u64,
    /// Existing customers it adds to (contacts, with duplicates merged).
    pub merged: u64,
    pub duplicates: Vec<DuplicateFound>,
    /// The batch to undo this import with (`None` for a dry run or an empty import).
    pub batch: Option<String>,
}
