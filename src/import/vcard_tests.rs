use std::io::{BufReader, Read};

use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

use super::*;
use crate::model::{validate_new_customer, CustomerId};

type Item = Result<ImportedContact, ImportProblem>;

fn items(bytes: &[u8]) -> Vec<Item> {
    read(bytes).collect()
}

fn contacts(bytes: &[u8]) -> Vec<ImportedContact> {
    items(bytes)
        .into_iter()
        .map(|i| i.unwrap_or_else(|p| panic!("unexpected problem {p:?}")))
        .collect()
}

/// The one card made of `body` (lines joined with CRLF).
fn card(body: &str) -> ImportedContact {
    let text = format!("BEGIN:VCARD\r\nVERSION:3.0\r\n{body}\r\nEND:VCARD\r\n");
    let mut all = contacts(text.as_bytes());
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0)
}

fn problem(body: &str) -> ImportProblem {
    let text = format!("BEGIN:VCARD\r\nVERSION:3.0\r\n{body}\r\nEND:VCARD\r\n");
    let mut all = items(text.as_bytes());
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0).expect_err("a problem")
}

fn fixture(name: &str) -> Vec<ImportedContact> {
    let path = format!("{}/tests/fixtures/vcard/{name}", env!("CARGO_MANIFEST_DIR"));
    let file = std::fs::File::open(&path).unwrap();
    read(BufReader::new(file))
        .map(|i| i.unwrap_or_else(|p| panic!("{name}: {p:?}")))
        .collect()
}

fn date(label: &str, date: &str) -> DateDraft {
    DateDraft {
        label: label.into(),
        date: date.into(),
    }
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|s| s.to_string()).collect()
}

// --- The real files -------------------------------------------------------------------

#[test]
fn every_fixture_card_imports_and_passes_validation() {
    let dir = format!("{}/tests/fixtures/vcard", env!("CARGO_MANIFEST_DIR"));
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let mut files = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "vcf") {
            continue;
        }
        files += 1;
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let all = fixture(&name);
        assert!(!all.is_empty(), "{name}");
        for c in all {
            if let Err(e) = validate_new_customer(&c.draft, CustomerId::new_v7(), now, today) {
                panic!("{name} line {}: {e}", c.line);
            }
        }
    }
    assert_eq!(files, 8);
}

#[test]
fn android_2_1_quoted_printable_names_and_email_only_cards() {
    let all = fixture("John_Doe_ANDROID.vcf");
    let names: Vec<&str> = all.iter().map(|c| c.draft.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "john.doe@company.com",
            "jane.doe@company.com",
            "Ñ Ñ Ñ Ñ Ñ",
            // A soft line break (`=` at the end of the line) inside the name.
            "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ",
            "Ñ Ñ Ñ Ñ",
            "ÑÑÑÑ",
        ]
    );
    assert_eq!(
        all.iter().map(|c| c.line).collect::<Vec<_>>(),
        [1, 6, 11, 18, 36, 71]
    );
    assert_eq!(all[0].draft.emails, ["john.doe@company.com"]);
    assert_eq!(all[0].draft.tags, ["My Contacts"]);
    let four = &all[3].draft;
    assert_eq!(four.family_name.as_deref(), Some("Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ"));
    assert_eq!(four.phones, ["123456", "234567", "3456789", "45678901"]);
    // Android writes the note twice; it is kept once.
    let note = all[3].note.as_deref().unwrap();
    assert!(note.starts_with("Ñ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ"), "{note}");
    assert!(!note.contains("\n\n"), "{note:?}");
    let bob = &all[4];
    assert_eq!(bob.draft.given_name.as_deref(), Some("Ñ Ñ Ñ"));
    assert_eq!(bob.draft.emails, ["bob@company.com"]);
    assert_eq!(bob.draft.company.as_deref(), Some("ÑÑÑÑÑÑÑÑÑÑÑÑ"));
    assert_eq!(
        bob.draft.custom_fields,
        [
            CustomField {
                label: "Website".into(),
                value: "www.company.com".into()
            },
            CustomField {
                label: "Website".into(),
                value: "http://www.company.com".into()
            },
        ]
    );
    assert!(
        bob.skipped.contains(&"PHOTO (not stored)".to_string()),
        "{:?}",
        bob.skipped
    );
    assert!(
        bob.skipped
            .iter()
            .any(|s| s.contains("not an email address")),
        "{:?}",
        bob.skipped
    );
    assert_eq!(
        all[5].draft.company.as_deref(),
        Some("Ñ".repeat(44).as_str())
    );
}

