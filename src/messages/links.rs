//! Channel links: `mailto:`, `sms:`, WhatsApp's `https://wa.me/` and `tel:`,
//! percent-encoded so any text (spaces, line breaks, &, ?, #, emoji, any
//! script) arrives exactly as written; phone numbers in E.164 form.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986's unreserved characters is encoded in a query value.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// An address keeps its `@` (RFC 6068); everything else unusual is encoded.
const ADDRESS: &AsciiSet = &QUERY_VALUE.remove(b'@').remove(b'+');

fn encode(text: &str) -> String {
    utf8_percent_encode(text, QUERY_VALUE).to_string()
}

/// `mailto:` with subject and body. RFC 6068 wants line breaks as CRLF.
pub fn mailto(address: &str, subject: &str, body: &str) -> String {
    let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
    format!(
        "mailto:{}?subject={}&body={}",
        utf8_percent_encode(address.trim(), ADDRESS),
        encode(subject),
        encode(&body)
    )
}

/// `sms:` (RFC 5724) to an E.164 number with the text.
pub fn sms(e164: &str, body: &str) -> String {
    format!("sms:{e164}?body={}", encode(body))
}

/// WhatsApp's click-to-chat link: digits only, no `+`.
pub fn whatsapp(e164: &str, body: &str) -> String {
    format!(
        "https://wa.me/{}?text={}",
        e164.trim_start_matches('+'),
        encode(body)
    )
}

pub fn tel(e164: &str) -> String {
    format!("tel:{e164}")
}

/// Why a phone number cannot be turned into an international one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("“{0}” is not a phone number")]
    NotANumber(String),
    #[error("“{0}” has no country code: write it with + (like +46 70 123 45 67) or set your country calling code in Settings")]
    NoCountryCode(String),
}

/// The number in E.164 form (`+4670…`). A number written with `+` or `00` is
/// international already; a national one (`070…`) takes `calling_code` (`46`)
/// in place of its leading trunk 0.
pub fn e164(phone: &str, calling_code: Option<&str>) -> Result<String, PhoneError> {
    let raw = phone.trim();
    let not_a_number = || PhoneError::NotANumber(raw.to_owned());
    if raw
        .chars()
        .any(|c| !(c.is_ascii_digit() || " +-./()".contains(c)))
    {
        return Err(not_a_number());
    }
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let international = if raw.starts_with('+') {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_owned()
    } else {
        let code = calling_code
            .map(|c| c.trim().trim_start_matches('+').to_owned())
            .filter(|c| !c.is_empty() && c.chars().all(|d| d.is_ascii_digit()))
            .ok_or_else(|| PhoneError::NoCountryCode(raw.to_owned()))?;
        format!("{code}{}", digits.strip_prefix('0').unwrap_or(&digits))
    };
    // E.164: at most 15 digits; fewer than 7 is no one's full number.
    if !(7..=15).contains(&international.len()) {
        return Err(not_a_number());
    }
    Ok(format!("+{international}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use percent_encoding::percent_decode_str;

    fn query_value(link: &str, key: &str) -> String {
        let query = link.split_once('?').unwrap().1;
        let raw = query
            .split('&')
            .find_map(|kv| kv.strip_prefix(&format!("{key}=")))
            .unwrap();
        percent_decode_str(raw).decode_utf8().unwrap().into_owned()
    }

    const HARD: &str = "Hi Zoë & “Tom”!\nQ? #1 100% 🎂 Зоя 山田 a+b=c / d;e";

    #[test]
    fn every_link_decodes_back_to_exactly_the_text() {
        let m = mailto("anna.berg+shop@example.com", HARD, HARD);
        assert!(
            m.starts_with("mailto:anna.berg+shop@example.com?subject="),
            "{m}"
        );
        assert_eq!(query_value(&m, "subject"), HARD);
        assert_eq!(query_value(&m, "body"), HARD.replace('\n', "\r\n"));
        assert_eq!(query_value(&sms("+46701234567", HARD), "body"), HARD);
        let wa = whatsapp("+46701234567", HARD);
        assert!(wa.starts_with("https://wa.me/46701234567?text="));
        assert_eq!(query_value(&wa, "text"), HARD);
        // Nothing that ends or splits a query survives unencoded.
        for link in [&m, &wa] {
            let query = link.split_once('?').unwrap().1;
            assert!(!query.contains(['#', ' ', '\n', '?', '+']), "{query}");
        }
    }

    #[test]
    fn phone_numbers_become_e164() {
        let table = [
            ("+46 70-123 45 67", None, "+46701234567"),
            ("0046 70 123 45 67", None, "+46701234567"),
            ("070-123 45 67", Some("46"), "+46701234567"),
            ("(030) 1234 5678", Some("+49"), "+493012345678"),
            ("212 555 0100", Some("1"), "+12125550100"),
        ];
        for (input, code, want) in table {
            assert_eq!(e164(input, code).as_deref(), Ok(want), "{input}");
        }
        assert_eq!(
            e164("070-123 45 67", None),
            Err(PhoneError::NoCountryCode("070-123 45 67".into()))
        );
        assert!(matches!(
            e164("call me", Some("46")),
            Err(PhoneError::NotANumber(_))
        ));
        assert!(matches!(
            e164("+1 23", None),
            Err(PhoneError::NotANumber(_))
        ));
    }
}
