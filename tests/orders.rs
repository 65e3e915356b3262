//! Orders, the catalogue, order drops and seasons in the daily list, CSV import
//! and insights, through the façade on a real store in a temp dir, with a clock
//! we move by hand.

use std::sync::Arc;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::{Europe::Berlin, Tz};
use regulars::agenda::{Horizon, ItemKind};
use regulars::messages::Occasion;
use regulars::model::{CustomerDraft, OrderDraft, OrderLineDraft};
use regulars::{ManualClock, Regulars};

struct Shop {
    app: Regulars,
    clock: Arc<ManualClock<Tz>>,
    dir: tempfile::TempDir,
}

fn shop(today: &str) -> Shop {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(noon(today), Berlin));
    let app = Regulars::open_with_clock(dir.path(), Box::new(Arc::clone(&clock))).unwrap();
    Shop { app, clock, dir }
}

fn noon(date: &str) -> chrono::DateTime<Utc> {
    let d = day(date);
    Berlin
        .from_local_datetime(&d.and_hms_opt(12, 0, 0).unwrap())
        .earliest()
        .unwrap()
        .with_timezone(&Utc)
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn customer(app: &Regulars, name: &str, email: Option<&str>) -> String {
    let draft = CustomerDraft {
        name: name.into(),
        emails: email.map(str::to_owned).into_iter().collect(),
        ..Default::default()
    };
    app.add_customer(&draft).unwrap().id.to_string()
}

fn line(product: &str, qty: &str, price: Option<&str>) -> OrderLineDraft {
    OrderLineDraft {
        product: product.into(),
        quantity: qty.into(),
        unit_price: price.map(Into::into),
        category: None,
    }
}

fn order(date: &str, lines: Vec<OrderLineDraft>) -> OrderDraft {
    OrderDraft {
        date: Some(date.into()),
        lines,
        ..Default::default()
    }
}

fn buy(s: &Shop, id: &str, date: &str) {
    s.app
        .add_order(id, &order(date, vec![line("Bread", "1", Some("3.50"))]))
        .unwrap();
}

#[test]
fn an_order_totals_its_lines_and_adds_new_products_to_the_catalogue() {
    let s = shop("2026-11-23");
    let anna = customer(&s.app, "Anna Berg", None);
    let o = s
        .app
        .add_order(
            &anna,
            &order(
                "2026-11-20",
                vec![
                    line("Sourdough", "2", Some("6.50")),
                    line("Butter", "1", Some("4,20")),
                ],
            ),
        )
        .unwrap();
    assert_eq!((o.total.minor, o.total.currency.code()), (1720, "EUR"));
    let names: Vec<String> = s
        .app
        .products()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Butter", "Sourdough"]);
    // A known product takes the catalogue's price when none is given; "sourdough " is the same one.
    let again = s
        .app
        .add_order(
            &anna,
            &order("2026-11-22", vec![line("sourdough ", "3", None)]),
        )
        .unwrap();
    assert_eq!(again.total.minor, 1950);
    assert_eq!(s.app.products().unwrap().len(), 2);
}

#[test]
fn an_order_appears_on_the_timeline_and_resets_the_keep_in_touch_clock() {
    let s = shop("2026-11-23");
    let draft = CustomerDraft {
        name: "Finn Holm".into(),
        cadence_days: Some(30),
        ..Default::default()
    };
    let finn = s.app.add_customer(&draft).unwrap().id.to_string();
    s.clock.set(noon("2027-01-10"));
    let due = |s: &Shop| {
        s.app
            .agenda(None, Horizon::Notice)
            .unwrap()
            .items
            .iter()
            .any(|i| i.kind == ItemKind::KeepInTouch)
    };
    assert!(due(&s), "30 days without contact");
    buy(&s, &finn, "2027-01-10");
    assert!(!due(&s), "an order is contact");
    let timeline = s.app.timeline(&finn).unwrap();
    assert_eq!(timeline[0].kind, "order");
    assert_eq!(timeline[0].text, "1 × Bread — 3.50 EUR");
}

#[test]
fn bad_orders_name_the_line_and_field_and_write_nothing() {
    let s = shop("2026-11-23");
    let anna = customer(&s.app, "Anna Berg", None);
    let before = s.app.store().counts();
    let cases = [
        (
            order("2026-11-20", vec![line("Bread", "-2", Some("3"))]),
            "lines[0].quantity",
            "more than 0",
        ),
        (
            order(
                "2026-11-20",
                vec![line("Bread", "1", Some("3")), line("Jam", "1.5", Some("2"))],
            ),
            "lines[1].quantity",
            "whole number",
        ),
        (
            order("2026-02-30", vec![line("Bread", "1", Some("3"))]),
            "date",
            "no day 30",
        ),
        (
            order("2027-03-01", vec![line("Bread", "1", Some("3"))]),
            "date",
            "future",
        ),
        (
            order("2026-11-20", vec![line("Bread", "1", None)]),
            "lines[0].unit_price",
            "new to the catalogue",
        ),
        (
            order("2026-11-20", vec![line("Bread", "1", Some("3.999"))]),
            "lines[0].unit_price",
            "EUR has 2",
        ),
        (order("2026-11-20", vec![]), "lines", "at least one line"),
        (
            OrderDraft {
                currency: Some("EURO".into()),
                ..order("2026-11-20", vec![line("Bread", "1", Some("3"))])
            },
            "currency",
            "ISO 4217",
        ),
        (
            OrderDraft {
                note: Some("x".repeat(50 * 1024 * 1024)),
                ..order("2026-11-20", vec![line("Bread", "1", Some("3"))])
            },
            "note",
            "at most",
        ),
    ];
    for (draft, field, says) in cases {
        let e = s.app.add_order(&anna, &draft).unwrap_err().report();
        assert_eq!(e.field.as_deref(), Some(field), "{}", e.message);
        assert!(e.message.contains(says), "{field}: {}", e.message);
    }
    assert_eq!(s.app.store().counts(), before);
    assert!(s.app.products().unwrap().is_empty());
}

#[test]
fn editing_and_deleting_an_order_keeps_the_timeline_and_indexes_in_step() {
    let s = shop("2026-11-23");
    let anna = customer(&s.app, "Anna Berg", None);
    let o = s
        .app
        .add_order(
            &anna,
            &order("2026-11-01", vec![line("Bread", "1", Some("3"))]),
        )
        .unwrap();
    let id = o.order.id.to_string();
    let edited = s
        .app
        .update_order(&id, &order("2026-11-02", vec![line("Bread", "4", None)]))
        .unwrap();
    assert_eq!((edited.order.id, edited.total.minor), (o.order.id, 1200));
    assert_eq!(s.app.orders_of(&anna).unwrap().len(), 1);
    assert_eq!(s.app.store().counts().orders, 1);
    s.app.delete_order(&id).unwrap();
    assert!(s.app.orders_of(&anna).unwrap().is_empty());
    assert_eq!(s.app.store().counts().orders, 0);
    assert_eq!(
        s.app.delete_order(&id).unwrap_err().report().kind,
        "not-found"
    );
}

/// A customer ordering every 14 days who stopped: an `order-drop` on the list.
fn drifting(s: &Shop, name: &str, last: &str, orders: i64) -> String {
    let id = customer(&s.app, name, None);
    let last = day(last);
    for n in (0..orders).rev() {
        buy(s, &id, &(last - Duration::days(14 * n)).to_string());
    }
    id
}

#[test]
fn a_customer_who_stopped_their_rhythm_is_on_the_daily_list_with_the_reason() {
    let s = shop("2026-11-23");
    let anna = drifting(&s, "Anna Berg", "2026-09-14", 8);
    let steady = drifting(&s, "Finn Holm", "2026-11-16", 8);
    let list = s.app.agenda(None, Horizon::Notice).unwrap();
    let drops: Vec<_> = list
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::OrderDrop)
        .collect();
    assert_eq!(drops.len(), 1, "{drops:?}");
    assert_eq!(drops[0].customer_id.to_string(), anna);
    assert_eq!(
        drops[0].detail.as_deref(),
        Some("usually every 14 days; 70 days since the last order")
    );
    assert_ne!(drops[0].customer_id.to_string(), steady);
    // Done takes it off; a new order and a new drift bring a new one.
    s.app.reminder_done(&drops[0].key).unwrap();
    let count = |s: &Shop| {
        s.app
            .agenda(None, Horizon::Notice)
            .unwrap()
            .items
            .iter()
            .filter(|i| i.kind == ItemKind::OrderDrop)
            .count()
    };
    assert_eq!(count(&s), 0);
    buy(&s, &anna, "2026-11-23");
    s.clock.set(noon("2027-01-20"));
    assert_eq!(count(&s), 2, "both have stopped by January");
}

