//! Plain data types of the product, shared by the store, the CLI and the UI
//! (whose TypeScript twins are generated from these by ts-rs). No I/O here.

mod customer;
mod feedback;
mod interaction;
mod money;
pub(crate) mod order;
mod partial_date;
mod validation;

pub use customer::{
    Address, Channel, CustomField, Customer, CustomerDraft, CustomerId, CustomerKind,
    CustomerStatus, DateDraft, ImportantDate, RelationKind, Relationship,
};
pub use feedback::{
    Complaint, ComplaintDraft, ComplaintId, ComplaintStatus, Feedback, FeedbackDraft, FeedbackId,
    Severity,
};
pub use interaction::{
    FollowUp, Interaction, InteractionDraft, InteractionId, InteractionKind, TimelineEntry,
};
pub use money::{Currency, Money, MAX_MINOR};
pub use order::{
    Order, OrderDraft, OrderId, OrderLine, OrderLineDraft, OrderView, Product, ProductDraft,
    ProductId,
};
pub use partial_date::{PartialDate, PartialDateError};
pub use validation::{
    check_order_draft, name_key, order_date, validate_complaint, validate_edit, validate_feedback,
    validate_interaction, validate_new_customer, validate_order, validate_product,
    validate_resolution, OrderContext, ValidationError, LIMITS, MAX_ORDER_LINES, MAX_QUANTITY,
};
