use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::import::{customers_csv, orders_csv};
use crate::model::{
    validate_new_customer, Currency, CustomerDraft, CustomerId, DateDraft, Order, OrderId,
    OrderLine, ProductId,
};

fn customer(n: u8, draft: CustomerDraft) -> Customer {
    let now = Utc.with_ymd_and_hms(2026, 5, 1, 9, 30, 0).unwrap();
    validate_new_customer(
        &draft,
        CustomerId::from_bytes([n; 16]),
        now,
        now.date_naive(),
    )
    .unwrap()
}

fn anna() -> Customer {
    customer(
        1,
        CustomerDraft {
            name: "Anna Berg".into(),
            given_name: Some("Anna".into()),
            family_name: Some("Berg".into()),
            company: Some("Berg, Lund & Co".into()),
            role: Some("Owner".into()),
            emails: vec!["anna@example.com".into(), "anna.berg@work.example".into()],
            phones: vec!["+46 70 123 45 67".into()],
            birthday: Some("--03-22".into()),
            dates: vec![DateDraft {
                label: "Wedding".into(),
                date: "2010-06-12".into(),
            }],
            tags: vec!["regular".into(), "cakes".into()],
            addresses: vec![
                Address {
                    city: Some("Lund".into()),
                    country: Some("Sweden".into()),
                    ..Default::default()
                },
                Address {
                    label: Some("work".into()),
                    street: Some("Storgatan 1".into()),
                    city: Some("Malmö".into()),
                    ..Default::default()
                },
            ],
            cadence_days: Some(30),
            ..Default::default()
        },
    )
}

fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
    assert!(bytes.starts_with(BOM), "the file starts with a BOM");
    ::csv::Reader::from_reader(&bytes[BOM.len()..])
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn column<'a>(headers: &[&str], row: &'a [String], name: &str) -> &'a str {
    &row[headers.iter().position(|h| *h == name).unwrap()]
}

#[test]
fn each_customer_is_one_row_with_lists_joined() {
    let mut out = Vec::new();
    customers(&[anna()], &mut out).unwrap();
    let rows = rows(&out);
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row.len(), CUSTOMER_HEADERS.len());
    let get = |name| column(&CUSTOMER_HEADERS, row, name);
    assert_eq!(get("id"), CustomerId::from_bytes([1; 16]).to_string());
    assert_eq!(get("name"), "Anna Berg");
    assert_eq!(get("kind"), "person");
    assert_eq!(get("status"), "active");
    assert_eq!(get("company"), "Berg, Lund & Co");
    assert_eq!(get("emails"), "anna@example.com; anna.berg@work.example");
    assert_eq!(get("birthday"), "'--03-22");
    assert_eq!(get("dates"), "Wedding=2010-06-12");
    assert_eq!(get("tags"), "regular; cakes");
    assert_eq!(get("cadence_days"), "30");
    assert_eq!(get("city"), "Lund");
    assert_eq!(get("country"), "Sweden");
    assert_eq!(get("other_addresses"), "work: Storgatan 1, Malmö");
    assert_eq!(get("created_at"), "2026-05-01T09:30:00+00:00");
    assert_eq!(get("archived_at"), "");
}

