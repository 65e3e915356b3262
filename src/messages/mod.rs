//! Congratulations and follow-up messages: templates per occasion, the values a
//! customer gives them, and the links that open a message in the right app.
//! Pure: the façade supplies the customer, the day and the owner's settings.

mod defaults;
pub mod links;
pub mod template;

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use defaults::default_template;
pub use template::{ordinal, TemplateError, Text, PLACEHOLDERS};

use crate::agenda::yearly::{entries_of, falls_on};
use crate::model::{Channel, Customer};
use crate::settings::Settings;

/// What a message is for. Serialized names are the CLI's (`--occasion`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum Occasion {
    Birthday,
    Anniversary,
    FollowUp,
    ThankYou,
    Feedback,
    Seasonal,
}

/// A message template: subject and body in template text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Template {
    pub occasion: Occasion,
    pub subject: String,
    pub body: String,
}

/// One of the owner's own templates (the shipped ones are built in, never stored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SavedTemplate {
    pub id: String,
    pub name: String,
    pub template: Template,
    /// The one used for its occasion unless another is chosen.
    pub is_default: bool,
}

/// A template as listed: the built-in one of each occasion (`id` "builtin/…",
/// read-only) and the owner's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TemplateInfo {
    pub id: String,
    pub name: String,
    pub template: Template,
    pub is_default: bool,
    pub built_in: bool,
}

/// What the owner typed in the template editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TemplateDraft {
    pub name: String,
    pub occasion: Occasion,
    pub subject: String,
    pub body: String,
    pub is_default: bool,
}

/// The longest template body accepted, in characters.
pub const TEMPLATE_CHARS: usize = 10_000;

impl TemplateDraft {
    /// Checks the name and that subject and body parse (naming an unknown
    /// placeholder), before anything is saved.
    pub fn validate(&self) -> Result<(), crate::model::ValidationError> {
        use crate::model::ValidationError;
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 80 {
            return Err(ValidationError::new(
                "name",
                "give the template a name of up to 80 characters",
            ));
        }
        for (field, text) in [("subject", &self.subject), ("body", &self.body)] {
            if text.chars().count() > TEMPLATE_CHARS {
                return Err(ValidationError::new(
                    field,
                    format!("is longer than {TEMPLATE_CHARS} characters"),
                ));
            }
            Text::parse(text).map_err(|e| ValidationError::new(field, e.to_string()))?;
        }
        if self.body.trim().is_empty() {
            return Err(ValidationError::new("body", "the message is empty"));
        }
        Ok(())
    }
}

/// The id under which an occasion's shipped template is listed.
pub fn builtin_id(occasion: Occasion) -> String {
    format!(
        "builtin/{}",
        serde_json::to_value(occasion)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    )
}

/// The links that open the message in another app; absent where the customer
/// has no such address (or their number cannot be made international).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MessageLinks {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub mailto: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub sms: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub whatsapp: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub tel: Option<String>,
}

/// A channel the customer cannot be reached on, and why ("no email address").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Unavailable {
    pub channel: Channel,
    pub reason: String,
}

/// A message ready to send. The first four fields are the CLI's JSON contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RenderedMessage {
    pub subject: String,
    pub body: String,
    /// The channel to use: the customer's preferred one if they can be reached
    /// there, else the first they have (email, WhatsApp, SMS); `null`: copy it.
    pub channel: Option<Channel>,
    pub links: MessageLinks,
    pub unavailable: Vec<Unavailable>,
}

