//! Saved segments and bulk changes, through the façade on a real store.

use chrono::{TimeZone, Utc};
use regulars::agenda::Horizon;
use regulars::listing::{CustomerQuery, SortBy};
use regulars::model::CustomerDraft;
use regulars::segments::{BulkChange, SegmentDraft};
use regulars::{FixedClock, Regulars};

fn open(dir: &std::path::Path) -> Regulars {
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    Regulars::open_with_clock(dir, Box::new(FixedClock::utc(now))).unwrap()
}

fn add(app: &Regulars, name: &str, tags: &[&str]) -> String {
    let draft = CustomerDraft {
        name: name.into(),
        birthday: Some("1980-11-24".into()),
        tags: tags.iter().map(|t| (*t).into()).collect(),
        ..Default::default()
    };
    app.add_customer(&draft).unwrap().id.to_string()
}

fn tagged(tag: &str) -> CustomerQuery {
    CustomerQuery {
        tag: Some(tag.into()),
        ..Default::default()
    }
}

#[test]
fn segments_are_saved_named_uniquely_renamed_and_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let app = open(dir.path());
        let draft = SegmentDraft {
            name: "VIP regulars".into(),
            query: CustomerQuery {
                sort: SortBy::LastContacted,
                offset: Some(200),
                ..tagged("vip")
            },
        };
        let saved = app.save_segment(&draft).unwrap();
        assert_eq!(
            saved.query.offset, None,
            "a segment is every match, not a page"
        );
        let again = app.save_segment(&SegmentDraft {
            name: "vip REGULARS".into(),
            ..draft.clone()
        });
        assert_eq!(again.unwrap_err().report().field.as_deref(), Some("name"));
        app.save_segment(&SegmentDraft {
            name: "Lapsed".into(),
            query: CustomerQuery::default(),
        })
        .unwrap();
        saved.id
    };
    let app = open(dir.path());
    let names: Vec<String> = app
        .segments()
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["Lapsed", "VIP regulars"]);

    let renamed = app
        .update_segment(
            &id,
            &SegmentDraft {
                name: "Champions".into(),
                query: tagged("champion"),
            },
        )
        .unwrap();
    assert_eq!(
        (renamed.name.as_str(), renamed.query.tag.as_deref()),
        ("Champions", Some("champion"))
    );
    let clash = app.update_segment(
        &id,
        &SegmentDraft {
            name: "lapsed".into(),
            query: CustomerQuery::default(),
        },
    );
    assert!(clash.is_err());
    app.delete_segment(&id).unwrap();
    assert_eq!(app.delete_segment(&id).unwrap_err().kind(), "not-found");
    assert_eq!(app.segments().unwrap().len(), 1);
}

#[test]
fn bulk_tags_count_only_the_customers_they_change() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let a = add(&app, "Anna", &["vip"]);
    let b = add(&app, "Bo", &[]);
    let c = add(&app, "Cleo", &["bakery"]);
    let ids = vec![a.clone(), b.clone(), c.clone()];

    let added = app
        .bulk_edit(&ids, &BulkChange::AddTag { tag: "VIP".into() })
        .unwrap();
    assert_eq!(added.changed, 2, "Anna already had it (case aside)");
    assert_eq!(app.matching_customer_ids(&tagged("vip")).len(), 3);
    assert_eq!(app.customer(&b).unwrap().tags, ["VIP"]);

    let removed = app
        .bulk_edit(&ids, &BulkChange::RemoveTag { tag: "vip".into() })
        .unwrap();
    assert_eq!(removed.changed, 3);
    assert!(app.matching_customer_ids(&tagged("vip")).is_empty());
    assert_eq!(app.customer(&c).unwrap().tags, ["bakery"]);
}

#[test]
fn a_bad_bulk_change_changes_no_one() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let a = add(&app, "Anna", &[]);
    let b = add(&app, "Bo", &[]);
    let too_long = "x".repeat(100);
    for (ids, change, field) in [
        (
            vec![a.clone(), b.clone()],
            BulkChange::AddTag { tag: too_long },
            Some("tag"),
        ),
        (
            vec![a.clone()],
            BulkChange::SetCadence { days: Some(99_999) },
            Some("days"),
        ),
        (
            vec![a.clone(), "not-an-id".into()],
            BulkChange::Archive,
            None,
        ),
    ] {
        let e = app.bulk_edit(&ids, &change).unwrap_err();
        assert_eq!(e.kind(), "invalid", "{e}");
        assert_eq!(e.report().field.as_deref(), field, "{e}");
    }
    let missing = "01a20cd0-0000-7000-8000-000000000000".to_string();
    let e = app
        .bulk_edit(&[a.clone(), missing], &BulkChange::Archive)
        .unwrap_err();
    assert_eq!(e.kind(), "not-found");
    // Nothing happened to anyone, the first customer included.
    let anna = app.customer(&a).unwrap();
    assert!(anna.tags.is_empty() && anna.cadence_days.is_none() && anna.archived_at.is_none());
}

#[test]
fn bulk_cadence_and_archive_reach_the_daily_list_and_its_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path());
    let ids: Vec<String> = ["Anna", "Bo", "Cleo"]
        .iter()
        .map(|n| add(&app, n, &["market"]))
        .collect();
    let set = app
        .bulk_edit(&ids, &BulkChange::SetCadence { days: Some(30) })
        .unwrap();
    assert_eq!(set.changed, 3);
    assert_eq!(app.store().counts().keep_in_touch, 3);
    assert_eq!(
        app.agenda(None, Horizon::Notice).unwrap().items.len(),
        3,
        "three birthdays today"
    );

    let archived = app.bulk_edit(&ids[..2], &BulkChange::Archive).unwrap();
    assert_eq!(archived.changed, 2);
    assert_eq!(
        app.matching_customer_ids(&tagged("market")),
        [ids[2].clone()]
    );
    assert_eq!(app.agenda(None, Horizon::Notice).unwrap().items.len(), 1);
    let counts = app.store().counts();
    assert_eq!((counts.occasions, counts.keep_in_touch), (1, 1));
    // Archiving again changes no one; restoring brings one back everywhere.
    assert_eq!(
        app.bulk_edit(&ids[..2], &BulkChange::Archive)
            .unwrap()
            .changed,
        0
    );
    app.restore_customer(&ids[0]).unwrap();
    assert_eq!(app.matching_customer_ids(&tagged("market")).len(), 2);
}
