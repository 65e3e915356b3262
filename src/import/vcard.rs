//! Contacts from vCard files (2.1, 3.0 and 4.0) as phones, Google, Apple, Outlook,
//! Evolution and Thunderbird write them: one [`ImportedContact`] per card, streamed card
//! by card so a 100 MB export never sits in memory.
//!
//! Parsing only: the façade judges each draft with `validate_new_customer` and dedups.
//! This module must never panic on any input, never store a photo, and never cut a value
//! short silently: what it does not keep is listed in [`ImportedContact::skipped`], and a
//! card it cannot read is an [`ImportProblem`] with its line, after which reading goes on.
//!
//! The work is split with calcard (Stalwart Labs' parser):
//! - Here, around it: splitting the byte stream into lines and cards while counting lines
//!   (calcard reports no line numbers, wants the whole text as one `&str`, and silently
//!   drops a line without `:`); unfolding on raw bytes (a fold may split a UTF-8
//!   character); quoted-printable soft line breaks and unindented vCard 2.1 base64 lines
//!   (they look like new lines otherwise); skipping photos without holding them; decoding
//!   lines in a legacy charset (calcard applies `CHARSET=` only to encoded values); 2.1's
//!   bare `QUOTED-PRINTABLE` parameter (calcard knows only `ENCODING=`); and dates, read
//!   from the text (calcard reads what it can and drops the rest, so Feb 30 or 3.0's
//!   `1980-03-22` outside a whole card come out wrong, and it knows nothing of Apple's 1604).
//! - calcard, for each unfolded property line: group, name and parameters (quoted values,
//!   2.1's bare `CELL;PREF`, `TYPE=a,b`), backslash escapes, structured values (`N`, `ADR`,
//!   `ORG`), comma lists, and quoted-printable decoding in the line's charset.

use std::collections::{HashMap, HashSet, VecDeque};
use std::io::{self, BufRead};

use calcard::vcard::{
    VCardEntry, VCardKind, VCardParameterName, VCardParameterValue, VCardProperty, VCardType,
    VCardValue, VCardValueType,
};

use super::ImportProblem;
use crate::model::{
    Address, CustomField, CustomerDraft, CustomerKind, DateDraft, PartialDate, LIMITS,
};

/// One card, ready to be judged by `validate_new_customer` (the façade does that, and dedup).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedContact {
    /// The line of the card's `BEGIN:VCARD`, 1-based.
    pub line: u64,
    pub draft: CustomerDraft,
    /// The card's `NOTE`s, then dates given as words ("Birthday: circa 1800").
    pub note: Option<String>,
    /// What the card had that is not kept, for the report: "PHOTO (not stored)", "X-AIM"…
    pub skipped: Vec<String>,
}

/// Reads the cards of a vCard file, one at a time, in file order. Each item is a contact
/// or a problem (a card that cannot be imported, or text outside any card) with its line.
pub fn read(input: impl BufRead) -> impl Iterator<Item = Result<ImportedContact, ImportProblem>> {
    Cards {
        lines: Lines::new(input),
        card: None,
        stray: None,
        out: VecDeque::new(),
        finished: false,
    }
}

/// The most bytes one property line may take before it is no longer kept: far beyond any
/// value the store takes (a 1 MB note is at most 3 MB in quoted-printable), so whatever
/// is longer is reported, not read. Photos are skipped whatever their size.
const MAX_PROPERTY_BYTES: usize = 4 * 1024 * 1024;
/// The most bytes one card may take without its photos.
const MAX_CARD_BYTES: usize = 16 * 1024 * 1024;
/// The most entries of [`ImportedContact::skipped`] (a report, not a record).
const MAX_SKIPPED: usize = 100;
/// The year Apple writes for "year unknown" (a leap year, so Feb 29 fits).
const APPLE_NO_YEAR: i32 = 1604;

/// One line of the file, or one property after unfolding, with where it starts.
struct Line {
    number: u64,
    bytes: Vec<u8>,
    /// Longer than [`MAX_PROPERTY_BYTES`]: `bytes` holds only the start.
    overflow: bool,
    /// The last byte of the physical line before its line end (for `=` soft breaks).
    last: Option<u8>,
}

impl Line {
    fn append(&mut self, bytes: &[u8], overflow: bool) {
        let room = MAX_PROPERTY_BYTES.saturating_sub(self.bytes.len());
        self.overflow |= overflow || bytes.len() > room;
        self.bytes
            .extend_from_slice(&bytes[..bytes.len().min(room)]);
    }

    fn trimmed(&self) -> &[u8] {
        self.bytes.trim_ascii()
    }
}

