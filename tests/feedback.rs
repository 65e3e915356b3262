//! Feedback, the complaints policy and asking for feedback, through the façade
//! on a real store in a temp dir, with a clock we move by hand.

use std::sync::Arc;

use chrono::{NaiveDate, TimeZone, Utc};
use chrono_tz::{Europe::Berlin, Tz};
use regulars::agenda::{Horizon, ItemKind, When};
use regulars::model::{
    ComplaintDraft, ComplaintStatus, CustomerDraft, FeedbackDraft, InteractionDraft,
    InteractionKind, OrderDraft, OrderLineDraft, Severity,
};
use regulars::{ManualClock, Regulars};

struct Shop {
    app: Regulars,
    clock: Arc<ManualClock<Tz>>,
    _dir: tempfile::TempDir,
}

fn noon(date: &str) -> chrono::DateTime<Utc> {
    let d: NaiveDate = date.parse().unwrap();
    Berlin
        .from_local_datetime(&d.and_hms_opt(12, 0, 0).unwrap())
        .earliest()
        .unwrap()
        .with_timezone(&Utc)
}

fn shop(today: &str) -> Shop {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(noon(today), Berlin));
    let app = Regulars::open_with_clock(dir.path(), Box::new(Arc::clone(&clock))).unwrap();
    Shop {
        app,
        clock,
        _dir: dir,
    }
}

fn customer(app: &Regulars, name: &str) -> String {
    let draft = CustomerDraft {
        name: name.into(),
        ..Default::default()
    };
    app.add_customer(&draft).unwrap().id.to_string()
}

fn complaint_on(s: &Shop, id: &str, date: &str, summary: &str) -> String {
    let draft = ComplaintDraft {
        date: Some(date.into()),
        summary: summary.into(),
        severity: Severity::High,
        channel: None,
    };
    s.app.open_complaint(id, &draft).unwrap().id.to_string()
}

fn complaints_due(s: &Shop, date: &str) -> Vec<(When, String)> {
    s.app
        .agenda(Some(date.parse().unwrap()), Horizon::Notice)
        .unwrap()
        .items
        .into_iter()
        .filter(|i| i.kind == ItemKind::ComplaintDue)
        .map(|i| (i.when, i.label))
        .collect()
}

#[test]
fn an_unacknowledged_complaint_is_due_by_the_policy_and_leaves_once_resolved() {
    let s = shop("2026-11-16");
    let anna = customer(&s.app, "Anna Berg");
    let key = complaint_on(&s, &anna, "2026-11-16", "Cake arrived late");
    // Acknowledge within 2 days: shown a day ahead, due on the 18th, overdue after.
    assert!(complaints_due(&s, "2026-11-16").is_empty());
    assert_eq!(
        complaints_due(&s, "2026-11-17"),
        [(
            When::Upcoming,
            "Acknowledge complaint: Cake arrived late".to_owned()
        )]
    );
    s.clock.set(noon("2026-11-23"));
    assert_eq!(
        complaints_due(&s, "2026-11-23"),
        [(
            When::Overdue,
            "Acknowledge complaint: Cake arrived late".to_owned()
        )]
    );
    s.app.acknowledge_complaint(&key).unwrap();
    // Resolve within 7 days of the complaint: due today.
    assert_eq!(
        complaints_due(&s, "2026-11-23"),
        [(
            When::Today,
            "Resolve complaint: Cake arrived late".to_owned()
        )]
    );
    let resolved = s
        .app
        .resolve_complaint(&key, "Refunded the cake and apologised in person")
        .unwrap();
    assert_eq!(resolved.status, ComplaintStatus::Resolved);
    assert!(complaints_due(&s, "2026-11-23").is_empty());
    assert!(s.app.store().pending_complaints().unwrap().is_empty());
}

#[test]
fn each_step_of_a_complaint_is_timestamped_and_on_the_timeline() {
    let s = shop("2026-11-16");
    let anna = customer(&s.app, "Anna Berg");
    let key = complaint_on(&s, &anna, "2026-11-16", "Wrong order");
    s.clock.set(noon("2026-11-17"));
    s.app.acknowledge_complaint(&key).unwrap();
    s.clock.set(noon("2026-11-19"));
    s.app.resolve_complaint(&key, "Sent the right one").unwrap();
    s.clock.set(noon("2026-11-20"));
    let closed = s.app.close_complaint(&key).unwrap();
    assert_eq!(closed.status, ComplaintStatus::Closed);
    assert_eq!(closed.acknowledged_at, Some(noon("2026-11-17")));
    assert_eq!(closed.resolved_at, Some(noon("2026-11-19")));
    assert_eq!(closed.closed_at, Some(noon("2026-11-20")));
    let texts: Vec<String> = s
        .app
        .timeline(&anna)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == "complaint")
        .map(|e| e.text)
        .collect();
    assert_eq!(
        texts,
        [
            "Complaint closed: Wrong order",
            "Complaint resolved: Sent the right one",
            "Complaint acknowledged: Wrong order",
            "Complaint opened: Wrong order",
        ]
    );
}

