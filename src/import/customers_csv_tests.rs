use std::io::Read;

use proptest::prelude::*;

use super::*;

/// A Google Contacts export in the older layout ("Given Name", "Group Membership",
/// "Event 1 - Type"); Anna's notes and formatted address hold line breaks, so her
/// row spans lines 2 to 4 and Finn's starts on line 5.
fn google_csv() -> String {
    let header = "Name,Given Name,Additional Name,Family Name,Nickname,Birthday,Notes,\
                  Group Membership,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,\
                  E-mail 2 - Value,Phone 1 - Type,Phone 1 - Value,Address 1 - Type,\
                  Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - Region,\
                  Address 1 - Postal Code,Address 1 - Country,Organization 1 - Type,\
                  Organization 1 - Name,Organization 1 - Title,Event 1 - Type,Event 1 - Value";
    let anna = "Anna Berg,Anna,,Berg,Annie,1985-03-22,\"Likes rye, dark\nAllergic to nuts\",\
                * myContacts ::: Friends ::: Cake club,* Home,anna@example.com,* Work,\
                anna@work.example,Mobile,+46 70 123 45 67 ::: +46 40 11 22 33,Home,\
                \"Storgatan 1\n222 22 Lund\",Storgatan 1,Lund,,222 22,Sweden,,\
                \"Berg, Lund & Co\",Owner,Anniversary,2010-06-12";
    let finn = format!(
        "Finn Holm,Finn,,Holm,,--11-05,,* myContacts,,finn@example.com{}",
        ",".repeat(16)
    );
    format!("{header}\n{anna}\n{finn}\n")
}

/// The newer Google layout: "First Name", "Labels", "… - Label".
fn google_new_csv() -> &'static str {
    "First Name,Middle Name,Last Name,Nickname,Organization Name,Organization Title,Birthday,\
     Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,\
     Address 1 - Label,Address 1 - City,Address 1 - Country,Event 1 - Label,Event 1 - Value\r\n\
     Sara,,Lind,,,,--07-14,,* myContacts ::: VIP,Home,sara@example.com,Mobile,+46 70 000 00 00,\
     Home,Malmö,Sweden,Graduation,2015-06-01\r\n"
}

/// An Outlook export: US dates, "0/0/00" for none, business and home addresses.
fn outlook_csv() -> String {
    let header = "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,\
                  Business Street,Business City,Business State,Business Postal Code,\
                  Business Country/Region,Home Street,Home City,Home State,Home Postal Code,\
                  Home Country/Region,Business Phone,Home Phone,Mobile Phone,Anniversary,\
                  Birthday,Categories,E-mail Address,E-mail Type,E-mail Display Name,\
                  E-mail 2 Address,Notes";
    let john = "Mr.,John,Q,Smith,,Acme Inc.,Sales,Buyer,1 Main St,Springfield,IL,62701,\
                United States,12 Elm St,Shelbyville,IL,62565,United States,(217) 555-0100,,\
                (217) 555-0199,6/15/2005,3/22/1980,Business;VIP,john@acme.example,SMTP,\
                John Smith (john@acme.example),john@home.example,\"Prefers email, not calls\"";
    let mary = format!(
        ",Mary,,Jones{}0/0/00,0/0/00,,mary@example.com,SMTP,,,",
        ",".repeat(18)
    );
    format!("{header}\r\n{john}\r\n{mary}\r\n")
}

/// What `read` yields for one row.
type Item = Result<(u64, CustomerDraft, Option<String>), ImportProblem>;

fn read_all(csv: &str, mapping: &Mapping) -> Vec<Item> {
    read(csv.as_bytes(), mapping).collect()
}

fn drafts(csv: &str) -> Vec<(u64, CustomerDraft, Option<String>)> {
    let preview = preview(csv.as_bytes(), 10).unwrap();
    read_all(csv, &preview.mapping)
        .into_iter()
        .map(|r| r.unwrap())
        .collect()
}

