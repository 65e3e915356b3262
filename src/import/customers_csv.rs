//! Customers from a CSV file, through a column mapping the owner confirms in a
//! preview. Google Contacts and Outlook exports are recognised by their headers
//! and mapped for them (Outlook's US dates read month first); any other file is
//! mapped by English header names, case, spaces and punctuation ignored, and
//! columns it does not know are ignored.
//!
//! Reading streams row by row (a 100 MB file is never held whole) and yields a
//! draft per row or a problem naming the row's line; a value that cannot be read
//! (a date, say) is reported, never dropped. Parsing only: the façade judges each
//! draft with the same rules as typing it, and saves.

use std::io::Read;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::orders_csv::FileError;
use super::ImportProblem;
use crate::model::{Address, CustomerDraft, CustomerKind, DateDraft, PartialDate};

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    /// The display name; without one, the name is built from the given and family names.
    Name,
    GivenName,
    FamilyName,
    Nickname,
    Company,
    Role,
    /// One or more addresses (several in a cell split at `;`, `,` or Google's `:::`).
    Email,
    /// One or more numbers (several in a cell split at `;` or `:::`).
    Phone,
    Birthday,
    /// A yearly date with this label (Outlook's "Anniversary", Google's events).
    Date(String),
    /// The label of the next `Date` column to its right, row by row (Google's
    /// "Event 1 - Type"); an empty cell keeps that column's own label.
    DateLabel,
    /// Address parts fill one address from left to right; a part that the address
    /// already has starts the next one (home, then business…).
    Street,
    PostalCode,
    City,
    Region,
    Country,
    /// Tags, split at `;`, `,` or `:::`; Google's "* myContacts" is left out.
    Tags,
    /// Text for a note on the customer (returned beside the draft).
    Note,
    Source,
    Ignore,
}

/// How a date with the year last reads (`03/04/1980`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum DateOrder {
    /// Year first (ISO, `1980-03-22`); a date with the year last is read only when
    /// its day is unmistakable (above 12).
    #[default]
    Ymd,
    /// Month first: `3/22/1980` (Outlook in the US).
    Mdy,
    /// Day first: `22/3/1980`, `22.03.1980`.
    Dmy,
}

/// One field per header column, and how dates read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Mapping {
    pub columns: Vec<Field>,
    pub date_order: DateOrder,
}

/// Whose export the header looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum Detected {
    Google,
    Outlook,
    Generic,
}

/// What the owner sees before importing: the file's kind, its header, the
/// proposed mapping and the first rows (cells as in the file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Preview {
    pub detected: Detected,
    pub headers: Vec<String>,
    pub mapping: Mapping,
    pub rows: Vec<Vec<String>>,
}

/// Rows end at `\n` only (a `\r` before it is trimmed off as whitespace): with
/// the csv crate's default CRLF terminator, every row after a `\r\n` is
/// reported one line early (its position is taken at the `\n`), and Excel and
/// Outlook write `\r\n`.
fn csv_reader<R: Read>(input: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(input)
}

/// The header's cells, or why there is none (the message is for line 1).
fn read_headers<R: Read>(reader: &mut csv::Reader<R>) -> Result<Vec<String>, String> {
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("the header cannot be read ({e})"))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_owned())
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err("the file is empty: it has no header row".into());
    }
    Ok(headers)
}

/// Reads the header and up to `rows` rows, recognises the file and proposes a mapping.
pub fn preview(input: impl Read, rows: usize) -> Result<Preview, FileError> {
    let mut reader = csv_reader(input);
    let headers = read_headers(&mut reader).map_err(|m| FileError(format!("line 1: {m}")))?;
    let keys: Vec<String> = headers.iter().map(|h| key(h)).collect();
    let detected = detect(&keys);
    let columns: Vec<Field> = headers
        .iter()
        .zip(&keys)
        .map(|(h, k)| field_for(h, k, detected))
        .collect();
    let mut sample = Vec::new();
    let mut record = csv::StringRecord::new();
    while sample.len() < rows {
        match reader.read_record(&mut record) {
            Ok(true) => sample.push(record.iter().map(str::to_owned).collect()),
            Ok(false) => break,
            // A row that is not UTF-8 is reported by `read`; the preview shows the rest.
            Err(e) if !matches!(e.kind(), csv::ErrorKind::Io(_)) => continue,
            Err(e) => return Err(FileError(format!("the file cannot be read ({e})"))),
        }
    }
    let date_order = match detected {
        Detected::Outlook => DateOrder::Mdy,
        Detected::Google => DateOrder::Ymd,
        Detected::Generic => guess_date_order(&columns, &sample),
    };
    Ok(Preview {
        detected,
        headers,
        mapping: Mapping {
            columns,
            date_order,
        },
        rows: sample,
    })
}

