//! The rules a customer must satisfy before it is stored.
//!
//! Every error names the field as the UI and CLI know it (`name`, `emails[1]`,
//! `birthday`), so a form can show the message beside the right input.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::{Customer, CustomerDraft, CustomerId, ImportantDate, PartialDate};

/// Upper bounds on what the owner may type, so a runaway paste cannot bloat the store.
pub struct Limits {
    pub name_chars: usize,
    pub short_text_chars: usize,
    pub email_chars: usize,
    pub phone_chars: usize,
    pub list_len: usize,
    pub max_cadence_days: u32,
    pub earliest_birth_year: i32,
}

pub const LIMITS: Limits = Limits {
    name_chars: 200,
    short_text_chars: 200,
    email_chars: 254,
    phone_chars: 40,
    list_len: 50,
    max_cadence_days: 3650,
    earliest_birth_year: 1900,
};

/// A field that breaks a rule, and why, in words for the owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{field}: {message}")]
#[ts(export)]
pub struct ValidationError {
    pub field: String,
    pub message: String,
}

impl ValidationError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

fn required_text(field: &str, value: &str, max: usize) -> Result<String, ValidationError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(ValidationError::new(field, "must not be empty"));
    }
    limit(field, v, max)?;
    Ok(v.to_owned())
}

fn limit(field: &str, value: &str, max: usize) -> Result<(), ValidationError> {
    let n = value.chars().count();
    if n > max {
        return Err(ValidationError::new(
            field,
            format!("is {n} characters long; at most {max} are allowed"),
        ));
    }
    Ok(())
}

fn optional_text(
    field: &str,
    value: &Option<String>,
    max: usize,
) -> Result<Option<String>, ValidationError> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => {
            limit(field, v, max)?;
            Ok(Some(v.to_owned()))
        }
    }
}

/// Trims, drops blank entries, checks each and removes exact duplicates.
fn list(
    field: &str,
    values: &[String],
    max_chars: usize,
    check: impl Fn(&str) -> Result<(), String>,
) -> Result<Vec<String>, ValidationError> {
    let mut out: Vec<String> = Vec::new();
    for (i, raw) in values.iter().enumerate() {
        let v = raw.trim();
        if v.is_empty() {
            continue;
        }
        let item_field = format!("{field}[{i}]");
        limit(&item_field, v, max_chars)?;
        check(v).map_err(|m| ValidationError::new(&item_field, m))?;
        if !out.iter().any(|o| o.eq_ignore_ascii_case(v)) {
            out.push(v.to_owned());
        }
    }
    if out.len() > LIMITS.list_len {
        return Err(ValidationError::new(
            field,
            format!(
                "has {} entries; at most {} are allowed",
                out.len(),
                LIMITS.list_len
            ),
        ));
    }
    Ok(out)
}

fn check_email(v: &str) -> Result<(), String> {
    let (local, domain) = v
        .rsplit_once('@')
        .ok_or_else(|| format!("\"{v}\" is not an email address (it has no @)"))?;
    if local.is_empty() || domain.is_empty() || !domain.contains('.') || domain.ends_with('.') {
        return Err(format!(
            "\"{v}\" is not an email address (expected name@example.com)"
        ));
    }
    if v.chars().any(char::is_whitespace) {
        return Err(format!(
            "\"{v}\" is not an email address (it contains a space)"
        ));
    }
    Ok(())
}

fn check_phone(v: &str) -> Result<(), String> {
    let digits = v.chars().filter(char::is_ascii_digit).count();
    let allowed = |c: char| c.is_ascii_digit() || " +-().//".contains(c);
    if let Some(bad) = v.chars().find(|c| !allowed(*c)) {
        return Err(format!(
            "\"{v}\" is not a phone number (unexpected character '{bad}')"
        ));
    }
    if digits < 3 {
        return Err(format!("\"{v}\" is not a phone number (too few digits)"));
    }
    Ok(())
}

fn check_tag(v: &str) -> Result<(), String> {
    if v.contains(',') {
        return Err(format!("\"{v}\": a tag cannot contain a comma"));
    }
    Ok(())
}

fn birthday(
    raw: &Option<String>,
    today: NaiveDate,
) -> Result<Option<PartialDate>, ValidationError> {
    let text = match raw.as_deref().map(str::trim) {
        None | Some("") => return Ok(None),
        Some(t) => t,
    };
    let date: PartialDate = text
        .parse()
        .map_err(|e: super::PartialDateError| ValidationError::new("birthday", e.to_string()))?;
    if let Some(full) = date.to_naive() {
        if full > today {
            return Err(ValidationError::new(
                "birthday",
                format!("{date} is in the future"),
            ));
        }
        if date.year().unwrap_or(i32::MAX) < LIMITS.earliest_birth_year {
            return Err(ValidationError::new(
                "birthday",
                format!("{date} is before {}", LIMITS.earliest_birth_year),
            ));
        }
    }
    Ok(Some(date))
}