#[test]
fn evolution_3_0_card_with_folds_escapes_and_anniversary() {
    let all = fixture("John_Doe_EVOLUTION.vcf");
    assert_eq!(all.len(), 1);
    let c = &all[0];
    let d = &c.draft;
    assert_eq!(d.name, "Mr. John Richter, James Doe Sr.");
    assert_eq!(d.given_name.as_deref(), Some("John"));
    assert_eq!(d.family_name.as_deref(), Some("Doe"));
    assert_eq!(d.nickname.as_deref(), Some("Johny"));
    assert_eq!(d.company.as_deref(), Some("IBM"));
    assert_eq!(d.role.as_deref(), Some("Money Counter"));
    assert_eq!(d.birthday.as_deref(), Some("1980-03-22"));
    assert_eq!(d.dates, [date("Anniversary", "1980-03-22")]);
    assert_eq!(d.tags, ["VIP"]);
    assert_eq!(d.emails, ["john.doe@ibm.com"]);
    assert_eq!(d.phones, ["905-666-1234", "905-555-1234"]);
    assert_eq!(
        d.addresses,
        [Address {
            label: Some("home".into()),
            street: Some("15 Crescent moon drive, ASB-123".into()),
            postal_code: Some("12345".into()),
            city: Some("Albaney".into()),
            region: Some("New York".into()),
            country: Some("United States of America".into()),
        }]
    );
    assert_eq!(d.custom_fields[0].value, "http://www.ibm.com");
    let note = c.note.as_deref().unwrap();
    assert!(note.starts_with("THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS \"AS IS\" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING,"), "{note}");
    assert!(note.ends_with("SUCH DAMAGE."), "{note}");
    assert!(c.skipped.contains(&"X-AIM".to_string()), "{:?}", c.skipped);
}

#[test]
fn gmail_card_with_apple_labelled_anniversary() {
    let all = fixture("John_Doe_GMAIL.vcf");
    let d = &all[0].draft;
    assert_eq!(d.name, "Mr. John Richter, James Doe Sr.");
    assert_eq!(d.birthday.as_deref(), Some("1980-03-22"));
    assert_eq!(d.dates, [date("Anniversary", "1975-03-01")]);
    assert_eq!(d.emails, ["john.doe@ibm.com"]);
    assert_eq!(d.phones, ["905-555-1234", "905-666-1234"]);
    assert_eq!(d.addresses[0].label.as_deref(), Some("home"));
    assert_eq!(
        d.addresses[0].street.as_deref(),
        Some("Crescent moon drive, 555-asd, Nice Area, Albaney, New York 12345, United States of America")
    );
    assert_eq!(d.custom_fields[0].value, "http://www.ibm.com");
    assert!(all[0]
        .note
        .as_deref()
        .unwrap()
        .ends_with("DAMAGE.\nFavotire Color: Blue"));
}

#[test]
fn iphone_card_with_cr_cr_lf_line_ends_and_a_photo() {
    let all = fixture("John_Doe_IPHONE.vcf");
    assert_eq!(all.len(), 1);
    let c = &all[0];
    let d = &c.draft;
    assert_eq!(d.name, "Mr. John Richter James Doe Sr.");
    assert_eq!(d.company.as_deref(), Some("IBM"));
    assert_eq!(d.emails, ["john.doe@ibm.com"]);
    assert_eq!(
        d.phones,
        [
            "905-555-1234",
            "905-666-1234",
            "905-777-1234",
            "905-888-1234",
            "905-999-1234",
            "905-111-1234",
            "905-222-1234"
        ]
    );
    assert_eq!(d.birthday.as_deref(), Some("2012-06-06"));
    assert_eq!(d.addresses.len(), 2);
    assert_eq!(d.addresses[0].street.as_deref(), Some("Silicon Alley 5"));
    assert_eq!(d.addresses[1].label.as_deref(), Some("work"));
    assert_eq!(
        d.addresses[1].street.as_deref(),
        Some("Street4, Building 6, Floor 8")
    );
    assert_eq!(c.skipped, ["PHOTO (not stored)"]);
}