#[test]
fn a_complaint_cannot_skip_or_repeat_a_step() {
    let s = shop("2026-11-16");
    let anna = customer(&s.app, "Anna Berg");
    let key = complaint_on(&s, &anna, "2026-11-16", "Rude on the phone");
    let e = s.app.close_complaint(&key).unwrap_err().report();
    assert_eq!(
        (e.kind.as_str(), e.field.as_deref()),
        ("invalid", Some("status"))
    );
    assert!(e.message.contains("resolve it first"), "{}", e.message);
    s.app.acknowledge_complaint(&key).unwrap();
    let e = s.app.acknowledge_complaint(&key).unwrap_err().report();
    assert!(e.message.contains("already acknowledged"), "{}", e.message);
    let e = s.app.resolve_complaint(&key, "  ").unwrap_err().report();
    assert_eq!(e.field.as_deref(), Some("resolution"));
    let e = s
        .app
        .acknowledge_complaint("0190a6f0-0000-7000-8000-000000000000")
        .unwrap_err()
        .report();
    assert_eq!(e.kind, "not-found");
}

#[test]
fn out_of_range_scores_are_refused_by_name_and_nothing_is_written() {
    let s = shop("2026-11-16");
    let anna = customer(&s.app, "Anna Berg");
    for (draft, field, says) in [
        (
            FeedbackDraft {
                rating: Some(6),
                ..Default::default()
            },
            "rating",
            "1 to 5",
        ),
        (
            FeedbackDraft {
                rating: Some(0),
                ..Default::default()
            },
            "rating",
            "1 to 5",
        ),
        (
            FeedbackDraft {
                nps: Some(11),
                ..Default::default()
            },
            "nps",
            "0 to 10",
        ),
        (
            FeedbackDraft {
                nps: Some(-1),
                ..Default::default()
            },
            "nps",
            "0 to 10",
        ),
        (FeedbackDraft::default(), "rating", "give a rating"),
        (
            FeedbackDraft {
                rating: Some(4),
                date: Some("2026-02-30".into()),
                ..Default::default()
            },
            "date",
            "no day 30",
        ),
        (
            FeedbackDraft {
                text: Some("x".repeat(50 * 1024 * 1024)),
                ..Default::default()
            },
            "text",
            "at most",
        ),
    ] {
        let e = s.app.add_feedback(&anna, &draft).unwrap_err().report();
        assert_eq!(e.field.as_deref(), Some(field), "{}", e.message);
        assert!(e.message.contains(says), "{field}: {}", e.message);
    }
    assert!(s.app.feedback_of(&anna).unwrap().is_empty());
}

#[test]
fn nps_and_the_average_rating_are_exact() {
    let s = shop("2026-11-16");
    let anna = customer(&s.app, "Anna Berg");
    let finn = customer(&s.app, "Finn Holm");
    let give = |id: &str, rating: i32, nps: i32| {
        s.app
            .add_feedback(
                id,
                &FeedbackDraft {
                    rating: Some(rating),
                    nps: Some(nps),
                    ..Default::default()
                },
            )
            .unwrap();
    };
    give(&anna, 5, 10);
    give(&finn, 2, 3);
    let f = s.app.insights(None).unwrap().feedback;
    assert_eq!(
        (f.count, f.nps, f.average_rating),
        (2, Some(0.0), Some(3.5))
    );
    assert_eq!(f.listen_to.len(), 1);
    assert_eq!(f.listen_to[0].customer_name, "Finn Holm");
    let timeline = s.app.timeline(&anna).unwrap();
    assert_eq!(timeline[0].kind, "feedback");
    assert_eq!(
        timeline[0].text,
        "Feedback ★★★★★ 5/5 · would recommend 10/10"
    );
}

