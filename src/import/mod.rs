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

/// A contacts file the window read, to import (or dry-run).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, TS)]
#[ts(export)]
pub struct ContactsFile {
    pub format: ContactsFormat,
    /// The file's name, remembered with the import batch.
    pub name: String,
    pub text: String,
    /// For CSV: the column mapping (as previewed, perhaps changed).
    pub mapping: Option<customers_csv::Mapping>,
    pub duplicates: Duplicates,
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum ContactsFormat {
    Vcard,
    Csv,
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
