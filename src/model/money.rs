//! Money as integer minor units with an ISO 4217 currency; never a float.
//!
//! The currency table (codes and how many decimals each has: 2 for EUR, 0 for
//! JPY, 3 for KWD) comes from the `iso_currency` crate, so "12.50" is parsed
//! with the right number of decimals for the currency it is in.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

/// An ISO 4217 currency (`EUR`, `SEK`, `JPY`…), as its three-letter code on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, TS)]
#[ts(export, type = "string")]
pub struct Currency(iso_currency::Currency);

impl Currency {
    pub const EUR: Currency = Currency(iso_currency::Currency::EUR);

    pub fn code(self) -> &'static str {
        self.0.code()
    }

    /// Digits after the decimal point (2 for most; funds and metals have none).
    pub fn decimals(self) -> u32 {
        self.0.exponent().map_or(0, u32::from)
    }
}

impl std::str::FromStr for Currency {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let code = s.trim().to_ascii_uppercase();
        iso_currency::Currency::from_code(&code)
            .map(Currency)
            .ok_or_else(|| {
                format!(
                    "“{}” is not an ISO 4217 currency code (like EUR, USD, SEK)",
                    s.trim()
                )
            })
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// An amount: `{"minor": 1250, "currency": "EUR"}` is 12.50 EUR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Money {
    #[ts(type = "number")]
    pub minor: i64,
    pub currency: Currency,
}

/// The largest amount accepted anywhere (10^13 minor units: 100 billion EUR),
/// so that totals of many lines stay far from overflow.
pub const MAX_MINOR: i64 = 10_000_000_000_000;

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Self {
        Self { minor, currency }
    }

    /// Parses an amount in major units as typed: `12.50`, `12,50`, `12`, `1 250.00`.
    /// Refuses negative amounts, more decimals than the currency has, and absurd sizes.
    pub fn parse(text: &str, currency: Currency) -> Result<Money, String> {
        let cleaned: String = text
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\'')
            .collect();
        if cleaned.is_empty() {
            return Err("is empty; give an amount like 12.50".into());
        }
        if cleaned.starts_with('-') {
            return Err(format!(
                "{} is negative; amounts must be 0 or more",
                text.trim()
            ));
        }
        let normalized = cleaned.replace(',', ".");
        let (whole, fraction) = match normalized.split_once('.') {
            Some((w, f)) => (w, f),
            None => (normalized.as_str(), ""),
        };
        let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty())
            || !digits_only(whole)
            || !digits_only(fraction)
        {
            return Err(format!(
                "“{}” is not an amount (use digits with a dot, like 12.50)",
                text.trim()
            ));
        }
        let decimals = currency.decimals() as usize;
        if fraction.len() > decimals {
            return Err(format!(
                "{} has {} decimals; {} has {}",
                text.trim(),
                fraction.len(),
                currency.code(),
                decimals
            ));
        }
        let too_big = || format!("{} is too large an amount", text.trim());
        let scale = 10_i64.pow(decimals as u32);
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| too_big())?
        };
        let fraction: i64 = if fraction.is_empty() {
            0
        } else {
            format!("{fraction:0<decimals$}")
                .parse()
                .map_err(|_| too_big())?
        };
        let minor = whole
            .checked_mul(scale)
            .and_then(|w| w.checked_add(fraction))
            .filter(|m| *m <= MAX_MINOR)
            .ok_or_else(too_big)?;
        Ok(Money { minor, currency })
    }

    /// The amount in major units with the currency's decimals: `12.50`.
    pub fn major_text(&self) -> String {
        let decimals = self.currency.decimals();
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        if decimals == 0 {
            return format!("{sign}{abs}");
        }
        let scale = 10_u64.pow(decimals);
        format!(
            "{sign}{}.{:0width$}",
            abs / scale,
            abs % scale,
            width = decimals as usize
        )
    }
}

impl fmt::Display for Money {
    /// `12.50 EUR`: unambiguous in every locale (the UI formats for the owner's).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.major_text(), self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur(text: &str) -> Result<i64, String> {
        Money::parse(text, Currency::EUR).map(|m| m.minor)
    }

    #[test]
    fn amounts_parse_in_minor_units_of_their_currency() {
        assert_eq!(eur("12.50"), Ok(1250));
        assert_eq!(eur("12,5"), Ok(1250));
        assert_eq!(eur("12"), Ok(1200));
        assert_eq!(eur(".99"), Ok(99));
        assert_eq!(eur("1 250.00"), Ok(125_000));
        let yen: Currency = "jpy".parse().unwrap();
        assert_eq!(Money::parse("1200", yen).map(|m| m.minor), Ok(1200));
        let dinar: Currency = "KWD".parse().unwrap();
        assert_eq!(Money::parse("1.250", dinar).map(|m| m.minor), Ok(1250));
    }

    #[test]
    fn bad_amounts_say_what_is_wrong() {
        assert!(eur("-3").unwrap_err().contains("negative"));
        assert!(eur("12.505").unwrap_err().contains("EUR has 2"));
        assert!(eur("12a").unwrap_err().contains("not an amount"));
        assert!(eur("").unwrap_err().contains("empty"));
        assert!(eur("99999999999999999999")
            .unwrap_err()
            .contains("too large"));
        let yen: Currency = "JPY".parse().unwrap();
        assert!(Money::parse("1.5", yen).unwrap_err().contains("JPY has 0"));
    }

    #[test]
    fn unknown_currency_codes_are_refused_by_name() {
        assert!("EURO".parse::<Currency>().unwrap_err().contains("EURO"));
        assert_eq!("sek".parse::<Currency>().unwrap().code(), "SEK");
    }

    #[test]
    fn money_shows_with_the_currency_decimals_and_serializes_as_the_cli_says() {
        let m = Money::new(1250, Currency::EUR);
        assert_eq!(m.to_string(), "12.50 EUR");
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"minor":1250,"currency":"EUR"}"#
        );
        let yen = Money::new(1200, "JPY".parse().unwrap());
        assert_eq!(yen.to_string(), "1200 JPY");
        assert_eq!(Money::new(-5, Currency::EUR).major_text(), "-0.05");
    }
}
