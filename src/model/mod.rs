//! Plain data types of the product, shared by the store, the CLI and the UI
//! (whose TypeScript twins are generated from these by ts-rs). No I/O here.

mod customer;
mod interaction;
mod partial_date;
mod validation;

pub use customer::{
    Address, Channel, CustomField, Customer, CustomerDraft, CustomerId, CustomerKind,
    CustomerStatus, DateDraft, ImportantDate, RelationKind, Relationship,
};
pub use interaction::{
    FollowUp, Interaction, InteractionDraft, InteractionId, InteractionKind, TimelineEntry,
};
pub use partial_date::{PartialDate, PartialDateError};
pub use validation::{
    validate_edit, validate_interaction, validate_new_customer, ValidationError, LIMITS,
};
