//! Backups, restore, automatic daily backups, a customer's export and a true
//! erase, on real stores in temp dirs.

use std::path::Path;
use std::sync::Arc;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::{Europe::Berlin, Tz};
use regulars::agenda::Horizon;
use regulars::app::backup::{erase_customer, import_backup, list_backups, restore};
use regulars::model::{
    ComplaintDraft, CustomerDraft, FeedbackDraft, InteractionDraft, InteractionKind, OrderDraft,
    OrderLineDraft, Severity,
};
use regulars::segments::SegmentDraft;
use regulars::{ManualClock, Regulars};

fn noon(date: &str) -> chrono::DateTime<Utc> {
    let d: NaiveDate = date.parse().unwrap();
    Berlin
        .from_local_datetime(&d.and_hms_opt(12, 0, 0).unwrap())
        .earliest()
        .unwrap()
        .with_timezone(&Utc)
}

fn clock(date: &str) -> Box<ManualClock<Tz>> {
    Box::new(ManualClock::new(noon(date), Berlin))
}

fn open(dir: &Path) -> Regulars {
    Regulars::open_with_clock(dir, clock("2026-11-23")).unwrap()
}

/// A store with one of everything the owner can enter.
fn full_store(dir: &Path) -> String {
    let app = open(dir);
    app.seed_demo(60, 3).unwrap();
    let draft = CustomerDraft {
        name: "Zelda Quist".into(),
        emails: vec!["zelda@example.com".into()],
        birthday: Some("--02-29".into()),
        cadence_days: Some(30),
        ..Default::default()
    };
    let id = app.add_customer(&draft).unwrap().id.to_string();
    app.log_interaction(
        &id,
        &InteractionDraft {
            kind: InteractionKind::Meeting,
            text: "Discussed the zebra cake, call back".into(),
            follow_up: Some("2026-11-30".into()),
            ..Default::default()
        },
    )
    .unwrap();
    app.add_order(
        &id,
        &OrderDraft {
            note: Some("Zanzibar spice".into()),
            lines: vec![OrderLineDraft {
                product: "Zebra cake".into(),
                quantity: "2".into(),
                unit_price: Some("31.50".into()),
                category: Some("Cakes".into()),
            }],
            ..Default::default()
        },
    )
    .unwrap();
    app.add_feedback(
        &id,
        &FeedbackDraft {
            rating: Some(2),
            nps: Some(4),
            text: Some("Zest was missing".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let complaint = app
        .open_complaint(
            &id,
            &ComplaintDraft {
                summary: "Zipper bag torn".into(),
                severity: Severity::Low,
                ..Default::default()
            },
        )
        .unwrap();
    app.acknowledge_complaint(&complaint.id.to_string())
        .unwrap();
    app.save_segment(&SegmentDraft {
        name: "Cake lovers".into(),
        ..Default::default()
    })
    .unwrap();
    let mut settings = app.settings().unwrap();
    settings.business.business_name = Some("Bakery Nord".into());
    settings.complaints.resolve_days = 10;
    app.save_settings(&settings).unwrap();
    let first = app.agenda(None, Horizon::Days(30)).unwrap().items;
    app.reminder_done(&first[0].key).unwrap();
    app.reminder_snooze(&first[1].key, "2026-12-05".parse().unwrap())
        .unwrap();
    app.save_quick_note_draft("Zelda wants a quote").unwrap();
    id
}

#[test]
fn a_backup_restored_into_an_empty_store_backs_up_to_the_same_document() {
    let a = tempfile::tempdir().unwrap();
    full_store(a.path());
    let first = a.path().join("one.json");
    open(a.path()).export_backup(&first).unwrap();

    let b = tempfile::tempdir().unwrap();
    let counts = import_backup(b.path(), &first).unwrap();
    assert_eq!(counts.customers, 61);
    let second = a.path().join("two.json");
    let app = open(b.path());
    app.export_backup(&second).unwrap();
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );
    // Indexes were rebuilt: the restored store answers like the original.
    assert_eq!(app.customers().unwrap().len(), 61);
    let original = open(a.path());
    assert_eq!(
        original.agenda(None, Horizon::Days(30)).unwrap(),
        app.agenda(None, Horizon::Days(30)).unwrap()
    );
    assert_eq!(
        original.insights(None).unwrap().rfm,
        app.insights(None).unwrap().rfm
    );
}

#[test]
fn importing_a_backup_into_a_store_that_has_customers_is_refused() {
    let a = tempfile::tempdir().unwrap();
    full_store(a.path());
    let file = a.path().join("b.json");
    open(a.path()).export_backup(&file).unwrap();
    let e = import_backup(a.path(), &file).unwrap_err().report();
    assert!(
        e.message.contains("already has 61 customers"),
        "{}",
        e.message
    );
}

#[test]
fn a_restore_replaces_everything_and_keeps_a_backup_of_what_was_there() {
    let dir = tempfile::tempdir().unwrap();
    let zelda = full_store(dir.path());
    let file = dir.path().join("before.json");
    let preview_counts = {
        let app = open(dir.path());
        app.export_backup(&file).unwrap();
        app.delete_customer(&zelda).unwrap();
        app.add_customer(&CustomerDraft {
            name: "Added after".into(),
            ..Default::default()
        })
        .unwrap();
        let preview = app.restore_preview(&file).unwrap();
        assert_eq!(
            (preview.backup.customers, preview.current.customers),
            (61, 61)
        );
        assert_eq!(preview.backup.complaints, 1);
        assert_eq!(preview.current.complaints, 0);
        preview.backup
    };
    let restored = restore(dir.path(), &file, clock("2026-11-23")).unwrap();
    assert_eq!(restored, preview_counts);
    let app = open(dir.path());
    assert!(app.customer(&zelda).is_ok());
    assert!(app.find_customers("Added after", 5).is_empty());
    let safety = app.backups().unwrap();
    assert_eq!(safety.len(), 1, "the data before the restore was backed up");
}

#[test]
fn a_bad_backup_is_refused_saying_where_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    full_store(dir.path());
    let bad = dir.path().join("bad.json");
    let cases: [(&str, &str); 4] = [
        (
            "{\"format\": \"regulars-backup\",\n \"version\": 1,\n \"customers\": [}",
            "line 3",
        ),
        (
            "{\"format\": \"something-else\", \"version\": 1}",
            "not a Regulars backup",
        ),
        (
            "{\"format\": \"regulars-backup\", \"version\": 99}",
            "version 99",
        ),
        (
            r#"{"format": "regulars-backup", "version": 1, "customers": [{"id": "0190a6f0-0000-7000-8000-000000000000", "name": " ", "kind": "person", "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}], "interactions": [], "products": [], "orders": []}"#,
            "customers[0].name",
        ),
    ];
    for (text, says) in cases {
        std::fs::write(&bad, text).unwrap();
        let e = restore(dir.path(), &bad, clock("2026-11-23"))
            .unwrap_err()
            .to_string();
        assert!(e.contains(says), "{says}: {e}");
        assert!(e.contains("bad.json"), "names the file: {e}");
    }
    let app = open(dir.path());
    assert_eq!(app.customers().unwrap().len(), 61);
    assert!(
        app.backups().unwrap().is_empty(),
        "nothing was even backed up"
    );
}

#[test]
fn automatic_backups_are_daily_and_only_the_newest_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    full_store(dir.path());
    let clock = Arc::new(ManualClock::new(noon("2026-11-23"), Berlin));
    let app = Regulars::open_with_clock(dir.path(), Box::new(Arc::clone(&clock))).unwrap();
    let mut settings = app.settings().unwrap();
    settings.backups.keep = 3;
    app.save_settings(&settings).unwrap();
    let own = app.backup_now(None).unwrap();
    assert!(app.automatic_backup_if_due().unwrap().is_some());
    assert!(
        app.automatic_backup_if_due().unwrap().is_none(),
        "once a day"
    );
    for day in 1..=4 {
        clock.set(noon("2026-11-23") + Duration::days(day));
        assert!(app.automatic_backup_if_due().unwrap().is_some());
    }
    let all = list_backups(&dir.path().join("backups")).unwrap();
    let automatic: Vec<_> = all.iter().filter(|b| b.automatic).collect();
    assert_eq!(automatic.len(), 3);
    assert_eq!(automatic[0].made_at, noon("2026-11-27"));
    assert!(
        all.iter().any(|b| b.path == own.path),
        "the owner's own backup stays"
    );
}