/// Lines of the input: physical lines (LF, CRLF, or Apple's CR CR LF) joined into
/// logical ones (folds, quoted-printable soft breaks, 2.1 base64 runs), in bytes.
struct Lines<R> {
    input: R,
    next_number: u64,
    at_start: bool,
    done: bool,
    peeked: Option<Line>,
    error: Option<(u64, String)>,
}

impl<R: BufRead> Lines<R> {
    fn new(input: R) -> Self {
        Self {
            input,
            next_number: 1,
            at_start: true,
            done: false,
            peeked: None,
            error: None,
        }
    }

    /// The next physical line without its line end, kept up to [`MAX_PROPERTY_BYTES`];
    /// reads the input in its own buffer's chunks, so a huge line costs linear time.
    fn physical(&mut self) -> Option<Line> {
        if self.done {
            return None;
        }
        let mut line = Line {
            number: self.next_number,
            bytes: Vec::new(),
            overflow: false,
            last: None,
        };
        let mut any = false;
        loop {
            let chunk = match self.input.fill_buf() {
                Ok(chunk) => chunk,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.error = Some((
                        line.number,
                        format!("the file cannot be read from here on: {e}"),
                    ));
                    self.done = true;
                    break;
                }
            };
            if chunk.is_empty() {
                self.done = true;
                break;
            }
            any = true;
            let (text, used, ends) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (&chunk[..i], i + 1, true),
                None => (chunk, chunk.len(), false),
            };
            if let Some(&b) = text.iter().rev().find(|&&b| b != b'\r') {
                line.last = Some(b);
            }
            line.append(text, false);
            self.input.consume(used);
            if ends {
                self.next_number += 1;
                break;
            }
        }
        if !any {
            return None;
        }
        while line.bytes.last() == Some(&b'\r') {
            line.bytes.pop();
        }
        if std::mem::take(&mut self.at_start) {
            if let Some(rest) = line.bytes.strip_prefix(b"\xEF\xBB\xBF") {
                line.bytes = rest.to_vec();
            } else if line.bytes.starts_with(b"\xFF\xFE") || line.bytes.starts_with(b"\xFE\xFF") {
                self.error = Some((
                    1,
                    "the file is UTF-16 text; save it as UTF-8 and import it again".into(),
                ));
                self.done = true;
                return None;
            }
        }
        Some(line)
    }

    /// The next property line with its continuation lines joined, as raw bytes.
    fn logical(&mut self) -> Option<Line> {
        let mut line = self.peeked.take().or_else(|| self.physical())?;
        let head = header(&line.bytes).to_ascii_uppercase();
        let quoted_printable = contains(&head, b"QUOTED-PRINTABLE");
        let base64 = contains(&head, b"ENCODING=B") || contains(&head, b";BASE64");
        while let Some(next) = self.physical() {
            if quoted_printable && line.last == Some(b'=') && !is_card_boundary(&next.bytes) {
                // A soft line break: the `=` and the line end are not part of the value.
                if !line.overflow {
                    line.bytes.pop();
                }
                line.append(&next.bytes, next.overflow);
            } else if let Some(b' ' | b'\t') = next.bytes.first() {
                line.append(&next.bytes[1..], next.overflow);
            } else if base64 && is_base64_run(&next.bytes) {
                line.append(&next.bytes, next.overflow);
            } else {
                self.peeked = Some(next);
                break;
            }
            line.last = next.last;
        }
        Some(line)
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn is_card_boundary(bytes: &[u8]) -> bool {
    let t = bytes.trim_ascii();
    t.eq_ignore_ascii_case(b"BEGIN:VCARD") || t.eq_ignore_ascii_case(b"END:VCARD")
}

/// An unindented line of base64 data (vCard 2.1 writers continue photos like this).
fn is_base64_run(bytes: &[u8]) -> bool {
    !bytes.is_empty()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

/// The part of a property line before its first `:` outside quotes (the whole line if none).
fn header(bytes: &[u8]) -> &[u8] {
    &bytes[..value_start(bytes).map_or(bytes.len(), |i| i - 1)]
}

/// Where the value starts: just after the first `:` outside a quoted parameter value.
fn value_start(bytes: &[u8]) -> Option<usize> {
    let mut quoted = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b':' if !quoted => return Some(i + 1),
            _ => {}
        }
    }
    // An unbalanced quote: the first colon is the best guess.
    bytes.iter().position(|&b| b == b':').map(|i| i + 1)
}

/// Text outside any card: one problem per run of such lines.
struct Stray {
    first: u64,
    last: u64,
    sample: String,
}

struct Cards<R> {
    lines: Lines<R>,
    card: Option<Card>,
    stray: Option<Stray>,
    out: VecDeque<Result<ImportedContact, ImportProblem>>,
    finished: bool,
}

