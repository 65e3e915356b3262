//! RFM: recency (days since the last order), frequency (orders) and monetary (total
//! spend) over the customers with at least one order up to as_of, each scored 1–5.
//!
//! Scores are mid-rank quintiles by value, so equal values always get equal scores:
//! a customer's percentile is (customers with a worse value + half of those with the
//! same value, themselves included) / all, and the score is 1 + ⌊5 × percentile⌋
//! (at most 5). Ten distinct values score 1,1,2,2,3,3,4,4,5,5; when everyone has the
//! same value, everyone scores 3. For recency fewer days is better.
//!
//! Segments come from recency against FM = ⌊(F + M) / 2⌋ (how much they bought):
//!
//! ```text
//!          FM=1         FM=2         FM=3       FM=4      FM=5
//! R=5      new          potential    potential  champions champions
//! R=4      new          potential    potential  loyal     loyal
//! R=3      hibernating  hibernating  potential  loyal     loyal
//! R=2      hibernating  hibernating  at-risk    at-risk   cant-lose
//! R=1      lost         lost         at-risk    at-risk   cant-lose
//! ```

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::history::History;
use crate::model::CustomerId;

/// The named RFM segments; every customer with an order is in exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum RfmSegment {
    /// Bought recently, often and much.
    Champions,
    /// Buy often and much, fairly recently.
    Loyal,
    /// Recent, buying a fair amount: could become loyal.
    Potential,
    /// Recent, little so far.
    New,
    /// Used to buy a fair amount; not lately.
    AtRisk,
    /// Were among the best; not lately.
    CantLose,
    /// Little, and a while ago.
    Hibernating,
    /// Little, long ago.
    Lost,
}

/// One customer's scores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RfmScore {
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub r: u8,
    pub f: u8,
    pub m: u8,
    pub segment: RfmSegment,
    /// Days since the last order.
    pub recency_days: u32,
    /// Orders.
    pub frequency: u32,
    /// Total spend in minor units.
    #[ts(type = "number")]
    pub monetary_minor: i64,
}

/// The grid of the module comment: rows R = 1…5, columns FM = 1…5.
const GRID: [[RfmSegment; 5]; 5] = {
    use RfmSegment::*;
    [
        [Lost, Lost, AtRisk, AtRisk, CantLose],
        [Hibernating, Hibernating, AtRisk, AtRisk, CantLose],
        [Hibernating, Hibernating, Potential, Loyal, Loyal],
        [New, Potential, Potential, Loyal, Loyal],
        [New, Potential, Potential, Champions, Champions],
    ]
};

/// The segment of scores `r`, `f`, `m` (each 1–5; out-of-range values are clamped).
pub fn segment_of(r: u8, f: u8, m: u8) -> RfmSegment {
    let r = usize::from(r.clamp(1, 5));
    let fm = usize::from((f.clamp(1, 5) + m.clamp(1, 5)) / 2);
    GRID[r - 1][fm - 1]
}

/// Mid-rank quintile scores of `keys` (larger is better), in the same order.
pub(super) fn quintile_scores<K: Ord + Copy>(keys: &[K]) -> Vec<u8> {
    let n = keys.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by_key(|&i| keys[i]);
    let mut scores = vec![0_u8; n];
    let mut start = 0;
    while start < n {
        let key = keys[order[start]];
        let end = start + order[start..].partition_point(|&i| keys[i] == key);
        let (worse, same) = (start as u64, (end - start) as u64);
        let score = (1 + 5 * (2 * worse + same) / (2 * n as u64)).min(5) as u8;
        for &i in &order[start..end] {
            scores[i] = score;
        }
        start = end;
    }
    scores
}

/// Every buyer's scores, by name then id.
pub(super) fn scores(history: &History) -> Vec<RfmScore> {
    let as_of = history.as_of;
    let facts: Vec<(u32, u32, i64)> = history
        .buyers
        .iter()
        .map(|b| {
            let last = b.last_order().unwrap_or(as_of);
            (
                days_between(last, as_of),
                b.orders.len() as u32,
                b.total_minor,
            )
        })
        .collect();
    let recency: Vec<i64> = facts.iter().map(|f| -i64::from(f.0)).collect();
    let frequency: Vec<u32> = facts.iter().map(|f| f.1).collect();
    let monetary: Vec<i64> = facts.iter().map(|f| f.2).collect();
    let (r, f, m) = (
        quintile_scores(&recency),
        quintile_scores(&frequency),
        quintile_scores(&monetary),
    );
    history
        .buyers
        .iter()
        .enumerate()
        .map(|(i, b)| RfmScore {
            customer_id: b.id,
            customer_name: b.name.to_owned(),
            r: r[i],
            f: f[i],
            m: m[i],
            segment: segment_of(r[i], f[i], m[i]),
            recency_days: facts[i].0,
            frequency: facts[i].1,
            monetary_minor: facts[i].2,
        })
        .collect()
}

fn days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days().max(0)).unwrap_or(u32::MAX)
}
