//! Messages through the façade and the CLI: rendering for a real customer, and
//! sending, which logs the message and marks the reminder done.

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use regulars::agenda::Horizon;
use regulars::app::SentMessage;
use regulars::messages::Occasion;
use regulars::model::{Channel, CustomerDraft};
use regulars::{ManualClock, Regulars};

fn shop() -> (Regulars, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    let clock = Arc::new(ManualClock::new(now, Utc));
    let app = Regulars::open_with_clock(dir.path(), Box::new(clock)).unwrap();
    let mut settings = app.settings().unwrap();
    settings.business.owner_name = Some("Maria".into());
    settings.business.country_calling_code = Some("46".into());
    app.save_settings(&settings).unwrap();
    (app, dir)
}

#[test]
fn sending_a_birthday_wish_logs_it_and_marks_the_birthday_done() {
    let (app, _dir) = shop();
    let anna = app
        .add_customer(&CustomerDraft {
            name: "Anna Berg".into(),
            given_name: Some("Anna".into()),
            birthday: Some("1985-11-24".into()),
            phones: vec!["070-123 45 67".into()],
            channel: Some(Channel::Whatsapp),
            cadence_days: Some(30),
            ..Default::default()
        })
        .unwrap();
    let id = anna.id.to_string();
    let item = app.agenda(None, Horizon::Notice).unwrap().items[0].clone();
    let m = app.render_message(&id, Occasion::Birthday, None).unwrap();
    assert_eq!(m.subject, "Happy birthday, Anna!");
    assert!(m.body.contains("Happy 41st birthday!") && m.body.ends_with("Maria"));
    assert_eq!(m.channel, Some(Channel::Whatsapp));
    assert!(m.links.mailto.is_none(), "no email address");

    let sent = SentMessage {
        channel: m.channel,
        subject: m.subject.clone(),
        body: m.body.clone(),
        reminder_key: Some(item.key.clone()),
    };
    app.send_message(&id, &sent).unwrap();
    let timeline = app.timeline(&id).unwrap();
    assert_eq!(timeline[0].kind, "message");
    assert!(timeline[0]
        .text
        .starts_with("Sent by whatsapp: **Happy birthday, Anna!**"));
    assert!(timeline[0].text.contains("Happy 41st birthday!"));
    assert!(app.agenda(None, Horizon::Notice).unwrap().items.is_empty());
    assert_eq!(
        app.customer(&id).unwrap().last_contacted,
        Some(Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap()),
        "the keep-in-touch clock restarts"
    );
}

#[test]
fn an_empty_message_or_a_bad_key_logs_nothing() {
    let (app, _dir) = shop();
    let id = app
        .add_customer(&CustomerDraft {
            name: "Bo".into(),
            ..Default::default()
        })
        .unwrap()
        .id
        .to_string();
    let empty = SentMessage {
        body: "  ".into(),
        ..Default::default()
    };
    assert_eq!(
        app.send_message(&id, &empty)
            .unwrap_err()
            .report()
            .field
            .as_deref(),
        Some("body")
    );
    let bad_key = SentMessage {
        body: "Hello".into(),
        reminder_key: Some("nonsense".into()),
        ..Default::default()
    };
    assert_eq!(
        app.send_message(&id, &bad_key)
            .unwrap_err()
            .report()
            .field
            .as_deref(),
        Some("reminder_key")
    );
    assert!(app.timeline(&id).unwrap().is_empty());
    assert_eq!(
        app.render_message("nope", Occasion::Birthday, None)
            .unwrap_err()
            .kind(),
        "invalid"
    );
}

#[test]
fn the_owner_s_default_template_is_used_and_restore_brings_regulars_back() {
    use regulars::messages::TemplateDraft;
    let (app, _dir) = shop();
    let id = app
        .add_customer(&CustomerDraft {
            name: "Anna Berg".into(),
            given_name: Some("Anna".into()),
            birthday: Some("--11-24".into()),
            ..Default::default()
        })
        .unwrap()
        .id
        .to_string();
    let mine = TemplateDraft {
        name: "Short".into(),
        occasion: Occasion::Birthday,
        subject: "Hurra, {first_name}!".into(),
        body: "[[Grattis på {age_ordinal} födelsedagen|Grattis på födelsedagen]]! /{owner_name}"
            .into(),
        is_default: true,
    };
    let saved = app.save_template(None, &mine).unwrap();
    let m = app.render_message(&id, Occasion::Birthday, None).unwrap();
    assert_eq!(m.subject, "Hurra, Anna!");
    assert_eq!(m.body, "Grattis på födelsedagen! /Maria");

    // A second default takes the mark; the list has exactly one default.
    let other = app
        .save_template(
            None,
            &TemplateDraft {
                name: "Long".into(),
                ..mine.clone()
            },
        )
        .unwrap();
    let list = app.templates(Some(Occasion::Birthday)).unwrap();
    let names: Vec<(&str, bool, bool)> = list
        .iter()
        .map(|t| (t.name.as_str(), t.is_default, t.built_in))
        .collect();
    assert_eq!(
        names,
        [
            ("Regulars’ template", false, true),
            ("Long", true, false),
            ("Short", false, false)
        ]
    );
    assert_ne!(saved.id, other.id);

    // An unknown placeholder is refused on save, naming it; nothing is stored.
    let bad = TemplateDraft {
        body: "Hi {firstname}".into(),
        ..mine.clone()
    };
    let e = app.save_template(None, &bad).unwrap_err();
    assert_eq!(e.report().field.as_deref(), Some("body"));
    assert!(
        e.to_string().contains("{firstname} is not a placeholder"),
        "{e}"
    );
    assert_eq!(app.templates(Some(Occasion::Birthday)).unwrap().len(), 3);
    assert_eq!(
        app.save_template(Some("builtin/birthday"), &mine)
            .unwrap_err()
            .kind(),
        "not-found",
        "the built-in template is read-only"
    );

    // The preview renders a draft for a real customer without saving it.
    let preview = app
        .preview_template(
            &id,
            &TemplateDraft {
                subject: "Hej {name}".into(),
                ..mine.clone()
            },
        )
        .unwrap();
    assert_eq!(preview.subject, "Hej Anna Berg");

    app.restore_default_templates(Occasion::Birthday).unwrap();
    assert_eq!(app.templates(Some(Occasion::Birthday)).unwrap().len(), 1);
    let m = app.render_message(&id, Occasion::Birthday, None).unwrap();
    assert_eq!(m.subject, "Happy birthday, Anna!");
    app.delete_template(&saved.id).unwrap_err();
}
