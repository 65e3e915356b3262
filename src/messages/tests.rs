//! Rendering tables for the shipped templates: ages and ordinals, missing
//! values, fallbacks of the first name, and the chosen channel.

use chrono::{NaiveDate, Utc};

use super::*;
use crate::model::{validate_new_customer, CustomerDraft, CustomerId, DateDraft};

fn customer(draft: CustomerDraft) -> Customer {
    let now = Utc::now();
    validate_new_customer(&draft, CustomerId::new_v7(), now, now.date_naive()).unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn signed() -> Settings {
    let mut s = Settings::default();
    s.business.owner_name = Some("Maria".into());
    s.business.country_calling_code = Some("46".into());
    s
}

#[test]
fn birthday_wishes_say_the_age_only_when_it_is_known() {
    let table = [
        (Some("1985-11-24"), "2026-11-24", "Happy 41st birthday!"),
        (Some("2005-11-24"), "2026-11-24", "Happy 21st birthday!"),
        (Some("2014-11-24"), "2026-11-24", "Happy 12th birthday!"),
        (Some("1985-11-24"), "2026-11-27", "Happy 41st birthday!"), // a late greeting
        (Some("--11-24"), "2026-11-24", "Happy birthday!"),
        (None, "2026-11-24", "Happy birthday!"),
    ];
    for (birthday, on, want) in table {
        let c = customer(CustomerDraft {
            name: "Anna Berg".into(),
            birthday: birthday.map(Into::into),
            ..Default::default()
        });
        let m = compose(
            &default_template(Occasion::Birthday),
            &c,
            None,
            day(on),
            &signed(),
        )
        .unwrap();
        assert!(m.body.contains(want), "{birthday:?} on {on}: {}", m.body);
        assert!(
            !m.body.contains(" th ") && !m.body.contains('{'),
            "{}",
            m.body
        );
        assert!(m.body.ends_with("Warm wishes,\nMaria"), "{}", m.body);
    }
}

#[test]
fn anniversaries_count_years_and_name_the_date() {
    let c = customer(CustomerDraft {
        name: "Tom & Lea".into(),
        dates: vec![
            DateDraft {
                label: "Wedding anniversary".into(),
                date: "2016-06-01".into(),
            },
            DateDraft {
                label: "Customer since".into(),
                date: "--12-01".into(),
            },
        ],
        ..Default::default()
    });
    let t = default_template(Occasion::Anniversary);
    let june = compose(&t, &c, None, day("2026-06-01"), &signed()).unwrap();
    assert_eq!(june.subject, "10 years today, Tom & Lea");
    assert!(
        june.body
            .contains("Today it is 10 years: Wedding anniversary."),
        "{}",
        june.body
    );
    let december = compose(&t, &c, None, day("2026-12-01"), &signed()).unwrap();
    assert_eq!(december.subject, "A special day, Tom & Lea");
    assert!(
        december
            .body
            .contains("special day for you: Customer since."),
        "{}",
        december.body
    );
    let none = customer(CustomerDraft {
        name: "Bo".into(),
        ..Default::default()
    });
    let plain = compose(&t, &none, None, day("2026-12-01"), &Settings::default()).unwrap();
    assert!(
        plain.body.contains("Today is a special day for you. "),
        "{}",
        plain.body
    );
}

#[test]
fn the_first_name_falls_back_to_the_nickname_then_the_name() {
    let table = [
        (Some("Anna"), Some("Annie"), "Anna"),
        (None, Some("Annie"), "Annie"),
        (None, None, "Zoë Ölgür-Smith"),
    ];
    for (given, nick, want) in table {
        let c = customer(CustomerDraft {
            name: "Zoë Ölgür-Smith".into(),
            given_name: given.map(Into::into),
            nickname: nick.map(Into::into),
            ..Default::default()
        });
        let m = compose(
            &default_template(Occasion::FollowUp),
            &c,
            None,
            day("2026-11-24"),
            &signed(),
        )
        .unwrap();
        assert_eq!(m.subject, format!("Following up, {want}"));
    }
}

#[test]
fn every_shipped_template_renders_for_a_customer_with_nothing_known() {
    let bare = customer(CustomerDraft {
        name: "Bo".into(),
        ..Default::default()
    });
    for occasion in [
        Occasion::Birthday,
        Occasion::Anniversary,
        Occasion::FollowUp,
        Occasion::ThankYou,
        Occasion::Feedback,
        Occasion::Seasonal,
    ] {
        let m = compose(
            &default_template(occasion),
            &bare,
            None,
            day("2026-11-24"),
            &Settings::default(),
        )
        .unwrap_or_else(|e| panic!("{occasion:?}: {e}"));
        assert!(
            !m.subject.is_empty() && !m.body.contains(['{', '[', ']']),
            "{occasion:?}: {m:?}"
        );
        assert_eq!(m.channel, None, "no address: copy it");
        assert_eq!(m.unavailable.len(), 4);
        assert_eq!(m.unavailable[0].reason, "no email address");
    }
}

#[test]
fn the_channel_is_the_preferred_one_when_reachable_else_what_they_have() {
    let with = |channel: Option<Channel>, emails: &[&str], phones: &[&str]| {
        customer(CustomerDraft {
            name: "Anna".into(),
            channel,
            emails: emails.iter().map(|e| (*e).into()).collect(),
            phones: phones.iter().map(|p| (*p).into()).collect(),
            ..Default::default()
        })
    };
    let t = default_template(Occasion::Birthday);
    let on = day("2026-11-24");
    let table = [
        (
            with(Some(Channel::Whatsapp), &["a@x.se"], &["070-123 45 67"]),
            Some(Channel::Whatsapp),
        ),
        (
            with(Some(Channel::Sms), &["a@x.se"], &[]),
            Some(Channel::Email),
        ),
        (with(None, &[], &["070-123 45 67"]), Some(Channel::Whatsapp)),
        (
            with(Some(Channel::InPerson), &["a@x.se"], &[]),
            Some(Channel::Email),
        ),
    ];
    for (c, want) in table {
        assert_eq!(compose(&t, &c, None, on, &signed()).unwrap().channel, want);
    }
    // Without a country code a national number gives no SMS/WhatsApp link, and says why.
    let m = compose(
        &t,
        &with(None, &[], &["070-123 45 67"]),
        None,
        on,
        &Settings::default(),
    )
    .unwrap();
    assert_eq!(m.links, MessageLinks::default());
    assert!(m
        .unavailable
        .iter()
        .any(|u| u.reason.contains("country code")));
    let m = compose(
        &t,
        &with(None, &["a@x.se"], &["+46 70 123 45 67"]),
        None,
        on,
        &signed(),
    )
    .unwrap();
    assert_eq!(m.links.tel.as_deref(), Some("tel:+46701234567"));
    assert!(m
        .links
        .whatsapp
        .unwrap()
        .starts_with("https://wa.me/46701234567?text=Dear%20Anna"));
}
