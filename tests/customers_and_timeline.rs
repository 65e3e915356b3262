//! Profiles, relationships, archive/delete and the timeline, through the façade,
//! on a real store in a temp dir with a fixed clock.

use chrono::{TimeZone, Utc};
use regulars::model::{CustomerDraft, InteractionDraft, InteractionKind, RelationKind};
use regulars::{FixedClock, Regulars};

fn open(dir: &std::path::Path) -> Regulars {
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    Regulars::open_with_clock(dir, Box::new(FixedClock::utc(now))).unwrap()
}

fn add(app: &Regulars, name: &str) -> String {
    let draft = CustomerDraft {
        name: name.into(),
        ..Default::default()
    };
    app.add_customer(&draft).unwrap().id.to_string()
}

fn note(text: &str, at: Option<&str>, follow_up: Option<&str>) -> InteractionDraft {
    InteractionDraft {
        kind: InteractionKind::Meeting,
        text: text.into(),
        at: at.map(Into::into),
        follow_up: follow_up.map(Into::into),
    }
}

#[test]
fn logging_a_meeting_moves_last_contacted_forward_only() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let anna = add(&app, "Anna");
    app.log_interaction(&anna, &note("Coffee", Some("2026-11-20T10:00"), None))
        .unwrap();
    app.log_interaction(&anna, &note("Older call", Some("2026-10-01T10:00"), None))
        .unwrap();
    let c = app.customer(&anna).unwrap();
    assert_eq!(
        c.last_contacted,
        Some(Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap())
    );
}

#[test]
fn the_timeline_is_newest_first_even_when_notes_are_backdated() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let anna = add(&app, "Anna");
    app.log_interaction(&anna, &note("second", Some("2026-11-20T10:00"), None))
        .unwrap();
    app.log_interaction(&anna, &note("third", None, Some("2026-12-01")))
        .unwrap();
    app.log_interaction(&anna, &note("first", Some("2026-11-01T08:30"), None))
        .unwrap();
    let texts: Vec<String> = app
        .timeline(&anna)
        .unwrap()
        .into_iter()
        .map(|e| e.text)
        .collect();
    assert_eq!(texts, ["third", "second", "first"]);
    let other = add(&app, "Other");
    assert!(
        app.timeline(&other).unwrap().is_empty(),
        "one customer's notes stay theirs"
    );
}

#[test]
fn follow_ups_are_found_by_date_range_from_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let anna = add(&app, "Anna");
    let finn = add(&app, "Finn");
    app.log_interaction(&anna, &note("a", None, Some("2026-12-01")))
        .unwrap();
    app.log_interaction(&finn, &note("b", None, Some("2026-12-03T14:00")))
        .unwrap();
    app.log_interaction(&finn, &note("c", None, Some("2027-01-10")))
        .unwrap();
    app.log_interaction(&finn, &note("no follow-up", None, None))
        .unwrap();
    let from = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let to = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let due: Vec<String> = app
        .store()
        .follow_ups_between(from, to)
        .unwrap()
        .into_iter()
        .map(|i| i.text)
        .collect();
    assert_eq!(due, ["a", "b"]);
}

#[test]
fn deleting_a_customer_leaves_no_orphan_records_or_index_entries() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let anna = add(&app, "Anna");
    let finn = add(&app, "Finn");
    app.log_interaction(&finn, &note("kept", None, Some("2026-12-02")))
        .unwrap();
    let before = app.store().counts();
    app.log_interaction(&anna, &note("x", None, Some("2026-12-01")))
        .unwrap();
    app.log_interaction(&anna, &note("y", None, None)).unwrap();
    app.relate(&anna, RelationKind::Spouse, &finn).unwrap();

    app.delete_customer(&anna).unwrap();

    let after = app.store().counts();
    assert_eq!(after.customers, before.customers - 1);
    assert_eq!(after.interactions, before.interactions);
    assert_eq!(after.follow_ups, before.follow_ups);
    assert!(
        app.customer(&finn).unwrap().relationships.is_empty(),
        "the other side is gone too"
    );
    assert_eq!(app.customer(&anna).unwrap_err().kind(), "not-found");
}

#[test]
fn a_relationship_is_recorded_on_both_sides_with_the_inverse_kind() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let anna = add(&app, "Anna");
    let bakery = add(&app, "Bakery Nord");
    app.relate(&anna, RelationKind::WorksAt, &bakery).unwrap();
    let a = app.customer(&anna).unwrap();
    let b = app.customer(&bakery).unwrap();
    assert_eq!(a.relationships[0].kind, RelationKind::WorksAt);
    assert_eq!(b.relationships[0].kind, RelationKind::Employs);
    assert_eq!(b.relationships[0].customer_id, a.id);
    // Relating again replaces, never duplicates.
    app.relate(&bakery, RelationKind::ReferredBy, &anna)
        .unwrap();
    assert_eq!(app.customer(&anna).unwrap().relationships.len(), 1);
    assert_eq!(
        app.customer(&anna).unwrap().relationships[0].kind,
        RelationKind::Referred
    );
    app.unrelate(&anna, &bakery).unwrap();
    assert!(app.customer(&bakery).unwrap().relationships.is_empty());
    assert_eq!(
        app.relate(&anna, RelationKind::Spouse, &anna)
            .unwrap_err()
            .kind(),
        "invalid"
    );
}

#[test]
fn an_archived_customer_is_hidden_until_restored() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let anna = add(&app, "Anna");
    add(&app, "Finn");
    app.archive_customer(&anna).unwrap();
    let names =
        |list: Vec<regulars::model::Customer>| list.into_iter().map(|c| c.name).collect::<Vec<_>>();
    assert_eq!(names(app.customers().unwrap()), ["Finn"]);
    assert_eq!(names(app.archived_customers().unwrap()), ["Anna"]);
    app.restore_customer(&anna).unwrap();
    assert_eq!(names(app.customers().unwrap()), ["Anna", "Finn"]);
}

#[test]
fn an_edit_that_fails_validation_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let anna = add(&app, "Anna");
    let before = app.customer(&anna).unwrap();
    let mut d = CustomerDraft::from_customer(&before);
    d.birthday = Some("2025-02-30".into());
    assert_eq!(
        app.update_customer(&anna, &d).unwrap_err().kind(),
        "invalid"
    );
    assert_eq!(app.customer(&anna).unwrap(), before);
}

#[test]
fn a_bad_first_note_leaves_no_customer_behind() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let draft = CustomerDraft {
        name: "Anna".into(),
        ..Default::default()
    };
    let err = app
        .add_customer_with_note(&draft, &note(" ", None, None))
        .unwrap_err();
    assert_eq!(err.report().field.as_deref(), Some("text"));
    assert!(app.customers().unwrap().is_empty());
}

#[test]
fn the_quick_note_draft_survives_a_reopen_and_clears_when_emptied() {
    let dir = tempfile::tempdir().unwrap();
    {
        let app = open(dir.path());
        app.save_quick_note_draft("Met Anna at the market; wants")
            .unwrap();
    }
    let app = open(dir.path());
    assert_eq!(
        app.quick_note_draft().unwrap().as_deref(),
        Some("Met Anna at the market; wants")
    );
    app.save_quick_note_draft("   ").unwrap();
    assert_eq!(app.quick_note_draft().unwrap(), None);
}
