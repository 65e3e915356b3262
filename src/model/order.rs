//! What customers buy: the catalogue of products and services, and orders with
//! their lines. Totals are computed from the lines, never stored apart from them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Currency, CustomerId, Money};

/// A UUID v7 identity newtype: time-ordered, shown and parsed as the UUID text.
macro_rules! uuid_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize, ::ts_rs::TS)]
        #[serde(transparent)]
        #[ts(export, type = "string")]
        pub struct $name(::uuid::Uuid);

        impl $name {
            pub fn new_v7() -> Self {
                Self(::uuid::Uuid::now_v7())
            }
            pub fn as_bytes(&self) -> &[u8; 16] {
                self.0.as_bytes()
            }
            pub fn from_bytes(bytes: [u8; 16]) -> Self {
                Self(::uuid::Uuid::from_bytes(bytes))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                ::uuid::Uuid::parse_str(s.trim()).map(Self)
            }
        }
    };
}
pub(crate) use uuid_id;

uuid_id!(
    /// A product's or service's identity (UUID v7).
    ProductId
);
uuid_id!(
    /// An order's identity (UUID v7).
    OrderId
);

/// Something the business sells, with its usual price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Product {
    pub id: ProductId,
    pub name: String,
    #[serde(default)]
    pub category: Option<String>,
    pub unit_price: Money,
    /// Inactive products are kept for history but not offered for new orders.
    pub active: bool,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

/// One line of an order: what, how many, at what price each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrderLine {
    pub product_id: ProductId,
    /// The product's name when the order was taken (a later rename keeps history readable).
    pub product: String,
    pub quantity: u32,
    /// Minor units in the order's currency.
    #[ts(type = "number")]
    pub unit_price_minor: i64,
}

impl OrderLine {
    pub fn amount_minor(&self) -> i64 {
        self.unit_price_minor
            .saturating_mul(i64::from(self.quantity))
    }
}

/// An order as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Order {
    pub id: OrderId,
    pub customer_id: CustomerId,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub currency: Currency,
    pub lines: Vec<OrderLine>,
    #[serde(default)]
    pub note: Option<String>,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

impl Order {
    /// The sum of the lines (validation keeps it far from overflow).
    pub fn total(&self) -> Money {
        Money::new(
            self.lines
                .iter()
                .map(OrderLine::amount_minor)
                .fold(0_i64, i64::saturating_add),
            self.currency,
        )
    }

    /// "2 × Bread, 1 × Butter": the order in one line, for the timeline.
    pub fn summary(&self) -> String {
        let items: Vec<String> = self
            .lines
            .iter()
            .map(|l| format!("{} × {}", l.quantity, l.product))
            .collect();
        items.join(", ")
    }
}

/// An order as shown: the stored order with its computed total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OrderView {
    #[serde(flatten)]
    pub order: Order,
    pub total: Money,
}

impl From<Order> for OrderView {
    fn from(order: Order) -> Self {
        let total = order.total();
        Self { order, total }
    }
}

/// One line as the owner typed it; quantity and price as text so that "-2" or
/// "12,505" get a message naming the line instead of a type error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields = nullable)]
pub struct OrderLineDraft {
    /// A product's name; a new name adds it to the catalogue.
    pub product: String,
    /// A whole number above 0.
    pub quantity: String,
    /// In major units (`12.50`); empty takes the catalogue's price.
    pub unit_price: Option<String>,
    /// For a product new to the catalogue.
    pub category: Option<String>,
}

/// An order as the owner typed it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields = nullable)]
pub struct OrderDraft {
    /// `YYYY-MM-DD`; empty means today.
    pub date: Option<String>,
    /// ISO 4217; empty means the business currency (Settings).
    pub currency: Option<String>,
    pub lines: Vec<OrderLineDraft>,
    pub note: Option<String>,
}

/// A product as the owner typed it in the catalogue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields = nullable)]
pub struct ProductDraft {
    pub name: String,
    pub category: Option<String>,
    /// Major units, `12.50`.
    pub unit_price: String,
    /// Empty means the business currency.
    pub currency: Option<String>,
    pub active: bool,
}
