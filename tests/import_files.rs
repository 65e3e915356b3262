//! Contacts imported from a file on disk, as the desktop app does it: the file
//! is streamed, progress is told by bytes read and customers saved, and a file
//! that cannot be read is named as the problem. Real stores in temp dirs.

use std::io::Write;
use std::path::Path;

use chrono::TimeZone;
use chrono_tz::Europe::Berlin;
use regulars::import::{ContactsFormat, ContactsImport, Duplicates, ImportProgress, ImportStage};
use regulars::{Error, ManualClock, Regulars};

fn open(dir: &Path) -> Regulars {
    let noon = Berlin
        .with_ymd_and_hms(2026, 11, 23, 12, 0, 0)
        .unwrap()
        .with_timezone(&chrono::Utc);
    Regulars::open_with_clock(dir, Box::new(ManualClock::new(noon, Berlin))).unwrap()
}

/// A vCard file of `n` people, a birthday each.
fn vcards(path: &Path, n: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        write!(
            f,
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\nN:{i};Person;;;\r\nEMAIL:p{i}@example.org\r\nBDAY:1980-03-{:02}\r\nEND:VCARD\r\n",
            i % 28 + 1
        )
        .unwrap();
    }
}

fn vcard_import(dry_run: bool) -> ContactsImport {
    ContactsImport {
        format: ContactsFormat::Vcard,
        mapping: None,
        duplicates: Duplicates::Merge,
        dry_run,
    }
}

#[test]
fn a_dry_run_tells_the_bytes_read_up_to_the_size_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contacts.vcf");
    vcards(&file, 2_500);
    let size = std::fs::metadata(&file).unwrap().len();
    let app = open(&dir.path().join("store"));

    let mut heard: Vec<ImportProgress> = Vec::new();
    let report = app
        .import_contacts_file(&file, &vcard_import(true), &mut |p| heard.push(p))
        .unwrap();

    assert_eq!(report.new_customers, 2_500);
    assert!(report.dry_run);
    assert!(app.customers().unwrap().is_empty(), "a dry run wrote");
    assert!(
        heard.len() >= 20,
        "only {} reports for 2,500 contacts",
        heard.len()
    );
    assert!(heard.iter().all(|p| p.stage == ImportStage::Reading));
    assert!(heard.iter().all(|p| p.total == size));
    assert!(
        heard
            .windows(2)
            .all(|w| w[0].done <= w[1].done && w[0].contacts <= w[1].contacts),
        "progress went backwards"
    );
    let last = heard.last().unwrap();
    assert_eq!((last.done, last.contacts), (size, 2_500));
}

#[test]
fn an_import_tells_the_customers_saved_after_reading() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contacts.vcf");
    vcards(&file, 12_000);
    let app = open(&dir.path().join("store"));

    let mut heard: Vec<ImportProgress> = Vec::new();
    let report = app
        .import_contacts_file(&file, &vcard_import(false), &mut |p| heard.push(p))
        .unwrap();

    assert_eq!(report.imported, 12_000);
    assert_eq!(app.customers().unwrap().len(), 12_000);
    let saving: Vec<&ImportProgress> = heard
        .iter()
        .filter(|p| p.stage == ImportStage::Saving)
        .collect();
    let first_saving = heard
        .iter()
        .position(|p| p.stage == ImportStage::Saving)
        .unwrap();
    assert!(
        heard[first_saving..]
            .iter()
            .all(|p| p.stage == ImportStage::Saving),
        "reading was told after saving began"
    );
    // Three chunks of at most 5,000: told before each and at the end.
    let done: Vec<u64> = saving.iter().map(|p| p.done).collect();
    assert_eq!(done, vec![0, 5_000, 10_000, 12_000]);
    assert!(saving.iter().all(|p| p.total == 12_000));
}

