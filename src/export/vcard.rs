//! Customers as vCard 4.0 (RFC 6350) or 3.0 (RFC 2426) cards that Google Contacts and
//! Apple Contacts import: what a contact app can show, with Apple's conventions where the
//! standard has none (dates with labels, a birthday without a year in 3.0, companies).
//!
//! Written with calcard's writer, which escapes (`\,` `\;` `\\` `\n`), folds lines at 75
//! octets without splitting a UTF-8 character and ends lines with CRLF (in 3.0 it also marks
//! non-ASCII values `CHARSET=UTF-8`, which Apple and Google read). This module only decides
//! which properties a customer becomes; it never writes interactions or notes.

use std::io;

use calcard::common::PartialDateTime;
use calcard::vcard::{
    VCard, VCardEntry, VCardKind, VCardParameter, VCardParameterName, VCardParameterValue,
    VCardProperty, VCardType, VCardValue, VCardVersion,
};
use chrono::{DateTime, Datelike, Timelike, Utc};

use crate::model::{Address, Customer, CustomerKind, PartialDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VcardVersion {
    /// vCard 3.0: what older Apple and Android versions read best.
    V3,
    /// vCard 4.0: the current standard.
    V4,
}

/// Writes one card per customer, in order.
pub fn write(
    customers: &[Customer],
    version: VcardVersion,
    out: &mut impl io::Write,
) -> io::Result<()> {
    let mut text = String::new();
    let calcard_version = match version {
        VcardVersion::V3 => VCardVersion::V3_0,
        VcardVersion::V4 => VCardVersion::V4_0,
    };
    for customer in customers {
        text.clear();
        card(customer, version)
            .write_to(&mut text, calcard_version)
            .map_err(|_| io::Error::other("a vCard could not be formatted"))?;
        out.write_all(text.as_bytes())?;
    }
    Ok(())
}

/// The label that becomes `ANNIVERSARY` (4.0) / `X-ANNIVERSARY` (3.0); what the import
/// reads those back as. Other labels (and a second anniversary) are Apple's labelled dates.
const ANNIVERSARY: &str = "Anniversary";
/// The custom field that becomes `URL` (the import reads `URL` back into it).
const WEBSITE: &str = "Website";
/// The year Apple writes for "year unknown" in 3.0 (a leap year, so Feb 29 fits).
const APPLE_NO_YEAR: u16 = 1604;

fn entry(name: VCardProperty, values: Vec<VCardValue>) -> VCardEntry {
    VCardEntry {
        group: None,
        name,
        params: Vec::new(),
        values,
    }
}

fn text(value: &str) -> VCardValue {
    VCardValue::Text(value.to_owned())
}

fn other(name: &str) -> VCardProperty {
    VCardProperty::Other(name.to_owned())
}

fn param(name: VCardParameterName, value: VCardParameterValue) -> VCardParameter {
    VCardParameter { name, value }
}

/// The first email and phone are the preferred ones.
fn preferred(version: VcardVersion) -> VCardParameter {
    match version {
        VcardVersion::V4 => param(VCardParameterName::Pref, VCardParameterValue::Integer(1)),
        VcardVersion::V3 => param(
            VCardParameterName::Type,
            VCardParameterValue::Text("pref".into()),
        ),
    }
}

/// A date as 4.0 writes it (`--MMDD` / `YYYYMMDD`, by calcard).
fn date_value(date: &PartialDate) -> VCardValue {
    VCardValue::PartialDateTime(PartialDateTime {
        year: date.year().and_then(|y| u16::try_from(y).ok()),
        month: u8::try_from(date.month()).ok(),
        day: u8::try_from(date.day()).ok(),
        ..Default::default()
    })
}

/// A date in Apple's form: `YYYY-MM-DD`, or `1604-MM-DD` marked `X-APPLE-OMIT-YEAR=1604`
/// when the year is unknown (3.0 has no year-less date).
fn apple_date(mut e: VCardEntry, date: &PartialDate) -> VCardEntry {
    let year = match date.year() {
        Some(y) => format!("{y:04}"),
        None => {
            e.params.push(param(
                VCardParameterName::Other("X-APPLE-OMIT-YEAR".into()),
                VCardParameterValue::Text(APPLE_NO_YEAR.to_string()),
            ));
            APPLE_NO_YEAR.to_string()
        }
    };
    e.values = vec![VCardValue::Text(format!(
        "{year}-{:02}-{:02}",
        date.month(),
        date.day()
    ))];
    e
}

fn timestamp(at: DateTime<Utc>) -> VCardValue {
    VCardValue::PartialDateTime(PartialDateTime {
        year: u16::try_from(at.year()).ok(),
        month: u8::try_from(at.month()).ok(),
        day: u8::try_from(at.day()).ok(),
        hour: u8::try_from(at.hour()).ok(),
        minute: u8::try_from(at.minute()).ok(),
        second: u8::try_from(at.second()).ok(),
        tz_hour: Some(0),
        tz_minute: Some(0),
        tz_minus: false,
    })
}

/// Apple's built-in labels are written `_$!<Anniversary>!$_` so its apps translate them.
fn apple_label(label: &str) -> String {
    match label {
        "Anniversary" | "Other" => format!("_$!<{label}>!$_"),
        custom => custom.to_owned(),
    }
}

/// Numbers Apple's `itemN.` groups, which tie a value to its `X-ABLabel`.
struct Groups(u32);

impl Groups {
    fn labelled(&mut self, card: &mut VCard, mut e: VCardEntry, label: &str) {
        self.0 += 1;
        let group = format!("item{}", self.0);
        e.group = Some(group.clone());
        card.entries.push(e);
        let mut label_entry = entry(other("X-ABLabel"), vec![text(&apple_label(label))]);
        label_entry.group = Some(group);
        card.entries.push(label_entry);
    }
}

fn address(a: &Address) -> VCardEntry {
    let part = |p: &Option<String>| text(p.as_deref().unwrap_or(""));
    entry(
        VCardProperty::Adr,
        vec![
            text(""),
            text(""),
            part(&a.street),
            part(&a.city),
            part(&a.region),
            part(&a.postal_code),
            part(&a.country),
        ],
    )
}

fn card(c: &Customer, version: VcardVersion) -> VCard {
    let v4 = version == VcardVersion::V4;
    let mut card = VCard::default();
    let mut groups = Groups(0);
    let push = |card: &mut VCard, e: VCardEntry| card.entries.push(e);
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();

    push(&mut card, entry(VCardProperty::Fn, vec![text(&c.name)]));
    push(
        &mut card,
        entry(
            VCardProperty::N,
            vec![
                VCardValue::Text(opt(&c.family_name)),
                VCardValue::Text(opt(&c.given_name)),
                text(""),
                text(""),
                text(""),
            ],
        ),
    );
    if c.kind == CustomerKind::Business {
        if v4 {
            push(
                &mut card,
                entry(VCardProperty::Kind, vec![VCardValue::Kind(VCardKind::Org)]),
            );
        } else {
            push(&mut card, entry(other("X-ABShowAs"), vec![text("COMPANY")]));
        }
    }
    if let Some(nickname) = &c.nickname {
        push(
            &mut card,
            entry(VCardProperty::Nickname, vec![text(nickname)]),
        );
    }
    if let Some(company) = &c.company {
        push(&mut card, entry(VCardProperty::Org, vec![text(company)]));
    }
    if let Some(role) = &c.role {
        push(&mut card, entry(VCardProperty::Title, vec![text(role)]));
    }
    for (name, values) in [
        (VCardProperty::Email, &c.emails),
        (VCardProperty::Tel, &c.phones),
    ] {
        for (i, value) in values.iter().enumerate() {
            let mut e = entry(name.clone(), vec![text(value)]);
            if i == 0 {
                e.params.push(preferred(version));
            }
            push(&mut card, e);
        }
    }
    for a in &c.addresses {
        let mut e = address(a);
        match a.label.as_deref() {
            None => push(&mut card, e),
            Some(label @ ("home" | "work")) => {
                let typ = if label == "home" {
                    VCardType::Home
                } else {
                    VCardType::Work
                };
                e.params.push(param(
                    VCardParameterName::Type,
                    VCardParameterValue::Type(typ),
                ));
                push(&mut card, e);
            }
            Some(label) => groups.labelled(&mut card, e, label),
        }
    }
    if let Some(birthday) = &c.birthday {
        let e = entry(VCardProperty::Bday, vec![date_value(birthday)]);
        let e = if v4 || birthday.year().is_some() {
            e
        } else {
            apple_date(e, birthday)
        };
        push(&mut card, e);
    }
    let mut anniversary_written = false;
    for d in &c.dates {
        if d.label == ANNIVERSARY && !anniversary_written {
            anniversary_written = true;
            let e = if v4 {
                entry(VCardProperty::Anniversary, vec![date_value(&d.date)])
            } else {
                apple_date(entry(other("X-ANNIVERSARY"), Vec::new()), &d.date)
            };
            push(&mut card, e);
        } else {
            let e = apple_date(entry(other("X-ABDATE"), Vec::new()), &d.date);
            groups.labelled(&mut card, e, &d.label);
        }
    }
    if !c.tags.is_empty() {
        push(
            &mut card,
            entry(
                VCardProperty::Categories,
                c.tags.iter().map(|t| text(t)).collect(),
            ),
        );
    }
    for field in c.custom_fields.iter().filter(|f| f.label == WEBSITE) {
        push(
            &mut card,
            entry(VCardProperty::Url, vec![text(&field.value)]),
        );
    }
    push(
        &mut card,
        entry(
            VCardProperty::Uid,
            vec![VCardValue::Text(format!("urn:uuid:{}", c.id))],
        ),
    );
    push(
        &mut card,
        entry(VCardProperty::Rev, vec![timestamp(c.updated_at)]),
    );
    card
}

#[cfg(test)]
#[path = "vcard_tests.rs"]
mod tests;