#[test]
fn outlook_2_1_card_with_basic_dates_and_a_photo() {
    let all = fixture("John_Doe_MS_OUTLOOK.vcf");
    let c = &all[0];
    let d = &c.draft;
    assert_eq!(d.name, "Mr. John Richter James Doe Sr.");
    assert_eq!(d.birthday.as_deref(), Some("1980-03-22"));
    assert_eq!(d.dates, [date("Anniversary", "2011-01-13")]);
    assert_eq!(d.role.as_deref(), Some("Money Counter"));
    assert_eq!(d.emails, ["john.doe@ibm.cm"]);
    assert_eq!(d.phones, ["(905) 555-1234", "(905) 666-1234"]);
    let labels: Vec<_> = d.addresses.iter().map(|a| a.label.as_deref()).collect();
    assert_eq!(labels, [Some("work"), Some("home")]);
    assert_eq!(d.addresses[1].street.as_deref(), Some("Silicon Alley 5"));
    assert!(c.skipped.contains(&"PHOTO (not stored)".to_string()));
    assert!(
        c.skipped.iter().any(|s| s.starts_with("ROLE")),
        "{:?}",
        c.skipped
    );
}

#[test]
fn gmail_list_gives_each_card_its_first_line() {
    let all = fixture("gmail-list.vcf");
    let got: Vec<(u64, &str, &str)> = all
        .iter()
        .map(|c| (c.line, c.draft.name.as_str(), c.draft.emails[0].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (1, "Arnold Smith", "asmithk@gmail.com"),
            (7, "Chris Beatle", "chrisy55d@yahoo.com"),
            (13, "Doug White", "dwhite@gmail.com"),
        ]
    );
}

#[test]
fn rfc_6350_example_with_a_yearless_birthday_and_tel_uris() {
    let all = fixture("rfc6350-example.vcf");
    let c = &all[0];
    let d = &c.draft;
    assert_eq!(d.name, "Simon Perreault");
    assert_eq!(d.birthday.as_deref(), Some("--02-03"));
    assert_eq!(d.dates, [date("Anniversary", "2009-08-08")]);
    assert_eq!(d.phones, ["+1-418-656-9254", "+1-418-262-6501"]);
    assert_eq!(d.company.as_deref(), Some("Viagenie"));
    assert_eq!(
        d.addresses,
        [Address {
            label: Some("work".into()),
            street: Some("2875 Laurier, Suite D2-630".into()),
            postal_code: Some("G1V 2M2".into()),
            city: Some("Quebec".into()),
            region: Some("QC".into()),
            country: Some("Canada".into()),
        }]
    );
    assert_eq!(d.custom_fields[0].value, "http://nomis80.org");
    assert!(
        c.skipped
            .contains(&"TEL +1-418-656-9254: ext=102 (not stored)".to_string()),
        "{:?}",
        c.skipped
    );
}

#[test]
fn thunderbird_card_with_escaped_commas_in_categories() {
    let all = fixture("thunderbird-MoreFunctionsForAddressBook-extension.vcf");
    let c = &all[0];
    let d = &c.draft;
    assert_eq!(d.name, "John Doe");
    assert_eq!(d.nickname.as_deref(), Some("Johnny"));
    assert_eq!(d.tags, ["category1", "category2", "category3"]);
    assert_eq!(d.birthday.as_deref(), Some("1970-09-21"));
    assert_eq!(d.dates, [date("Anniversary", "1990-04-30")]);
    assert_eq!(d.emails.len(), 5);
    assert_eq!(d.emails[0], "doe.john@hotmail.com");
    assert_eq!(d.phones.len(), 5);
    assert_eq!(d.role.as_deref(), Some("TheTitle"));
    assert_eq!(
        c.note.as_deref(),
        Some("This is the notes field.\nSecond Line\n\nFourth Line\nYou can put anything in the \"note\" field; even curse words.")
    );
    assert_eq!(d.custom_fields.len(), 2);
    assert!(c.skipped.contains(&"PHOTO (not stored)".to_string()));
}

// --- Lines, folds and charsets ----------------------------------------------------------

#[test]
fn a_fold_inside_a_utf8_character_is_joined_before_decoding() {
    let text =
        b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:J\xC3\r\n \xBCrgen M\xC3\xBC\r\n\tller\r\nEND:VCARD\r\n";
    assert_eq!(contacts(text)[0].draft.name, "Jürgen Müller");
}

#[test]
fn quoted_printable_soft_breaks_join_lines() {
    let c = card(
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BC=\r\nrgen =\r\nM=C3=BCller\r\nTEL:123",
    );
    assert_eq!(c.draft.name, "Jürgen Müller");
    assert_eq!(c.draft.phones, ["123"]);
}

