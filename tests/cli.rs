//! The command line as scripts use it (CLI.md), across separate processes, on temp dirs.

mod common;

use common::*;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

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
    fails_naming(dir.path(), &["customer", "list"], &["did not replace it"]);
    fails_naming(dir.path(), &["customer", "list"], &["did not replace it"]);
}

fn regulars_with_stdin(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_regulars"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The child may refuse before reading everything; a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

#[test]
fn notes_from_arguments_and_stdin_appear_on_the_timeline_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let id = ok(
        dir.path(),
        &[
            "customer",
            "add",
            "--name",
            "Anna",
            "--note",
            "First met at the market",
        ],
    );
    let id = id.trim();
    let note = ok(
        dir.path(),
        &[
            "note",
            "add",
            id,
            "Lunch: wants the Christmas catalogue",
            "--kind",
            "meeting",
            "--at",
            "2026-11-20T10:00",
            "--follow-up",
            "2026-12-01",
        ],
    );
    assert_eq!(note.lines().count(), 1);
    let out = regulars_with_stdin(
        dir.path(),
        &["note", "add", id, "-", "--kind", "call"],
        b"Called back\nabout prices\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let timeline = json(dir.path(), &["timeline", id, "--json"]);
    let entries = timeline.as_array().unwrap();
    assert_eq!(entries.len(), 3);
    let kinds: Vec<&str> = entries
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["call", "note", "meeting"],
        "newest first; the meeting was backdated"
    );
    assert_eq!(entries[0]["text"], "Called back\nabout prices");
    let meeting = &entries[2];
    assert_eq!(meeting["follow_up"], "2026-12-01");
    assert!(
        meeting["at"]
            .as_str()
            .unwrap()
            .starts_with("2026-11-20T10:00:00"),
        "{meeting}"
    );
    assert_eq!(entries[0]["follow_up"], Value::Null);
    for key in ["id", "kind", "at", "text", "follow_up"] {
        assert!(meeting.get(key).is_some(), "timeline entries carry {key}");
    }
}

#[test]
fn a_fifty_megabyte_note_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let id = ok(dir.path(), &["customer", "add", "--name", "Anna"]);
    let big = vec![b'x'; 50 * 1024 * 1024];
    let out = regulars_with_stdin(dir.path(), &["note", "add", id.trim(), "-"], &big);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("text") && err.contains("50.0 MB") && err.contains("1 MB"),
        "{err}"
    );
    assert_eq!(
        json(dir.path(), &["timeline", id.trim(), "--json"]),
        serde_json::json!([])
    );
}

#[test]
fn an_impossible_follow_up_is_refused_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let id = ok(dir.path(), &["customer", "add", "--name", "Anna"]);
    fails_naming(
        dir.path(),
        &[
            "note",
            "add",
            id.trim(),
            "Call",
            "--follow-up",
            "2026-02-30",
        ],
        &["follow_up", "YYYY-MM-DD"],
    );
    assert_eq!(
        json(dir.path(), &["timeline", id.trim(), "--json"]),
        serde_json::json!([])
    );
}

#[test]
fn edit_adds_replaces_and_removes_without_touching_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let id = ok(
        dir.path(),
        &[
            "customer",
            "add",
            "--name",
            "Anna",
            "--email",
            "a@old.se",
            "--tag",
            "vip",
            "--tag",
            "bakery",
            "--birthday",
            "1985-11-23",
            "--field",
            "Dog=Biscuit",
        ],
    );
    let id = id.trim();
    ok(
        dir.path(),
        &[
            "customer",
            "edit",
            id,
            "--name",
            "Anna Berg",
            "--email",
            "anna@new.se",
            "--remove-email",
            "a@old.se",
            "--remove-tag",
            "VIP",
            "--clear-birthday",
            "--field",
            "dog=Rex",
            "--status",
            "lapsed",
            "--nickname",
            "Annie",
        ],
    );
    let c = json(dir.path(), &["customer", "show", id, "--json"]);
    assert_eq!(c["name"], "Anna Berg");
    assert_eq!(c["emails"], serde_json::json!(["anna@new.se"]));
    assert_eq!(c["tags"], serde_json::json!(["bakery"]));
    assert_eq!(c["birthday"], Value::Null);
    assert_eq!(
        c["custom_fields"],
        serde_json::json!([{"label": "dog", "value": "Rex"}])
    );
    assert_eq!(c["status"], "lapsed");
    assert_eq!(c["nickname"], "Annie");
}