fn column_of(preview: &Preview, header: &str) -> Field {
    let i = preview.headers.iter().position(|h| h == header).unwrap();
    preview.mapping.columns[i].clone()
}

#[test]
fn a_google_contacts_export_is_recognised_and_mapped() {
    let csv = google_csv();
    let p = preview(csv.as_bytes(), 10).unwrap();
    assert_eq!(p.detected, Detected::Google);
    assert_eq!(p.mapping.date_order, DateOrder::Ymd);
    assert_eq!(p.headers.len(), 26);
    for (header, field) in [
        ("Name", Field::Name),
        ("Given Name", Field::GivenName),
        ("Additional Name", Field::Ignore),
        ("Family Name", Field::FamilyName),
        ("Nickname", Field::Nickname),
        ("Birthday", Field::Birthday),
        ("Notes", Field::Note),
        ("Group Membership", Field::Tags),
        ("E-mail 1 - Type", Field::Ignore),
        ("E-mail 1 - Value", Field::Email),
        ("E-mail 2 - Value", Field::Email),
        ("Phone 1 - Value", Field::Phone),
        ("Address 1 - Formatted", Field::Ignore),
        ("Address 1 - Street", Field::Street),
        ("Address 1 - City", Field::City),
        ("Address 1 - Postal Code", Field::PostalCode),
        ("Address 1 - Country", Field::Country),
        ("Organization 1 - Name", Field::Company),
        ("Organization 1 - Title", Field::Role),
        ("Event 1 - Type", Field::DateLabel),
        ("Event 1 - Value", Field::Date("Anniversary".into())),
    ] {
        assert_eq!(column_of(&p, header), field, "{header}");
    }
    // The preview shows the first rows as they are, whole quoted cells included.
    assert_eq!(p.rows.len(), 2);
    assert_eq!(p.rows[0][6], "Likes rye, dark\nAllergic to nuts");
}

#[test]
fn a_google_row_becomes_a_draft_with_every_value() {
    let rows = drafts(&google_csv());
    let (line, anna, note) = &rows[0];
    assert_eq!(*line, 2);
    assert_eq!(anna.name, "Anna Berg");
    assert_eq!(anna.given_name.as_deref(), Some("Anna"));
    assert_eq!(anna.family_name.as_deref(), Some("Berg"));
    assert_eq!(anna.nickname.as_deref(), Some("Annie"));
    assert_eq!(anna.company.as_deref(), Some("Berg, Lund & Co"));
    assert_eq!(anna.role.as_deref(), Some("Owner"));
    assert_eq!(anna.emails, vec!["anna@example.com", "anna@work.example"]);
    assert_eq!(anna.phones, vec!["+46 70 123 45 67", "+46 40 11 22 33"]);
    assert_eq!(anna.birthday.as_deref(), Some("1985-03-22"));
    assert_eq!(
        anna.dates,
        vec![DateDraft {
            label: "Anniversary".into(),
            date: "2010-06-12".into()
        }]
    );
    assert_eq!(anna.tags, vec!["Friends", "Cake club"]);
    assert_eq!(
        anna.addresses,
        vec![Address {
            street: Some("Storgatan 1".into()),
            postal_code: Some("222 22".into()),
            city: Some("Lund".into()),
            country: Some("Sweden".into()),
            ..Default::default()
        }]
    );
    assert_eq!(note.as_deref(), Some("Likes rye, dark\nAllergic to nuts"));
}

#[test]
fn a_google_birthday_without_year_stays_without_year() {
    let rows = drafts(&google_csv());
    let (_, finn, note) = &rows[1];
    assert_eq!(finn.birthday.as_deref(), Some("--11-05"));
    assert!(finn.tags.is_empty(), "myContacts is every contact's group");
    assert_eq!(*note, None);
}