impl<R: BufRead> Iterator for Cards<R> {
    type Item = Result<ImportedContact, ImportProblem>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.out.pop_front() {
                return Some(item);
            }
            if self.finished {
                return None;
            }
            match self.lines.logical() {
                Some(line) => self.feed(line),
                None => self.finish_file(),
            }
        }
    }
}

impl<R: BufRead> Cards<R> {
    fn feed(&mut self, line: Line) {
        let text = line.trimmed();
        // A BOM can start any card when files were joined with `cat`.
        let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
        if text.is_empty() {
            return;
        }
        let begins = text.eq_ignore_ascii_case(b"BEGIN:VCARD");
        let ends = text.eq_ignore_ascii_case(b"END:VCARD");
        if self.card.is_none() {
            if begins {
                self.flush_stray();
                self.card = Some(Card::new(line.number));
            } else {
                let sample = self.stray.is_none().then(|| preview(text));
                let stray = self.stray.get_or_insert_with(|| Stray {
                    first: line.number,
                    last: line.number,
                    sample: sample.unwrap_or_default(),
                });
                stray.last = line.number;
            }
        } else if begins {
            if let Some(open) = self.card.replace(Card::new(line.number)) {
                self.out.push_back(Err(ImportProblem {
                    line: open.line,
                    message: format!(
                        "this card has no END:VCARD before the next card begins on line {}, so it is skipped",
                        line.number
                    ),
                }));
            }
        } else if ends {
            if let Some(done) = self.card.take() {
                self.out.push_back(done.finish());
            }
        } else if let Some(card) = &mut self.card {
            card.property(&line);
        }
    }

    fn flush_stray(&mut self) {
        if let Some(s) = self.stray.take() {
            let lines = if s.first == s.last {
                format!("line {} is", s.first)
            } else {
                format!("lines {}–{} are", s.first, s.last)
            };
            self.out.push_back(Err(ImportProblem {
                line: s.first,
                message: format!(
                    "{lines} not part of any card (starting {}); a card starts with BEGIN:VCARD and ends with END:VCARD",
                    s.sample
                ),
            }));
        }
    }

    fn finish_file(&mut self) {
        self.finished = true;
        self.flush_stray();
        if let Some(open) = self.card.take() {
            self.out.push_back(Err(ImportProblem {
                line: open.line,
                message: "this card has no END:VCARD (the file ends first), so it is skipped"
                    .into(),
            }));
        }
        if let Some((line, message)) = self.lines.error.take() {
            self.out.push_back(Err(ImportProblem { line, message }));
        }
    }
}

/// At most 40 characters of a line, printable, for a message.
fn preview(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(160)]);
    let mut out: String = text
        .chars()
        .take(40)
        .map(|c| if c.is_control() { '�' } else { c })
        .collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    format!("{out:?}")
}

/// A date value as written: a day of the year (year optional), or words.
#[derive(Debug, Clone, PartialEq, Eq)]
enum DateValue {
    Day(String),
    Words(String),
}

/// A dated property waiting for its label (Apple labels dates on a separate line).
struct PendingDate {
    group: Option<String>,
    label: Option<&'static str>,
    value: DateValue,
}

/// What is known of the card being read.
struct Card {
    line: u64,
    bytes: usize,
    problem: Option<ImportProblem>,
    full_name: Option<(u64, String)>,
    /// Family, given, additional, prefixes, suffixes.
    n: Option<Vec<String>>,
    nicknames: Vec<String>,
    company: Option<String>,
    title: Option<String>,
    role: Option<String>,
    business: bool,
    emails: Vec<(u32, String)>,
    phones: Vec<(u32, String)>,
    addresses: Vec<(Option<String>, Address)>,
    birthday: Option<DateValue>,
    dates: Vec<PendingDate>,
    labels: HashMap<String, String>,
    notes: Vec<(u64, String)>,
    tags: Vec<String>,
    websites: Vec<String>,
    skipped: Vec<String>,
}

/// Properties that describe the file, not the customer: neither kept nor reported.
const BOOKKEEPING: &[&str] = &[
    "VERSION",
    "PRODID",
    "REV",
    "UID",
    "CLIENTPIDMAP",
    "SOURCE",
    "NAME",
    "LABEL",
    "X-ABADR",
    "X-ABUID",
];

/// Properties whose values are photos, sounds or keys: never read, whatever their size.
const BINARY: &[&str] = &["PHOTO", "LOGO", "SOUND", "KEY"];

const ANNIVERSARIES: &[&str] = &[
    "ANNIVERSARY",
    "X-ANNIVERSARY",
    "X-EVOLUTION-ANNIVERSARY",
    "X-MS-ANNIVERSARY",
];

