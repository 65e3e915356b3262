//! CSV of customers (one row each) and of orders (one row per order line), for
//! spreadsheets and for moving data elsewhere. The orders file has the column
//! names `import::orders_csv` reads, so an export can be imported again.
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and some read a
//! leading tab or carriage return the same way) as a formula, so every text cell
//! that does is written with a leading `'` (OWASP's advice against CSV injection);
//! `import::customers_csv` takes that quote off again. Numbers this module formats
//! itself (quantities, amounts, days) are written as they are.
//!
//! Files start with a UTF-8 byte order mark (without it Excel reads UTF-8 as the
//! system's legacy code page and "Åsa" becomes "Ã…sa"; the importers skip it)
//! and end rows with CRLF, as RFC 4180 has it.

use std::io::Write;

use crate::model::{Address, Customer, OrderView};

/// The UTF-8 byte order mark.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// The customers file's columns.
pub const CUSTOMER_HEADERS: [&str; 28] = [
    "id",
    "name",
    "kind",
    "status",
    "given_name",
    "family_name",
    "nickname",
    "company",
    "role",
    "emails",
    "phones",
    "birthday",
    "dates",
    "tags",
    "channel",
    "source",
    "cadence_days",
    "street",
    "postal_code",
    "city",
    "region",
    "country",
    "other_addresses",
    "custom_fields",
    "archived_at",
    "last_contacted",
    "created_at",
    "updated_at",
];

/// The orders file's columns; `order_id`, `date`, `customer`, `email`, `product`,
/// `quantity`, `unit_price`, `currency` and `note` are those `orders_csv` reads.
pub const ORDER_HEADERS: [&str; 11] = [
    "order_id",
    "date",
    "customer",
    "email",
    "product",
    "quantity",
    "unit_price",
    "currency",
    "line_total",
    "order_total",
    "note",
];

/// How lists are joined in one cell.
const LIST: &str = "; ";

/// Writes one row per customer: lists joined with "; ", labelled dates and custom
/// fields as `label=value`, the first address in its own columns and any others
/// in `other_addresses`, times as RFC 3339 (UTC).
pub fn customers(customers: &[Customer], mut out: impl Write) -> ::csv::Result<()> {
    out.write_all(BOM)?;
    let mut w = writer(out);
    w.write_record(CUSTOMER_HEADERS)?;
    for c in customers {
        let first = c.addresses.first().cloned().unwrap_or_default();
        let part = |p: &Option<String>| cell(p.as_deref().unwrap_or_default());
        let others: Vec<String> = c.addresses.iter().skip(1).map(one_line).collect();
        let row: [String; 28] = [
            c.id.to_string(),
            cell(&c.name),
            serde_text(&c.kind),
            serde_text(&c.status),
            part(&c.given_name),
            part(&c.family_name),
            part(&c.nickname),
            part(&c.company),
            part(&c.role),
            cell(&c.emails.join(LIST)),
            cell(&c.phones.join(LIST)),
            cell(&c.birthday.map(|b| b.to_string()).unwrap_or_default()),
            cell(&labelled(
                c.dates.iter().map(|d| (&d.label, d.date.to_string())),
            )),
            cell(&c.tags.join(LIST)),
            c.channel.as_ref().map(serde_text).unwrap_or_default(),
            part(&c.source),
            c.cadence_days.map(|d| d.to_string()).unwrap_or_default(),
            part(&first.street),
            part(&first.postal_code),
            part(&first.city),
            part(&first.region),
            part(&first.country),
            cell(&others.join(LIST)),
            cell(&labelled(
                c.custom_fields.iter().map(|f| (&f.label, f.value.clone())),
            )),
            c.archived_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
            c.last_contacted.map(|t| t.to_rfc3339()).unwrap_or_default(),
            c.created_at.to_rfc3339(),
            c.updated_at.to_rfc3339(),
        ];
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

/// Writes one row per order line, each with its order's id, date, customer (name
/// and email), currency, total and note, so that `orders_csv` groups the rows of
/// one order back together. Prices are in major units with the currency's decimals.
pub fn orders(
    orders: &[(OrderView, String, Option<String>)],
    mut out: impl Write,
) -> ::csv::Result<()> {
    out.write_all(BOM)?;
    let mut w = writer(out);
    w.write_record(ORDER_HEADERS)?;
    for (view, customer, email) in orders {
        let order = &view.order;
        for line in &order.lines {
            let money = |minor| crate::model::Money::new(minor, order.currency).major_text();
            let row: [String; 11] = [
                order.id.to_string(),
                order.date.format("%Y-%m-%d").to_string(),
                cell(customer),
                cell(email.as_deref().unwrap_or_default()),
                cell(&line.product),
                line.quantity.to_string(),
                money(line.unit_price_minor),
                order.currency.code().to_owned(),
                money(line.amount_minor()),
                view.total.major_text(),
                cell(order.note.as_deref().unwrap_or_default()),
            ];
            w.write_record(&row)?;
        }
    }
    w.flush()?;
    Ok(())
}

/// A CSV writer with RFC 4180's CRLF line ends.
fn writer<W: Write>(out: W) -> ::csv::Writer<W> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out)
}

/// A text cell, with a leading `'` when a spreadsheet would run it as a formula.
fn cell(text: &str) -> String {
    if starts_like_a_formula(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Whether a spreadsheet may take `text` for a formula (OWASP's CSV injection list).
pub(crate) fn starts_like_a_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// `label=value; label=value`.
fn labelled<'a>(items: impl Iterator<Item = (&'a String, String)>) -> String {
    items
        .map(|(label, value)| format!("{label}={value}"))
        .collect::<Vec<_>>()
        .join(LIST)
}

/// An address on one line: "home: Storgatan 1, 111 22 Stockholm, Sweden".
fn one_line(a: &Address) -> String {
    let place = [a.postal_code.as_deref(), a.city.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let parts: Vec<&str> = [
        a.street.as_deref(),
        Some(place.as_str()),
        a.region.as_deref(),
        a.country.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|p| !p.is_empty())
    .collect();
    match &a.label {
        Some(label) => format!("{label}: {}", parts.join(", ")),
        None => parts.join(", "),
    }
}

/// A kebab-case enum as its wire name (`in-person`, `business`).
fn serde_text(value: &impl serde::Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

#[cfg(test)]
#[path = "csv_tests.rs"]
mod tests;