/// Reads the file row by row with `mapping` (one field per header column): for each
/// row with content, its line (where the row starts; the header is line 1), the
/// draft and the note text, or the problem that keeps the row out. A header that
/// does not fit the mapping is one problem at line 1, and nothing more is read.
pub fn read(
    input: impl Read,
    mapping: &Mapping,
) -> impl Iterator<Item = Result<(u64, CustomerDraft, Option<String>), ImportProblem>> {
    Rows {
        reader: csv_reader(input),
        mapping: mapping.clone(),
        plan: None,
        record: csv::StringRecord::new(),
        last_line: 1,
        done: false,
    }
}

struct Rows<R> {
    reader: csv::Reader<R>,
    mapping: Mapping,
    /// Made from the header on the first call.
    plan: Option<Plan>,
    record: csv::StringRecord,
    last_line: u64,
    done: bool,
}

impl<R: Read> Rows<R> {
    fn start(&mut self) -> Result<(), ImportProblem> {
        let at_header = |message| ImportProblem { line: 1, message };
        let headers = read_headers(&mut self.reader).map_err(at_header)?;
        if headers.len() != self.mapping.columns.len() {
            return Err(at_header(format!(
                "the file has {} columns but the mapping has {}; preview this file again",
                headers.len(),
                self.mapping.columns.len()
            )));
        }
        self.plan = Some(Plan::new(headers, &self.mapping));
        Ok(())
    }
}

impl<R: Read> Iterator for Rows<R> {
    type Item = Result<(u64, CustomerDraft, Option<String>), ImportProblem>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        if self.plan.is_none() {
            if let Err(problem) = self.start() {
                self.done = true;
                return Some(Err(problem));
            }
        }
        let plan = self.plan.as_ref()?;
        loop {
            match self.reader.read_record(&mut self.record) {
                Ok(false) => {
                    self.done = true;
                    return None;
                }
                Ok(true) => {
                    let line = self
                        .record
                        .position()
                        .map_or(self.last_line + 1, |p| p.line());
                    self.last_line = line;
                    match plan.row(&self.record, line) {
                        Ok(None) => continue,
                        Ok(Some((draft, note))) => return Some(Ok((line, draft, note))),
                        Err(problem) => return Some(Err(problem)),
                    }
                }
                Err(e) => {
                    let line = e.position().map_or(self.last_line + 1, |p| p.line());
                    self.last_line = line;
                    let message = match e.kind() {
                        csv::ErrorKind::Utf8 { .. } => {
                            "is not UTF-8 text (save the file as UTF-8 and import it again)".into()
                        }
                        csv::ErrorKind::Io(_) => {
                            self.done = true;
                            format!("the file cannot be read further ({e})")
                        }
                        _ => format!("cannot be read as CSV ({e})"),
                    };
                    return Some(Err(ImportProblem { line, message }));
                }
            }
        }
    }
}

/// A row read: the draft and the text of its note columns.
type Row = (CustomerDraft, Option<String>);

/// The mapping applied to one file's header: where each address part and date
/// label goes, worked out once.
struct Plan {
    headers: Vec<String>,
    columns: Vec<Field>,
    date_order: DateOrder,
    /// For each column, the address it fills (meaningful for address parts).
    address_of: Vec<usize>,
    addresses: usize,
    /// For each `Date` column, the `DateLabel` column that labels it.
    label_of: Vec<Option<usize>>,
}

