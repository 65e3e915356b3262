//! The profile flags shared by `customer add` and `customer edit`, and how they
//! turn into a draft. Only shape is checked here (LABEL=VALUE); the core judges the rest.

use clap::Args;
use regulars::model::{
    Channel, CustomField, CustomerDraft, CustomerKind, CustomerStatus, DateDraft,
};

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum KindArg {
    Person,
    Business,
}

impl From<KindArg> for CustomerKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Person => CustomerKind::Person,
            KindArg::Business => CustomerKind::Business,
        }
    }
}

/// Flags both commands accept: single values replace, repeated ones add.
#[derive(Args)]
pub struct ProfileArgs {
    #[arg(long = "given-name")]
    given_name: Option<String>,
    #[arg(long = "family-name")]
    family_name: Option<String>,
    #[arg(long)]
    nickname: Option<String>,
    #[arg(long)]
    company: Option<String>,
    #[arg(long)]
    role: Option<String>,
    #[arg(long = "email", value_name = "EMAIL")]
    emails: Vec<String>,
    #[arg(long = "phone", value_name = "PHONE")]
    phones: Vec<String>,
    /// YYYY-MM-DD, or --MM-DD when the year is unknown.
    #[arg(long, allow_hyphen_values = true)]
    birthday: Option<String>,
    /// A yearly date, as LABEL=DATE (e.g. "Wedding anniversary=2015-06-01").
    #[arg(long = "date", value_name = "LABEL=DATE", allow_hyphen_values = true)]
    dates: Vec<String>,
    #[arg(long = "tag", value_name = "TAG")]
    tags: Vec<String>,
    #[arg(long, value_enum)]
    status: Option<CustomerStatus>,
    #[arg(long, value_enum)]
    channel: Option<Channel>,
    /// How they heard about you.
    #[arg(long)]
    source: Option<String>,
    /// Keep-in-touch cadence in days.
    #[arg(long = "cadence", value_name = "DAYS")]
    cadence_days: Option<u32>,
    /// A custom field, as LABEL=VALUE (e.g. "Dog=Biscuit").
    #[arg(long = "field", value_name = "LABEL=VALUE")]
    fields: Vec<String>,
}

fn split_pair<'a>(flag: &str, text: &'a str, shape: &str) -> Result<(&'a str, &'a str), String> {
    text.rsplit_once('=')
        .ok_or_else(|| format!("{flag}: \"{text}\" should be {shape}"))
}

fn upsert_by_label<T>(list: &mut Vec<T>, label: &str, item: T, label_of: impl Fn(&T) -> &str) {
    match list
        .iter_mut()
        .find(|x| label_of(x).eq_ignore_ascii_case(label.trim()))
    {
        Some(existing) => *existing = item,
        None => list.push(item),
    }
}

impl ProfileArgs {
    fn apply(&self, d: &mut CustomerDraft) -> Result<(), String> {
        let replace = |slot: &mut Option<String>, v: &Option<String>| {
            if v.is_some() {
                slot.clone_from(v);
            }
        };
        replace(&mut d.given_name, &self.given_name);
        replace(&mut d.family_name, &self.family_name);
        replace(&mut d.nickname, &self.nickname);
        replace(&mut d.company, &self.company);
        replace(&mut d.role, &self.role);
        replace(&mut d.birthday, &self.birthday);
        replace(&mut d.source, &self.source);
        d.emails.extend(self.emails.iter().cloned());
        d.phones.extend(self.phones.iter().cloned());
        d.tags.extend(self.tags.iter().cloned());
        for raw in &self.dates {
            let (label, date) = split_pair("--date", raw, "LABEL=DATE")?;
            let item = DateDraft {
                label: label.into(),
                date: date.into(),
            };
            upsert_by_label(&mut d.dates, label, item, |x| &x.label);
        }
        for raw in &self.fields {
            let (label, value) = split_pair("--field", raw, "LABEL=VALUE")?;
            let item = CustomField {
                label: label.into(),
                value: value.into(),
            };
            upsert_by_label(&mut d.custom_fields, label, item, |x| &x.label);
        }
        if let Some(s) = self.status {
            d.status = s;
        }
        if let Some(c) = self.channel {
            d.channel = Some(c);
        }
        if let Some(days) = self.cadence_days {
            d.cadence_days = Some(days);
        }
        Ok(())
    }
}

#[derive(Args)]
pub struct AddArgs {
    #[arg(long)]
    name: String,
    #[arg(long, value_enum, default_value = "person")]
    kind: KindArg,
    #[command(flatten)]
    profile: ProfileArgs,
    /// A first note about them.
    #[arg(long)]
    note: Option<String>,
}

impl AddArgs {
    /// The draft to create, and the first note if one was given.
    pub fn to_draft(&self) -> Result<(CustomerDraft, Option<String>), String> {
        let mut draft = CustomerDraft {
            name: self.name.clone(),
            kind: self.kind.into(),
            ..Default::default()
        };
        self.profile.apply(&mut draft)?;
        Ok((draft, self.note.clone()))
    }
}

#[derive(Args)]
pub struct EditArgs {
    pub id: String,
    #[arg(long)]
    name: Option<String>,
    #[arg(long, value_enum)]
    kind: Option<KindArg>,
    #[command(flatten)]
    profile: ProfileArgs,
    #[arg(long = "remove-email", value_name = "EMAIL")]
    remove_emails: Vec<String>,
    #[arg(long = "remove-phone", value_name = "PHONE")]
    remove_phones: Vec<String>,
    #[arg(long = "remove-tag", value_name = "TAG")]
    remove_tags: Vec<String>,
    #[arg(long = "remove-date", value_name = "LABEL")]
    remove_dates: Vec<String>,
    #[arg(long = "remove-field", value_name = "LABEL")]
    remove_fields: Vec<String>,
    #[arg(long = "clear-birthday")]
    clear_birthday: bool,
    #[arg(long = "clear-channel")]
    clear_channel: bool,
    #[arg(long = "clear-cadence")]
    clear_cadence: bool,
}

fn remove_matching(list: &mut Vec<String>, remove: &[String]) {
    list.retain(|x| {
        !remove
            .iter()
            .any(|r| r.trim().eq_ignore_ascii_case(x.trim()))
    });
}

impl EditArgs {
    /// Applies removals first, then additions and replacements, to the current draft.
    pub fn apply(self, d: &mut CustomerDraft) -> Result<(), String> {
        remove_matching(&mut d.emails, &self.remove_emails);
        remove_matching(&mut d.phones, &self.remove_phones);
        remove_matching(&mut d.tags, &self.remove_tags);
        d.dates.retain(|x| {
            !self
                .remove_dates
                .iter()
                .any(|r| r.trim().eq_ignore_ascii_case(&x.label))
        });
        d.custom_fields.retain(|x| {
            !self
                .remove_fields
                .iter()
                .any(|r| r.trim().eq_ignore_ascii_case(&x.label))
        });
        if self.clear_birthday {
            d.birthday = None;
        }
        if self.clear_channel {
            d.channel = None;
        }
        if self.clear_cadence {
            d.cadence_days = None;
        }
        if let Some(n) = self.name {
            d.name = n;
        }
        if let Some(k) = self.kind {
            d.kind = k.into();
        }
        self.profile.apply(d)
    }
}
