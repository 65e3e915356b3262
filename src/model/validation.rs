//! The rules a customer must satisfy before it is stored.
//!
//! Every error names the field as the UI and CLI know it (`name`, `emails[1]`,
//! `birthday`), so a form can show the message beside the right input.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::{
    Address, Complaint, ComplaintDraft, ComplaintId, ComplaintStatus, Currency, CustomField,
    Customer, CustomerDraft, CustomerId, Feedback, FeedbackDraft, FeedbackId, FollowUp,
    ImportantDate, Interaction, InteractionDraft, InteractionId, Money, Order, OrderDraft, OrderId,
    OrderLine, OrderLineDraft, PartialDate, Product, ProductDraft, ProductId, MAX_MINOR,
};
use crate::clock::Clock;

/// Upper bounds on what the owner may type, so a runaway paste cannot bloat the store.
pub struct Limits {
    pub name_chars: usize,
    pub short_text_chars: usize,
    pub email_chars: usize,
    pub phone_chars: usize,
    pub list_len: usize,
    pub max_cadence_days: u32,
    pub earliest_birth_year: i32,
    pub custom_value_chars: usize,
    pub tag_chars: usize,
    /// A note is text typed or pasted after a meeting; 1 MB is far beyond that.
    pub note_bytes: usize,
}

pub const LIMITS: Limits = Limits {
    name_chars: 200,
    short_text_chars: 200,
    email_chars: 254,
    phone_chars: 40,
    list_len: 50,
    max_cadence_days: 3650,
    earliest_birth_year: 1900,
    custom_value_chars: 2000,
    tag_chars: 64,
    note_bytes: 1024 * 1024,
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
    one_line(field, v)?;
    Ok(v.to_owned())
}

/// Single-line fields refuse tabs, newlines and other control characters: they
/// would break one-line listings and CSV/vCard exports.
fn one_line(field: &str, value: &str) -> Result<(), ValidationError> {
    match value.chars().find(|c| c.is_control()) {
        Some(c) => Err(ValidationError::new(
            field,
            format!("contains a control character ({c:?}); keep it on one line"),
        )),
        None => Ok(()),
    }
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
            one_line(field, v)?;
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
        one_line(&item_field, v)?;
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
        .ok_or_else(|| format!("{v:?} is not an email address (it has no @)"))?;
    if local.is_empty() || domain.is_empty() || !domain.contains('.') || domain.ends_with('.') {
        return Err(format!(
            "{v:?} is not an email address (expected name@example.com)"
        ));
    }
    if v.chars().any(char::is_whitespace) {
        return Err(format!(
            "{v:?} is not an email address (it contains a space)"
        ));
    }
    Ok(())
}

fn check_phone(v: &str) -> Result<(), String> {
    let digits = v.chars().filter(char::is_ascii_digit).count();
    let allowed = |c: char| c.is_ascii_digit() || " +-().//".contains(c);
    if let Some(bad) = v.chars().find(|c| !allowed(*c)) {
        return Err(format!(
            "{v:?} is not a phone number (unexpected character '{bad}')"
        ));
    }
    if digits < 3 {
        return Err(format!("{v:?} is not a phone number (too few digits)"));
    }
    Ok(())
}