impl Plan {
    fn new(headers: Vec<String>, mapping: &Mapping) -> Self {
        let columns = mapping.columns.clone();
        let mut address_of = vec![0; columns.len()];
        let mut label_of = vec![None; columns.len()];
        let mut current: Option<usize> = None;
        let mut parts: Vec<&Field> = Vec::new();
        let mut pending_label = None;
        for (i, field) in columns.iter().enumerate() {
            match field {
                Field::Street
                | Field::PostalCode
                | Field::City
                | Field::Region
                | Field::Country => {
                    if current.is_none() || parts.contains(&field) {
                        current = Some(current.map_or(0, |n| n + 1));
                        parts.clear();
                    }
                    parts.push(field);
                    address_of[i] = current.unwrap_or(0);
                }
                Field::DateLabel => pending_label = Some(i),
                Field::Date(_) => label_of[i] = pending_label.take(),
                _ => {}
            }
        }
        Self {
            headers,
            columns,
            date_order: mapping.date_order,
            address_of,
            addresses: current.map_or(0, |n| n + 1),
            label_of,
        }
    }

    /// One row as a draft and note; `None` for a row without any content.
    fn row(&self, record: &csv::StringRecord, line: u64) -> Result<Option<Row>, ImportProblem> {
        let cell = |i: usize| unquote(record.get(i).unwrap_or_default().trim());
        if record.iter().all(|c| c.trim().is_empty()) {
            return Ok(None);
        }
        let problem = |i: usize, message: String| ImportProblem {
            line,
            message: format!("{}: {message}", self.headers[i]),
        };
        let mut d = CustomerDraft::default();
        let mut name: Option<String> = None;
        let mut addresses = vec![Address::default(); self.addresses];
        let mut notes: Vec<&str> = Vec::new();
        for (i, field) in self.columns.iter().enumerate() {
            let value = cell(i);
            if value.is_empty() {
                continue;
            }
            let address = || self.address_of[i];
            match field {
                Field::Name => first(&mut name, value),
                Field::GivenName => first(&mut d.given_name, value),
                Field::FamilyName => first(&mut d.family_name, value),
                Field::Nickname => first(&mut d.nickname, value),
                Field::Company => first(&mut d.company, value),
                Field::Role => first(&mut d.role, value),
                Field::Email => d.emails.extend(split(value, &[":::", ";", ","])),
                Field::Phone => d.phones.extend(split(value, &[":::", ";"])),
                Field::Birthday => {
                    let date = parse_date(value, self.date_order).map_err(|m| problem(i, m))?;
                    if d.birthday.is_none() {
                        d.birthday = date;
                    }
                }
                Field::Date(label) => {
                    let date = parse_date(value, self.date_order).map_err(|m| problem(i, m))?;
                    let label = self.label_of[i]
                        .map(|j| cell(j).trim_start_matches("* ").trim())
                        .filter(|l| !l.is_empty())
                        .unwrap_or(label.as_str());
                    if let Some(date) = date {
                        d.dates.push(DateDraft {
                            label: label.to_owned(),
                            date,
                        });
                    }
                }
                Field::Street => first(&mut addresses[address()].street, value),
                Field::PostalCode => first(&mut addresses[address()].postal_code, value),
                Field::City => first(&mut addresses[address()].city, value),
                Field::Region => first(&mut addresses[address()].region, value),
                Field::Country => first(&mut addresses[address()].country, value),
                Field::Tags => d.tags.extend(tags(value)),
                Field::Note => notes.push(value),
                Field::Source => first(&mut d.source, value),
                Field::DateLabel | Field::Ignore => {}
            }
        }
        d.addresses = addresses
            .into_iter()
            .filter(|a| *a != Address::default())
            .collect();
        let personal = [d.given_name.as_deref(), d.family_name.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        d.name = match name {
            Some(n) => n,
            None if !personal.is_empty() => personal,
            None => match (&d.nickname, &d.company, d.emails.first()) {
                (Some(nick), _, _) => nick.clone(),
                (None, Some(company), _) => {
                    d.kind = CustomerKind::Business;
                    company.clone()
                }
                (None, None, Some(email)) => email.clone(),
                (None, None, None) => {
                    return Err(ImportProblem {
                        line,
                        message: "no name, company or email on this row".into(),
                    })
                }
            },
        };
        let note = (!notes.is_empty()).then(|| notes.join("\n\n").replace("\r\n", "\n"));
        Ok(Some((d, note)))
    }
}

/// Sets `slot` unless an earlier column already did.
fn first(slot: &mut Option<String>, value: &str) {
    if slot.is_none() {
        *slot = Some(value.to_owned());
    }
}

/// A cell without the `'` that a spreadsheet-safe export (ours among them) puts
/// before text that starts like a formula.
fn unquote(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if crate::export::csv::starts_like_a_formula(rest) => rest,
        _ => cell,
    }
}