/// The draft field each kept property fills, for messages.
fn field_of(name: &str) -> Option<&'static str> {
    Some(match name {
        "FN" | "N" => "name",
        "NICKNAME" => "nickname",
        "ORG" => "company",
        "TITLE" | "ROLE" => "role",
        "EMAIL" => "emails",
        "TEL" => "phones",
        "ADR" => "addresses",
        "BDAY" => "birthday",
        "NOTE" => "note",
        "CATEGORIES" => "tags",
        "URL" => "custom_fields",
        "X-ABDATE" | "X-ABLABEL" => "dates",
        "KIND" | "X-ABSHOWAS" => "kind",
        n if ANNIVERSARIES.contains(&n) => "dates",
        _ => return None,
    })
}

impl Card {
    fn new(line: u64) -> Self {
        Self {
            line,
            bytes: 0,
            problem: None,
            full_name: None,
            n: None,
            nicknames: Vec::new(),
            company: None,
            title: None,
            role: None,
            business: false,
            emails: Vec::new(),
            phones: Vec::new(),
            addresses: Vec::new(),
            birthday: None,
            dates: Vec::new(),
            labels: HashMap::new(),
            notes: Vec::new(),
            tags: Vec::new(),
            websites: Vec::new(),
            skipped: Vec::new(),
        }
    }

    fn fail(&mut self, line: u64, message: String) {
        if self.problem.is_none() {
            self.problem = Some(ImportProblem { line, message });
        }
    }

    fn skip(&mut self, what: String) {
        if self.skipped.len() < MAX_SKIPPED && !self.skipped.contains(&what) {
            self.skipped.push(what);
        }
    }

    fn property(&mut self, line: &Line) {
        if self.problem.is_some() {
            return;
        }
        let bytes = &line.bytes;
        let Some(start) = value_start(bytes) else {
            return self.fail(
                line.number,
                format!(
                    "{} is not a property (it has no ':'; expected NAME:value), so this card is skipped",
                    preview(line.trimmed())
                ),
            );
        };
        let head = &bytes[..start - 1];
        let name_end = head.iter().position(|&b| b == b';').unwrap_or(head.len());
        let full = &head[..name_end];
        let (group, name) = match full.iter().position(|&b| b == b'.') {
            Some(dot) => (Some(&full[..dot]), &full[dot + 1..]),
            None => (None, full),
        };
        let token = |t: &[u8]| {
            !t.is_empty()
                && t.iter()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
        };
        if !token(name) || !group.is_none_or(token) {
            return self.fail(
                line.number,
                format!(
                    "{} is not a vCard property line (expected NAME:value), so this card is skipped",
                    preview(line.trimmed())
                ),
            );
        }
        let name = String::from_utf8_lossy(name).to_ascii_uppercase();
        let group = group.map(|g| String::from_utf8_lossy(g).to_ascii_lowercase());
        if BINARY.contains(&name.as_str()) {
            return self.skip(format!("{name} (not stored)"));
        }
        if BOOKKEEPING.contains(&name.as_str()) {
            return;
        }
        let field = field_of(&name);
        if line.overflow {
            return match field {
                Some("note") => self.fail(
                    line.number,
                    format!(
                        "note: NOTE is over {} MB; at most 1 MB is allowed",
                        MAX_PROPERTY_BYTES / (1024 * 1024)
                    ),
                ),
                Some(field) => self.fail(
                    line.number,
                    format!(
                        "{field}: {name} is over {} MB, far more than a customer record holds",
                        MAX_PROPERTY_BYTES / (1024 * 1024)
                    ),
                ),
                None => self.skip(format!("{name} (too large, not read)")),
            };
        }
        if field.is_none() {
            return self.skip(name);
        }
        self.bytes += bytes.len();
        if self.bytes > MAX_CARD_BYTES {
            return self.fail(
                line.number,
                format!(
                    "this card is over {} MB without its photos, far more than a customer record holds",
                    MAX_CARD_BYTES / (1024 * 1024)
                ),
            );
        }
        let charset = charset(head);
        let text = bare_quoted_printable(decode(bytes, charset.as_deref()));
        let Some(entry) = parse_property(&text) else {
            return self.fail(
                line.number,
                format!(
                    "{} cannot be read as a vCard property, so this card is skipped",
                    preview(line.trimmed())
                ),
            );
        };
        let raw_value = text.get(value_start(text.as_bytes()).unwrap_or(text.len())..);
        let value = Values {
            entry: &entry,
            charset: charset.as_deref(),
        };
        self.keep(line.number, &name, group, value, raw_value.unwrap_or(""));
    }