/// Turns a draft into a customer ready to store, or names the first field that is wrong.
pub fn validate_new_customer(
    draft: &CustomerDraft,
    id: CustomerId,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Customer, ValidationError> {
    let name = required_text("name", &draft.name, LIMITS.name_chars)?;
    let company = optional_text("company", &draft.company, LIMITS.short_text_chars)?;
    let role = optional_text("role", &draft.role, LIMITS.short_text_chars)?;
    let emails = list("emails", &draft.emails, LIMITS.email_chars, check_email)?;
    let phones = list("phones", &draft.phones, LIMITS.phone_chars, check_phone)?;
    let birthday = birthday(&draft.birthday, today)?;
    let mut dates = Vec::new();
    for (i, d) in draft.dates.iter().enumerate() {
        let field = format!("dates[{i}]");
        let label = required_text(&format!("{field}.label"), &d.label, LIMITS.short_text_chars)?;
        let date = d
            .date
            .parse::<PartialDate>()
            .map_err(|e| ValidationError::new(format!("{field}.date"), e.to_string()))?;
        dates.push(ImportantDate { label, date });
    }
    let tags = list("tags", &draft.tags, 64, check_tag)?;
    let source = optional_text("source", &draft.source, LIMITS.short_text_chars)?;
    if let Some(days) = draft.cadence_days {
        if days == 0 || days > LIMITS.max_cadence_days {
            return Err(ValidationError::new(
                "cadence_days",
                format!(
                    "{days} is not a keep-in-touch cadence (use 1 to {} days)",
                    LIMITS.max_cadence_days
                ),
            ));
        }
    }
    Ok(Customer {
        id,
        name,
        kind: draft.kind,
        company,
        role,
        emails,
        phones,
        birthday,
        dates,
        tags,
        channel: draft.channel,
        source,
        cadence_days: draft.cadence_days,
        created_at: now,
        updated_at: now,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn check(draft: CustomerDraft) -> Result<Customer, ValidationError> {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        validate_new_customer(&draft, CustomerId::new_v7(), now, now.date_naive())
    }

    fn named(name: &str) -> CustomerDraft {
        CustomerDraft {
            name: name.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_blank_name_is_refused() {
        assert_eq!(check(named("   ")).unwrap_err().field, "name");
    }

    #[test]
    fn a_name_is_trimmed() {
        assert_eq!(check(named("  Anna Berg ")).unwrap().name, "Anna Berg");
    }

    #[test]
    fn an_overlong_name_is_refused_with_its_length() {
        let err = check(named(&"x".repeat(201))).unwrap_err();
        assert_eq!(err.field, "name");
        assert!(err.message.contains("201"), "{err}");
    }

    #[test]
    fn an_email_without_at_names_its_position() {
        let mut d = named("Anna");
        d.emails = vec!["anna@example.com".into(), "anna.example.com".into()];
        let err = check(d).unwrap_err();
        assert_eq!(err.field, "emails[1]");
        assert!(err.message.contains("no @"), "{err}");
    }

    #[test]
    fn blank_and_duplicate_emails_are_dropped() {
        let mut d = named("Anna");
        d.emails = vec!["a@b.se".into(), " ".into(), "A@B.se".into()];
        assert_eq!(check(d).unwrap().emails, vec!["a@b.se"]);
    }

    #[test]
    fn a_phone_with_letters_is_refused() {
        let mut d = named("Anna");
        d.phones = vec!["+46 70 123 45 67".into(), "call me".into()];
        assert_eq!(check(d).unwrap_err().field, "phones[1]");
    }

    #[test]
    fn an_impossible_birthday_is_refused_by_field() {
        let mut d = named("Anna");
        d.birthday = Some("2025-02-30".into());
        let err = check(d).unwrap_err();
        assert_eq!(err.field, "birthday");
        assert!(err.message.contains("February 2025 has no day 30"), "{err}");
    }

    #[test]
    fn a_birthday_in_the_future_is_refused() {
        let mut d = named("Anna");
        d.birthday = Some("2027-01-01".into());
        assert!(check(d).unwrap_err().message.contains("future"));
    }

    #[test]
    fn a_birthday_without_year_is_kept_without_year() {
        let mut d = named("Anna");
        d.birthday = Some("--02-29".into());
        let c = check(d).unwrap();
        assert_eq!(c.birthday.unwrap().to_string(), "--02-29");
    }

    #[test]
    fn an_important_date_needs_a_label() {
        let mut d = named("Anna");
        d.dates = vec![super::super::DateDraft {
            label: " ".into(),
            date: "2015-06-01".into(),
        }];
        assert_eq!(check(d).unwrap_err().field, "dates[0].label");
    }

    #[test]
    fn a_zero_cadence_is_refused() {
        let mut d = named("Anna");
        d.cadence_days = Some(0);
        assert_eq!(check(d).unwrap_err().field, "cadence_days");
    }
}