#[test]
fn an_order_drop_can_be_snoozed_and_a_wrong_key_is_refused() {
    let s = shop("2026-11-23");
    drifting(&s, "Anna Berg", "2026-09-14", 5);
    let key = s
        .app
        .agenda(None, Horizon::Notice)
        .unwrap()
        .items
        .into_iter()
        .find(|i| i.kind == ItemKind::OrderDrop)
        .unwrap()
        .key;
    s.app.reminder_snooze(&key, day("2026-11-30")).unwrap();
    let on = |d: &str| {
        s.app
            .agenda(Some(day(d)), Horizon::Notice)
            .unwrap()
            .items
            .iter()
            .any(|i| i.key == key)
    };
    assert!(!on("2026-11-23"));
    assert!(on("2026-11-30"));
    let stale = key.replace("2026-09-14", "2026-08-31");
    assert_eq!(
        s.app.reminder_done(&stale).unwrap_err().report().kind,
        "not-found"
    );
}

#[test]
fn a_customer_who_orders_every_november_is_reminded_two_weeks_ahead() {
    let s = shop("2026-10-01");
    let greta = customer(&s.app, "Greta Lund", None);
    for year in [2023, 2024, 2025] {
        buy(&s, &greta, &format!("{year}-11-15"));
    }
    let seasons = |d: &str| {
        s.app
            .agenda(Some(day(d)), Horizon::Notice)
            .unwrap()
            .items
            .into_iter()
            .filter(|i| i.kind == ItemKind::Season)
            .collect::<Vec<_>>()
    };
    assert!(seasons("2026-10-20").is_empty());
    let on = seasons("2026-11-01");
    assert_eq!(on.len(), 1, "{on:?}");
    assert_eq!(on[0].label, "Usually orders in November");
    assert_eq!(on[0].key, format!("season/{greta}/2026-11"));
    s.app.reminder_done(&on[0].key).unwrap();
    assert!(seasons("2026-11-01").is_empty());
}

