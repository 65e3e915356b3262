//! Finding customers as the owner types: an in-memory index of the text people
//! search by, kept in step by the façade on every write and rebuilt from the
//! store on open. Matching ignores case and accents ("jose" finds "José").
//! Must never be the source of truth: the store is; this is a derived view.

use std::collections::HashMap;

use serde::Serialize;
use ts_rs::TS;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use chrono::{DateTime, NaiveDate, Utc};

use crate::listing::{CustomerPage, CustomerQuery, CustomerSummary, Filter, FoldedFields, SortBy};
use crate::model::{Customer, CustomerId};

/// One search hit, enough to show and pick it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CustomerMatch {
    pub id: String,
    pub name: String,
    pub company: Option<String>,
}

/// Lowercase, without accents: the form both the index and queries are compared in.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

struct Entry {
    key: NameKey,
    name_folded: String,
    /// Nickname, company, emails: matched after the name.
    others_folded: Vec<String>,
    /// What a list row shows, and what list filters test.
    summary: CustomerSummary,
    folded: FoldedFields,
}

impl Entry {
    fn of(c: &Customer) -> Self {
        let mut others: Vec<String> = c.emails.iter().map(|e| fold(e)).collect();
        others.extend(c.nickname.iter().chain(c.company.iter()).map(|t| fold(t)));
        let summary = CustomerSummary::of(c);
        let name_folded = fold(&c.name);
        let haystack = std::iter::once(name_folded.as_str())
            .chain(others.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ");
        Self {
            key: name_key(c),
            folded: FoldedFields::of(&summary, haystack),
            name_folded,
            others_folded: others,
            summary,
        }
    }
}

/// The order lists are shown in: name as people read it, then age (as `Regulars::customers`).
type NameKey = (String, CustomerId);

fn name_key(c: &Customer) -> NameKey {
    (c.name.to_lowercase(), c.id)
}

/// Entries live contiguously in list order, so a list query is one linear pass
/// over memory; `names` finds an entry's place by binary search on its key.
#[derive(Default)]
pub struct CustomerIndex {
    entries: Vec<Entry>,
    names: HashMap<CustomerId, String>,
}

/// How well a text matches: lower is better.
fn rank(text: &str, query: &str) -> Option<u8> {
    if text.starts_with(query) {
        Some(0)
    } else if text
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| word.starts_with(query))
    {
        Some(1)
    } else if text.contains(query) {
        Some(2)
    } else {
        None
    }
}

/// Every query letter appears in order ("anbg" finds "Anna Berg").
fn is_subsequence(text: &str, query: &str) -> bool {
    let mut letters = text.chars();
    query
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|q| letters.any(|t| t == q))
}

impl CustomerIndex {
    /// Indexes every customer that is not archived.
    pub fn build(customers: impl IntoIterator<Item = Customer>) -> Self {
        let customers: Vec<Customer> = customers.into_iter().collect();
        let mut index = Self::default();
        index.extend(&customers);
        index
    }