    /// Files one parsed property into the card.
    fn keep(&mut self, line: u64, name: &str, group: Option<String>, v: Values<'_>, raw: &str) {
        match name {
            "FN" => match &self.full_name {
                None => self.full_name = Some((line, one_line(&v.text()))),
                Some(_) => self.skip("FN (only the first is kept)".into()),
            },
            "N" if self.n.is_none() => {
                self.n = Some(v.components(" ").iter().map(|c| one_line(c)).collect())
            }
            "NICKNAME" => self.nicknames.extend(
                v.list()
                    .iter()
                    .map(|n| one_line(n))
                    .filter(|n| !n.is_empty()),
            ),
            "ORG" => {
                let first = v.components(" ").into_iter().next().unwrap_or_default();
                let company = one_line(&first);
                match &self.company {
                    None => self.company = Some(company),
                    Some(kept) if *kept == company => {}
                    Some(_) => self.skip("ORG (only the first is kept)".into()),
                }
            }
            "TITLE" if self.title.is_none() => self.title = Some(one_line(&v.text())),
            "ROLE" if self.role.is_none() => self.role = Some(one_line(&v.text())),
            "EMAIL" => {
                let text = v.text();
                let email = text.trim();
                let email = strip_prefix_ci(email, "mailto:").unwrap_or(email).trim();
                if email.contains('@') {
                    self.emails.push((v.pref(), email.to_owned()));
                } else if !email.is_empty() {
                    let shown = preview(email.as_bytes());
                    self.skip(format!("EMAIL {shown} (not an email address)"));
                }
            }
            "TEL" => {
                let text = v.text();
                let tel = text.trim();
                let tel = strip_prefix_ci(tel, "tel:").unwrap_or(tel);
                // A tel: URI's parameters (";ext=102") follow the number.
                let (number, params) = tel.split_once(';').unwrap_or((tel, ""));
                let number = number.trim();
                if !params.is_empty() {
                    self.skip(format!("TEL {number}: {params} (not stored)"));
                }
                if !number.is_empty() {
                    self.phones.push((v.pref(), number.to_owned()));
                }
            }
            "ADR" => {
                let parts = v.components(", ");
                let part = |i: usize| parts.get(i).map(|p| one_line(p)).filter(|p| !p.is_empty());
                let street: Vec<String> = [2, 1, 0].into_iter().filter_map(part).collect();
                let label = v.address_label();
                self.addresses.push((
                    group,
                    Address {
                        label,
                        street: (!street.is_empty()).then(|| street.join(", ")),
                        city: part(3),
                        region: part(4),
                        postal_code: part(5),
                        country: part(6),
                    },
                ));
            }
            "BDAY" => {
                if self.birthday.is_some() {
                    return self.skip("BDAY (only the first is kept)".into());
                }
                match v.date(raw) {
                    Ok(date) => self.birthday = date,
                    Err(why) => self.fail(line, format!("birthday: BDAY {:?}: {why}", raw.trim())),
                }
            }
            "X-ABDATE" => match v.date(raw) {
                Ok(Some(value)) => self.dates.push(PendingDate {
                    group,
                    label: None,
                    value,
                }),
                Ok(None) => {}
                Err(why) => self.fail(line, format!("dates: X-ABDATE {:?}: {why}", raw.trim())),
            },
            n if ANNIVERSARIES.contains(&n) => match v.date(raw) {
                Ok(Some(value)) => self.dates.push(PendingDate {
                    group: None,
                    label: Some("Anniversary"),
                    value,
                }),
                Ok(None) => {}
                Err(why) => self.fail(line, format!("dates: {n} {:?}: {why}", raw.trim())),
            },
            "X-ABLABEL" => {
                if let Some(group) = group {
                    self.labels.insert(group, apple_label(&v.text()));
                }
            }
            "NOTE" => {
                let note = v.text().trim().to_owned();
                // Android writes some notes twice in a row.
                if !note.is_empty() && self.notes.last().is_none_or(|(_, n)| *n != note) {
                    self.notes.push((line, note));
                }
            }
            "CATEGORIES" => {
                for value in v.list() {
                    // Some writers escape the commas between categories ("a\, b").
                    self.tags
                        .extend(value.split(',').map(one_line).filter(|t| !t.is_empty()));
                }
            }
            "KIND" => match v.entry.values.first() {
                Some(VCardValue::Kind(VCardKind::Org)) => self.business = true,
                Some(VCardValue::Kind(VCardKind::Individual)) => {}
                _ => self.skip(format!("KIND:{}", v.text().trim())),
            },
            "X-ABSHOWAS" => {
                if v.text().trim().eq_ignore_ascii_case("COMPANY") {
                    self.business = true;
                }
            }
            "URL" => match v.entry.values.first() {
                Some(VCardValue::Text(url)) if !url.trim().is_empty() => {
                    self.websites.push(url.trim().to_owned())
                }
                Some(VCardValue::Text(_)) | None => {}
                Some(_) => self.skip("URL (embedded data, not stored)".into()),
            },
            other => self.skip(format!("{other} (only the first is kept)")),
        }
    }