#[test]
fn the_thank_you_message_names_the_last_purchase() {
    let s = shop("2026-11-23");
    let anna = customer(&s.app, "Anna Berg", Some("anna@example.com"));
    let before = s
        .app
        .render_message(&anna, Occasion::ThankYou, None)
        .unwrap();
    assert!(!before.body.contains('{'), "{}", before.body);
    s.app
        .add_order(
            &anna,
            &order(
                "2026-11-23",
                vec![
                    line("Sourdough", "1", Some("6")),
                    line("Butter", "1", Some("4")),
                    line("Jam", "1", Some("5")),
                ],
            ),
        )
        .unwrap();
    let after = s
        .app
        .render_message(&anna, Occasion::ThankYou, None)
        .unwrap();
    assert!(
        after.body.contains("Sourdough, Butter and Jam"),
        "{}",
        after.body
    );
}

#[test]
fn csv_import_matches_customers_and_reports_every_row_it_skips() {
    let s = shop("2026-11-23");
    let anna = customer(&s.app, "Anna Berg", Some("anna@example.com"));
    let finn = customer(&s.app, "Finn Holm", None);
    let csv = "email,customer,date,product,quantity,unit_price,category\n\
               anna@example.com,,2026-11-01,Bread,2,3.50,Bakery\n\
               anna@example.com,,2026-11-01,Butter,1,2.00,Dairy\n\
               ,finn holm,2026-11-02,Bread,1,\n\
               nobody@example.com,,2026-11-03,Bread,1,3.50\n\
               ,Finn Holm,2026-11-04,Jam,-1,2.00\n";
    let dry = s.app.import_orders_csv(csv.as_bytes(), true).unwrap();
    assert_eq!((dry.imported, dry.skipped, dry.orders), (3, 2, 2));
    assert_eq!(dry.unmatched.len(), 1);
    assert_eq!(dry.unmatched[0].line, 5);
    assert_eq!(dry.errors.len(), 1);
    assert_eq!(dry.errors[0].line, 6);
    assert!(
        dry.errors[0].message.contains("quantity"),
        "{:?}",
        dry.errors
    );
    assert_eq!(s.app.store().counts().orders, 0, "a dry run writes nothing");

    let done = s.app.import_orders_csv(csv.as_bytes(), false).unwrap();
    assert_eq!((done.imported, done.orders), (3, 2));
    assert_eq!(s.app.orders_of(&anna).unwrap()[0].total.minor, 900);
    assert_eq!(s.app.orders_of(&finn).unwrap()[0].total.minor, 350);
    let bakery = s
        .app
        .products()
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Bread")
        .unwrap();
    assert_eq!(bakery.category.as_deref(), Some("Bakery"));
}

