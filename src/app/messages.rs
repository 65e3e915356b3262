//! Composing and sending congratulations and follow-ups.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Regulars;
use crate::error::Result;
use crate::messages::{self, Occasion, RenderedMessage};
use crate::model::{Channel, Interaction, InteractionDraft, InteractionKind, ValidationError};

/// A message the owner sent (or copied to send), to log on the timeline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields = nullable)]
pub struct SentMessage {
    /// How it went out; `None` when copied to the clipboard.
    pub channel: Option<Channel>,
    pub subject: String,
    pub body: String,
    /// The daily-list item it answers, marked done once it is logged.
    pub reminder_key: Option<String>,
}

impl Regulars {
    /// The message for `occasion` to one customer, ready to send, with links
    /// for each channel they can be reached on. `day` defaults to today.
    pub fn render_message(
        &self,
        customer_id: &str,
        occasion: Occasion,
        day: Option<NaiveDate>,
    ) -> Result<RenderedMessage> {
        let customer = self.customer(customer_id)?;
        let settings = self.store.settings()?;
        let template = messages::default_template(occasion);
        let day = day.unwrap_or_else(|| self.clock.today());
        messages::compose(&template, &customer, day, &settings)
            .map_err(|e| ValidationError::new("template", e.to_string()).into())
    }

    /// Links for the text as the owner edited it, and the channels they lack.
    pub fn message_links(
        &self,
        customer_id: &str,
        subject: &str,
        body: &str,
    ) -> Result<(messages::MessageLinks, Vec<messages::Unavailable>)> {
        let customer = self.customer(customer_id)?;
        let settings = self.store.settings()?;
        Ok(messages::links_for(&customer, subject, body, &settings))
    }

    /// Logs a sent message on the customer's timeline (which resets their
    /// keep-in-touch clock) and marks the reminder it answered done.
    pub fn send_message(&self, customer_id: &str, sent: &SentMessage) -> Result<Interaction> {
        if sent.body.trim().is_empty() {
            return Err(ValidationError::new("body", "the message is empty").into());
        }
        // Judge the key before anything is written, so a bad one logs nothing.
        if let Some(key) = &sent.reminder_key {
            key.parse::<crate::agenda::ReminderKey>()
                .map_err(|e| ValidationError::new("reminder_key", e.to_string()))?;
        }
        let how = match sent.channel {
            Some(c) => serde_json::to_value(c)
                .ok()
                .and_then(|v| v.as_str().map(|s| format!("Sent by {s}")))
                .unwrap_or_default(),
            None => "Copied to send".to_owned(),
        };
        let subject = sent.subject.trim();
        let text = if subject.is_empty() {
            format!("{how}:\n\n{}", sent.body.trim_end())
        } else {
            format!("{how}: **{subject}**\n\n{}", sent.body.trim_end())
        };
        let kind = match sent.channel {
            Some(Channel::Email) => InteractionKind::Email,
            Some(Channel::Phone) => InteractionKind::Call,
            _ => InteractionKind::Message,
        };
        let draft = InteractionDraft {
            kind,
            text,
            at: None,
            follow_up: None,
        };
        let logged = self.log_interaction(customer_id, &draft)?;
        if let Some(key) = &sent.reminder_key {
            // The message is logged: a reminder already gone (done in another
            // window, the date removed) is no reason to report a failure.
            match self.reminder_done(key) {
                Ok(_) | Err(crate::Error::ReminderNotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(logged)
    }
}
