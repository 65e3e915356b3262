//! `today` and `reminder …`: the daily list on the command line (CLI.md).

use chrono::NaiveDate;
use clap::Subcommand;
use regulars::agenda::{Agenda, AgendaItem, Horizon, ItemKind, ReminderKey, MAX_DAYS};
use regulars::Regulars;

use super::{emit, print_json, Stop};

#[derive(Subcommand)]
pub enum ReminderCommand {
    /// Mark one reminder done (a keep-in-touch one: you were in touch today).
    Done { key: String },
    /// Take one reminder off the list without doing it.
    Dismiss { key: String },
    /// Hide one reminder until a later day.
    Snooze {
        key: String,
        /// YYYY-MM-DD, after today.
        #[arg(long, value_parser = parse_date)]
        until: NaiveDate,
    },
    /// Undo the last done, dismiss or snooze.
    Undo,
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date (use YYYY-MM-DD)"))
}

pub fn max_days() -> clap::builder::RangedI64ValueParser<u32> {
    clap::value_parser!(u32).range(0..=i64::from(MAX_DAYS))
}

/// A reminder key is judged before the store is opened.
pub fn check_key(command: &ReminderCommand) -> Result<(), Stop> {
    match command {
        ReminderCommand::Done { key }
        | ReminderCommand::Dismiss { key }
        | ReminderCommand::Snooze { key, .. } => key
            .parse::<ReminderKey>()
            .map(|_| ())
            .map_err(|e| Stop::Failed(format!("key: {e}"))),
        ReminderCommand::Undo => Ok(()),
    }
}

pub fn today(app: &Regulars, date: Option<NaiveDate>, days: u32, json: bool) -> Result<(), Stop> {
    let agenda = app.agenda(date, Horizon::Days(days))?;
    if json {
        return print_json(&agenda);
    }
    print_agenda(&agenda)
}

fn what(item: &AgendaItem) -> String {
    match item.kind {
        ItemKind::Birthday => match item.age {
            Some(age) => format!("Birthday ({age})"),
            None => "Birthday".into(),
        },
        ItemKind::Anniversary => match item.years {
            Some(n) => format!("{} ({n} years)", item.label),
            None => item.label.clone(),
        },
        ItemKind::FollowUp => format!("Follow up: {}", item.label),
        ItemKind::KeepInTouch => format!("Keep in touch ({})", item.label.to_lowercase()),
        ItemKind::OrderDrop | ItemKind::Season | ItemKind::ComplaintDue | ItemKind::AskFeedback => {
            match &item.detail {
                Some(d) => format!("{} ({d})", item.label),
                None => item.label.clone(),
            }
        }
    }
}

fn print_agenda(agenda: &Agenda) -> Result<(), Stop> {
    if agenda.items.is_empty() {
        return emit(&format!(
            "Nothing due on {}.",
            agenda.date.format("%a %-d %b %Y")
        ));
    }
    for item in &agenda.items {
        let when = serde_json::to_value(item.when)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let time = item.time.as_deref().unwrap_or("");
        emit(&format!(
            "{when:<9}{} {time:<5}  {}: {}\t{}",
            item.date.format("%a %Y-%m-%d"),
            item.customer_name,
            what(item),
            item.key
        ))?;
    }
    Ok(())
}

pub fn reminder(app: &Regulars, command: ReminderCommand) -> Result<(), Stop> {
    match command {
        ReminderCommand::Done { key } => {
            app.reminder_done(&key)?;
        }
        ReminderCommand::Dismiss { key } => {
            app.reminder_dismiss(&key)?;
        }
        ReminderCommand::Snooze { key, until } => {
            app.reminder_snooze(&key, until)?;
        }
        ReminderCommand::Undo => match app.undo_reminder()? {
            Some(undone) => emit(&format!("undone: {}", undone.key))?,
            None => emit("nothing to undo")?,
        },
    }
    Ok(())
}
