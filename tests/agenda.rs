//! The daily list through the façade, on a real store in a temp dir, with a clock
//! we move by hand and real time zones for the DST cases.

use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::{America::New_York, Europe::Berlin, Tz};
use regulars::agenda::{Agenda, AgendaItem, Horizon, ItemKind, When};
use regulars::model::{CustomerDraft, DateDraft, InteractionDraft, InteractionKind};
use regulars::settings::LeapDay;
use regulars::{ManualClock, Regulars};

struct Shop {
    app: Regulars,
    clock: Arc<ManualClock<Tz>>,
    _dir: tempfile::TempDir,
}

/// A store whose clock reads `local` (YYYY-MM-DDTHH:MM) in `zone`.
fn shop_in(zone: Tz, local: &str) -> Shop {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(at(zone, local), zone));
    let app = Regulars::open_with_clock(dir.path(), Box::new(Arc::clone(&clock))).unwrap();
    Shop {
        app,
        clock,
        _dir: dir,
    }
}

fn shop(local: &str) -> Shop {
    shop_in(Berlin, local)
}

fn at(zone: Tz, local: &str) -> DateTime<Utc> {
    let naive = chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M").unwrap();
    zone.from_local_datetime(&naive)
        .earliest()
        .unwrap()
        .with_timezone(&Utc)
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn person(app: &Regulars, name: &str, birthday: Option<&str>, dates: &[(&str, &str)]) -> String {
    let draft = CustomerDraft {
        name: name.into(),
        birthday: birthday.map(Into::into),
        dates: dates
            .iter()
            .map(|(label, date)| DateDraft {
                label: (*label).into(),
                date: (*date).into(),
            })
            .collect(),
        ..Default::default()
    };
    app.add_customer(&draft).unwrap().id.to_string()
}

fn on(shop: &Shop, date: &str, days: u32) -> Agenda {
    shop.app
        .agenda(Some(day(date)), Horizon::Days(days))
        .unwrap()
}

fn notice_list(shop: &Shop, date: &str) -> Agenda {
    shop.app.agenda(Some(day(date)), Horizon::Notice).unwrap()
}

/// (kind, when, date, age, years) of one item, for compact table assertions.
type Brief = (ItemKind, When, String, Option<u32>, Option<u32>);

fn summary(a: &Agenda) -> Vec<Brief> {
    a.items
        .iter()
        .map(|i| (i.kind, i.when, i.date.to_string(), i.age, i.years))
        .collect()
}

fn only(a: &Agenda) -> &AgendaItem {
    assert_eq!(a.items.len(), 1, "{:#?}", a.items);
    &a.items[0]
}

#[test]
fn leap_day_birthdays_in_common_and_leap_years() {
    use ItemKind::Birthday as B;
    let s = shop("2026-11-24T09:00");
    person(&s.app, "Lea", Some("1992-02-29"), &[]);
    // (asked on, look-ahead days, expected items)
    type Expected<'a> = &'a [(When, &'a str, u32)];
    let table: &[(&str, u32, Expected)] = &[
        ("2027-02-28", 0, &[(When::Today, "2027-02-28", 35)]),
        ("2027-02-27", 1, &[(When::Upcoming, "2027-02-28", 35)]),
        ("2027-03-01", 0, &[(When::Overdue, "2027-02-28", 35)]),
        ("2027-03-04", 0, &[]), // past the 3 days a missed birthday stays
        ("2028-02-28", 0, &[]),
        ("2028-02-28", 1, &[(When::Upcoming, "2028-02-29", 36)]),
        ("2028-02-29", 0, &[(When::Today, "2028-02-29", 36)]),
        ("2028-03-01", 0, &[(When::Overdue, "2028-02-29", 36)]),
    ];
    for (asked, days, expected) in table {
        let got = summary(&on(&s, asked, *days));
        let want: Vec<_> = expected
            .iter()
            .map(|(w, d, age)| (B, *w, d.to_string(), Some(*age), None))
            .collect();
        assert_eq!(got, want, "asked on {asked} for {days} days");
    }

    // The setting moves it to Mar 1 in common years, and only then.
    let mut settings = s.app.settings().unwrap();
    settings.reminders.leap_day = LeapDay::Mar1;
    s.app.save_settings(&settings).unwrap();
    assert_eq!(
        summary(&on(&s, "2027-03-01", 0)),
        vec![(B, When::Today, "2027-03-01".into(), Some(35), None)]
    );
    assert!(on(&s, "2027-02-28", 0).items.is_empty());
    assert_eq!(only(&on(&s, "2028-02-29", 0)).age, Some(36));
}

#[test]
fn windows_cross_the_year_end() {
    let s = shop("2026-11-24T09:00");
    person(&s.app, "Jan", Some("--01-02"), &[]);
    person(&s.app, "Sylvie", Some("1980-12-31"), &[]);
    let a = on(&s, "2026-12-30", 7);
    assert_eq!(
        summary(&a),
        vec![
            (
                ItemKind::Birthday,
                When::Upcoming,
                "2026-12-31".into(),
                Some(46),
                None
            ),
            (
                ItemKind::Birthday,
                When::Upcoming,
                "2027-01-02".into(),
                None,
                None
            ),
        ]
    );
    // Looking back over the year end: Sylvie's missed birthday is still there.
    let a = on(&s, "2027-01-02", 0);
    assert_eq!(
        summary(&a),
        vec![
            (
                ItemKind::Birthday,
                When::Overdue,
                "2026-12-31".into(),
                Some(46),
                None
            ),
            (
                ItemKind::Birthday,
                When::Today,
                "2027-01-02".into(),
                None,
                None
            ),
        ]
    );
    assert!(a.items[1].key.ends_with("/2027"));
    assert!(a.items[0].key.ends_with("/2026"));
}

#[test]
fn yearly_dates_show_ages_and_ordinal_years_only_when_the_year_is_known() {
    let s = shop("2026-11-24T09:00");
    person(
        &s.app,
        "Anna",
        Some("1985-11-24"),
        &[
            ("Wedding anniversary", "2020-11-25"),
            ("Customer since", "--11-26"),
            ("Shop opened", "2026-11-24"), // this year: nothing to celebrate yet
        ],
    );
    person(&s.app, "Finn", Some("--11-24"), &[]);
    let a = notice_list(&s, "2026-11-24");
    let got: Vec<_> = a
        .items
        .iter()
        .map(|i| (i.customer_name.as_str(), i.label.as_str(), i.age, i.years))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Anna", "Birthday", Some(41), None),
            ("Finn", "Birthday", None, None),
            ("Anna", "Wedding anniversary", None, Some(6)),
            ("Anna", "Customer since", None, None),
        ]
    );
}

#[test]
fn advance_notice_and_missed_days_follow_the_settings() {
    let s = shop("2026-11-24T09:00");
    person(&s.app, "Ahead", Some("1990-11-27"), &[]); // in 3 days: shown
    person(&s.app, "Further", Some("1990-11-28"), &[]); // in 4 days: not yet
    person(&s.app, "Missed", Some("1990-11-21"), &[]); // 3 days ago: still shown
    person(&s.app, "Long gone", Some("1990-11-20"), &[]); // 4 days ago: faded
    let names =
        |a: &Agenda| -> Vec<String> { a.items.iter().map(|i| i.customer_name.clone()).collect() };
    assert_eq!(names(&notice_list(&s, "2026-11-24")), ["Missed", "Ahead"]);

    let mut settings = s.app.settings().unwrap();
    settings.reminders.birthday_notice_days = 4;
    settings.reminders.missed_days = 0;
    s.app.save_settings(&settings).unwrap();
    assert_eq!(names(&notice_list(&s, "2026-11-24")), ["Ahead", "Further"]);
}

#[test]
fn done_and_snooze_apply_to_one_occurrence_and_next_year_comes_back() {
    let s = shop("2026-11-24T09:00");
    let anna = person(&s.app, "Anna", Some("1985-11-24"), &[]);
    let key = format!("birthday/{anna}/2026");
    assert_eq!(only(&notice_list(&s, "2026-11-24")).key, key);

    s.app.reminder_done(&key).unwrap();
    assert!(notice_list(&s, "2026-11-24").items.is_empty());
    assert_eq!(only(&notice_list(&s, "2027-11-24")).age, Some(42));

    // Undo brings it back; then snooze it to Friday.
    assert_eq!(s.app.undo_reminder().unwrap().unwrap().key, key);
    assert_eq!(only(&notice_list(&s, "2026-11-24")).key, key);
    assert_eq!(s.app.undo_reminder().unwrap(), None, "one level of undo");
    s.app.reminder_snooze(&key, day("2026-11-27")).unwrap();
    assert!(on(&s, "2026-11-24", 2).items.is_empty());
    let friday = on(&s, "2026-11-24", 3);
    let item = only(&friday);
    assert_eq!(
        (item.when, item.date, item.occurs_on, item.snoozed),
        (When::Upcoming, day("2026-11-27"), day("2026-11-24"), true)
    );
    // Snoozed past the days a missed birthday stays, it still comes back.
    s.app.reminder_snooze(&key, day("2026-12-10")).unwrap();
    assert_eq!(only(&on(&s, "2026-12-10", 0)).when, When::Today);
    assert!(on(&s, "2026-11-28", 0).items.is_empty());
    s.app.reminder_dismiss(&key).unwrap();
    assert!(on(&s, "2026-12-10", 0).items.is_empty());
}

#[test]
fn a_snooze_must_end_after_today_and_keys_must_exist() {
    let s = shop("2026-11-24T09:00");
    let anna = person(&s.app, "Anna", Some("1985-11-24"), &[]);
    let e = s
        .app
        .reminder_snooze(&format!("birthday/{anna}/2026"), day("2026-11-24"))
        .unwrap_err();
    assert_eq!(e.report().field.as_deref(), Some("until"));
    let e = s
        .app
        .reminder_done(&format!("date/{anna}/wedding/2026"))
        .unwrap_err();
    assert_eq!(e.kind(), "not-found");
    let e = s.app.reminder_done("birthday/x/2026").unwrap_err();
    assert_eq!(e.report().field.as_deref(), Some("key"));
    assert_eq!(s.app.store().counts().reminders, 0, "nothing written");
}

fn log(app: &Regulars, id: &str, at: &str, follow_up: Option<&str>) -> String {
    let draft = InteractionDraft {
        kind: InteractionKind::Call,
        text: "Ask about the **wedding cake**\nand the date".into(),
        at: Some(at.into()),
        follow_up: follow_up.map(Into::into),
    };
    app.log_interaction(id, &draft).unwrap().id.to_string()
}

#[test]
fn follow_ups_stay_overdue_until_done_and_undo_restores_them() {
    let s = shop("2026-11-24T09:00");
    let finn = person(&s.app, "Finn", None, &[]);
    let call = log(&s.app, &finn, "2026-10-01T10:00", Some("2026-10-15"));
    log(&s.app, &finn, "2026-11-20T10:00", Some("2026-11-25T14:30"));
    let a = notice_list(&s, "2026-11-24");
    let item = only(&a); // tomorrow's is beyond the follow-up notice (0 days)
    assert_eq!(
        (item.when, item.date, item.label.as_str()),
        (
            When::Overdue,
            day("2026-10-15"),
            "Ask about the wedding cake"
        )
    );
    assert_eq!(item.key, format!("follow-up/{finn}/{call}"));
    let a = on(&s, "2026-11-24", 1);
    assert_eq!(a.items[1].time.as_deref(), Some("14:30"));

    let before = s.app.store().counts().follow_ups;
    s.app.reminder_done(&item.key).unwrap();
    assert!(notice_list(&s, "2026-11-24").items.is_empty());
    assert_eq!(
        s.app.store().counts().follow_ups,
        before - 1,
        "left the open index"
    );
    s.app.undo_reminder().unwrap();
    assert_eq!(only(&notice_list(&s, "2026-11-24")).key, item.key);
    assert_eq!(s.app.store().counts().follow_ups, before);
}

#[test]
fn keep_in_touch_resets_with_any_logged_contact_and_with_done() {
    let s = shop("2026-11-24T09:00");
    let draft = CustomerDraft {
        name: "Bakery Nord".into(),
        cadence_days: Some(30),
        ..Default::default()
    };
    let nord = s.app.add_customer(&draft).unwrap().id.to_string();
    assert!(
        notice_list(&s, "2026-11-24").items.is_empty(),
        "new: not due yet"
    );
    assert_eq!(
        only(&notice_list(&s, "2026-12-24")).kind,
        ItemKind::KeepInTouch
    );
    let late = notice_list(&s, "2027-01-10");
    let item = only(&late);
    assert_eq!(
        (item.when, item.date, item.label.as_str()),
        (When::Overdue, day("2026-12-24"), "Every 30 days")
    );

    // A call logged on Dec 20 moves the clock: due again on Jan 19.
    s.clock.set(at(Berlin, "2026-12-20T12:00"));
    log(&s.app, &nord, "2026-12-20T11:00", None);
    assert!(notice_list(&s, "2027-01-10").items.is_empty());
    assert_eq!(only(&notice_list(&s, "2027-01-19")).date, day("2027-01-19"));

    // "Done" on the reminder means "I was in touch today".
    s.clock.set(at(Berlin, "2027-01-20T09:00"));
    let key = only(&notice_list(&s, "2027-01-20")).key.clone();
    s.app.reminder_done(&key).unwrap();
    assert!(notice_list(&s, "2027-02-18").items.is_empty());
    assert_eq!(only(&notice_list(&s, "2027-02-19")).date, day("2027-02-19"));
    assert_eq!(
        s.app.customer(&nord).unwrap().last_contacted,
        Some(at(Berlin, "2027-01-20T09:00"))
    );
    // Undo puts the clock back.
    s.app.undo_reminder().unwrap();
    assert_eq!(only(&notice_list(&s, "2027-01-20")).key, key);
}

#[test]
fn an_undo_that_would_overwrite_a_later_edit_is_refused() {
    let s = shop("2026-11-24T09:00");
    let draft = CustomerDraft {
        name: "Bakery Nord".into(),
        cadence_days: Some(7),
        ..Default::default()
    };
    let nord = s.app.add_customer(&draft).unwrap().id.to_string();
    s.clock.advance(Duration::days(10));
    let key = only(&notice_list(&s, "2026-12-04")).key.clone();
    s.app.reminder_done(&key).unwrap();
    let mut edit = CustomerDraft::from_customer(&s.app.customer(&nord).unwrap());
    edit.name = "Bäckerei Nord".into();
    s.app.update_customer(&nord, &edit).unwrap();
    let e = s.app.undo_reminder().unwrap_err();
    assert_eq!(e.kind(), "conflict");
    assert_eq!(s.app.customer(&nord).unwrap().name, "Bäckerei Nord");
}

#[test]
fn archived_and_erased_customers_raise_no_reminders() {
    let s = shop("2026-11-24T09:00");
    let anna = person(
        &s.app,
        "Anna",
        Some("1985-11-24"),
        &[("Since", "2020-11-24")],
    );
    let finn = person(&s.app, "Finn", Some("1990-11-24"), &[]);
    log(&s.app, &finn, "2026-11-01T10:00", Some("2026-11-20"));
    s.app
        .reminder_snooze(&format!("birthday/{finn}/2026"), day("2026-11-30"))
        .unwrap();
    s.app.archive_customer(&anna).unwrap();
    assert_eq!(notice_list(&s, "2026-11-24").items.len(), 1);
    s.app.restore_customer(&anna).unwrap();
    assert_eq!(notice_list(&s, "2026-11-24").items.len(), 3);
    s.app.delete_customer(&finn).unwrap();
    assert_eq!(notice_list(&s, "2026-11-24").items.len(), 2);
    assert_eq!(
        on(&s, "2026-11-30", 0).items.len(),
        0,
        "the snooze went too"
    );
    let counts = s.app.store().counts();
    assert_eq!((counts.occasions, counts.reminders), (2, 0));
}

#[test]
fn the_list_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(at(Berlin, "2026-11-24T09:00"), Berlin));
    let key = {
        let app = Regulars::open_with_clock(dir.path(), Box::new(Arc::clone(&clock))).unwrap();
        let anna = person(&app, "Anna", Some("1985-11-24"), &[]);
        person(&app, "Finn", Some("1990-11-24"), &[]);
        let key = format!("birthday/{anna}/2026");
        app.reminder_done(&key).unwrap();
        key
    };
    let app = Regulars::open_with_clock(dir.path(), Box::new(clock)).unwrap();
    let a = app.agenda(None, Horizon::Notice).unwrap();
    assert_eq!(a.items.len(), 1);
    assert_ne!(a.items[0].key, key);
}