fn check_tag(v: &str) -> Result<(), String> {
    if v.contains(',') {
        return Err(format!("{v:?}: a tag cannot contain a comma"));
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

fn addresses(values: &[Address]) -> Result<Vec<Address>, ValidationError> {
    let mut out = Vec::new();
    for (i, a) in values.iter().enumerate() {
        let f = |part: &str| format!("addresses[{i}].{part}");
        let max = LIMITS.short_text_chars;
        let clean = Address {
            label: optional_text(&f("label"), &a.label, max)?,
            street: optional_text(&f("street"), &a.street, max)?,
            postal_code: optional_text(&f("postal_code"), &a.postal_code, max)?,
            city: optional_text(&f("city"), &a.city, max)?,
            region: optional_text(&f("region"), &a.region, max)?,
            country: optional_text(&f("country"), &a.country, max)?,
        };
        let blank = Address {
            label: clean.label.clone(),
            ..Default::default()
        };
        if clean != blank {
            out.push(clean);
        }
    }
    if out.len() > LIMITS.list_len {
        return Err(ValidationError::new("addresses", "has too many entries"));
    }
    Ok(out)
}

fn custom_fields(values: &[CustomField]) -> Result<Vec<CustomField>, ValidationError> {
    let mut out = Vec::new();
    for (i, cf) in values.iter().enumerate() {
        if cf.label.trim().is_empty() && cf.value.trim().is_empty() {
            continue;
        }
        let label = required_text(
            &format!("custom_fields[{i}].label"),
            &cf.label,
            LIMITS.short_text_chars,
        )?;
        let value = cf.value.trim();
        limit(
            &format!("custom_fields[{i}].value"),
            value,
            LIMITS.custom_value_chars,
        )?;
        out.push(CustomField {
            label,
            value: value.to_owned(),
        });
    }
    if out.len() > LIMITS.list_len {
        return Err(ValidationError::new(
            "custom_fields",
            "has too many entries",
        ));
    }
    Ok(out)
}

/// Turns a draft into a customer ready to store, or names the first field that is wrong.
pub fn validate_new_customer(
    draft: &CustomerDraft,
    id: CustomerId,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Customer, ValidationError> {
    let max = LIMITS.short_text_chars;
    let name = required_text("name", &draft.name, LIMITS.name_chars)?;
    let given_name = optional_text("given_name", &draft.given_name, max)?;
    let family_name = optional_text("family_name", &draft.family_name, max)?;
    let nickname = optional_text("nickname", &draft.nickname, max)?;
    let company = optional_text("company", &draft.company, max)?;
    let role = optional_text("role", &draft.role, max)?;
    let emails = list("emails", &draft.emails, LIMITS.email_chars, check_email)?;
    let phones = list("phones", &draft.phones, LIMITS.phone_chars, check_phone)?;
    let addresses = addresses(&draft.addresses)?;
    let birthday = birthday(&draft.birthday, today)?;
    let mut dates = Vec::new();
    for (i, d) in draft.dates.iter().enumerate() {
        let field = format!("dates[{i}]");
        let label = required_text(&format!("{field}.label"), &d.label, max)?;
        let date = d
            .date
            .parse::<PartialDate>()
            .map_err(|e| ValidationError::new(format!("{field}.date"), e.to_string()))?;
        dates.push(ImportantDate { label, date });
    }
    let tags = list("tags", &draft.tags, LIMITS.tag_chars, check_tag)?;
    let source = optional_text("source", &draft.source, max)?;
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
    let custom_fields = custom_fields(&draft.custom_fields)?;
    Ok(Customer {
        id,
        name,
        kind: draft.kind,
        given_name,
        family_name,
        nickname,
        company,
        role,
        emails,
        phones,
        addresses,
        birthday,
        dates,
        tags,
        status: draft.status,
        channel: draft.channel,
        source,
        cadence_days: draft.cadence_days,
        custom_fields,
        relationships: Vec::new(),
        archived_at: None,
        last_contacted: None,
        created_at: now,
        updated_at: now,
    })
}

/// Applies an edited draft to `existing`: the profile comes from the draft; identity,
/// history (created, last contacted), relationships and archive state are kept.
pub fn validate_edit(
    existing: &Customer,
    draft: &CustomerDraft,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Customer, ValidationError> {
    let edited = validate_new_customer(draft, existing.id, now, today)?;
    Ok(Customer {
        relationships: existing.relationships.clone(),
        archived_at: existing.archived_at,
        last_contacted: existing.last_contacted,
        created_at: existing.created_at,
        ..edited
    })
}

/// Turns a typed interaction into one ready to store.
pub fn validate_interaction(
    draft: &InteractionDraft,
    customer_id: CustomerId,
    clock: &dyn Clock,
) -> Result<Interaction, ValidationError> {
    let text = draft.text.trim();
    if text.is_empty() {
        return Err(ValidationError::new("text", "must not be empty"));
    }
    if text.len() > LIMITS.note_bytes {
        return Err(ValidationError::new(
            "text",
            format!(
                "is {:.1} MB; at most 1 MB is allowed (attach long documents elsewhere)",
                text.len() as f64 / (1024.0 * 1024.0)
            ),
        ));
    }
    let now = clock.now();
    let at = match draft.at.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => now,
        Some(raw) => {
            let local = NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M").map_err(|_| {
                ValidationError::new(
                    "at",
                    format!("{raw:?} is not a date and time (use YYYY-MM-DDTHH:MM)"),
                )
            })?;
            let at = clock.local_to_utc(local).ok_or_else(|| {
                ValidationError::new("at", format!("{raw} does not exist in your time zone (a daylight-saving change skips it)"))
            })?;
            if at > now + Duration::hours(24) {
                return Err(ValidationError::new(
                    "at",
                    format!("{raw} is in the future; to plan it, set a follow-up instead"),
                ));
            }
            at
        }
    };
    let follow_up = draft
        .follow_up
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<FollowUp>()
                .map_err(|m| ValidationError::new("follow_up", m))
        })
        .transpose()?;
    Ok(Interaction {
        id: InteractionId::new_v7(),
        customer_id,
        kind: draft.kind,
        at,
        text: text.to_owned(),
        follow_up,
        created_at: now,
    })
}