/// The non-empty parts of `value` between any of the `separators`.
fn split(value: &str, separators: &[&str]) -> Vec<String> {
    let mut parts = vec![value];
    for sep in separators {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Tags from a cell: Google's system groups lose their `* ` and "myContacts"
/// (every contact's group) is left out.
fn tags(value: &str) -> Vec<String> {
    split(value, &[":::", ";", ","])
        .into_iter()
        .filter_map(|t| {
            let t = t.strip_prefix("* ").map_or(t.as_str(), str::trim);
            (!t.eq_ignore_ascii_case("mycontacts") && !t.is_empty()).then(|| t.to_owned())
        })
        .collect()
}

/// A header as compared: lowercase letters and digits only ("E-mail 1 - Value" → "email1value").
fn key(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn detect(keys: &[String]) -> Detected {
    let has = |k: &str| keys.iter().any(|h| h == k);
    const GOOGLE: [&str; 7] = [
        "email1value",
        "phone1value",
        "groupmembership",
        "organization1name",
        "address1formatted",
        "event1value",
        "givennameyomi",
    ];
    const OUTLOOK: [&str; 12] = [
        "emailaddress",
        "email2address",
        "emaildisplayname",
        "businessphone",
        "homephone",
        "mobilephone",
        "businessstreet",
        "businesscity",
        "homestreet",
        "homecity",
        "jobtitle",
        "categories",
    ];
    if GOOGLE.iter().any(|k| has(k)) {
        Detected::Google
    } else if OUTLOOK.iter().filter(|k| has(k)).count() >= 3 {
        Detected::Outlook
    } else {
        Detected::Generic
    }
}

/// `key` as (letters, number, letters): "email1value" → ("email", "1", "value").
fn numbered(key: &str) -> Option<(&str, &str, &str)> {
    let start = key.find(|c: char| c.is_ascii_digit())?;
    let end = key[start..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(key.len(), |n| start + n);
    (start > 0).then(|| (&key[..start], &key[start..end], &key[end..]))
}

const ADDRESS_GROUPS: [&str; 4] = ["home", "business", "work", "other"];

fn address_part(part: &str) -> Option<Field> {
    Some(match part {
        "street" | "streetaddress" => Field::Street,
        "postalcode" | "postcode" | "zip" | "zipcode" => Field::PostalCode,
        "city" | "town" => Field::City,
        "region" | "state" | "province" => Field::Region,
        "country" | "countryregion" => Field::Country,
        _ => return None,
    })
}

/// The field a column holds, from its header (`key` is its compared form).
fn field_for(header: &str, key: &str, detected: Detected) -> Field {
    if let Some((kind, n, part)) = numbered(key) {
        return match (kind, part) {
            // Google: "E-mail 1 - Value"; Outlook: "E-mail 2 Address"; "Email 2".
            ("email", "value" | "address" | "") => Field::Email,
            ("phone", "value" | "") => Field::Phone,
            (k, "") if k.ends_with("phone") => Field::Phone,
            ("address", part) => address_part(part)
                .or_else(|| (part.is_empty() && n == "1").then_some(Field::Street))
                .unwrap_or(Field::Ignore),
            ("organization", "name") => Field::Company,
            ("organization", "title") => Field::Role,
            ("event", "value") => Field::Date("Anniversary".into()),
            ("event", "type" | "label") => Field::DateLabel,
            _ => Field::Ignore,
        };
    }
    // Outlook's "Title" is Mr/Ms; elsewhere a title is a job title.
    if detected == Detected::Outlook && key == "title" {
        return Field::Ignore;
    }
    for group in ADDRESS_GROUPS {
        if let Some(part) = key.strip_prefix(group).and_then(address_part) {
            return part;
        }
    }
    if let Some(part) = address_part(key) {
        return part;
    }
    match key {
        "name" | "fullname" | "displayname" | "contactname" | "customer" | "customername"
        | "client" | "clientname" => Field::Name,
        "givenname" | "firstname" | "forename" | "first" => Field::GivenName,
        "familyname" | "lastname" | "surname" | "last" => Field::FamilyName,
        "nickname" | "nick" => Field::Nickname,
        "company" | "companyname" | "organization" | "organisation" | "organizationname"
        | "organisationname" | "business" | "employer" => Field::Company,
        "role" | "jobtitle" | "title" | "position" | "organizationtitle" | "occupation" => {
            Field::Role
        }
        "email" | "emails" | "emailaddress" | "emailaddresses" | "mail" => Field::Email,
        "phone" | "phones" | "telephone" | "tel" | "mobile" | "cell" | "phonenumber"
        | "mobilenumber" => Field::Phone,
        "birthday" | "birthdate" | "dateofbirth" | "dob" | "born" | "bday" => Field::Birthday,
        "address" | "addressline1" => Field::Street,
        "tags" | "tag" | "labels" | "groups" | "group" | "categories" | "category"
        | "groupmembership" => Field::Tags,
        "note" | "notes" | "comment" | "comments" | "remarks" => Field::Note,
        "source" | "leadsource" | "referral" | "referralsource" | "referredby" => Field::Source,
        k if k.contains("anniversary") || k == "customersince" => Field::Date(header.into()),
        // Outlook's many phones; an assistant's number is someone else's.
        k if k.ends_with("phone") && k != "assistantsphone" => Field::Phone,
        k if k.ends_with("email") => Field::Email,
        _ => Field::Ignore,
    }
}

/// For a file of unknown origin, the order its sample dates show: day first
/// when some start above 12, month first when some have a second part above 12.
fn guess_date_order(columns: &[Field], rows: &[Vec<String>]) -> DateOrder {
    let (mut day_first, mut month_first) = (false, false);
    for row in rows {
        for (field, cell) in columns.iter().zip(row) {
            if !matches!(field, Field::Birthday | Field::Date(_)) {
                continue;
            }
            let numbers: Vec<&str> = tokens(cell);
            let year_last = match numbers.as_slice() {
                [a, b, y] if y.len() == 4 && a.len() <= 2 && b.len() <= 2 => Some((*a, *b)),
                _ => None,
            };
            if let Some((a, b)) = year_last {
                let (a, b) = (a.parse().unwrap_or(0_u32), b.parse().unwrap_or(0_u32));
                day_first |= a > 12 && b <= 12;
                month_first |= b > 12 && a <= 12;
            }
        }
    }
    match (day_first, month_first) {
        (true, false) => DateOrder::Dmy,
        (false, true) => DateOrder::Mdy,
        _ => DateOrder::Ymd,
    }
}

/// The letters-or-digits runs of a text.
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A month's number from its English name or a prefix of at least three letters.
fn month_named(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w))
        .map(|i| i as u32 + 1)
}

/// A date cell as `YYYY-MM-DD` or `--MM-DD` (`None` when empty or Outlook's
/// `0/0/00`, its "no date"), or why it cannot be read.
pub fn parse_date(text: &str, order: DateOrder) -> Result<Option<String>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let unreadable = || {
        format!(
            "{t:?} is not a date this import can read (use YYYY-MM-DD, --MM-DD without a year, \
             or day, month and year in the file's date order)"
        )
    };
    // An ISO date with a time after it ("1980-03-22T00:00:00", "1980-03-22 00:00").
    let b = t.as_bytes();
    let iso_date = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    let t = if iso_date && b.len() > 10 && matches!(b[10], b'T' | b' ') {
        &t[..10]
    } else {
        t
    };
    let number = |s: &str| s.parse::<u32>().map_err(|_| unreadable());
    let words: Vec<&str> = tokens(t);
    let (year, month, day): (Option<u32>, u32, u32) = if let Some(rest) = t.strip_prefix("--") {
        // Google's and vCard's date without a year: always month, then day.
        match tokens(rest).as_slice() {
            [m, d] => (None, number(m)?, number(d)?),
            _ => return Err(unreadable()),
        }
    } else if t.len() == 8 && t.bytes().all(|c| c.is_ascii_digit()) {
        (Some(number(&t[..4])?), number(&t[4..6])?, number(&t[6..])?)
    } else if words
        .iter()
        .any(|w| w.starts_with(|c: char| c.is_alphabetic()))
    {
        named_month_date(&words).ok_or_else(unreadable)?
    } else {
        let n: Vec<u32> = words.iter().map(|w| number(w)).collect::<Result<_, _>>()?;
        if n.iter().all(|x| *x == 0) {
            return Ok(None);
        }
        let short = |w: &&str| w.len() <= 2;
        match (words.as_slice(), n.as_slice()) {
            ([y, _, _], [year, m, d]) if y.len() == 4 => (Some(*year), *m, *d),
            ([a, b, y], [an, bn, year]) if y.len() == 4 && short(a) && short(b) => {
                let (m, d) = month_and_day(*an, *bn, order).ok_or_else(|| {
                    format!(
                        "{t:?} could be day/month or month/day; choose the file's date order \
                         (day first or month first)"
                    )
                })?;
                (Some(*year), m, d)
            }
            ([_, _, y], _) if short(y) => {
                return Err(format!(
                    "{t:?} has a two-digit year; write the year in full"
                ))
            }
            ([a, b], [an, bn]) if short(a) && short(b) => match order {
                DateOrder::Dmy => (None, *bn, *an),
                DateOrder::Ymd | DateOrder::Mdy => (None, *an, *bn),
            },
            _ => return Err(unreadable()),
        }
    };
    finish(t, year, month, day)
}

/// (month, day) of a date written `a/b/year`, in `order`; `None` when Ymd cannot tell.
fn month_and_day(a: u32, b: u32, order: DateOrder) -> Option<(u32, u32)> {
    match order {
        DateOrder::Mdy => Some((a, b)),
        DateOrder::Dmy => Some((b, a)),
        DateOrder::Ymd if a > 12 => Some((b, a)),
        DateOrder::Ymd if b > 12 || a == b => Some((a, b)),
        DateOrder::Ymd => None,
    }
}

/// "22 March 1980", "March 22, 1980", "Sat, 22 Mar 1980", "22nd March": month, day
/// and perhaps a four-digit year.
fn named_month_date(words: &[&str]) -> Option<(Option<u32>, u32, u32)> {
    let mut month = None;
    let mut numbers = Vec::new();
    for w in words {
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            let digits = w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
            if !digits.bytes().all(|c| c.is_ascii_digit()) || digits.len() > 4 {
                return None;
            }
            numbers.push(digits);
        } else if let Some(m) = month_named(w) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if !WEEKDAYS.iter().any(|d| w.to_lowercase().starts_with(d)) {
            return None;
        }
    }
    let month = month?;
    let day = |s: &str| s.parse::<u32>().ok().filter(|_| s.len() <= 2);
    match numbers.as_slice() {
        [d] => Some((None, month, day(d)?)),
        [d, y] | [y, d] if y.len() == 4 => Some((Some(y.parse().ok()?), month, day(d)?)),
        _ => None,
    }
}

/// The date's text once the model says the day exists.
fn finish(text: &str, year: Option<u32>, month: u32, day: u32) -> Result<Option<String>, String> {
    let year = year
        .map(|y| i32::try_from(y).map_err(|_| format!("{text:?}: the year is out of range")))
        .transpose()?;
    PartialDate::new(year, month, day)
        .map(|d| Some(d.to_string()))
        .map_err(|e| format!("{text:?}: {e}"))
}

#[cfg(test)]
#[path = "customers_csv_tests.rs"]
mod tests;
