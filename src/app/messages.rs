//! Composing and sending congratulations and follow-ups.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Regulars;
use crate::error::Result;
use crate::messages::{
    self, builtin_id, default_template, Occasion, RenderedMessage, SavedTemplate, Template,
    TemplateDraft, TemplateInfo,
};
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
    /// Uses the occasion's default template (the owner's own if they set one).
    pub fn render_message(
        &self,
        customer_id: &str,
        occasion: Occasion,
        day: Option<NaiveDate>,
    ) -> Result<RenderedMessage> {
        let template = self
            .templates(Some(occasion))?
            .into_iter()
            .find(|t| t.is_default)
            .map_or_else(|| default_template(occasion), |t| t.template);
        self.compose(customer_id, &template, day)
    }

    fn compose(
        &self,
        customer_id: &str,
        template: &Template,
        day: Option<NaiveDate>,
    ) -> Result<RenderedMessage> {
        let customer = self.customer(customer_id)?;
        let settings = self.store.settings()?;
        let day = day.unwrap_or_else(|| self.clock.today());
        let last_purchase = self.last_purchase(&customer)?;
        messages::compose(
            template,
            &customer,
            last_purchase.as_deref(),
            day,
            &settings,
        )
        .map_err(|e| ValidationError::new("template", e.to_string()).into())
    }

    /// The templates for one occasion (or all): the built-in one first, then
    /// the owner's by name. Exactly one per occasion is the default.
    pub fn templates(&self, occasion: Option<Occasion>) -> Result<Vec<TemplateInfo>> {
        let saved = self.store.templates()?;
        let occasions = [
            Occasion::Birthday,
            Occasion::Anniversary,
            Occasion::FollowUp,
            Occasion::ThankYou,
            Occasion::Feedback,
            Occasion::Seasonal,
        ];
        let mut out = Vec::new();
        for o in occasions
            .into_iter()
            .filter(|o| occasion.is_none_or(|x| x == *o))
        {
            let mut own: Vec<&SavedTemplate> =
                saved.iter().filter(|t| t.template.occasion == o).collect();
            own.sort_by_cached_key(|t| (t.name.to_lowercase(), t.id.clone()));
            let has_default = own.iter().any(|t| t.is_default);
            out.push(TemplateInfo {
                id: builtin_id(o),
                name: "Regulars’ template".into(),
                template: default_template(o),
                is_default: !has_default,
                built_in: true,
            });
            out.extend(own.into_iter().map(|t| TemplateInfo {
                id: t.id.clone(),
                name: t.name.clone(),
                template: t.template.clone(),
                is_default: t.is_default,
                built_in: false,
            }));
        }
        Ok(out)
    }

    /// Saves a new template (`id` None) or changes one of the owner's. Marking
    /// it the default takes that mark from the occasion's other templates.
    pub fn save_template(&self, id: Option<&str>, draft: &TemplateDraft) -> Result<TemplateInfo> {
        draft.validate()?;
        let _w = self.write_lock();
        let saved = self.store.templates()?;
        if let Some(id) = id {
            if !saved.iter().any(|t| t.id == id) {
                return Err(crate::Error::TemplateNotFound(id.to_owned()));
            }
        }
        let template = SavedTemplate {
            id: id.map_or_else(|| uuid::Uuid::now_v7().to_string(), str::to_owned),
            name: draft.name.trim().to_owned(),
            template: Template {
                occasion: draft.occasion,
                subject: draft.subject.clone(),
                body: draft.body.clone(),
            },
            is_default: draft.is_default,
        };
        let mut put = vec![template.clone()];
        if draft.is_default {
            put.extend(
                saved
                    .into_iter()
                    .filter(|t| {
                        t.is_default && t.id != template.id && t.template.occasion == draft.occasion
                    })
                    .map(|t| SavedTemplate {
                        is_default: false,
                        ..t
                    }),
            );
        }
        self.store.change_templates(&put, &[])?;
        Ok(TemplateInfo {
            id: template.id,
            name: template.name,
            template: template.template,
            is_default: template.is_default,
            built_in: false,
        })
    }

    /// Removes one of the owner's templates (the built-in ones cannot go).
    pub fn delete_template(&self, id: &str) -> Result<()> {
        let _w = self.write_lock();
        if !self.store.templates()?.iter().any(|t| t.id == id) {
            return Err(crate::Error::TemplateNotFound(id.to_owned()));
        }
        Ok(self.store.change_templates(&[], &[id.to_owned()])?)
    }

    /// Back to Regulars' template for an occasion: the owner's own for it go.
    pub fn restore_default_templates(&self, occasion: Occasion) -> Result<()> {
        let _w = self.write_lock();
        let ids: Vec<String> = self
            .store
            .templates()?
            .into_iter()
            .filter(|t| t.template.occasion == occasion)
            .map(|t| t.id)
            .collect();
        Ok(self.store.change_templates(&[], &ids)?)
    }

    /// The editor's live preview: `draft` rendered for a real customer.
    pub fn preview_template(
        &self,
        customer_id: &str,
        draft: &TemplateDraft,
    ) -> Result<RenderedMessage> {
        for (field, text) in [("subject", &draft.subject), ("body", &draft.body)] {
            messages::Text::parse(text).map_err(|e| ValidationError::new(field, e.to_string()))?;
        }
        let template = Template {
            occasion: draft.occasion,
            subject: draft.subject.clone(),
            body: draft.body.clone(),
        };
        self.compose(customer_id, &template, None)
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