    fn finish(mut self) -> Result<ImportedContact, ImportProblem> {
        if let Some(problem) = self.problem.take() {
            return Err(problem);
        }
        let emails = by_preference(std::mem::take(&mut self.emails));
        let phones = by_preference(std::mem::take(&mut self.phones));
        let name = self.name(emails.first())?;
        let (birthday, dates, words) = self.dates();
        let note = self.note(words)?;
        let addresses = std::mem::take(&mut self.addresses)
            .into_iter()
            .map(|(group, mut a)| {
                if a.label.is_none() {
                    a.label = group.and_then(|g| self.labels.get(&g).cloned());
                }
                a
            })
            .collect();
        let title = self.title.take().filter(|t| !t.is_empty());
        let role = self.role.take().filter(|r| !r.is_empty());
        if let (Some(_), Some(role)) = (&title, &role) {
            self.skip(format!("ROLE {role:?} (the TITLE is kept)"));
        }
        let n_part = |i: usize| self.n.as_ref()?.get(i).cloned().filter(|s| !s.is_empty());
        let draft = CustomerDraft {
            name,
            kind: if self.business {
                CustomerKind::Business
            } else {
                CustomerKind::Person
            },
            given_name: n_part(1),
            family_name: n_part(0),
            nickname: (!self.nicknames.is_empty()).then(|| self.nicknames.join(", ")),
            company: self.company.clone().filter(|c| !c.is_empty()),
            role: title.or(role),
            emails,
            phones,
            addresses,
            birthday,
            dates,
            tags: self.tags,
            custom_fields: self
                .websites
                .into_iter()
                .map(|value| CustomField {
                    label: "Website".into(),
                    value,
                })
                .collect(),
            ..Default::default()
        };
        Ok(ImportedContact {
            line: self.line,
            draft,
            note,
            skipped: self.skipped,
        })
    }

    /// FN; else built from N; else the company; else the first email.
    fn name(&self, first_email: Option<&String>) -> Result<String, ImportProblem> {
        let from_n = || {
            let n = self.n.as_ref()?;
            // Prefixes, given, additional, family, suffixes.
            let parts: Vec<&str> = [3, 1, 2, 0, 4]
                .iter()
                .filter_map(|&i| n.get(i).map(String::as_str))
                .filter(|s| !s.is_empty())
                .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        };
        let (line, name) = match self.full_name.clone().filter(|(_, n)| !n.is_empty()) {
            Some(found) => found,
            None => from_n()
                .or_else(|| self.company.clone().filter(|c| !c.is_empty()))
                .or_else(|| first_email.cloned())
                .map(|name| (self.line, name))
                .ok_or_else(|| ImportProblem {
                    line: self.line,
                    message: "no name: this card has no FN, N, ORG or EMAIL, so it is skipped"
                        .into(),
                })?,
        };
        let chars = name.chars().count();
        if chars > LIMITS.name_chars {
            return Err(ImportProblem {
                line,
                message: format!(
                    "name: is {chars} characters long; at most {} are allowed",
                    LIMITS.name_chars
                ),
            });
        }
        Ok(name)
    }

    /// The birthday, the labelled dates, and the dates given in words ("Birthday: circa
    /// 1800"), which go to the note.
    fn dates(&mut self) -> (Option<String>, Vec<DateDraft>, Vec<String>) {
        let mut words = Vec::new();
        let birthday = match self.birthday.take() {
            Some(DateValue::Day(day)) => Some(day),
            Some(DateValue::Words(w)) => {
                words.push(format!("Birthday: {w}"));
                None
            }
            None => None,
        };
        let mut dates = Vec::new();
        let mut seen = HashSet::new();
        for d in std::mem::take(&mut self.dates) {
            let label = match (d.label, &d.group) {
                (Some(label), _) => Some(label.to_owned()),
                (None, Some(group)) => self.labels.get(group).cloned(),
                (None, None) => None,
            }
            .unwrap_or_else(|| "Other".into());
            match d.value {
                // Some clients write one anniversary as two properties.
                DateValue::Day(date) => {
                    if seen.insert((label.clone(), date.clone())) {
                        dates.push(DateDraft { label, date });
                    }
                }
                DateValue::Words(w) => words.push(format!("{label}: {w}")),
            }
        }
        (birthday, dates, words)
    }

