//! Orders from a CSV file: one row per order line. Columns are found by header
//! name (case and spacing ignored; common alternatives accepted):
//!
//! - customer: `email` and/or `customer` (or `name`): matched by email first, then by name
//! - `date` (YYYY-MM-DD), `product`, `quantity` (or `qty`), `unit_price` (or `price`)
//! - optional: `currency`, `category`, `order` (an order reference: rows sharing
//!   customer, date and reference are one order; without it, customer and date)
//!   and `note`.
//!
//! Parsing only: the façade matches customers and validates each order.

use std::io::Read;

use super::ImportProblem;
use crate::model::{OrderDraft, OrderLineDraft};

/// Who a row's order is for, as the file says it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CustomerRef {
    pub email: Option<String>,
    pub name: Option<String>,
}

/// One order read from the file: its customer, the draft and the lines it came from.
#[derive(Debug, Clone)]
pub struct OrderRows {
    pub customer: CustomerRef,
    pub draft: OrderDraft,
    /// File line of each draft line, for messages.
    pub lines: Vec<u64>,
}

/// The file, parsed into orders (in file order) and the rows that could not be read.
#[derive(Debug, Default)]
pub struct Parsed {
    pub orders: Vec<OrderRows>,
    pub errors: Vec<ImportProblem>,
    pub rows: u64,
}

/// Why the file as a whole cannot be read (no header, a missing column).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct FileError(pub String);

fn normalise(header: &str) -> String {
    header
        .trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .replace([' ', '-'], "_")
}

fn column(headers: &[String], names: &[&str]) -> Option<usize> {
    headers.iter().position(|h| names.contains(&h.as_str()))
}

/// Reads the CSV from `input` (streaming, row by row).
pub fn parse(input: impl Read) -> Result<Parsed, FileError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        // Any \n ends a record (Trim drops a \r before it): the default CRLF
        // handling counts lines one short after every CRLF, and Excel writes CRLF.
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(input);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| FileError(format!("line 1: the header cannot be read ({e})")))?
        .iter()
        .map(normalise)
        .collect();
    let email = column(&headers, &["email", "e_mail", "customer_email"]);
    let name = column(&headers, &["customer", "name", "customer_name"]);
    let need = |names: &[&str], what: &str| {
        column(&headers, names).ok_or_else(|| {
            FileError(format!(
                "line 1: no {what} column (the header has: {})",
                headers.join(", ")
            ))
        })
    };
    if email.is_none() && name.is_none() {
        return Err(FileError(format!(
            "line 1: no customer column (`email` or `customer`); the header has: {}",
            headers.join(", ")
        )));
    }
    let date = need(&["date", "order_date"], "`date`")?;
    let product = need(&["product", "item", "product_name"], "`product`")?;
    let quantity = need(&["quantity", "qty"], "`quantity`")?;
    let price = column(&headers, &["unit_price", "price", "unit_price_major"]);
    let currency = column(&headers, &["currency"]);
    let category = column(&headers, &["category"]);
    let order_ref = column(&headers, &["order", "order_id", "order_ref", "reference"]);
    let note = column(&headers, &["note", "notes"]);

    let mut parsed = Parsed::default();
    // Rows of one order: (customer, date, reference) → index into parsed.orders.
    let mut open: std::collections::HashMap<(CustomerRef, String, String), usize> =
        Default::default();
    for record in reader.records() {
        parsed.rows += 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(parsed.rows + 1, |p| p.line());
                parsed.errors.push(ImportProblem {
                    line,
                    message: format!("cannot be read as CSV ({e})"),
                });
                continue;
            }
        };
        let line = record.position().map_or(parsed.rows + 1, |p| p.line());
        let cell = |i: Option<usize>| {
            i.and_then(|i| record.get(i))
                .map(str::to_owned)
                .filter(|s| !s.is_empty())
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let customer = CustomerRef {
            email: cell(email).map(|e| e.to_lowercase()),
            name: cell(name),
        };
        if customer.email.is_none() && customer.name.is_none() {
            parsed.errors.push(ImportProblem {
                line,
                message: "no customer (email or name) on this row".into(),
            });
            continue;
        }
        let day = cell(Some(date)).unwrap_or_default();
        let reference = cell(order_ref).unwrap_or_default();
        let key = (customer.clone(), day.clone(), reference);
        let at = *open.entry(key).or_insert_with(|| {
            parsed.orders.push(OrderRows {
                customer: customer.clone(),
                draft: OrderDraft {
                    date: Some(day.clone()),
                    currency: cell(currency),
                    lines: Vec::new(),
                    note: cell(note),
                },
                lines: Vec::new(),
            });
            parsed.orders.len() - 1
        });
        let order = &mut parsed.orders[at];
        order.draft.lines.push(OrderLineDraft {
            product: cell(Some(product)).unwrap_or_default(),
            quantity: cell(Some(quantity)).unwrap_or_default(),
            unit_price: cell(price),
            category: cell(category),
        });
        order.lines.push(line);
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_of_one_customer_and_day_are_one_order() {
        let csv = "Email,Date,Product,Qty,Price\n\
                   anna@example.com,2026-11-01,Bread,2,3.50\n\
                   anna@example.com,2026-11-01,Butter,1,2.00\n\
                   finn@example.com,2026-11-02,Bread,1,3.50\n";
        let p = parse(csv.as_bytes()).unwrap();
        assert_eq!(p.rows, 3);
        assert_eq!(p.orders.len(), 2);
        assert_eq!(p.orders[0].draft.lines.len(), 2);
        assert_eq!(p.orders[0].lines, vec![2, 3]);
        assert_eq!(
            p.orders[1].customer.email.as_deref(),
            Some("finn@example.com")
        );
    }

    #[test]
    fn a_missing_column_is_named_with_the_header_found() {
        let e = parse("email,date,qty\n".as_bytes()).unwrap_err();
        assert!(
            e.0.contains("`product`") && e.0.contains("email, date, qty"),
            "{e}"
        );
    }

    #[test]
    fn a_row_without_customer_is_reported_with_its_line() {
        let csv = "customer,date,product,quantity\n,2026-11-01,Bread,1\n";
        let p = parse(csv.as_bytes()).unwrap();
        assert_eq!(p.errors.len(), 1);
        assert_eq!(p.errors[0].line, 2);
    }

    #[test]
    fn rows_after_crlf_line_ends_keep_their_line_numbers() {
        let csv = "customer,date,product,quantity,price\r\nAnna,2026-11-01,Bread,1,3\r\n,2026-11-01,Bread,1,3\r\n";
        let p = parse(csv.as_bytes()).unwrap();
        assert_eq!(p.orders[0].lines, vec![2]);
        assert_eq!(p.errors[0].line, 3);
    }

    #[test]
    fn quoted_cells_keep_commas_and_the_bom_is_ignored() {
        let csv = "\u{feff}customer,date,product,quantity,price\n\"Berg, Anna\",2026-11-01,\"Rye, dark\",1,4\n";
        let p = parse(csv.as_bytes()).unwrap();
        assert_eq!(p.orders[0].customer.name.as_deref(), Some("Berg, Anna"));
        assert_eq!(p.orders[0].draft.lines[0].product, "Rye, dark");
    }
}