/// The values `customer` gives the placeholders for `occasion` around `day`
/// (`last_purchase`: their latest order in words, if any). Missing values are
/// absent, so optional clauses choose their other wording.
pub fn values(
    customer: &Customer,
    last_purchase: Option<&str>,
    occasion: Occasion,
    day: NaiveDate,
    settings: &Settings,
) -> HashMap<&'static str, String> {
    let mut v = HashMap::new();
    let first = customer
        .given_name
        .as_ref()
        .or(customer.nickname.as_ref())
        .unwrap_or(&customer.name);
    v.insert("first_name", first.clone());
    v.insert("name", customer.name.clone());
    let leap = settings.reminders.leap_day;
    // The occurrence being greeted: the first on or after a week ago, so a late
    // greeting still says the right age.
    let since = day - Duration::days(7);
    let next = |date: &crate::model::PartialDate| {
        falls_on(date, since.year(), leap)
            .filter(|d| *d >= since)
            .or_else(|| falls_on(date, since.year() + 1, leap))
    };
    if let Some(b) = &customer.birthday {
        if let (Some(year), Some(on)) = (b.year(), next(b)) {
            if on.year() > year {
                let age = (on.year() - year) as u32;
                v.insert("age", age.to_string());
                v.insert("age_ordinal", ordinal(age));
            }
        }
    }
    if occasion == Occasion::Anniversary {
        let soonest = entries_of(customer)
            .into_iter()
            .filter(|e| e.label.is_some())
            .filter_map(|e| next(&e.date).map(|on| (on, e)))
            .min_by_key(|(on, _)| *on);
        if let Some((on, e)) = soonest {
            v.insert("date_label", e.label.clone().unwrap_or_default());
            if let Some(year) = e.date.year().filter(|y| on.year() > *y) {
                let years = (on.year() - year) as u32;
                v.insert("years", years.to_string());
                v.insert("years_ordinal", ordinal(years));
            }
        }
    }
    if let Some(p) = last_purchase.filter(|p| !p.trim().is_empty()) {
        v.insert("last_purchase", p.to_owned());
    }
    for (key, value) in [
        ("business_name", &settings.business.business_name),
        ("owner_name", &settings.business.owner_name),
    ] {
        if let Some(text) = value.as_ref().filter(|t| !t.trim().is_empty()) {
            v.insert(key, text.trim().to_owned());
        }
    }
    v
}

/// Renders `template` for `customer` and works out the channel and links.
pub fn compose(
    template: &Template,
    customer: &Customer,
    last_purchase: Option<&str>,
    day: NaiveDate,
    settings: &Settings,
) -> Result<RenderedMessage, TemplateError> {
    let values = values(customer, last_purchase, template.occasion, day, settings);
    let subject = Text::parse(&template.subject)?.render(&values)?;
    // A signature whose names are unknown leaves nothing to trail behind.
    let body = Text::parse(&template.body)?
        .render(&values)?
        .trim_end()
        .to_owned();
    let (out, unavailable) = links_for(customer, &subject, &body, settings);
    let reachable = |c: Channel| match c {
        Channel::Email => out.mailto.is_some(),
        Channel::Sms => out.sms.is_some(),
        Channel::Whatsapp => out.whatsapp.is_some(),
        Channel::Phone => out.tel.is_some(),
        Channel::InPerson | Channel::WebChat | Channel::Other => false,
    };
    let channel = customer.channel.filter(|c| reachable(*c)).or_else(|| {
        [Channel::Email, Channel::Whatsapp, Channel::Sms]
            .into_iter()
            .find(|c| reachable(*c))
    });
    Ok(RenderedMessage {
        subject,
        body,
        channel,
        links: out,
        unavailable,
    })
}

/// The links that open `subject` and `body` in each app the customer can be
/// reached on (after the owner edited the text), and why the others cannot.
pub fn links_for(
    customer: &Customer,
    subject: &str,
    body: &str,
    settings: &Settings,
) -> (MessageLinks, Vec<Unavailable>) {
    let mut unavailable = Vec::new();
    let email = customer.emails.first();
    let phone = customer.phones.first();
    let calling_code = settings.business.country_calling_code.as_deref();
    let international = phone.map(|p| links::e164(p, calling_code));
    let mut out = MessageLinks {
        mailto: email.map(|e| links::mailto(e, subject, body)),
        ..Default::default()
    };
    if email.is_none() {
        unavailable.push(Unavailable {
            channel: Channel::Email,
            reason: "no email address".into(),
        });
    }
    match &international {
        Some(Ok(number)) => {
            out.sms = Some(links::sms(number, body));
            out.whatsapp = Some(links::whatsapp(number, body));
            out.tel = Some(links::tel(number));
        }
        Some(Err(e)) => {
            for channel in [Channel::Sms, Channel::Whatsapp, Channel::Phone] {
                unavailable.push(Unavailable {
                    channel,
                    reason: e.to_string(),
                });
            }
        }
        None => {
            for channel in [Channel::Sms, Channel::Whatsapp, Channel::Phone] {
                unavailable.push(Unavailable {
                    channel,
                    reason: "no phone number".into(),
                });
            }
        }
    }
    (out, unavailable)
}

#[cfg(test)]
mod tests;