#[test]
fn a_bad_date_is_a_problem_on_the_line_its_row_starts() {
    let csv = format!(
        "{}Bea Lund,,,,,2023-02-29{}\n",
        google_csv(),
        ",".repeat(20)
    );
    let p = preview(csv.as_bytes(), 10).unwrap();
    let results = read_all(&csv, &p.mapping);
    assert_eq!(results.len(), 3);
    // Anna's quoted line breaks push Finn to line 5 and Bea to line 6.
    assert_eq!(results[1].as_ref().unwrap().0, 5);
    let problem = results[2].as_ref().unwrap_err();
    assert_eq!(problem.line, 6);
    assert_eq!(
        problem.message,
        "Birthday: \"2023-02-29\": February 2023 has no day 29 (it has 28 days)"
    );
}

#[test]
fn the_newer_google_layout_with_first_name_and_labels_is_recognised() {
    let p = preview(google_new_csv().as_bytes(), 10).unwrap();
    assert_eq!(p.detected, Detected::Google);
    assert_eq!(column_of(&p, "Organization Name"), Field::Company);
    assert_eq!(column_of(&p, "Labels"), Field::Tags);
    assert_eq!(column_of(&p, "Event 1 - Label"), Field::DateLabel);
    let rows = drafts(google_new_csv());
    let (line, sara, _) = &rows[0];
    assert_eq!(*line, 2);
    assert_eq!(
        sara.name, "Sara Lind",
        "built from the given and family names"
    );
    assert_eq!(sara.birthday.as_deref(), Some("--07-14"));
    assert_eq!(sara.tags, vec!["VIP"]);
    assert_eq!(sara.emails, vec!["sara@example.com"]);
    assert_eq!(sara.addresses[0].city.as_deref(), Some("Malmö"));
    assert_eq!(
        sara.dates,
        vec![DateDraft {
            label: "Graduation".into(),
            date: "2015-06-01".into()
        }]
    );
}

#[test]
fn an_outlook_export_is_recognised_and_reads_dates_month_first() {
    let csv = outlook_csv();
    let p = preview(csv.as_bytes(), 10).unwrap();
    assert_eq!(p.detected, Detected::Outlook);
    assert_eq!(p.mapping.date_order, DateOrder::Mdy);
    for (header, field) in [
        ("Title", Field::Ignore),
        ("First Name", Field::GivenName),
        ("Middle Name", Field::Ignore),
        ("Last Name", Field::FamilyName),
        ("Job Title", Field::Role),
        ("Business Street", Field::Street),
        ("Business State", Field::Region),
        ("Business Country/Region", Field::Country),
        ("Home City", Field::City),
        ("Mobile Phone", Field::Phone),
        ("Anniversary", Field::Date("Anniversary".into())),
        ("Categories", Field::Tags),
        ("E-mail Address", Field::Email),
        ("E-mail Type", Field::Ignore),
        ("E-mail Display Name", Field::Ignore),
        ("E-mail 2 Address", Field::Email),
    ] {
        assert_eq!(column_of(&p, header), field, "{header}");
    }
    let rows = drafts(&csv);
    let (_, john, note) = &rows[0];
    assert_eq!(john.name, "John Smith");
    assert_eq!(john.birthday.as_deref(), Some("1980-03-22"));
    assert_eq!(john.dates[0].date, "2005-06-15");
    assert_eq!(john.dates[0].label, "Anniversary");
    assert_eq!(john.tags, vec!["Business", "VIP"]);
    assert_eq!(john.emails, vec!["john@acme.example", "john@home.example"]);
    assert_eq!(john.phones, vec!["(217) 555-0100", "(217) 555-0199"]);
    assert_eq!(john.company.as_deref(), Some("Acme Inc."));
    assert_eq!(note.as_deref(), Some("Prefers email, not calls"));
    let cities: Vec<_> = john.addresses.iter().map(|a| a.city.as_deref()).collect();
    assert_eq!(cities, vec![Some("Springfield"), Some("Shelbyville")]);
    assert_eq!(john.addresses[0].street.as_deref(), Some("1 Main St"));
    assert_eq!(john.addresses[1].postal_code.as_deref(), Some("62565"));
}