fn files_holding(dir: &Path, needle: &[u8], skip: &Path, found: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path == skip {
            continue;
        }
        if path.is_dir() {
            files_holding(&path, needle, skip, found);
        } else if std::fs::read(&path)
            .unwrap()
            .windows(needle.len())
            .any(|w| w == needle)
        {
            found.push(path.display().to_string());
        }
    }
}

#[test]
fn erased_text_is_no_longer_readable_in_any_file_of_the_data_directory() {
    let dir = tempfile::tempdir().unwrap();
    let zelda = full_store(dir.path());
    let backups = dir.path().join("backups");
    open(dir.path()).backup_now(None).unwrap();
    let traces = [
        &b"Zelda Quist"[..],
        b"zelda@example.com",
        b"zebra cake, call back",
        b"Zanzibar spice",
        b"Zest was missing",
        b"Zipper bag torn",
    ];
    // Deleting alone leaves the text in sled's log: the test can see it.
    {
        let app = open(dir.path());
        app.archive_customer(&zelda).unwrap();
    }
    let mut before = Vec::new();
    files_holding(dir.path(), traces[2], &backups, &mut before);
    assert!(
        !before.is_empty(),
        "the note is in the store before the erase"
    );

    let report = erase_customer(dir.path(), &zelda, clock("2026-11-23")).unwrap();
    assert_eq!(report.customer_name, "Zelda Quist");
    assert_eq!(report.backups_with_customer.len(), 1);
    for trace in traces {
        let mut found = Vec::new();
        files_holding(dir.path(), trace, &backups, &mut found);
        assert!(
            found.is_empty(),
            "{:?} still readable in {found:?}",
            String::from_utf8_lossy(trace)
        );
    }
    let app = open(dir.path());
    assert_eq!(app.customer(&zelda).unwrap_err().report().kind, "not-found");
    assert_eq!(
        app.customers().unwrap().len(),
        60,
        "everyone else is still there"
    );
    assert!(app.find_customers("Zelda", 5).is_empty());
    assert_eq!(app.quick_note_draft().unwrap(), None);
}

