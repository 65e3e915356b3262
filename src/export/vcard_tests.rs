use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

use super::*;
use crate::import::vcard as import;
use crate::model::{validate_new_customer, CustomField, CustomerDraft, CustomerId, DateDraft};

fn customer(draft: CustomerDraft) -> Customer {
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 30, 5).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let id: CustomerId = "01936b2e-1e5c-7a6b-8c3d-2f1e0d9c8b7a".parse().unwrap();
    validate_new_customer(&draft, id, now, today).unwrap()
}

fn export(customers: &[Customer], version: VcardVersion) -> String {
    let mut out = Vec::new();
    write(customers, version, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn dated(label: &str, date: &str) -> DateDraft {
    DateDraft {
        label: label.into(),
        date: date.into(),
    }
}

fn anna() -> CustomerDraft {
    CustomerDraft {
        name: "Anna Berg".into(),
        given_name: Some("Anna".into()),
        family_name: Some("Berg".into()),
        nickname: Some("Annie".into()),
        company: Some("Mill & Co".into()),
        role: Some("Buyer".into()),
        emails: vec!["anna@example.com".into(), "a.berg@mill.example".into()],
        phones: vec!["+49 30 1234567".into()],
        addresses: vec![Address {
            label: Some("home".into()),
            street: Some("Main St 1".into()),
            postal_code: Some("10115".into()),
            city: Some("Berlin".into()),
            region: None,
            country: Some("Germany".into()),
        }],
        birthday: Some("--02-29".into()),
        dates: vec![
            dated("Anniversary", "2009-08-08"),
            dated("First visit", "--05-01"),
        ],
        tags: vec!["vip".into(), "rye bread".into()],
        custom_fields: vec![CustomField {
            label: "Website".into(),
            value: "https://berg.example".into(),
        }],
        ..Default::default()
    }
}

#[test]
fn a_v4_card_has_what_google_and_apple_read() {
    let text = export(&[customer(anna())], VcardVersion::V4);
    let expected = "BEGIN:VCARD\r\n\
        VERSION:4.0\r\n\
        FN:Anna Berg\r\n\
        N:Berg;Anna;;;\r\n\
        NICKNAME:Annie\r\n\
        ORG:Mill & Co\r\n\
        TITLE:Buyer\r\n\
        EMAIL;PREF=1:anna@example.com\r\n\
        EMAIL:a.berg@mill.example\r\n\
        TEL;PREF=1:+49 30 1234567\r\n\
        ADR;TYPE=HOME:;;Main St 1;Berlin;;10115;Germany\r\n\
        BDAY:--0229\r\n\
        ANNIVERSARY:20090808\r\n\
        item1.X-ABDATE;X-APPLE-OMIT-YEAR=1604:1604-05-01\r\n\
        item1.X-ABLabel:First visit\r\n\
        CATEGORIES:vip,rye bread\r\n\
        URL:https://berg.example\r\n\
        UID:urn:uuid:01936b2e-1e5c-7a6b-8c3d-2f1e0d9c8b7a\r\n\
        REV:20261124T093005Z\r\n\
        END:VCARD\r\n";
    assert_eq!(text, expected);
}

#[test]
fn a_v3_card_writes_a_yearless_birthday_and_anniversary_the_apple_way() {
    let mut draft = anna();
    draft.dates = vec![
        dated("Anniversary", "--08-08"),
        dated("Other", "2020-01-02"),
    ];
    let text = export(&[customer(draft)], VcardVersion::V3);
    for line in [
        "VERSION:3.0\r\n",
        "EMAIL;TYPE=pref:anna@example.com\r\n",
        "TEL;TYPE=pref:+49 30 1234567\r\n",
        "BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29\r\n",
        "X-ANNIVERSARY;X-APPLE-OMIT-YEAR=1604:1604-08-08\r\n",
        "item1.X-ABDATE:2020-01-02\r\nitem1.X-ABLabel:_$!<Other>!$_\r\n",
    ] {
        assert!(text.contains(line), "{line:?} not in\n{text}");
    }
    assert!(!text.contains("ANNIVERSARY:"), "{text}");
}

#[test]
fn a_business_is_kind_org_in_v4_and_an_apple_company_in_v3() {
    let shop = customer(CustomerDraft {
        name: "Bakery Berg".into(),
        kind: CustomerKind::Business,
        ..Default::default()
    });
    assert!(export(std::slice::from_ref(&shop), VcardVersion::V4).contains("\r\nKIND:ORG\r\n"));
    assert!(export(&[shop], VcardVersion::V3).contains("\r\nX-ABShowAs:COMPANY\r\n"));
}

#[test]
fn text_is_escaped() {
    let mut draft = anna();
    draft.name = r"Berg, Anna; \o/".into();
    draft.custom_fields[0].value = "https://a.example\nhttps://b.example".into();
    let text = export(&[customer(draft)], VcardVersion::V4);
    assert!(text.contains("\r\nFN:Berg\\, Anna\\; \\\\o/\r\n"), "{text}");
    assert!(
        text.contains("\r\nURL:https://a.example\\nhttps://b.example\r\n"),
        "{text}"
    );
}

#[test]
fn long_lines_fold_at_75_octets_without_splitting_a_character() {
    let mut draft = anna();
    draft.name = "山田 太郎 🎉 Zoë ".repeat(11).trim().to_owned();
    draft.company = Some("x".repeat(190));
    let c = customer(draft);
    for version in [VcardVersion::V3, VcardVersion::V4] {
        let text = export(std::slice::from_ref(&c), version);
        assert!(text.ends_with("\r\n"));
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' {
                assert_eq!(bytes[i - 1], b'\r', "a bare LF at byte {i}");
            }
        }
        let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
        assert!(lines.iter().any(|l| l.starts_with(' ')), "nothing folded");
        for line in lines {
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        }
        let back = import::read(bytes).next().unwrap().unwrap();
        assert_eq!(back.draft.name, c.name);
        assert_eq!(back.draft.company, c.company);
    }
}