/// The most lines one order may have; a shop counter order is far below.
pub const MAX_ORDER_LINES: usize = 500;
/// The largest quantity of one line.
pub const MAX_QUANTITY: u32 = 1_000_000;
/// The longest order note, in characters.
pub const ORDER_NOTE_CHARS: usize = 10_000;

/// How names are matched (products in the catalogue, customers in an import):
/// case and spacing do not make a new one ("bread " is "Bread").
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The date of an order as typed: `YYYY-MM-DD`, not before 1900, not after tomorrow.
pub fn order_date(raw: Option<&str>, today: NaiveDate) -> Result<NaiveDate, ValidationError> {
    let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(today);
    };
    let date = raw
        .parse::<PartialDate>()
        .ok()
        .and_then(|d| d.to_naive())
        .ok_or_else(|| match raw.parse::<PartialDate>() {
            Err(e) => ValidationError::new("date", e.to_string()),
            Ok(_) => ValidationError::new("date", format!("{raw}: an order needs the year")),
        })?;
    if date.year() < LIMITS.earliest_birth_year {
        return Err(ValidationError::new(
            "date",
            format!("{raw} is before {}", LIMITS.earliest_birth_year),
        ));
    }
    if date > today + Duration::days(1) {
        return Err(ValidationError::new(
            "date",
            format!(
                "{raw} is in the future; log an order once it is placed (today is {})",
                today.format("%Y-%m-%d")
            ),
        ));
    }
    Ok(date)
}

/// Everything an order's validation needs besides the draft.
pub struct OrderContext<'a> {
    pub customer_id: CustomerId,
    /// The business currency, for a draft that names none.
    pub default_currency: Currency,
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
    /// The catalogue product with this [`name_key`], if any.
    pub product: &'a dyn Fn(&str) -> Option<Product>,
    /// The stored order an edit replaces (its id and creation time are kept).
    pub replaces: Option<&'a Order>,
}