#[test]
fn quoted_printable_in_latin1_and_shift_jis() {
    let c = card("FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:J=FCrgen");
    assert_eq!(c.draft.name, "Jürgen");
    // 2.1's bare QUOTED-PRINTABLE without a charset is Latin-1.
    let c = card("FN;QUOTED-PRINTABLE:Ren=E9e");
    assert_eq!(c.draft.name, "Renée");
    // Japanese phones write Shift_JIS: 山田.
    let c = card("FN;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:=8ER=93c");
    assert_eq!(c.draft.name, "山田");
}

#[test]
fn raw_legacy_bytes_are_read_in_their_charset_or_windows_1252() {
    let text = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=ISO-8859-1:J\xFCrgen\r\nORG:Caf\xE9 \x80\r\nEND:VCARD\r\n";
    let c = &contacts(text)[0];
    assert_eq!(c.draft.name, "Jürgen");
    assert_eq!(c.draft.company.as_deref(), Some("Café €"));
}

#[test]
fn bom_crlf_and_lf_files_read_alike() {
    let lf = "BEGIN:VCARD\nVERSION:3.0\nFN:Anna Berg\nBDAY:1985-11-23\nEND:VCARD\n";
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    assert_eq!(
        contacts(lf.as_bytes())[0].draft,
        contacts(crlf.as_bytes())[0].draft
    );
    assert_eq!(contacts(crlf.as_bytes())[0].draft.name, "Anna Berg");
}

#[test]
fn a_utf16_file_is_one_problem_saying_so() {
    let text: Vec<u8> = "\u{feff}BEGIN:VCARD\r\n"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let all = items(&text);
    assert_eq!(all.len(), 1);
    let p = all[0].clone().unwrap_err();
    assert_eq!(p.line, 1);
    assert!(p.message.contains("UTF-16"), "{p:?}");
}

// --- Birthdays and dates --------------------------------------------------------------

#[test]
fn birthdays_in_every_form() {
    for (bday, expected) in [
        ("BDAY:19800322", "1980-03-22"),
        ("BDAY:1980-03-22", "1980-03-22"),
        ("BDAY:--0203", "--02-03"),
        ("BDAY:--02-03", "--02-03"),
        ("BDAY:1980-03-22T00:00:00Z", "1980-03-22"),
        ("BDAY:19800322T000000", "1980-03-22"),
        ("BDAY;VALUE=date:1980-03-22", "1980-03-22"),
        ("BDAY:--0229", "--02-29"),
        ("BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-15", "--03-15"),
        ("BDAY:1604-02-29", "--02-29"),
    ] {
        let c = card(&format!("FN:Anna\r\n{bday}"));
        assert_eq!(c.draft.birthday.as_deref(), Some(expected), "{bday}");
        assert_eq!(c.note, None, "{bday}");
    }
}

#[test]
fn a_birthday_given_as_text_goes_to_the_note() {
    let c = card("FN:Old Friend\r\nBDAY;VALUE=text:circa 1800\r\nNOTE:Likes rye");
    assert_eq!(c.draft.birthday, None);
    assert_eq!(c.note.as_deref(), Some("Likes rye\n\nBirthday: circa 1800"));
    let c = card("FN:Old Friend\r\nBDAY:sometime in May");
    assert_eq!(c.note.as_deref(), Some("Birthday: sometime in May"));
}

#[test]
fn an_impossible_birthday_skips_that_card_only_with_its_line() {
    let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nEND:VCARD\r\n\
                BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Finn\r\nBDAY:1980-02-30\r\nEND:VCARD\r\n\
                BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mia\r\nEND:VCARD\r\n";
    let all = items(text.as_bytes());
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].as_ref().unwrap().draft.name, "Anna");
    let p = all[1].as_ref().unwrap_err();
    assert_eq!(p.line, 8);
    assert_eq!(
        p.message,
        "birthday: BDAY \"1980-02-30\": February 1980 has no day 30 (it has 29 days)"
    );
    assert_eq!(all[2].as_ref().unwrap().draft.name, "Mia");
}