    /// Takes in many new or changed customers at once (imports, sample data):
    /// appended, then sorted once, instead of an ordered insert each.
    pub fn extend<'a>(&mut self, customers: impl IntoIterator<Item = &'a Customer>) {
        let customers: Vec<&Customer> = customers.into_iter().collect();
        // Changed customers leave in one pass (not one shifting removal each).
        let known: std::collections::HashSet<CustomerId> = customers
            .iter()
            .filter(|c| self.names.remove(&c.id).is_some())
            .map(|c| c.id)
            .collect();
        if !known.is_empty() {
            self.entries.retain(|e| !known.contains(&e.key.1));
        }
        for c in customers {
            if c.archived_at.is_none() {
                self.names.insert(c.id, c.name.to_lowercase());
                self.entries.push(Entry::of(c));
            }
        }
        self.entries.sort_unstable_by(|a, b| a.key.cmp(&b.key));
    }

    fn position(&self, key: &NameKey) -> Result<usize, usize> {
        self.entries.binary_search_by(|e| e.key.cmp(key))
    }

    /// Takes in a new or changed customer (an archived one leaves the index).
    pub fn update(&mut self, c: &Customer) {
        self.remove(&c.id);
        if c.archived_at.is_some() {
            return;
        }
        let entry = Entry::of(c);
        let at = self.position(&entry.key).unwrap_or_else(|i| i);
        self.names.insert(c.id, entry.key.0.clone());
        self.entries.insert(at, entry);
    }

    /// The display name of a customer in the index (`None`: archived or gone).
    pub fn name_of(&self, id: &CustomerId) -> Option<&str> {
        let folded = self.names.get(id)?;
        let at = self.position(&(folded.clone(), *id)).ok()?;
        Some(self.entries[at].summary.name.as_str())
    }

    pub fn remove(&mut self, id: &CustomerId) {
        if let Some(name) = self.names.remove(id) {
            if let Ok(at) = self.position(&(name, *id)) {
                self.entries.remove(at);
            }
        }
    }

    /// The ids of every customer that passes `query`'s filters ("select all N").
    pub fn matching_ids(
        &self,
        query: &CustomerQuery,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Vec<CustomerId> {
        let filter = Filter::new(query, today, now);
        self.entries
            .iter()
            .filter(|e| filter.accepts(&e.summary, &e.folded))
            .map(|e| e.key.1)
            .collect()
    }

    /// One page of the customers that pass `query`'s filters, in its order.
    pub fn list(
        &self,
        query: &CustomerQuery,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> CustomerPage {
        let filter = Filter::new(query, today, now);
        let offset = query.offset.unwrap_or(0) as usize;
        let limit = query.limit.unwrap_or(200) as usize;
        let matching = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| filter.accepts(&e.summary, &e.folded));
        // Other orders: a key per match, ties broken by list (name) position,
        // and only the requested page fully sorted.
        let sort_key: fn(&CustomerSummary) -> i64 = match query.sort {
            SortBy::Name => {
                let mut total = 0usize;
                let mut items = Vec::new();
                for (_, e) in matching {
                    if total >= offset && items.len() < limit {
                        items.push(e.summary.clone());
                    }
                    total += 1;
                }
                return CustomerPage {
                    total: total as u32,
                    items,
                };
            }
            // Longest without contact first; never contacted before all.
            SortBy::LastContacted => {
                |s| s.last_contacted.map_or(i64::MIN, |t| t.timestamp_millis())
            }
            SortBy::Created => |s| -s.created_at.timestamp_millis(),
        };
        let mut rows: Vec<(i64, usize)> =
            matching.map(|(i, e)| (sort_key(&e.summary), i)).collect();
        let total = rows.len();
        let end = (offset + limit).min(total);
        if end > 0 && end < total {
            rows.select_nth_unstable(end - 1);
            rows.truncate(end);
        }
        rows.sort_unstable();
        CustomerPage {
            total: total as u32,
            items: rows
                .iter()
                .skip(offset)
                .map(|(_, i)| self.entries[*i].summary.clone())
                .collect(),
        }
    }

    /// The best `limit` matches for `query`, best first; names beat other fields,
    /// prefixes beat substrings, and letters-in-order comes last.
    pub fn find(&self, query: &str, limit: usize) -> Vec<CustomerMatch> {
        let q = fold(query.trim());
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut hits: Vec<(u8, &str, &CustomerId, &Entry)> = self
            .entries
            .iter()
            .filter_map(|e| {
                let id = &e.key.1;
                let score = rank(&e.name_folded, &q)
                    .or_else(|| {
                        e.others_folded
                            .iter()
                            .filter_map(|o| rank(o, &q))
                            .min()
                            .map(|r| r + 3)
                    })
                    .or_else(|| is_subsequence(&e.name_folded, &q).then_some(6))?;
                Some((score, e.name_folded.as_str(), id, e))
            })
            .collect();
        let by_rank = |a: &(u8, &str, &CustomerId, &Entry), b: &(u8, &str, &CustomerId, &Entry)| {
            (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2))
        };
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, by_rank);
            hits.truncate(limit);
        }
        hits.sort_unstable_by(by_rank);
        hits.into_iter()
            .map(|(_, _, id, e)| CustomerMatch {
                id: id.to_string(),
                name: e.summary.name.clone(),
                company: e.summary.company.clone(),
            })
            .collect()
    }

    /// Every customer's summary, in list (name) order.
    pub fn summaries(&self) -> impl Iterator<Item = &CustomerSummary> {
        self.entries.iter().map(|e| &e.summary)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{validate_new_customer, CustomerDraft};
    use chrono::Utc;

    fn customer(name: &str, company: Option<&str>, email: Option<&str>) -> Customer {
        let draft = CustomerDraft {
            name: name.into(),
            company: company.map(Into::into),
            emails: email.into_iter().map(Into::into).collect(),
            ..Default::default()
        };
        let now = Utc::now();
        validate_new_customer(&draft, CustomerId::new_v7(), now, now.date_naive()).unwrap()
    }

    fn names(index: &CustomerIndex, q: &str) -> Vec<String> {
        index.find(q, 10).into_iter().map(|m| m.name).collect()
    }

    #[test]
    fn accents_and_case_do_not_matter() {
        let index = CustomerIndex::build([customer("José Álvarez", None, None)]);
        assert_eq!(names(&index, "jose alv"), ["José Álvarez"]);
        assert_eq!(names(&index, "ÁLVAREZ"), ["José Álvarez"]);
    }

    #[test]
    fn a_name_prefix_beats_a_word_prefix_beats_a_company_match() {
        let index = CustomerIndex::build([
            customer("Bakery Nord", None, None),
            customer("Anna Berg", Some("Bakeries United"), None),
            customer("Nils Bak", None, None),
        ]);
        assert_eq!(
            names(&index, "bak"),
            ["Bakery Nord", "Nils Bak", "Anna Berg"]
        );
    }

    #[test]
    fn letters_in_order_find_a_name_as_a_last_resort() {
        let index = CustomerIndex::build([customer("Anna Berg", None, None)]);
        assert_eq!(names(&index, "anbg"), ["Anna Berg"]);
        assert!(names(&index, "gbna").is_empty());
    }

    #[test]
    fn emails_are_searched_and_archived_customers_are_not() {
        let mut gone = customer("Gone Person", None, Some("gone@example.com"));
        let mut index =
            CustomerIndex::build([customer("Finn", None, Some("finn@holm.se")), gone.clone()]);
        assert_eq!(names(&index, "holm"), ["Finn"]);
        gone.archived_at = Some(Utc::now());
        index.update(&gone);
        assert!(names(&index, "gone").is_empty());
    }

    #[test]
    fn the_limit_keeps_the_best() {
        let index =
            CustomerIndex::build((0..50).map(|i| customer(&format!("Anna {i:02}"), None, None)));
        assert_eq!(names(&index, "anna").len(), 10);
        assert_eq!(names(&index, "anna")[0], "Anna 00");
        assert!(index.find("", 10).is_empty());
    }

    fn page(index: &CustomerIndex, q: CustomerQuery) -> Vec<String> {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let now = today.and_hms_opt(9, 0, 0).unwrap().and_utc();
        index
            .list(&q, today, now)
            .items
            .into_iter()
            .map(|s| s.name)
            .collect()
    }

    #[test]
    fn the_list_is_in_name_order_and_follows_renames() {
        let mut zoe = customer("Zoe", None, None);
        let mut index = CustomerIndex::build([
            customer("anna", None, None),
            zoe.clone(),
            customer("Bo", None, None),
        ]);
        assert_eq!(
            page(&index, CustomerQuery::default()),
            ["anna", "Bo", "Zoe"]
        );
        zoe.name = "Aaron".into();
        index.update(&zoe);
        assert_eq!(
            page(&index, CustomerQuery::default()),
            ["Aaron", "anna", "Bo"]
        );
        index.remove(&zoe.id);
        assert_eq!(page(&index, CustomerQuery::default()), ["anna", "Bo"]);
    }

    #[test]
    fn filters_combine_and_ignore_case_and_accents() {
        let mut a = customer("Anna", None, None);
        a.tags = vec!["VIP".into()];
        a.birthday = Some("--11-30".parse().unwrap());
        let mut b = customer("Bo", None, None);
        b.tags = vec!["vip".into()];
        b.birthday = Some("--01-03".parse().unwrap());
        b.last_contacted = Some(chrono::Utc::now());
        let c = customer("Cléa", None, None);
        let index = CustomerIndex::build([a, b, c]);
        let vip = || CustomerQuery {
            tag: Some("vIp".into()),
            ..Default::default()
        };
        assert_eq!(page(&index, vip()), ["Anna", "Bo"]);
        assert_eq!(
            page(
                &index,
                CustomerQuery {
                    birthday_within_days: Some(7),
                    ..vip()
                }
            ),
            ["Anna"]
        );
        // Jan 3 is 41 days after Nov 24, across the year end.
        assert_eq!(
            page(
                &index,
                CustomerQuery {
                    birthday_within_days: Some(41),
                    ..vip()
                }
            ),
            ["Anna", "Bo"]
        );
        assert_eq!(
            page(
                &index,
                CustomerQuery {
                    not_contacted_for_days: Some(30),
                    ..Default::default()
                }
            ),
            ["Anna", "Cléa"]
        );
        let paged = CustomerQuery {
            offset: Some(1),
            limit: Some(1),
            ..Default::default()
        };
        assert_eq!(page(&index, paged), ["Bo"]);
    }

    #[test]
    fn other_orders_page_correctly_and_keep_name_order_among_equals() {
        let t = |d: i64| Some(chrono::Utc::now() - chrono::Duration::days(d));
        let mut people = Vec::new();
        for (name, contacted) in [
            ("Eve", t(1)),
            ("Bo", None),
            ("Al", t(30)),
            ("Cy", None),
            ("Di", t(5)),
        ] {
            let mut c = customer(name, None, None);
            c.last_contacted = contacted;
            people.push(c);
        }
        let index = CustomerIndex::build(people);
        let q = |offset, limit| CustomerQuery {
            sort: SortBy::LastContacted,
            offset: Some(offset),
            limit: Some(limit),
            ..Default::default()
        };
        assert_eq!(page(&index, q(0, 10)), ["Bo", "Cy", "Al", "Di", "Eve"]);
        assert_eq!(page(&index, q(1, 2)), ["Cy", "Al"]);
        assert_eq!(page(&index, q(4, 2)), ["Eve"]);
    }
}