/// Turns a typed order into one ready to store, with the products it adds to the
/// catalogue; or names the first field that is wrong (`lines[2].quantity`).
pub fn validate_order(
    draft: &OrderDraft,
    ctx: &OrderContext,
) -> Result<(Order, Vec<Product>), ValidationError> {
    let date = order_date(draft.date.as_deref(), ctx.today)?;
    let currency = match draft.currency.as_deref().map(str::trim) {
        None | Some("") => ctx.default_currency,
        Some(code) => code
            .parse::<Currency>()
            .map_err(|m| ValidationError::new("currency", m))?,
    };
    let drafts: Vec<(usize, &OrderLineDraft)> = draft
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            !(l.product.trim().is_empty()
                && l.quantity.trim().is_empty()
                && l.unit_price.as_deref().is_none_or(|p| p.trim().is_empty()))
        })
        .collect();
    if drafts.is_empty() {
        return Err(ValidationError::new(
            "lines",
            "an order needs at least one line (a product and a quantity)",
        ));
    }
    if drafts.len() > MAX_ORDER_LINES {
        return Err(ValidationError::new(
            "lines",
            format!(
                "has {} lines; at most {MAX_ORDER_LINES} are allowed",
                drafts.len()
            ),
        ));
    }
    let mut new_products: Vec<Product> = Vec::new();
    let mut lines = Vec::with_capacity(drafts.len());
    let mut total: i64 = 0;
    for (i, l) in drafts {
        let field = |f: &str| format!("lines[{i}].{f}");
        let name = required_text(&field("product"), &l.product, LIMITS.name_chars)?;
        let raw_qty = l.quantity.trim();
        let quantity: u32 = match raw_qty.parse::<i64>() {
            Ok(q) if q <= 0 => {
                return Err(ValidationError::new(
                    field("quantity"),
                    format!("{q} is not a quantity: it must be more than 0"),
                ))
            }
            Ok(q) if q > i64::from(MAX_QUANTITY) => {
                return Err(ValidationError::new(
                    field("quantity"),
                    format!("{q} is more than the {MAX_QUANTITY} allowed on one line"),
                ))
            }
            Ok(q) => q as u32,
            Err(_) if raw_qty.is_empty() => {
                return Err(ValidationError::new(
                    field("quantity"),
                    format!("how many {name}? give a whole number above 0"),
                ))
            }
            Err(_) => {
                return Err(ValidationError::new(
                    field("quantity"),
                    format!("“{raw_qty}” is not a whole number above 0"),
                ))
            }
        };
        let key = name_key(&name);
        let known = new_products
            .iter()
            .find(|p| name_key(&p.name) == key)
            .cloned()
            .or_else(|| (ctx.product)(&key));
        let typed_price = l
            .unit_price
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                Money::parse(p, currency).map_err(|m| ValidationError::new(field("unit_price"), m))
            })
            .transpose()?;
        let unit_price = match (typed_price, &known) {
            (Some(p), _) => p.minor,
            (None, Some(p)) if p.unit_price.currency == currency => p.unit_price.minor,
            (None, Some(p)) => {
                return Err(ValidationError::new(
                    field("unit_price"),
                    format!(
                        "{} is priced in {}, this order is in {currency}: give the price",
                        p.name, p.unit_price.currency
                    ),
                ))
            }
            (None, None) => {
                return Err(ValidationError::new(
                    field("unit_price"),
                    format!("{name} is new to the catalogue: give its price"),
                ))
            }
        };
        let amount = unit_price
            .checked_mul(i64::from(quantity))
            .filter(|a| *a <= MAX_MINOR)
            .ok_or_else(|| {
                ValidationError::new(field("quantity"), "the line's amount is too large")
            })?;
        total = total
            .checked_add(amount)
            .filter(|t| *t <= MAX_MINOR)
            .ok_or_else(|| ValidationError::new("lines", "the order's total is too large"))?;
        let product = match known {
            Some(p) => p,
            None => {
                let category =
                    optional_text(&field("category"), &l.category, LIMITS.short_text_chars)?;
                let p = Product {
                    id: ProductId::new_v7(),
                    name: name.clone(),
                    category,
                    unit_price: Money::new(unit_price, currency),
                    active: true,
                    created_at: ctx.now,
                    updated_at: ctx.now,
                };
                new_products.push(p.clone());
                p
            }
        };
        lines.push(OrderLine {
            product_id: product.id,
            product: product.name,
            quantity,
            unit_price_minor: unit_price,
        });
    }
    let note = match draft.note.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(n) if n.chars().count() > ORDER_NOTE_CHARS => {
            return Err(ValidationError::new(
                "note",
                format!(
                    "is {} characters long; at most {ORDER_NOTE_CHARS} are allowed",
                    n.chars().count()
                ),
            ))
        }
        Some(n) => Some(n.to_owned()),
    };
    let (id, created_at) = ctx
        .replaces
        .map_or((OrderId::new_v7(), ctx.now), |o| (o.id, o.created_at));
    Ok((
        Order {
            id,
            customer_id: ctx.customer_id,
            date,
            currency,
            lines,
            note,
            created_at,
            updated_at: ctx.now,
        },
        new_products,
    ))
}

/// Judges what of an order can be judged without the catalogue or the customer
/// (dates, currency, quantities, prices as written, the note): the CLI does this
/// before it opens a store, so a bad command creates nothing.
pub fn check_order_draft(draft: &OrderDraft, today: NaiveDate) -> Result<(), ValidationError> {
    let mut priced = draft.clone();
    for line in &mut priced.lines {
        let typed = !line.product.trim().is_empty() || !line.quantity.trim().is_empty();
        if typed
            && line
                .unit_price
                .as_deref()
                .is_none_or(|p| p.trim().is_empty())
        {
            // A catalogue price is looked up later; any valid amount stands in for it here.
            line.unit_price = Some("0".into());
        }
    }
    let none = |_: &str| None;
    validate_order(
        &priced,
        &OrderContext {
            customer_id: CustomerId::new_v7(),
            default_currency: Currency::EUR,
            today,
            now: Utc::now(),
            product: &none,
            replaces: None,
        },
    )
    .map(|_| ())
}