#[test]
fn anniversaries_from_every_client() {
    for prop in [
        "ANNIVERSARY:20090808",
        "X-ANNIVERSARY:2009-08-08",
        "X-EVOLUTION-ANNIVERSARY:2009-08-08",
        "X-MS-ANNIVERSARY:20090808",
        "item1.X-ABDATE:2009-08-08\r\nitem1.X-ABLabel:_$!<Anniversary>!$_",
        "item7.X-ABLabel:_$!<Anniversary>!$_\r\nITEM7.X-ABDATE:2009-08-08T00:00:00Z",
    ] {
        let c = card(&format!("FN:Anna\r\n{prop}"));
        assert_eq!(c.draft.dates, [date("Anniversary", "2009-08-08")], "{prop}");
    }
}

#[test]
fn apple_labelled_dates_keep_their_labels() {
    let c = card(
        "FN:Anna\r\n\
         item1.X-ABDATE:2020-05-01\r\nitem1.X-ABLabel:_$!<Other>!$_\r\n\
         item2.X-ABDATE;X-APPLE-OMIT-YEAR=1604:1604-02-29\r\nitem2.X-ABLabel:First visit\r\n\
         item3.X-ABDATE:2021-06-01\r\n\
         ANNIVERSARY:--1224",
    );
    assert_eq!(
        c.draft.dates,
        [
            date("Other", "2020-05-01"),
            date("First visit", "--02-29"),
            date("Other", "2021-06-01"),
            date("Anniversary", "--12-24"),
        ]
    );
}

#[test]
fn the_same_anniversary_written_twice_is_kept_once() {
    let c = card("FN:Anna\r\nANNIVERSARY:20090808\r\nX-ANNIVERSARY:2009-08-08");
    assert_eq!(c.draft.dates, [date("Anniversary", "2009-08-08")]);
}

#[test]
fn an_impossible_anniversary_is_a_problem_naming_dates() {
    let p = problem("FN:Anna\r\nX-ANNIVERSARY:2023-02-29");
    assert_eq!(p.line, 4);
    assert!(p.message.starts_with("dates: X-ANNIVERSARY"), "{p:?}");
}

// --- Names, contact details and the rest ------------------------------------------------

#[test]
fn preferred_emails_and_phones_come_first_in_every_version() {
    let c = card(
        "FN:Anna\r\n\
         EMAIL:a@example.com\r\nEMAIL;TYPE=INTERNET,pref:b@example.com\r\nEMAIL:c@example.com\r\n\
         TEL;CELL:111\r\nTEL;PREF=2:222\r\nTEL;HOME;PREF:333",
    );
    assert_eq!(
        c.draft.emails,
        ["b@example.com", "a@example.com", "c@example.com"]
    );
    assert_eq!(c.draft.phones, ["333", "222", "111"]);
}

#[test]
fn names_company_role_and_nicknames() {
    let c = card("N:Berg;Anna;Maria;Dr.;\r\nFN:Dr. Anna Berg\r\nNICKNAME:Annie,Bee\r\nORG:Berg & Co\\, Ltd;Sales\r\nTITLE:Owner");
    let d = &c.draft;
    assert_eq!(d.name, "Dr. Anna Berg");
    assert_eq!(d.family_name.as_deref(), Some("Berg"));
    assert_eq!(d.given_name.as_deref(), Some("Anna"));
    assert_eq!(d.nickname.as_deref(), Some("Annie, Bee"));
    assert_eq!(d.company.as_deref(), Some("Berg & Co, Ltd"));
    assert_eq!(d.role.as_deref(), Some("Owner"));
    assert_eq!(d.kind, CustomerKind::Person);
}

#[test]
fn without_fn_the_name_comes_from_n_then_org_then_email() {
    assert_eq!(card("N:Berg;Anna;;;").draft.name, "Anna Berg");
    assert_eq!(card("ORG:Bakery Berg").draft.name, "Bakery Berg");
    assert_eq!(
        card("EMAIL:anna@example.com").draft.name,
        "anna@example.com"
    );
    let p = problem("TEL:12345\r\nNOTE:who is this?");
    assert_eq!(p.line, 1);
    assert!(p.message.starts_with("no name"), "{p:?}");
}

#[test]
fn addresses_take_their_label_from_type_or_apple_label() {
    let c = card(
        "FN:Anna\r\n\
         ADR;TYPE=home:;;Main St 1;Springfield;;12345;USA\r\n\
         ADR;TYPE=WORK,POSTAL:;;Mill Rd 2;Shelbyville;;;\r\n\
         item1.ADR:;;Market 3;Ogdenville;;;\r\nitem1.X-ABLabel:shop",
    );
    let labels: Vec<_> = c
        .draft
        .addresses
        .iter()
        .map(|a| a.label.as_deref())
        .collect();
    assert_eq!(labels, [Some("home"), Some("work"), Some("shop")]);
    assert_eq!(c.draft.addresses[0].country.as_deref(), Some("USA"));
}