#[test]
fn an_invalid_edit_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let id = ok(
        dir.path(),
        &[
            "customer",
            "add",
            "--name",
            "Anna",
            "--birthday",
            "1985-11-23",
        ],
    );
    let before = json(dir.path(), &["customer", "show", id.trim(), "--json"]);
    fails_naming(
        dir.path(),
        &[
            "customer",
            "edit",
            id.trim(),
            "--name",
            "Changed",
            "--birthday",
            "2025-02-30",
        ],
        &["birthday"],
    );
    assert_eq!(
        json(dir.path(), &["customer", "show", id.trim(), "--json"]),
        before
    );
}

#[test]
fn erase_needs_yes_and_then_removes_the_customer_and_their_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let id = ok(
        dir.path(),
        &["customer", "add", "--name", "Anna", "--note", "hello"],
    );
    let id = id.trim();
    fails_naming(dir.path(), &["customer", "erase", id], &["--yes"]);
    assert_eq!(
        json(dir.path(), &["customer", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    ok(dir.path(), &["customer", "erase", id, "--yes"]);
    assert_eq!(
        json(dir.path(), &["customer", "list", "--json"]),
        serde_json::json!([])
    );
    fails_naming(dir.path(), &["timeline", id], &["no customer with id"]);
}

#[test]
fn archive_hides_from_list_and_restore_brings_back() {
    let dir = tempfile::tempdir().unwrap();
    let id = ok(dir.path(), &["customer", "add", "--name", "Anna"]);
    ok(dir.path(), &["customer", "archive", id.trim()]);
    assert_eq!(
        json(dir.path(), &["customer", "list", "--json"]),
        serde_json::json!([])
    );
    let archived = json(dir.path(), &["customer", "list", "--archived", "--json"]);
    assert_eq!(archived[0]["name"], "Anna");
    ok(dir.path(), &["customer", "restore", id.trim()]);
    assert_eq!(
        json(dir.path(), &["customer", "list", "--json"])[0]["name"],
        "Anna"
    );
}

#[test]
fn relate_shows_on_both_customers() {
    let dir = tempfile::tempdir().unwrap();
    let anna = ok(dir.path(), &["customer", "add", "--name", "Anna"]);
    let bakery = ok(
        dir.path(),
        &["customer", "add", "--name", "Bakery", "--kind", "business"],
    );
    ok(
        dir.path(),
        &["customer", "relate", anna.trim(), "works-at", bakery.trim()],
    );
    let b = json(dir.path(), &["customer", "show", bakery.trim(), "--json"]);
    assert_eq!(b["relationships"][0]["kind"], "employs");
    assert_eq!(b["relationships"][0]["customer_id"], anna.trim());
}

#[test]
fn a_failed_add_on_a_fresh_machine_creates_no_data_directory() {
    let parent = tempfile::tempdir().unwrap();
    let fresh = parent.path().join("never-created");
    for args in [
        &["customer", "add", "--name", ""][..],
        &[
            "customer",
            "add",
            "--name",
            "Anna",
            "--birthday",
            "2025-02-30",
        ],
        &["customer", "add", "--name", "Anna", "--note", " "],
        &["customer", "add", "--name", "Anna", "--date", "no-equals"],
        &[
            "note",
            "add",
            "0190b2d8-0000-7000-8000-000000000000",
            "x",
            "--follow-up",
            "tomorrow",
        ],
    ] {
        let out = regulars(&fresh, args);
        assert!(!out.status.success(), "{args:?}");
        assert!(!fresh.exists(), "{args:?} created {}", fresh.display());
    }
}

#[test]
fn argument_errors_are_one_line_naming_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    fails_naming(dir.path(), &["customer", "add"], &["--name"]);
    fails_naming(
        dir.path(),
        &["customer", "add", "--name", "A", "--kind", "robot"],
        &["robot"],
    );
    fails_naming(
        dir.path(),
        &["customer", "add", "--name", "A", "--cadence", "often"],
        &["often"],
    );
}

#[test]
fn an_empty_data_dir_is_refused_rather_than_using_the_current_directory() {
    let out = Command::new(env!("CARGO_BIN_EXE_regulars"))
        .args(["--data-dir", "", "customer", "list"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    ok(
        dir.path(),
        &["seed-demo", "--customers", "300", "--seed", "3"],
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_regulars"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["customer", "list"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // like `| head -0`: the reader is gone before we write
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn seed_demo_adds_reproducible_tagged_customers() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    assert_eq!(
        ok(a.path(), &["seed-demo", "--customers", "40", "--seed", "9"]).trim(),
        "40"
    );
    ok(b.path(), &["seed-demo", "--customers", "40", "--seed", "9"]);
    let names = |d: &Path| -> Vec<String> {
        let list = json(d, &["customer", "list", "--tag", "demo", "--json"]);
        list.as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(names(a.path()).len(), 40);
    assert_eq!(names(a.path()), names(b.path()));
}

#[test]
fn today_json_has_the_documented_keys_and_reminders_act_per_occurrence() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let anna = ok(
        d,
        &[
            "customer",
            "add",
            "--name",
            "Anna Berg",
            "--birthday",
            "1985-11-23",
            "--date",
            "Wedding=2021-11-25",
        ],
    );
    let anna = anna.trim();
    let finn = ok(
        d,
        &["customer", "add", "--name", "Finn", "--birthday", "--11-24"],
    );
    let finn = finn.trim();
    ok(
        d,
        &[
            "note",
            "add",
            finn,
            "Call back",
            "--at",
            "2026-11-01T10:00",
            "--follow-up",
            "2026-11-20",
        ],
    );
    let brief = |list: &Value| -> Vec<String> {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                format!(
                    "{} {} {} age={} years={}",
                    i["when"].as_str().unwrap(),
                    i["kind"].as_str().unwrap(),
                    i["date"].as_str().unwrap(),
                    i["age"],
                    i["years"]
                )
            })
            .collect()
    };

    let list = json(
        d,
        &["today", "--date", "2026-11-23", "--days", "2", "--json"],
    );
    assert_eq!(list["date"], "2026-11-23");
    assert_eq!(
        brief(&list),
        [
            "overdue follow-up 2026-11-20 age=null years=null",
            "today birthday 2026-11-23 age=41 years=null",
            "upcoming birthday 2026-11-24 age=null years=null",
            "upcoming anniversary 2026-11-25 age=null years=5",
        ]
    );
    let items = list["items"].as_array().unwrap();
    for key in [
        "key",
        "kind",
        "customer_id",
        "customer_name",
        "date",
        "when",
        "age",
        "years",
        "label",
    ] {
        assert!(items[1].get(key).is_some(), "{key} missing");
    }
    assert_eq!(items[1]["customer_id"], anna);
    assert_eq!(items[1]["customer_name"], "Anna Berg");
    assert_eq!(items[3]["label"], "Wedding");

    // Done for this year's birthday; snooze the follow-up; dismiss the anniversary.
    let birthday = items[1]["key"].as_str().unwrap();
    ok(d, &["reminder", "done", birthday]);
    let follow_up = items[0]["key"].as_str().unwrap();
    ok(
        d,
        &["reminder", "snooze", follow_up, "--until", "2099-01-01"],
    );
    ok(
        d,
        &["reminder", "dismiss", items[3]["key"].as_str().unwrap()],
    );
    let list = json(
        d,
        &["today", "--date", "2026-11-23", "--days", "2", "--json"],
    );
    assert_eq!(
        brief(&list),
        ["upcoming birthday 2026-11-24 age=null years=null"]
    );
    assert_eq!(
        ok(d, &["reminder", "undo"]).trim(),
        format!("undone: {}", items[3]["key"].as_str().unwrap())
    );
    assert_eq!(ok(d, &["reminder", "undo"]).trim(), "nothing to undo");
    // Next year's birthday comes back.
    let next = json(
        d,
        &["today", "--date", "2027-11-23", "--days", "0", "--json"],
    );
    assert_eq!(
        brief(&next),
        ["today birthday 2027-11-23 age=42 years=null"]
    );
    // The plain listing names each item with its key.
    let text = ok(d, &["today", "--date", "2027-11-23", "--days", "0"]);
    assert!(
        text.contains("Anna Berg: Birthday (42)") && text.contains("birthday/"),
        "{text}"
    );
}

#[test]
fn bad_reminder_input_is_refused_in_one_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let fresh = d.join("never-created");
    let out = regulars(&fresh, &["reminder", "done", "nonsense"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("\"nonsense\" is not a reminder key"), "{err}");
    assert!(!fresh.exists(), "a bad key creates no data directory");

    let anna = ok(
        d,
        &["customer", "add", "--name", "Anna", "--birthday", "--11-23"],
    );
    let key = format!("birthday/{}/2026", anna.trim());
    for (args, says) in [
        (
            vec!["reminder", "snooze", key.as_str(), "--until", "2026-02-30"],
            "is not a date",
        ),
        (
            vec!["reminder", "snooze", key.as_str(), "--until", "2000-01-01"],
            "must end after today",
        ),
        (vec!["today", "--days", "400"], "--days"),
        (vec!["today", "--date", "23.11.2026"], "YYYY-MM-DD"),
    ] {
        let out = regulars(d, &args);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(says) && err.lines().count() == 1,
            "{args:?}: {err}"
        );
    }
    let missing = format!("date/{}/wedding/2026", anna.trim());
    let err =
        String::from_utf8_lossy(&regulars(d, &["reminder", "done", &missing]).stderr).into_owned();
    assert!(err.contains("no reminder"), "{err}");
    let list = json(
        d,
        &["today", "--date", "2026-11-23", "--days", "0", "--json"],
    );
    assert_eq!(
        list["items"].as_array().unwrap().len(),
        1,
        "nothing changed"
    );
}

#[test]
fn message_render_json_has_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = ok(
        d,
        &[
            "customer",
            "add",
            "--name",
            "Anna Berg",
            "--birthday",
            "1985-11-23",
            "--email",
            "anna@example.com",
            "--phone",
            "+46 70 123 45 67",
            "--channel",
            "email",
        ],
    );
    let m = json(
        d,
        &[
            "message",
            "render",
            "--customer",
            id.trim(),
            "--occasion",
            "birthday",
            "--date",
            "2026-11-23",
            "--json",
        ],
    );
    assert_eq!(m["subject"], "Happy birthday, Anna Berg!");
    assert!(m["body"].as_str().unwrap().contains("Happy 41st birthday!"));
    assert_eq!(m["channel"], "email");
    let links = m["links"].as_object().unwrap();
    assert!(links["mailto"]
        .as_str()
        .unwrap()
        .starts_with("mailto:anna@example.com?subject="));
    assert!(links["sms"]
        .as_str()
        .unwrap()
        .starts_with("sms:+46701234567?body="));
    assert!(links["whatsapp"]
        .as_str()
        .unwrap()
        .starts_with("https://wa.me/46701234567?text="));

    // Without a phone the sms and whatsapp links are absent, not empty.
    let bo = ok(
        d,
        &[
            "customer",
            "add",
            "--name",
            "Bo",
            "--email",
            "bo@example.com",
        ],
    );
    let m = json(
        d,
        &[
            "message",
            "render",
            "--customer",
            bo.trim(),
            "--occasion",
            "follow-up",
            "--json",
        ],
    );
    let links = m["links"].as_object().unwrap();
    assert!(
        links.contains_key("mailto")
            && !links.contains_key("sms")
            && !links.contains_key("whatsapp")
    );
}