    /// The NOTEs, then the dates in words; at most the note limit (1 MB).
    fn note(&mut self, words: Vec<String>) -> Result<Option<String>, ImportProblem> {
        let line = self.notes.first().map_or(self.line, |(line, _)| *line);
        let mut parts: Vec<String> = std::mem::take(&mut self.notes)
            .into_iter()
            .map(|(_, n)| n)
            .collect();
        if !words.is_empty() {
            parts.push(words.join("\n"));
        }
        let note = parts.join("\n\n");
        if note.len() > LIMITS.note_bytes {
            return Err(ImportProblem {
                line,
                message: format!(
                    "note: NOTE is {:.1} MB; at most 1 MB is allowed",
                    note.len() as f64 / (1024.0 * 1024.0)
                ),
            });
        }
        Ok((!note.is_empty()).then_some(note))
    }
}

fn by_preference(mut values: Vec<(u32, String)>) -> Vec<String> {
    values.sort_by_key(|(rank, _)| *rank);
    values.into_iter().map(|(_, v)| v).collect()
}

/// A parsed property's values, with the charset its line named.
struct Values<'a> {
    entry: &'a VCardEntry,
    charset: Option<&'a str>,
}

impl Values<'_> {
    fn value_text(&self, v: &VCardValue, join: &str) -> String {
        match v {
            VCardValue::Text(t) => t.clone(),
            VCardValue::Component(parts) => {
                let parts: Vec<&str> = parts
                    .iter()
                    .map(|p| p.trim())
                    .filter(|p| !p.is_empty())
                    .collect();
                parts.join(join)
            }
            // calcard leaves decoded bytes that are not valid in the charset as binary.
            VCardValue::Binary(data) => decode(&data.data, self.charset),
            VCardValue::Integer(i) => i.to_string(),
            VCardValue::Float(f) => f.to_string(),
            VCardValue::Boolean(b) => b.to_string(),
            VCardValue::Kind(k) => format!("{k:?}").to_lowercase(),
            VCardValue::PartialDateTime(_) | VCardValue::Sex(_) | VCardValue::GramGender(_) => {
                String::new()
            }
        }
    }

    /// A single text value (several are joined with commas).
    fn text(&self) -> String {
        let parts: Vec<String> = self
            .entry
            .values
            .iter()
            .map(|v| self.value_text(v, ","))
            .collect();
        parts.join(",")
    }

    /// The `;`-separated components, each a text (its own comma list joined with `join`).
    fn components(&self, join: &str) -> Vec<String> {
        self.entry
            .values
            .iter()
            .map(|v| self.value_text(v, join))
            .collect()
    }

    /// A comma list (`CATEGORIES`, `NICKNAME`).
    fn list(&self) -> Vec<String> {
        self.components(",")
    }

    fn params(&self) -> impl Iterator<Item = (&VCardParameterName, &VCardParameterValue)> {
        self.entry.params.iter().map(|p| (&p.name, &p.value))
    }

    /// How preferred the value is: 1 is the most; 2.1's `PREF`, 3.0's `TYPE=pref` and
    /// 4.0's `PREF=1` all count as 1; without any, last.
    fn pref(&self) -> u32 {
        self.params()
            .filter_map(|(name, value)| match (name, value) {
                (VCardParameterName::Pref, VCardParameterValue::Integer(n)) => Some(*n),
                (VCardParameterName::Pref, _) => Some(1),
                (VCardParameterName::Type, VCardParameterValue::Text(t))
                    if t.eq_ignore_ascii_case("pref") =>
                {
                    Some(1)
                }
                _ => None,
            })
            .min()
            .unwrap_or(u32::MAX)
    }

    fn address_label(&self) -> Option<String> {
        self.params().find_map(|(name, value)| match (name, value) {
            (VCardParameterName::Type, VCardParameterValue::Type(VCardType::Home)) => {
                Some("home".into())
            }
            (VCardParameterName::Type, VCardParameterValue::Type(VCardType::Work)) => {
                Some("work".into())
            }
            _ => None,
        })
    }

    /// The date the property holds. `raw` is its value as written (dates have no escapes).
    fn date(&self, raw: &str) -> Result<Option<DateValue>, String> {
        let as_text = self.params().any(|(name, value)| {
            *name == VCardParameterName::Value
                && matches!(value, VCardParameterValue::ValueType(VCardValueType::Text))
        });
        if as_text {
            let words = one_line(&self.text());
            return Ok((!words.is_empty()).then_some(DateValue::Words(words)));
        }
        if raw.trim().is_empty() {
            return Ok(None);
        }
        let omit_year = self.params().find_map(|(name, value)| match (name, value) {
            (VCardParameterName::Other(n), VCardParameterValue::Text(y))
                if n.eq_ignore_ascii_case("X-APPLE-OMIT-YEAR") =>
            {
                y.trim().parse::<i32>().ok()
            }
            _ => None,
        });
        date_value(raw, omit_year).map(Some)
    }
}