#[test]
fn the_complaints_view_shows_age_against_policy_resolution_times_and_repeat_complainers() {
    let s = shop("2026-11-01");
    let anna = customer(&s.app, "Anna Berg");
    let finn = customer(&s.app, "Finn Holm");
    let first = complaint_on(&s, &anna, "2026-11-01", "Stale bread");
    s.clock.set(noon("2026-11-04"));
    s.app.resolve_complaint(&first, "Replaced it").unwrap();
    s.clock.set(noon("2026-11-20"));
    complaint_on(&s, &anna, "2026-11-20", "Stale bread again");
    complaint_on(&s, &finn, "2026-11-10", "Price on the receipt");
    let o = s.app.complaints_overview().unwrap();
    let pending: Vec<(&str, u32, bool)> = o
        .pending
        .iter()
        .map(|v| (v.complaint.summary.as_str(), v.age_days, v.overdue))
        .collect();
    assert_eq!(
        pending,
        [
            ("Price on the receipt", 10, true),
            ("Stale bread again", 0, false)
        ]
    );
    assert_eq!((o.resolved, o.average_resolution_days), (1, Some(3.0)));
    assert_eq!(o.within_policy, Some(1.0));
    assert_eq!(o.repeat_complainers.len(), 1);
    assert_eq!(o.repeat_complainers[0].customer_name, "Anna Berg");
    assert_eq!(o.repeat_complainers[0].complaints, 2);
    assert!(o.policy_text.contains("within 2 days"), "{}", o.policy_text);
}

fn ask_items(s: &Shop, date: &str) -> Vec<(String, Option<String>)> {
    s.app
        .agenda(Some(date.parse().unwrap()), Horizon::Notice)
        .unwrap()
        .items
        .into_iter()
        .filter(|i| i.kind == ItemKind::AskFeedback)
        .map(|i| (i.label, i.detail))
        .collect()
}

#[test]
fn asking_for_feedback_after_an_order_or_meeting_is_off_until_set() {
    let s = shop("2026-11-20");
    let anna = customer(&s.app, "Anna Berg");
    s.app
        .add_order(
            &anna,
            &OrderDraft {
                lines: vec![OrderLineDraft {
                    product: "Wedding cake".into(),
                    quantity: "1".into(),
                    unit_price: Some("120".into()),
                    category: None,
                }],
                ..Default::default()
            },
        )
        .unwrap();
    s.app
        .log_interaction(
            &anna,
            &InteractionDraft {
                kind: InteractionKind::Meeting,
                text: "Tasting for the wedding".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(ask_items(&s, "2026-11-23").is_empty(), "off by default");

    let mut settings = s.app.settings().unwrap();
    settings.feedback.ask_after_days = Some(3);
    s.app.save_settings(&settings).unwrap();
    assert!(ask_items(&s, "2026-11-22").is_empty());
    let asks = ask_items(&s, "2026-11-23");
    assert_eq!(
        asks,
        [
            (
                "Ask how the meeting went".to_owned(),
                Some("Meeting on 2026-11-20: Tasting for the wedding".to_owned())
            ),
            (
                "Ask how the order went".to_owned(),
                Some("Order on 2026-11-20: 1 × Wedding cake".to_owned())
            ),
        ]
    );
    // A missed ask fades after the missed-days grace, like a birthday.
    assert!(ask_items(&s, "2026-11-30").is_empty());
    // Done takes one off (the meeting's, listed first).
    let key = s
        .app
        .agenda(Some("2026-11-23".parse().unwrap()), Horizon::Notice)
        .unwrap()
        .items
        .into_iter()
        .find(|i| i.kind == ItemKind::AskFeedback)
        .unwrap()
        .key;
    s.app.reminder_done(&key).unwrap();
    assert_eq!(ask_items(&s, "2026-11-23")[0].0, "Ask how the order went");
    // Asking after meetings only: the order's ask is not shown.
    settings.feedback.after_orders = false;
    s.app.save_settings(&settings).unwrap();
    assert!(ask_items(&s, "2026-11-23").is_empty());
}

#[test]
fn erasing_a_customer_takes_their_feedback_and_complaints() {
    let s = shop("2026-11-16");
    let anna = customer(&s.app, "Anna Berg");
    complaint_on(&s, &anna, "2026-11-16", "Late");
    s.app
        .add_feedback(
            &anna,
            &FeedbackDraft {
                rating: Some(1),
                ..Default::default()
            },
        )
        .unwrap();
    s.app.delete_customer(&anna).unwrap();
    assert!(s.app.store().all_complaints().unwrap().is_empty());
    assert!(s.app.store().pending_complaints().unwrap().is_empty());
    assert!(s.app.store().all_feedback().unwrap().is_empty());
    assert!(complaints_due(&s, "2026-11-20").is_empty());
}
