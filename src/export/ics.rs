//! iCalendar (RFC 5545) export: customers' birthdays and yearly dates as all-day
//! events that recur every year, and follow-ups as single events, for calendar
//! apps (Google, Apple, Thunderbird, Outlook) to subscribe to or import.
//!
//! A small writer of its own (content lines, TEXT escaping, folding at 75 octets,
//! CRLF): the export needs only a handful of properties, and every rule it relies
//! on is tested against an independent parser and RRULE expander.
//!
//! It never reads the clock (`now` becomes DTSTAMP) and never invents identity:
//! each event's UID is derived from the record it comes from, so a calendar that
//! imports a newer export updates its events instead of doubling them.

use std::collections::HashSet;
use std::io::{self, Write};

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::agenda::slug;
use crate::model::{Customer, FollowUp, Interaction, PartialDate};
use crate::settings::LeapDay;

/// PRODID of the files this version writes.
pub const PRODUCT_ID: &str = concat!("-//Regulars//Regulars ", env!("CARGO_PKG_VERSION"), "//EN");

/// How the calendar is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IcsOptions {
    /// Where a Feb 29 date falls in a common year (the owner's reminder setting).
    pub leap_day: LeapDay,
    /// The PRODID: who wrote the file.
    pub product_id: &'static str,
}

impl Default for IcsOptions {
    fn default() -> Self {
        Self {
            leap_day: LeapDay::default(),
            product_id: PRODUCT_ID,
        }
    }
}

/// The first year of a yearly event whose year is unknown: a leap year, so that
/// `--02-29` is a real day and matches its rule, and far enough back that every
/// year a calendar shows has the event.
const UNKNOWN_YEAR: i32 = 2000;

/// How long a follow-up with a time of day is blocked in the calendar.
const FOLLOW_UP_MINUTES: i64 = 30;

/// Writes one calendar (`VCALENDAR`) with an event per birthday and labelled date of
/// `customers` and per follow-up of `follow_ups` (each with its customer's name;
/// interactions without a follow-up are skipped). The caller chooses what to include
/// (archived customers, done follow-ups); `now` is the DTSTAMP of every event.
pub fn write(
    customers: &[Customer],
    follow_ups: &[(Interaction, String)],
    options: &IcsOptions,
    now: DateTime<Utc>,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut cal = Lines {
        out,
        stamp: now.format("%Y%m%dT%H%M%SZ").to_string(),
        uids: HashSet::new(),
    };
    cal.line("BEGIN", "VCALENDAR")?;
    cal.line("VERSION", "2.0")?;
    cal.line("PRODID", &text(options.product_id))?;
    cal.line("CALSCALE", "GREGORIAN")?;
    cal.line("X-WR-CALNAME", "Regulars")?;
    for c in customers {
        if let Some(birthday) = c.birthday {
            let description = birthday.year().map(|y| format!("born {y}"));
            cal.yearly(
                format!("birthday-{}", c.id),
                &format!("{}’s birthday", c.name),
                description,
                birthday,
                options.leap_day,
            )?;
        }
        for d in &c.dates {
            let description = d.date.year().map(|y| format!("from {y}"));
            cal.yearly(
                format!("date-{}-{}", c.id, slug(&d.label)),
                &format!("{}: {}", c.name, d.label),
                description,
                d.date,
                options.leap_day,
            )?;
        }
    }
    for (interaction, customer) in follow_ups {
        if let Some(when) = interaction.follow_up {
            let note = interaction
                .text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty());
            cal.follow_up(
                format!("follow-up-{}", interaction.id),
                &format!("Follow up: {customer}"),
                note,
                when,
            )?;
        }
    }
    cal.line("END", "VCALENDAR")?;
    cal.out.flush()
}

/// The recurrence of a yearly date.
///
/// RFC 5545 drops a yearly rule's occurrences on days that do not exist, so a plain
/// `FREQ=YEARLY` starting on Feb 29 fires only in leap years (Google, Apple and
/// Thunderbird follow that): a leap-day birthday would vanish three years in four.
/// For Feb 29 the rule names the day the owner's setting picks instead:
/// - Feb 28: `BYMONTH=2;BYMONTHDAY=-1`, the last day of February: the 29th in a leap
///   year, the 28th otherwise.
/// - Mar 1: `BYYEARDAY=60`, the 60th day of the year: Feb 29 in a leap year
///   (31 + 29), Mar 1 otherwise (31 + 28 + 1).
///
/// Both are plain RFC 5545 with one event each. (RFC 7529's `RSCALE=GREGORIAN;
/// SKIP=BACKWARD|FORWARD` says the same more directly, but few apps read it.) The
/// event starts on a Feb 29 (the known year, necessarily a leap year, or
/// [`UNKNOWN_YEAR`]), which both rules include, as RFC 5545 asks of DTSTART.
fn yearly_rule(date: PartialDate, leap_day: LeapDay) -> &'static str {
    match ((date.month(), date.day()), leap_day) {
        ((2, 29), LeapDay::Feb28) => "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1",
        ((2, 29), LeapDay::Mar1) => "FREQ=YEARLY;BYYEARDAY=60",
        _ => "FREQ=YEARLY",
    }
}