fn round_trip(customers: &[Customer], version: VcardVersion) {
    let text = export(customers, version);
    let back: Vec<_> = import::read(text.as_bytes()).collect();
    assert_eq!(back.len(), customers.len());
    for (c, imported) in customers.iter().zip(back) {
        let imported = imported.unwrap_or_else(|p| panic!("{version:?}: {p:?}\n{text}"));
        let expected = CustomerDraft::from_customer(c);
        let got = &imported.draft;
        assert_eq!(got.name, expected.name, "{version:?}");
        assert_eq!(got.kind, expected.kind, "{version:?}");
        assert_eq!(got.given_name, expected.given_name, "{version:?}");
        assert_eq!(got.family_name, expected.family_name, "{version:?}");
        assert_eq!(got.nickname, expected.nickname, "{version:?}");
        assert_eq!(got.company, expected.company, "{version:?}");
        assert_eq!(got.role, expected.role, "{version:?}");
        assert_eq!(got.emails, expected.emails, "{version:?}");
        assert_eq!(got.phones, expected.phones, "{version:?}");
        assert_eq!(got.addresses, expected.addresses, "{version:?}");
        assert_eq!(got.birthday, expected.birthday, "{version:?}");
        assert_eq!(got.dates, expected.dates, "{version:?}");
        assert_eq!(got.tags, expected.tags, "{version:?}");
        assert_eq!(got.custom_fields, expected.custom_fields, "{version:?}");
        // Nothing else is lost: the whole draft comes back.
        assert_eq!(*got, expected, "{version:?}");
        assert_eq!(imported.note, None);
        assert_eq!(imported.skipped, Vec::<String>::new(), "{version:?}");
    }
}

#[test]
fn export_then_import_gives_the_same_drafts_in_both_versions() {
    let mut tricky = anna();
    tricky.name = r"O'Brien, Seán; \ 🎉".into();
    tricky.given_name = Some("Seán; Pádraig".into());
    tricky.family_name = Some(r"O'Brien, \Jr".into());
    tricky.nickname = Some("Bob, Rob".into());
    tricky.company = Some("Smith; Sons, Ltd".into());
    tricky.birthday = Some("1985-11-23".into());
    tricky.dates = vec![
        dated("Anniversary", "--02-29"),
        dated("Anniversary", "2001-01-01"),
        dated("Met, at the fair", "2019-06-30"),
        dated("Other", "--12-24"),
    ];
    tricky.tags = vec!["Stammkunde 🍞".into(), "semi;colon".into()];
    tricky.addresses.push(Address {
        label: Some("shop".into()),
        street: Some("Marktplatz 3, Hinterhof".into()),
        city: Some("München".into()),
        ..Default::default()
    });
    tricky.addresses.push(Address {
        label: None,
        city: Some("Zürich".into()),
        ..Default::default()
    });
    let scripts = CustomerDraft {
        name: "山田 太郎".into(),
        given_name: Some("太郎".into()),
        family_name: Some("山田".into()),
        company: Some("Ελληνικά Αρτοποιεία".into()),
        role: Some("مدير".into()),
        birthday: Some("--02-29".into()),
        tags: vec!["русский".into()],
        ..Default::default()
    };
    let business = CustomerDraft {
        name: "Bakery Berg".into(),
        kind: CustomerKind::Business,
        emails: vec!["orders@bakery.example".into()],
        ..Default::default()
    };
    let customers: Vec<Customer> = [tricky, scripts, business, anna()]
        .into_iter()
        .map(customer)
        .collect();
    round_trip(&customers, VcardVersion::V4);
    round_trip(&customers, VcardVersion::V3);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_names_and_tags_survive_a_round_trip(
        name in "[^\\p{C}]{1,60}",
        given in proptest::option::of("[^\\p{C}]{1,30}"),
        tag in "[^\\p{C},]{1,20}",
        month in 1u32..=12,
        day in 1u32..=28,
        v4 in any::<bool>(),
    ) {
        let draft = CustomerDraft {
            name,
            given_name: given,
            tags: vec![tag],
            birthday: Some(format!("--{month:02}-{day:02}")),
            ..Default::default()
        };
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 30, 5).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let Ok(c) = validate_new_customer(&draft, CustomerId::new_v7(), now, today) else {
            return Ok(());
        };
        let version = if v4 { VcardVersion::V4 } else { VcardVersion::V3 };
        let text = export(std::slice::from_ref(&c), version);
        let back = import::read(text.as_bytes()).next().unwrap().unwrap();
        prop_assert_eq!(back.draft, CustomerDraft::from_customer(&c));
    }
}
