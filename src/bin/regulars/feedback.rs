//! `feedback …` and `complaint …`: what customers tell the business (CLI.md).

use clap::Subcommand;
use regulars::model::{
    validate_complaint, validate_feedback, validate_resolution, Channel, ComplaintDraft,
    CustomerId, FeedbackDraft, Severity,
};
use regulars::{Clock, Error, Regulars, SystemClock};

use super::{emit, print_json, Stop};

#[derive(Subcommand)]
pub enum FeedbackCommand {
    /// Record feedback; prints its id. Give a rating, a score or words (or all).
    Add {
        id: String,
        /// YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
        /// 1 (poor) to 5 (excellent).
        #[arg(long, allow_negative_numbers = true)]
        rating: Option<i32>,
        /// How likely they are to recommend you, 0 to 10.
        #[arg(long, allow_negative_numbers = true)]
        nps: Option<i32>,
        #[arg(long)]
        text: Option<String>,
        #[arg(long, value_enum)]
        channel: Option<Channel>,
        /// The order it is about.
        #[arg(long)]
        order: Option<String>,
    },
    /// A customer's feedback, newest first.
    List {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum ComplaintCommand {
    /// Open a complaint; prints its KEY (for ack, resolve and close).
    Open {
        id: String,
        /// The day they complained, YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        summary: String,
        #[arg(long, value_enum, default_value = "medium")]
        severity: Severity,
        #[arg(long, value_enum)]
        channel: Option<Channel>,
    },
    /// Acknowledge a complaint (tell the customer it is heard).
    Ack { key: String },
    /// Resolve a complaint, saying how.
    Resolve {
        key: String,
        #[arg(long)]
        resolution: String,
    },
    /// Close a resolved complaint.
    Close { key: String },
    /// Pending complaints against the policy, resolution times, repeat complainers.
    List {
        #[arg(long)]
        json: bool,
    },
}

impl FeedbackCommand {
    fn draft(&self) -> Option<FeedbackDraft> {
        match self {
            FeedbackCommand::Add {
                date,
                rating,
                nps,
                text,
                channel,
                order,
                ..
            } => Some(FeedbackDraft {
                date: date.clone(),
                channel: *channel,
                rating: *rating,
                nps: *nps,
                text: text.clone(),
                order_id: order.clone(),
            }),
            FeedbackCommand::List { .. } => None,
        }
    }
}

impl ComplaintCommand {
    fn draft(&self) -> Option<ComplaintDraft> {
        match self {
            ComplaintCommand::Open {
                date,
                summary,
                severity,
                channel,
                ..
            } => Some(ComplaintDraft {
                date: date.clone(),
                channel: *channel,
                summary: summary.clone(),
                severity: *severity,
            }),
            _ => None,
        }
    }
}

/// Judges what needs no store, so a bad command creates nothing.
pub fn check_feedback(command: &FeedbackCommand) -> Result<(), Stop> {
    if let Some(draft) = command.draft() {
        let clock = SystemClock;
        validate_feedback(&draft, CustomerId::new_v7(), clock.today(), clock.now())
            .map_err(Error::from)?;
    }
    Ok(())
}

pub fn check_complaint(command: &ComplaintCommand) -> Result<(), Stop> {
    let clock = SystemClock;
    if let Some(draft) = command.draft() {
        validate_complaint(&draft, CustomerId::new_v7(), clock.today(), clock.now())
            .map_err(Error::from)?;
    }
    if let ComplaintCommand::Resolve { resolution, .. } = command {
        validate_resolution(resolution).map_err(Error::from)?;
    }
    Ok(())
}

pub fn feedback(app: &Regulars, command: FeedbackCommand) -> Result<(), Stop> {
    if let (FeedbackCommand::Add { id, .. }, Some(draft)) = (&command, command.draft()) {
        let f = app.add_feedback(id, &draft)?;
        return emit(&f.id.to_string());
    }
    if let FeedbackCommand::List { id, json } = command {
        let all = app.feedback_of(&id)?;
        if json {
            return print_json(&all);
        }
        for f in &all {
            emit(&format!(
                "{}  rating {}  nps {}  {}",
                f.date.format("%Y-%m-%d"),
                f.rating.map_or("-".into(), |r| r.to_string()),
                f.nps.map_or("-".into(), |n| n.to_string()),
                f.text.as_deref().unwrap_or("")
            ))?;
        }
    }
    Ok(())
}

pub fn complaint(app: &Regulars, command: ComplaintCommand) -> Result<(), Stop> {
    let draft = command.draft();
    match command {
        ComplaintCommand::Open { id, .. } => {
            let draft = draft.unwrap_or_default();
            let c = app.open_complaint(&id, &draft)?;
            emit(&c.id.to_string())
        }
        ComplaintCommand::Ack { key } => app
            .acknowledge_complaint(&key)
            .map(|_| ())
            .map_err(Stop::from),
        ComplaintCommand::Resolve { key, resolution } => app
            .resolve_complaint(&key, &resolution)
            .map(|_| ())
            .map_err(Stop::from),
        ComplaintCommand::Close { key } => {
            app.close_complaint(&key).map(|_| ()).map_err(Stop::from)
        }
        ComplaintCommand::List { json } => {
            let o = app.complaints_overview()?;
            if json {
                return print_json(&o);
            }
            if o.pending.is_empty() {
                emit("No complaints waiting.")?;
            }
            for v in &o.pending {
                emit(&format!(
                    "{}  {}  {} days  {}{}  {}",
                    v.complaint.id,
                    v.customer_name,
                    v.age_days,
                    v.next.map_or("", |s| s.as_str()),
                    if v.overdue { " (overdue)" } else { "" },
                    v.complaint.summary
                ))?;
            }
            Ok(())
        }
    }
}
