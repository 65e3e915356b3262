//! `import`, `export`, `backup`, `restore`, `undo-import`, `customer export`
//! and `customer erase` on the command line (CLI.md), across processes, on temp dirs.

mod common;

use common::*;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/vcard")
        .join(name)
        .display()
        .to_string()
}

fn names(dir: &Path) -> Vec<(String, Value)> {
    let mut all: Vec<(String, Value)> = json(dir, &["customer", "list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_owned(),
                c["birthday"].clone(),
            )
        })
        .collect();
    all.sort_by(|a, b| a.0.cmp(&b.0));
    all
}

#[test]
fn real_vcard_exports_import_with_their_names_and_birthdays() {
    let dir = tempfile::tempdir().unwrap();
    let report = json(
        dir.path(),
        &["import", "vcard", &fixture("gmail-list.vcf"), "--json"],
    );
    assert_eq!(report["imported"], 3, "{report}");
    assert_eq!(report["skipped"], 0);
    assert!(report["errors"].as_array().unwrap().is_empty());
    let report = json(
        dir.path(),
        &["import", "vcard", &fixture("rfc6350-example.vcf"), "--json"],
    );
    assert_eq!(report["imported"], 1);
    let got = names(dir.path());
    let simon = got.iter().find(|(n, _)| n == "Simon Perreault").unwrap();
    assert_eq!(simon.1, "--02-03", "a birthday without a year");
    assert!(got.iter().any(|(n, _)| n == "Arnold Smith"));
}

#[test]
fn a_dry_run_reports_and_writes_nothing_and_an_import_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let dry = json(
        dir.path(),
        &[
            "import",
            "vcard",
            &fixture("gmail-list.vcf"),
            "--dry-run",
            "--json",
        ],
    );
    assert_eq!(
        (dry["imported"].as_u64(), dry["dry_run"].as_bool()),
        (Some(3), Some(true))
    );
    assert!(names(dir.path()).is_empty());
    let text = ok(dir.path(), &["import", "vcard", &fixture("gmail-list.vcf")]);
    assert!(
        text.contains("imported 3 contacts (3 new, 0 merged"),
        "{text}"
    );
    // The same file again: everyone is already a customer.
    let again = json(
        dir.path(),
        &[
            "import",
            "vcard",
            &fixture("gmail-list.vcf"),
            "--duplicates",
            "skip",
            "--json",
        ],
    );
    assert_eq!(
        (again["imported"].as_u64(), again["skipped"].as_u64()),
        (Some(0), Some(3))
    );
    assert_eq!(again["duplicates"].as_array().unwrap().len(), 3);
    ok(dir.path(), &["undo-import"]);
    assert!(names(dir.path()).is_empty(), "the whole import is undone");
}

#[test]
fn vcard_export_imports_back_as_the_same_customers() {
    let a = tempfile::tempdir().unwrap();
    ok(
        a.path(),
        &[
            "customer",
            "add",
            "--name",
            "Zoë Ölgür; Smith",
            "--email",
            "zoe@example.com",
            "--birthday",
            "--02-29",
            "--date",
            "Wedding anniversary=2010-06-12",
            "--tag",
            "vip",
        ],
    );
    ok(
        a.path(),
        &[
            "customer",
            "add",
            "--name",
            "Anna Berg",
            "--birthday",
            "1985-11-23",
            "--phone",
            "+46 70 123 45 67",
        ],
    );
    for version in ["4", "3"] {
        let file = a.path().join(format!("out{version}.vcf"));
        ok(
            a.path(),
            &[
                "export",
                "vcard",
                file.to_str().unwrap(),
                "--vcard-version",
                version,
            ],
        );
        let b = tempfile::tempdir().unwrap();
        ok(b.path(), &["import", "vcard", file.to_str().unwrap()]);
        assert_eq!(names(b.path()), names(a.path()), "vCard {version}");
    }
}

#[test]
fn a_json_export_imported_into_an_empty_store_exports_identically() {
    let a = tempfile::tempdir().unwrap();
    ok(a.path(), &["seed-demo", "--customers", "40"]);
    let first = a.path().join("one.json");
    ok(a.path(), &["export", "json", first.to_str().unwrap()]);
    let b = tempfile::tempdir().unwrap();
    ok(b.path(), &["import", "json", first.to_str().unwrap()]);
    let second = a.path().join("two.json");
    ok(b.path(), &["export", "json", second.to_str().unwrap()]);
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );
}

#[test]
fn backup_and_restore_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let id = ok(dir.path(), &["customer", "add", "--name", "Anna Berg"]);
    let path = ok(dir.path(), &["backup"]);
    let path = path.trim();
    assert!(
        path.ends_with(".json") && Path::new(path).exists(),
        "{path}"
    );
    ok(dir.path(), &["customer", "erase", id.trim(), "--yes"]);
    let preview = json(dir.path(), &["restore", path, "--dry-run"]);
    assert_eq!(preview["backup"]["customers"], 1);
    assert_eq!(preview["current"]["customers"], 0);
    ok(dir.path(), &["restore", path]);
    assert_eq!(names(dir.path())[0].0, "Anna Berg");
}

#[test]
fn customer_export_and_erase() {
    let dir = tempfile::tempdir().unwrap();
    let id = ok(
        dir.path(),
        &[
            "customer",
            "add",
            "--name",
            "Quentin Xylo",
            "--email",
            "qx@example.com",
        ],
    );
    let id = id.trim();
    ok(
        dir.path(),
        &["note", "add", id, "Quixotic request about xylophones"],
    );
    let file = dir.path().join("quentin.json");
    ok(
        dir.path(),
        &["customer", "export", id, file.to_str().unwrap()],
    );
    let export: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(export["customer"]["name"], "Quentin Xylo");
    assert_eq!(export["interactions"].as_array().unwrap().len(), 1);
    std::fs::remove_file(&file).unwrap();
    let out = ok(dir.path(), &["customer", "erase", id, "--yes"]);
    assert!(out.contains("erased Quentin Xylo"), "{out}");
    let mut stack = vec![dir.path().to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                let bytes = std::fs::read(e.path()).unwrap();
                assert!(
                    !bytes.windows(9).any(|w| w == b"Quixotic "),
                    "{} still holds the note",
                    e.path().display()
                );
            }
        }
    }
}

#[test]
fn exports_to_csv_escape_formulas_and_ics_has_yearly_events() {
    let dir = tempfile::tempdir().unwrap();
    ok(
        dir.path(),
        &[
            "customer",
            "add",
            "--name",
            "=HYPERLINK(\"x\")",
            "--birthday",
            "1992-02-29",
        ],
    );
    let csv = dir.path().join("c.csv");
    ok(dir.path(), &["export", "csv", csv.to_str().unwrap()]);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.contains("'=HYPERLINK"), "{text}");
    let ics = dir.path().join("c.ics");
    ok(dir.path(), &["export", "ics", ics.to_str().unwrap()]);
    let cal = std::fs::read_to_string(&ics).unwrap();
    assert!(cal.starts_with("BEGIN:VCALENDAR\r\n"), "{cal}");
    assert!(cal.contains("RRULE:FREQ=YEARLY"), "{cal}");
}
