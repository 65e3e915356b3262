//! The customer list as the owner filters and sorts it: what a row shows
//! (`CustomerSummary`) and the query (`CustomerQuery`). Answered from the
//! in-memory index in `search`, so it stays instant at 100k customers.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Channel, Customer, CustomerKind, CustomerStatus, PartialDate};
use crate::search::fold;

/// One row of the customer list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CustomerSummary {
    pub id: String,
    pub name: String,
    pub kind: CustomerKind,
    pub company: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    #[ts(type = "string | null")]
    pub birthday: Option<PartialDate>,
    pub tags: Vec<String>,
    pub status: CustomerStatus,
    pub channel: Option<Channel>,
    pub source: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    #[ts(type = "string | null")]
    pub last_contacted: Option<DateTime<Utc>>,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
}

impl CustomerSummary {
    pub fn of(c: &Customer) -> Self {
        let address = c.addresses.first();
        Self {
            id: c.id.to_string(),
            name: c.name.clone(),
            kind: c.kind,
            company: c.company.clone(),
            email: c.emails.first().cloned(),
            phone: c.phones.first().cloned(),
            birthday: c.birthday,
            tags: c.tags.clone(),
            status: c.status,
            channel: c.channel,
            source: c.source.clone(),
            city: address.and_then(|a| a.city.clone()),
            country: address.and_then(|a| a.country.clone()),
            last_contacted: c.last_contacted,
            created_at: c.created_at,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum SortBy {
    #[default]
    Name,
    /// Longest without contact first (never contacted before all).
    LastContacted,
    /// Newest first.
    Created,
}

/// Filters (all must hold) plus sort and page. Text filters ignore case and accents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields = nullable)]
pub struct CustomerQuery {
    /// Words that must each appear in the name, nickname, company or an email.
    pub text: Option<String>,
    pub tag: Option<String>,
    pub status: Option<CustomerStatus>,
    pub channel: Option<Channel>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub source: Option<String>,
    /// Birthday within the next N days (today included).
    pub birthday_within_days: Option<u32>,
    /// Not contacted for at least N days (never contacted counts).
    pub not_contacted_for_days: Option<u32>,
    pub sort: SortBy,
    pub offset: Option<u32>,
    /// At most this many rows (default 200).
    pub limit: Option<u32>,
}

/// One page of the list and how many customers match in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CustomerPage {
    pub total: u32,
    pub items: Vec<CustomerSummary>,
}

/// A row's filterable text, folded once when the customer is indexed.
#[derive(Debug, Clone, Default)]
pub(crate) struct FoldedFields {
    /// Name, nickname, company and emails, folded, for the text filter.
    haystack: String,
    tags: Vec<String>,
    city: Option<String>,
    country: Option<String>,
    source: Option<String>,
}

impl FoldedFields {
    pub(crate) fn of(s: &CustomerSummary, haystack: String) -> Self {
        let f = |v: &Option<String>| v.as_deref().map(fold);
        Self {
            haystack,
            tags: s.tags.iter().map(|t| fold(t)).collect(),
            city: f(&s.city),
            country: f(&s.country),
            source: f(&s.source),
        }
    }
}

/// The query with its text folded once, and the dates it implies, ready to test rows.
pub(crate) struct Filter {
    words: Vec<String>,
    tag: Option<String>,
    status: Option<CustomerStatus>,
    channel: Option<Channel>,
    city: Option<String>,
    country: Option<String>,
    source: Option<String>,
    birthday: Option<(NaiveDate, NaiveDate)>,
    contacted_before: Option<DateTime<Utc>>,
}

fn same(filter: &Option<String>, value: &Option<String>) -> bool {
    filter.is_none() || filter == value
}

impl Filter {
    pub(crate) fn new(q: &CustomerQuery, today: NaiveDate, now: DateTime<Utc>) -> Self {
        let folded = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(fold)
        };
        Self {
            words: q
                .text
                .as_deref()
                .map(|t| fold(t).split_whitespace().map(str::to_owned).collect())
                .unwrap_or_default(),
            tag: folded(&q.tag),
            status: q.status,
            channel: q.channel,
            city: folded(&q.city),
            country: folded(&q.country),
            source: folded(&q.source),
            birthday: q.birthday_within_days.map(|n| {
                (
                    today,
                    today + Duration::days(i64::from(n.saturating_sub(1))),
                )
            }),
            contacted_before: q
                .not_contacted_for_days
                .map(|n| now - Duration::days(i64::from(n))),
        }
    }

    pub(crate) fn accepts(&self, s: &CustomerSummary, folded: &FoldedFields) -> bool {
        self.words
            .iter()
            .all(|w| folded.haystack.contains(w.as_str()))
            && self.status.is_none_or(|st| s.status == st)
            && self.channel.is_none_or(|ch| s.channel == Some(ch))
            && self.tag.as_ref().is_none_or(|t| folded.tags.contains(t))
            && same(&self.city, &folded.city)
            && same(&self.country, &folded.country)
            && same(&self.source, &folded.source)
            && self
                .birthday
                .is_none_or(|(from, to)| s.birthday.is_some_and(|b| b.next_on_or_after(from) <= to))
            && self
                .contacted_before
                .is_none_or(|before| s.last_contacted.is_none_or(|t| t <= before))
    }
}