#[test]
fn categories_become_trimmed_tags() {
    let c = card("FN:Anna\r\nCATEGORIES: vip , regulars,,bread lovers \r\nCATEGORIES:wholesale");
    assert_eq!(
        c.draft.tags,
        strings(&["vip", "regulars", "bread lovers", "wholesale"])
    );
}

#[test]
fn kind_org_and_apple_company_cards_are_businesses() {
    let text = "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Bakery Berg\r\nEND:VCARD\r\n";
    assert_eq!(
        contacts(text.as_bytes())[0].draft.kind,
        CustomerKind::Business
    );
    let c = card("FN:Mill Co\r\nORG:Mill Co\r\nX-ABShowAs:COMPANY");
    assert_eq!(c.draft.kind, CustomerKind::Business);
}

#[test]
fn urls_become_website_fields_and_unknown_properties_are_listed() {
    let c = card(
        "FN:Anna\r\nURL:https://berg.example\r\nX-SKYPE:anna.b\r\nGEO:geo:1,2\r\nX-SKYPE:again",
    );
    assert_eq!(
        c.draft.custom_fields,
        [CustomField {
            label: "Website".into(),
            value: "https://berg.example".into()
        }]
    );
    assert_eq!(c.skipped, ["X-SKYPE", "GEO"]);
}

// --- Photos and size limits ------------------------------------------------------------

/// A reader that makes a card with a photo of `size` base64 bytes on the fly, so the
/// test itself holds nothing large.
struct HugePhoto {
    head: std::io::Cursor<Vec<u8>>,
    left: u64,
    folded: bool,
    column: u32,
    tail: std::io::Cursor<Vec<u8>>,
}

impl HugePhoto {
    fn new(size: u64, folded: bool) -> Self {
        Self {
            head: std::io::Cursor::new(
                b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nPHOTO;ENCODING=b;TYPE=JPEG:".to_vec(),
            ),
            left: size,
            folded,
            column: 0,
            tail: std::io::Cursor::new(b"\r\nTEL:12345\r\nEND:VCARD\r\n".to_vec()),
        }
    }
}

impl Read for HugePhoto {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.head.read(buf)?;
        if n > 0 {
            return Ok(n);
        }
        if self.left == 0 {
            return self.tail.read(buf);
        }
        let mut n = 0;
        while n + 3 <= buf.len() && self.left > 0 {
            if self.folded && self.column == 74 {
                buf[n..n + 3].copy_from_slice(b"\r\n ");
                n += 3;
                self.column = 0;
            } else {
                buf[n] = b'A';
                n += 1;
                self.column += 1;
                self.left -= 1;
            }
        }
        Ok(n)
    }
}

#[test]
fn a_huge_folded_photo_streams_and_is_listed_as_not_stored() {
    let reader = BufReader::new(HugePhoto::new(40 * 1024 * 1024, true));
    let all: Vec<Item> = read(reader).collect();
    assert_eq!(all.len(), 1);
    let c = all[0].as_ref().unwrap();
    assert_eq!(c.draft.phones, ["12345"]);
    assert_eq!(c.skipped, ["PHOTO (not stored)"]);
}

#[test]
fn a_huge_photo_on_one_line_streams_too() {
    let reader = BufReader::new(HugePhoto::new(40 * 1024 * 1024, false));
    let c = read(reader).next().unwrap().unwrap();
    assert_eq!(c.draft.phones, ["12345"]);
    assert_eq!(c.skipped, ["PHOTO (not stored)"]);
}

#[test]
fn an_unindented_2_1_photo_is_not_taken_for_broken_lines() {
    let c = card("FN:Anna\r\nPHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQ\r\nSkZJRgABAQ\r\nAAAQABAAD==\r\n\r\nTEL:12345");
    assert_eq!(c.draft.phones, ["12345"]);
    assert_eq!(c.skipped, ["PHOTO (not stored)"]);
}

#[test]
fn a_note_over_one_megabyte_is_a_problem_naming_note() {
    let note = "x".repeat(1024 * 1024 + 1);
    let p = problem(&format!("FN:Anna\r\nNOTE:{note}"));
    assert_eq!(p.line, 4);
    assert!(
        p.message.starts_with("note: NOTE is 1.0 MB"),
        "{}",
        p.message
    );
    let huge = "x".repeat(MAX_PROPERTY_BYTES + 10);
    let p = problem(&format!("FN:Anna\r\nNOTE:{huge}"));
    assert!(p.message.starts_with("note: NOTE is over"), "{}", p.message);
}

