//! The command line as scripts use it (CLI.md), across separate processes, on temp dirs.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn regulars(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regulars"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("REGULARS_DATA_DIR")
        .output()
        .unwrap()
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = regulars(dir, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(dir, args)).unwrap()
}

#[test]
fn add_prints_one_id_that_show_finds_in_a_later_process() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(
        dir.path(),
        &[
            "customer",
            "add",
            "--name",
            "Anna Berg",
            "--email",
            "anna@example.com",
            "--phone",
            "+46 70 123 45 67",
            "--birthday",
            "1985-11-23",
            "--tag",
            "bakery",
            "--channel",
            "email",
            "--cadence",
            "30",
            "--date",
            "Customer since=2015-06-01",
        ],
    );
    assert_eq!(out.lines().count(), 1);
    let id = out.trim();
    let shown = json(dir.path(), &["customer", "show", id, "--json"]);
    assert_eq!(shown["id"], id);
    assert_eq!(shown["name"], "Anna Berg");
    assert_eq!(shown["kind"], "person");
    assert_eq!(shown["emails"], serde_json::json!(["anna@example.com"]));
    assert_eq!(shown["phones"], serde_json::json!(["+46 70 123 45 67"]));
    assert_eq!(shown["birthday"], "1985-11-23");
    assert_eq!(
        shown["dates"],
        serde_json::json!([{"label": "Customer since", "date": "2015-06-01"}])
    );
    assert_eq!(shown["tags"], serde_json::json!(["bakery"]));
    assert_eq!(shown["channel"], "email");
    assert_eq!(shown["cadence_days"], 30);
}

#[test]
fn a_birthday_without_year_uses_the_double_dash_form() {
    let dir = tempfile::tempdir().unwrap();
    let id = ok(
        dir.path(),
        &["customer", "add", "--name", "Finn", "--birthday", "--03-22"],
    );
    let shown = json(dir.path(), &["customer", "show", id.trim(), "--json"]);
    assert_eq!(shown["birthday"], "--03-22");
}

#[test]
fn list_json_returns_every_customer_sorted_by_name_with_nulls_for_unknowns() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["customer", "add", "--name", "zoe"]);
    ok(
        dir.path(),
        &[
            "customer",
            "add",
            "--name",
            "Bakery Nord",
            "--kind",
            "business",
        ],
    );
    ok(dir.path(), &["customer", "add", "--name", "anna"]);
    let list = json(dir.path(), &["customer", "list", "--json"]);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["anna", "Bakery Nord", "zoe"]);
    assert_eq!(list[1]["kind"], "business");
    assert_eq!(list[0]["birthday"], Value::Null);
    assert_eq!(list[0]["channel"], Value::Null);
    assert_eq!(list[0]["cadence_days"], Value::Null);
}

#[test]
fn list_filters_by_tag() {
    let dir = tempfile::tempdir().unwrap();
    ok(
        dir.path(),
        &["customer", "add", "--name", "A", "--tag", "VIP"],
    );
    ok(dir.path(), &["customer", "add", "--name", "B"]);
    let list = json(dir.path(), &["customer", "list", "--tag", "vip", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["name"], "A");
}

#[test]
fn list_without_json_prints_one_line_per_customer() {
    let dir = tempfile::tempdir().unwrap();
    ok(
        dir.path(),
        &["customer", "add", "--name", "Anna", "--email", "a@b.se"],
    );
    let text = ok(dir.path(), &["customer", "list"]);
    assert_eq!(text.lines().count(), 1);
    assert!(text.contains("Anna\ta@b.se"), "{text}");
}

fn fails_naming(dir: &Path, args: &[&str], words: &[&str]) {
    let out = regulars(dir, args);
    assert!(!out.status.success(), "{args:?} should fail");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    for w in words {
        assert!(err.contains(w), "{args:?}: {err:?} should mention {w:?}");
    }
    assert!(out.stdout.is_empty());
}

#[test]
fn invalid_input_fails_with_one_line_naming_the_field_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fails_naming(
        dir.path(),
        &["customer", "add", "--name", "  "],
        &["name", "empty"],
    );
    fails_naming(
        dir.path(),
        &[
            "customer",
            "add",
            "--name",
            "Anna",
            "--birthday",
            "2025-02-30",
        ],
        &["birthday", "February 2025 has no day 30"],
    );
    fails_naming(
        dir.path(),
        &[
            "customer",
            "add",
            "--name",
            "Anna",
            "--email",
            "anna.example.com",
        ],
        &["emails[0]", "@"],
    );
    fails_naming(
        dir.path(),
        &[
            "customer",
            "add",
            "--name",
            "Anna",
            "--date",
            "no-equals-sign",
        ],
        &["--date", "LABEL=DATE"],
    );
    let list = json(dir.path(), &["customer", "list", "--json"]);
    assert_eq!(list, serde_json::json!([]), "nothing was written");
}

#[test]
fn show_of_an_unknown_or_malformed_id_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    fails_naming(
        dir.path(),
        &["customer", "show", "0190b2d8-0000-7000-8000-000000000000"],
        &["no customer with id"],
    );
    fails_naming(
        dir.path(),
        &["customer", "show", "nope"],
        &["\"nope\" is not a customer id"],
    );
}

#[test]
fn the_data_dir_comes_from_the_environment_when_no_flag_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_regulars"))
            .args(args)
            .env("REGULARS_DATA_DIR", dir.path())
            .output()
            .unwrap()
    };
    assert!(run(&["customer", "add", "--name", "Env"]).status.success());
    let flag = json(dir.path(), &["customer", "list", "--json"]);
    assert_eq!(flag[0]["name"], "Env");
}

#[test]
fn a_store_held_by_another_process_is_reported_as_already_open() {
    let dir = tempfile::tempdir().unwrap();
    let _held = regulars::Regulars::open(dir.path()).unwrap();
    fails_naming(
        dir.path(),
        &["customer", "list"],
        &["already open", &dir.path().display().to_string()],
    );
}

#[test]
fn a_store_whose_database_vanished_is_reported_not_recreated() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["customer", "add", "--name", "Anna"]);
    std::fs::remove_dir_all(dir.path().join("store")).unwrap();
    fails_naming(dir.path(), &["customer", "list"], &["left untouched"]);
    fails_naming(dir.path(), &["customer", "list"], &["left untouched"]);
}