#[test]
fn outlooks_zero_date_means_no_date() {
    let rows = drafts(&outlook_csv());
    let (line, mary, _) = &rows[1];
    assert_eq!(*line, 3);
    assert_eq!(mary.name, "Mary Jones");
    assert_eq!(mary.birthday, None);
    assert!(mary.dates.is_empty());
}

#[test]
fn other_files_are_mapped_by_header_names_ignoring_case_and_spacing() {
    let csv = "Full name, E-MAIL ,phone_number,Date of birth,Company,Town,Tags,Favourite cake\n\
               Åsa Öberg,asa@example.com,+46 8 123,22/03/1980,,Lund,\"vip, cakes\",Prinsesstårta\n";
    let p = preview(csv.as_bytes(), 10).unwrap();
    assert_eq!(p.detected, Detected::Generic);
    assert_eq!(
        p.mapping.columns,
        vec![
            Field::Name,
            Field::Email,
            Field::Phone,
            Field::Birthday,
            Field::Company,
            Field::City,
            Field::Tags,
            Field::Ignore
        ]
    );
    assert_eq!(
        p.mapping.date_order,
        DateOrder::Dmy,
        "22/03 can only be day first"
    );
    let rows = drafts(csv);
    let (_, asa, _) = &rows[0];
    assert_eq!(asa.birthday.as_deref(), Some("1980-03-22"));
    assert_eq!(asa.tags, vec!["vip", "cakes"]);
    assert_eq!(asa.company, None);
}

#[test]
fn a_row_with_only_a_company_is_a_business() {
    let rows = drafts("company,email\nBageriet AB,info@bageriet.example\n");
    assert_eq!(rows[0].1.name, "Bageriet AB");
    assert_eq!(rows[0].1.kind, CustomerKind::Business);
}

#[test]
fn a_row_without_name_company_or_email_is_a_problem_and_empty_rows_are_skipped() {
    let csv = "name,phone,city\n,,\n,+46 8 123,Lund\nFinn,,\n";
    let p = preview(csv.as_bytes(), 10).unwrap();
    let results = read_all(csv, &p.mapping);
    assert_eq!(results.len(), 2);
    let problem = results[0].as_ref().unwrap_err();
    assert_eq!(problem.line, 3);
    assert!(problem.message.contains("no name"), "{}", problem.message);
    assert_eq!(results[1].as_ref().unwrap().0, 4);
}

#[test]
fn a_header_that_does_not_fit_the_mapping_is_one_problem_at_line_1() {
    let mapping = Mapping {
        columns: vec![Field::Name],
        date_order: DateOrder::Ymd,
    };
    let results = read_all("name,email\nAnna,anna@example.com\n", &mapping);
    assert_eq!(results.len(), 1);
    let problem = results[0].as_ref().unwrap_err();
    assert_eq!(problem.line, 1);
    assert!(problem.message.contains("2 columns"), "{}", problem.message);
}

#[test]
fn an_empty_file_has_no_preview() {
    let e = preview("".as_bytes(), 5).unwrap_err();
    assert!(e.0.starts_with("line 1:"), "{e}");
}

#[test]
fn a_row_that_is_not_utf8_is_a_problem_and_the_rest_is_read() {
    let mut csv = b"name,city\nAnna,Lund\nFinn,Malm".to_vec();
    csv.extend([0xF6, b'\n']);
    csv.extend(b"Sara,Ystad\n");
    let p = preview(csv.as_slice(), 10).unwrap();
    let results: Vec<_> = read(csv.as_slice(), &p.mapping).collect();
    assert_eq!(results.len(), 3);
    assert_eq!(results[1].as_ref().unwrap_err().line, 3);
    assert!(results[1].as_ref().unwrap_err().message.contains("UTF-8"));
    assert_eq!(results[2].as_ref().unwrap().1.name, "Sara");
}