#[test]
fn a_name_over_200_characters_is_a_problem_naming_name() {
    let p = problem(&format!("FN:{}", "é".repeat(201)));
    assert_eq!(p.line, 3);
    assert_eq!(
        p.message,
        "name: is 201 characters long; at most 200 are allowed"
    );
}

// --- Malformed input -------------------------------------------------------------------

#[test]
fn a_card_cut_off_at_the_end_of_the_file_is_a_problem() {
    let text = "BEGIN:VCARD\nFN:Anna\nEND:VCARD\nBEGIN:VCARD\nFN:Finn\nTEL:123\n";
    let all = items(text.as_bytes());
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].as_ref().unwrap().draft.name, "Anna");
    let p = all[1].as_ref().unwrap_err();
    assert_eq!(p.line, 4);
    assert!(p.message.contains("no END:VCARD"), "{p:?}");
}

#[test]
fn a_card_without_end_before_the_next_begin_is_a_problem() {
    let text = "BEGIN:VCARD\nFN:Anna\nBEGIN:VCARD\nFN:Finn\nEND:VCARD\n";
    let all = items(text.as_bytes());
    assert_eq!(all[0].as_ref().unwrap_err().line, 1);
    assert_eq!(all[1].as_ref().unwrap().draft.name, "Finn");
}

#[test]
fn text_between_cards_is_one_problem_per_run_with_its_line() {
    let text = "BEGIN:VCARD\nFN:Anna\nEND:VCARD\n\nhello there\nmore junk\nBEGIN:VCARD\nFN:Finn\nEND:VCARD\n";
    let all = items(text.as_bytes());
    assert_eq!(all.len(), 3);
    let p = all[1].as_ref().unwrap_err();
    assert_eq!(p.line, 5);
    assert!(
        p.message.starts_with("lines 5–6 are not part of any card"),
        "{p:?}"
    );
    assert!(p.message.contains("\"hello there\""), "{p:?}");
    assert_eq!(all[2].as_ref().unwrap().draft.name, "Finn");
}

#[test]
fn a_property_line_without_a_colon_skips_its_card() {
    let text = "BEGIN:VCARD\nFN:Anna\nTEL 12345\nEND:VCARD\nBEGIN:VCARD\nFN:Finn\nEND:VCARD\n";
    let all = items(text.as_bytes());
    assert_eq!(all.len(), 2);
    let p = all[0].as_ref().unwrap_err();
    assert_eq!(p.line, 3);
    assert!(p.message.contains("\"TEL 12345\""), "{p:?}");
    assert!(p.message.contains("no ':'"), "{p:?}");
    assert_eq!(all[1].as_ref().unwrap().draft.name, "Finn");
}

#[test]
fn binary_junk_inside_and_outside_cards_is_reported() {
    let mut text = b"\x00\x01\xFF\xFEjunk\n".to_vec();
    text.extend_from_slice(b"BEGIN:VCARD\nFN:Anna\n\x89PNG\x00:\x01\x02\nEND:VCARD\n");
    text.extend_from_slice(b"BEGIN:VCARD\nFN:Finn\nEND:VCARD\n");
    let all = items(&text);
    assert_eq!(all.len(), 3, "{all:?}");
    assert_eq!(all[0].as_ref().unwrap_err().line, 1);
    let p = all[1].as_ref().unwrap_err();
    assert_eq!(p.line, 4);
    assert!(p.message.contains("not a vCard property line"), "{p:?}");
    assert_eq!(all[2].as_ref().unwrap().draft.name, "Finn");
}

#[test]
fn a_quoted_printable_value_ending_in_a_soft_break_does_not_swallow_end() {
    let text = "BEGIN:VCARD\r\nFN:Anna\r\nNOTE;ENCODING=QUOTED-PRINTABLE:Hello=\r\nEND:VCARD\r\n\
                BEGIN:VCARD\r\nFN:Finn\r\nEND:VCARD\r\n";
    let all = contacts(text.as_bytes());
    assert_eq!(all[0].note.as_deref(), Some("Hello"));
    assert_eq!(all[1].draft.name, "Finn");
}