/// Timed follow-ups on the nights the clocks change: the item's day and time
/// are local, and the moment it falls due is the right instant in UTC.
#[test]
fn timed_follow_ups_on_dst_days() {
    use regulars::agenda::follow_ups::due_at;
    use regulars::model::FollowUp;
    let cases: &[(Tz, &str, &str)] = &[
        // Spring forward: 02:30 does not exist; due when the clocks jump (03:00 local).
        (Berlin, "2026-03-29T02:30", "2026-03-29T01:30:00Z"),
        (New_York, "2026-03-08T02:30", "2026-03-08T07:30:00Z"),
        // Fall back: 02:30 (Berlin) and 01:30 (New York) happen twice; the first counts.
        (Berlin, "2026-10-25T02:30", "2026-10-25T00:30:00Z"),
        (New_York, "2026-11-01T01:30", "2026-11-01T05:30:00Z"),
        // An ordinary time on those days.
        (Berlin, "2026-03-29T09:00", "2026-03-29T07:00:00Z"),
        (New_York, "2026-11-01T09:00", "2026-11-01T14:00:00Z"),
    ];
    for (zone, local, utc) in cases {
        let s = shop_in(*zone, "2026-01-01T12:00");
        let f: FollowUp = local.parse().unwrap();
        assert_eq!(
            due_at(&f, s.clock.as_ref())
                .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
            Some(utc.to_string()),
            "{zone} {local}"
        );
        // On the list it is that local day's item, with its local time.
        let finn = person(&s.app, "Finn", None, &[]);
        log(&s.app, &finn, "2025-12-01T10:00", Some(local));
        let item = only(&on(&s, &local[..10], 0)).clone();
        assert_eq!(
            (item.when, item.time.as_deref()),
            (When::Today, Some(&local[11..]))
        );
    }
    // "Today" is the owner's day: 23:30 UTC on Mar 28 is already Mar 29 in Berlin.
    let s = shop_in(Berlin, "2026-03-29T00:30");
    assert_eq!(s.clock.now().to_rfc3339(), "2026-03-28T23:30:00+00:00");
    let finn = person(&s.app, "Finn", None, &[]);
    log(&s.app, &finn, "2026-03-01T10:00", Some("2026-03-29T10:00"));
    assert_eq!(
        only(&s.app.agenda(None, Horizon::Notice).unwrap()).when,
        When::Today
    );
}
