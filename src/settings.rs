//! The owner's preferences for reminders and notifications, stored with the data
//! (so the CLI's `today` and the app agree). Every field has a sensible default;
//! a stored document missing a field (written by an older version) takes it.

use chrono::NaiveTime;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

use crate::model::ValidationError;

/// Where a Feb 29 yearly date falls in a common year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum LeapDay {
    #[default]
    Feb28,
    Mar1,
}

/// What the daily list shows and for how long.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ReminderSettings {
    pub leap_day: LeapDay,
    /// Days ahead a birthday is shown as upcoming.
    pub birthday_notice_days: u32,
    /// Days ahead another yearly date (anniversary, customer since…) is shown.
    pub anniversary_notice_days: u32,
    /// Days ahead a follow-up is shown.
    pub follow_up_notice_days: u32,
    /// Days ahead a keep-in-touch reminder is shown.
    pub keep_in_touch_notice_days: u32,
    /// Days a missed birthday or anniversary stays on the list as overdue, so a
    /// late greeting is still possible. Follow-ups stay until done or dismissed.
    pub missed_days: u32,
    /// Days before a complaint's deadline (acknowledge, resolve) it is shown.
    pub complaint_notice_days: u32,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        Self {
            leap_day: LeapDay::Feb28,
            birthday_notice_days: 3,
            anniversary_notice_days: 3,
            follow_up_notice_days: 0,
            keep_in_touch_notice_days: 0,
            missed_days: 3,
            complaint_notice_days: 1,
        }
    }
}

/// A time of day as `HH:MM` (24-hour) on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, TS)]
#[ts(export, type = "string")]
pub struct TimeOfDay(pub NaiveTime);

impl TimeOfDay {
    pub fn hm(hour: u32, minute: u32) -> Self {
        Self(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN))
    }
}

impl std::str::FromStr for TimeOfDay {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        NaiveTime::parse_from_str(s.trim(), "%H:%M")
            .map(Self)
            .map_err(|_| format!("{s:?} is not a time of day (use HH:MM, 24-hour)"))
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.format("%H:%M"))
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// Which desktop notifications the app raises, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct NotificationSettings {
    /// One notification a day summing up what is due.
    pub digest: bool,
    /// Local time of the daily digest.
    pub digest_time: TimeOfDay,
    /// One notification when a follow-up with a time of day falls due.
    pub timed_follow_ups: bool,
}

impl Default for NotificationSettings {
    fn default() -> Self {
        Self {
            digest: true,
            digest_time: TimeOfDay::hm(9, 0),
            timed_follow_ups: true,
        }
    }
}

/// Who is writing: the signature of messages, and the country for phone numbers
/// written without one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields = nullable)]
pub struct BusinessSettings {
    /// {business_name} in messages.
    pub business_name: Option<String>,
    /// {owner_name} in messages: how the owner signs.
    pub owner_name: Option<String>,
    /// The country calling code for national numbers (`46` for Sweden), so
    /// `070 123 45 67` becomes `+46701234567` for SMS and WhatsApp links.
    pub country_calling_code: Option<String>,
    /// ISO 4217 code of the currency orders are in unless they say otherwise
    /// (and insights count in); EUR if unset.
    pub currency: Option<String>,
}

impl BusinessSettings {
    pub fn currency(&self) -> crate::model::Currency {
        self.currency
            .as_deref()
            .and_then(|c| c.parse().ok())
            .unwrap_or(crate::model::Currency::EUR)
    }
}

/// The complaints policy: how soon a complaint is acknowledged and resolved,
/// counted in days from the day the customer complained, and the words the
/// owner shows customers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct ComplaintPolicy {
    pub acknowledge_days: u32,
    pub resolve_days: u32,
    /// The written policy, to show or send to customers.
    pub text: String,
}

pub const DEFAULT_POLICY_TEXT: &str = "If something was not right, please tell us. \
We will acknowledge your complaint within {acknowledge} days and aim to resolve it within \
{resolve} days of hearing from you. We keep a record of every complaint, what we did about it \
and what we learned, so that it does not happen again.";

impl ComplaintPolicy {
    /// The written policy with the day counts filled in.
    pub fn text_for_customers(&self) -> String {
        self.text
            .replace("{acknowledge}", &self.acknowledge_days.to_string())
            .replace("{resolve}", &self.resolve_days.to_string())
    }
}

