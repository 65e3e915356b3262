//! Regulars core: every rule of the product, with no GUI and no Tauri.
//!
//! - [`model`]: the plain types (Customer, PartialDate…) and their validation.
//! - [`store`]: the sled store — the only module that touches sled.
//! - [`agenda`]: the daily reminder list (birthdays, yearly dates, follow-ups, keep in touch).
//! - [`messages`]: message templates, rendering and channel links (mailto:, sms:, WhatsApp).
//! - [`notices`]: desktop notifications and the scheduler that decides when to raise them.
//! - [`settings`]: the owner's reminder and notification preferences.
//! - [`app`]: the façade ([`Regulars`]) through which the CLI and the shell reach every use case.
//! - [`complaints`]: the complaints policy as rules (deadlines) and the complaints overview.
//! - [`backup`]: the full, versioned, lossless JSON backup and its checks.
//! - [`clock`]: "now" and the owner's time zone, as a parameter (fixed in tests).
//! - [`demo`]: reproducible sample customers and notes, for trying the app and benchmarks.
//! - [`export`]: open formats out (vCard, CSV, iCalendar), as pure functions.
//! - [`import`]: bringing records in from files (orders from CSV), with a report per line.
//! - [`insights`]: who buys what, when, and who is drifting away (pure, over order lines).
//! - [`error`]: the façade's error and its serializable report for IPC and `--json`.
//! - [`listing`]: the customer list's rows, filters and sort, answered from the index.
//! - [`segments`]: saved list queries for the sidebar, and bulk changes to a selection.
//! - [`search`]: finding customers as the owner types (an index derived from the store).
//! - [`paths`]: the default data directory, shared by the CLI and the desktop app.

pub mod agenda;
pub mod app;
pub mod backup;
pub mod clock;
pub mod complaints;
pub mod demo;
pub mod error;
pub mod export;
pub mod import;
pub mod insights;
pub mod listing;
pub mod messages;
pub mod model;
pub mod notices;
pub mod paths;
pub mod search;
pub mod segments;
pub mod settings;
pub mod store;

pub use app::Regulars;
pub use clock::{Clock, FixedClock, ManualClock, SystemClock};
pub use error::{Error, ErrorReport};
