//! `order`, `product` and `insights` on the command line as scripts use them
//! (CLI.md), across separate processes, on temp dirs.

mod common;

use common::*;

use serde_json::Value;

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

#[test]
fn order_add_prints_an_id_and_order_list_shows_lines_and_total() {
    let dir = tempfile::tempdir().unwrap();
    let id = ok(dir.path(), &["customer", "add", "--name", "Anna Berg"]);
    let id = id.trim();
    let order = ok(
        dir.path(),
        &[
            "order",
            "add",
            id,
            "--date",
            "2026-11-20",
            "--item",
            "Bread:2:3.50",
            "--item",
            "Tea: green:1:4",
        ],
    );
    assert_eq!(order.lines().count(), 1);
    let list = json(dir.path(), &["order", "list", id, "--json"]);
    let o = &list[0];
    assert_eq!(o["id"], order.trim());
    assert_eq!(o["date"], "2026-11-20");
    assert_eq!(
        o["total"],
        serde_json::json!({"minor": 1100, "currency": "EUR"})
    );
    assert_eq!(o["lines"][1]["product"], "Tea: green");
    let timeline = json(dir.path(), &["timeline", id, "--json"]);
    assert_eq!(timeline[0]["kind"], "order");
    let products = json(dir.path(), &["product", "list", "--json"]);
    assert_eq!(products.as_array().unwrap().len(), 2);
}

#[test]
fn a_negative_quantity_is_refused_naming_the_line_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("fresh");
    let err = failure(
        &data,
        &[
            "order",
            "add",
            "0190a6f0-0000-7000-8000-000000000000",
            "--item",
            "Bread:-2:3.50",
        ],
    );
    assert!(
        err.contains("lines[0].quantity") && err.contains("more than 0"),
        "{err}"
    );
    assert!(!data.exists(), "a bad command creates no data directory");
    let err = failure(
        &data,
        &[
            "order",
            "add",
            "x",
            "--date",
            "2026-02-30",
            "--item",
            "Bread:1:3",
        ],
    );
    assert!(err.contains("date: February 2026 has no day 30"), "{err}");
}

#[test]
fn insights_json_has_the_documented_keys() {
    let dir = tempfile::tempdir().unwrap();
    let id = ok(dir.path(), &["customer", "add", "--name", "Anna Berg"]);
    let id = id.trim();
    for date in [
        "2026-07-06",
        "2026-07-20",
        "2026-08-03",
        "2026-08-17",
        "2026-08-31",
        "2026-09-14",
    ] {
        ok(
            dir.path(),
            &["order", "add", id, "--date", date, "--item", "Bread:1:3.50"],
        );
    }
    let v = json(dir.path(), &["insights", "--as-of", "2026-11-23", "--json"]);
    for key in [
        "as_of",
        "order_drops",
        "cross_sell",
        "seasonality",
        "rfm",
        "feedback",
    ] {
        assert!(v.get(key).is_some(), "no {key} in {:?}", keys(&v));
    }
    assert_eq!(v["as_of"], "2026-11-23");
    let drop = &v["order_drops"][0];
    for key in [
        "customer_id",
        "usual_gap_days",
        "days_since_last",
        "explanation",
    ] {
        assert!(drop.get(key).is_some(), "no {key} in {:?}", keys(drop));
    }
    assert_eq!(drop["customer_id"], id);
    assert_eq!(drop["usual_gap_days"], 14);
    assert_eq!(drop["days_since_last"], 70);
    assert_eq!(
        drop["explanation"],
        "usually every 14 days; 70 days since the last order"
    );
    let season = &v["seasonality"][0];
    assert_eq!(season["product"], "Bread");
    assert_eq!(season["by_month"].as_array().unwrap().len(), 12);
    assert!(season["peak_month"].is_u64());
    let rfm = &v["rfm"][0];
    for key in ["customer_id", "r", "f", "m", "segment"] {
        assert!(rfm.get(key).is_some(), "no {key} in {:?}", keys(rfm));
    }
    assert_eq!(v["feedback"]["count"], 0);
    assert!(v["feedback"]["average_rating"].is_null() && v["feedback"]["nps"].is_null());
    // The daily list shows the same drop.
    let today = json(dir.path(), &["today", "--date", "2026-11-23", "--json"]);
    let kinds: Vec<&str> = today["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"order-drop"), "{kinds:?}");
}

#[test]
fn order_import_reports_rows_by_line_and_dry_run_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    ok(
        dir.path(),
        &[
            "customer",
            "add",
            "--name",
            "Anna Berg",
            "--email",
            "anna@example.com",
        ],
    );
    let file = dir.path().join("orders.csv");
    std::fs::write(
        &file,
        "email,date,product,quantity,unit_price\n\
         anna@example.com,2026-11-01,Bread,2,3.50\n\
         bob@example.com,2026-11-01,Bread,1,3.50\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let dry = json(
        dir.path(),
        &["order", "import", path, "--dry-run", "--json"],
    );
    assert_eq!(
        (dry["imported"].as_u64(), dry["skipped"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(dry["unmatched"][0]["line"], 3);
    assert!(dry["errors"].as_array().unwrap().is_empty());
    let list = json(dir.path(), &["product", "list", "--json"]);
    assert!(
        list.as_array().unwrap().is_empty(),
        "the dry run wrote nothing"
    );
    let text = ok(dir.path(), &["order", "import", path]);
    assert!(
        text.contains("imported 1 rows as 1 orders; 1 skipped"),
        "{text}"
    );
    assert!(
        text.contains("orders.csv:3: no customer with email bob@example.com"),
        "{text}"
    );
}
