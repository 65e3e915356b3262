//! A customer's ordering rhythm and the two ways their ordering can drop.
//!
//! - **Rhythm** (customers with at least three order days): the usual gap is the median
//!   of the gaps between their order days; they are drifting once the days since the
//!   last order exceed `max(2 × median, median + 3 × MAD)` rounded up (MAD: the median
//!   absolute deviation of the gaps), a threshold robust to one odd gap.
//! - **Revenue**: what they spent in the last [`RECENT_DAYS`] days (as_of included) is at
//!   most half of the [`TRAILING_DAYS`] before that, scaled to [`RECENT_DAYS`] days, and
//!   that trailing year had at least [`TRAILING_MIN_ORDERS`] orders.
//!
//! A customer flagged both ways is one row: reason `rhythm`, both explanations.

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::format_money;
use super::history::{Buyer, History};
use crate::model::CustomerId;

/// The window of recent revenue, in days (as_of and the 89 days before it).
pub const RECENT_DAYS: i64 = 90;
/// The trailing window the recent revenue is compared with: the days before the recent ones.
pub const TRAILING_DAYS: i64 = 365;
/// A revenue drop needs this many orders in the trailing window ("real activity").
pub const TRAILING_MIN_ORDERS: usize = 3;

/// How often a customer orders, from their order days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Rhythm {
    /// The median gap between order days, rounded (a half up).
    pub usual_gap_days: u32,
    /// More days than this since the last order and they are drifting.
    pub threshold_days: u32,
    #[ts(type = "string")]
    pub last_order: NaiveDate,
}

impl Rhythm {
    /// The first day the customer counts as drifting: the days since the last order
    /// exceed the threshold.
    pub fn overdue_from(&self) -> NaiveDate {
        self.last_order + Duration::days(i64::from(self.threshold_days) + 1)
    }
}

/// The rhythm of a customer's order dates (in any order; several orders on one day count
/// once). `None` below three distinct days: two gaps are the least to call usual.
pub fn rhythm_of(order_dates: &[NaiveDate]) -> Option<Rhythm> {
    let mut days = order_dates.to_vec();
    days.sort_unstable();
    days.dedup();
    rhythm_of_days(&days)
}

/// [`rhythm_of`] over days already sorted and distinct.
pub(super) fn rhythm_of_days(days: &[NaiveDate]) -> Option<Rhythm> {
    if days.len() < 3 {
        return None;
    }
    let last_order = *days.last()?;
    // Exact integer arithmetic in halves and quarters: a median of an even count
    // is a half day, the median of deviations from it a quarter.
    let mut gaps: Vec<i64> = days.windows(2).map(|w| (w[1] - w[0]).num_days()).collect();
    let median_x2 = twice_median(&mut gaps);
    let mut deviations_x2: Vec<i64> = gaps.iter().map(|g| (2 * g - median_x2).abs()).collect();
    let mad_x4 = twice_median(&mut deviations_x2);
    let threshold_x4 = (4 * median_x2).max(2 * median_x2 + 3 * mad_x4);
    Some(Rhythm {
        usual_gap_days: days_u32((median_x2 + 1) / 2),
        threshold_days: days_u32((threshold_x4 + 3) / 4),
        last_order,
    })
}

/// Twice the median (an integer even when the median is a half).
fn twice_median(values: &mut [i64]) -> i64 {
    values.sort_unstable();
    let n = values.len();
    match (values.get(n / 2), n % 2) {
        (Some(mid), 1) => 2 * mid,
        (Some(mid), _) => values.get(n / 2 - 1).map_or(0, |low| low + mid),
        (None, _) => 0,
    }
}

fn days_u32(days: i64) -> u32 {
    u32::try_from(days.max(0)).unwrap_or(u32::MAX)
}

/// Why a customer is on the order-drop list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum DropReason {
    /// Longer since the last order than their rhythm allows.
    Rhythm,
    /// Spending in the last 90 days at most half of the usual.
    Revenue,
}

/// A customer whose ordering dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OrderDrop {
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub usual_gap_days: u32,
    pub days_since_last: u32,
    /// "usually every 14 days; 70 days since the last order", then the revenue sentence
    /// when revenue dropped too.
    pub explanation: String,
    /// `rhythm` whenever the rhythm flag is raised, else `revenue`.
    pub reason: DropReason,
    /// Every reason that applies, rhythm first.
    pub reasons: Vec<DropReason>,
    pub threshold_days: u32,
    #[ts(type = "string")]
    pub last_order: NaiveDate,
    /// The first day the rhythm counts as dropped (in the future for a revenue-only drop).
    #[ts(type = "string")]
    pub overdue_from: NaiveDate,
    /// Spent in the last 90 days.
    #[ts(type = "number")]
    pub recent_minor: i64,
    /// The trailing year's spending scaled to 90 days, when it had real activity.
    #[ts(type = "number | null")]
    pub usual_minor: Option<i64>,
}