#[test]
fn a_read_error_is_a_problem_after_the_cards_read_so_far() {
    let good = "BEGIN:VCARD\r\nFN:Anna\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Fi".as_bytes();
    let failing = good.chain(Failing);
    let all: Vec<Item> = read(BufReader::new(failing)).collect();
    assert_eq!(all.len(), 3, "{all:?}");
    assert_eq!(all[0].as_ref().unwrap().draft.name, "Anna");
    assert_eq!(all[1].as_ref().unwrap_err().line, 4);
    let p = all[2].as_ref().unwrap_err();
    assert_eq!(p.line, 5);
    assert!(
        p.message
            .contains("cannot be read from here on: disk on fire"),
        "{p:?}"
    );
}

struct Failing;

impl Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("disk on fire"))
    }
}

#[test]
fn cards_are_read_one_at_a_time() {
    struct Counting<'a> {
        inner: &'a [u8],
        read: std::rc::Rc<std::cell::Cell<usize>>,
    }
    impl Read for Counting<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let len = buf.len().min(64);
            let n = self.inner.read(&mut buf[..len])?;
            self.read.set(self.read.get() + n);
            Ok(n)
        }
    }
    let one = "BEGIN:VCARD\r\nFN:Anna\r\nEND:VCARD\r\n";
    let text = one.repeat(10_000);
    let count = std::rc::Rc::new(std::cell::Cell::new(0));
    let input = std::io::BufReader::with_capacity(
        64,
        Counting {
            inner: text.as_bytes(),
            read: count.clone(),
        },
    );
    let mut cards = read(input);
    assert_eq!(cards.next().unwrap().unwrap().draft.name, "Anna");
    assert!(count.get() < 4 * one.len(), "read {} bytes", count.get());
    assert_eq!(cards.count(), 9_999);
}

fn line_count(bytes: &[u8]) -> u64 {
    let newlines = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
    newlines + u64::from(!bytes.ends_with(b"\n"))
}

fn check_lines(bytes: &[u8]) -> Result<(), TestCaseError> {
    let lines = line_count(bytes);
    for item in read(bytes) {
        let line = match &item {
            Ok(c) => c.line,
            Err(p) => p.line,
        };
        prop_assert!(
            line >= 1 && line <= lines,
            "line {line} of {lines}: {item:?}"
        );
    }
    Ok(())
}

/// Pieces real cards are made of, and ways they break.
fn near_vcard() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just("BEGIN:VCARD".to_string()),
        Just("END:VCARD".to_string()),
        Just("VERSION:2.1".to_string()),
        Just("FN:Anna Berg".to_string()),
        Just("N:Berg;Anna;;;".to_string()),
        Just("FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=91=".to_string()),
        Just("=C3".to_string()),
        Just(" folded".to_string()),
        Just("\tfolded".to_string()),
        Just("BDAY:--0229".to_string()),
        Just("BDAY;VALUE=text:circa 1800".to_string()),
        Just("item1.X-ABDATE;X-APPLE-OMIT-YEAR=1604:1604-02-29".to_string()),
        Just("item1.X-ABLabel:_$!<Anniversary>!$_".to_string()),
        Just("PHOTO;ENCODING=BASE64:AAAA".to_string()),
        Just("QUJD".to_string()),
        Just("TEL;TYPE=\"work,voice\";PREF=1:tel:+1-555;ext=1".to_string()),
        Just("ADR;TYPE=home:;;a\\,b;c;;;".to_string()),
        Just("EMAIL;PREF:a@b.c".to_string()),
        Just("KIND:org".to_string()),
        Just("CATEGORIES:a\\,b,c".to_string()),
        Just(String::new()),
        "[ -~]{0,30}",
        "[A-Z-]{1,8}(;[A-Z=\"]{0,8})?:[^\\r\\n]{0,20}",
        "\\PC{0,10}",
    ];
    let line_end = prop_oneof![Just("\r\n"), Just("\n"), Just("\r\r\n"), Just("")];
    proptest::collection::vec((piece, line_end), 0..40).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(p, end)| [p, end.to_string()])
            .collect::<String>()
            .into_bytes()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic_and_lines_stay_in_the_file(
        bytes in proptest::collection::vec(any::<u8>(), 0..2000)
    ) {
        check_lines(&bytes)?;
    }

    #[test]
    fn near_vcard_text_never_panics_and_lines_stay_in_the_file(bytes in near_vcard()) {
        check_lines(&bytes)?;
    }
}