#[test]
fn a_csv_is_previewed_and_imported_with_its_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("google.csv");
    std::fs::write(
        &file,
        "Name,E-mail 1 - Value,Birthday\nAda Lovelace,ada@example.org,1985-12-10\nAlan Turing,alan@example.org,--06-23\n",
    )
    .unwrap();
    let app = open(&dir.path().join("store"));

    let preview = app.preview_contacts_file(&file).unwrap();
    let how = ContactsImport {
        format: ContactsFormat::Csv,
        mapping: Some(preview.mapping),
        duplicates: Duplicates::Merge,
        dry_run: false,
    };
    let report = app.import_contacts_file(&file, &how, &mut |_| {}).unwrap();

    assert_eq!(report.imported, 2, "{:?}", report.errors);
    let mut names: Vec<String> = app
        .customers()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    names.sort();
    assert_eq!(names, ["Ada Lovelace", "Alan Turing"]);
}

#[test]
fn a_csv_without_its_mapping_is_refused_naming_the_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contacts.csv");
    std::fs::write(&file, "Name\nAda\n").unwrap();
    let app = open(&dir.path().join("store"));
    let how = ContactsImport {
        format: ContactsFormat::Csv,
        mapping: None,
        duplicates: Duplicates::Merge,
        dry_run: false,
    };
    match app.import_contacts_file(&file, &how, &mut |_| {}) {
        Err(Error::Invalid(v)) => assert_eq!(v.field, "mapping"),
        other => panic!("expected a mapping error, got {other:?}"),
    }
    assert!(app.customers().unwrap().is_empty());
}

#[test]
fn a_file_that_is_gone_is_named_as_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(&dir.path().join("store"));
    let gone = dir.path().join("gone.vcf");
    match app.import_contacts_file(&gone, &vcard_import(false), &mut |_| {}) {
        Err(Error::Invalid(v)) => {
            assert_eq!(v.field, "file");
            assert!(v.message.contains("cannot be opened"), "{}", v.message);
        }
        other => panic!("expected a file error, got {other:?}"),
    }
    match app.preview_contacts_file(&gone) {
        Err(Error::Invalid(v)) => assert_eq!(v.field, "file"),
        other => panic!("expected a file error, got {other:?}"),
    }
}

#[test]
fn a_file_is_told_apart_by_its_name_else_by_its_first_bytes() {
    assert_eq!(
        ContactsFormat::of("A.VCF", b"Name,Email"),
        ContactsFormat::Vcard
    );
    assert_eq!(ContactsFormat::of("x.vcard", b""), ContactsFormat::Vcard);
    assert_eq!(
        ContactsFormat::of("x.csv", b"BEGIN:VCARD"),
        ContactsFormat::Csv
    );
    assert_eq!(
        ContactsFormat::of("export", b"\xEF\xBB\xBF\r\n begin:vcard\r\nVERSION:3.0"),
        ContactsFormat::Vcard
    );
    assert_eq!(
        ContactsFormat::of("export", b"Name,Email\n"),
        ContactsFormat::Csv
    );
    assert_eq!(ContactsFormat::of("export", b""), ContactsFormat::Csv);
}

/// The peak resident memory, in MB, of the biggest child this process has waited for.
#[cfg(unix)]
fn children_peak_mb() -> f64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(ok, 0, "getrusage");
    usage.ru_maxrss as f64 / 1024.0 // kilobytes on Linux
}

#[cfg(unix)]
#[test]
fn a_100_mb_vcard_file_is_read_without_being_held_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("with-photos.vcf");
    // 1,000 contacts with a 100 kB photo each, folded as phones write them.
    let photo_line = format!(" {}\r\n", "QUJD".repeat(18));
    let photo: String = photo_line.repeat(100_000 / photo_line.len());
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
        for i in 0..1_000 {
            write!(
                f,
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\nEMAIL:p{i}@example.org\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/\r\n{photo}END:VCARD\r\n"
            )
            .unwrap();
        }
    }
    let size_mb = std::fs::metadata(&file).unwrap().len() as f64 / 1e6;
    assert!(size_mb >= 100.0, "the file is {size_mb:.0} MB");

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_regulars"))
        .args(["import", "vcard"])
        .arg(&file)
        .args(["--dry-run", "--json"])
        .env("REGULARS_DATA_DIR", dir.path().join("store"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["imported"], 1_000);

    let peak = children_peak_mb();
    eprintln!("{size_mb:.0} MB file: peak memory {peak:.1} MB");
    assert!(
        peak < size_mb / 2.0,
        "importing a {size_mb:.0} MB file peaked at {peak:.0} MB of memory"
    );
}