/// A customer and their rhythm, for the customer page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CustomerRhythm {
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub rhythm: Rhythm,
}

/// "usually every 14 days; 70 days since the last order".
pub fn rhythm_explanation(usual_gap_days: u32, days_since_last: u32) -> String {
    let every = match usual_gap_days {
        1 => "every day".to_owned(),
        7 => "every week".to_owned(),
        n => format!("every {n} days"),
    };
    let since = match days_since_last {
        1 => "1 day".to_owned(),
        n => format!("{n} days"),
    };
    format!("usually {every}; {since} since the last order")
}

/// Revenue in the recent window and the trailing year (with its order count).
struct Revenue {
    recent_minor: i64,
    trailing_minor: i64,
    trailing_orders: usize,
}

fn revenue(buyer: &Buyer, as_of: NaiveDate) -> Revenue {
    let mut r = Revenue {
        recent_minor: 0,
        trailing_minor: 0,
        trailing_orders: 0,
    };
    for o in buyer.orders.iter().rev() {
        let ago = (as_of - o.date).num_days();
        if ago < RECENT_DAYS {
            r.recent_minor = r.recent_minor.saturating_add(o.amount_minor);
        } else if ago < RECENT_DAYS + TRAILING_DAYS {
            r.trailing_minor = r.trailing_minor.saturating_add(o.amount_minor);
            r.trailing_orders += 1;
        } else {
            break;
        }
    }
    r
}

impl Revenue {
    /// The trailing year scaled to the recent window, when it had real activity.
    fn usual_minor(&self) -> Option<i64> {
        (self.trailing_orders >= TRAILING_MIN_ORDERS && self.trailing_minor > 0).then(|| {
            let scaled = i128::from(self.trailing_minor) * i128::from(RECENT_DAYS);
            let days = i128::from(TRAILING_DAYS);
            i64::try_from((2 * scaled + days) / (2 * days)).unwrap_or(i64::MAX)
        })
    }

    /// Dropped by at least half: recent ≤ ½ × trailing × 90 / 365, exactly.
    fn dropped(&self) -> bool {
        self.usual_minor().is_some()
            && 2 * i128::from(self.recent_minor) * i128::from(TRAILING_DAYS)
                <= i128::from(self.trailing_minor) * i128::from(RECENT_DAYS)
    }
}

/// Every buyer's rhythm (by name), and the order drops, most overdue first.
pub(super) fn rhythms_and_drops(
    history: &History,
    currency: &str,
) -> (Vec<CustomerRhythm>, Vec<OrderDrop>) {
    let as_of = history.as_of;
    let mut rhythms = Vec::new();
    let mut drops = Vec::new();
    for buyer in &history.buyers {
        let Some(rhythm) = rhythm_of_days(&buyer.days) else {
            continue;
        };
        rhythms.push(CustomerRhythm {
            customer_id: buyer.id,
            customer_name: buyer.name.to_owned(),
            rhythm,
        });
        let days_since_last = days_u32((as_of - rhythm.last_order).num_days());
        let late = days_since_last > rhythm.threshold_days;
        let money = revenue(buyer, as_of);
        let spent_less = money.dropped();
        if !late && !spent_less {
            continue;
        }
        let mut reasons = Vec::with_capacity(2);
        let mut said = Vec::with_capacity(2);
        if late {
            reasons.push(DropReason::Rhythm);
            said.push(rhythm_explanation(rhythm.usual_gap_days, days_since_last));
        }
        if spent_less {
            reasons.push(DropReason::Revenue);
            said.push(format!(
                "spent {} in the last {RECENT_DAYS} days against about {} usually",
                format_money(money.recent_minor, currency),
                format_money(money.usual_minor().unwrap_or(0), currency),
            ));
        }
        drops.push(OrderDrop {
            customer_id: buyer.id,
            customer_name: buyer.name.to_owned(),
            usual_gap_days: rhythm.usual_gap_days,
            days_since_last,
            explanation: said.join("; "),
            reason: if late {
                DropReason::Rhythm
            } else {
                DropReason::Revenue
            },
            reasons,
            threshold_days: rhythm.threshold_days,
            last_order: rhythm.last_order,
            overdue_from: rhythm.overdue_from(),
            recent_minor: money.recent_minor,
            usual_minor: money.usual_minor(),
        });
    }
    // Most overdue first: the most days past their own threshold (a revenue-only
    // drop is not past it, so it follows); the name and id break ties.
    drops.sort_by(|a, b| {
        let over = |d: &OrderDrop| i64::from(d.days_since_last) - i64::from(d.threshold_days);
        over(b)
            .cmp(&over(a))
            .then_with(|| a.customer_name.cmp(&b.customer_name))
            .then(a.customer_id.cmp(&b.customer_id))
    });
    (rhythms, drops)
}