/// Turns a typed catalogue entry into a product (`existing` for an edit).
pub fn validate_product(
    draft: &ProductDraft,
    default_currency: Currency,
    now: DateTime<Utc>,
    existing: Option<&Product>,
) -> Result<Product, ValidationError> {
    let name = required_text("name", &draft.name, LIMITS.name_chars)?;
    let category = optional_text("category", &draft.category, LIMITS.short_text_chars)?;
    let currency = match draft.currency.as_deref().map(str::trim) {
        None | Some("") => existing.map_or(default_currency, |p| p.unit_price.currency),
        Some(code) => code
            .parse::<Currency>()
            .map_err(|m| ValidationError::new("currency", m))?,
    };
    let unit_price = Money::parse(&draft.unit_price, currency)
        .map_err(|m| ValidationError::new("unit_price", m))?;
    Ok(Product {
        id: existing.map_or_else(ProductId::new_v7, |p| p.id),
        name,
        category,
        unit_price,
        active: draft.active,
        created_at: existing.map_or(now, |p| p.created_at),
        updated_at: now,
    })
}

/// The longest feedback text or complaint resolution, in characters.
pub const FEEDBACK_TEXT_CHARS: usize = 10_000;

fn multiline_text(
    field: &str,
    value: Option<&str>,
    max: usize,
) -> Result<Option<String>, ValidationError> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => {
            let n = t.chars().count();
            if n > max {
                return Err(ValidationError::new(
                    field,
                    format!("is {n} characters long; at most {max} are allowed"),
                ));
            }
            Ok(Some(t.to_owned()))
        }
    }
}

fn score(
    field: &str,
    value: Option<i32>,
    range: std::ops::RangeInclusive<i32>,
    what: &str,
) -> Result<Option<u8>, ValidationError> {
    match value {
        None => Ok(None),
        Some(v) if range.contains(&v) => Ok(Some(v as u8)),
        Some(v) => Err(ValidationError::new(
            field,
            format!(
                "{v} is not {what} (use {} to {})",
                range.start(),
                range.end()
            ),
        )),
    }
}

/// The day feedback or a complaint is dated: `YYYY-MM-DD`, not in the future.
fn day_of(field: &str, raw: Option<&str>, today: NaiveDate) -> Result<NaiveDate, ValidationError> {
    let date = order_date(raw, today).map_err(|e| ValidationError::new(field, e.message))?;
    if date > today {
        return Err(ValidationError::new(
            field,
            format!("{date} is in the future (today is {today})"),
        ));
    }
    Ok(date)
}

/// Turns typed feedback into feedback to store: a rating of 1–5 and/or an NPS
/// score of 0–10 and/or words; at least one of them.
pub fn validate_feedback(
    draft: &FeedbackDraft,
    customer_id: CustomerId,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Feedback, ValidationError> {
    let date = day_of("date", draft.date.as_deref(), today)?;
    let rating = score("rating", draft.rating, 1..=5, "a rating")?;
    let nps = score("nps", draft.nps, 0..=10, "a recommendation score")?;
    let text = multiline_text("text", draft.text.as_deref(), FEEDBACK_TEXT_CHARS)?;
    if rating.is_none() && nps.is_none() && text.is_none() {
        return Err(ValidationError::new(
            "rating",
            "give a rating, a recommendation score or what they said",
        ));
    }
    let order_id = draft
        .order_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<OrderId>()
                .map_err(|_| ValidationError::new("order_id", format!("{s:?} is not an order id")))
        })
        .transpose()?;
    Ok(Feedback {
        id: FeedbackId::new_v7(),
        customer_id,
        date,
        channel: draft.channel,
        rating,
        nps,
        text,
        order_id,
        created_at: now,
    })
}

