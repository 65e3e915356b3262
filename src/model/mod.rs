//! Plain data types of the product, shared by the store, the CLI and the UI
//! (whose TypeScript twins are generated from these by ts-rs). No I/O here.

mod customer;
mod partial_date;
mod validation;

pub use customer::{
    Channel, Customer, CustomerDraft, CustomerId, CustomerKind, DateDraft, ImportantDate,
};
pub use partial_date::{PartialDate, PartialDateError};
pub use validation::{validate_new_customer, ValidationError, LIMITS};
