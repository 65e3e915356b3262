//! The façade's error: one type with a stable `kind` for programs and a message
//! for people. The CLI prints the message; the desktop shell sends the report over IPC.

use serde::Serialize;
use ts_rs::TS;

use crate::model::ValidationError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error("no customer with id {0}")]
    CustomerNotFound(String),
    #[error("{0:?} is not a customer id")]
    BadId(String),
    #[error("no segment with id {0}")]
    SegmentNotFound(String),
    #[error(
        "no template of yours with id {0} (Regulars’ own templates cannot be changed; save a copy)"
    )]
    TemplateNotFound(String),
    #[error("no order with id {0}")]
    OrderNotFound(String),
    #[error("no product with id {0}")]
    ProductNotFound(String),
    #[error("no complaint with key {0}")]
    ComplaintNotFound(String),
    #[error("no import {0} to undo (it was undone already, or never finished)")]
    ImportNotFound(String),
    #[error("no reminder {0}: the customer no longer has that date or follow-up")]
    ReminderNotFound(String),
    #[error("the last action on {0} can no longer be undone: that customer changed since")]
    UndoOutdated(String),
    #[error(
        "no data directory: set {} or pass --data-dir",
        crate::paths::DATA_DIR_ENV
    )]
    NoDataDir,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What crosses the IPC boundary: serializable, stable. (The CLI prints the message as one stderr line.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ErrorReport {
    /// Stable machine code: `invalid`, `not-found`, `already-open`, `store-unreadable`,
    /// `store-newer`, `store-lost-data`, `store-corrupt-record`, `io`, `write-failed`,
    /// `conflict` (an undo that would overwrite a later change).
    pub kind: String,
    /// For `invalid`: the field the message is about (`name`, `emails[1]`, `birthday`…).
    pub field: Option<String>,
    /// A sentence for the owner.
    pub message: String,
}

impl Error {
    /// The stable machine code of this error.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Invalid(_) | Error::BadId(_) => "invalid",
            Error::CustomerNotFound(_)
            | Error::ReminderNotFound(_)
            | Error::SegmentNotFound(_)
            | Error::TemplateNotFound(_)
            | Error::OrderNotFound(_)
            | Error::ProductNotFound(_)
            | Error::ComplaintNotFound(_)
            | Error::ImportNotFound(_) => "not-found",
            Error::UndoOutdated(_) => "conflict",
            Error::NoDataDir => "io",
            Error::Store(s) => match s {
                StoreError::AlreadyOpen { .. } => "already-open",
                StoreError::Unreadable { .. } => "store-unreadable",
                StoreError::LostData { .. } => "store-lost-data",
                StoreError::NewerSchema { .. } => "store-newer",
                StoreError::CorruptRecord { .. } => "store-corrupt-record",
                StoreError::Io { .. } => "io",
                StoreError::Write { .. } => "write-failed",
            },
        }
    }

    pub fn report(&self) -> ErrorReport {
        let (field, message) = match self {
            Error::Invalid(v) => (Some(v.field.clone()), v.message.clone()),
            other => (None, other.to_string()),
        };
        ErrorReport {
            kind: self.kind().to_owned(),
            field,
            message,
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