/// Turns a typed complaint into an open one.
pub fn validate_complaint(
    draft: &ComplaintDraft,
    customer_id: CustomerId,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Complaint, ValidationError> {
    let opened_on = day_of("date", draft.date.as_deref(), today)?;
    let summary = required_text("summary", &draft.summary, LIMITS.short_text_chars)?;
    Ok(Complaint {
        id: ComplaintId::new_v7(),
        customer_id,
        opened_on,
        channel: draft.channel,
        summary,
        severity: draft.severity,
        status: ComplaintStatus::Open,
        opened_at: now,
        acknowledged_at: None,
        resolved_at: None,
        resolution: None,
        closed_at: None,
    })
}

/// The resolution text a complaint is resolved with: required, multi-line.
pub fn validate_resolution(text: &str) -> Result<String, ValidationError> {
    multiline_text("resolution", Some(text), FEEDBACK_TEXT_CHARS)?
        .ok_or_else(|| ValidationError::new("resolution", "say how it was resolved"))
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

    #[test]
    fn an_edit_keeps_history_and_relationships() {
        let original = check(named("Anna")).unwrap();
        let mut with_history = original.clone();
        with_history.last_contacted = Some(original.created_at);
        let mut d = CustomerDraft::from_customer(&with_history);
        d.name = "Anna Berg".into();
        let later = original.created_at + Duration::days(1);
        let edited = validate_edit(&with_history, &d, later, later.date_naive()).unwrap();
        assert_eq!(edited.name, "Anna Berg");
        assert_eq!(edited.created_at, original.created_at);
        assert_eq!(edited.updated_at, later);
        assert_eq!(edited.last_contacted, with_history.last_contacted);
    }

    #[test]
    fn a_blank_address_is_dropped_and_a_long_city_is_named() {
        let mut d = named("Anna");
        d.addresses = vec![
            Address {
                label: Some("home".into()),
                ..Default::default()
            },
            Address {
                city: Some("x".repeat(201)),
                ..Default::default()
            },
        ];
        assert_eq!(check(d).unwrap_err().field, "addresses[1].city");
        let mut d = named("Anna");
        d.addresses = vec![Address {
            label: Some("home".into()),
            ..Default::default()
        }];
        assert!(check(d).unwrap().addresses.is_empty());
    }

    #[test]
    fn a_custom_field_needs_a_label() {
        let mut d = named("Anna");
        d.custom_fields = vec![CustomField {
            label: " ".into(),
            value: "Biscuit".into(),
        }];
        assert_eq!(check(d).unwrap_err().field, "custom_fields[0].label");
    }

    fn clock() -> crate::clock::FixedClock {
        crate::clock::FixedClock::utc(Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap())
    }

    fn note(text: &str) -> InteractionDraft {
        InteractionDraft {
            text: text.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_note_over_one_megabyte_is_refused_with_its_size() {
        let big = "x".repeat(50 * 1024 * 1024);
        let err = validate_interaction(&note(&big), CustomerId::new_v7(), &clock()).unwrap_err();
        assert_eq!(err.field, "text");
        assert!(err.message.contains("50.0 MB"), "{err}");
    }

    #[test]
    fn an_empty_note_is_refused() {
        let err = validate_interaction(&note("  \n "), CustomerId::new_v7(), &clock()).unwrap_err();
        assert_eq!(err.field, "text");
    }

    #[test]
    fn a_note_logged_in_the_future_is_refused() {
        let mut d = note("Lunch");
        d.at = Some("2026-12-24T12:00".into());
        let err = validate_interaction(&d, CustomerId::new_v7(), &clock()).unwrap_err();
        assert_eq!(err.field, "at");
    }

    #[test]
    fn a_backdated_meeting_keeps_its_time_and_follow_up() {
        let mut d = note("Coffee, wants the Christmas catalogue");
        d.kind = super::super::InteractionKind::Meeting;
        d.at = Some("2026-11-20T10:00".into());
        d.follow_up = Some("2026-12-01".into());
        let i = validate_interaction(&d, CustomerId::new_v7(), &clock()).unwrap();
        assert_eq!(i.at, Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap());
        assert_eq!(i.follow_up.unwrap().to_string(), "2026-12-01");
    }

    #[test]
    fn an_impossible_follow_up_is_named() {
        let mut d = note("Call back");
        d.follow_up = Some("2026-02-30".into());
        let err = validate_interaction(&d, CustomerId::new_v7(), &clock()).unwrap_err();
        assert_eq!(err.field, "follow_up");
    }

    #[test]
    fn a_name_with_a_newline_or_tab_is_refused_on_one_line() {
        for bad in ["Anna\nBerg", "Anna\tBerg"] {
            let err = check(named(bad)).unwrap_err();
            assert_eq!(err.field, "name");
            assert!(!err.message.contains('\n'), "{err:?}");
        }
        let mut d = named("Anna");
        d.tags = vec!["vip\n".into(), "a\u{7}b".into()];
        assert_eq!(check(d).unwrap_err().field, "tags[1]");
    }
}
