//! `feedback` and `complaint` on the command line as scripts use them (CLI.md),
//! across separate processes, on temp dirs.

mod common;

use common::*;

use std::path::Path;

fn kinds_on(dir: &Path, date: &str) -> Vec<String> {
    json(dir, &["today", "--date", date, "--days", "0", "--json"])["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_complaint_goes_from_open_to_resolved_and_leaves_the_daily_list() {
    let dir = tempfile::tempdir().unwrap();
    let id = ok(dir.path(), &["customer", "add", "--name", "Anna Berg"]);
    let key = ok(
        dir.path(),
        &[
            "complaint",
            "open",
            id.trim(),
            "--date",
            "2026-11-16",
            "--summary",
            "Cake was late",
        ],
    );
    let key = key.trim();
    assert_eq!(key.lines().count(), 1);
    assert!(kinds_on(dir.path(), "2026-11-23").contains(&"complaint-due".to_owned()));
    ok(dir.path(), &["complaint", "ack", key]);
    ok(
        dir.path(),
        &[
            "complaint",
            "resolve",
            key,
            "--resolution",
            "Refunded and apologised",
        ],
    );
    assert!(!kinds_on(dir.path(), "2026-11-23").contains(&"complaint-due".to_owned()));
    let err = failure(dir.path(), &["complaint", "ack", key]);
    assert!(
        err.contains("status: the complaint is already resolved"),
        "{err}"
    );
    ok(dir.path(), &["complaint", "close", key]);
    let list = json(dir.path(), &["complaint", "list", "--json"]);
    assert_eq!(list["all"][0]["status"], "closed");
    let timeline = json(dir.path(), &["timeline", id.trim(), "--json"]);
    assert!(timeline
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["kind"] == "complaint"));
}

#[test]
fn feedback_out_of_range_is_refused_before_anything_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh");
    let err = failure(
        &fresh,
        &[
            "feedback",
            "add",
            "0190a6f0-0000-7000-8000-000000000000",
            "--rating",
            "6",
        ],
    );
    assert!(
        err.contains("rating: 6 is not a rating (use 1 to 5)"),
        "{err}"
    );
    let err = failure(
        &fresh,
        &[
            "feedback",
            "add",
            "0190a6f0-0000-7000-8000-000000000000",
            "--nps",
            "-1",
        ],
    );
    assert!(err.contains("nps: -1"), "{err}");
    assert!(!fresh.exists());
}

#[test]
fn feedback_counts_in_insights_json() {
    let dir = tempfile::tempdir().unwrap();
    let a = ok(dir.path(), &["customer", "add", "--name", "Anna Berg"]);
    let b = ok(dir.path(), &["customer", "add", "--name", "Finn Holm"]);
    ok(
        dir.path(),
        &[
            "feedback",
            "add",
            a.trim(),
            "--date",
            "2026-11-20",
            "--rating",
            "5",
            "--nps",
            "10",
        ],
    );
    ok(
        dir.path(),
        &[
            "feedback",
            "add",
            b.trim(),
            "--date",
            "2026-11-21",
            "--rating",
            "2",
            "--nps",
            "3",
            "--text",
            "Too dry",
        ],
    );
    let f = &json(dir.path(), &["insights", "--as-of", "2026-11-23", "--json"])["feedback"];
    assert_eq!(f["count"], 2);
    assert_eq!(f["average_rating"], 3.5);
    assert_eq!(f["nps"], 0.0);
    assert_eq!(f["listen_to"][0]["text"], "Too dry");
    let list = json(dir.path(), &["feedback", "list", b.trim(), "--json"]);
    assert_eq!(list[0]["rating"], 2);
}