#[test]
fn a_replacement_cut_short_by_a_crash_is_finished_or_rolled_back_on_open() {
    let dir = tempfile::tempdir().unwrap();
    full_store(dir.path());
    let store = dir.path().join("store");
    // Cut after the old store moved aside and before the new one arrived, with
    // no new one built: the old one comes back.
    std::fs::rename(&store, dir.path().join("store.old")).unwrap();
    assert_eq!(open(dir.path()).customers().unwrap().len(), 61);
    assert!(!dir.path().join("store.old").exists());
    // Cut after the new store arrived: the old files go.
    let old = dir.path().join("store.old");
    copy_dir(&store, &old);
    assert_eq!(open(dir.path()).customers().unwrap().len(), 61);
    assert!(!old.exists());
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn a_customer_export_holds_everything_about_them() {
    let dir = tempfile::tempdir().unwrap();
    let zelda = full_store(dir.path());
    let app = open(dir.path());
    let export = app.export_customer(&zelda).unwrap();
    assert_eq!(export.customer.name, "Zelda Quist");
    assert_eq!(export.interactions.len(), 1);
    assert_eq!(export.orders.len(), 1);
    assert_eq!(export.feedback.len(), 1);
    assert_eq!(export.complaints.len(), 1);
    let json = serde_json::to_string(&export).unwrap();
    assert!(json.contains("Zanzibar spice") && json.contains("Zest was missing"));
}

#[test]
fn the_calendar_file_is_rewritten_only_after_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    assert_eq!(
        app.refresh_calendar_file().unwrap(),
        None,
        "not kept unless set"
    );
    let file = dir.path().join("cal").join("Regulars.ics");
    let mut settings = app.settings().unwrap();
    settings.calendar_file = Some("Regulars.ics".into());
    assert_eq!(
        app.save_settings(&settings)
            .unwrap_err()
            .report()
            .field
            .as_deref(),
        Some("calendar_file"),
        "a relative path is refused"
    );
    settings.calendar_file = Some(file.display().to_string());
    app.save_settings(&settings).unwrap();
    assert_eq!(app.refresh_calendar_file().unwrap(), Some(file.clone()));
    assert_eq!(
        app.refresh_calendar_file().unwrap(),
        None,
        "nothing changed"
    );
    app.add_customer(&CustomerDraft {
        name: "Ada Lund".into(),
        birthday: Some("1990-04-01".into()),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(app.refresh_calendar_file().unwrap(), Some(file.clone()));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("Ada Lund"), "{text}");
    std::fs::remove_file(&file).unwrap();
    assert_eq!(
        app.refresh_calendar_file().unwrap(),
        Some(file),
        "a deleted file comes back"
    );
}