#[test]
fn a_csv_without_the_needed_columns_is_refused_naming_them() {
    let s = shop("2026-11-23");
    let e = s
        .app
        .import_orders_csv("who,when\nanna,2026-11-01\n".as_bytes(), false)
        .unwrap_err()
        .report();
    assert_eq!(e.field.as_deref(), Some("file"));
    assert!(e.message.contains("line 1"), "{}", e.message);
}

#[test]
fn insights_follow_every_order_write_and_survive_a_reopen() {
    let s = shop("2026-11-23");
    let anna = drifting(&s, "Anna Berg", "2026-09-14", 8);
    let first = s.app.insights(None).unwrap();
    assert_eq!(first.order_drops.len(), 1);
    assert_eq!(first.order_drops[0].usual_gap_days, 14);
    assert_eq!(first.order_drops[0].days_since_last, 70);
    buy(&s, &anna, "2026-11-23");
    assert!(s.app.insights(None).unwrap().order_drops.is_empty());
    // Replaying history: as of 2026-11-10, before that order, she was drifting.
    let replay = s.app.insights(Some(day("2026-11-10"))).unwrap();
    assert_eq!(replay.order_drops.len(), 1);
    let dir = s.dir;
    drop(s.app);
    let reopened = Regulars::open_with_clock(
        dir.path(),
        Box::new(ManualClock::new(noon("2026-11-23"), Berlin)),
    )
    .unwrap();
    let again = reopened.insights(None).unwrap();
    assert!(again.order_drops.is_empty());
    assert_eq!(again.rfm.len(), 1);
    let mine = reopened.customer_insight(&anna, None).unwrap();
    assert_eq!(mine.lifetime.map(|l| l.orders), Some(9));
}

#[test]
fn erasing_a_customer_takes_their_orders_and_index_entries() {
    let s = shop("2026-11-23");
    let anna = drifting(&s, "Anna Berg", "2026-09-14", 8);
    assert!(s.app.insights(None).unwrap().rfm.len() == 1);
    s.app.delete_customer(&anna).unwrap();
    let counts = s.app.store().counts();
    assert_eq!(
        (counts.orders, counts.order_drops, counts.seasons),
        (0, 0, 0)
    );
    assert!(s.app.insights(None).unwrap().rfm.is_empty());
}

#[test]
fn sample_data_brings_orders_a_catalogue_and_insights() {
    let s = shop("2026-11-23");
    s.app.seed_demo(200, 1).unwrap();
    let counts = s.app.store().counts();
    assert!(counts.orders > 1000, "{counts:?}");
    assert!(counts.order_drops > 50, "{counts:?}");
    assert_eq!(s.app.products().unwrap().len(), 30);
    let all = s.app.insights(None).unwrap();
    assert!(!all.order_drops.is_empty());
    assert!(!all.cross_sell.is_empty());
    assert!(all
        .seasonality
        .iter()
        .any(|p| p.product == "Christmas stollen" && matches!(p.peak_month, 11 | 12)));
}
