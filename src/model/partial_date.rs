//! A calendar date whose year may be unknown: "1985-11-23" or "--11-23".
//!
//! Birthdays and yearly dates are often known without the year; the owner
//! must still be able to record them. Parsing names exactly what is wrong so
//! every surface (CLI, UI, import) reports the same message.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a text is not a [`PartialDate`]; the message is written for the owner.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct PartialDateError(String);

/// A day of the year with an optional year. Invariant: the day exists in
/// that month (of that year when known; Feb 29 is allowed without a year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: Option<i32>,
    month: u32,
    day: u32,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        // Without a year, Feb 29 is a real birthday that simply recurs rarely.
        2 => match year {
            Some(y) if NaiveDate::from_ymd_opt(y, 2, 29).is_none() => 28,
            _ => 29,
        },
        _ => 31,
    }
}

impl PartialDate {
    /// Builds a date, refusing a month or day that does not exist.
    pub fn new(year: Option<i32>, month: u32, day: u32) -> Result<Self, PartialDateError> {
        if !(1..=12).contains(&month) {
            return Err(PartialDateError(format!(
                "month {month} does not exist (use 01 to 12)"
            )));
        }
        if let Some(y) = year {
            if !(1..=9999).contains(&y) {
                return Err(PartialDateError(format!("year {y} is out of range")));
            }
        }
        let last = days_in_month(year, month);
        if day == 0 || day > last {
            let name = MONTHS[month as usize - 1];
            let of_year = year.map(|y| format!(" {y}")).unwrap_or_default();
            return Err(PartialDateError(format!(
                "{name}{of_year} has no day {day} (it has {last} days)"
            )));
        }
        Ok(Self { year, month, day })
    }

    pub fn year(&self) -> Option<i32> {
        self.year
    }

    pub fn month(&self) -> u32 {
        self.month
    }

    pub fn day(&self) -> u32 {
        self.day
    }

    /// The full date, when the year is known.
    pub fn to_naive(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day)
    }

    /// This yearly date in `year`; Feb 29 falls on Feb 28 in a common year.
    pub fn in_year(&self, year: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
            .or_else(|| NaiveDate::from_ymd_opt(year, self.month, self.day - 1))
            .unwrap_or(NaiveDate::MIN)
    }

    /// The next day on or after `today` that this yearly date falls on.
    pub fn next_on_or_after(&self, today: NaiveDate) -> NaiveDate {
        let this_year = self.in_year(today.year());
        if this_year >= today {
            this_year
        } else {
            self.in_year(today.year() + 1)
        }
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(d: NaiveDate) -> Self {
        Self {
            year: Some(d.year()),
            month: d.month(),
            day: d.day(),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "--{:02}-{:02}", self.month, self.day),
        }
    }
}

fn number(part: &str, what: &str, input: &str) -> Result<u32, PartialDateError> {
    if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PartialDateError(format!(
            "{input:?} is not a date: the {what} must be a number (use YYYY-MM-DD, or --MM-DD when the year is unknown)"
        )));
    }
    part.parse()
        .map_err(|_| PartialDateError(format!("{input:?}: the {what} is too large")))
}

impl FromStr for PartialDate {
    type Err = PartialDateError;

    /// Accepts `YYYY-MM-DD` and `--MM-DD` (the vCard/ISO form for an unknown year).
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let s = input.trim();
        let shape_error = || {
            PartialDateError(format!(
                "{input:?} is not a date (use YYYY-MM-DD, or --MM-DD when the year is unknown)"
            ))
        };
        if let Some(rest) = s.strip_prefix("--") {
            let (m, d) = rest.split_once('-').ok_or_else(shape_error)?;
            if m.len() != 2 || d.len() != 2 {
                return Err(shape_error());
            }
            return Self::new(None, number(m, "month", input)?, number(d, "day", input)?);
        }
        let mut parts = s.splitn(3, '-');
        let (y, m, d) = match (parts.next(), parts.next(), parts.next()) {
            (Some(y), Some(m), Some(d)) if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                (y, m, d)
            }
            _ => return Err(shape_error()),
        };
        let year = number(y, "year", input)? as i32;
        Self::new(
            Some(year),
            number(m, "month", input)?,
            number(d, "day", input)?,
        )
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<PartialDate, String> {
        s.parse::<PartialDate>().map_err(|e| e.to_string())
    }

    #[test]
    fn full_and_yearless_dates_round_trip() {
        for s in [
            "1985-11-23",
            "--11-23",
            "--02-29",
            "2000-02-29",
            "0999-01-01",
        ] {
            assert_eq!(parse(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn february_30_is_refused_naming_the_month() {
        assert_eq!(
            parse("2025-02-30").unwrap_err(),
            "February 2025 has no day 30 (it has 28 days)"
        );
    }

    #[test]
    fn february_29_needs_a_leap_year_only_when_the_year_is_known() {
        assert!(parse("2023-02-29").is_err());
        assert!(parse("2024-02-29").is_ok());
        assert!(parse("--02-29").is_ok());
        assert!(parse("--02-30").is_err());
    }

    #[test]
    fn malformed_text_says_which_forms_are_accepted() {
        for s in [
            "",
            "23/11/1985",
            "1985-1-3",
            "--1123",
            "abcd-ef-gh",
            "1985-13-01",
        ] {
            let err = parse(s).unwrap_err();
            assert!(
                err.contains("YYYY-MM-DD") || err.contains("month 13"),
                "{s}: {err}"
            );
        }
    }

    #[test]
    fn serde_uses_the_text_form() {
        let d: PartialDate = serde_json::from_str("\"--03-22\"").unwrap();
        assert_eq!(d.year(), None);
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"--03-22\"");
        assert!(serde_json::from_str::<PartialDate>("\"2025-02-30\"").is_err());
    }

    #[test]
    fn the_next_birthday_wraps_the_year_and_handles_leap_days() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let leap: PartialDate = "1992-02-29".parse().unwrap();
        assert_eq!(leap.next_on_or_after(d("2026-11-24")), d("2027-02-28"));
        assert_eq!(leap.next_on_or_after(d("2027-03-01")), d("2028-02-29"));
        let jan: PartialDate = "--01-02".parse().unwrap();
        assert_eq!(jan.next_on_or_after(d("2026-12-30")), d("2027-01-02"));
        assert_eq!(jan.next_on_or_after(d("2027-01-02")), d("2027-01-02"));
    }
}