/// The day a yearly event starts: the original date, or its day in [`UNKNOWN_YEAR`].
fn first_day(date: PartialDate) -> NaiveDate {
    date.to_naive()
        .unwrap_or_else(|| date.in_year(UNKNOWN_YEAR))
}

fn leap_day_note(leap_day: LeapDay) -> &'static str {
    match leap_day {
        LeapDay::Feb28 => "A 29 February date: on 28 February in common years.",
        LeapDay::Mar1 => "A 29 February date: on 1 March in common years.",
    }
}

/// The calendar being written: content lines, the DTSTAMP and the UIDs used so far.
struct Lines<'a, W> {
    out: &'a mut W,
    stamp: String,
    uids: HashSet<String>,
}

impl<W: Write> Lines<'_, W> {
    /// One content line, `name` (with any parameters) and an already escaped value.
    fn line(&mut self, name: &str, value: &str) -> io::Result<()> {
        fold(self.out, &format!("{name}:{value}"))
    }

    /// Starts an event with its UID (`<base>@regulars`, made unique within the file
    /// should two labels share a slug) and DTSTAMP.
    fn begin_event(&mut self, base: String) -> io::Result<()> {
        let mut uid = format!("{base}@regulars");
        let mut n = 2;
        while !self.uids.insert(uid.clone()) {
            uid = format!("{base}-{n}@regulars");
            n += 1;
        }
        self.line("BEGIN", "VEVENT")?;
        self.line("UID", &text(&uid))?;
        fold(self.out, &format!("DTSTAMP:{}", self.stamp))
    }

    fn yearly(
        &mut self,
        uid: String,
        summary: &str,
        description: Option<String>,
        date: PartialDate,
        leap_day: LeapDay,
    ) -> io::Result<()> {
        let start = first_day(date);
        self.begin_event(uid)?;
        self.line("DTSTART;VALUE=DATE", &ymd(start))?;
        self.line("DTEND;VALUE=DATE", &ymd(start + Duration::days(1)))?;
        self.line("RRULE", yearly_rule(date, leap_day))?;
        self.line("SUMMARY", &text(summary))?;
        let leap = (date.month(), date.day()) == (2, 29);
        let description = match (description, leap) {
            (Some(d), true) => Some(format!("{d}. {}", leap_day_note(leap_day))),
            (None, true) => Some(leap_day_note(leap_day).to_owned()),
            (d, false) => d,
        };
        if let Some(d) = description {
            self.line("DESCRIPTION", &text(&d))?;
        }
        // A birthday does not make the owner busy.
        self.line("TRANSP", "TRANSPARENT")?;
        self.line("END", "VEVENT")
    }

    fn follow_up(
        &mut self,
        uid: String,
        summary: &str,
        note: Option<&str>,
        when: FollowUp,
    ) -> io::Result<()> {
        self.begin_event(uid)?;
        match when.time {
            // A floating local time (no Z, no TZID): the owner's wall clock, wherever
            // the calendar app is.
            Some(t) => {
                self.line(
                    "DTSTART",
                    &when.date.and_time(t).format("%Y%m%dT%H%M%S").to_string(),
                )?;
                self.line("DURATION", &format!("PT{FOLLOW_UP_MINUTES}M"))?;
            }
            None => {
                self.line("DTSTART;VALUE=DATE", &ymd(when.date))?;
                self.line("DTEND;VALUE=DATE", &ymd(when.date + Duration::days(1)))?;
            }
        }
        self.line("SUMMARY", &text(summary))?;
        if let Some(note) = note {
            self.line("DESCRIPTION", &text(note))?;
        }
        self.line("END", "VEVENT")
    }
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, any line
/// break as `\n`; other control characters, which TEXT cannot hold, dropped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() && (c as u32) < 0x80 => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes `line` as content lines of at most 75 octets (RFC 5545 §3.1): each
/// continuation starts with a space, and no UTF-8 character is split.
fn fold(out: &mut impl Write, line: &str) -> io::Result<()> {
    const MAX: usize = 75;
    let mut start = 0;
    let mut budget = MAX;
    for (i, c) in line.char_indices() {
        if i + c.len_utf8() - start > budget {
            out.write_all(&line.as_bytes()[start..i])?;
            out.write_all(b"\r\n ")?;
            start = i;
            budget = MAX - 1;
        }
    }
    out.write_all(&line.as_bytes()[start..])?;
    out.write_all(b"\r\n")
}

#[cfg(test)]
#[path = "ics_tests.rs"]
mod tests;