impl Default for ComplaintPolicy {
    fn default() -> Self {
        Self {
            acknowledge_days: 2,
            resolve_days: 7,
            text: DEFAULT_POLICY_TEXT.to_owned(),
        }
    }
}

/// Asking for feedback: an optional follow-up some days after an order or a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct FeedbackSettings {
    /// Days after an order or meeting to ask how it went; `None`: never (the default).
    pub ask_after_days: Option<u32>,
    pub after_orders: bool,
    pub after_meetings: bool,
}

impl Default for FeedbackSettings {
    fn default() -> Self {
        Self {
            ask_after_days: None,
            after_orders: true,
            after_meetings: true,
        }
    }
}

/// Automatic daily backups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, optional_fields = nullable)]
pub struct BackupSettings {
    pub automatic: bool,
    /// Where backups go; `None`: `backups/` inside the data directory.
    pub folder: Option<String>,
    /// How many automatic backups are kept (the oldest go first).
    pub keep: u32,
}

impl Default for BackupSettings {
    fn default() -> Self {
        Self {
            automatic: true,
            folder: None,
            keep: 14,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct Settings {
    pub reminders: ReminderSettings,
    pub notifications: NotificationSettings,
    pub business: BusinessSettings,
    pub complaints: ComplaintPolicy,
    pub feedback: FeedbackSettings,
    pub backups: BackupSettings,
    /// A file kept up to date with birthdays, yearly dates and follow-ups
    /// (iCalendar), for a calendar app to subscribe to; `None`: not kept.
    pub calendar_file: Option<String>,
    /// Start Regulars (in the tray) when the owner logs in. Opt-in.
    pub start_at_login: bool,
}

/// The longest advance notice or overdue grace accepted, in days.
pub const MAX_NOTICE_DAYS: u32 = 60;
/// The longest complaint deadline or feedback delay accepted, in days.
pub const MAX_POLICY_DAYS: u32 = 365;

impl Settings {
    /// Refuses values that would make the list useless, naming the field.
    pub fn validate(&self) -> Result<(), ValidationError> {
        let r = &self.reminders;
        for (field, value) in [
            ("reminders.birthday_notice_days", r.birthday_notice_days),
            (
                "reminders.anniversary_notice_days",
                r.anniversary_notice_days,
            ),
            ("reminders.follow_up_notice_days", r.follow_up_notice_days),
            (
                "reminders.keep_in_touch_notice_days",
                r.keep_in_touch_notice_days,
            ),
            ("reminders.missed_days", r.missed_days),
            ("reminders.complaint_notice_days", r.complaint_notice_days),
        ] {
            if value > MAX_NOTICE_DAYS {
                return Err(ValidationError::new(
                    field,
                    format!("{value} days is more than the {MAX_NOTICE_DAYS} allowed"),
                ));
            }
        }
        let p = &self.complaints;
        for (field, value) in [
            ("complaints.acknowledge_days", p.acknowledge_days),
            ("complaints.resolve_days", p.resolve_days),
        ] {
            if !(1..=MAX_POLICY_DAYS).contains(&value) {
                return Err(ValidationError::new(
                    field,
                    format!("{value} days: use 1 to {MAX_POLICY_DAYS}"),
                ));
            }
        }
        if p.resolve_days < p.acknowledge_days {
            return Err(ValidationError::new(
                "complaints.resolve_days",
                format!(
                    "resolving within {} days cannot come before acknowledging within {}",
                    p.resolve_days, p.acknowledge_days
                ),
            ));
        }
        if p.text.chars().count() > 10_000 {
            return Err(ValidationError::new(
                "complaints.text",
                "is longer than 10000 characters",
            ));
        }
        if let Some(days) = self.feedback.ask_after_days {
            if !(1..=MAX_POLICY_DAYS).contains(&days) {
                return Err(ValidationError::new(
                    "feedback.ask_after_days",
                    format!("{days} days: use 1 to {MAX_POLICY_DAYS}, or turn asking off"),
                ));
            }
        }
        if !(1..=365).contains(&self.backups.keep) {
            return Err(ValidationError::new(
                "backups.keep",
                format!("keep 1 to 365 backups, not {}", self.backups.keep),
            ));
        }
        if let Some(folder) = self
            .backups
            .folder
            .as_deref()
            .filter(|f| !f.trim().is_empty())
        {
            if !std::path::Path::new(folder.trim()).is_absolute() {
                return Err(ValidationError::new(
                    "backups.folder",
                    format!("“{folder}” is not a full path (like /home/you/Backups)"),
                ));
            }
        }
        if let Some(file) = self
            .calendar_file
            .as_deref()
            .filter(|f| !f.trim().is_empty())
        {
            let path = std::path::Path::new(file.trim());
            if !path.is_absolute() || path.extension().is_none_or(|e| e != "ics") {
                return Err(ValidationError::new(
                    "calendar_file",
                    format!(
                        "“{file}” is not a full path to an .ics file (like /home/you/Regulars.ics)"
                    ),
                ));
            }
        }
        let b = &self.business;
        for (field, value) in [
            ("business.business_name", &b.business_name),
            ("business.owner_name", &b.owner_name),
        ] {
            if value.as_ref().is_some_and(|v| v.chars().count() > 200) {
                return Err(ValidationError::new(field, "is longer than 200 characters"));
            }
        }
        if let Some(code) = b
            .currency
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            code.parse::<crate::model::Currency>()
                .map_err(|m| ValidationError::new("business.currency", m))?;
        }
        if let Some(code) = b.country_calling_code.as_ref().map(|c| c.trim()) {
            let digits = code.trim_start_matches('+');
            let valid =
                digits.chars().all(|c| c.is_ascii_digit()) && (1..=3).contains(&digits.len());
            if !code.is_empty() && !valid {
                return Err(ValidationError::new(
                    "business.country_calling_code",
                    format!(
                        "“{code}” is not a country calling code (1 to 3 digits, like 46 or +1)"
                    ),
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_documented_ones() {
        let s = Settings::default();
        assert_eq!(s.reminders.birthday_notice_days, 3);
        assert_eq!(s.reminders.missed_days, 3);
        assert_eq!(s.reminders.leap_day, LeapDay::Feb28);
        assert_eq!(s.notifications.digest_time, TimeOfDay::hm(9, 0));
        assert!(!s.start_at_login);
    }

    #[test]
    fn a_document_from_an_older_version_takes_defaults_for_missing_fields() {
        let s: Settings =
            serde_json::from_str(r#"{"notifications": {"digest_time": "07:30"}}"#).unwrap();
        assert_eq!(s.notifications.digest_time, TimeOfDay::hm(7, 30));
        assert!(s.notifications.digest);
        assert_eq!(s.reminders, ReminderSettings::default());
    }

    #[test]
    fn a_bad_time_or_too_long_notice_is_refused_by_name() {
        let e = serde_json::from_str::<Settings>(r#"{"notifications": {"digest_time": "25:00"}}"#)
            .unwrap_err();
        assert!(e.to_string().contains("HH:MM"), "{e}");
        let mut s = Settings::default();
        s.reminders.missed_days = 400;
        assert_eq!(
            s.validate().unwrap_err().field,
            "reminders.missed_days".to_string()
        );
    }

    #[test]
    fn the_complaints_policy_defaults_to_two_and_seven_days_and_must_be_in_order() {
        let mut s = Settings::default();
        assert_eq!(
            (s.complaints.acknowledge_days, s.complaints.resolve_days),
            (2, 7)
        );
        assert!(s.complaints.text_for_customers().contains("within 2 days"));
        assert_eq!(
            s.feedback.ask_after_days, None,
            "asking for feedback is off by default"
        );
        s.complaints.resolve_days = 1;
        assert_eq!(s.validate().unwrap_err().field, "complaints.resolve_days");
        s.complaints.resolve_days = 7;
        s.feedback.ask_after_days = Some(0);
        assert_eq!(s.validate().unwrap_err().field, "feedback.ask_after_days");
    }

    #[test]
    fn the_business_currency_is_an_iso_code_and_defaults_to_euro() {
        let mut s = Settings::default();
        assert_eq!(s.business.currency().code(), "EUR");
        s.business.currency = Some("sek".into());
        assert!(s.validate().is_ok());
        assert_eq!(s.business.currency().code(), "SEK");
        s.business.currency = Some("Kronor".into());
        let e = s.validate().unwrap_err();
        assert_eq!(e.field, "business.currency");
        assert!(e.message.contains("ISO 4217"), "{}", e.message);
    }
}