#[test]
fn cells_that_start_like_a_formula_get_a_leading_quote() {
    for (text, written) in [
        (
            "=HYPERLINK(\"http://x\",\"y\")",
            "'=HYPERLINK(\"http://x\",\"y\")",
        ),
        ("+46 70 123", "'+46 70 123"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Anna = cake", "Anna = cake"),
        ("O'Brien", "O'Brien"),
        ("", ""),
    ] {
        assert_eq!(cell(text), written, "{text:?}");
    }
    let evil = customer(
        2,
        CustomerDraft {
            name: "=cmd|' /C calc'!A0".into(),
            phones: vec!["+46 70 123".into()],
            source: Some("@import".into()),
            ..Default::default()
        },
    );
    let mut out = Vec::new();
    customers(&[evil], &mut out).unwrap();
    let row = &rows(&out)[0];
    let get = |name| column(&CUSTOMER_HEADERS, row, name);
    assert_eq!(get("name"), "'=cmd|' /C calc'!A0");
    assert_eq!(get("phones"), "'+46 70 123");
    assert_eq!(get("source"), "'@import");
}

fn order(n: u8, currency: &str, lines: &[(&str, u32, i64)], note: Option<&str>) -> OrderView {
    let at = Utc.with_ymd_and_hms(2026, 5, 1, 9, 30, 0).unwrap();
    Order {
        id: OrderId::from_bytes([n; 16]),
        customer_id: CustomerId::from_bytes([1; 16]),
        date: NaiveDate::from_ymd_opt(2026, 4, n.into()).unwrap(),
        currency: currency.parse::<Currency>().unwrap(),
        lines: lines
            .iter()
            .map(|(product, quantity, price)| OrderLine {
                product_id: ProductId::from_bytes([n; 16]),
                product: (*product).into(),
                quantity: *quantity,
                unit_price_minor: *price,
            })
            .collect(),
        note: note.map(Into::into),
        created_at: at,
        updated_at: at,
    }
    .into()
}

#[test]
fn each_order_line_is_one_row_with_its_orders_total() {
    let rows_in = [(
        order(
            3,
            "EUR",
            &[("Rye, dark", 2, 350), ("Butter", 1, 200)],
            Some("for Friday"),
        ),
        "Anna Berg".to_owned(),
        Some("anna@example.com".to_owned()),
    )];
    let mut out = Vec::new();
    orders(&rows_in, &mut out).unwrap();
    let rows = rows(&out);
    assert_eq!(rows.len(), 2);
    let get = |row: &[String], name: &str| column(&ORDER_HEADERS, row, name).to_owned();
    assert_eq!(
        get(&rows[0], "order_id"),
        OrderId::from_bytes([3; 16]).to_string()
    );
    assert_eq!(get(&rows[0], "date"), "2026-04-03");
    assert_eq!(get(&rows[0], "product"), "Rye, dark");
    assert_eq!(get(&rows[0], "quantity"), "2");
    assert_eq!(get(&rows[0], "unit_price"), "3.50");
    assert_eq!(get(&rows[0], "line_total"), "7.00");
    assert_eq!(get(&rows[0], "order_total"), "9.00");
    assert_eq!(get(&rows[1], "line_total"), "2.00");
    assert_eq!(get(&rows[1], "note"), "for Friday");
}

#[test]
fn amounts_have_their_currencys_decimals() {
    let rows_in = [
        (
            order(4, "JPY", &[("Tea", 3, 1200)], None),
            "Ken".to_owned(),
            None,
        ),
        (
            order(5, "KWD", &[("Dates", 1, 1250)], None),
            "Sara".to_owned(),
            None,
        ),
    ];
    let mut out = Vec::new();
    orders(&rows_in, &mut out).unwrap();
    let rows = rows(&out);
    let get = |row: &[String], name: &str| column(&ORDER_HEADERS, row, name).to_owned();
    assert_eq!(
        (get(&rows[0], "unit_price"), get(&rows[0], "line_total")),
        ("1200".into(), "3600".into())
    );
    assert_eq!(get(&rows[1], "unit_price"), "1.250");
    assert_eq!(get(&rows[1], "email"), "");
}

#[test]
fn exported_orders_read_back_with_the_orders_importer() {
    let rows_in = [
        (
            order(
                3,
                "EUR",
                &[("Rye, dark", 2, 350), ("Butter", 1, 200)],
                Some("for Friday"),
            ),
            "Anna Berg".to_owned(),
            Some("anna@example.com".to_owned()),
        ),
        // Same customer and day, another order: stays apart through its id.
        (
            order(3, "EUR", &[("Cake \"Åsa\"", 1, 4500)], None),
            "Anna Berg".to_owned(),
            Some("anna@example.com".to_owned()),
        ),
        (
            order(6, "SEK", &[("Bulle", 12, 2500)], None),
            "Finn".to_owned(),
            None,
        ),
    ];
    // Orders 1 and 2 share the id bytes [3; 16]; give the second its own.
    let mut rows_in = rows_in;
    rows_in[1].0.order.id = OrderId::from_bytes([9; 16]);
    let mut out = Vec::new();
    orders(&rows_in, &mut out).unwrap();
    let parsed = orders_csv::parse(out.as_slice()).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(parsed.rows, 4);
    assert_eq!(parsed.orders.len(), 3);
    let first = &parsed.orders[0];
    assert_eq!(first.customer.email.as_deref(), Some("anna@example.com"));
    assert_eq!(first.customer.name.as_deref(), Some("Anna Berg"));
    assert_eq!(first.draft.date.as_deref(), Some("2026-04-03"));
    assert_eq!(first.draft.currency.as_deref(), Some("EUR"));
    assert_eq!(first.draft.note.as_deref(), Some("for Friday"));
    assert_eq!(first.lines, vec![2, 3]);
    let lines: Vec<(&str, &str, Option<&str>)> = first
        .draft
        .lines
        .iter()
        .map(|l| {
            (
                l.product.as_str(),
                l.quantity.as_str(),
                l.unit_price.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        vec![
            ("Rye, dark", "2", Some("3.50")),
            ("Butter", "1", Some("2.00"))
        ]
    );
    assert_eq!(parsed.orders[1].draft.lines[0].product, "Cake \"Åsa\"");
    assert_eq!(parsed.orders[2].customer.email, None);
    assert_eq!(
        parsed.orders[2].draft.lines[0].unit_price.as_deref(),
        Some("25.00")
    );
}

#[test]
fn exported_customers_read_back_with_the_customers_importer() {
    let evil = customer(
        2,
        CustomerDraft {
            name: "-Minus Person".into(),
            phones: vec!["+46 70 123".into()],
            birthday: Some("1985-11-23".into()),
            ..Default::default()
        },
    );
    let mut out = Vec::new();
    customers(&[anna(), evil], &mut out).unwrap();
    let preview = customers_csv::preview(out.as_slice(), 5).unwrap();
    assert_eq!(preview.detected, customers_csv::Detected::Generic);
    let read: Vec<_> = customers_csv::read(out.as_slice(), &preview.mapping)
        .map(Result::unwrap)
        .collect();
    assert_eq!(read.len(), 2);
    let (line, a, _) = &read[0];
    assert_eq!(*line, 2);
    let expected = anna();
    assert_eq!(a.name, expected.name);
    assert_eq!(
        (&a.given_name, &a.family_name),
        (&expected.given_name, &expected.family_name)
    );
    assert_eq!(a.company, expected.company);
    assert_eq!(a.role, expected.role);
    assert_eq!(a.emails, expected.emails);
    assert_eq!(a.phones, expected.phones);
    assert_eq!(a.birthday.as_deref(), Some("--03-22"));
    assert_eq!(a.tags, expected.tags);
    assert_eq!(a.addresses[0].city.as_deref(), Some("Lund"));
    let (_, minus, _) = &read[1];
    assert_eq!(minus.name, "-Minus Person");
    assert_eq!(minus.phones, vec!["+46 70 123"]);
    assert_eq!(minus.birthday.as_deref(), Some("1985-11-23"));
}

#[test]
fn an_empty_export_is_the_header_alone() {
    let mut out = Vec::new();
    customers(&[], &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text, format!("\u{feff}{}\r\n", CUSTOMER_HEADERS.join(",")));
}