/// Reads a vCard date: `19800322`, `1980-03-22`, `--0322`, `--03-22`, each optionally
/// followed by a time (`T000000Z`), which is dropped. Year 1604 (Apple's), the year named
/// by `X-APPLE-OMIT-YEAR`, and year 0 mean "year unknown". Anything else is words.
/// A date of the right shape that does not exist (Feb 30) is an error.
fn date_value(raw: &str, omit_year: Option<i32>) -> Result<DateValue, String> {
    let s = raw.trim();
    let (day, time) = match s.find(['T', 't', ' ']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let words = || Ok(DateValue::Words(one_line(s)));
    if let Some(time) = time {
        let timeish =
            |c: char| c.is_ascii_digit() || matches!(c, ':' | '+' | '-' | 'Z' | 'z' | '.' | ',');
        if time.is_empty() || !time.chars().all(timeish) {
            return words();
        }
    }
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let (year, month, day) = if let Some(md) = day.strip_prefix("--") {
        let (m, d) = match md.split_once('-') {
            Some(parts) => parts,
            None if md.len() == 4 && md.is_char_boundary(2) => md.split_at(2),
            None => return words(),
        };
        (None, m, d)
    } else if day.len() == 8 && digits(day) {
        (Some(&day[..4]), &day[4..6], &day[6..])
    } else {
        let mut parts = day.splitn(3, '-');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(y), Some(m), Some(d)) if y.len() == 4 => (Some(y), m, d),
            _ => return words(),
        }
    };
    if month.len() != 2 || day.len() != 2 || !digits(month) || !digits(day) {
        return words();
    }
    let year = match year {
        Some(y) if digits(y) => y.parse::<i32>().ok(),
        Some(_) => return words(),
        None => None,
    };
    let year = year.filter(|&y| y != 0 && y != APPLE_NO_YEAR && Some(y) != omit_year);
    let (month, day) = (month.parse().unwrap_or(0), day.parse().unwrap_or(0));
    PartialDate::new(year, month, day)
        .map(|d| DateValue::Day(d.to_string()))
        .map_err(|e| e.to_string())
}

/// Apple's built-in labels are written `_$!<Anniversary>!$_`; the owner sees "Anniversary".
fn apple_label(label: &str) -> String {
    let t = label.trim();
    t.strip_prefix("_$!<")
        .and_then(|l| l.strip_suffix(">!$_"))
        .unwrap_or(t)
        .trim()
        .to_owned()
}

/// A value for a one-line field: line breaks (vCard's `\n`) become ", ".
fn one_line(value: &str) -> String {
    value
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// vCard 2.1 may name the encoding alone (`NOTE;QUOTED-PRINTABLE:`); calcard knows only
/// `ENCODING=QUOTED-PRINTABLE`, so the line is given to it in that form.
fn bare_quoted_printable(line: String) -> String {
    let Some(start) = value_start(line.as_bytes()) else {
        return line;
    };
    let head = &line[..start - 1];
    if !head
        .split(';')
        .skip(1)
        .any(|p| p.trim().eq_ignore_ascii_case("QUOTED-PRINTABLE"))
    {
        return line;
    }
    let params: Vec<&str> = head
        .split(';')
        .map(|p| {
            if p.trim().eq_ignore_ascii_case("QUOTED-PRINTABLE") {
                "ENCODING=QUOTED-PRINTABLE"
            } else {
                p
            }
        })
        .collect();
    format!("{}:{}", params.join(";"), &line[start..])
}

/// The `CHARSET=` a property line names, if any.
fn charset(head: &[u8]) -> Option<String> {
    String::from_utf8_lossy(head)
        .split(';')
        .skip(1)
        .find_map(|p| {
            let (name, value) = p.split_once('=')?;
            name.trim()
                .eq_ignore_ascii_case("CHARSET")
                .then(|| value.trim().trim_matches('"').to_owned())
        })
}

/// Bytes as text: UTF-8 when they are; else in the named charset, or Windows-1252 (what
/// unmarked legacy files use; it includes ISO-8859-1's letters).
fn decode(bytes: &[u8], charset: Option<&str>) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_owned();
    }
    let encoding = charset
        .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()))
        .unwrap_or(encoding_rs::WINDOWS_1252);
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// One unfolded property line, parsed by calcard. A panic inside the parser (it is not
/// ours) becomes "cannot be read" rather than ending the import.
fn parse_property(text: &str) -> Option<VCardEntry> {
    std::panic::catch_unwind(|| match calcard::Parser::new(text).vcard() {
        calcard::Entry::VCard(card) => card
            .entries
            .into_iter()
            .find(|e| !matches!(e.name, VCardProperty::Begin | VCardProperty::End)),
        _ => None,
    })
    .ok()
    .flatten()
}

#[cfg(test)]
#[path = "vcard_tests.rs"]
mod tests;
