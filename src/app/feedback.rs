//! Feedback and complaints: record feedback, take a complaint through the
//! policy (open → acknowledged → resolved → closed, each step timestamped),
//! and the complaints view.

use std::sync::PoisonError;

use super::Regulars;
use crate::complaints::{self, ComplaintView, ComplaintsOverview};
use crate::error::{Error, Result};
use crate::model::{
    validate_complaint, validate_feedback, validate_resolution, Complaint, ComplaintDraft,
    ComplaintId, ComplaintStatus, Feedback, FeedbackDraft, ValidationError,
};

impl Regulars {
    /// Records feedback (a rating 1–5, an NPS score 0–10 and/or words).
    pub fn add_feedback(&self, customer_id: &str, draft: &FeedbackDraft) -> Result<Feedback> {
        let _w = self.write_lock();
        let c = self.customer(customer_id)?;
        let feedback = validate_feedback(draft, c.id, self.clock.today(), self.clock.now())?;
        if let Some(order) = feedback.order_id {
            let theirs = self
                .store
                .order(&order)?
                .is_some_and(|o| o.customer_id == c.id);
            if !theirs {
                return Err(ValidationError::new(
                    "order_id",
                    format!("{} has no order {order}", c.name),
                )
                .into());
            }
        }
        self.store.put_feedback(&feedback)?;
        Ok(feedback)
    }

    /// A customer's feedback, newest first.
    pub fn feedback_of(&self, customer_id: &str) -> Result<Vec<Feedback>> {
        let c = self.customer(customer_id)?;
        let mut all = self.store.feedback_of(&c.id)?;
        all.reverse();
        Ok(all)
    }

    /// Opens a complaint; the policy's deadlines count from its date.
    pub fn open_complaint(&self, customer_id: &str, draft: &ComplaintDraft) -> Result<Complaint> {
        let _w = self.write_lock();
        let c = self.customer(customer_id)?;
        let complaint = validate_complaint(draft, c.id, self.clock.today(), self.clock.now())?;
        self.store.put_complaint(&complaint)?;
        Ok(complaint)
    }

    /// Tells the customer their complaint is heard: open → acknowledged.
    pub fn acknowledge_complaint(&self, id: &str) -> Result<Complaint> {
        self.complaint_step(id, |c, now| match c.status {
            ComplaintStatus::Open => {
                c.status = ComplaintStatus::Acknowledged;
                c.acknowledged_at = Some(now);
                Ok(())
            }
            _ => Err(format!("is already {}", status_word(c.status))),
        })
    }

    /// Resolves a complaint, saying how (acknowledging it too if it was not).
    pub fn resolve_complaint(&self, id: &str, resolution: &str) -> Result<Complaint> {
        let text = validate_resolution(resolution)?;
        self.complaint_step(id, move |c, now| match c.status {
            ComplaintStatus::Open | ComplaintStatus::Acknowledged => {
                c.acknowledged_at.get_or_insert(now);
                c.status = ComplaintStatus::Resolved;
                c.resolved_at = Some(now);
                c.resolution = Some(text.clone());
                Ok(())
            }
            _ => Err(format!("is already {}", status_word(c.status))),
        })
    }

    /// Closes a resolved complaint (the customer is satisfied, or it is filed).
    pub fn close_complaint(&self, id: &str) -> Result<Complaint> {
        self.complaint_step(id, |c, now| match c.status {
            ComplaintStatus::Resolved => {
                c.status = ComplaintStatus::Closed;
                c.closed_at = Some(now);
                Ok(())
            }
            ComplaintStatus::Closed => Err("is already closed".into()),
            _ => Err("is not resolved yet: resolve it first, saying how".into()),
        })
    }

    fn complaint_step(
        &self,
        id: &str,
        step: impl FnOnce(
            &mut Complaint,
            chrono::DateTime<chrono::Utc>,
        ) -> std::result::Result<(), String>,
    ) -> Result<Complaint> {
        let parsed: ComplaintId = id.parse().map_err(|_| Error::BadId(id.to_owned()))?;
        let _w = self.write_lock();
        let mut c = self
            .store
            .find_complaint(&parsed)?
            .ok_or_else(|| Error::ComplaintNotFound(id.to_owned()))?;
        step(&mut c, self.clock.now())
            .map_err(|why| ValidationError::new("status", format!("the complaint {why}")))?;
        self.store.put_complaint(&c)?;
        Ok(c)
    }

    /// One customer's complaints as the view shows them, newest first.
    pub fn complaints_of(&self, customer_id: &str) -> Result<Vec<ComplaintView>> {
        let c = self.customer(customer_id)?;
        let policy = self.store.settings()?.complaints;
        let today = self.clock.today();
        let mut all: Vec<ComplaintView> = self
            .store
            .complaints_of(&c.id)?
            .iter()
            .map(|x| complaints::view(x, &c.name, &policy, today))
            .collect();
        all.reverse();
        Ok(all)
    }

    /// The complaints view: pending ones by age against the policy, resolution
    /// times, repeat complainers.
    pub fn complaints_overview(&self) -> Result<ComplaintsOverview> {
        let policy = self.store.settings()?.complaints;
        let all = self.store.all_complaints()?;
        let index = self.index.read().unwrap_or_else(PoisonError::into_inner);
        Ok(complaints::overview(
            &all,
            |id| {
                index
                    .name_of(id)
                    .map_or_else(|| id.to_string(), str::to_owned)
            },
            &policy,
            self.clock.today(),
        ))
    }
}

fn status_word(s: ComplaintStatus) -> &'static str {
    match s {
        ComplaintStatus::Open => "open",
        ComplaintStatus::Acknowledged => "acknowledged",
        ComplaintStatus::Resolved => "resolved",
        ComplaintStatus::Closed => "closed",
    }
}
