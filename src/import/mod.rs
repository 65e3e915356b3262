//! Bringing records in from files. Each importer parses into drafts, judges
//! every record with the same rules as typing it, and reports what it would
//! do (or did) with line numbers; nothing is written unless the whole batch is.

pub mod orders_csv;

use serde::Serialize;
use ts_rs::TS;

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
}