#[test]
fn a_quote_put_before_formula_like_text_by_an_export_is_taken_off() {
    let rows = drafts("name,phone,notes\n'-Minus,'+46 8 123,'it's fine\n");
    assert_eq!(rows[0].1.name, "-Minus");
    assert_eq!(rows[0].1.phones, vec!["+46 8 123"]);
    assert_eq!(rows[0].2.as_deref(), Some("'it's fine"));
}

#[test]
fn reading_streams_row_by_row() {
    /// A file that never ends: a header, then the same row forever.
    struct Endless {
        header: Option<&'static [u8]>,
        row: &'static [u8],
        at: usize,
    }
    impl Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if let Some(h) = self.header.take() {
                buf[..h.len()].copy_from_slice(h);
                return Ok(h.len());
            }
            let n = buf.len().min(self.row.len() - self.at);
            buf[..n].copy_from_slice(&self.row[self.at..self.at + n]);
            self.at = (self.at + n) % self.row.len();
            Ok(n)
        }
    }
    let input = Endless {
        header: Some(b"name,email\n"),
        row: b"Anna,anna@example.com\n",
        at: 0,
    };
    let mapping = Mapping {
        columns: vec![Field::Name, Field::Email],
        date_order: DateOrder::Ymd,
    };
    let lines: Vec<u64> = read(input, &mapping)
        .take(3)
        .map(|r| r.unwrap().0)
        .collect();
    assert_eq!(lines, vec![2, 3, 4]);
}

#[test]
fn dates_read_in_the_chosen_order() {
    use DateOrder::*;
    let ok = |text: &str, order| parse_date(text, order).unwrap();
    let some = |s: &str| Some(s.to_owned());
    assert_eq!(ok("3/22/1980", Mdy), some("1980-03-22"));
    assert_eq!(ok("22.03.1980", Dmy), some("1980-03-22"));
    assert_eq!(ok("03/04/1980", Mdy), some("1980-03-04"));
    assert_eq!(ok("03/04/1980", Dmy), some("1980-04-03"));
    assert_eq!(
        ok("22/03/1980", Ymd),
        some("1980-03-22"),
        "only one reading"
    );
    assert_eq!(ok("1980-03-22", Dmy), some("1980-03-22"));
    assert_eq!(ok("1980/3/22", Mdy), some("1980-03-22"));
    assert_eq!(ok("19800322", Ymd), some("1980-03-22"));
    assert_eq!(ok("1980-03-22T00:00:00Z", Ymd), some("1980-03-22"));
    assert_eq!(ok("--03-22", Dmy), some("--03-22"), "never swapped");
    assert_eq!(ok(" --03-22", Ymd), some("--03-22"));
    assert_eq!(ok("3/22", Mdy), some("--03-22"));
    assert_eq!(ok("22/3", Dmy), some("--03-22"));
    assert_eq!(ok("0/0/00", Mdy), None);
    assert_eq!(ok("", Mdy), None);
}

#[test]
fn dates_with_english_month_names_read_in_any_order() {
    let ok = |text: &str| parse_date(text, DateOrder::Mdy).unwrap();
    let some = |s: &str| Some(s.to_owned());
    assert_eq!(ok("March 22, 1980"), some("1980-03-22"));
    assert_eq!(ok("22 March 1980"), some("1980-03-22"));
    assert_eq!(ok("Sat, 22 Mar 1980"), some("1980-03-22"));
    assert_eq!(ok("22nd march"), some("--03-22"));
    assert_eq!(ok("Sept 1 1999"), some("1999-09-01"));
}

