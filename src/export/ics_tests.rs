use chrono::{Datelike, NaiveDate, TimeZone};
use icalendar::{Component as _, EventLike as _};

use super::*;
use crate::model::{
    validate_new_customer, CustomerDraft, CustomerId, DateDraft, InteractionId, InteractionKind,
};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 1, 9, 30, 0).unwrap()
}

fn customer(n: u8, name: &str, birthday: Option<&str>, dates: &[(&str, &str)]) -> Customer {
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
    let id = CustomerId::from_bytes([n; 16]);
    validate_new_customer(&draft, id, now(), now().date_naive()).unwrap()
}

fn follow_up(n: u8, text: &str, when: &str) -> Interaction {
    let id: InteractionId = format!("0190{n:02x}00-0000-7000-8000-000000000000")
        .parse()
        .unwrap();
    Interaction {
        id,
        customer_id: CustomerId::from_bytes([n; 16]),
        kind: InteractionKind::Call,
        at: now(),
        text: text.into(),
        follow_up: Some(when.parse().unwrap()),
        created_at: now(),
    }
}

fn export_with(
    customers: &[Customer],
    follow_ups: &[(Interaction, String)],
    leap_day: LeapDay,
    now: DateTime<Utc>,
) -> String {
    let options = IcsOptions {
        leap_day,
        ..IcsOptions::default()
    };
    let mut out = Vec::new();
    write(customers, follow_ups, &options, now, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn export(customers: &[Customer], follow_ups: &[(Interaction, String)]) -> String {
    export_with(customers, follow_ups, LeapDay::Feb28, now())
}

/// An event as the independent parser (the `icalendar` crate) reads it:
/// (name with parameters, unescaped value) pairs.
type Props = Vec<(String, String)>;

fn events(ics: &str) -> Vec<Props> {
    let unfolded = icalendar::parser::unfold(ics);
    let calendar = icalendar::parser::read_calendar(&unfolded).unwrap();
    calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|c| {
            c.properties
                .iter()
                .map(|p| {
                    let mut name = p.name.as_str().to_owned();
                    for param in &p.params {
                        name.push(';');
                        name.push_str(param.key.as_str());
                        if let Some(v) = &param.val {
                            name.push('=');
                            name.push_str(v.as_str());
                        }
                    }
                    (name, p.val.as_str().to_owned())
                })
                .collect()
        })
        .collect()
}

fn get<'a>(event: &'a Props, name: &str) -> Option<&'a str> {
    event
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// The days the event falls on from `from` to `to`, expanded by the rrule crate
/// (a port of python-dateutil's rrule), not by us.
fn occurrences(ics: &str, uid: &str, from: i32, to: i32) -> Vec<NaiveDate> {
    let calendar: icalendar::Calendar = ics.parse().unwrap();
    let event = calendar
        .events()
        .find(|e| e.property_value("UID") == Some(uid))
        .unwrap_or_else(|| panic!("no event {uid}"));
    let set = event.get_recurrence().unwrap();
    set.into_iter()
        .map(|d| d.date_naive())
        .take_while(|d| d.year() <= to)
        .filter(|d| d.year() >= from)
        .collect()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn the_calendar_names_itself_and_its_version() {
    let ics = export(&[], &[]);
    let unfolded = icalendar::parser::unfold(&ics);
    let calendar = icalendar::parser::read_calendar(&unfolded).unwrap();
    let value = |name: &str| {
        calendar
            .properties
            .iter()
            .find(|p| p.name.as_str() == name)
            .map(|p| p.val.as_str().to_owned())
    };
    assert_eq!(value("VERSION").as_deref(), Some("2.0"));
    assert_eq!(value("PRODID").as_deref(), Some(PRODUCT_ID));
    assert_eq!(value("CALSCALE").as_deref(), Some("GREGORIAN"));
    assert_eq!(value("X-WR-CALNAME").as_deref(), Some("Regulars"));
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
}

#[test]
fn a_birthday_is_an_all_day_event_every_year_from_the_birth_date() {
    let anna = customer(1, "Anna Berg", Some("1985-11-23"), &[]);
    let ics = export(std::slice::from_ref(&anna), &[]);
    let events = events(&ics);
    assert_eq!(events.len(), 1);
    let e = &events[0];
    let uid = format!("birthday-{}@regulars", anna.id);
    assert_eq!(get(e, "UID"), Some(uid.as_str()));
    assert_eq!(get(e, "DTSTAMP"), Some("20260501T093000Z"));
    assert_eq!(get(e, "DTSTART;VALUE=DATE"), Some("19851123"));
    assert_eq!(get(e, "DTEND;VALUE=DATE"), Some("19851124"));
    assert_eq!(get(e, "RRULE"), Some("FREQ=YEARLY"));
    assert_eq!(get(e, "SUMMARY"), Some("Anna Berg’s birthday"));
    assert_eq!(get(e, "DESCRIPTION"), Some("born 1985"));
    assert_eq!(
        occurrences(&ics, &uid, 2026, 2028),
        vec![d("2026-11-23"), d("2027-11-23"), d("2028-11-23")]
    );
}

#[test]
fn a_birthday_without_a_year_starts_in_2000_and_says_no_year() {
    let finn = customer(2, "Finn", Some("--03-22"), &[]);
    let ics = export(&[finn], &[]);
    let e = &events(&ics)[0];
    assert_eq!(get(e, "DTSTART;VALUE=DATE"), Some("20000322"));
    assert_eq!(get(e, "DESCRIPTION"), None);
}

#[test]
fn each_labelled_date_is_its_own_yearly_event() {
    let anna = customer(
        1,
        "Anna Berg",
        None,
        &[
            ("Wedding anniversary", "2010-06-12"),
            ("Customer since", "--09-01"),
        ],
    );
    let ics = export(std::slice::from_ref(&anna), &[]);
    let events = events(&ics);
    let summaries: Vec<_> = events.iter().map(|e| get(e, "SUMMARY").unwrap()).collect();
    assert_eq!(
        summaries,
        vec![
            "Anna Berg: Wedding anniversary",
            "Anna Berg: Customer since"
        ]
    );
    assert_eq!(
        get(&events[0], "UID"),
        Some(format!("date-{}-wedding-anniversary@regulars", anna.id).as_str())
    );
    assert_eq!(get(&events[0], "DESCRIPTION"), Some("from 2010"));
    assert_eq!(get(&events[1], "RRULE"), Some("FREQ=YEARLY"));
}

#[test]
fn two_dates_whose_labels_share_a_slug_keep_distinct_uids() {
    let anna = customer(
        1,
        "Anna",
        None,
        &[("Wedding", "--06-12"), ("wedding!", "--07-01")],
    );
    let uids: Vec<String> = events(&export(&[anna], &[]))
        .iter()
        .map(|e| get(e, "UID").unwrap().to_owned())
        .collect();
    assert_eq!(uids.len(), 2);
    assert_ne!(uids[0], uids[1]);
}

#[test]
fn a_leap_day_birthday_falls_on_feb_28_in_common_years_with_the_feb_28_setting() {
    let leap = customer(3, "Lea", Some("1992-02-29"), &[]);
    let ics = export_with(std::slice::from_ref(&leap), &[], LeapDay::Feb28, now());
    let e = &events(&ics)[0];
    assert_eq!(get(e, "DTSTART;VALUE=DATE"), Some("19920229"));
    assert_eq!(get(e, "RRULE"), Some("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"));
    let uid = format!("birthday-{}@regulars", leap.id);
    assert_eq!(
        occurrences(&ics, &uid, 2026, 2029),
        vec![
            d("2026-02-28"),
            d("2027-02-28"),
            d("2028-02-29"),
            d("2029-02-28")
        ]
    );
    // 2100 is not a leap year (divisible by 100, not by 400).
    assert_eq!(occurrences(&ics, &uid, 2100, 2100), vec![d("2100-02-28")]);
    // The birth itself is the first instance; every year after has exactly one.
    assert_eq!(occurrences(&ics, &uid, 1992, 1992), vec![d("1992-02-29")]);
}

#[test]
fn a_leap_day_birthday_falls_on_mar_1_in_common_years_with_the_mar_1_setting() {
    let leap = customer(3, "Lea", Some("--02-29"), &[]);
    let ics = export_with(std::slice::from_ref(&leap), &[], LeapDay::Mar1, now());
    let e = &events(&ics)[0];
    assert_eq!(get(e, "DTSTART;VALUE=DATE"), Some("20000229"));
    assert_eq!(get(e, "RRULE"), Some("FREQ=YEARLY;BYYEARDAY=60"));
    let uid = format!("birthday-{}@regulars", leap.id);
    assert_eq!(
        occurrences(&ics, &uid, 2026, 2029),
        vec![
            d("2026-03-01"),
            d("2027-03-01"),
            d("2028-02-29"),
            d("2029-03-01")
        ]
    );
    assert_eq!(occurrences(&ics, &uid, 2100, 2100), vec![d("2100-03-01")]);
    assert_eq!(occurrences(&ics, &uid, 2000, 2000), vec![d("2000-02-29")]);
}

#[test]
fn a_leap_day_rule_gives_the_same_days_as_the_agenda_for_a_century() {
    for leap_day in [LeapDay::Feb28, LeapDay::Mar1] {
        let leap = customer(3, "Lea", Some("--02-29"), &[]);
        let ics = export_with(std::slice::from_ref(&leap), &[], leap_day, now());
        let uid = format!("birthday-{}@regulars", leap.id);
        let expected: Vec<NaiveDate> = (2000..=2100)
            .map(|y| crate::agenda::yearly::falls_on(&leap.birthday.unwrap(), y, leap_day).unwrap())
            .collect();
        assert_eq!(
            occurrences(&ics, &uid, 2000, 2100),
            expected,
            "{leap_day:?}"
        );
    }
}

#[test]
fn a_plain_yearly_rule_from_feb_29_would_skip_common_years() {
    // Why the leap-day rules exist: the expander drops Feb 29 in common years.
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:x\r\n\
               DTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20000229\r\n\
               RRULE:FREQ=YEARLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    assert_eq!(occurrences(ics, "x", 2025, 2028), vec![d("2028-02-29")]);
}

#[test]
fn a_follow_up_without_time_is_an_all_day_event_with_the_notes_first_line() {
    let f = follow_up(7, "\nCall about the **cake**\nSecond line", "2026-12-01");
    let ics = export(&[], &[(f.clone(), "Anna Berg".into())]);
    let events = events(&ics);
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(
        get(e, "UID"),
        Some(format!("follow-up-{}@regulars", f.id).as_str())
    );
    assert_eq!(get(e, "DTSTART;VALUE=DATE"), Some("20261201"));
    assert_eq!(get(e, "DTEND;VALUE=DATE"), Some("20261202"));
    assert_eq!(get(e, "RRULE"), None);
    assert_eq!(get(e, "SUMMARY"), Some("Follow up: Anna Berg"));
    assert_eq!(get(e, "DESCRIPTION"), Some("Call about the **cake**"));
}

#[test]
fn a_follow_up_with_a_time_is_floating_local_time_for_30_minutes() {
    let f = follow_up(8, "Ask about the order", "2026-12-01T14:30");
    let ics = export(&[], &[(f, "Finn".into())]);
    let e = &events(&ics)[0];
    assert_eq!(get(e, "DTSTART"), Some("20261201T143000"));
    assert_eq!(get(e, "DURATION"), Some("PT30M"));
    assert_eq!(get(e, "DTEND;VALUE=DATE"), None);
    assert!(
        ics.contains("\r\nDTSTART:20261201T143000\r\n"),
        "no Z, no TZID"
    );
}

#[test]
fn an_interaction_without_follow_up_is_not_an_event() {
    let mut f = follow_up(9, "Just a note", "2026-12-01");
    f.follow_up = None;
    assert!(events(&export(&[], &[(f, "Finn".into())])).is_empty());
}

#[test]
fn uids_stay_the_same_across_exports_while_dtstamp_moves() {
    let people = [
        customer(1, "Anna", Some("1985-11-23"), &[("Wedding", "2010-06-12")]),
        customer(2, "Finn", Some("--03-22"), &[]),
    ];
    let follow_ups = [(follow_up(7, "Call", "2026-12-01"), "Anna".to_owned())];
    let uids = |ics: &str| -> Vec<String> {
        events(ics)
            .iter()
            .map(|e| get(e, "UID").unwrap().to_owned())
            .collect()
    };
    let first = export_with(&people, &follow_ups, LeapDay::Feb28, now());
    let later = export_with(
        &people,
        &follow_ups,
        LeapDay::Feb28,
        now() + Duration::days(40),
    );
    assert_eq!(uids(&first).len(), 4);
    assert_eq!(uids(&first), uids(&later));
    assert_ne!(first, later);
    assert!(later.contains("DTSTAMP:20260610T093000Z"));
}

#[test]
fn text_with_commas_semicolons_backslashes_newlines_and_emoji_reads_back_unchanged() {
    let name = "Berg; Anna, \"Annie\" \\ 🎂";
    let anna = customer(1, name, None, &[("Wedding, 2nd; 💍", "--06-12")]);
    let note = "Bring: cake, candles; a card \\o/ 🎉";
    let f = follow_up(7, note, "2026-12-01");
    let ics = export(&[anna], &[(f, name.into())]);
    // Escaped as RFC 5545 TEXT in the file itself…
    assert!(ics.contains("SUMMARY:Berg\\; Anna\\, \"Annie\" \\\\ 🎂: Wedding\\, 2nd\\; 💍\r\n"));
    // …and the independent parser gets the original back.
    let events = events(&ics);
    assert_eq!(
        get(&events[0], "SUMMARY"),
        Some(format!("{name}: Wedding, 2nd; 💍").as_str())
    );
    assert_eq!(get(&events[1], "DESCRIPTION"), Some(note));
}

#[test]
fn line_breaks_in_text_become_escaped_newlines() {
    assert_eq!(text("one\ntwo\r\nthree\rfour"), "one\\ntwo\\nthree\\nfour");
    assert_eq!(text("bell\u{7}tab\tend"), "belltab\tend");
}

#[test]
fn a_long_unicode_summary_is_folded_at_75_octets_without_splitting_a_character() {
    let name = "Åsa Öberg-Lindqvist 🎂🎉 ".repeat(8);
    let name = name.trim();
    let anna = customer(1, name, Some("--01-02"), &[]);
    let ics = export(&[anna], &[]);
    assert!(ics.ends_with("\r\n"));
    let mut continuation_lines = 0;
    for line in ics.split_terminator("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
        if line.starts_with(' ') {
            continuation_lines += 1;
        }
    }
    assert!(continuation_lines >= 3, "{ics}");
    // Splitting at a character boundary is what makes each line valid UTF-8
    // on its own (`split_terminator` above works on `str`, so it held).
    let summary = format!("{name}’s birthday");
    assert_eq!(get(&events(&ics)[0], "SUMMARY"), Some(summary.as_str()));
}

#[test]
fn folding_fills_lines_to_exactly_75_octets() {
    let mut out = Vec::new();
    fold(&mut out, &"a".repeat(75 + 74 + 3)).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(
        lines.iter().map(|l| l.len()).collect::<Vec<_>>(),
        [75, 75, 4]
    );
    assert!(lines[1].starts_with(' ') && lines[2].starts_with(' '));

    let mut out = Vec::new();
    // 74 ASCII octets, then a 4-octet emoji that would cross the limit.
    fold(&mut out, &format!("{}🎂", "a".repeat(74))).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        format!("{}\r\n 🎂\r\n", "a".repeat(74))
    );
}

#[test]
fn every_line_ends_with_crlf() {
    let anna = customer(1, "Anna", Some("1985-11-23"), &[]);
    let f = follow_up(7, "line one\nline two", "2026-12-01T09:00");
    let ics = export(&[anna], &[(f, "Anna".into())]);
    let bytes = ics.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            assert_eq!(bytes[i - 1], b'\r', "bare LF at {i}");
        }
    }
}
