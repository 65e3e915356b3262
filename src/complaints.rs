//! The complaints policy as rules: which deadline a complaint faces next
//! (acknowledge, then resolve, counted from the day the customer complained),
//! and the overview the complaints view shows: open ones by age against the
//! policy, how long resolving took, who complains again. Pure: the façade
//! supplies the complaints, names and today.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::model::{Complaint, CustomerId};
use crate::settings::ComplaintPolicy;

/// The step of the policy a complaint is waiting for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum Stage {
    Acknowledge,
    Resolve,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Acknowledge => "acknowledge",
            Stage::Resolve => "resolve",
        }
    }

    pub fn parse(s: &str) -> Option<Stage> {
        match s {
            "acknowledge" => Some(Stage::Acknowledge),
            "resolve" => Some(Stage::Resolve),
            _ => None,
        }
    }
}

/// The day by which a complaint opened on `opened_on` must reach `stage`.
pub fn deadline(opened_on: NaiveDate, stage: Stage, policy: &ComplaintPolicy) -> NaiveDate {
    let days = match stage {
        Stage::Acknowledge => policy.acknowledge_days,
        Stage::Resolve => policy.resolve_days,
    };
    opened_on + Duration::days(days.into())
}

/// What the complaint waits for next, and by when; `None` once resolved or closed.
pub fn next_deadline(c: &Complaint, policy: &ComplaintPolicy) -> Option<(Stage, NaiveDate)> {
    let stage = match c.status {
        crate::model::ComplaintStatus::Open => Stage::Acknowledge,
        crate::model::ComplaintStatus::Acknowledged => Stage::Resolve,
        _ => return None,
    };
    Some((stage, deadline(c.opened_on, stage, policy)))
}

/// A complaint as the complaints view shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ComplaintView {
    #[serde(flatten)]
    pub complaint: Complaint,
    pub customer_name: String,
    /// Days since the customer complained (to resolution, once resolved).
    pub age_days: u32,
    #[ts(type = "string")]
    pub acknowledge_by: NaiveDate,
    #[ts(type = "string")]
    pub resolve_by: NaiveDate,
    /// The step it waits for, if any.
    pub next: Option<Stage>,
    /// Past the deadline of the step it waits for.
    pub overdue: bool,
    /// Days from complaint to resolution, once resolved.
    pub resolution_days: Option<u32>,
    /// Resolved within the policy's days.
    pub within_policy: Option<bool>,
}

/// Someone who complained more than once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RepeatComplainer {
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub complaints: u32,
    pub pending: u32,
}

/// The complaints view: pending ones oldest first, all of them newest first,
/// resolution times and repeat complainers.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ComplaintsOverview {
    #[ts(type = "string")]
    pub today: NaiveDate,
    pub pending: Vec<ComplaintView>,
    pub all: Vec<ComplaintView>,
    pub resolved: u32,
    pub average_resolution_days: Option<f64>,
    pub median_resolution_days: Option<f64>,
    /// The share of resolved complaints resolved within the policy (0–1).
    pub within_policy: Option<f64>,
    pub repeat_complainers: Vec<RepeatComplainer>,
    pub policy: ComplaintPolicy,
    /// The written policy with its day counts filled in.
    pub policy_text: String,
}

/// One complaint's view as of `today`.
pub fn view(
    c: &Complaint,
    name: &str,
    policy: &ComplaintPolicy,
    today: NaiveDate,
) -> ComplaintView {
    let resolved_on = c.resolved_at.map(|t| t.date_naive());
    let until = resolved_on.unwrap_or(today);
    let days = |from: NaiveDate, to: NaiveDate| (to - from).num_days().max(0) as u32;
    let next = next_deadline(c, policy);
    let resolve_by = deadline(c.opened_on, Stage::Resolve, policy);
    ComplaintView {
        complaint: c.clone(),
        customer_name: name.to_owned(),
        age_days: days(c.opened_on, until),
        acknowledge_by: deadline(c.opened_on, Stage::Acknowledge, policy),
        resolve_by,
        next: next.map(|(s, _)| s),
        overdue: next.is_some_and(|(_, by)| today > by),
        resolution_days: resolved_on.map(|r| days(c.opened_on, r)),
        within_policy: resolved_on.map(|r| r <= resolve_by),
    }
}

/// The overview of `complaints` (names by customer) as of `today`.
pub fn overview(
    complaints: &[Complaint],
    name_of: impl Fn(&CustomerId) -> String,
    policy: &ComplaintPolicy,
    today: NaiveDate,
) -> ComplaintsOverview {
    let mut all: Vec<ComplaintView> = complaints
        .iter()
        .map(|c| view(c, &name_of(&c.customer_id), policy, today))
        .collect();
    all.sort_by(|a, b| {
        (b.complaint.opened_on, b.complaint.id).cmp(&(a.complaint.opened_on, a.complaint.id))
    });
    let mut pending: Vec<ComplaintView> = all
        .iter()
        .filter(|v| v.complaint.is_pending())
        .cloned()
        .collect();
    pending.reverse();
    let mut times: Vec<u32> = all.iter().filter_map(|v| v.resolution_days).collect();
    times.sort_unstable();
    let resolved = times.len() as u32;
    let average =
        (!times.is_empty()).then(|| f64::from(times.iter().sum::<u32>()) / f64::from(resolved));
    let median = (!times.is_empty()).then(|| {
        let mid = times.len() / 2;
        if times.len() % 2 == 1 {
            f64::from(times[mid])
        } else {
            f64::from(times[mid - 1] + times[mid]) / 2.0
        }
    });
    let within = (!times.is_empty()).then(|| {
        let ok = all.iter().filter(|v| v.within_policy == Some(true)).count();
        ok as f64 / f64::from(resolved)
    });
    let mut by_customer: HashMap<CustomerId, (u32, u32)> = HashMap::new();
    for c in complaints {
        let e = by_customer.entry(c.customer_id).or_default();
        e.0 += 1;
        e.1 += u32::from(c.is_pending());
    }
    let mut repeat: Vec<RepeatComplainer> = by_customer
        .into_iter()
        .filter(|(_, (n, _))| *n >= 2)
        .map(|(id, (n, p))| RepeatComplainer {
            customer_id: id,
            customer_name: name_of(&id),
            complaints: n,
            pending: p,
        })
        .collect();
    repeat.sort_by(|a, b| {
        (b.complaints, &a.customer_name, a.customer_id).cmp(&(
            a.complaints,
            &b.customer_name,
            b.customer_id,
        ))
    });
    ComplaintsOverview {
        today,
        pending,
        all,
        resolved,
        average_resolution_days: average,
        median_resolution_days: median,
        within_policy: within,
        repeat_complainers: repeat,
        policy: policy.clone(),
        policy_text: policy.text_for_customers(),
    }
}