#[test]
fn dates_that_cannot_be_read_say_why() {
    let err = |text: &str, order| parse_date(text, order).unwrap_err();
    assert!(err("03/04/1980", DateOrder::Ymd).contains("day/month or month/day"));
    assert!(err("3/22/80", DateOrder::Mdy).contains("two-digit year"));
    assert!(err("3/22/1980", DateOrder::Dmy).contains("month 22 does not exist"));
    assert!(err("soon", DateOrder::Ymd).contains("is not a date"));
    assert!(err("Mar 1980", DateOrder::Ymd).contains("is not a date"));
    assert!(err("99999999999/1/1", DateOrder::Ymd).contains("is not a date"));
    assert!(err("1980-02-30", DateOrder::Ymd).contains("February 1980 has no day 30"));
}

#[test]
fn the_mapping_serializes_in_kebab_case_with_the_dates_label() {
    let mapping = Mapping {
        columns: vec![
            Field::GivenName,
            Field::Date("Wedding".into()),
            Field::DateLabel,
            Field::Ignore,
        ],
        date_order: DateOrder::Mdy,
    };
    let json = serde_json::to_string(&mapping).unwrap();
    assert_eq!(
        json,
        r#"{"columns":["given-name",{"date":"Wedding"},"date-label","ignore"],"date_order":"mdy"}"#
    );
    assert_eq!(serde_json::from_str::<Mapping>(&json).unwrap(), mapping);
    assert_eq!(
        serde_json::to_string(&Detected::Outlook).unwrap(),
        "\"outlook\""
    );
}

fn field() -> impl Strategy<Value = Field> {
    prop_oneof![
        Just(Field::Name),
        Just(Field::GivenName),
        Just(Field::FamilyName),
        Just(Field::Company),
        Just(Field::Email),
        Just(Field::Phone),
        Just(Field::Birthday),
        Just(Field::Date("Anniversary".into())),
        Just(Field::DateLabel),
        Just(Field::Street),
        Just(Field::City),
        Just(Field::Country),
        Just(Field::Tags),
        Just(Field::Note),
        Just(Field::Ignore),
    ]
}

fn csv_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(",".to_owned()),
        Just("\"".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("'".to_owned()),
        Just(":::".to_owned()),
        Just("--".to_owned()),
        Just("/".to_owned()),
        Just("E-mail 1 - Value".to_owned()),
        Just("Birthday".to_owned()),
        Just("Event 1 - Type".to_owned()),
        Just("Home City".to_owned()),
        Just("0/0/00".to_owned()),
        Just("é🎂".to_owned()),
        "[a-zA-Z0-9 @.+*-]{0,8}",
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|p| p.concat())
}

proptest! {
    #[test]
    fn any_input_reads_without_panicking(
        text in csv_text(),
        bytes in proptest::collection::vec(any::<u8>(), 0..200),
        columns in proptest::collection::vec(field(), 0..10),
        order in prop_oneof![Just(DateOrder::Ymd), Just(DateOrder::Mdy), Just(DateOrder::Dmy)],
    ) {
        for input in [text.as_bytes(), bytes.as_slice()] {
            if let Ok(p) = preview(input, 3) {
                prop_assert_eq!(p.mapping.columns.len(), p.headers.len());
                for (line, draft, _) in read(input, &p.mapping).flatten() {
                    prop_assert!(line >= 2);
                    prop_assert!(!draft.name.is_empty());
                }
            }
            let mapping = Mapping { columns: columns.clone(), date_order: order };
            for row in read(input, &mapping) {
                let _ = row;
            }
        }
    }

    #[test]
    fn any_date_text_is_read_or_refused_without_panicking(text in "\\PC{0,24}") {
        for order in [DateOrder::Ymd, DateOrder::Mdy, DateOrder::Dmy] {
            if let Ok(Some(date)) = parse_date(&text, order) {
                prop_assert!(date.parse::<PartialDate>().is_ok(), "{}", date);
            }
        }
    }
}
