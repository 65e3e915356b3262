//! Feedback over time: how many responses, the average rating, the Net
//! Promoter Score (promoters 9–10 minus detractors 0–6, in percent of those
//! who gave a score), month by month, the latest low ratings to listen to, and
//! how customers heard about the business.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::CustomerFacts;
use crate::model::{CustomerId, Feedback};

/// How many of the latest low ratings are listed.
pub const LISTEN_TO: usize = 10;

/// Feedback up to the day analysed. The first three keys are the CLI's contract.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FeedbackSummary {
    pub count: u32,
    pub average_rating: Option<f64>,
    pub nps: Option<f64>,
    pub ratings: u32,
    pub scores: u32,
    pub promoters: u32,
    pub passives: u32,
    pub detractors: u32,
    /// Per month with feedback, oldest first.
    pub by_month: Vec<FeedbackMonth>,
    /// The latest ratings of 1–2 or scores of 0–6, newest first: "listen to these".
    pub listen_to: Vec<LowRating>,
    /// Customers by how they heard about the business (`null`: not recorded).
    pub heard_about_us: Vec<SourceCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FeedbackMonth {
    /// `YYYY-MM`.
    pub month: String,
    pub count: u32,
    pub average_rating: Option<f64>,
    pub nps: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LowRating {
    pub customer_id: CustomerId,
    pub customer_name: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub rating: Option<u8>,
    pub nps: Option<u8>,
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SourceCount {
    pub source: Option<String>,
    pub customers: u32,
}

#[derive(Default)]
struct Tally {
    count: u32,
    rating_sum: u32,
    ratings: u32,
    promoters: u32,
    passives: u32,
    detractors: u32,
}

impl Tally {
    fn add(&mut self, f: &Feedback) {
        self.count += 1;
        if let Some(r) = f.rating {
            self.rating_sum += u32::from(r);
            self.ratings += 1;
        }
        match f.nps {
            Some(9..=10) => self.promoters += 1,
            Some(7..=8) => self.passives += 1,
            Some(_) => self.detractors += 1,
            None => {}
        }
    }
    fn average(&self) -> Option<f64> {
        (self.ratings > 0).then(|| f64::from(self.rating_sum) / f64::from(self.ratings))
    }
    fn scores(&self) -> u32 {
        self.promoters + self.passives + self.detractors
    }
    fn nps(&self) -> Option<f64> {
        let n = self.scores();
        (n > 0).then(|| {
            (f64::from(self.promoters) - f64::from(self.detractors)) * 100.0 / f64::from(n)
        })
    }
}

/// The summary of `feedback` dated up to `as_of`, with names and sources from `customers`.
pub fn summarize(
    feedback: &[Feedback],
    customers: &[CustomerFacts],
    as_of: NaiveDate,
) -> FeedbackSummary {
    let name = |id: &CustomerId| {
        customers
            .iter()
            .find(|c| c.id == *id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    };
    let mut all = Tally::default();
    let mut months: BTreeMap<String, Tally> = BTreeMap::new();
    let mut low: Vec<&Feedback> = Vec::new();
    for f in feedback.iter().filter(|f| f.date <= as_of) {
        all.add(f);
        months
            .entry(f.date.format("%Y-%m").to_string())
            .or_default()
            .add(f);
        if f.rating.is_some_and(|r| r <= 2) || f.nps.is_some_and(|n| n <= 6) {
            low.push(f);
        }
    }
    low.sort_by_key(|f| std::cmp::Reverse((f.date, f.created_at, f.id)));
    let mut sources: BTreeMap<Option<String>, u32> = BTreeMap::new();
    for c in customers {
        *sources.entry(c.source.clone()).or_default() += 1;
    }
    let mut heard: Vec<SourceCount> = sources
        .into_iter()
        .map(|(source, customers)| SourceCount { source, customers })
        .collect();
    heard.sort_by(|a, b| {
        b.customers
            .cmp(&a.customers)
            .then_with(|| a.source.cmp(&b.source))
    });
    FeedbackSummary {
        count: all.count,
        average_rating: all.average(),
        nps: all.nps(),
        ratings: all.ratings,
        scores: all.scores(),
        promoters: all.promoters,
        passives: all.passives,
        detractors: all.detractors,
        by_month: months
            .into_iter()
            .map(|(month, t)| FeedbackMonth {
                month,
                count: t.count,
                average_rating: t.average(),
                nps: t.nps(),
            })
            .collect(),
        listen_to: low
            .into_iter()
            .take(LISTEN_TO)
            .map(|f| LowRating {
                customer_id: f.customer_id,
                customer_name: name(&f.customer_id),
                date: f.date,
                rating: f.rating,
                nps: f.nps,
                text: f.text.clone(),
            })
            .collect(),
        heard_about_us: heard,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FeedbackId;
    use chrono::Utc;

    fn given(customer: CustomerId, date: &str, rating: Option<u8>, nps: Option<u8>) -> Feedback {
        Feedback {
            id: FeedbackId::new_v7(),
            customer_id: customer,
            date: date.parse().unwrap(),
            channel: None,
            rating,
            nps,
            text: None,
            order_id: None,
            created_at: Utc::now(),
        }
    }

    fn today() -> NaiveDate {
        "2026-11-30".parse().unwrap()
    }

    #[test]
    fn two_scores_of_10_and_3_give_an_nps_of_0() {
        let c = CustomerId::new_v7();
        let s = summarize(
            &[
                given(c, "2026-11-01", Some(5), Some(10)),
                given(c, "2026-11-02", Some(2), Some(3)),
            ],
            &[],
            today(),
        );
        assert_eq!((s.count, s.promoters, s.detractors), (2, 1, 1));
        assert_eq!(s.nps, Some(0.0));
        assert_eq!(s.average_rating, Some(3.5));
    }

    #[test]
    fn nps_counts_only_those_who_gave_a_score_and_passives_count_in_the_base() {
        let c = CustomerId::new_v7();
        let s = summarize(
            &[
                given(c, "2026-11-01", None, Some(9)),
                given(c, "2026-11-01", None, Some(10)),
                given(c, "2026-11-01", None, Some(8)),
                given(c, "2026-11-01", None, Some(0)),
                given(c, "2026-11-01", Some(4), None),
            ],
            &[],
            today(),
        );
        // 2 promoters, 1 passive, 1 detractor of 4 scores: (2 - 1) / 4 = 25%.
        assert_eq!(s.nps, Some(25.0));
        assert_eq!((s.scores, s.ratings), (4, 1));
        assert_eq!(s.average_rating, Some(4.0));
    }

    #[test]
    fn nothing_scored_is_no_nps_and_no_average() {
        let s = summarize(&[], &[], today());
        assert_eq!((s.count, s.average_rating, s.nps), (0, None, None));
    }

    #[test]
    fn low_ratings_are_listed_newest_first_and_later_feedback_is_ignored() {
        let c = CustomerId::new_v7();
        let s = summarize(
            &[
                given(c, "2026-10-01", Some(1), None),
                given(c, "2026-11-01", None, Some(6)),
                given(c, "2026-11-02", Some(5), Some(10)),
                given(c, "2026-12-05", Some(1), None),
            ],
            &[],
            today(),
        );
        let dates: Vec<String> = s.listen_to.iter().map(|l| l.date.to_string()).collect();
        assert_eq!(dates, ["2026-11-01", "2026-10-01"]);
        assert_eq!(s.count, 3);
        let months: Vec<&str> = s.by_month.iter().map(|m| m.month.as_str()).collect();
        assert_eq!(months, ["2026-10", "2026-11"]);
    }
}
